import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import siloscope

/// `siloscope bench`: every task timed, skips reported, sizes computed by hand.
@Suite("bench command")
struct BenchCommandTests {
    /// A 4-node graph with one cycle: a→b→c→a plus c→d.
    static func tinyGraphFile() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("tiny.tsv")
        try "# citing\tcited\na\tb\nb\tc\nc\ta\nc\td\n".write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(.enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
    func jsonHasEveryTaskWithNonNegativeTimes() throws {
        let file = try Self.tinyGraphFile()
        let result = try CLI.run(["bench", file.path, "--format", "json", "--repeat", "2"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let inputs = try #require(json["inputs"] as? [[String: Any]])
        #expect(inputs.count == 1)
        let input = try #require(inputs.first)
        #expect(input["nodes"] as? Int == 4)
        #expect(input["arcs"] as? Int == 4)
        let tasks = try #require(input["tasks"] as? [String: [String: Any]])
        #expect(Set(tasks.keys) == Set(BenchTask.names))
        for (name, timing) in tasks {
            let seconds = try #require(timing["seconds"] as? Double, "\(name) has no time")
            #expect(seconds >= 0 && seconds.isFinite, "\(name): \(seconds)")
            #expect(timing["repeats"] as? Int == 2, "\(name)")
        }
        // The graph has a cycle, so the topological-order task also condenses it.
        #expect(tasks["topologicalOrder"]?["note"] != nil)
        // Out: 5 offsets × 8 + 4 targets × 4; in: 5 × 8 + 4 sources × 4 + 4 arc numbers × 4.
        #expect(input["csrBytes"] as? Int == 40 + 16 + 40 + 16 + 16)
        #expect((input["peakMemoryBytes"] as? Int ?? 0) > 0)
        let machine = try #require(json["machine"] as? [String: Any])
        #expect((machine["cores"] as? Int ?? 0) >= 1)
        #expect(machine["os"] is String && machine["swift"] is String)
        #expect(result.stderr.contains("bench: leiden"), "progress goes to stderr")
    }

    @Test(.enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
    func betweennessAboveTheLimitIsSkippedAndSaysWhy() throws {
        let file = try Self.tinyGraphFile()
        let result = try CLI.run(["bench", file.path, "--format", "json", "--repeat", "1",
                                  "--tasks", "betweenness,pagerank", "--betweenness-max-arcs", "3"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let input = try #require((json["inputs"] as? [[String: Any]])?.first)
        let tasks = try #require(input["tasks"] as? [String: [String: Any]])
        #expect(Set(tasks.keys) == ["betweenness", "pagerank"])
        let betweenness = try #require(tasks["betweenness"])
        #expect(betweenness["seconds"] is NSNull)
        #expect(betweenness["repeats"] as? Int == 0)
        #expect((betweenness["skipped"] as? String)?.contains("4 arcs") == true)
    }

    @Test(.enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
    func tableFormatListsTasksAndRejectsUnknownTask() throws {
        let file = try Self.tinyGraphFile()
        let table = try CLI.run(["bench", file.path, "--repeat", "1", "--tasks", "load,kcore"])
        #expect(table.status == 0, "stderr: \(table.stderr)")
        #expect(table.stdout.contains("4 nodes, 4 arcs"))
        #expect(table.stdout.contains("load") && table.stdout.contains("kcore"))
        #expect(!table.stdout.contains("leiden"))
        let bad = try CLI.run(["bench", file.path, "--tasks", "pagerank,closeness"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("unknown task 'closeness'"))
        let missing = try CLI.run(["bench", file.path + ".absent", "--repeat", "1"])
        #expect(missing.status != 0)
    }

    @Test func csrBytesOfAWeightedGraphCountsWeights() throws {
        var builder = GraphBuilder(duplicates: .sum)
        _ = builder.addArc(from: "x", to: "y")
        _ = builder.addArc(from: "x", to: "y")
        _ = builder.addArc(from: "y", to: "z")
        let graph = builder.build().graph
        // 3 nodes, 2 arcs after summing: offsets 2 × 4 × 8, targets/sources/arc numbers 3 × 2 × 4, weights 2 × 8.
        #expect(graph.arcCount == 2)
        #expect(BenchRunner.csrBytes(graph) == 64 + 24 + 16)
    }

    @Test func helpNamesEveryOptionAndTask() {
        let help = BenchCommand.helpMessage(columns: 200)
        for text in ["<input>", "--reverse", "--format <format>", "--repeat <repeat>", "--tasks <list>",
                     "--betweenness-max-arcs <betweenness-max-arcs>", "VmHWM", "peakMemoryBytes", "csrBytes"] {
            #expect(help.contains(text), "bench help lacks \(text):\n\(help)")
        }
        for task in BenchTask.names { #expect(help.contains(task), "help lacks \(task)") }
        #expect(Siloscope.helpMessage(columns: 200).contains("  bench "))
    }
}
