import Foundation
import Testing
import TestSupport
@testable import Reporting

/// Part 4 of issue 12: the literatures the citations draw themselves. The co-citation and
/// coupling clusters are named by their over-represented title terms, categories and
/// venues, and compared with the works' category-based literatures, with the works that
/// have none counted. Every expected value below is a hand computation.
@Suite("Map clusters against literatures")
struct MapLiteraturesTests {
    /// Six citing records, six references, no local citations. p1–p3 cite r1, r2, r3;
    /// p4–p6 cite r4, r5, r6: two disjoint co-citation cliques and two disjoint coupling
    /// cliques, so Leiden must return exactly those two clusters in each map (any split of
    /// a clique, or a merge of the two, lowers modularity). Map order: r1…r6 (all cited 3
    /// times, ties by position) and p1…p6 (all of coupling strength 2 · 3 = 6).
    ///
    /// Literatures: r1, r2, r6 Statistics & Probability, r4, r5 Ecology, r3 none;
    /// p1, p2 Statistics & Probability, p4–p6 Ecology, p3 none. r2 is in two categories.
    static let files = [
        "dataset.yml": "name: corpus\ntitle: Lits\nsource: test\ngroup: literature\nworks: {file: works.csv}\nlayers:\n  - {kind: citation, file: citations.csv}\n",
        "works.csv": """
            id,label,year,title,venue,role,categories,literature,field_source,field_key,field_level,source
            p1,Otis 2001,2001,Mark recapture survival,BIOMETRICS,citing,Statistics & Probability,Statistics & Probability,record,issn:0006-341X,wos-category,t
            p2,Pollock 2002,2002,Mark recapture survival models,BIOMETRICS,citing,Statistics & Probability,Statistics & Probability,record,WC,wos-category,t
            p3,Seber 2003,2003,Mark recapture survival estimation,J WILDLIFE MANAGE,citing,,,,,wos-category,t
            p4,Karanth 2004,2004,Camera trap density,ECOLOGY,citing,Ecology,Ecology,record,WC,wos-category,t
            p5,Royle 2005,2005,Camera trap density surveys,ECOLOGY,citing,Ecology,Ecology,record,WC,wos-category,t
            p6,Efford 2006,2006,Camera trap density arrays,ECOLOGY,citing,Ecology,Ecology,record,WC,wos-category,t
            r1,Jolly 1965,1965,,BIOMETRIKA,cited,Statistics & Probability,Statistics & Probability,dataset-venue,venue:BIOMETRIKA,wos-category,t
            r2,Seber 1965,1965,,BIOMETRIKA,cited,Statistics & Probability; Mathematical & Computational Biology,Statistics & Probability,catalogue,venue:BIOMETRIKA,wos-category,t
            r3,Cormack 1964,1964,,BIOMETRICS,cited,,,,,wos-category,t
            r4,Karanth 1998,1998,,ECOLOGY,cited,Ecology,Ecology,dataset-venue,venue:ECOLOGY,wos-category,t
            r5,Royle 2003,2003,,ECOLOGY,cited,Ecology,Ecology,dataset-venue,venue:ECOLOGY,wos-category,t
            r6,Borchers 2008,2008,,OIKOS,cited,Statistics & Probability,Statistics & Probability,user-table,venue:OIKOS,wos-category,t

            """,
        "citations.csv": "citing,cited,source\n"
            + ["p1", "p2", "p3"].flatMap { p in ["r1", "r2", "r3"].map { "\(p),\($0),t\n" } }.joined()
            + ["p4", "p5", "p6"].flatMap { p in ["r4", "r5", "r6"].map { "\(p),\($0),t\n" } }.joined(),
    ]

    static func build(_ files: [String: String] = files) throws -> Report {
        try CorpusSectionsTests.build(files, parameters: CorpusSectionsTests.parameters)
    }

    static func table(_ report: Report, _ name: String) throws -> ReportTable {
        try #require(report.allTables.first { $0.name == name }, "no table \(name)")
    }

    static func cell(_ table: ReportTable, row: Int, column: String) throws -> String {
        let j = try #require(table.columns.firstIndex(of: column), "no column \(column) in \(table.name)")
        return table.rows[row][j].display
    }

