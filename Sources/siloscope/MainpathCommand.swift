import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore
import Reporting

/// `siloscope mainpath INPUT`: main path analysis of a citation network.
struct MainpathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mainpath",
        abstract: "Main path analysis: the arcs that carry the most knowledge flow through a citation network.",
        discussion: """
            Arcs are read as citing → cited (use --reverse for files that point cited → citing); the analysis runs on the \
            reversed, knowledge-flow view and reports arcs cited → citing. Cycles are condensed (strong components merged) \
            or broken by removing arcs that cite later works and then back-arcs; the output says exactly what changed.
            JSON keys: weight, search, arcs [{from, to, weight}], nodes, totalWeight, ties, cyclesRemoved (plus paths, \
            precision, weightScale, arcDirection, routes, tolerance). Ties are broken by smallest node index and listed.
            Example: siloscope mainpath SmaGri.net --reverse --weight spc --search key-route --routes 5
            """)

    enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
        case json, dot
    }

    @OptionGroup var input: GraphInputOptions

    @OptionGroup var mainPath: MainPathOptions

    @Option(help: ArgumentHelp("A node attribute that colours the figure (--format dot).", valueName: "attr"))
    var group: String?

    @Option(help: "Output: json (the result) or dot (a year-ranked figure of the main path, as Graphviz DOT text).")
    var format: OutputFormat = .json

    @Option(help: ArgumentHelp(
        "Key-route sweep: comma-separated values of K (e.g. 1,2,5,10); prints for each K the size of the key-route main path network instead of one path.",
        valueName: "list"))
    var sweep: String?

    func run() throws {
        let loaded = try InputLoader.load(input)
        let graph = loaded.graph
        if let sweep {
            let ks = try sweep.split(separator: ",").map { part -> Int in
                guard let k = Int(part.trimmingCharacters(in: .whitespaces)), k >= 1 else {
                    throw ValidationError("--sweep takes positive whole numbers separated by commas (got '\(part)')")
                }
                return k
            }
            let dag = try KnowledgeFlowDAG(loaded.graph, direction: .citingToCited, cycles: .condense)
            let rows = MainPathAnalysis(dag: dag, weight: mainPath.weight).keyRouteSweep(ks)
            StandardOutput.write(try JSONOutput.encode(rows))
            return
        }
        let (dag, result, yearValues) = try mainPath.run(on: loaded)
        switch format {
        case .json:
            StandardOutput.write(try JSONOutput.encode(result))
        case .dot:
            let labels = loaded.labels
            let partition: Partition
            if let group {
                partition = Partition(values: try loaded.column(group))
            } else {
                partition = Partition(values: [String?](repeating: nil, count: graph.nodeCount))
            }
            let figure = try MainPathFigure.figure(
                graph: graph, dag: dag, result: result, labels: labels,
                years: yearValues ?? [Int?](repeating: nil, count: graph.nodeCount),
                partition: partition, groupTitle: group ?? "Group")
            StandardOutput.write(figure.dotGraph.text)
        }
    }
}

