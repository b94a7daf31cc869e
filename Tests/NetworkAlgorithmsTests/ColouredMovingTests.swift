import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Local moving by colour classes (parallel Louvain/Leiden)")
struct ColouredMovingTests {
    /// Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3, as a level with unit weights.
    static func twoTrianglesLevel() -> LeidenLevel {
        let g = makeGraph(nodes: 6, [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)])
        let view = g.undirectedSimple()
        return LeidenLevel(offsets: view.offsets, neighbors: view.adjacency,
                           weights: [Double](repeating: 1, count: view.adjacency.count),
                           strength: (0..<6).map { Double(view.degree(Int32($0))) })
    }

    /// Greedy colouring in node order, by hand: 0 → 0; 1 (next to 0) → 1; 2 (next to 0, 1)
    /// → 2; 3 (coloured neighbour 2 has colour 2) → 0; 4 (next to 3: 0) → 1; 5 (next to
    /// 3: 0, 4: 1) → 2.
    @Test func colouringByHand() {
        let colouring = Self.twoTrianglesLevel().greedyColouring()
        #expect(colouring.colour == [0, 1, 2, 0, 1, 2])
        #expect(colouring.start == [0, 2, 4, 6])
        #expect(colouring.nodes == [0, 3, 1, 4, 2, 5])
    }

    /// From singletons (2E = 14, degrees 2,2,3,3,2,2), by hand with gain
    /// `w(v,c) − K_c k_v / 14`: colour 0 = {0, 3} (not adjacent, any order): 0 joins 1
    /// (1 − 4/14 beats 2: 1 − 6/14), 3 joins 4 (1 − 6/14, tie with 5 → lower index).
    /// Colour 1 = {1, 4}: 1 stays with 0 (1 − 4/14 > 1 − 6/14 for 2); 4 leaves {3,4} for 5
    /// (1 − 4/14 > staying 1 − 6/14). Colour 2 = {2, 5}: 2 joins {0,1} (2 − 12/14);
    /// 5 stays with 4. 3, left alone and woken by 4's move, joins {4,5} in the next round
    /// (2 − 12/14 > 0); 2, woken again, stays. Result: the two triangles, Q = 5/14.
    @Test func twoTrianglesByHand() {
        let level = Self.twoTrianglesLevel()
        for seed in UInt64(1)...5 {
            for workers in 1...3 {
                var community = (0..<6).map { Int32($0) }
                var rng = SeededGenerator(seed: seed)
                let moved = level.moveNodesColoured(community: &community, resolution: 1, twoM: 14, allowEmpty: false,
                                                    rng: &rng, workers: workers)
                #expect(moved)
                #expect(Graph.renumberBySmallest(community) == [0, 0, 0, 1, 1, 1], "seed \(seed), \(workers) workers")
            }
        }
    }

    /// `allowEmpty`: two disjoint edges 0–1 and 2–3 put in one community (2E = 4, all
    /// degrees 1, colours 0,1,0,1). At γ = 1 staying gains w(v, own) − γ (K_own − k_v) k_v / 4
    /// = 1 − 3/4 = 1/4 > 0 (an empty community) and no neighbour is elsewhere: nothing
    /// moves. At γ = 3 staying gains 1 − 9/4 < 0: nodes 0 and 2 (colour 0) each leave for
    /// an empty community (2 re-checked against the totals after 0 left: 1 − 3·2/4 < 0);
    /// then 1 and 3 follow their partners (1 − 3/4 = 1/4 over staying, −3/4 and 0).
    @Test func emptyCommunityOnlyWhenStayingLoses() {
        let g = makeGraph(nodes: 4, [(0, 1), (2, 3)])
        let view = g.undirectedSimple()
        let level = LeidenLevel(offsets: view.offsets, neighbors: view.adjacency,
                                weights: [1, 1, 1, 1], strength: [1, 1, 1, 1])
        var community: [Int32] = [0, 0, 0, 0]
        var rng = SeededGenerator(seed: 1)
        let moved = level.moveNodesColoured(community: &community, resolution: 1, twoM: 4, allowEmpty: true,
                                            rng: &rng, workers: 2)
        #expect(!moved)
        #expect(community == [0, 0, 0, 0])
        var split: [Int32] = [0, 0, 0, 0]
        var rng3 = SeededGenerator(seed: 1)
        #expect(level.moveNodesColoured(community: &split, resolution: 3, twoM: 4, allowEmpty: true,
                                        rng: &rng3, workers: 2))
        let renumbered = Graph.renumberBySmallest(split)
        #expect(renumbered[0] == renumbered[1] && renumbered[2] == renumbered[3] && renumbered[0] != renumbered[2])
    }

    /// A random graph large enough for the coloured path (≥ 100,000 adjacency entries):
    /// Louvain's partition is the same, bit for bit, on 1, 2 and 3 worker threads, and
    /// repeats itself.
    @Test func louvainSameOnAnyWorkerCount() {
        let g = makeGraph(nodes: 20_000, randomArcs(nodes: 20_000, arcs: 60_000, seed: 3))
        #expect(g.undirectedSimple().adjacency.count >= LeidenLevel.colouredMovingMinimumEntries)
        let one = g.louvain(resolution: 1, seed: 7, restarts: 1, workers: 1)
        #expect(one.modularity > 0.3)
        #expect(one == g.louvain(resolution: 1, seed: 7, restarts: 1, workers: 2))
        #expect(one == g.louvain(resolution: 1, seed: 7, restarts: 1, workers: 3))
        #expect(one == g.louvain(resolution: 1, seed: 7, restarts: 1, workers: 2))
    }

    /// Leiden on the same graph: fast local moving by colour classes, refinement and
    /// aggregation on all cores give the partition of one thread in one block, bit for bit;
    /// every community stays connected.
    @Test func leidenSameOnOneThreadAndInParallel() {
        let g = makeGraph(nodes: 20_000, randomArcs(nodes: 20_000, arcs: 60_000, seed: 4))
        let parallel = g.leiden(resolution: 1, seed: 2, iterations: 2, parallel: true)
        #expect(parallel.modularity > 0.3)
        #expect(parallel == g.leiden(resolution: 1, seed: 2, iterations: 2, parallel: false))
        #expect(communitiesAreConnected(g, parallel.partition))
    }
}
