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
    /// Computed by the measure's entry in ``AnalysisCatalogue`` (same key), the one place
    /// that also gives reports their names, methods sentences and parameter rows.
    func compute(on graph: Graph, _ p: MeasureParameters) -> [Double] {
        var parameters = AnalysisParameters()
        parameters.epsilon = p.epsilon
        parameters.delta = p.delta
        parameters.seed = p.seed
        parameters.resolution = p.resolution
        // Every choice has an entry (MetricsCatalogueTests); NaN would mark a missing one.
        guard let entry = AnalysisCatalogue.measure(rawValue) else { return [Double](repeating: .nan, count: graph.nodeCount) }
        return entry.compute(graph, parameters, .standardError)
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
