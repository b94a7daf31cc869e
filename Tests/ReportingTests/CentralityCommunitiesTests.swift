import Foundation
import NetworkCore
import Testing
@testable import Reporting

/// The centrality top lists and the communities-versus-groups comparison on a small
/// hand-made citation network, every expected value computed by hand below.
///
/// Works (id, label, year, field): a Ames 2001 X, b Brown 2002 X, c Cole 2003 X,
/// d Dunn 2002 Y, e Avery 2003 X, f Fox 2004 Y, g Gray 2000 Y (g has no citations).
/// Citations (citing → cited): b→a, c→a, c→b, e→d, f→d, f→e, d→a.
/// Undirected, the network is two triangles {a,b,c} and {d,e,f} joined by a–d, plus g.
/// Labels are chosen so that label order (Avery < Brown) differs from id order (b < e).
@Suite("Centrality and communities sections")
struct CentralityCommunitiesTests {
    static let works = """
        id,label,year,field,source
        a,Ames,2001,X,t
        b,Brown,2002,X,t
        c,Cole,2003,X,t
        d,Dunn,2002,Y,t
        e,Avery,2003,X,t
        f,Fox,2004,Y,t
        g,Gray,2000,Y,t

        """
    static let cites = "citing,cited,source\nb,a,t\nc,a,t\nc,b,t\ne,d,t\nf,d,t\nf,e,t\nd,a,t\n"

