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

    @OptionGroup var parameters: MeasureOptions

    @Option(help: "Output format: json or csv.")
    var format: TableFormat = .json

    func validate() throws {
        _ = try selectedMeasures()
    }

    func selectedMeasures() throws -> [Measure] {
        try Measure.parseListForValidation(metrics)
    }

    func run() throws {
        let measures = try selectedMeasures()
        let loaded = try InputLoader.load(input)
        let graph = loaded.graph
        let summary = GraphSummary(graph: graph, selfLoops: loaded.selfLoops, duplicateArcs: loaded.duplicateArcs)
        var columns: [Measure: [Double]] = [:]
        for m in measures {
            ProgressLog.standardError("computing \(m.rawValue)")
            columns[m] = m.compute(on: graph, parameters.values)
        }
        // Labels (a Pajek file's vertex labels, or a `label` column of --nodes or of a
        // dataset's works) go beside the ids when the input has them.
        let labels: [String]? = loaded.attributes["label"] == nil ? nil : loaded.labels
        let row = { (v: Int) in NodeRow(id: graph.ids[v], label: labels?[v], values: columns.mapValues { $0[v] }) }
        switch format {
        case .json:
            try MetricsJSONStream.write(summary: summary, nodeCount: graph.nodeCount, row: row, to: StandardOutput.write)
        case .csv:
            // Streamed in batches like the JSON: memory O(batch) beyond the measure columns.
            var out: [UInt8] = []
            CSVTableWriter.append(header: ["id"] + (labels == nil ? [] : ["label"]) + measures.map(\.rawValue), to: &out)
            StandardOutput.write(out)
            out.removeAll(keepingCapacity: true)
            var start = 0
            while start < graph.nodeCount {
                let end = min(graph.nodeCount, start + MetricsJSONStream.batchSize)
                CSVTableWriter.append(rows: (start..<end).lazy.map(row).map { r in
                    [.text(r.id)] + (r.label.map { [ReportCell.text($0)] } ?? []) + measures.map { m -> ReportCell in
                        guard let x = r.values[m] else { return .missing }
                        return m.isCount ? .integer(Int(x)) : .number(x, digits: 6)
                    }
                }, to: &out)
                StandardOutput.write(out)
                out.removeAll(keepingCapacity: true)
                start = end
            }
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
