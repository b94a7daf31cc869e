import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Betweenness, closeness, harmonic, HITS")
struct CentralityTests {
    /// Directed path 0→1→2→3→4: node k lies on the paths from each of its k
    /// predecessors to each of its 4−k successors, so B = [0, 3, 4, 3, 0].
    /// Normalised by (n−1)(n−2) = 12: [0, 1/4, 1/3, 1/4, 0].
    @Test func betweennessOfPathByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        #expect(g.betweenness() == [0, 3, 4, 3, 0])
        let normalized = g.betweenness(normalized: true)
        for (x, y) in zip(normalized, [0, 0.25, 1.0 / 3.0, 0.25, 0]) { #expect(abs(x - y) < 1e-15) }
        // Undirected: the same pairs, each once.
        #expect(g.betweenness(directed: false) == [0, 3, 4, 3, 0])
    }

    /// Diamond 0→1, 0→2, 1→3, 2→3: two shortest 0–3 paths, so nodes 1 and 2 get ½ each.
    /// A duplicate arc 0→1 must not change that (paths count linked pairs, as NetworkX).
    @Test func betweennessSplitsTiesByHand() {
        let g = makeGraph(nodes: 4, [(0, 1), (0, 1), (0, 2), (1, 3), (2, 3)])
        #expect(g.betweenness() == [0, 0.5, 0.5, 0])
    }

    /// In-star: five leaves → hub. Incoming closeness of the hub: all 5 others reach it
    /// at distance 1 → (5/5)·(5/5) = 1; a leaf is reached by nobody → 0.
    /// Harmonic: hub 5 · 1/1 = 5, leaves 0. Outgoing closeness of a leaf: reaches 1 of 5
    /// at distance 1 → (1/1)·(1/5) = 0.2.
    @Test func closenessAndHarmonicByHand() {
        let g = makeGraph(nodes: 6, (1...5).map { ($0, 0) })
        #expect(g.closeness() == [1, 0, 0, 0, 0, 0])
        #expect(g.harmonicCentrality() == [5, 0, 0, 0, 0, 0])
        #expect(g.closeness(direction: .outgoing) == [0, 0.2, 0.2, 0.2, 0.2, 0.2])
        #expect(g.closeness(direction: .outgoing, wassermanFaust: false) == [0, 1, 1, 1, 1, 1])
    }

    /// Out-star 0 → 1..4: A has one non-zero row, so the only hub is 0 and the four
    /// leaves share authority equally.
    @Test func hitsByHand() {
        let g = makeGraph(nodes: 5, (1...4).map { (0, $0) })
        let h = g.hits()
        #expect(h.converged)
        #expect(h.hubs == [1, 0, 0, 0, 0])
        #expect(h.authorities == [0, 0.25, 0.25, 0.25, 0.25])
    }

    @Test func matchNetworkX() throws {
        let fixtures = try PeerFixtures.small()
        // The fixture really carries these values (a renamed key would skip silently).
        #expect(fixtures.filter { $0.betweennessDirected != nil && $0.harmonicIncoming != nil }.count == 10)
        #expect(fixtures.filter { $0.hubs != nil }.count == 7)
        for f in fixtures where f.betweennessDirected != nil {
            let g = f.graph()
            func compare(_ ours: [Double], _ theirs: [Double]?, _ what: String) {
                guard let theirs else { return }
                #expect(ours.count == theirs.count, "\(f.name) \(what)")
                for (v, (x, y)) in zip(ours, theirs).enumerated() {
                    #expect(near(x, y), "\(f.name) \(what) node \(f.nodes[v]): \(x) vs \(y)")
                }
            }
            compare(g.betweenness(), f.betweennessDirected, "betweenness")
            compare(g.betweenness(directed: false, normalized: true), f.betweennessUndirectedNormalized, "undirected betweenness")
            compare(g.closeness(), f.closenessIncoming, "closeness in")
            compare(g.closeness(direction: .outgoing), f.closenessOutgoing, "closeness out")
            compare(g.closeness(direction: .undirected), f.closenessUndirected, "closeness undirected")
            compare(g.harmonicCentrality(), f.harmonicIncoming, "harmonic")
            if f.hubs != nil {
                let h = g.hits()
                #expect(h.converged, "\(f.name)")
                compare(h.hubs, f.hubs, "hubs")
                compare(h.authorities, f.authorities, "authorities")
            }
        }
    }