    /// Writes a dataset folder and returns its path; the caller removes `root`.
    static func dataset(works: String = works, cites: String = cites, group: Bool = true) throws -> (root: URL, folder: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-centrality-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let files = [
            "dataset.yml": "name: demo\ntitle: Demo\nsource: test\nworks: {file: works.csv}\n" + (group ? "group: field\n" : "")
                + "layers:\n  - {kind: citation, file: cites.csv}\n",
            "works.csv": works,
            "cites.csv": cites,
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return (root, dir.path)
    }

    static var parameters: DatasetReportBuilder.Parameters {
        var p = DatasetReportBuilder.Parameters()
        p.nullSamples = 20
        return p
    }

    /// The labels of a top-list table (column "work") and its last column's values.
    func column(_ table: ReportTable, _ name: String) -> [ReportCell] {
        guard let k = table.columns.firstIndex(of: name) else { return [] }
        return table.rows.map { $0[k] }
    }

    func number(_ cell: ReportCell) -> Double? {
        switch cell {
        case .number(let x, _): return x
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    @Test func topListsFollowTheHandComputation() throws {
        let (root, folder) = try Self.dataset()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DatasetReportBuilder(parameters: Self.parameters).build(folder: folder)
        func table(_ name: String) throws -> ReportTable { try #require(report.allTables.first { $0.name == name }) }

        // In-degree: a is cited by b, c, d (3); d by e, f (2); b by c and e by f (1 each,
        // tied: Avery before Brown by label although b precedes e by id); c, f, g never (not listed).
        let indegree = try table("centrality-top-in-degree")
        #expect(indegree.columns == ["rank", "work", "year", "field", "in-degree (times cited)"])
        #expect(column(indegree, "work") == [.text("Ames"), .text("Dunn"), .text("Avery"), .text("Brown")])
        #expect(column(indegree, "in-degree (times cited)") == [.integer(3), .integer(2), .integer(1), .integer(1)])
        #expect(column(indegree, "year") == [.text("2001"), .text("2002"), .text("2003"), .text("2002")])
        #expect(column(indegree, "field") == [.text("X"), .text("Y"), .text("X"), .text("X")])
        #expect(column(indegree, "rank") == (1...4).map { .integer($0) })

        // PageRank (damping 0.85, n = 7, dangling a and g spread uniformly): every score is
        // the same base c plus 0.85 × the shares it receives, so PR = c·r with
        //   r(c) = r(f) = r(g) = 1 (nothing cites them),
        //   r(b) = 1 + 0.85·r(c)/2 = 1.425, r(e) = 1 + 0.85·r(f)/2 = 1.425,
        //   r(d) = 1 + 0.85·(r(e)/1 + r(f)/2) = 2.63625,
        //   r(a) = 1 + 0.85·(r(b)/1 + r(c)/2 + r(d)/1) = 4.8770625,
        // and c = 1/Σr = 1/13.3633125. Ties (b = e, c = f = g) go by label.
        let pagerank = try table("centrality-top-pagerank")
        #expect(column(pagerank, "work") == ["Ames", "Dunn", "Avery", "Brown", "Cole", "Fox", "Gray"].map { .text($0) })
        let r = [4.8770625, 2.63625, 1.425, 1.425, 1, 1, 1]
        let total = r.reduce(0, +)
        #expect(abs(total - 13.3633125) < 1e-12)
        for (cell, expected) in zip(column(pagerank, "PageRank"), r.map { $0 / total }) {
            #expect(abs((number(cell) ?? .nan) - expected) < 1e-9)
        }

        // HITS authority: AᵀA splits into {a, b} = [[3, 1], [1, 1]] (common citers: a has
        // b, c, d; b has c; both c) and {d, e} = [[2, 1], [1, 1]]. The top eigenvalue,
        // 2 + √2, belongs to {a, b}, with eigenvector (1, √2 − 1); normalised to sum 1,
        // a = 1/√2 and b = 1 − 1/√2, and d, e decay to 0 (below 10⁻⁹ of a: not listed).
        let authority = try table("centrality-top-hits-authority")
        #expect(column(authority, "work") == [.text("Ames"), .text("Brown")])
        let a = column(authority, "HITS authority").compactMap(number)
        #expect(a.count == 2)
        #expect(abs(a[0] - 1 / 2.0.squareRoot()) < 1e-9)
        #expect(abs(a[1] - (1 - 1 / 2.0.squareRoot())) < 1e-9)

        // Betweenness (directed shortest paths): the only pairs whose shortest chain has a
        // middle work are e→d→a and f→d→a (f→e→d→a is longer; c→a is direct), so d = 2.
        let betweenness = try table("centrality-top-betweenness")
        #expect(column(betweenness, "work") == [.text("Dunn")])
        #expect(column(betweenness, "betweenness") == [.number(2, digits: 1)])
        #expect(betweenness.caption.contains("Only one of the 7 works has a non-zero value."))

        // Core numbers: both triangles form the 2-core; the 3-core is empty (only a and d
        // have degree 3); g has core 0. Six works tied at 2, listed by label.
        let core = try table("centrality-top-coreness")
        #expect(column(core, "work") == ["Ames", "Avery", "Brown", "Cole", "Dunn", "Fox"].map { .text($0) })
        #expect(column(core, "core number") == [ReportCell](repeating: .integer(2), count: 6))

        // The CSV of every work holds all seven, sorted by label.
        let all = try table("centrality-all-works")
        #expect(all.rows.count == 7)
        #expect(column(all, "work").first == .text("Ames"))
        #expect(all.displayedRows.isEmpty)
        #expect(!MarkdownWriter.markdown(report).contains("| id | work |"))  // CSV only: no pipe table

        // metrics.json carries the lists.
        let json = String(decoding: report.metricsJSON, as: UTF8.self)
        #expect(json.contains("\"centrality\""))
        #expect(json.contains("\"tiedBeyondList\""))
    }

    @Test func tiesAtTheCutOffAreCountedAndBrokenByLabelThenID() {
        let values = [2.0, 2, 2, 2, 1, 0, 1e-12]
        let labels = ["b", "a", "a", "C", "z", "y", "x"]
        let ids = ["4", "2", "1", "3", "5", "6", "7"]
        let (top, nonZero, tied) = CentralityTopLists.topIndices(values, labels: labels, ids: ids, limit: 3)
        // Value 2: labels a (ids 1, 2), b, C (case ignored, so C after b although "C" < "b"
        // in code points) → indices 2, 1, 0; index 3 is tied with the last listed but left
        // out. 1e-12 is below 10⁻⁹ of the largest; 0 is never listed.
        #expect(top == [2, 1, 0])
        #expect(nonZero == 5)
        #expect(tied == 1)
        #expect(CentralityTopLists.topIndices(values, labels: labels, ids: ids, limit: 4).top == [2, 1, 0, 3])
        // Values equal to 10 significant digits count as tied.
        #expect(CentralityTopLists.tieKey(0.1 + 0.2) == CentralityTopLists.tieKey(0.3))
        #expect(CentralityTopLists.topIndices([0, 0], labels: ["a", "b"], ids: ["1", "2"], limit: 10).top.isEmpty)
    }

    @Test func communitiesAgainstGroupsFollowTheHandComputation() throws {
        let (root, folder) = try Self.dataset()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DatasetReportBuilder(parameters: Self.parameters).build(folder: folder)
        // Louvain finds the two triangles {a, b, c} and {d, e, f} (g has no links and is not
        // compared). Fields: X = {a, b, c, e}, Y = {d, f}. Contingency (rows largest first,
        // tie by smallest work: the community of a first):
        //   C1 = {a, b, c}: X 3, Y 0;  C2 = {d, e, f}: X 1 (e), Y 2.
        let contingency = try #require(report.allTables.first { $0.name == "citation-communities-by-group" })
        #expect(contingency.columns == ["community", "works", "X", "Y"])
        #expect(contingency.rows == [
            [.text("C1"), .integer(3), .integer(3), .integer(0)],
            [.text("C2"), .integer(3), .integer(1), .integer(2)],
            [.text("total"), .integer(6), .integer(4), .integer(2)],
        ])
        let agreement = try #require(report.allTables.first { $0.name == "citation-communities-agreement" })
        func value(_ statistic: String) -> Double? {
            agreement.rows.first { $0[0] == .text(statistic) }.flatMap { number($0[1]) }
        }
        // Modularity, E = 7 links. Communities: each triangle has 3 inner links and degree
        // sum 3 + 2 + 2 = 7: Q = 2·(3/7 − (7/14)²) = 5/14.
        #expect(abs((value("modularity of the communities") ?? .nan) - 5.0 / 14) < 1e-12)
        // Fields: X = {a, b, c, e} has 3 inner links (a–b, a–c, b–c), degrees 3+2+2+2 = 9;
        // Y = {d, f, g} has 1 (d–f), degrees 3+2+0 = 5: Q = 4/7 − (81 + 25)/196 = 6/196.
        #expect(abs((value("modularity of the groups") ?? .nan) - 6.0 / 196) < 1e-12)
        // NMI over the 6 compared works: H(C) = ln 2; H(F) = −(4/6 ln 4/6 + 2/6 ln 2/6);
        // I = H(F) − H(F|C) = H(F) − ½·H(1/3, 2/3) = H(F)/2, so NMI = 2I/(H(C)+H(F)) = H(F)/(ln 2 + H(F)).
        let hF = -(4.0 / 6 * log(4.0 / 6) + 2.0 / 6 * log(2.0 / 6))
        #expect(abs((value("normalised mutual information") ?? .nan) - hF / (log(2) + hF)) < 1e-12)
        // ARI: pairs within cells C(3,2) + C(1,2) + C(2,2) = 4; rows 3 + 3 = 6; columns
        // C(4,2) + C(2,2) = 7; expected 6·7/15 = 2.8; max (6+7)/2 = 6.5: (4 − 2.8)/(6.5 − 2.8) = 12/37.
        #expect(abs((value("adjusted Rand index") ?? .nan) - 12.0 / 37) < 1e-12)
        #expect(value("works compared") == 6)
        #expect(value("communities found") == 2)
        // ARI 0.32 reads as "in part".
        let section = try #require(report.sections.first { $0.title.hasPrefix("Citation communities") })
        let paragraphs = section.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        #expect(paragraphs.contains { $0.contains("only in part") })
        // The methods cite the comparison measures.
        #expect(report.references.contains { $0.contains("10.1007/BF01908075") })
        #expect(report.references.contains { $0.contains("10.1145/324133.324140") })
    }

    @Test func oneGroupIsSaidNotTabulatedAsAgreement() throws {
        let sameField = Self.works.replacingOccurrences(of: ",Y,", with: ",X,")
        let (root, folder) = try Self.dataset(works: sameField)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DatasetReportBuilder(parameters: Self.parameters).build(folder: folder)
        let section = try #require(report.sections.first { $0.title.hasPrefix("Citation communities") })
        let paragraphs = section.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        #expect(paragraphs.contains { $0.contains("belong to one group") && $0.contains("not meaningful") })
        let agreement = try #require(report.allTables.first { $0.name == "citation-communities-agreement" })
        #expect(agreement.rows.first { $0[0] == .text("adjusted Rand index") }?[1] == .missing)
    }

    @Test func withoutAGroupingTheListsHaveNoGroupColumnAndCommunitiesAreNotCompared() throws {
        let (root, folder) = try Self.dataset(group: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DatasetReportBuilder(parameters: Self.parameters).build(folder: folder)
        let indegree = try #require(report.allTables.first { $0.name == "centrality-top-in-degree" })
        #expect(indegree.columns == ["rank", "work", "year", "in-degree (times cited)"])
        let section = try #require(report.sections.first { $0.title.hasPrefix("Citation communities") })
        #expect(section.title == "Citation communities")  // not "… and Group"
        #expect(section.blocks.count == 1)
        #expect(!report.allTables.contains { $0.name.hasPrefix("citation-communities") })
    }

    @Test func anEmptyCitationLayerIsSaidAndNothingIsTabulated() throws {
        let (root, folder) = try Self.dataset(cites: "citing,cited,source\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try DatasetReportBuilder(parameters: Self.parameters).build(folder: folder)
        #expect(!report.allTables.contains { $0.name.hasPrefix("centrality") || $0.name.hasPrefix("citation-communities") })
        let overview = try #require(report.sections.first)
        let paragraphs = overview.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
        #expect(paragraphs.contains { $0.contains("The citation layer (cites.csv) holds no arcs") })
    }

    @Test func csvOnlyTablesShowTitleCaptionAndLink() throws {
        let table = ReportTable(name: "all", title: "All", caption: "Every row.", columns: ["x"], rows: [[.integer(1)], [.integer(2)]], displayLimit: 0)
        let report = Report(name: "r", title: "T", source: "S", sections: [ReportSection(title: "A", blocks: [.table(table)])])
        let html = try HTMLWriter.html(report)
        #expect(!html.contains("<table>"))
        #expect(html.contains("Every row. 2 rows in <a href=\"tables/all.csv\">"))
        let md = MarkdownWriter.markdown(report)
        #expect(!md.contains("| x |"))
        #expect(md.contains("2 rows in [tables/all.csv](tables/all.csv)"))
        #expect(try CSVTableWriter.csv(table) == Array("x\n1\n2\n".utf8))
    }

    @Test func networkReportHasTheSameTopListsAndCommunities() throws {
        var builder = GraphBuilder()
        for id in ["a", "b", "c", "d", "e", "f", "g"] { builder.addNode(id) }
        for (u, v) in [("b", "a"), ("c", "a"), ("c", "b"), ("e", "d"), ("f", "d"), ("f", "e"), ("d", "a")] {
            builder.addArc(from: u, to: v)
        }
        let graph = builder.build().graph
        let input = NetworkReportBuilder.Input(
            name: "demo", title: "Demo", source: "test", graph: graph,
            labels: ["Ames", "Brown", "Cole", "Dunn", "Avery", "Fox", "Gray"],
            years: [2001, 2002, 2003, 2002, 2003, 2004, 2000],
            partition: Partition(values: ["X", "X", "X", "Y", "X", "Y", "Y"]), groupTitle: "field",
            selfLoops: 0, duplicateArcs: 0)
        let report = try NetworkReportBuilder().build(input)
        let indegree = try #require(report.allTables.first { $0.name == "centrality-top-in-degree" })
        #expect(column(indegree, "work") == [.text("Ames"), .text("Dunn"), .text("Avery"), .text("Brown")])
        let contingency = try #require(report.allTables.first { $0.name == "communities-by-group" })
        #expect(contingency.rows.map { Array($0.dropFirst(2)) } == [[.integer(3), .integer(0)], [.integer(1), .integer(2)], [.integer(4), .integer(2)]])
        // Deterministic bytes.
        let again = try NetworkReportBuilder().build(input)
        let files = try ReportFiles.files(for: report), againFiles = try ReportFiles.files(for: again)
        #expect(files.map(\.0) == againFiles.map(\.0))
        #expect(files.map(\.1) == againFiles.map(\.1))
    }

    @Test func datasetReportIsByteIdenticalAcrossBuilds() throws {
        let (root, folder) = try Self.dataset()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try ReportFiles.files(for: DatasetReportBuilder(parameters: Self.parameters).build(folder: folder))
        let two = try ReportFiles.files(for: DatasetReportBuilder(parameters: Self.parameters).build(folder: folder))
        #expect(one.map(\.0) == two.map(\.0))
        #expect(one.map(\.1) == two.map(\.1))
        #expect(one.map(\.0).contains("tables/centrality-top-pagerank.csv"))
        #expect(one.map(\.0).contains("tables/citation-communities-by-group.csv"))
    }
}
