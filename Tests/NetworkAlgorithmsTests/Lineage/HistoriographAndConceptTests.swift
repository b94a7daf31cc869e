import Testing
import NetworkAlgorithms
import NetworkCore
import TestSupport

@Suite("Lineage: historiographs and concept lineage")
struct HistoriographAndConceptTests {
    /// Citations (citing → cited): b, c, d cite a; c, d cite b; d cites c; e cites d;
    /// a duplicate d → a and a self-citation c → c are ignored. LCS by hand: a 3, b 2, c 1,
    /// d 1, e 0; LCR: a 0, b 1, c 2, d 3, e 1. Top 3: a, b, then c and d tie on LCS 1 —
    /// GCS breaks it (d 9 > c 5), so c is reported as a cut-off tie.
    @Test func historiographByHand() throws {
        var bld = GraphBuilder()
        for v in ["a", "b", "c", "d", "e"] { bld.addNode(v) }
        for (x, y) in [("b", "a"), ("c", "a"), ("d", "a"), ("c", "b"), ("d", "b"), ("d", "c"), ("e", "d"), ("d", "a"), ("c", "c")] {
            bld.addArc(from: x, to: y)
        }
        let h = try Historiograph(
            graph: bld.build().graph, years: [1990, 1992, 1995, 1995, 2000],
            globalCitationScores: [40, 20, 5, 9, nil], top: 3)
        #expect(h.nodes.map(\.id) == ["a", "b", "d"])
        #expect(h.nodes.map(\.lcs) == [3, 2, 1])
        #expect(h.nodes.map(\.lcr) == [0, 1, 3])
        #expect(h.cutoffTies == ["c"])
        #expect(h.years == [1990, 1992, 1995])
        #expect(h.arcs == [
            HistoriographArc(citing: "b", cited: "a"), HistoriographArc(citing: "d", cited: "a"),
            HistoriographArc(citing: "d", cited: "b"),
        ])
        #expect(throws: InputError.self) { _ = try Historiograph(graph: bld.build().graph, years: [1990], top: 2) }
    }

    /// HistCite networks (cited → citing). Batagelj's table (cite.md) publishes the maximum
    /// out-degree Δo (times cited, counting duplicate arcs) and in-degree Δi. LCS counts
    /// distinct citing works, so: SmaGri (3 duplicates, none at the top work) has max LCS =
    /// Δo = 232 and max LCR = Δi = 89; SmallW lists every arc twice (994 duplicates of 1988,
    /// PROVENANCE.md), so its maxima are Δo/2 = 147 and Δi/2 = 30; SciMet (3 duplicates, 1
    /// loop) lies within 4 of Δo = 105 and Δi = 121.
    @Test(.enabled(if: SharedData.path("networks/histcite-smagri/SmaGri.net") != nil, "needs ../shared/data"),
          arguments: [
            ("histcite-smagri", "SmaGri.net", "SmaGriPY.clu", "SmaGriGCS.vec", 232, 89),
            ("histcite-smallw", "SmallW.net", "SmallPY.clu", "SmallGCS.vec", 294, 60),
            ("histcite-scimet", "SciMet.net", "SciMetPY.clu", "SciMetGCS.vec", 105, 121),
          ])
    func histCiteScores(_ folder: String, _ net: String, _ py: String, _ gcsFile: String, _ maxOut: Int, _ maxIn: Int) throws {
        let base = "networks/\(folder)/"
        let g = try readPajekForTest(try #require(SharedData.path(base + net))).graph
        let years = try readPajekVectorForTest(try #require(SharedData.path(base + py))).map { Optional($0) }
        let gcs = try readPajekVectorForTest(try #require(SharedData.path(base + gcsFile))).map { Optional(Double($0)) }
        let all = try Historiograph(graph: g, direction: .citedToCiting, years: years, globalCitationScores: gcs, top: g.nodeCount)
        // The reader agrees with the published degrees (multiplicity included).
        #expect((0..<g.nodeCount).map { g.outDegree(Int32($0)) }.max() == maxOut)
        #expect((0..<g.nodeCount).map { g.inDegree(Int32($0)) }.max() == maxIn)
        let maxLCS = try #require(all.nodes.map(\.lcs).max()), maxLCR = try #require(all.nodes.map(\.lcr).max())
        switch folder {
        case "histcite-smagri": #expect(maxLCS == 232 && maxLCR == 89)
        case "histcite-smallw": #expect(maxLCS == 147 && maxLCR == 30)
        default: #expect(maxLCS <= maxOut && maxLCS >= maxOut - 4 && maxLCR <= maxIn && maxLCR >= maxIn - 4)
        }
        let top = try Historiograph(graph: g, direction: .citedToCiting, years: years, globalCitationScores: gcs, top: 30)
        #expect(top.nodes.count == 30)
        #expect(top.nodes.map(\.lcs).max() == maxLCS)
        // Years ascend along the node list.
        let ys = top.nodes.compactMap(\.year)
        #expect(ys == ys.sorted())
    }

    /// Works w0, w1 (PAM), w2 (Sociology), w3, w4, w5 (HSR; w5 undated). Concept "M" is
    /// used by all six, concept "N" by w4 and w2.
    /// With `years2` (1995, 1995, 2001, 2004, 2001, –): M's home is inferred as PAM (1995,
    /// first works w0 and w1); HSR (w4, 2001) and Sociology (w2, 2001) follow, lag 6 each,
    /// listed in group order (HSR < Sociology); the undated use is counted apart. N is first
    /// used in 2001 by both HSR and Sociology: home HSR by group order, tie reported.
    /// With `years` (w2 1999, w3 2004, w4 2002): M's lags are PAM 0, Sociology 4, HSR 7;
    /// with N's home supplied as Sociology (1999), HSR (2002) lags 3.
    @Test func diffusionLags() throws {
        let lit = Partition(values: ["PAM", "PAM", "Sociology", "HSR", "HSR", "HSR"])
        let years: [Int?] = [1995, 1995, 1999, 2004, 2002, nil]
        let works = ["w0", "w1", "w2", "w3", "w4", "w5"]
        let uses: [(work: Int, concept: Int)] = [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (4, 1), (2, 1)]
        let years2: [Int?] = [1995, 1995, 2001, 2004, 2001, nil]
        let d = try ConceptLineage.diffusion(concepts: ["M", "N"], workIDs: works, uses: uses, years: years2, literature: lit)
        let m = try #require(d.first)
        #expect(m.homeLiterature == "PAM" && !m.homeSupplied && m.homeTiedWith.isEmpty)
        #expect(m.adoptions.map(\.literature) == ["PAM", "HSR", "Sociology"])
        #expect(m.adoptions.map(\.firstYear) == [1995, 2001, 2001])
        #expect(m.adoptions.map(\.lagFromHome) == [0, 6, 6])
        #expect(m.adoptions.first?.firstWorks == ["w0", "w1"])
        #expect(m.undatedUses == 1)
        let n = d[1]
        #expect(n.homeLiterature == "HSR" && n.homeTiedWith == ["Sociology"])
        let supplied = try ConceptLineage.diffusion(
            concepts: ["M", "N"], workIDs: works, uses: uses, years: years, literature: lit, home: [nil, "Sociology"])
        #expect(supplied[0].adoptions.map(\.lagFromHome) == [0, 4, 7])
        #expect(supplied[1].homeSupplied && supplied[1].adoptions.map(\.lagFromHome) == [0, 3])
        #expect(throws: InputError.self) {
            _ = try ConceptLineage.diffusion(concepts: ["M"], workIDs: works, uses: [(9, 0)], years: years, literature: lit)
        }
        #expect(throws: InputError.self) {
            _ = try ConceptLineage.diffusion(concepts: ["M"], workIDs: works, uses: [], years: years, literature: lit, home: ["Nowhere"])
        }
    }

    /// A main path through three literatures: knowledge flows p1 (PAM) → p2 (PAM) → s1 (Soc)
    /// → h1 (HSR) → h2 (HSR). Two crossings, literature sequence PAM, Sociology, HSR.
    @Test func mainPathCrossings() throws {
        var b = GraphBuilder()
        for v in ["p1", "p2", "s1", "h1", "h2"] { b.addNode(v) }
        for (citing, cited) in [("p2", "p1"), ("s1", "p2"), ("h1", "s1"), ("h2", "h1")] { b.addArc(from: citing, to: cited) }
        let graph = b.build().graph
        let dag = try KnowledgeFlowDAG(graph)
        let r = MainPathAnalysis(dag: dag, weight: .spc).global()
        let lit = Partition(values: ["PAM", "PAM", "Sociology", "HSR", "HSR"])
        let annotated = ConceptLineage.annotate(r, dag: dag, literature: lit)
        let p = try #require(annotated.first)
        #expect(p.nodes == ["p1", "p2", "s1", "h1", "h2"])
        #expect(p.literatureSequence == ["PAM", "Sociology", "HSR"])
        #expect(p.crossings.map { "\($0.from)>\($0.to)" } == ["p2>s1", "s1>h1"])
        #expect(p.segments.map(\.end) == [1, 2, 4])
    }
}
