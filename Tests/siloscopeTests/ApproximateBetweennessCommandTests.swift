import Foundation
import Testing
import TestSupport

/// `siloscope metrics --metrics approximateBetweenness` with `--epsilon`, `--delta`, `--seed`.
@Suite("metrics: approximate betweenness", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct ApproximateBetweennessCommandTests {
    /// a → b, a → c, b → c, c → a, d → c (the CLI tests' tiny graph). Directed shortest
    /// paths by hand, ordered pairs (s, t) with an internal node:
    /// b→a via c; c→b via a; d→a via c; d→b via c and a (the only path d c a b).
    /// Exact betweenness: a 2, b 0, c 3, d 0; as fractions of n(n−1) = 12 ordered pairs:
    /// a 1/6, b 0, c 1/4, d 0.
    static let handFractions: [String: Double] = ["a": 2.0 / 12, "b": 0, "c": 3.0 / 12, "d": 0]

    func tinyGraph() throws -> String {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("tiny.tsv").path
        try "# citing\tcited\na\tb\na\tc\nb\tc\nc\ta\nd\tc\n".write(toFile: edges, atomically: true, encoding: .utf8)
        return edges
    }

    func nodes(_ stdout: String) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        return try #require(json["nodes"] as? [[String: Any]])
    }

    @Test("values lie within ε of exact betweenness / (n(n−1)), for several seeds")
    func withinEpsilonOfExact() throws {
        let edges = try tinyGraph()
        let epsilon = 0.05
        for seed in [1, 2, 3] {
            let r = try CLI.run(["metrics", edges, "--metrics", "betweenness,approximateBetweenness",
                                 "--epsilon", "\(epsilon)", "--delta", "0.01", "--seed", "\(seed)"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("sampled pairs"), "\(r.stderr)")
            for node in try nodes(r.stdout) {
                let id = try #require(node["id"] as? String)
                let exact = try #require(node["betweenness"] as? Double)
                let approximate = try #require(node["approximateBetweenness"] as? Double)
                let hand = try #require(Self.handFractions[id])
                #expect(abs(exact / 12 - hand) < 1e-12, "exact betweenness of \(id)")
                #expect(abs(approximate - hand) <= epsilon, "seed \(seed), node \(id): \(approximate) vs \(hand)")
                #expect(approximate >= 0 && approximate <= 1)
            }
        }
    }

    @Test("same seed gives the same bytes; the CSV column is named approximateBetweenness")
    func deterministicAndNamed() throws {
        let edges = try tinyGraph()
        let args = ["metrics", edges, "--metrics", "approximateBetweenness", "--epsilon", "0.1", "--seed", "9", "--format", "csv"]
        let first = try CLI.run(args), second = try CLI.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("id,approximateBetweenness\na,"), "\(first.stdout)")
        // Nodes b and d are never inside a shortest path: exactly 0 in every sample.
        #expect(first.stdout.contains("\nb,0.0\n") && first.stdout.contains("\nd,0.0\n"), "\(first.stdout)")
    }

    @Test("ε and δ outside (0, 1) are rejected with the option named", arguments: [
        (["--epsilon", "0"], "--epsilon must lie strictly between 0 and 1 (got 0.0)"),
        (["--epsilon", "1.5"], "--epsilon must lie strictly between 0 and 1 (got 1.5)"),
        (["--epsilon", "nan"], "--epsilon must lie strictly between 0 and 1"),
        (["--delta", "1"], "--delta must lie strictly between 0 and 1 (got 1.0)"),
        (["--delta=-0.2"], "--delta must lie strictly between 0 and 1 (got -0.2)"),
    ])
    func rejectsBadParameters(options: [String], message: String) throws {
        let edges = try tinyGraph()
        let r = try CLI.run(["metrics", edges, "--metrics", "approximateBetweenness"] + options)
        #expect(r.status != 0)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }
}
