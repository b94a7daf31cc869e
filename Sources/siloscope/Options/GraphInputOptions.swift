import ArgumentParser
import NetworkCore

/// The input every graph command takes: a dataset folder or a graph file, plus how to
/// read it. Shared by `metrics`, `bridging`, `render` (and later `mainpath`, `convert`).
struct GraphInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "A dataset folder (with dataset.yml) or a graph file.",
        discussion: "Graph files: Pajek .net/.paj, an edge list (.tsv/.txt: whitespace-separated; .csv: comma-separated; two columns citing, cited, optional weight; '#' comments) or GraphML (.graphml). Any of them may be gzip-compressed (e.g. CiteB.net.gz): detected by its first bytes, the format taken from the name without .gz.",
        valueName: "input"))
    var input: String

    @Option(help: ArgumentHelp(
        "A TSV/CSV table of node attributes whose first column is the node id.",
        discussion: "Column names come from a header row or from a leading '#' comment line.",
        valueName: "file"))
    var nodes: String?

    @Option(name: .customLong("partition"), help: ArgumentHelp(
        "A Pajek partition (.clu) for a Pajek network, attached as a node attribute named after the file (e.g. SmaGriPY). Repeatable.",
        valueName: "file"))
    var partitions: [String] = []

    @Option(name: .customLong("vector"), help: ArgumentHelp(
        "A Pajek vector (.vec) for a Pajek network, attached as a node attribute named after the file. Repeatable.",
        valueName: "file"))
    var vectors: [String] = []

    @Flag(help: "The file's arcs point cited → citing (Cora, CiteSeer, the HistCite files): reverse them so that an arc means 'cites'.")
    var reverse = false

    @Option(help: "What to do with repeated arcs between the same ordered pair: keep, drop or sum (into a weight).")
    var duplicates: GraphBuilder.DuplicatePolicy = .keep

    @Option(name: .customLong("self-loops"), help: "What to do with arcs from a work to itself: keep or drop.")
    var selfLoops: GraphBuilder.SelfLoopPolicy = .keep
}

extension GraphBuilder.DuplicatePolicy: ExpressibleByArgument {}
extension GraphBuilder.SelfLoopPolicy: ExpressibleByArgument {}
