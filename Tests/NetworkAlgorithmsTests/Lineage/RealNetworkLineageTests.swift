import Foundation
import Testing
import NetworkAlgorithms
import NetworkCore
import TestSupport

/// One HistCite network with the values Batagelj (2003, arXiv:cs/0309023, Table 1; the
/// `cite.md` table) publishes for it, as copied in each folder's PROVENANCE.md.
struct HistCiteCase: Sendable, CustomStringConvertible {
    let folder: String
    let net: String
    let years: String
    let nodes: Int
    let loops: Int
    /// Published number of strong components of size 2, 3, 4.
    let sccs: [Int: Int]
    /// Published depth h (levels of the acyclic condensation).
    let depth: Int
    var description: String { net }
    var path: String { "networks/\(folder)/\(net)" }
}

let histCiteCases: [HistCiteCase] = [
    HistCiteCase(folder: "histcite-smagri", net: "SmaGri.net", years: "SmaGriPY.clu", nodes: 1059, loops: 1, sccs: [2: 2], depth: 28),
    HistCiteCase(folder: "histcite-kohonen", net: "Kohonen.net", years: "KohPY.clu", nodes: 4470, loops: 2, sccs: [2: 11], depth: 24),
    HistCiteCase(folder: "histcite-lederberg", net: "Lederberg.net", years: "LedPY.clu", nodes: 8843, loops: 7, sccs: [2: 54, 3: 4], depth: 63),
    HistCiteCase(folder: "histcite-scimet", net: "SciMet.net", years: "SciMetPY.clu", nodes: 3084, loops: 1, sccs: [2: 5, 3: 2, 4: 1], depth: 32),
    HistCiteCase(folder: "histcite-smallw", net: "SmallW.net", years: "SmallPY.clu", nodes: 396, loops: 0, sccs: [:], depth: 16),
    HistCiteCase(folder: "histcite-zewail", net: "Zewail.net", years: "ZewailPY.clu", nodes: 6752, loops: 1, sccs: [2: 38, 3: 1, 4: 2], depth: 75),
]

