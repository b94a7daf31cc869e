import Foundation
import Testing
import TestSupport
@testable import Reporting

/// The sections of an imported corpus (works.csv with `role`): co-citation map, coupling
/// map, historiograph, the silo section's gating and the structure-keeping figure reduction.
@Suite("Corpus sections")
struct CorpusSectionsTests {
    /// Six citing records, four references. p1–p3 (titles on mark–recapture) cite r1 and
    /// r2; p4–p6 (camera traps) cite r3 and r4; p3 also cites r3. Local citations:
    /// p2→p1, p3→p1, p5→p1, p4→p2, p6→p4.
    static let files = [
        "dataset.yml": "name: corpus\ntitle: Corpus\nsource: test\nworks: {file: works.csv}\nlayers:\n  - {kind: citation, file: citations.csv}\n",
        "works.csv": """
            id,label,year,title,venue,role,source
            p1,Otis 2001,2001,Mark recapture survival estimation,J WILDLIFE MANAGE,citing+cited,t
            p2,Pollock 2002,2002,Survival from mark recapture data,J WILDLIFE MANAGE,citing+cited,t
            p3,Seber 2003,2003,Open population mark recapture survival,BIOMETRICS,citing,t
            p4,Karanth 2004,2004,Camera trap density of tigers,ECOLOGY,citing+cited,t
            p5,Royle 2005,2005,Camera trap spatial density,ECOLOGY,citing,t
            p6,Efford 2006,2006,Density from camera trap arrays,ECOLOGY,citing,t
            r1,Jolly 1965,1965,,BIOMETRIKA,cited,t
            r2,Seber 1965,1965,,BIOMETRIKA,cited,t
            r3,Otis 1978,1978,,WILDLIFE MONOGR,cited,t
            r4,Efford 2004,2004,,OIKOS,cited,t

            """,
        "citations.csv": """
            citing,cited,source
            p1,r1,t
            p1,r2,t
            p2,r1,t
            p2,r2,t
            p2,p1,t
            p3,r1,t
            p3,r2,t
            p3,r3,t
            p3,p1,t
            p4,r3,t
            p4,r4,t
            p4,p2,t
            p5,r3,t
            p5,r4,t
            p5,p1,t
            p6,r3,t
            p6,r4,t
            p6,p4,t

            """,
    ]

    /// The parameters of these tests: six citing records count as a corpus, and label
    /// terms need no significance (with six records "mark" in 3 of the 4 records citing
    /// the r1–r2 cluster and in none of the other 2 has G² = 3.82, just below 3.84).
    static var parameters: DatasetReportBuilder.Parameters {
        var p = DatasetReportBuilder.Parameters()
        p.minimumCitingRecords = 6
        p.minimumLabelG2 = 0
        return p
    }

    static func build(_ files: [String: String] = files, parameters: DatasetReportBuilder.Parameters = parameters) throws -> Report {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-corpus-\(UUID().uuidString)/corpus")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try DatasetReportBuilder(parameters: parameters).build(folder: dir.path)
    }

    static func texts(_ table: ReportTable, column: Int) -> [String] {
        table.rows.map { $0[column].display }
    }

