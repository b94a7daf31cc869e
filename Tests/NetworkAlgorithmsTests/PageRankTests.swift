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
    /// self-loops) agrees with NetworkX's `pagerank` (tol 1e-15) to 1e-9 relative, by
    /// both solvers.
    @Test(arguments: PageRankMethod.allCases)
    func matchesNetworkX(method: PageRankMethod) throws {
        for fixture in try PeerFixtures.small() {
            let g = fixture.graph()
            let pr = g.pageRank(personalization: fixture.personalization, method: method)
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

    /// A self-loop on a singleton component is moved to the left-hand side. Path
    /// 0 → 1, 1 → 1, 1 → 2 (n = 3, d = 0.85, unweighted). Linear system, dangling node 2
    /// left empty: y0 = 1/3; y1 = 1/3 + d·(y0 + y1/2), so y1 = (1/3 + d/3)/(1 − d/2);
    /// y2 = 1/3 + d·y1/2. Normalised: x = y / Σy.
    @Test func selfLoopOnSingletonByHand() {
        let d = 0.85
        let y0 = 1.0 / 3
        let y1 = (1.0 / 3 + d / 3) / (1 - d / 2)
        let y2 = 1.0 / 3 + d * y1 / 2
        let total = y0 + y1 + y2
        for method in PageRankMethod.allCases {
            let pr = makeGraph(nodes: 3, [(0, 1), (1, 1), (1, 2)]).pageRank(method: method)
            #expect(pr.converged)
            #expect(abs(pr.scores[0] - y0 / total) < 1e-12, "\(method)")
            #expect(abs(pr.scores[1] - y1 / total) < 1e-12, "\(method)")
            #expect(abs(pr.scores[2] - y2 / total) < 1e-12, "\(method)")
        }
    }

    /// The component solver needs one pass on a DAG and agrees with power iteration on
    /// seeded random graphs of every shape: acyclic (arcs from higher to lower index),
    /// one giant strong component, many small cycles, weighted, personalised with zeros.
    @Test func componentSolverAgreesWithPowerIteration() {
        for seed: UInt64 in 1...12 {
            var rng = SplitMix64(seed: seed)
            let n = 40 + Int(rng.next() % 160)
            let m = n * (1 + Int(rng.next() % 6))
            var arcs = randomArcs(nodes: n, arcs: m, seed: seed)
            let shape = seed % 4
            if shape == 0 { arcs = arcs.filter { $0.0 > $0.1 } }          // acyclic
            if shape == 1 { arcs = arcs.filter { $0.0 / 7 == $0.1 / 7 || $0.0 > $0.1 } } // small cycles
            var builder = GraphBuilder()
            for v in 0..<n { builder.addNode("\(v)") }
            for (a, b) in arcs {
                if shape == 2 {
                    builder.addArc(from: "\(a)", to: "\(b)", weight: Double(1 + rng.next() % 5))
                } else {
                    builder.addArc(from: "\(a)", to: "\(b)")
                }
            }
            let g = builder.build().graph
            var personal: [Double]? = nil
            if shape == 3 { personal = (0..<n).map { _ in rng.next() % 3 == 0 ? 0 : Double(rng.next() % 10) + 1 } }
            let direct = g.pageRank(personalization: personal, tolerance: 1e-14, method: .componentGaussSeidel)
            let power = g.pageRank(personalization: personal, tolerance: 1e-15, method: .powerIteration)
            #expect(direct.converged && power.converged)
            if shape == 0 { #expect(direct.iterations == 1, "seed \(seed): an acyclic graph is solved in one pass") }
            for v in 0..<n {
                let scale = max(abs(power.scores[v]), 1e-300)
                #expect(abs(direct.scores[v] - power.scores[v]) / scale < 1e-9,
                        "seed \(seed) node \(v): \(direct.scores[v]) vs \(power.scores[v])")
            }
        }
    }
}
