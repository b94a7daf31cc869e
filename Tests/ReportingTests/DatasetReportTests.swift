import Foundation
import Testing
import TestSupport
@testable import Reporting

@Suite("Dataset reports")
struct DatasetReportTests {
    static let models = SharedData.packageRoot + "/Datasets/coproduction-models"

    /// The review's supplementary tables are headed "Conceptual/theoretical models (n=42)",
    /// "practice-oriented models (n=22)" and "typology (n=7)" (seed
    /// 001_ba6e7b868008b380.txt lines 90, 381, 534), and the text names two
    /// boundary-spanning papers (Essén 2016, Batalden 2016): 73 in all.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: models + "/dataset.yml"), "Datasets/coproduction-models is absent"))
    func coproductionReportReproducesTheReviewsCounts() throws {
        let report = try DatasetReportBuilder().build(folder: Self.models)
        let table = try #require(report.allTables.first { $0.name == "model-type-by-literature" })
        let totalColumn = table.columns.count - 1
        var totals: [String: Int] = [:]
        for row in table.rows {
            if case .text(let name) = row[0], case .integer(let n) = row[totalColumn] { totals[name] = n }
        }
        #expect(totals["conceptual/theoretical"] == 42)
        #expect(totals["practice-oriented"] == 22)
        #expect(totals["typology"] == 7)
        #expect(totals["boundary-spanning"] == 2)
        #expect(totals["total"] == 73)
        let names = Set(report.allFigures.map(\.name))
        #expect(names.isSuperset(of: ["concept-co-use-network", "concept-co-use-quotient", "lineage", "work-concept-network"]))
        #expect(report.sections.map(\.title).contains("Concept co-use network"))
        #expect(!report.sections.map(\.title).contains("Citation network"))  // no citation layer: nothing implied
        #expect(!report.sections.map(\.title).contains("Central works"))
        // The concept co-use communities use the shared comparison (contingency with a total row).
        let communities = try #require(report.allTables.first { $0.name == "concept-co-use-communities-by-group" })
        #expect(communities.rows.last?.first == .text("total"))
        #expect(report.allTables.contains { $0.name == "concept-co-use-communities-agreement" })
    }

    /// The report of a dataset folder `demo` (works grouped by `field`, one citation layer),
    /// written to a temporary folder and removed once built; 50 null samples.
    static func demoReport(works: String, cites: String) throws -> Report {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-report-\(UUID().uuidString)/demo")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let files = [
            "dataset.yml": "name: demo\ntitle: Demo\nsource: test\nworks: {file: works.csv}\ngroup: field\nlayers:\n  - {kind: citation, file: cites.csv}\n",
            "works.csv": works,
            "cites.csv": cites,
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var parameters = DatasetReportBuilder.Parameters()
        parameters.nullSamples = 50
        return try DatasetReportBuilder(parameters: parameters).build(folder: dir.path)
    }

    /// The paragraphs of the report's first section ("In short"), joined.
    static func headline(of report: Report) throws -> String {
        try #require(report.sections.first).blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined()
    }

