import ArgumentParser
import Foundation
import NetworkCore
import Reporting

/// `siloscope report INPUT [--out DIR]`: the report of one dataset folder, or of one
/// citation network read from a graph file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of one dataset folder, or of one citation network file (index.html, report.md, metrics.json, tables/, figures/).",
        discussion: """
            The report folder is replaced atomically: if anything fails, the previous report stays as it was.
            For a graph file (Pajek, edge list, GraphML) the report holds the network's summary, its most central works, \
            its SPC main paths (local forward, global, key-route) drawn by year, and, with --years, its historiograph. \
            Example: siloscope report SmaGri.net --reverse --partition SmaGriPY.clu --years SmaGriPY --out Reports-networks
            """)

    @OptionGroup var input: GraphInputOptions

    @Option(help: ArgumentHelp("Where report folders are written; the report goes to <dir>/<name>.", valueName: "dir"))
    var out: String = "Reports"

    @Option(help: ArgumentHelp("Graph files: a node attribute holding each work's year.", valueName: "attr"))
    var years: String?

    @Option(help: ArgumentHelp("Graph files: a node attribute that colours the works.", valueName: "attr"))
    var group: String?

    @Option(help: ArgumentHelp("Graph files: the report's folder name (default: the file name without extension).", valueName: "name"))
    var name: String?

    @Option(help: ArgumentHelp("Graph files: the report's title.", valueName: "text"))
    var title: String?

    @Option(help: "Graph files: K of the key-route main path.")
    var routes: Int = 5

    @Option(help: ArgumentHelp("Imported corpora: references in the co-citation map (the most cited).", valueName: "n"))
    var cocitationTop: Int = 50

    @Option(help: ArgumentHelp("Imported corpora: map every reference cited at least this many times instead of the top --cocitation-top.", valueName: "k"))
    var cocitationMinCitations: Int?

    @Option(help: ArgumentHelp("Imported corpora: citing records in the bibliographic-coupling map (largest total coupling strength).", valueName: "n"))
    var couplingTop: Int = 50

    @Option(help: ArgumentHelp("Records in the historiograph (most cited within the network).", valueName: "n"))
    var historiographTop: Int = 30

    @Flag(help: ArgumentHelp(
        "At the end, print the wall time of every stage (loading, each section, writing) and the peak memory on standard error.",
        discussion: "Every progress line on standard error carries the seconds since the start; --timings adds a table of each stage's seconds and share of the total. The report's files are the same with or without it."))
    var timings = false

    func validate() throws {
        guard routes >= 1 else { throw ValidationError("--routes must be at least 1") }
        guard cocitationTop >= 3 else { throw ValidationError("--cocitation-top must be at least 3") }
        guard cocitationMinCitations.map({ $0 >= 1 }) ?? true else { throw ValidationError("--cocitation-min-citations must be at least 1") }
        guard couplingTop >= 3 else { throw ValidationError("--coupling-top must be at least 3") }
        guard historiographTop >= 1 else { throw ValidationError("--historiograph-top must be at least 1") }
    }

    func run() throws {
        let stageTimings = timings ? StageTimings() : nil
        let progress = ProgressLog.timedStandardError(recording: stageTimings)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: input.input, isDirectory: &isDirectory), isDirectory.boolValue {
            var parameters = DatasetReportBuilder.Parameters()
            parameters.coCitationTop = cocitationTop
            parameters.coCitationMinCitations = cocitationMinCitations
            parameters.couplingTop = couplingTop
            parameters.historiographTop = historiographTop
            let builder = DatasetReportBuilder(parameters: parameters, progress: progress)
            let report = try builder.build(folder: input.input)
            progress("writing the report files")
            progress("wrote \(try ReportFiles.write(report, into: out))")
            Self.print(stageTimings)
            return
        }
        progress("loading \(input.input)")
        let loaded = try InputLoader.load(input)
        let graph = loaded.graph
        let labels = loaded.labels
        let yearValues = try years.map { try loaded.years($0) }
        let partition = try group.map { Partition(values: try loaded.column($0)) }
        let stem = ((Gzip.uncompressedName(input.input) as NSString).lastPathComponent as NSString).deletingPathExtension
        let reportName = name ?? stem
        var parameters = NetworkReportBuilder.Parameters()
        parameters.keyRoutes = routes
        parameters.historiographTop = historiographTop
        let builder = NetworkReportBuilder(parameters: parameters, progress: progress)
        let report = try builder.build(NetworkReportBuilder.Input(
            name: reportName, title: title ?? "Citation network \(stem)",
            source: "the file \((input.input as NSString).lastPathComponent)" + (input.reverse ? " (arcs reversed: cited → citing in the file)" : ""),
            graph: graph, labels: labels, years: yearValues, partition: partition, groupTitle: group ?? "Group",
            selfLoops: loaded.selfLoops, duplicateArcs: loaded.duplicateArcs))
        progress("writing the report files")
        progress("wrote \(try ReportFiles.write(report, into: out))")
        Self.print(stageTimings)
    }

    /// Prints the stage table of `timings` (when --timings recorded one) on standard error.
    static func print(_ timings: StageTimings?) {
        guard let timings else { return }
        FileHandle.standardError.write(Data(timings.table().utf8))
    }
}
