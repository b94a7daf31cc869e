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

    func run() throws {
        let runner = BatchRunner(progress: .standardError)
        let outcome = try runner.run(datasetsDirectory: datasets, outputDirectory: out)
        if !outcome.failures.isEmpty {
            throw ExitCode(1)
        }
    }
}
