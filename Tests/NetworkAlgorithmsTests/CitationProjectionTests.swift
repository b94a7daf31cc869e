import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

/// Edges of a projection as `[first, second, weight]` rows.
private func rows(_ p: UndirectedWeightedProjection) -> [[Int]] {
    (0..<p.edgeCount).map { [Int(p.first[$0]), Int(p.second[$0]), Int(p.weights[$0])] }
}

@Suite("Citation projections (co-citation, bibliographic coupling)")
struct CitationProjectionTests {
    /// Arcs (citing → cited) 0→2, 0→3, 1→2, 1→3, 1→4, 5→4, 5→2, plus a duplicate 0→2
    /// and a self-loop 3→3, both ignored.
    static func small() -> Graph {
        makeGraph(nodes: 6, [(0, 2), (0, 3), (1, 2), (1, 3), (1, 4), (5, 4), (5, 2), (0, 2), (3, 3)])
    }

    /// By hand. Reference lists: 0 {2,3}, 1 {2,3,4}, 5 {2,4}. Co-cited pairs: (2,3) by
    /// 0 and 1 → 2; (2,4) by 1 and 5 → 2; (3,4) by 1 → 1.
    @Test func coCitationByHand() {
        let g = Self.small()
        #expect(rows(g.coCitation()) == [[2, 3, 2], [2, 4, 2], [3, 4, 1]])
        #expect(rows(g.coCitation(minWeight: 2)) == [[2, 3, 2], [2, 4, 2]])
        #expect(g.coCitation().weight(between: 4, and: 3) == 1)
        #expect(g.coCitation().weight(between: 0, and: 1) == 0)
        // Top 1 per node: 2 picks 3 (weight 2, tie with 4 broken by index), 3 picks 2,
        // 4 picks 2: edges (2,3) and (2,4).
        let top = g.coCitation(topK: 1)
        #expect(rows(top) == [[2, 3, 2], [2, 4, 2]])
        #expect(top.topK == 1 && top.minWeight == 1)
    }

    /// By hand. Citers: 2 ← {0,1,5}, 3 ← {0,1}, 4 ← {1,5}. Coupled pairs: (0,1) via 2
    /// and 3 → 2; (0,5) via 2 → 1; (1,5) via 2 and 4 → 2.
    @Test func couplingByHand() {
        let g = Self.small()
        #expect(rows(g.bibliographicCoupling()) == [[0, 1, 2], [0, 5, 1], [1, 5, 2]])
        #expect(rows(g.bibliographicCoupling(minWeight: 2)) == [[0, 1, 2], [1, 5, 2]])
        // Top 1: 0 picks 1, 1 picks 0 (tie with 5, lower index), 5 picks 1.
        #expect(rows(g.bibliographicCoupling(topK: 1)) == [[0, 1, 2], [1, 5, 2]])
    }

    @Test func emptyGraph() {
        #expect(makeGraph(nodes: 3, []).coCitation().edgeCount == 0)
    }

    /// Cora (cora.cites reversed: citing → cited) against NetworkX's
    /// `bipartite.weighted_projected_graph` (scripts/peers/scale_values.py): pair counts
    /// at weights ≥ 1, 2, 3, the total weight, and every pair of weight ≥ 3 exactly.
    @Test(.enabled(if: SharedData.path("networks/cora/cora.cites") != nil, "needs ../shared/data"))
    func coraAgainstNetworkX() throws {
        let fixture = try #require(try ScaleFixtures.load().projections.first { $0.name == "cora" })
        let path = try #require(SharedData.path("networks/cora/cora.cites"))
        let g = try NetworkInput.load(path: path, reverse: true).graph
        for (ours, expected) in [(g.coCitation(), fixture.coCitation),
                                 (g.bibliographicCoupling(), fixture.bibliographicCoupling)] {
            #expect(ours.edgeCount == expected.pairs)
            #expect(ours.weights.reduce(0) { $0 + Int($1) } == expected.weightSum)
            #expect(ours.weights.filter { $0 >= 2 }.count == expected.pairsWeight2)
            #expect(ours.weights.filter { $0 >= 3 }.count == expected.pairsWeight3)
            var heavy: [[String]] = []
            for i in 0..<ours.edgeCount where ours.weights[i] >= 3 {
                let a = g.ids[Int(ours.first[i])], b = g.ids[Int(ours.second[i])]
                heavy.append([min(a, b), max(a, b), String(ours.weights[i])])
            }
            let expectedHeavy: [[String]] = expected.heavy.map { row in
                row.map { element -> String in
                    switch element {
                    case .id(let s): return s
                    case .weight(let w): return String(w)
                    }
                }
            }
            #expect(heavy.sorted { $0.lexicographicallyPrecedes($1) } == expectedHeavy.sorted { $0.lexicographicallyPrecedes($1) })
        }
    }