    @Test func corpusHasTheMapsAndTheHistoriograph() throws {
        let report = try Self.build()
        let titles = report.sections.map(\.title)
        #expect(titles.contains("Co-citation map") && titles.contains("Bibliographic-coupling map") && titles.contains("Historiograph"))
        let figures = Set(report.allFigures.map(\.name))
        #expect(figures.isSuperset(of: ["cocitation-map", "coupling-map", "historiograph"]))

        // Times cited (hand count from citations.csv): r3 4; r1, r2, r4, p1 3; p2, p4 1.
        let works = try #require(report.allTables.first { $0.name == "cocitation-works" })
        #expect(works.rows.count == 7)
        #expect(works.rows.map { $0[1] } == [4, 3, 3, 3, 3, 1, 1].map { ReportCell.integer($0) })

        // r1 and r2 are co-cited by p1, p2, p3 and never apart: one cluster; r3 and r4 the other.
        let clusterOf = Dictionary(uniqueKeysWithValues: works.rows.map { ($0[0].display, $0[2].display) })
        #expect(clusterOf["Jolly 1965, BIOMETRIKA"] == clusterOf["Seber 1965, BIOMETRIKA"])
        #expect(clusterOf["Otis 1978, WILDLIFE MONOGR"] == clusterOf["Efford 2004, OIKOS"])
        #expect(clusterOf["Jolly 1965, BIOMETRIKA"] != clusterOf["Otis 1978, WILDLIFE MONOGR"])

        // The r1–r2 cluster is cited by p1–p3 only, whose titles all hold "mark", "recapture",
        // "survival" (3 of its 3 citers, 0 of the other 3 citing records): those are its label.
        let clusters = try #require(report.allTables.first { $0.name == "cocitation-clusters" })
        let jollyCluster = try #require(clusterOf["Jolly 1965, BIOMETRIKA"])
        let row = try #require(clusters.rows.first { $0[0].display == jollyCluster })
        let label = try #require(clusters.columns.firstIndex(of: "label (terms, G²)"))
        for term in ["mark", "recapture", "survival"] { #expect(row[label].display.contains(term)) }
        #expect(!row[label].display.contains("camera"))

        // Historiograph: local citation scores p1 3 (p2, p3, p5), p2 1, p4 1.
        let records = try #require(report.allTables.first { $0.name == "historiograph-records" })
        let lcs = Dictionary(uniqueKeysWithValues: records.rows.map { ($0[0].display, $0[2]) })
        #expect(lcs["Otis 2001, J WILDLIFE MANAGE"] == .integer(3))
        #expect(lcs["Pollock 2002, J WILDLIFE MANAGE"] == .integer(1))
        #expect(lcs["Karanth 2004, ECOLOGY"] == .integer(1))
    }

    /// Two different cited works labelled alike ("Jolly 1965" in BIOMETRIKA and, here, r2
    /// relabelled "Jolly 1965" too): the map tells them apart as "Jolly 1965a" (r1, cited 3
    /// times, earlier in works.csv) and "Jolly 1965b" (r2, also 3 times) — in the figure's
    /// labels and in the clusters table — instead of drawing "Jolly 1965" twice.
    @Test func coCitationMapTellsApartWorksSharingALabel() throws {
        var files = Self.files
        files["works.csv"] = try #require(files["works.csv"]).replacingOccurrences(of: "r2,Seber 1965,", with: "r2,Jolly 1965,")
        let report = try Self.build(files)
        let clusters = try #require(report.allTables.first { $0.name == "cocitation-clusters" })
        let members = clusters.rows.map { $0[$0.count - 1].display }.joined(separator: "; ")
        #expect(members.contains("Jolly 1965a") && members.contains("Jolly 1965b"))
        let figure = try #require(report.allFigures.first { $0.name == "cocitation-map" })
        let svg = String(decoding: figure.svg, as: UTF8.self)
        #expect(svg.contains("Jolly 1965a") && svg.contains("Jolly 1965b"))
        let labels = try #require(figure.network).labels
        #expect(labels.filter { $0.hasPrefix("Jolly 1965") }.sorted() == ["Jolly 1965a", "Jolly 1965b"])
    }

    /// The historiograph likewise: p2 relabelled "Otis 2001" like p1; both are drawn (local
    /// citation scores 3 and 1), so the figure names "Otis 2001a" and "Otis 2001b".
    @Test func historiographTellsApartRecordsSharingALabel() throws {
        var files = Self.files
        files["works.csv"] = try #require(files["works.csv"]).replacingOccurrences(of: "p2,Pollock 2002,", with: "p2,Otis 2001,")
        let report = try Self.build(files)
        let figure = try #require(report.allFigures.first { $0.name == "historiograph" })
        let svg = String(decoding: figure.svg, as: UTF8.self)
        #expect(svg.contains("Otis 2001a") && svg.contains("Otis 2001b"))
    }

    /// Total coupling strength (hand count), Σ over a record's references of the other
    /// citing records citing it: p3 cites r1 (also cited by p1, p2: 2), r2 (2), r3 (p4,
    /// p5, p6: 3) and p1 (p2, p5: 2) = 9; p4 cites r3 (p5, p6, p3: 3), r4 (p5, p6: 2) and
    /// p2 (nobody else: 0) = 5; p1 cites r1 (2) and r2 (2) = 4.
    @Test func couplingStrengthFollowsTheHandCount() throws {
        let report = try Self.build()
        let works = try #require(report.allTables.first { $0.name == "coupling-works" })
        let strength = Dictionary(uniqueKeysWithValues: works.rows.map { ($0[0].display, $0[1]) })
        #expect(strength["Seber 2003, BIOMETRICS"] == .integer(9))
        #expect(strength["Karanth 2004, ECOLOGY"] == .integer(5))
        #expect(strength["Otis 2001, J WILDLIFE MANAGE"] == .integer(4))
        #expect(works.rows.first?[0].display == "Seber 2003, BIOMETRICS")
    }

    /// No grouping: one sentence says why, and no null-model table, heatmap or brokerage.
    @Test func siloStatisticsAreSkippedWithFewerThanTwoLiteratures() throws {
        let report = try Self.build()
        let citation = try #require(report.sections.first { $0.title == "Citation network" })
        let paragraphs = citation.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        #expect(paragraphs.contains { $0.hasPrefix("Silo statistics") && $0.contains("names no grouping") })
        let tables = Set(report.allTables.map(\.name))
        #expect(!tables.contains("citation-silo-statistics") && !tables.contains("brokerage-by-group") && !tables.contains("citation-mixing"))
        #expect(!report.allFigures.contains { $0.name == "citation-mixing-heatmap" || $0.name == "citation-quotient" })
        #expect(!report.methods.joined().contains("label permutation"))
    }

    /// A threshold instead of the top N: only the works cited at least 3 times.
    @Test func coCitationThresholdOption() throws {
        var parameters = Self.parameters
        parameters.coCitationMinCitations = 3
        let report = try Self.build(parameters: parameters)
        let works = try #require(report.allTables.first { $0.name == "cocitation-works" })
        #expect(works.rows.count == 5)  // r3 (4), r1, r2, r4, p1 (3)
    }

    /// Fewer citing records than the minimum: no corpus sections (a curated dataset of a
    /// few reviews, like coproduction-reviews, keeps its report).
    @Test func fewCitingRecordsGetNoCorpusSections() throws {
        var parameters = Self.parameters
        parameters.minimumCitingRecords = 7
        let titles = try Self.build(parameters: parameters).sections.map(\.title)
        #expect(!titles.contains("Co-citation map") && !titles.contains("Historiograph"))
    }

    @Test func corpusReportIsByteIdenticalAcrossBuilds() throws {
        let a = try Self.build(), b = try Self.build()
        #expect(a.allFigures == b.allFigures)
        #expect(a.allTables == b.allTables)
        #expect(a.metricsJSON == b.metricsJSON)
        #expect(a.methods == b.methods)
    }
}
