import Foundation
import Testing
import TestSupport

/// `siloscope metrics --metrics inCoreness,outCoreness,louvain,leiden`.
@Suite("metrics: directed cores and communities", .enabled(if: CLI.binary != nil, "the siloscope executable was not built beside the tests"))
struct MetricsCoresCommunitiesCommandTests {
    func nodes(_ stdout: String) throws -> [String: [String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let rows = try #require(json["nodes"] as? [[String: Any]])
        var byID: [String: [String: Any]] = [:]
        for row in rows { byID[try #require(row["id"] as? String)] = row }
        return byID
    }

    /// a → b, a → c, b → c, c → a, d → c. In-degrees a 1, b 1, c 3, d 0.
    /// In-cores by hand: the 1-core drops d (in-degree 0); a, b, c keep in-degree ≥ 1
    /// (c→a, a→b, a→c). The 2-core drops a and b (in-degree 1), after which c has
    /// in-degree 0 and drops too: in-cores a 1, b 1, c 1, d 0.
    /// Out-degrees a 2, b 1, c 1, d 1: all ≥ 1, so the 1-core is everything; the 2-core
    /// drops b, c, d and then a (out-degree 0): out-cores all 1.
    @Test("in- and out-core numbers, by hand")
    func directedCores() throws {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("tiny.tsv").path
        try "a\tb\na\tc\nb\tc\nc\ta\nd\tc\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", edges, "--metrics", "inCoreness,outCoreness"])
        #expect(r.status == 0, "\(r.stderr)")
        let byID = try nodes(r.stdout)
        let expectedIn = ["a": 1, "b": 1, "c": 1, "d": 0]
        let expectedOut = ["a": 1, "b": 1, "c": 1, "d": 1]
        for (id, row) in byID {
            #expect(row["inCoreness"] as? Int == expectedIn[id], "in-core of \(id)")
            #expect(row["outCoreness"] as? Int == expectedOut[id], "out-core of \(id)")
        }
    }

    /// Two triangles {a, b, c} and {x, y, z} joined by one arc c → x. By hand, with E = 7
    /// links and degrees 2, 2, 3 | 3, 2, 2: the split into the two triangles has
    /// Q = 2 · [3/7 − (7/14)²] = 6/7 − 1/2 = 5/14 ≈ 0.357, and merging them gives 0. Both
    /// methods must find the two triangles, numbered 0 (a's) and 1 (x's).
    @Test("Louvain and Leiden find two triangles, numbered by first node", arguments: ["louvain", "leiden"])
    func twoTriangles(method: String) throws {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("triangles.tsv").path
        try "a\tb\nb\tc\nc\ta\nx\ty\ny\tz\nz\tx\nc\tx\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", edges, "--metrics", method, "--seed", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 communities, modularity 0.357"), "\(r.stderr)")
        let byID = try nodes(r.stdout)
        for id in ["a", "b", "c"] { #expect(byID[id]?[method] as? Int == 0, "\(method) of \(id)") }
        for id in ["x", "y", "z"] { #expect(byID[id]?[method] as? Int == 1, "\(method) of \(id)") }
    }

    @Test("a resolution that is not positive is rejected")
    func badResolution() throws {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("one.tsv").path
        try "a\tb\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", edges, "--metrics", "louvain", "--resolution", "0"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--resolution must be a positive number"), "\(r.stderr)")
    }

    /// A Pajek file's vertex labels come out beside the ids (JSON key and CSV column
    /// `label`); an edge list without labels has no such column.
    @Test("labels beside ids when the input has them")
    func labelsBesideIDs() throws {
        let dir = try CLI.temporaryFolder()
        let net = dir.appendingPathComponent("two.net").path
        try "*Vertices 2\n1 \"SMITH_J(1999)1:2\"\n2 \"DOE_A(2001)3:4\"\n*Arcs\n1 2\n".write(toFile: net, atomically: true, encoding: .utf8)
        let csv = try CLI.run(["metrics", net, "--metrics", "inDegree", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "id,label,inDegree\n1,SMITH_J(1999)1:2,0\n2,DOE_A(2001)3:4,1\n", "\(csv.stdout)")
        let json = try CLI.run(["metrics", net, "--metrics", "inDegree"])
        let byID = try nodes(json.stdout)
        #expect(byID["2"]?["label"] as? String == "DOE_A(2001)3:4")
        let edges = dir.appendingPathComponent("plain.tsv").path
        try "a\tb\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let plain = try CLI.run(["metrics", edges, "--metrics", "inDegree", "--format", "csv"])
        #expect(plain.stdout == "id,inDegree\na,0\nb,1\n", "\(plain.stdout)")
    }
}