    /// Top-k on Cora: a subset of the full projection (same weights) in which every edge
    /// is among the k heaviest of one of its ends (by the full rows), and every node
    /// keeps min(k, row size) edges at least.
    @Test(.enabled(if: SharedData.path("networks/cora/cora.cites") != nil, "needs ../shared/data"))
    func coraTopKIsConsistent() throws {
        let path = try #require(SharedData.path("networks/cora/cora.cites"))
        let g = try NetworkInput.load(path: path, reverse: true).graph
        let k = 3
        for (full, top) in [(g.coCitation(minWeight: 2), g.coCitation(minWeight: 2, topK: k)),
                            (g.bibliographicCoupling(minWeight: 2), g.bibliographicCoupling(minWeight: 2, topK: k))] {
            var row = [[(Int32, Int32)]](repeating: [], count: g.nodeCount)
            for i in 0..<full.edgeCount {
                row[Int(full.first[i])].append((full.second[i], full.weights[i]))
                row[Int(full.second[i])].append((full.first[i], full.weights[i]))
            }
            var picked = [Set<Int32>](repeating: [], count: g.nodeCount)
            for u in 0..<g.nodeCount {
                let sorted = row[u].sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                picked[u] = Set(sorted.prefix(k).map(\.0))
            }
            var degree = [Int](repeating: 0, count: g.nodeCount)
            for i in 0..<top.edgeCount {
                let a = top.first[i], b = top.second[i]
                #expect(full.weight(between: a, and: b) == Int(top.weights[i]))
                #expect(picked[Int(a)].contains(b) || picked[Int(b)].contains(a))
                degree[Int(a)] += 1; degree[Int(b)] += 1
            }
            for u in 0..<g.nodeCount { #expect(degree[u] >= min(k, row[u].count)) }
            #expect(top.edgeCount <= g.nodeCount * k && top.edgeCount < full.edgeCount)
        }
    }

    /// hep-th (352,807 arcs): top-10 projections stay within n · 10 edges; prints the
    /// times. Runs when `SILOSCOPE_SLOW_TESTS` is set.
    @Test(.enabled(if: SharedData.path("networks/hep-th/hep-th-new-arcs.tsv") != nil
                   && ProcessInfo.processInfo.environment["SILOSCOPE_SLOW_TESTS"] != nil,
                   "needs ../shared/data and SILOSCOPE_SLOW_TESTS=1"))
    func hepthTopKBounded() throws {
        let path = try #require(SharedData.path("networks/hep-th/hep-th-new-arcs.tsv"))
        let g = try NetworkInput.load(path: path).graph
        let clock = ContinuousClock()
        var co: UndirectedWeightedProjection?, bc: UndirectedWeightedProjection?
        let t1 = clock.measure { co = g.coCitation(minWeight: 2, topK: 10) }
        let t2 = clock.measure { bc = g.bibliographicCoupling(minWeight: 2, topK: 10) }
        let c = try #require(co), b = try #require(bc)
        print("hep-th co-citation top-10: \(c.edgeCount) edges in \(t1); coupling top-10: \(b.edgeCount) edges in \(t2)")
        #expect(c.edgeCount <= 10 * g.nodeCount && b.edgeCount <= 10 * g.nodeCount)
        #expect(c.weights.allSatisfy { $0 >= 2 } && b.weights.allSatisfy { $0 >= 2 })
    }
}
