import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

/// The reachability filter of approximate betweenness against plain breadth-first search.
@Suite struct ReachabilityFilterTests {
    /// Every ordered pair of seeded random graphs — nearly acyclic (mostly arcs from higher
    /// to lower index, as in citation networks), with cycles, and undirected — gets the
    /// same answer as a BFS from s.
    @Test func agreesWithBreadthFirstSearchOnEveryPair() {
        for seed: UInt64 in 1...8 {
            var rng = SplitMix64(seed: seed)
            let n = 20 + Int(rng.next() % 40)
            var arcs = randomArcs(nodes: n, arcs: n + Int(rng.next() % UInt64(2 * n)), seed: seed)
            if seed % 2 == 0 { arcs = arcs.filter { $0.0 > $0.1 || rng.next() % 10 == 0 } }
            let g = makeGraph(nodes: n, arcs)
            for directed in [true, false] {
                let (offsets, adjacency) = directed ? g.simpleOutAdjacency() : {
                    let u = g.undirectedSimple()
                    return (u.offsets, u.adjacency)
                }()
                let (inOffsets, inAdjacency) = Graph.reverseAdjacency(offsets: offsets, adjacency: adjacency, n: n)
                let filter = ReachabilityFilter(graph: g, offsets: offsets, adjacency: adjacency, directed: directed)
                var search = ReachabilityFilter.Search(nodeCount: n)
                for s in 0..<n {
                    var seen = [Bool](repeating: false, count: n)
                    var queue = [s]
                    seen[s] = true
                    var head = 0
                    while head < queue.count {
                        let v = queue[head]; head += 1
                        for p in offsets[v]..<offsets[v + 1] where !seen[Int(adjacency[p])] {
                            seen[Int(adjacency[p])] = true
                            queue.append(Int(adjacency[p]))
                        }
                    }
                    for t in 0..<n where t != s {
                        let answer = filter.reaches(s, t, offsets: offsets, adjacency: adjacency,
                                                    inOffsets: inOffsets, inAdjacency: inAdjacency, search: &search)
                        #expect(answer == seen[t], "seed \(seed) directed \(directed): \(s) → \(t)")
                    }
                }
            }
        }
    }

    /// Skipping the pairs out of reach changes no bit of approximate betweenness: such a
    /// pair adds nothing and draws no random number.
    @Test func filteringChangesNoValue() {
        for seed: UInt64 in 1...4 {
            let n = 150
            var arcs = randomArcs(nodes: n, arcs: 400, seed: seed)
            if seed % 2 == 0 { arcs = arcs.filter { $0.0 > $0.1 } }
            let g = makeGraph(nodes: n, arcs)
            for directed in [true, false] {
                let plain = g.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: seed, directed: directed, filterPairs: false)
                let filtered = g.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: seed, directed: directed, filterPairs: true)
                #expect(plain.scores == filtered.scores, "seed \(seed) directed \(directed)")
                #expect(plain.scores.contains { $0 > 0 })
            }
        }
    }
}
