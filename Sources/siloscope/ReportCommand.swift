import ArgumentParser
import Reporting

/// `siloscope report DATASET_DIR [--out DIR]`: one dataset's report.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the report of one dataset folder (index.html, report.md, metrics.json, tables/, figures/).",
        discussion: "The report folder is replaced atomically: if anything fails, the previous report stays as it was.")

    @Argument(help: ArgumentHelp("A dataset folder holding dataset.yml.", valueName: "dataset-dir"))
    var dataset: String

    @Option(help: ArgumentHelp("Where report folders are written; the report goes to <dir>/<dataset name>.", valueName: "dir"))
    var out: String = "Reports"

    func run() throws {
        let builder = DatasetReportBuilder(progress: .standardError)
        let report = try builder.build(folder: dataset)
        let written = try ReportFiles.write(report, into: out)
        ProgressLog.standardError("wrote \(written)")
    }
}
