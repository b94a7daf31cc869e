import Foundation
import Testing
import TestSupport
@testable import siloscope

@Suite("generate command")
struct GenerateCommandTests {
    @Test func helpNamesItsOptions() {
        let help = GenerateCommand.helpMessage(columns: 200)
        for option in ["--model <model>", "--nodes <nodes>", "--arcs-per-node <arcs-per-node>", "--attachment <attachment>",
                       "--groups <groups>", "--proportions <list>", "--homophily <homophily>", "--years <n>",
                       "--first-year <first-year>", "--seed <seed>", "--out <file>", "--verbose", "doi:10.1002/asi.4630270505", ".nodes.tsv"] {
            #expect(help.contains(option), "generate help lacks \(option):\n\(help)")
        }
        #expect(Siloscope.helpMessage(columns: 200).contains("  generate "))
    }

    @Test func nodesFileSitsBesideTheEdgeList() {
        #expect(GenerateCommand.nodesPath(for: "out/price.tsv") == "out/price.nodes.tsv")
        #expect(GenerateCommand.nodesPath(for: "price") == "price.nodes.tsv")
        #expect(GenerateCommand.nodesPath(for: "/tmp/a.b/price.txt") == "/tmp/a.b/price.nodes.tsv")
    }

    @Test func invalidOptionsAreRejected() {
        #expect(throws: (any Error).self) { try GenerateCommand.parse(["--nodes", "10", "--arcs-per-node", "2", "--groups", "2", "--homophily", "1", "--seed", "1", "--out", "x.tsv"]) }
        #expect(throws: (any Error).self) { try GenerateCommand.parse(["--nodes", "10", "--arcs-per-node", "0.5", "--seed", "1", "--out", "x.tsv"]) }
        #expect(throws: (any Error).self) { try GenerateCommand.parse(["--nodes", "10", "--arcs-per-node", "2", "--groups", "3", "--proportions", "1,2", "--seed", "1", "--out", "x.tsv"]) }
        #expect(throws: Never.self) { try GenerateCommand.parse(["--nodes", "10", "--arcs-per-node", "2", "--groups", "3", "--proportions", "1,2,0.5", "--homophily", "0.5", "--seed", "1", "--out", "x.tsv"]) }
    }
}

@Suite("generate end to end", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct GenerateEndToEndTests {
    /// 500 works, K = 3: A = 3·500 − (3 + 2 + 1) = 1494 arcs; `metrics` reads them back as
    /// an acyclic graph with every work present, `bridging` finds the two literatures,
    /// and a second run writes byte-identical files.
    @Test func generateThenMetricsAndBridging() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [(Data, Data)] = []
        for run in 0..<2 {
            let out = dir.appendingPathComponent("price\(run).tsv").path
            let r = try CLI.run(["generate", "--model", "price", "--nodes", "500", "--arcs-per-node", "3", "--groups", "2",
                                 "--homophily", "0.5", "--seed", "7", "--out", out, "--verbose"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("100% (500 nodes)"))
            #expect(r.stderr.contains("wrote 1494 arcs"))
            #expect(r.stderr.contains("peak memory"))
            let nodes = dir.appendingPathComponent("price\(run).nodes.tsv").path
            files.append((try Data(contentsOf: URL(fileURLWithPath: out)), try Data(contentsOf: URL(fileURLWithPath: nodes))))
            guard run == 0 else { continue }

            let m = try CLI.run(["metrics", out, "--nodes", nodes, "--metrics", "inDegree", "--format", "json"])
            #expect(m.status == 0, "\(m.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(m.stdout.utf8)) as? [String: Any])
            let graph = try #require(json["graph"] as? [String: Any])
            #expect(graph["nodes"] as? Int == 500)
            #expect(graph["arcs"] as? Int == 1494)
            #expect(graph["acyclic"] as? Bool == true)
            #expect(graph["duplicateArcs"] as? Int == 0)
            #expect(graph["selfLoops"] as? Int == 0)
            #expect(graph["weakComponents"] as? Int == 1)

            let b = try CLI.run(["bridging", out, "--nodes", nodes, "--group", "group", "--format", "json"])
            #expect(b.status == 0, "\(b.stderr)")
            let bj = try #require(try JSONSerialization.jsonObject(with: Data(b.stdout.utf8)) as? [String: Any])
            #expect(bj["groups"] as? [String] == ["L1", "L2"])
        }
        #expect(files[0].0 == files[1].0, "edge lists differ between two runs with the same seed")
        #expect(files[0].1 == files[1].1, "nodes files differ between two runs with the same seed")
    }

    @Test func badHomophilyFailsWithAMessage() throws {
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.tsv").path
        let r = try CLI.run(["generate", "--nodes", "10", "--arcs-per-node", "2", "--groups", "2", "--homophily", "1.5", "--seed", "1", "--out", out])
        #expect(r.status != 0)
        #expect(r.stderr.contains("homophily"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
