import Foundation
import Testing
import NetworkCore
import TestSupport

/// Readers on the public networks in ../shared/data, checked against the figures in
/// their PROVENANCE.md files and Batagelj (2003) Table 1 (`networks/histcite-cite-table.md`;
/// Batagelj, "Efficient algorithms for citation network analysis", arXiv cs/0309023).
@Suite("Real data inputs")
struct RealDataInputTests {
    /// Vertices with no arc other than self-loops (Batagelj's n0).
    static func isolated(_ g: Graph) -> Int {
        (0..<g.nodeCount).filter { v in
            let me = Int32(v)
            return g.successors(of: me).allSatisfy { $0 == me } && g.predecessors(of: me).allSatisfy { $0 == me }
        }.count
    }

    static let coraPath = "networks/cora/cora.cites"
    static let coraLabelsPath = "networks/cora/cora-labels-by-paper-id.tsv"

    @Test("Cora: 2708 nodes, 5429 arcs, no self-loops or duplicates; 7 classes attached",
          .enabled(if: SharedData.path(coraPath) != nil, "needs ../shared/data/networks/cora"))
    func cora() throws {
        let path = try #require(SharedData.path(Self.coraPath))
        let labels = try #require(SharedData.path(Self.coraLabelsPath))
        let input = try NetworkInput.load(path: path, reverse: true, nodes: labels)
        #expect(input.graph.nodeCount == 2708)
        #expect(input.graph.arcCount == 5429)
        #expect(input.selfLoops == 0)
        #expect(input.duplicateArcs == 0)
        let match = try #require(input.nodeTable)
        #expect(match.rows == 2708 && match.matched == 2708 && match.addedNodes == 0 && match.nodesWithoutRow == 0)
        let classes = try #require(input.attributes["class_name"])
        #expect(Set(classes.compactMap { $0 }).count == 7)
        // PROVENANCE class sizes: Neural_Networks 818, Rule_Learning 180.
        #expect(classes.filter { $0 == "Neural_Networks" }.count == 818)
        #expect(classes.filter { $0 == "Rule_Learning" }.count == 180)
        // Direction: line 1 is "35<TAB>1033" = 1033 cites 35 (README), so after reverse 1033 → 35.
        let a = try #require(input.graph.index(of: "1033")), b = try #require(input.graph.index(of: "35"))
        #expect(input.graph.successors(of: a).contains(b))
    }

    @Test("CiteSeer: 4732 lines, 23 duplicate lines, 122 self-loops; 3312 papers with the label table",
          .enabled(if: SharedData.path("networks/citeseer/citeseer.cites") != nil, "needs ../shared/data/networks/citeseer"))
    func citeseer() throws {
        let path = try #require(SharedData.path("networks/citeseer/citeseer.cites"))
        let labels = try #require(SharedData.path("networks/citeseer/citeseer-labels-by-paper-id.tsv"))
        let plain = try NetworkInput.load(path: path, reverse: true)
        #expect(plain.arcsRead == 4732)
        #expect(plain.duplicateArcs == 23)
        #expect(plain.selfLoops == 122)
        #expect(plain.graph.nodeCount == 3305)  // ids occurring in the cites file
        let dropped = try NetworkInput.load(path: path, reverse: true, nodes: labels, duplicates: .drop)
        #expect(dropped.graph.arcCount == 4709)  // distinct directed pairs
        #expect(dropped.graph.nodeCount == 3312)  // 7 labelled papers occur in no line
        #expect(dropped.nodeTable?.addedNodes == 7)
        let classes = try #require(dropped.attributes["class_name"])
        #expect(classes.filter { $0 == "DB" }.count == 701)
        #expect(classes.filter { $0 == "AI" }.count == 249)
    }

    @Test("hep-th edge list: 27770 nodes, 352807 arcs, 39 self-loops, 1 isolated (loop-only) vertex; node table aligns",
          .enabled(if: SharedData.path("networks/hep-th/hep-th-new-arcs.tsv") != nil, "needs ../shared/data/networks/hep-th"))
    func hepth() throws {
        let path = try #require(SharedData.path("networks/hep-th/hep-th-new-arcs.tsv"))
        let nodes = try #require(SharedData.path("networks/hep-th/hep-th-new-nodes.tsv"))
        let clock = ContinuousClock()
        let start = clock.now
        let alone = try NetworkInput.load(path: path)
        let elapsed = clock.now - start
        print("hep-th edge list load (this build configuration): \(elapsed)")
        #expect(alone.graph.arcCount == 352_807)
        #expect(alone.selfLoops == 39)
        #expect(alone.duplicateArcs == 0)
        // Every vertex occurs in an arc line: the one "isolated" vertex of PROVENANCE
        // (0205224) has only a self-loop, so the edge list alone gives all 27770 nodes.
        #expect(alone.graph.nodeCount == 27_770)
        #expect(Self.isolated(alone.graph) == 1)
        let loopOnly = try #require(alone.graph.index(of: "0205224"))
        #expect(Array(alone.graph.successors(of: loopOnly)) == [loopOnly])
        let full = try NetworkInput.load(path: path, nodes: nodes)
        #expect(full.graph.nodeCount == 27_770)
        #expect(full.nodeTable?.addedNodes == 0)
        #expect(full.nodeTable?.nodesWithoutRow == 0)
        #expect(full.attributes.has("slac_year"))
        #expect(full.attributes["slac_date"]?.allSatisfy { $0 != nil } == true)
    }

