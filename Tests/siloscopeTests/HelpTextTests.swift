import Testing
@testable import siloscope

/// The help text is part of the CLI's API (ARCHITECTURE.md §6 names the commands and options):
/// these tests fail when an option disappears or is renamed.
@Suite("Help text")
struct HelpTextTests {
    @Test func rootListsEveryCommand() {
        let help = Siloscope.helpMessage(columns: 200)
        for command in ["batch", "report", "metrics", "bridging", "render"] {
            #expect(help.contains("  \(command) "), "missing \(command) in:\n\(help)")
        }
    }

    @Test func graphCommandsShareTheInputOptions() {
        for help in [MetricsCommand.helpMessage(columns: 200), BridgingCommand.helpMessage(columns: 200), RenderCommand.helpMessage(columns: 200)] {
            for option in ["<input>", "--nodes <file>", "--reverse", "--duplicates <duplicates>", "--self-loops <self-loops>", "gzip-compressed"] {
                #expect(help.contains(option), "missing \(option) in:\n\(help)")
            }
        }
    }

    @Test(arguments: [
        ("metrics", ["--metrics <list>", "--format <format>", "inDegree, outDegree, pagerank", "approximateBetweenness",
                     "--epsilon <epsilon>", "--delta <delta>", "--seed <seed>", "betweenness / (n(n−1))", "0 < ε < 1", "0 < δ < 1",
                     "inCoreness", "outCoreness", "louvain", "leiden", "--resolution <gamma>"]),
        ("bridging", ["--group <attr>", "--missing <missing>", "--format <format>", "undirected simple view", "--null <name>", "--permutations <permutations>", "--seed <seed>", "--time <attr>", "--by-year <attr>", "--brokerage", "--diversity"]),
        ("render", ["--figure <figure>", "--out <file>", "--group <attr>", "--engine <engine>", "--max-nodes <max-nodes>", "--top <top>", "historiograph", "mainpath"]),
        ("report", ["<input>", "--out <dir>", "atomically", "--years <attr>", "--routes <routes>"]),
        ("batch", ["<datasets-dir>", "--out <dir>", "Datasets/", "Reports/"]),
    ])
    func commandHelpNamesItsOptions(command: String, expected: [String]) {
        let help: String
        switch command {
        case "metrics": help = MetricsCommand.helpMessage(columns: 200)
        case "bridging": help = BridgingCommand.helpMessage(columns: 200)
        case "render": help = RenderCommand.helpMessage(columns: 200)
        case "report": help = ReportCommand.helpMessage(columns: 200)
        default: help = BatchCommand.helpMessage(columns: 200)
        }
        for text in expected {
            #expect(help.contains(text), "\(command) help lacks \(text):\n\(help)")
        }
    }
}
