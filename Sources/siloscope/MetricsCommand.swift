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
            strongComponents, acyclic} and nodes [{id, inDegree, outDegree, pagerank}]. CSV: one row per node.
            Example: siloscope metrics cora.cites --reverse --format json
            """)

    /// The per-node measures this command can compute.
    enum Measure: String, CaseIterable, ExpressibleByArgument {
        case inDegree, outDegree, pagerank
    }

    @OptionGroup var input: GraphInputOptions

    @Option(help: ArgumentHelp(
        "Comma-separated per-node measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "list"))
    var metrics: String = Measure.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: "Output format: json or csv.")
    var format: TableFormat = .json

    func validate() throws {
        _ = try selectedMeasures()
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
        let ins = measures.contains(.inDegree) ? graph.inDegrees() : nil
        let outs = measures.contains(.outDegree) ? graph.outDegrees() : nil
        let pr = measures.contains(.pagerank) ? graph.pageRank().scores : nil
        let rows = (0..<graph.nodeCount).map { v in
            NodeRow(id: graph.ids[v], inDegree: ins?[v], outDegree: outs?[v], pagerank: pr?[v])
        }
        switch format {
        case .json:
            StandardOutput.write(try JSONOutput.encode(MetricsOutput(graph: summary, nodes: rows)))
        case .csv:
            let table = ReportTable(
                name: "metrics", title: "", caption: "",
                columns: ["id"] + measures.map(\.rawValue),
                rows: rows.map { r in
                    [.text(r.id)] + measures.map { m -> ReportCell in
                        switch m {
                        case .inDegree: return r.inDegree.map { ReportCell.integer($0) } ?? .missing
                        case .outDegree: return r.outDegree.map { ReportCell.integer($0) } ?? .missing
                        case .pagerank: return r.pagerank.map { ReportCell.number($0, digits: 6) } ?? .missing
                        }
                    }
                })
            StandardOutput.write(try CSVTableWriter.csv(table))
        }
    }
}

/// One node of `metrics` output; measures not asked for are omitted from the JSON.
struct NodeRow: Encodable {
    var id: String
    var inDegree: Int?
    var outDegree: Int?
    var pagerank: Double?
}

/// The `metrics` JSON document (DESIGN §6).
struct MetricsOutput: Encodable {
    var graph: GraphSummary
    var nodes: [NodeRow]
}