    struct HistCite: Sendable, CustomTestStringConvertible {
        let path: String, n: Int, m: Int, loops: Int, isolated: Int, duplicates: Int
        var testDescription: String { path }
    }

    /// Rows of Batagelj (2003) Table 1 (n, m, m0, n0); duplicates from the PROVENANCE
    /// measurement in each folder.
    static let histciteRows: [HistCite] = [
        HistCite(path: "networks/histcite-smallw/SmallW.net", n: 396, m: 1988, loops: 0, isolated: 163, duplicates: 994),
        HistCite(path: "networks/histcite-smagri/SmaGri.net", n: 1059, m: 4922, loops: 1, isolated: 35, duplicates: 3),
        HistCite(path: "networks/histcite-scimet/SciMet.net", n: 3084, m: 10416, loops: 1, isolated: 355, duplicates: 3),
        HistCite(path: "networks/histcite-kohonen/Kohonen.net", n: 4470, m: 12731, loops: 2, isolated: 698, duplicates: 0),
        HistCite(path: "networks/histcite-zewail/Zewail.net", n: 6752, m: 54253, loops: 1, isolated: 101, duplicates: 20),
        HistCite(path: "networks/histcite-lederberg/Lederberg.net", n: 8843, m: 41609, loops: 7, isolated: 519, duplicates: 8),
    ]

    @Test("HistCite Pajek files reproduce Batagelj (2003) Table 1 n, m, m0, n0",
          .enabled(if: SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs ../shared/data/networks/histcite-*"),
          arguments: histciteRows)
    func histcite(_ row: HistCite) throws {
        let path = try #require(SharedData.path(row.path))
        let input = try NetworkInput.load(path: path, reverse: true)
        #expect(input.graph.nodeCount == row.n)
        #expect(input.graph.arcCount == row.m)
        #expect(input.selfLoops == row.loops)
        #expect(input.duplicateArcs == row.duplicates)
        #expect(Self.isolated(input.graph) == row.isolated)
        #expect(input.attributes.has("label"))
    }

    @Test("HistCite years partition and GCS vector attach to SmaGri; years never decrease along citing → cited",
          .enabled(if: SharedData.path("networks/histcite-smagri/SmaGriPY.clu") != nil, "needs ../shared/data/networks/histcite-smagri"))
    func smagriPartition() throws {
        let net = try #require(SharedData.path("networks/histcite-smagri/SmaGri.net"))
        var input = try NetworkInput.load(path: net, reverse: true)
        try input.attachPartition(path: try #require(SharedData.path("networks/histcite-smagri/SmaGriPY.clu")), name: "year")
        try input.attachVector(path: try #require(SharedData.path("networks/histcite-smagri/SmaGriGCS.vec")), name: "gcs")
        let years = try #require(input.attributes.numbers("year"))
        #expect(years.compactMap { $0 }.min() == 1973 && years.compactMap { $0 }.max() == 2001)
        // PROVENANCE: every arc with known years has year(cited) ≤ year(citing).
        let g = input.graph
        var backwards = 0
        for u in 0..<g.nodeCount {
            for v in g.successors(of: Int32(u)) {
                if let yu = years[u], let yv = years[Int(v)], yv > yu { backwards += 1 }
            }
        }
        #expect(backwards == 0)
    }

    @Test("ESNA centrality_literature.paj: 129 vertices, 613 arcs, empty *Edges, year partition",
          .enabled(if: SharedData.path("networks/centrality-literature/centrality_literature.paj") != nil, "needs ../shared/data/networks/centrality-literature"))
    func esna() throws {
        let path = try #require(SharedData.path("networks/centrality-literature/centrality_literature.paj"))
        let input = try NetworkInput.load(path: path, reverse: true)
        #expect(input.graph.nodeCount == 129)
        #expect(input.graph.arcCount == 613)
        #expect(input.duplicateArcs == 0)
        #expect(input.attributes["label"]?.first == "Bavelas-48")
        #expect(input.attributes.has("centrality_literature_year"))
        let central = try #require(SharedData.path("networks/centrality-literature/Central.net"))
        let c = try NetworkInput.load(path: central, reverse: true)
        #expect(c.graph.nodeCount == 131)
        #expect(c.graph.arcCount == 628)
        #expect(c.duplicateArcs == 1)
    }
}
