import Foundation
import Testing
import TestSupport

@Suite("import --literatures", .enabled(if: CLI.binary != nil && SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt") != nil, "needs the executable and ../shared/data/formats"))
struct ImportLiteraturesCommandTests {
    /// The WoS sample's 8 records all carry `WC` and `SC` (grep of the file): every citing
    /// record gets a field from its record at either level; the summary states the level,
    /// and the report groups by literature with the WoS similarity for diversity.
    @Test func levelOptionSummaryAndReport() throws {
        let wos = try #require(SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt"))
        let dir = try CLI.temporaryFolder()
        for level in ["wos-category", "wos-area"] {
            let out = dir.appendingPathComponent(level).path
            let r = try CLI.run(["import", wos, "--out", out, "--literatures", level])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let fields = try #require(json["fields"] as? [String: Any])
            #expect(fields["level"] as? String == level)
            let citing = try #require(fields["citing"] as? [String: Any])
            #expect(citing["works"] as? Int == 8 && citing["assigned"] as? Int == 8)
            let yml = try String(contentsOfFile: out + "/dataset.yml", encoding: .utf8)
            #expect(yml.contains("group: literature"))
        }
        let report = try CLI.run(["report", dir.appendingPathComponent("wos-category").path, "--out", dir.appendingPathComponent("Reports").path])
        #expect(report.status == 0, "\(report.stderr)")
        let md = try String(contentsOfFile: dir.appendingPathComponent("Reports/wos-category/report.md").path, encoding: .utf8)
        #expect(md.contains("Web of Science categories' citation profiles"))
        // Cited works outside the 8 records' journals stay missing: the statistics are given again without them.
        #expect(md.contains("How siloed the citations are among works with a literature"))
    }

    @Test func unknownLevelIsRejected() throws {
        let r = try CLI.run(["import", "x.txt", "--literatures", "dewey", "--out", "/tmp/never"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("dewey"))
    }
}