    /// Path 0→1→2→3→4 with groups A = {0, 1, 2}, B = {3, 4}. Pairs ending in different
    /// groups: (0,3), (0,4), (1,3), (1,4), (2,3), (2,4). Node 1 lies on 0→3, 0→4 (2);
    /// node 2 on 0→3, 0→4, 1→3, 1→4 (4); node 3 on 0→4, 1→4, 2→4 (3).
    /// Sources {0}, targets {4}: only 1, 2, 3 lie on the one path, 1 each.
    @Test func restrictedBetweennessByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        let p = Partition(values: ["A", "A", "A", "B", "B"])
        #expect(g.interGroupBetweenness(by: p) == [0, 2, 4, 3, 0])
        #expect(g.interGroupBetweenness(by: p, directed: false) == [0, 2, 4, 3, 0])
        #expect(g.betweenness(sources: [0], targets: [4]) == [0, 1, 1, 1, 0])
        // Every source and target: the ordinary betweenness.
        let all = (0..<5).map { Int32($0) }
        #expect(g.betweenness(sources: all, targets: all) == g.betweenness())
    }

    @Test func interGroupMatchesNetworkXSubset() throws {
        let fixtures = try PeerFixtures.small().filter { $0.interGroupBetweennessDirected != nil }
        #expect(fixtures.count == 9)
        for f in fixtures {
            let g = f.graph()
            let p = try #require(f.partition())
            for (directed, expected) in [(true, f.interGroupBetweennessDirected), (false, f.interGroupBetweennessUndirected)] {
                let ours = g.interGroupBetweenness(by: p, directed: directed)
                for (v, (x, y)) in zip(ours, expected ?? []).enumerated() {
                    #expect(near(x, y), "\(f.name) directed=\(directed) node \(f.nodes[v]): \(x) vs \(y)")
                }
            }
        }
    }

    /// Katz on the path 0→1→2 (α = 0.1, β = 1): x0 = 1, x1 = 1 + 0.1 = 1.1,
    /// x2 = 1 + 0.11 = 1.11 (before scaling). Eigenvector centrality of a directed
    /// cycle: all equal, 1/√n each.
    @Test func katzAndEigenvectorByHand() {
        let path = makeGraph(nodes: 3, [(0, 1), (1, 2)])
        let k = path.katzCentrality(normalized: false)
        #expect(k.converged)
        for (x, y) in zip(k.scores, [1, 1.1, 1.11]) { #expect(abs(x - y) < 1e-14) }
        let e = makeGraph(nodes: 4, [(0, 1), (1, 2), (2, 3), (3, 0)]).eigenvectorCentrality()
        #expect(e.converged)
        for x in e.scores { #expect(abs(x - 0.5) < 1e-12) }
        // α above 1/λ_max on a 2-cycle (λ_max = 1) diverges and says so.
        #expect(!makeGraph(nodes: 2, [(0, 1), (1, 0)]).katzCentrality(alpha: 1.5, maxIterations: 200).converged)
    }

    @Test func katzAndEigenvectorMatchNetworkX() throws {
        let fixtures = try PeerFixtures.small()
        #expect(fixtures.filter { $0.katz != nil }.count == 10)
        #expect(fixtures.filter { $0.eigenvector != nil }.count == 4)
        for f in fixtures {
            let g = f.graph()
            if let expected = f.katz {
                let ours = g.katzCentrality()
                #expect(ours.converged, "\(f.name)")
                for (v, (x, y)) in zip(ours.scores, expected).enumerated() { #expect(near(x, y), "\(f.name) Katz \(f.nodes[v]): \(x) vs \(y)") }
            }
            if let expected = f.eigenvector {
                let ours = g.eigenvectorCentrality()
                #expect(ours.converged, "\(f.name)")
                for (v, (x, y)) in zip(ours.scores, expected).enumerated() {
                    #expect(near(x, y), "\(f.name) eigenvector \(f.nodes[v]): \(x) vs \(y)")
                }
            }
        }
    }

    /// The parallel reduction runs in fixed blocks: two runs give identical bits.
    @Test func betweennessDeterministic() {
        let g = makeGraph(nodes: 200, randomArcs(nodes: 200, arcs: 800, seed: 12))
        #expect(g.betweenness() == g.betweenness())
        #expect(g.closeness() == g.closeness())
    }

    /// Folding single-out-neighbour sources, by hand. Arcs 0→1, 1→0, 1→2, 2→3.
    /// Shortest paths with intermediates: 0→2 via 1; 0→3 via 1, 2; 1→3 via 2. So
    /// B = [0, 2, 2, 0]. Source 0 folds into 1 (the arc 1→0 comes back), 2 into 3 (3
    /// does not reach 2): only sources 1 and 3 are searched.
    @Test func foldedSourcesByHand() {
        let g = makeGraph(nodes: 4, [(0, 1), (1, 0), (1, 2), (2, 3)])
        let (offsets, adjacency) = g.simpleOutAdjacency()
        let fold = g.foldedSources(offsets: offsets, adjacency: adjacency, directed: true)
        #expect(fold.kept == [1, 3])
        #expect(fold.multiplicity == [1, 2, 1, 2])
        #expect(fold.correction == [0, 1, 0, 0])
        #expect(g.betweenness() == [0, 2, 2, 0])
    }

    /// Folding changes no value: on seeded random graphs rich in single-out-neighbour
    /// nodes (with and without arcs back), directed and undirected, plain betweenness
    /// (folded) equals the all-sources, all-targets variant (never folded) to 1e-12.
    @Test func foldingAgreesWithUnfoldedSearch() {
        for seed: UInt64 in 1...10 {
            var rng = SplitMix64(seed: seed)
            let n = 30 + Int(rng.next() % 70)
            var arcs = randomArcs(nodes: n, arcs: 2 * n, seed: seed)
            // Give a third of the nodes exactly one out-arc, half of them with an arc back.
            for v in stride(from: 0, to: n, by: 3) {
                arcs.removeAll { $0.0 == v }
                let u = Int(rng.next() % UInt64(n))
                arcs.append((v, u))
                if rng.next() % 2 == 0 { arcs.append((u, v)) }
            }
            let g = makeGraph(nodes: n, arcs)
            let all = (0..<n).map { Int32($0) }
            for directed in [true, false] {
                let folded = g.betweenness(directed: directed)
                let plain = g.betweenness(sources: all, targets: all, directed: directed)
                for v in 0..<n {
                    #expect(abs(folded[v] - plain[v]) <= 1e-12 * max(1, abs(plain[v])),
                            "seed \(seed) directed \(directed) node \(v): \(folded[v]) vs \(plain[v])")
                }
            }
        }
    }
}
