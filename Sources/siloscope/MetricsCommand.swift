import ArgumentParser
import Foundation
import NetworkAlgorithms
import NetworkCore
import Reporting

/// `siloscope metrics INPUT`: whole-graph summary and per-node measures.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Graph summary (nodes, arcs, components, acyclicity) and per-node measures.",
        discussion: """
            JSON keys: graph {nodes, arcs, selfLoops, duplicateArcs, weakComponents, largestWeakComponent, \
            strongComponents, acyclic} and nodes [{id, label (when the input has labels: Pajek vertex labels or a \
            label column), and one key per measure asked for, named as in --metrics}]. \
            CSV: one row per node.
            approximateBetweenness (KADABRA: Borassi & Natale 2019, doi:10.1145/3284359; adaptive sampling \
            with a stopping rule, capped at the Riondato & Kornaropoulos 2016 sample size, \
            doi:10.1007/s10618-015-0423-0) samples uniform shortest paths between random ordered pairs, \
            each by a balanced bidirectional search, and is normalised as a fraction of ordered pairs: \
            approximateBetweenness = betweenness / (n(n−1)) in expectation, where betweenness is the exact, \
            unnormalised directed count; with probability at least 1 − δ (--delta) every node's value is within \
            ε (--epsilon) of that exact fraction. Same graph, ε, δ and --seed give the same values.
            Example: siloscope metrics cora.cites --reverse --format json
            Example: siloscope metrics CiteB.net.gz --metrics inDegree,approximateBetweenness --epsilon 0.005 --seed 7
            """)

    /// The per-node measures this command can compute.
    enum Measure: String, CaseIterable, ExpressibleByArgument {
        case inDegree, outDegree, pagerank, betweenness, approximateBetweenness, closeness, harmonic, hub, authority, eigenvector, katz, coreness
        case inCoreness, outCoreness, louvain, leiden

        /// The measures computed when --metrics is not given (the cheap ones).
        static let defaults: [Measure] = [.inDegree, .outDegree, .pagerank]
    }

    @OptionGroup var input: GraphInputOptions

    @Option(help: ArgumentHelp(
        "Comma-separated per-node measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).",
        discussion: "betweenness: exact (Brandes), directed, parallel over sources, unnormalised (a count of shortest paths); approximateBetweenness: directed, sampled with an (ε, δ) guarantee, as a fraction of ordered node pairs (exact betweenness / (n(n−1))), see --epsilon, --delta, --seed; closeness and harmonic: over incoming paths (how directly a work is reached by the works citing it), as NetworkX; hub/authority: HITS; coreness: undirected k-core number; inCoreness/outCoreness: k-core number by in-/out-degree; louvain/leiden: community number (0, 1, … in order of each community's first node) on the undirected simple view, modularity with --resolution, seeded by --seed, the modularity printed on standard error.",
        valueName: "list"))
    var metrics: String = Measure.defaults.map(\.rawValue).joined(separator: ",")

    @Option(help: ArgumentHelp(
        "approximateBetweenness: the additive error bound ε on every node's value, 0 < ε < 1.",
        discussion: "The number of sampled pairs grows as 1/ε²: ε 0.01 draws tens of thousands of pairs.",
        valueName: "epsilon"))
    var epsilon: Double = 0.01

    @Option(help: ArgumentHelp(
        "approximateBetweenness: the probability δ that some node misses the ε bound, 0 < δ < 1.",
        valueName: "delta"))
    var delta: Double = 0.1

    @Option(help: ArgumentHelp(
        "approximateBetweenness, louvain, leiden: the seed of the pair sampler and of the community search (same seed, same values).",
        valueName: "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "louvain, leiden: the modularity resolution γ > 0 (larger: more, smaller communities).",
        valueName: "gamma"))
    var resolution: Double = 1

    @Option(help: "Output format: json or csv.")
    var format: TableFormat = .json

    func validate() throws {
        _ = try selectedMeasures()
        guard epsilon > 0 && epsilon < 1 else {
            throw ValidationError("--epsilon must lie strictly between 0 and 1 (got \(epsilon))")
        }
        guard delta > 0 && delta < 1 else {
            throw ValidationError("--delta must lie strictly between 0 and 1 (got \(delta))")
        }
        guard resolution > 0 && resolution.isFinite else {
            throw ValidationError("--resolution must be a positive number (got \(resolution))")
        }
    }

    func selectedMeasures() throws -> [Measure] {
        let names = metrics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var out: [Measure] = []
        for name in names {
            guard let m = Measure(rawValue: name) else {
                throw ValidationError("unknown measure '\(name)'; expected one of: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !out.contains(m) { out.append(m) }
        }
        return out
    }

    func run() throws {
        let measures = try selectedMeasures()
        let loaded = try InputLoader.load(input)
        let graph = loaded.graph
        let summary = GraphSummary(graph: graph, selfLoops: loaded.selfLoops, duplicateArcs: loaded.duplicateArcs)
        var columns: [Measure: [Double]] = [:]
        for m in measures {
            ProgressLog.standardError("computing \(m.rawValue)")
            switch m {
            case .inDegree: columns[m] = graph.inDegrees().map(Double.init)
            case .outDegree: columns[m] = graph.outDegrees().map(Double.init)
            case .pagerank: columns[m] = graph.pageRank().scores
            case .betweenness: columns[m] = graph.betweenness()
            case .approximateBetweenness:
                let estimate = graph.approximateBetweenness(epsilon: epsilon, delta: delta, seed: seed)
                ProgressLog.standardError("approximateBetweenness: \(estimate.samples) sampled pairs, at most \(estimate.maximumSamples) (KADABRA, ε \(epsilon), δ \(delta), seed \(seed), vertex-diameter bound \(estimate.vertexDiameterBound))")
                columns[m] = estimate.scores
            case .closeness: columns[m] = graph.closeness()
            case .harmonic: columns[m] = graph.harmonicCentrality()
            case .hub: columns[m] = graph.hits().hubs
            case .authority: columns[m] = graph.hits().authorities
            case .eigenvector: columns[m] = graph.eigenvectorCentrality().scores
            case .katz: columns[m] = graph.katzCentrality().scores
            case .coreness: columns[m] = graph.coreNumbers().map(Double.init)
            case .inCoreness: columns[m] = graph.coreNumbers(.in).map(Double.init)
            case .outCoreness: columns[m] = graph.coreNumbers(.out).map(Double.init)
            case .louvain, .leiden:
                let found = m == .louvain
                    ? graph.louvain(resolution: resolution, seed: seed)
                    : graph.leiden(resolution: resolution, seed: seed)
                let p = found.partition
                ProgressLog.standardError("\(m.rawValue): \(p.groupCount) communities, modularity \(found.modularity) (resolution \(resolution), seed \(seed))")
                columns[m] = p.groupOf.map { Double(Int(p.groupNames[Int($0)]) ?? -1) }
            }
        }
        // Labels (a Pajek file's vertex labels, or a `label` column of --nodes or of a
        // dataset's works) go beside the ids when the input has them.
        let labels: [String]? = loaded.attributes["label"] == nil ? nil : loaded.labels
        let rows = (0..<graph.nodeCount).map { v in
            NodeRow(id: graph.ids[v], label: labels?[v], values: columns.mapValues { $0[v] })
        }
        switch format {
        case .json:
            StandardOutput.write(try JSONOutput.encode(MetricsOutput(graph: summary, nodes: rows)))
        case .csv:
            let table = ReportTable(
                name: "metrics", title: "", caption: "",
                columns: ["id"] + (labels == nil ? [] : ["label"]) + measures.map(\.rawValue),
                rows: rows.map { r in
                    [.text(r.id)] + (r.label.map { [ReportCell.text($0)] } ?? []) + measures.map { m -> ReportCell in
                        guard let x = r.values[m] else { return .missing }
                        return m.isCount ? .integer(Int(x)) : .number(x, digits: 6)
                    }
                })
            StandardOutput.write(try CSVTableWriter.csv(table))
        }
    }
}

/// One node of `metrics` output; measures not asked for are omitted from the JSON.
struct NodeRow: Encodable {
    var id: String
    /// The node's label, when the input gives labels.
    var label: String?
    var values: [MetricsCommand.Measure: Double]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: Key(stringValue: "id"))
        if let label { try c.encode(label, forKey: Key(stringValue: "label")) }
        for m in MetricsCommand.Measure.allCases {
            guard let x = values[m] else { continue }
            if m.isCount { try c.encode(Int(x), forKey: Key(stringValue: m.rawValue)) } else { try c.encode(x, forKey: Key(stringValue: m.rawValue)) }
        }
    }
}

extension MetricsCommand.Measure {
    /// Whether the measure is a whole count (written as an integer).
    var isCount: Bool {
        switch self {
        case .inDegree, .outDegree, .coreness, .inCoreness, .outCoreness, .louvain, .leiden: return true
        default: return false
        }
    }
}

/// The `metrics` JSON document (DESIGN §6).
struct MetricsOutput: Encodable {
    var graph: GraphSummary
    var nodes: [NodeRow]
}
