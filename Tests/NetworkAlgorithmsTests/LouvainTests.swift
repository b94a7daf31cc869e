import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Louvain communities")
struct LouvainTests {
    /// Two triangles joined by one edge: the two triangles, Q = 2 · (3/7 − (7/14)²) = 5/14.
    @Test func twoTrianglesByHand() {
        let (g, _) = BridgingTests.twoTriangles()
        let result = g.louvain()
        #expect(result.partition.groupOf == [0, 0, 0, 1, 1, 1])
        #expect(abs(result.modularity - 5.0 / 14.0) < 1e-15)
    }

    @Test func noEdges() {
        let result = makeGraph(nodes: 3, []).louvain()
        #expect(result.partition.groupCount == 3 && result.modularity == 0)
    }

    /// Zachary's karate club: igraph's multilevel reaches 0.4198 at best over 10 seeded
    /// runs (its own runs go down to 0.392, 7% lower: Louvain is a heuristic whose runs
    /// land in different local optima). Ours: every seed within 7% of igraph's best, the
    /// best of 5 restarts within 1%; the reported modularity equals
    /// ``NetworkCore/Graph/modularity(of:directed:resolution:missing:)``; a seed reproduces
    /// its partition.
    @Test func karateAgainstIgraph() throws {
        let karate = try #require(try PeerFixtures.communities().first { $0.name == "karate" })
        var builder = GraphBuilder()
        for v in karate.nodes { builder.addNode(v) }
        for a in karate.arcs { builder.addArc(from: a.tail, to: a.head) }
        let g = builder.build().graph
        let reference = try #require(karate.igraphMultilevelModularity)
        for seed in UInt64(1)...5 {
            let result = g.louvain(seed: seed)
            #expect(result.modularity >= 0.93 * reference, "seed \(seed): \(result.modularity) vs igraph \(reference)")
            #expect(abs(result.modularity - (g.modularity(of: result.partition, directed: false) ?? .nan)) < 1e-12)
            #expect(result == g.louvain(seed: seed))
        }
        let best = g.louvain(seed: 1, restarts: 5)
        #expect(best.modularity >= 0.99 * reference, "best of 5: \(best.modularity) vs igraph \(reference)")
    }

    /// Higher resolution gives more, smaller communities on a random graph.
    @Test func resolutionSplitsFurther() {
        let g = makeGraph(nodes: 200, randomArcs(nodes: 200, arcs: 600, seed: 5))
        #expect(g.louvain(resolution: 3).partition.groupCount > g.louvain(resolution: 0.5).partition.groupCount)
    }

    /// hep-th (undirected simple view): one seeded run reaches at least igraph's worst
    /// multilevel modularity over 10 seeds and lies within 1% of its best
    /// (scripts/peers/scale_values.py); a seed repeats itself.
    @Test(.enabled(if: SharedData.path("networks/hep-th/hep-th-new-arcs.tsv") != nil, "needs ../shared/data"))
    func hepthAgainstIgraphMultilevel() throws {
        let reference = try #require(try ScaleFixtures.load().leiden.first { $0.name == "hep-th" })
        let best = try #require(reference.igraphMultilevelBestModularity)
        let worst = try #require(reference.igraphMultilevelWorstModularity)
        let path = try #require(SharedData.path("networks/hep-th/hep-th-new-arcs.tsv"))
        let g = try NetworkInput.load(path: path).graph
        let result = g.louvain(seed: 1)
        print("hep-th Louvain: Q = \(result.modularity) (igraph multilevel \(worst)–\(best))")
        #expect(result.modularity >= worst)
        #expect(result.modularity >= 0.99 * best)
        #expect(result == g.louvain(seed: 1))
    }
}
