import Foundation
import Testing
@testable import Reporting

/// The citation quotient is drawn with circo, which is for a few groups: with more than
/// ``DrawnQuotient/keptGroups`` named groups only the largest keep a node, the others are
/// one merged node, and the caption says so (an import's ~100 WoS categories took circo
/// over 10 minutes).
@Suite("Citation quotient of many groups")
struct CitationQuotientReductionTests {
    /// 15 groups G00…G14; group k has 16 − k works (sizes 16 … 2, so size order is G00 first);
    /// each work cites the first work of the next group, so every group cites another.
    static func dataset() throws -> (root: URL, folder: String) {
        var works = "id,label,year,field,source,role\n"
        var cites = "citing,cited,source\n"
        for k in 0..<15 {
            for i in 0..<(16 - k) {
                works += "w\(k)_\(i),W\(k) \(i),2000,G\(String(format: "%02d", k)),t,\(i == 0 ? "cited" : "citing")\n"
                cites += "w\(k)_\(i),w\((k + 1) % 15)_0,t\n"
            }
        }
        return try CentralityCommunitiesTests.dataset(works: works, cites: cites)
    }

    @Test func onlyTheLargestGroupsAreDrawn() throws {
        let (root, folder) = try Self.dataset()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DatasetReportBuilder(parameters: CentralityCommunitiesTests.parameters).build(folder: folder)
        let figure = try #require(report.allFigures.first { $0.name == "citation-quotient" })
        // 8 named groups of their own + "other 7 groups" = 9 nodes.
        #expect(figure.caption.contains("Quotient graph of 9 groups"))
        #expect(figure.caption.contains("Only the 8 largest groups have a node of their own; the 7 others are drawn as one node"))
        let svg = String(decoding: figure.svg, as: UTF8.self)
        #expect(svg.contains("<title>g8</title>") && !svg.contains("<title>g9</title>"))
        // G00 (16 works) is drawn, G14 (2 works) is merged; the mixing table keeps all 15.
        #expect(svg.contains("G00") && !svg.contains("G14") && svg.contains("other 7 groups"))
        let mixing = try #require(report.allTables.first { $0.name == "citation-mixing" })
        #expect(mixing.rows.count == 15)
        // Readers see the 10 largest groups of the 15 (rows and columns); the CSV has all.
        #expect(mixing.shownColumns == Array(0...10) && mixing.displayedRows.count == 10)
        let markdown = MarkdownWriter.markdownTable(mixing)
        #expect(markdown.contains("Showing 11 of 16 columns (the 10 largest groups); every column is in the CSV."))
        #expect(markdown.contains("| citing \\\\ cited | G00 |") && !markdown.contains("G10"))
        let drawsOn = try #require(report.allTables.first { $0.name == "citing-works-by-cited-group" })
        #expect(drawsOn.shownColumns.map { drawsOn.columns[$0] } == ["citing work", "field"] + (0...9).map { String(format: "G%02d", $0) } + ["references", "own group"])
        // The merged node borrows no group's colour: white, dashed outline; and eight
        // coloured groups need no second shape (the caption does not say colours repeat).
        let node8 = try #require(svg.components(separatedBy: "<title>g8</title>").dropFirst().first?.components(separatedBy: "</g>").first)
        #expect(node8.contains("fill=\"#ffffff\"") && node8.contains("stroke-dasharray"))
        // Its white legend swatch has a grey outline (else it vanishes on the white page).
        #expect(svg.contains("stroke=\"#666666\""))
        #expect(!figure.caption.contains("colours repeat"))
        #expect(figure.map?.groups.last?.color == "#FFFFFF")
        // 15 groups × 2 roles: the composition table is turned, one row per group, largest
        // first (G00: 1 cited + 15 citing), then the totals: 16 + 15 + … + 2 = 135 works, 15 cited, 120 citing.
        let roles = try #require(report.allTables.first { $0.name == "role-by-field" })
        #expect(roles.columns == ["field", "cited", "citing", "total"])
        #expect(roles.rows.count == 16)
        #expect(roles.rows.first == [.text("G00"), .integer(1), .integer(15), .integer(16)])
        #expect(roles.rows.last == [.text("total"), .integer(15), .integer(120), .integer(135)])
    }
}
