import Testing
@testable import Reporting

/// "Works by <group>" with many groups (an import's WoS categories): readers see the 15
/// largest, (missing) and the total; the CSV keeps every group.
@Suite("Works by group table")
struct WorksByGroupTableTests {
    /// 20 fields, field k holding k works (g01 … g20: 1 … 20 works), and 3 works without a
    /// field: 213 works. Shown: g20 … g06 (15 largest), (missing) with 3, total 213.
    @Test func manyGroupsShowTheLargestThenMissingAndTotal() throws {
        var works: [(String, String)] = []
        for k in 1...20 { for i in 0..<k { works.append(("w\(k)-\(i)", String(format: "g%02d", k))) } }
        works += [("m1", ""), ("m2", ""), ("m3", "")]
        let report = try HeadlineSectionTests.report(works: works, arcs: [("w20-0", "w19-0")])
        let table = try #require(report.allTables.first { $0.name == "works-by-field" })
        #expect(table.rows.count == 20 + 1 + 1)
        let shown = Array(table.displayedRows)
        #expect(shown.count == 17)
        #expect(shown.prefix(15).map { $0[0] } == (6...20).reversed().map { .text(String(format: "g%02d", $0)) })
        #expect(shown[15][0] == .text("(missing)") && shown[15][1] == .integer(3))
        #expect(shown[16][0] == .text("total") && shown[16][1] == .integer(213))
        #expect(table.caption.contains("20 groups: the 15 largest, (missing) and the total first"))
    }
}
