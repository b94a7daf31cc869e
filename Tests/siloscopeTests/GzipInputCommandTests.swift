import Foundation
import Testing
import TestSupport

/// Graph commands read gzip-compressed graph files and node tables (compressed here by
/// the system `gzip -n`, independent of our inflater).
@Suite("CLI: gzip input", .enabled(if: CLI.binary != nil && FileManager.default.isExecutableFile(atPath: "/bin/gzip"),
                                   "needs the siloscope executable and /bin/gzip"))
struct GzipInputCommandTests {
    static func gzip(_ path: String) throws -> String {
        let target = path + ".gz"
        try #require(FileManager.default.createFile(atPath: target, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-c", path]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return target
    }

    @Test("metrics and bridging give the same output for a .gz file and its plain original")
    func sameOutputAsPlain() throws {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("tiny.tsv").path
        try "# citing\tcited\na\tb\na\tc\nb\tc\nc\ta\nd\tc\n".write(toFile: edges, atomically: true, encoding: .utf8)
        let nodes = dir.appendingPathComponent("groups.tsv").path
        try "id\tfield\na\tX\nb\tX\nc\tY\nd\tY\n".write(toFile: nodes, atomically: true, encoding: .utf8)
        let edgesGz = try Self.gzip(edges), nodesGz = try Self.gzip(nodes)
        let plain = try CLI.run(["metrics", edges, "--metrics", "inDegree,outDegree,pagerank,betweenness"])
        let packed = try CLI.run(["metrics", edgesGz, "--metrics", "inDegree,outDegree,pagerank,betweenness"])
        #expect(plain.status == 0 && packed.status == 0, "\(packed.stderr)")
        #expect(packed.stdout == plain.stdout)
        let bridging = try CLI.run(["bridging", edgesGz, "--nodes", nodesGz, "--group", "field", "--format", "csv"])
        #expect(bridging.stdout == "citing \\ cited,X,Y\nX,1,2\nY,1,1\n", "\(bridging.stderr)")
    }

    @Test("a truncated .gz file fails with the file named and no output")
    func truncatedFails() throws {
        let dir = try CLI.temporaryFolder()
        let edges = dir.appendingPathComponent("edges.tsv").path
        let text = (0..<2_000).map { "n\($0)\tn\(($0 * 7 + 3) % 2_000)\n" }.joined()
        try text.write(toFile: edges, atomically: true, encoding: .utf8)
        let packed = try Data(contentsOf: URL(fileURLWithPath: try Self.gzip(edges)))
        let cut = dir.appendingPathComponent("cut.tsv.gz").path
        try packed.prefix(packed.count / 2).write(to: URL(fileURLWithPath: cut))
        let r = try CLI.run(["metrics", cut])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("cut.tsv.gz: gzip data is truncated"), "\(r.stderr)")
    }
}