@Suite("Lineage: real citation networks (../shared/data)")
struct RealNetworkLineageTests {
    /// Condensation reproduces Batagelj's published strong-component spectrum and depth h
    /// for each HistCite network (arcs there point cited → citing); arc removal with the
    /// publication years also yields a DAG, and the main path searches run on it.
    @Test(.enabled(if: SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs ../shared/data"),
          arguments: histCiteCases)
    func histCiteCondensationMatchesPublishedTable(_ c: HistCiteCase) throws {
        let path = try #require(SharedData.path(c.path), "\(SharedData.skipMessage(c.path))")
        let net = try readPajekForTest(path)
        #expect(net.graph.nodeCount == c.nodes)
        let dag = try KnowledgeFlowDAG(net.graph, direction: .citedToCiting, cycles: .condense)
        var spectrum: [Int: Int] = [:]
        for comp in dag.cycles.mergedComponents { spectrum[comp.count, default: 0] += 1 }
        #expect(spectrum == c.sccs)
        #expect(dag.depth() == c.depth)
        #expect(dag.topologicalOrder.count == dag.nodeCount)

        let yearsPath = try #require(SharedData.path("networks/\(c.folder)/\(c.years)"))
        let years = try readPajekVectorForTest(yearsPath)
        #expect(years.count == c.nodes)
        let cut = try KnowledgeFlowDAG(net.graph, direction: .citedToCiting, cycles: .removeArcs(years: years.map { Optional($0) }))
        #expect(cut.topologicalOrder.count == c.nodes)
        #expect(cut.cycles.removedArcs.filter { $0.reason == .selfLoop }.count == c.loops)
        let a = MainPathAnalysis(dag: cut, weight: .spc)
        let global = a.global(), forward = a.localForward()
        #expect(global.totalWeight >= forward.totalWeight)
        #expect(global.precision == .exact || global.precision == .double)
    }

    /// Batagelj's augmented networks read in place: SPC of `TestSPLC.net` (Test.net plus a
    /// vertex s → every vertex) equals our SPLC of Test.net on the original arcs, and SPC of
    /// `TestSPNP.net` (plus every vertex → t) equals our SPNP — the construction our doc
    /// comment describes, checked on his files.
    @Test(.enabled(if: SharedData.path("networks/path-count-tests/TestSPNP.net") != nil, "needs ../shared/data"))
    func augmentedNetworksGiveSPLCandSPNP() throws {
        let base = "networks/path-count-tests/"
        let test = try readPajekForTest(try #require(SharedData.path(base + "Test.net")))
        let dag = try KnowledgeFlowDAG(test.graph, direction: .citedToCiting)
        for (file, kind) in [("TestSPLC.net", TraversalWeightKind.splc), ("TestSPNP.net", .spnp)] {
            let aug = try readPajekForTest(try #require(SharedData.path(base + file)))
            let augDAG = try KnowledgeFlowDAG(aug.graph, direction: .citedToCiting)
            let augSPC = TraversalWeights(augDAG, kind: .spc)
            let ours = TraversalWeights(dag, kind: kind)
            var checked = 0
            for a in 0..<dag.arcCount {
                let from = test.labels[Int(dag.arcTail[a])], to = test.labels[Int(dag.arcHead[a])]
                let b = try #require((0..<augDAG.arcCount).first {
                    aug.labels[Int(augDAG.arcTail[$0])] == from && aug.labels[Int(augDAG.arcHead[$0])] == to
                })
                #expect(augSPC.exactArcWeights?[b] == ours.exactArcWeights?[a], "\(file) \(from)->\(to)")
                checked += 1
            }
            #expect(checked == 9)
        }
    }

    /// SmaGri in detail: PROVENANCE.md counts 0 arcs against publication order, one loop
    /// and two 2-cycles, so arc removal takes exactly the loop and one arc of each 2-cycle.
    @Test(.enabled(if: SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs ../shared/data"))
    func smaGriArcRemoval() throws {
        let base = "networks/histcite-smagri/"
        let net = try readPajekForTest(try #require(SharedData.path(base + "SmaGri.net")))
        let years = try readPajekVectorForTest(try #require(SharedData.path(base + "SmaGriPY.clu")))
        let dag = try KnowledgeFlowDAG(net.graph, direction: .citedToCiting, cycles: .removeArcs(years: years.map { Optional($0) }))
        let reasons = dag.cycles.removedArcs.map(\.reason)
        #expect(reasons.filter { $0 == .selfLoop }.count == 1)
        #expect(reasons.filter { $0 == .citesLaterWork }.isEmpty)
        #expect(reasons.filter { $0 == .backArc }.count == 2)
        #expect(dag.arcCount == 4922 - 3)
    }

    /// The centrality literature (ESNA version, acyclic, 129 nodes / 613 arcs, arcs cited →
    /// citing): nothing is changed, every search gives a source→sink path and the global
    /// path is at least as heavy as the local ones, for all three weights.
    @Test(.enabled(if: SharedData.path("networks/centrality-literature/centrality_literature.paj") != nil, "needs ../shared/data"))
    func centralityLiterature() throws {
        let path = try #require(SharedData.path("networks/centrality-literature/centrality_literature.paj"))
        let net = try readPajekForTest(path)
        #expect(net.graph.nodeCount == 129 && net.graph.arcCount == 613)
        let dag = try KnowledgeFlowDAG(net.graph, direction: .citedToCiting)
        #expect(!dag.cycles.changed)
        #expect(dag.depth() == 16)  // PROVENANCE.md (measured there with networkx)
        for kind in TraversalWeightKind.allCases {
            let a = MainPathAnalysis(dag: dag, weight: kind)
            let g = a.global(), f = a.localForward(), b = a.localBackward()
            let label = { (id: String) in Int(id).map { net.labels[$0 - 1] } ?? id }
            print("centrality literature \(kind.rawValue): global \(g.nodes.map(label).joined(separator: " > "))")
            print("centrality literature \(kind.rawValue): forward \(f.nodes.map(label).joined(separator: " > ")) ties \(f.ties.count)")
            #expect(g.totalWeight >= f.totalWeight && g.totalWeight >= b.totalWeight)
            for r in [g, f, b] {
                let first = try #require(r.dagArcs.first), last = try #require(r.dagArcs.last)
                #expect(dag.inDegree(dag.arcTail[first]) == 0)
                #expect(dag.outDegree(dag.arcHead[last]) == 0)
            }
        }
    }

    /// hep-th (27,770 papers, 352,807 citations, citing → cited): the largest merged strong
    /// component has 7,464 papers (SNAP's published largest SCC), the size spectrum and
    /// condensation depth match PROVENANCE.md (networkx), and SPC on the condensation is
    /// timed (printed).
    @Test(.enabled(if: SharedData.path("networks/hep-th/hep-th-new-arcs.tsv") != nil, "needs ../shared/data"))
    func hepTh() throws {
        let path = try #require(SharedData.path("networks/hep-th/hep-th-new-arcs.tsv"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var b = GraphBuilder()
        b.reserveArcs(352_807)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            if f.count >= 2 { b.addArc(from: String(f[0]), to: String(f[1])) }
        }
        let graph = b.build().graph
        #expect(graph.nodeCount == 27_770)  // SNAP: 27,770 nodes (the isolated one has a self-loop)
        #expect(graph.arcCount == 352_807)
        let clock = ContinuousClock()
        var dag: KnowledgeFlowDAG?
        let tDAG = clock.measure { dag = try? KnowledgeFlowDAG(graph, cycles: .condense) }
        let d = try #require(dag)
        let sizes = d.cycles.mergedComponents.map(\.count)
        #expect(sizes.max() == 7464)
        var spectrum: [Int: Int] = [:]
        for s in sizes { spectrum[s, default: 0] += 1 }
        #expect(spectrum == [2: 86, 3: 23, 4: 4, 5: 1, 6: 1, 8: 1, 9: 1, 54: 1, 7464: 1])
        #expect(d.depth() == 132)
        // Arc removal with the SLAC years: a DAG over all papers; print what was removed.
        let nodesPath = try #require(SharedData.path("networks/hep-th/hep-th-new-nodes.tsv"))
        var yearOf: [String: Int] = [:]
        for line in try String(contentsOfFile: nodesPath, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t")
            if f.count >= 3, let y = Int(f[2]) { yearOf[String(f[0])] = y }
        }
        let years = graph.ids.map { yearOf[$0] }
        var cutDAG: KnowledgeFlowDAG?
        let tCut = clock.measure { cutDAG = try? KnowledgeFlowDAG(graph, cycles: .removeArcs(years: years)) }
        let cut = try #require(cutDAG)
        #expect(cut.topologicalOrder.count == graph.nodeCount)
        var byReason: [RemovedArc.Reason: Int] = [:]
        for r in cut.cycles.removedArcs { byReason[r.reason, default: 0] += 1 }
        #expect(byReason[.selfLoop] == 39)
        print("hep-th: arc removal \(tCut): \(byReason.sorted { $0.key.rawValue < $1.key.rawValue })")
        var w: TraversalWeights?
        let tSPC = clock.measure { w = TraversalWeights(d, kind: .spc) }
        let weights = try #require(w)
        print("hep-th: condensation \(tDAG), SPC \(tSPC) (\(d.nodeCount) nodes, \(d.arcCount) arcs, precision \(weights.precision))")
    }
}