    /// Two groups that both cite: the heatmap against the permutation null is drawn.
    @Test func citationSectionWithTwoCitingGroups() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-report-\(UUID().uuidString)/demo")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let files = [
            "dataset.yml": "name: demo\ntitle: Demo\nsource: test\nworks: {file: works.csv}\ngroup: field\nlayers:\n  - {kind: citation, file: cites.csv}\n",
            "works.csv": "id,label,year,field,source\na,A,2001,X,t\nb,B,2002,X,t\nc,C,2003,Y,t\nd,D,2004,Y,t\n",
            "cites.csv": "citing,cited,source\nb,a,t\nd,c,t\nc,a,t\nd,b,t\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var parameters = DatasetReportBuilder.Parameters()
        parameters.nullSamples = 50
        let report = try DatasetReportBuilder(parameters: parameters).build(folder: dir.path)
        let names = Set(report.allFigures.map(\.name))
        #expect(names.isSuperset(of: ["citation-network", "citation-quotient", "citation-mixing-heatmap"]))
        let mixing = try #require(report.allTables.first { $0.name == "citation-mixing" })
        // X→X: b→a; Y→X: c→a, d→b; Y→Y: d→c.
        #expect(mixing.rows.map { Array($0.dropFirst()) } == [[.integer(1), .integer(0)], [.integer(2), .integer(1)]])
        let quotientSVG = String(decoding: try #require(report.allFigures.first { $0.name == "citation-quotient" }).svg, as: UTF8.self)
        #expect(quotientSVG.contains("×)"))  // arcs annotated with observed/expected ratios
        let tableNames = Set(report.allTables.map(\.name))
        #expect(tableNames.isSuperset(of: ["brokerage-by-group", "reference-diversity", "silo-trajectory", "first-link-years"]))
        // Every citing year 2002–2004 has one citation except 2004 (d cites c and b).
        let trajectory = try #require(report.allTables.first { $0.name == "silo-trajectory" })
        #expect(trajectory.rows.map { $0[0] } == [.integer(2002), .integer(2003), .integer(2004)])
        #expect(trajectory.rows.map { $0[1] } == [.integer(1), .integer(1), .integer(2)])
        // First links: X→X in 2002 (b→a), Y→X in 2003 (c→a), Y→Y in 2004 (d→c); X never cites Y.
        // Every work has a field, so nothing is left out and the caption says nothing of it.
        #expect(trajectory.caption == "Each year's citations (arcs whose citing work appeared that year): their number, edge homophily and E-I index on the undirected simple view.")
        let first = try #require(report.allTables.first { $0.name == "first-link-years" })
        #expect(first.rows.map { Array($0.dropFirst()) } == [[.integer(2002), .missing], [.integer(2003), .integer(2004)]])
        #expect(first.columns == ["citing \\ cited", "X", "Y"])
        let shared = try #require(report.allTables.first { $0.name == "shared-references" })
        #expect(shared.rows.count == 1)  // a is cited by b and c
        // The same input gives the same bytes.
        let again = try DatasetReportBuilder(parameters: parameters).build(folder: dir.path)
        let written = try ReportFiles.files(for: report), againWritten = try ReportFiles.files(for: again)
        #expect(written.map(\.0) == againWritten.map(\.0))
        #expect(written.map(\.1) == againWritten.map(\.1))  // byte for byte, figures included
        #expect(report.metricsJSON == again.metricsJSON)
    }