    /// Names. Co-citation cluster 1 = {r1, r2, r3}, cited only by p1–p3, whose titles all
    /// hold "mark", "recapture", "survival" (G² 8.32 each, tied, alphabetical): terms
    /// "mark, recapture". Its categories: Statistics & Probability in r1, r2 (2 of 3) and
    /// r6 (1 of 3 outside): G² of [[2, 1], [1, 2]] = 0.680; Mathematical & Computational
    /// Biology is in one work only (a label needs two). Venue BIOMETRIKA in r1, r2 and no
    /// other: G² of [[2, 0], [1, 3]] = 3.819. Cluster 2 = {r4, r5, r6}: Ecology and
    /// ECOLOGY, each G² 3.819 (2 of 3, none outside).
    @Test func clustersAreNamedByTermsCategoriesAndVenues() throws {
        let report = try Self.build()
        let clusters = try Self.table(report, "cocitation-clusters")
        #expect(clusters.rows.count == 2)
        #expect(try Self.cell(clusters, row: 0, column: "name") == "Cluster 1: mark, recapture (Statistics & Probability; BIOMETRIKA)")
        #expect(try Self.cell(clusters, row: 1, column: "name") == "Cluster 2: camera, density (Ecology; ECOLOGY)")
        #expect(try Self.cell(clusters, row: 0, column: "categories (G²)") == "Statistics & Probability (0.7)")
        #expect(try Self.cell(clusters, row: 1, column: "categories (G²)") == "Ecology (3.8)")
        #expect(try Self.cell(clusters, row: 0, column: "venues (G²)") == "BIOMETRIKA (3.8)")

        // Coupling: cluster 1 = {p1, p2, p3}: Statistics & Probability in p1, p2, none
        // outside (G² 3.819); cluster 2 = {p4, p5, p6}: Ecology in all three, none
        // outside: G² of [[3, 0], [0, 3]] = 12 ln 2 = 8.318.
        let coupling = try Self.table(report, "coupling-clusters")
        #expect(try Self.cell(coupling, row: 0, column: "categories (G²)") == "Statistics & Probability (3.8)")
        #expect(try Self.cell(coupling, row: 1, column: "categories (G²)") == "Ecology (8.3)")
        #expect(try Self.cell(coupling, row: 0, column: "name") == "Cluster 1: mark, recapture (Statistics & Probability; BIOMETRICS)")

        // metrics.json carries the names and the category labels.
        let json = String(decoding: report.metricsJSON, as: UTF8.self)
        #expect(json.contains("\"name\" : \"Cluster 2: camera, density (Ecology; ECOLOGY)\""))
        #expect(json.contains("\"term\" : \"Statistics & Probability\""))
    }

