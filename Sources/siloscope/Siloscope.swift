import ArgumentParser

@main
struct Siloscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "siloscope",
        abstract: "Citation and concept-influence networks between literatures: silos, lineage, figures and reports.",
        discussion: "Run 'siloscope batch' to write a report for every dataset under Datasets/ into Reports/.",
        version: "0.1.0",
        subcommands: [
            BatchCommand.self, ReportCommand.self, MetricsCommand.self, BridgingCommand.self, RenderCommand.self,
            MainpathCommand.self, ImportCommand.self, FetchCommand.self, GenerateCommand.self, BenchCommand.self,
            ConvertCommand.self,
        ]
    )
}
