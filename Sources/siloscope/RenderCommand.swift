import ArgumentParser
import Bibliometrics
import Foundation
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore
import Reporting

/// `siloscope render INPUT --figure NAME --out FILE`: one figure, laid out and rendered
/// in-process by Graphviz.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a figure of a network as SVG, PDF or PNG (format from the --out extension).",
        discussion: """
            Figures: network (nodes coloured by --group, arcs between groups emphasised, legend inside the image; \
            large graphs reduced to the top --max-nodes works by PageRank, as the caption states), \
            quotient (groups as nodes, arcs weighted by the citations between them), \
            mainpath (the main path laid out by year with --years, arcs cited → citing, width by traversal weight; \
            the main-path options are those of 'siloscope mainpath'), \
            historiograph (the --top works most cited within the network, by local citation score as HistCite \
            defines it, one row per year given by --years, the citations among them), \
            lineage (a dataset folder's lineage layer by year, coloured by --group or the dataset's grouping).
            Example: siloscope render cora.cites --reverse --nodes cora-labels.tsv --group class_name --figure network --out cora.png
            """)

    enum Figure: String, CaseIterable, ExpressibleByArgument {
        case network, quotient, mainpath, historiograph, lineage
    }

    @OptionGroup var input: GraphInputOptions

    @Option(help: "The figure to draw: \(Figure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var figure: Figure

    @Option(help: ArgumentHelp("The output file; its extension (.svg, .pdf, .png) picks the format.", valueName: "file"))
    var out: String

    @Option(help: ArgumentHelp("The node attribute that colours the nodes (network) or forms the groups (quotient).", valueName: "attr"))
    var group: String?

    @Option(help: "Layout engine (default: sfdp for networks, dot for the quotient graph). 'dot' is only practical for small DAGs.")
    var engine: LayoutEngine?

    @OptionGroup(title: "Main path (--figure mainpath)") var mainPath: MainPathOptions

    @Option(help: "Historiograph: the number of works shown (most cited within the network).")
    var top: Int = 30

    @Option(name: .customLong("max-nodes"), help: "Largest number of works drawn; larger graphs are reduced to the top works by PageRank.")
    var maxNodes: Int = 150

    func validate() throws {
        guard FigureFormat(fileExtensionOf: out) != nil else {
            throw ValidationError("--out must end in .svg, .pdf or .png (got '\(out)')")
        }
        guard maxNodes >= 1 else { throw ValidationError("--max-nodes must be at least 1") }
        guard top >= 1 && top <= 150 else { throw ValidationError("--top must be between 1 and 150") }
    }

    func run() throws {
        guard let format = FigureFormat(fileExtensionOf: out) else { return }
        if figure == .lineage {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.input, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--figure lineage draws a dataset folder's lineage layer; '\(input.input)' is not a dataset folder")
            }
            let dataset = try Dataset.load(folder: input.input)
            guard let fig = try LineageFigure.figure(dataset: dataset, groupAttribute: group ?? dataset.group) else {
                throw ValidationError("the dataset '\(dataset.manifest.name)' has no lineage arcs")
            }
            let bytes = try fig.render(format: format)
            try OutputFolder.writeFile(out, bytes)
            ProgressLog.standardError("wrote \(out) (\(bytes.count) bytes)")
            return
        }
        let loaded = try InputLoader.load(input)
        let graph = loaded.graph
        let partition: Partition
        if let group {
            partition = Partition(values: try loaded.column(group))
        } else {
            partition = Partition(values: [String?](repeating: "all", count: graph.nodeCount))
        }
        ProgressLog.standardError("laying out \(figure.rawValue) with \(engine?.rawValue ?? "the default engine")")
        let bytes: [UInt8]
        switch figure {
        case .network:
            var options = PartitionNetworkFigure.Options()
            options.maxNodes = maxNodes
            options.groupTitle = group ?? "Group"
            if let engine { options.engine = engine }
            let labels = loaded.labels
            let dois = loaded.attributes["doi"]
            let fig = try PartitionNetworkFigure(
                graph: graph, partition: partition, labels: labels, dois: dois,
                scores: graph.pageRank().scores, options: options)
            bytes = try fig.render(format: format)
        case .quotient:
            var options = QuotientFigure.Options()
            options.groupTitle = group ?? "Group"
            options.flowNoun = "citations"
            if let engine { options.engine = engine }
            let fig = try QuotientFigure(quotient: graph.quotient(by: partition), missingGroup: partition.missingGroup, options: options)
            bytes = try fig.render(format: format)
        case .mainpath:
            let (dag, result, years) = try mainPath.run(on: loaded)
            let labels = loaded.labels
            let fig = try MainPathFigure.figure(
                graph: graph, dag: dag, result: result, labels: labels,
                years: years ?? [Int?](repeating: nil, count: graph.nodeCount),
                partition: partition, groupTitle: group ?? "Group")
            bytes = try fig.render(format: format)
        case .historiograph:
            guard let yearsAttribute = mainPath.years else {
                throw ValidationError("--figure historiograph needs --years ATTR (each work's year)")
            }
            let years = try loaded.years(yearsAttribute)
            let labels = loaded.labels
            let fig = try HistoriographFigure.figure(
                graph: graph, years: years, top: top, labels: labels, partition: partition, groupTitle: group ?? "Group")
            bytes = try fig.render(format: format)
        case .lineage:
            return  // handled above, before the graph is loaded
        }
        try OutputFolder.writeFile(out, bytes)
        ProgressLog.standardError("wrote \(out) (\(bytes.count) bytes)")
    }
}

extension LayoutEngine: ExpressibleByArgument {}
