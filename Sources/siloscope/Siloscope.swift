import ArgumentParser

@main
struct Siloscope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "siloscope",
        abstract: "Citation and concept-influence networks between literatures: silos, lineage, figures and reports.",
        subcommands: []
    )
}
