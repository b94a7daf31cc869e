import Foundation
import Testing
import TestSupport
@testable import Reporting

/// The "Claims, tested" section of the coproduction-models report. Expected counts were
/// worked out from the CSV rows by hand (listed below), not by the code under test.
@Suite("Claims section")
struct ClaimsSectionTests {
    static let models = SharedData.packageRoot + "/Datasets/coproduction-models"

    func integers(_ table: ReportTable) -> [[Int]] {
        table.rows.map { $0.compactMap { if case .integer(let n) = $0 { n } else { nil } } }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: models + "/dataset.yml"), "Datasets/coproduction-models is absent"))
    func headlineClaim() throws {
        let report = try DatasetReportBuilder().build(folder: Self.models)
        let section = try #require(report.sections.first { $0.title == "Claims, tested" })
        #expect(!section.blocks.isEmpty)
        // Practice-oriented + HSR/QI (works.csv model_type, literatures.csv): baimlance2019,
        // chisholm2018, doherty2006, farmer2017, gillard2016, locock2014a, locock2014b,
        // nicol2011, ottmann2011, ridente2016, robert2015, seid2018 = 12, none of whose
        // concept or lineage rows reaches a PAM/Sociology-homed concept. The other 61 works
        // that do: alford2016, batalden2016, boccacin2017, farr2015, kirkegaard2018,
        // mccollkennedy2012, meijer2016, osborne2016, perrott2013, pestoff2012, pestoff2014,
        // rutten2019, sharma2016, sicilia2016, strokosch2016 = 15.
        let counts = try #require(report.allTables.first { $0.name == "claim-practice-hsr-qi-vs-rest-counts" })
        #expect(integers(counts) == [[12, 0], [61, 15]])
        let evidence = try #require(report.allTables.first { $0.name == "claim-practice-hsr-qi-vs-rest-evidence" })
        #expect(evidence.rows.count == 15)
        // Outside PAM and Sociology, not in the claimed group: 23 works, of which
        // mccollkennedy2012, perrott2013, rutten2019, sharma2016, batalden2016 draw.
        let outside = try #require(report.allTables.first { $0.name == "claim-practice-hsr-qi-vs-outside-pam-sociology-counts" })
        #expect(integers(outside) == [[12, 0], [23, 5]])
        // SDL/PSDL: 22 practice-oriented works name neither; osborne2016, perrott2013,
        // sharma2016, alford2016, batalden2016 do (concept or lineage rows).
        let sdl = try #require(report.allTables.first { $0.name == "claim-practice-sdl-psdl-counts" })
        #expect(integers(sdl) == [[22, 0], [51, 5]])
        // Neither model type nor named concepts depend on the literature mapping: no
        // sensitivity table for this claim, one sentence instead.
        #expect(!report.allTables.contains { $0.name == "claim-practice-sdl-psdl-sensitivity" })
        #expect(section.blocks.contains { if case .paragraph(let p) = $0 { p.hasPrefix("Sensitivity to the literature mapping: none of the 14") } else { false } })
        // Sensitivity: as given + 13 single moves (12 rows, one with two alternatives) + all together.
        let sensitivity = try #require(report.allTables.first { $0.name == "claim-practice-hsr-qi-vs-rest-sensitivity" })
        #expect(sensitivity.rows.count == 15)
        // Moving Sociology/Health Services Research (farr2018, practice-oriented, no PAM or
        // Sociology concept) to HSR/QI gives 0/13 against 15/60.
        let farr = try #require(sensitivity.rows.first { $0[1] == .text("Sociology/Health Services Research: → HSR/QI") })
        #expect(farr[3] == .text("0/13") && farr[4] == .text("15/60"))
        #expect(report.allFigures.contains { $0.name == "claim-practice-hsr-qi-vs-rest-sensitivity" })
        let alternatives = try #require(report.allTables.first { $0.name == "mapping-alternatives" })
        #expect(alternatives.rows.count == 12)
        // The numbers land in metrics.json, and the report is the same on a second run.
        let json = String(decoding: report.metricsJSON, as: UTF8.self)
        #expect(json.contains("\"claims\""))
        #expect(json.contains("\"fisherTwoSided\""))
        let again = try DatasetReportBuilder().build(folder: Self.models)
        #expect(again.metricsJSON == report.metricsJSON)
        #expect(report.methods.joined().contains("Fisher's exact test"))
        #expect(report.references.contains { $0.contains("doi:10.2202/1544-6115.1585") })
    }
}
