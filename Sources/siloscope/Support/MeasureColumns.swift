import NetworkAlgorithms
import NetworkCore
import Reporting

/// The parameters of the per-node measures, shared by `metrics` and `convert`.
struct MeasureParameters {
    var epsilon: Double = 0.01
    var delta: Double = 0.1
    var seed: UInt64 = 1
    var resolution: Double = 1
}

extension MetricsCommand.Measure {
    /// The measure's value for every node of `graph` (counts as whole numbers in a
    /// `Double`; community numbers 0, 1, … in order of each community's first node).
    /// Progress and the modularity of found communities go to standard error.
    func compute(on graph: Graph, _ p: MeasureParameters) -> [Double] {
        switch self {
        case .inDegree: return graph.inDegrees().map(Double.init)
        case .outDegree: return graph.outDegrees().map(Double.init)
        case .pagerank: return graph.pageRank().scores
        case .betweenness: return graph.betweenness()
        case .approximateBetweenness:
            let estimate = graph.approximateBetweenness(epsilon: p.epsilon, delta: p.delta, seed: p.seed)
            ProgressLog.standardError("approximateBetweenness: \(estimate.samples) sampled pairs, at most \(estimate.maximumSamples) (KADABRA, ε \(p.epsilon), δ \(p.delta), seed \(p.seed), vertex-diameter bound \(estimate.vertexDiameterBound))")
            return estimate.scores
        case .closeness: return graph.closeness()
        case .harmonic: return graph.harmonicCentrality()
        case .hub: return graph.hits().hubs
        case .authority: return graph.hits().authorities
        case .eigenvector: return graph.eigenvectorCentrality().scores
        case .katz: return graph.katzCentrality().scores
        case .coreness: return graph.coreNumbers().map(Double.init)
        case .inCoreness: return graph.coreNumbers(.in).map(Double.init)
        case .outCoreness: return graph.coreNumbers(.out).map(Double.init)
        case .louvain, .leiden:
            let found = self == .louvain
                ? graph.louvain(resolution: p.resolution, seed: p.seed)
                : graph.leiden(resolution: p.resolution, seed: p.seed)
            let partition = found.partition
            ProgressLog.standardError("\(rawValue): \(partition.groupCount) communities, modularity \(found.modularity) (resolution \(p.resolution), seed \(p.seed))")
            return partition.groupOf.map { Double(Int(partition.groupNames[Int($0)]) ?? -1) }
        }
    }

    /// Parses a comma-separated list of measure names (duplicates dropped, order kept).
    static func parseList(_ list: String) throws -> [MetricsCommand.Measure] {
        var out: [MetricsCommand.Measure] = []
        for raw in list.split(separator: ",") {
            let name = String(raw).trimmingWhitespace()
            guard !name.isEmpty else { continue }
            guard let m = MetricsCommand.Measure(rawValue: name) else {
                throw ValidationErrorText("unknown measure '\(name)'; expected one of: \(MetricsCommand.Measure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !out.contains(m) { out.append(m) }
        }
        return out
    }
}

/// A plain validation message (ArgumentParser prints it as the error).
struct ValidationErrorText: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}