    /// Comparison of the co-citation clusters with the literatures. r3 has none: counted
    /// in cluster 1 and left out. Over the other five: cluster 1 = {Stat 2}, cluster 2 =
    /// {Stat 1, Ecology 2}. ARI: Σ C(n_ij, 2) = 1 + 0 + 1 = 2; rows C(2,2) + C(3,2) = 4;
    /// columns C(3,2) + C(2,2) = 4; expected 4 · 4 / C(5,2) = 1.6; ARI = (2 − 1.6) /
    /// (4 − 1.6) = 1/6 = 0.167. NMI: H(rows) = H(cols) = H(0.4, 0.6) = 0.6730;
    /// I = 0.4 ln(5/3) + 0.2 ln(5/9) + 0.4 ln(5/3) = 0.2911; NMI = 2I / 1.3460 = 0.433.
    @Test func coCitationClustersAreComparedWithTheLiteratures() throws {
        let report = try Self.build()
        let coverage = try Self.table(report, "cocitation-clusters-literatures")
        #expect(try Self.cell(coverage, row: 0, column: "with a literature") == "2")
        #expect(try Self.cell(coverage, row: 0, column: "without a literature") == "1")
        #expect(try Self.cell(coverage, row: 1, column: "without a literature") == "0")
        #expect(try Self.cell(coverage, row: 1, column: "largest literature") == "Ecology (2 of 3)")

        let agreement = try Self.table(report, "cocitation-clusters-agreement")
        let value = Dictionary(uniqueKeysWithValues: agreement.rows.map { ($0[0].display, $0[1].display) })
        #expect(value["works compared"] == "5")
        #expect(value["normalised mutual information"] == "0.433")
        #expect(value["adjusted Rand index"] == "0.167")

        // Rows: the clusters by works compared, largest first — cluster 2 (3) before cluster 1 (2).
        let byGroup = try Self.table(report, "cocitation-clusters-by-group")
        #expect(byGroup.rows.map { $0[0].display } == ["Cluster 2: camera, density (Ecology; ECOLOGY)",
                                                      "Cluster 1: mark, recapture (Statistics & Probability; BIOMETRIKA)", "total"])
        #expect(try Self.cell(byGroup, row: 0, column: "Statistics & Probability") == "1")
        #expect(try Self.cell(byGroup, row: 0, column: "Ecology") == "2")
        #expect(try Self.cell(byGroup, row: 1, column: "Statistics & Probability") == "2")
        #expect(try Self.cell(byGroup, row: 1, column: "Ecology") == "0")

        let section = try #require(report.sections.first { $0.title == "Co-citation map" })
        let text = section.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined(separator: "\n")
        #expect(text.contains("5 of the 6 have one ('literature'), 1 have none ((missing))"))
        #expect(text.contains("cut across the literatures"))  // ARI 0.167 < 0.2
        #expect(report.methods.joined().contains("works without a literature are counted per cluster"))
    }

    /// The coupling clusters reproduce the literatures exactly: {p1, p2 Stat} and
    /// {p4, p5, p6 Ecology} over the five placed records — NMI = ARI = 1; p3 counted.
    @Test func couplingClustersAreComparedWithTheRecordsLiteratures() throws {
        let report = try Self.build()
        let coverage = try Self.table(report, "coupling-clusters-literatures")
        #expect(try Self.cell(coverage, row: 0, column: "without a literature") == "1")
        let agreement = try Self.table(report, "coupling-clusters-agreement")
        let value = Dictionary(uniqueKeysWithValues: agreement.rows.map { ($0[0].display, $0[1].display) })
        #expect(value["works compared"] == "5")
        #expect(value["normalised mutual information"] == "1.000")
        #expect(value["adjusted Rand index"] == "1.000")
    }

    /// The report states how the works got their field, by role and route (from works.csv's
    /// `field_source`/`field_key`): citing records 5 of 6 — own categories 4 (p2, p4–p6),
    /// ISSN 1 (p1), none 1 (p3); cited works 5 of 6 — dataset-venue 3 (r1, r4, r5),
    /// catalogue 1 (r2), user-table 1 (r6), none 1 (r3).
    @Test func coverageByRoleAndRoute() throws {
        let report = try Self.build()
        let coverage = try Self.table(report, "field-coverage")
        #expect(coverage.columns == ["role", "works", "with a field", "share", "record: own categories", "record: ISSN",
                                     "user-table", "dataset-venue", "catalogue", "without a field"])
        #expect(coverage.rows[0].map(\.display) == ["citing records", "6", "5", "83.3%", "4", "1", "0", "0", "0", "1"])
        #expect(coverage.rows[1].map(\.display) == ["cited works", "6", "5", "83.3%", "0", "0", "1", "3", "1", "1"])
        let section = try #require(report.sections.first { $0.title == "How the works were placed in literatures" })
        let text = section.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined()
        #expect(text.contains("at level wos-category"))
        #expect(text.contains("(missing) of 'literature' (2 works)"))
    }

    /// Without literatures the clusters are still named, and the report says they are the
    /// only literatures the map shows (no comparison tables).
    @Test func withoutLiteraturesTheNamedClustersStand() throws {
        let report = try CorpusSectionsTests.build()
        let section = try #require(report.sections.first { $0.title == "Co-citation map" })
        let text = section.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }.joined()
        #expect(text.contains("the named clusters above are the only literatures this map shows"))
        #expect(!report.allTables.contains { $0.name == "cocitation-clusters-agreement" })
        #expect(try Self.cell(Self.table(report, "cocitation-clusters"), row: 0, column: "name").hasPrefix("Cluster 1:"))
    }
}
