import Foundation
import Testing
@testable import Reporting

/// The report's first section, "In short": the answer to "how siloed are these groups?"
/// read from the statistics the citation section computed.
@Suite("Headline section")
struct HeadlineSectionTests {
    /// Writes a dataset of `works` (id, field; an empty field is a work with no group) and
    /// citation `arcs`, builds its report with 999 shuffles and returns the report.
    static func report(works: [(String, String)], arcs: [(String, String)]) throws -> Report {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-headline-\(UUID().uuidString)/demo")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "dataset.yml": "name: demo\ntitle: Demo\nsource: test\nworks: {file: works.csv}\ngroup: field\nlayers:\n  - {kind: citation, file: cites.csv}\n",
            "works.csv": "id,label,year,field,source\n" + works.map { "\($0.0),\($0.0.uppercased()),2000,\($0.1),t\n" }.joined(),
            "cites.csv": "citing,cited,source\n" + arcs.map { "\($0.0),\($0.1),t\n" }.joined(),
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try DatasetReportBuilder().build(folder: dir.path)
    }

    static func paragraph(_ section: ReportSection) -> String {
        section.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined(separator: "\n")
    }

    /// Two chains of ten works, x1 → … → x10 and y1 → … → y10, joined by x10 → y1: a path of
    /// 20 works and 19 pairs, 18 of them within a field (94.7%). Shuffling 10 X and 10 Y
    /// labels over the works, a given pair is within a field with probability
    /// (10·9 + 10·9)/(20·19) = 0.474, the null's mean share. A share of 18/19 needs the
    /// labels split into the two halves of the path: 2 of C(20,10) = 184,756 shuffles, so
    /// in all likelihood none of 999 reaches it and p = 1/1000.
    @Test func twoChainsAreMoreSiloedThanChance() throws {
        let xs = (1...10).map { "x\($0)" }, ys = (1...10).map { "y\($0)" }
        let arcs = zip(xs, xs.dropFirst()).map { ($0, $1) } + zip(ys, ys.dropFirst()).map { ($0, $1) } + [("x10", "y1")]
        let report = try Self.report(works: xs.map { ($0, "X") } + ys.map { ($0, "Y") }, arcs: arcs)
        let first = try #require(report.sections.first)
        #expect(first.title == "In short: how siloed are the groups of field?")
        let text = Self.paragraph(first)
        #expect(text.hasPrefix("The groups of field are more siloed than chance: 94.7% of the 19 pairs of works linked by a citation (each pair once) join two works of the same field"), "\(text)")
        #expect(text.contains("p = 0.001"), "\(text)")
        let mean = try #require(Double(text.split(separator: "against ")[1].split(separator: "%")[0]))
        #expect(abs(mean - 47.4) < 2.5, "null mean \(mean)% against 47.4% by hand")
        // The own-field table: X makes 10 citations (9 to X), Y makes 9 (all to Y).
        let table = try #require(first.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.rows.map { $0[0] } == [.text("X"), .text("Y")])
        #expect(table.rows[0][2] == .integer(10) && table.rows[0][3] == .integer(9))
        #expect(table.rows[1][2] == .integer(9) && table.rows[1][3] == .integer(9))
    }

    /// A path y3 – y2 – y1 – x1 – x2 – x3 (arcs x1→x2, x2→x3, x1→y1, y1→y2, y2→y3) and y3 → m,
    /// a work with no field. Among the six works with a field: 5 pairs, 4 within (80.0%);
    /// counting m as a group of its own: 4 of 6 (66.7%). Shuffling 3 X and 3 Y labels over the
    /// path, 4 pairs within happens only when the labels split the path into halves (2 of
    /// C(6,3) = 20 shuffles, probability 0.1), so 80% is the top of the 95% interval, not
    /// above it, and p ≈ (1 + 0.1 · 999)/1000 ≈ 0.1, above the 0.05 of "more siloed than chance".
    @Test func worksWithoutAGroupAreLeftOutAndCounted() throws {
        let works = [("x1", "X"), ("x2", "X"), ("x3", "X"), ("y1", "Y"), ("y2", "Y"), ("y3", "Y"), ("m", "")]
        let arcs = [("x1", "x2"), ("x2", "x3"), ("x1", "y1"), ("y1", "y2"), ("y2", "y3"), ("y3", "m")]
        let report = try Self.report(works: works, arcs: arcs)
        let first = try #require(report.sections.first)
        let text = Self.paragraph(first)
        #expect(text.hasPrefix("The groups of field are not clearly more siloed than chance: 80.0% of the 5 pairs of works linked by a citation (each pair once) join two works of the same field"), "\(text)")
        #expect(text.contains("Counted over the 6 of 7 works that have a field; the 1 with none"), "\(text)")
        #expect(text.contains("the share is 66.7%"), "\(text)")
        #expect(!text.contains("rests on a minority"), "6 of 7 works have a field")
        let p = try #require(Double(text.split(separator: "p = ")[1].prefix(5)))
        #expect(abs(p - 0.1) < 0.04, "p \(p) against 0.1 by hand")
    }

    /// 4 of 9 works have a field (44.4%): the answer says it rests on a minority of the network.
    @Test func lowCoverageIsSaid() throws {
        let works = [("x1", "X"), ("x2", "X"), ("y1", "Y"), ("y2", "Y")] + (1...5).map { ("m\($0)", "") }
        let report = try Self.report(works: works, arcs: [("x1", "x2"), ("y1", "y2"), ("x1", "y1"), ("m1", "x1")])
        let text = Self.paragraph(try #require(report.sections.first))
        #expect(text.contains("Counted over the 4 of 9 works that have a field; the 5 with none"), "\(text)")
        #expect(text.contains("That is 44.4% of the works, so the answer rests on a minority of the network."), "\(text)")
    }

    /// One field only: the section says why there is no answer.
    @Test func oneGroupSaysWhy() throws {
        let report = try Self.report(works: [("a", "X"), ("b", "X")], arcs: [("a", "b")])
        let first = try #require(report.sections.first)
        #expect(first.title.hasPrefix("In short"))
        #expect(Self.paragraph(first).contains("fewer than two literatures have works"))
    }
}
