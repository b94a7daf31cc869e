import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkCore
import Reporting

/// `siloscope convert INPUT --to FORMAT --out FILE`: the network (with its attributes,
/// measures, colours and layout) in another tool's format.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Write a network for Gephi, VOSviewer, Pajek, Cytoscape, yEd, igraph or Graphviz.",
        discussion: """
            Formats (--to): gexf (GEXF 1.3 with viz colours, sizes, positions: Gephi), graphml (typed keys: \
            Cytoscape, yEd, igraph, NetworkX), pajek (FILE.net plus FILE-NAME.clu per grouping and FILE-NAME.vec \
            per numeric attribute every node has), vosviewer (FILE as the map file plus FILE-network.txt), \
            vosviewer-json (VOSviewer Online), dot (Graphviz), edgelist (citing<TAB>cited[<TAB>weight]), csv \
            (FILE as the arc table plus FILE-nodes.csv). Arcs mean 'cites'. VOSviewer links are undirected: each \
            linked pair once, its strength the summed weight of the arcs between the two in either direction. \
            Pajek and VOSviewer map files are line-based: a tab or line break in a label becomes a space there, and \
            a Pajek label cannot hold a double quote (written as an apostrophe); the count of labels so changed is \
            in the summary. Every other format keeps labels exactly.
            The summary (files written, nodes, arcs, notes) is JSON on standard output.
            Example: siloscope convert cora.cites --reverse --nodes cora-labels.tsv --metrics pagerank,louvain \
            --color-by class_name --size-by pagerank --layout sfdp --to gexf --out cora.gexf
            Example: siloscope convert Datasets/coproduction-reviews --color-by literature --to vosviewer-json --out reviews.json
            """)

    /// The formats `convert` writes.
    enum Target: String, CaseIterable, ExpressibleByArgument {
        case gexf, graphml, pajek, vosviewer, vosviewerJSON = "vosviewer-json", dot, edgelist, csv
    }

    /// Layout engines for positions (`none`: no positions).
    enum Layout: String, CaseIterable, ExpressibleByArgument {
        case none, sfdp, fdp, neato, dot
        var engine: LayoutEngine? {
            switch self {
            case .none: return nil
            case .sfdp: return .sfdp
            case .fdp: return .fdp
            case .neato: return .neato
            case .dot: return .dot
            }
        }
    }

    @OptionGroup var input: GraphInputOptions

    @Option(help: "The format to write: \(Target.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: Target

    @Option(help: ArgumentHelp("The file to write (companion files are named after it).", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp(
        "Node attributes to carry: all (default), none, or a comma-separated list (e.g. year,literature).",
        valueName: "list"))
    var attributes: String = "all"

    @Option(help: ArgumentHelp(
        "Comma-separated per-node measures to compute and carry, as for 'metrics' (e.g. pagerank,inDegree,louvain). None by default.",
        valueName: "list"))
    var metrics: String = ""

    @OptionGroup var parameters: MeasureOptions

    @Option(name: .customLong("color-by"), help: ArgumentHelp(
        "A grouping attribute or community measure (louvain, leiden) that colours the nodes, numbers VOSviewer clusters and becomes a Pajek partition.",
        valueName: "attribute"))
    var colorBy: String?

    @Option(name: .customLong("size-by"), help: ArgumentHelp("A numeric attribute or measure that sizes the nodes.", valueName: "attribute"))
    var sizeBy: String?

    @Option(help: "Layout positions from Graphviz: \(Layout.allCases.map(\.rawValue).joined(separator: ", ")) (deterministic: fixed seed).")
    var layout: Layout = .none

    @Option(help: ArgumentHelp("A title for formats that carry one (GEXF, VOSviewer JSON, DOT).", valueName: "text"))
    var title: String?

    func validate() throws {
        _ = try MetricsCommand.Measure.parseListForValidation(metrics)
    }

    func run() throws {
        let measures = try MetricsCommand.Measure.parseListForValidation(metrics)
        let loaded = try InputLoader.load(input)
        var exportMeasures: [ExportMeasure] = []
        for m in measures {
            ProgressLog.standardError("computing \(m.rawValue)")
            exportMeasures.append(ExportMeasure(name: m.rawValue, values: m.compute(on: loaded.graph, parameters.values),
                                                isCount: m.isCount, isPartition: m == .louvain || m == .leiden))
        }
        let carried: [String]?
        switch attributes {
        case "all": carried = nil
        case "none": carried = []
        default: carried = attributes.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        let options = ExportOptions(attributes: carried, colorBy: colorBy, sizeBy: sizeBy, layout: layout.engine,
                                    title: title ?? (input.input as NSString).lastPathComponent)
        if layout != .none { ProgressLog.standardError("laying out \(loaded.graph.nodeCount) nodes with \(layout.rawValue)") }
        let network: ExportNetwork
        do {
            network = try ExportNetwork.build(graph: loaded.graph, attributes: loaded.attributes, measures: exportMeasures, options: options)
        } catch let error as ExportOptionError {
            throw ValidationError(error.description)
        }
        let written = try NetworkExport.write(network, to: to.format, path: out)
        for note in written.notes { ProgressLog.standardError(note) }
        StandardOutput.write(try JSONOutput.encode(written))
    }
}

extension ConvertCommand.Target {
    var format: NetworkExport.Format {
        switch self {
        case .gexf: return .gexf
        case .graphml: return .graphML
        case .pajek: return .pajek
        case .vosviewer: return .vosviewer
        case .vosviewerJSON: return .vosviewerJSON
        case .dot: return .dot
        case .edgelist: return .edgeList
        case .csv: return .csv
        }
    }
}

extension MetricsCommand.Measure {
    /// ``parseList(_:)`` with its message as an ArgumentParser validation error.
    static func parseListForValidation(_ list: String) throws -> [MetricsCommand.Measure] {
        do { return try parseList(list) } catch let error as ValidationErrorText { throw ValidationError(error.description) }
    }
}