    /// Works (field, year): a0 (A, 2000), a1 (A, 1999), b2 (B, 2000), b3 (B, 1999),
    /// m4 (none, 2000), m5 (none, 2001), a6 (A, 2001); citations by the citing year:
    /// 1999 a1→m4; 2000 a0→a1, a0→m4, b2→b3, b2→m4, m4→a1, m4→b3; 2001 a6→a1, a6→b2, m5→a0.
    /// The headline leaves out m4, m5 and the 6 citations touching them: 4 pairs, 3 within
    /// a field ({a0,a1}, {b2,b3}, {a1,a6}) = 75.0% (counting m as a group: 3 of 9 = 33.3%).
    /// The per-year statistics leave them out too: 1999 has no citation left; 2000 keeps
    /// a0→a1, b2→b3 (homophily 2/2 = 1, E-I −1); 2001 keeps a6→a1, a6→b2 (1/2, E-I 0).
    /// Counting m they would be 1999: 0; 2000: 2/6; 2001: 1/3. First links among A and B:
    /// A→A 2000, A→B 2001, B→A never, B→B 2000 — no row or column for the works without one.
    @Test func citationsOverTimeLeaveOutWorksWithoutAGroupAsTheHeadlineDoes() throws {
        let report = try Self.demoReport(
            works: "id,label,year,field,source\na0,A0,2000,A,t\na1,A1,1999,A,t\nb2,B2,2000,B,t\nb3,B3,1999,B,t\nm4,M4,2000,,t\nm5,M5,2001,,t\na6,A6,2001,A,t\n",
            cites: "citing,cited,source\na1,m4,t\na0,a1,t\na0,m4,t\nb2,b3,t\nb2,m4,t\nm4,a1,t\nm4,b3,t\na6,a1,t\na6,b2,t\nm5,a0,t\n")
        let headline = try Self.headline(of: report)
        #expect(headline.contains("75.0% of the 4 pairs"), "\(headline)")
        #expect(headline.contains("the share is 33.3%"), "\(headline)")
        let note = " Citations to or from the 2 works without a field are left out, as in the headline (\"In short\")."
        let trajectory = try #require(report.allTables.first { $0.name == "silo-trajectory" })
        #expect(trajectory.rows == [[.integer(2000), .integer(2), .number(1, digits: 3), .number(-1, digits: 3)],
                                    [.integer(2001), .integer(2), .number(0.5, digits: 3), .number(0, digits: 3)]])
        #expect(trajectory.caption.hasSuffix(note))
        let figure = try #require(report.allFigures.first { $0.name == "silo-trajectory" })
        #expect(figure.caption.hasPrefix("E-I index over 2 years (2000–2001)") && figure.caption.hasSuffix(note), "\(figure.caption)")
        let first = try #require(report.allTables.first { $0.name == "first-link-years" })
        #expect(first.columns == ["citing \\ cited", "A", "B"])
        #expect(first.rows == [[.text("A"), .integer(2000), .integer(2001)], [.text("B"), .missing, .integer(2000)]])
        #expect(first.caption.hasSuffix(note))
    }

    /// Works (field): a0, a1, a6 (A), b2, b3 (B), m4, m5 (none); citations a0→a1, a1→b2,
    /// b2→b3, a0→m4, m4→b2, a6→a1, b3→m5, m5→a0, a6→b3 (9). The headline leaves out m4, m5
    /// and the 4 citations touching them: 5 pairs, 3 within a field ({a0,a1}, {b2,b3},
    /// {a1,a6}) = 60.0% (counting m as a group: 3 of 9 = 33.3%).
    ///
    /// Brokerage leaves them out too. Open two-paths a→b→c whose three works have a field:
    /// a0→a1→b2 and a6→a1→b2 (A, A, B: a1 representative twice) and a1→b2→b3 (A, B, B: b2
    /// gatekeeper); 3 in all, rows A [0,0,0,2,0] and B [0,0,1,0,0] and no (missing) row.
    /// Counting m there would be 10 (NetworkAlgorithmsTests.BrokerageNullTests, the same
    /// graph). The shuffles deal only the labels A, A, A, B, B, so no two-path has three
    /// fields (liaison 0 in every shuffle) and B, with two works, never has a coordinator.
    ///
    /// Rao–Stirling over the dataset's citation profiles leaves them out as well. Citations
    /// among works with a field: A→A 2 (a0→a1, a6→a1), A→B 2 (a1→b2, a6→b3), B→B 1
    /// (b2→b3): profiles A (2, 2), B (0, 1), cos = 2 / (√8 · 1) = 1/√2, d_AB = 1 − 1/√2.
    /// a6 cites a1 and b3: D = 2 · ½ · ½ · (1 − 1/√2) = 0.1464…; a0 (a1; m4 not counted),
    /// a1 (b2) and b2 (b3) cite one field: 0; b3 cites only m5: no counted reference, no row.
    /// Left out: 2 works, 2 references to them (a0→m4, b3→m5), the 2 they make (m4→b2,
    /// m5→a0), of 9. References (out-degree) and counted references per row: a6 2 and 2
    /// (a1, b3), a0 2 and 1 (a1; not m4), a1 1 and 1, b2 1 and 1; counted in all 2 + 1 + 1 +
    /// 1 = 5 = 9 − 2 − 2 (b3's one reference, to m5, is among the 2 left out).
    @Test func brokerageAndDiversityLeaveOutWorksWithoutAGroupAsTheHeadlineDoes() throws {
        let report = try Self.demoReport(
            works: "id,label,year,field,source\na0,A0,2000,A,t\na1,A1,2000,A,t\nb2,B2,2000,B,t\nb3,B3,2000,B,t\nm4,M4,2000,,t\nm5,M5,2000,,t\na6,A6,2000,A,t\n",
            cites: "citing,cited,source\na0,a1,t\na1,b2,t\nb2,b3,t\na0,m4,t\nm4,b2,t\na6,a1,t\nb3,m5,t\nm5,a0,t\na6,b3,t\n")
        let headline = try Self.headline(of: report)
        #expect(headline.contains("60.0% of the 5 pairs"), "\(headline)")
        #expect(headline.contains("the share is 33.3%"), "\(headline)")

        let brokerage = try #require(report.allTables.first { $0.name == "brokerage-by-group" })
        #expect(brokerage.columns == ["field", "coordinator", "itinerant", "gatekeeper", "representative", "liaison"])
        #expect(brokerage.rows.map { $0[0] } == [.text("A"), .text("B")])
        // Observed counts before the bracket; the means in brackets are random except where
        // every shuffle gives 0.
        let observed = brokerage.rows.map { $0.dropFirst().map { $0.display.prefix { $0 != " " } } }
        #expect(observed == [["0", "0", "0", "2", "0"], ["0", "0", "1", "0", "0"]])
        #expect(brokerage.rows[0][5] == .text("0 (0.0)") && brokerage.rows[1][5] == .text("0 (0.0)"))
        #expect(brokerage.rows[1][1] == .text("0 (0.0)"))
        #expect(brokerage.caption.hasSuffix("(seed 1). 3 open two-paths in all. Two-paths through any of the 2 works without a field are left out, and the shuffles deal labels only among the works with one, as in the headline (\"In short\")."), "\(brokerage.caption)")

        let diversity = try #require(report.allTables.first { $0.name == "reference-diversity" })
        #expect(diversity.rows.map { $0[0] } == [.text("A6 (2000)"), .text("A0 (2000)"), .text("A1 (2000)"), .text("B2 (2000)")])
        guard case .number(let d, _) = diversity.rows[0][4] else { Issue.record("no diversity for a6: \(diversity.rows[0])"); return }
        #expect(abs(d - (1 - 1 / 2.0.squareRoot()) / 2) < 1e-12)
        #expect(diversity.rows.dropFirst().allSatisfy { $0[4] == .number(0, digits: 3) })
        #expect(diversity.columns == ["citing work", "field", "references", "counted references", "Rao–Stirling diversity"])
        #expect(diversity.rows.map { [$0[2], $0[3]] } == [[.integer(2), .integer(2)], [.integer(2), .integer(1)],
                                                          [.integer(1), .integer(1)], [.integer(1), .integer(1)]])
        #expect(diversity.caption.contains("citation profiles in this dataset"))
        #expect(diversity.caption.contains("Counted references are those to works with a field, and works without one are not scored. The references column counts all of a work's references in this dataset."), "\(diversity.caption)")
        #expect(diversity.caption.hasSuffix(" Left out, as in the headline (\"In short\"): the 2 works without a field, the 2 references to them and the 2 they make, of 9 references in all; 5 references are counted."), "\(diversity.caption)")
        #expect(report.methods.joined().contains("works without a group are left out of the profiles and are not scored, and references to them are not counted"))
    }

    static let reviews = SharedData.packageRoot + "/Datasets/coproduction-reviews"

    /// The bundled coproduction-reviews dataset: three reviews cite 172 works (Robert 2024
    /// 41, Conquer 2024 78, Kjellström 2019 53: the reference-list lengths dataset.yml
    /// names), 54 cited works have no literature (venue without a row in venues.csv). Counted
    /// by hand from works.csv, venues.csv and citations.csv, the references to works with a
    /// literature are:
    ///   Robert 2024      PAM 17, HSR/QI 11, Marketing/service research 5, Sociology 4,
    ///                    Social policy/social work 2 → 39 of 41
    ///   Conquer 2024     HSR/QI 38, PAM 8, Social policy/social work 1 → 47 of 78
    ///   Kjellström 2019  PAM 17, HSR/QI 14 → 31 of 53
    /// 39 + 47 + 31 = 117 counted = 172 − 55 references to the 54 unplaced works (they cite
    /// nothing: 0 they make). Only HSR/QI works cite, so every other group's citation
    /// profile is zero and every distance is 1: D is the Gini–Simpson index 1 − Σ p_g².
    /// Conquer: 1 − (38² + 8² + 1²)/47² = 1 − 1509/2209 = 700/2209 = 0.31689; Robert:
    /// 1 − (289 + 121 + 25 + 16 + 4)/1521 = 1066/1521 = 0.70085; Kjellström: 1 − (289 +
    /// 196)/961 = 476/961 = 0.49532. Before this column the table showed 78 for Conquer
    /// beside a diversity computed over 47.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: reviews + "/dataset.yml"), "Datasets/coproduction-reviews is absent"))
    func coproductionReviewsDiversityShowsTheCountedReferences() throws {
        var parameters = DatasetReportBuilder.Parameters()
        parameters.nullSamples = 20
        let report = try DatasetReportBuilder(parameters: parameters).build(folder: Self.reviews)
        let table = try #require(report.allTables.first { $0.name == "reference-diversity" })
        #expect(table.columns == ["citing work", "literature", "references", "counted references", "Rao–Stirling diversity"])
        let expected: [(String, Int, Int, Double)] = [("Robert 2024", 41, 39, 1066.0 / 1521), ("Kjellström 2019", 53, 31, 476.0 / 961),
                                                     ("Conquer 2024", 78, 47, 700.0 / 2209)]
        #expect(table.rows.count == expected.count)
        for (row, (label, references, counted, d)) in zip(table.rows, expected) {
            #expect(row[0] == .text(label))
            #expect(row[2] == .integer(references) && row[3] == .integer(counted), "\(row)")
            guard case .number(let value, _) = row[4] else { Issue.record("no diversity: \(row)"); continue }
            #expect(abs(value - d) < 1e-12, "\(label): \(value)")
        }
        #expect(table.caption.hasSuffix("Left out, as in the headline (\"In short\"): the 54 works without a literature, the 55 references to them and the 0 they make, of 172 references in all; 117 references are counted."), "\(table.caption)")
    }
}
