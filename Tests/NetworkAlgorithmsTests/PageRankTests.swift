import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("PageRank")
struct PageRankTests {
    /// A directed 3-cycle is vertex-transitive: every node has PageRank 1/3.
    @Test func threeCycleIsUniform() {
        let pr = makeGraph(nodes: 3, [(0, 1), (1, 2), (2, 0)]).pageRank()
        #expect(pr.converged)
        for x in pr.scores { #expect(abs(x - 1.0 / 3.0) < 1e-12) }
    }

    /// In-star: five leaves cite hub 0, which is dangling (n = 6, d = 0.85).
    /// Leaf: x_l = (1−d)/6 + d·x_h/6 (teleport + the hub's dangling mass spread evenly).
    /// With x_h + 5·x_l = 1: 0.2 − 0.2·x_h = 0.025 + (0.85/6)·x_h, so
    /// x_h = 0.175 / (0.2 + 0.85/6) = 0.175 · 120/41 = 21/41, and x_l = (1 − x_h)/5 = 4/41.
    @Test func inStarByHand() {
        let pr = makeGraph(nodes: 6, (1...5).map { ($0, 0) }).pageRank()
        #expect(abs(pr.scores[0] - 21.0 / 41.0) < 1e-11)
        for v in 1...5 { #expect(abs(pr.scores[v] - 4.0 / 41.0) < 1e-11) }
    }

    /// A graph without arcs: every node dangling, so PageRank stays uniform.
    @Test func noArcsIsUniform() {
        let pr = makeGraph(nodes: 4, []).pageRank()
        #expect(pr.scores == [0.25, 0.25, 0.25, 0.25])
    }

    @Test func emptyGraph() {
        #expect(makeGraph(nodes: 0, []).pageRank().scores.isEmpty)
    }

    /// Every fixture graph (unweighted, weighted, personalised, with duplicates and
    /// self-loops) agrees with NetworkX's `pagerank` (tol 1e-15) to 1e-9 relative.
    @Test func matchesNetworkX() throws {
        for fixture in try PeerFixtures.small() {
            let g = fixture.graph()
            let pr = g.pageRank(personalization: fixture.personalization)
            #expect(pr.converged)
            #expect(pr.scores.count == fixture.pagerank.count)
            for (v, (ours, theirs)) in zip(pr.scores, fixture.pagerank).enumerated() {
                #expect(close(ours, theirs), "\(fixture.name) node \(fixture.nodes[v]): \(ours) vs \(theirs)")
            }
        }
    }

    /// Ignoring weights on a weighted graph equals the unweighted graph.
    @Test func useWeightsFalseIgnoresWeights() throws {
        let fixture = try #require(try PeerFixtures.small().first { $0.name == "weighted" })
        let g = fixture.graph()
        var builder = GraphBuilder()
        for v in fixture.nodes { builder.addNode(v) }
        for a in fixture.arcs { builder.addArc(from: a.tail, to: a.head) }
        let plain = builder.build().graph
        #expect(g.pageRank(useWeights: false).scores == plain.pageRank().scores)
        #expect(g.pageRank().scores != plain.pageRank().scores)
    }

    /// Same graph twice: bit-identical scores; and scores sum to 1.
    @Test func deterministicAndNormalised() {
        let arcs = randomArcs(nodes: 300, arcs: 1500, seed: 7)
        let a = makeGraph(nodes: 300, arcs).pageRank()
        let b = makeGraph(nodes: 300, arcs).pageRank()
        #expect(a.scores == b.scores)
        #expect(abs(a.scores.reduce(0, +) - 1) < 1e-12)
        #expect(a.lastChange < 1e-12)
    }
}
