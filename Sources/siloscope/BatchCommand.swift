import ArgumentParser
import Reporting

/// `siloscope batch [DATASETS_DIR] [--out DIR]`: the main job.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Write a report for every dataset folder under DATASETS_DIR, and index.md listing them.",
        discussion: "With no arguments: every dataset under Datasets/ into Reports/. A dataset that fails keeps its previous report; the command then exits with status 1.")

    @Argument(help: ArgumentHelp("The folder holding dataset folders.", valueName: "datasets-dir"))
    var datasets: String = "Datasets"

    @Option(help: ArgumentHelp("The folder reports are written into.", valueName: "dir"))
    var out: String = "Reports"

    @Flag(help: ArgumentHelp(
        "At the end, print the wall time of every stage (each dataset's loading, sections and writing) and the peak memory on standard error.",
        discussion: "Every progress line on standard error carries the seconds since the start; the reports are the same with or without it."))
    var timings = false

    func run() throws {
        let stageTimings = timings ? StageTimings() : nil
        let runner = BatchRunner(progress: .timedStandardError(recording: stageTimings))
        let outcome = try runner.run(datasetsDirectory: datasets, outputDirectory: out)
        ReportCommand.print(stageTimings)
        if !outcome.failures.isEmpty {
            throw ExitCode(1)
        }
    }
}
