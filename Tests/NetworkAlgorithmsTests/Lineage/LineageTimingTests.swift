import Foundation
import Testing
import NetworkAlgorithms
import NetworkCore
import TestSupport

/// Timing of the traversal weights on large random DAGs. Opt-in (set
/// `SILOSCOPE_LINEAGE_TIMING=1`) because it allocates a 3M-arc graph; run it in release:
/// `SILOSCOPE_LINEAGE_TIMING=1 swift test -c release --filter LineageTimingTests`.
@Suite("Lineage: timing (opt-in)", .serialized)
struct LineageTimingTests {
    /// Random citation DAG: node i cites `perNode` earlier nodes chosen uniformly (seeded).
    static func randomCitationDAG(nodes n: Int, perNode k: Int, seed: UInt64) -> Graph {
        var rng = SplitMix64(seed: seed)
        var b = GraphBuilder()
        b.reserveArcs(n * k)
        for i in 0..<n { b.addNode(String(i)) }
        for i in 1..<n {
            for _ in 0..<k { b.addArc(from: Int32(i), to: Int32(Int.random(in: 0..<i, using: &rng))) }
        }
        return b.build().graph
    }

    /// SPC, SPLC, SPNP and the global search on 150k/1.5M and 300k/3M random DAGs; prints
    /// the times and checks that doubling the size at most 3.5× the best-of-three SPC time
    /// (linear, with slack for cache effects and a shared machine).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SILOSCOPE_LINEAGE_TIMING"] == "1", "opt-in: SILOSCOPE_LINEAGE_TIMING=1"))
    func linearTimeOnLargeDAGs() throws {
        let clock = ContinuousClock()
        var spcSeconds: [Double] = []
        for n in [150_000, 300_000] {
            let graph = Self.randomCitationDAG(nodes: n, perNode: 10, seed: 2026)
            var dag: KnowledgeFlowDAG?
            let tDAG = clock.measure { dag = try? KnowledgeFlowDAG(graph, cycles: .condense) }
            let d = try #require(dag)
            #expect(d.nodeCount == n && !d.cycles.changed)
            var spc: TraversalWeights?
            // Best of three, to damp the noise of a shared machine.
            let tSPC = (0..<3).map { _ in clock.measure { spc = TraversalWeights(d, kind: .spc) } }.min() ?? .zero
            let tSPNP = clock.measure { _ = TraversalWeights(d, kind: .spnp) }
            let analysis = MainPathAnalysis(dag: d, weight: .spc)
            var path = 0
            let tGlobal = clock.measure { path = analysis.global().nodes.count }
            #expect(path > 1)
            let s = Double(tSPC.components.seconds) + Double(tSPC.components.attoseconds) / 1e18
            spcSeconds.append(s)
            print("lineage timing n=\(n) m=\(graph.arcCount): DAG \(tDAG), SPC \(tSPC) (precision \(spc?.precision.rawValue ?? "?")), SPNP \(tSPNP), global \(tGlobal), path \(path) nodes")
        }
        if spcSeconds.count == 2 { #expect(spcSeconds[1] < 3.5 * spcSeconds[0] + 0.05) }
    }

    /// CiteB (139,505 works, 854,032 citations, citing → cited; ../shared/data/networks/citeb):
    /// the strong-component spectrum and condensation depth match PROVENANCE.md (measured
    /// there with networkx); condensation, SPC and the global search are timed (printed).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SILOSCOPE_LINEAGE_TIMING"] == "1"
                   && SharedData.path("networks/citeb/CiteB.net.gz") != nil
                   && FileManager.default.isExecutableFile(atPath: "/bin/gzip"),
                   "opt-in: SILOSCOPE_LINEAGE_TIMING=1, needs ../shared/data and gzip"))
    func citeB() throws {
        let net = try readGzippedPajekForTest(try #require(SharedData.path("networks/citeb/CiteB.net.gz")))
        #expect(net.graph.nodeCount == 139_505 && net.graph.arcCount == 854_032)
        let clock = ContinuousClock()
        var dag: KnowledgeFlowDAG?
        let tDAG = clock.measure { dag = try? KnowledgeFlowDAG(net.graph, cycles: .condense) }
        let d = try #require(dag)
        var spectrum: [Int: Int] = [:]
        for c in d.cycles.mergedComponents { spectrum[c.count, default: 0] += 1 }
        #expect(spectrum == [2: 51, 3: 10, 4: 4, 5: 2, 6: 2, 7: 1, 8: 2, 12: 1])
        #expect(d.depth() == 43)
        var spc: TraversalWeights?
        let tSPC = clock.measure { spc = TraversalWeights(d, kind: .spc) }
        let a = MainPathAnalysis(dag: d, weight: .spc)
        var nodes = 0
        let tGlobal = clock.measure { nodes = a.global().nodes.count }
        #expect(nodes > 1)
        print("CiteB: condensation \(tDAG), SPC \(tSPC) (precision \(spc?.precision.rawValue ?? "?")), global \(tGlobal), path \(nodes) nodes")
    }
}
