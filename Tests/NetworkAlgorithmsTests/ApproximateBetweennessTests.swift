import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

/// Exact betweenness in Riondato & Kornaropoulos' normalisation (fraction of ordered
/// pairs, `1/(n(n−1))`): NetworkX's normalised value (`1/((n−1)(n−2))`) times `(n−2)/n`.
private func exactFraction(_ g: Graph, directed: Bool) -> [Double] {
    let n = Double(g.nodeCount)
    return g.betweenness(directed: directed, normalized: true).map { $0 * (n - 2) / n }
}

/// Largest |estimate − exact| over the nodes.
private func maxError(_ a: ApproximateBetweenness, _ exact: [Double]) -> Double {
    zip(a.scores, exact).map { abs($0 - $1) }.max() ?? 0
}

@Suite("Approximate betweenness (Riondato–Kornaropoulos)")
struct ApproximateBetweennessTests {
    /// Undirected path 0–1–2–3–4. Vertex-diameter bound from node 0: ecc 4 → 2·4+1 = 9,
    /// capped at the component's 5 nodes → VD = 5; log term ⌊log₂ 3⌋ + 1 = 2;
    /// r = ⌈0.5/0.01 · (2 + ln 10)⌉ = ⌈215.129…⌉ = 216.
    @Test func sampleSizeByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        let a = g.approximateBetweenness(epsilon: 0.1, delta: 0.1, seed: 3, directed: false,
                                         method: .riondatoKornaropoulos)
        #expect(a.vertexDiameterBound == 5)
        #expect(a.samples == 216)
        #expect(a.epsilon == 0.1 && a.delta == 0.1)
        // Ends of a path never lie inside one.
        #expect(a.scores[0] == 0 && a.scores[4] == 0)
    }

    /// KADABRA's cap on the same path: ω = 0.5/0.1² · (2 + ln(2/0.1)) = 50 · 4.99573… =
    /// 249.79 → 250 (the RK size at δ/2). Its first phase draws ⌈ω/100⌉ = 3 → 8 samples (at
    /// least one per block); the second phase draws rounds of 512 capped at ω, so at most
    /// 8 + 250 pairs in all.
    @Test func kadabraCapByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 3), (3, 4)])
        let a = g.approximateBetweenness(epsilon: 0.1, delta: 0.1, seed: 3, directed: false)
        #expect(a.method == .kadabra)
        #expect(a.maximumSamples == 250)
        #expect(a.samples > 8 && a.samples <= 8 + 250)
        #expect(a.scores[0] == 0 && a.scores[4] == 0)
    }

    /// Directed chain 0→1→2→3 plus a 2-cycle 3⇄4: strong components {0},{1},{2},{3,4},
    /// heaviest condensation path 1+1+1+2 = 5 nodes.
    @Test func directedBoundByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 3)])
        #expect(g.approximateBetweenness(epsilon: 0.1, seed: 1).vertexDiameterBound == 5)
    }

    /// Star with centre 0 and 6 leaves (undirected): exact b(0) = 30/42 (every ordered
    /// leaf pair passes through the centre), leaves 0. Within ε over 10 seeds.
    @Test func starWithinEpsilon() {
        let g = makeGraph(nodes: 7, (1...6).map { (0, $0) })
        let exact = exactFraction(g, directed: false)
        #expect(abs(exact[0] - 30.0 / 42.0) < 1e-15)
        for seed in UInt64(1)...10 {
            for method in ApproximateBetweennessMethod.allCases {
                let a = g.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: seed, directed: false, method: method)
                #expect(maxError(a, exact) <= 0.05, "seed \(seed), \(method)")
                #expect(a.scores[1] == 0)
            }
        }
    }

    /// Random small graphs, both directions, 10 seeds each: every node within ε of
    /// Brandes' exact value; same seed, same bits.
    @Test func randomGraphsWithinEpsilon() {
        for graphSeed in UInt64(1)...3 {
            let g = makeGraph(nodes: 60, randomArcs(nodes: 60, arcs: 150, seed: graphSeed))
            for directed in [true, false] {
                let exact = exactFraction(g, directed: directed)
                for seed in UInt64(1)...10 {
                    for method in ApproximateBetweennessMethod.allCases {
                        let a = g.approximateBetweenness(epsilon: 0.03, delta: 0.1, seed: seed, directed: directed,
                                                         method: method)
                        #expect(maxError(a, exact) <= 0.03,
                                "graph \(graphSeed), directed \(directed), seed \(seed), \(method)")
                    }
                }
                let once = g.approximateBetweenness(epsilon: 0.03, seed: 9, directed: directed)
                #expect(once == g.approximateBetweenness(epsilon: 0.03, seed: 9, directed: directed))
            }
        }
    }

    /// KADABRA's blocks are fixed, so the thread count cannot change a value: the
    /// parallel run equals the run that draws the blocks one after another on one thread,
    /// bit for bit; different seeds differ.
    @Test func kadabraSameBitsSerialAndParallel() {
        let g = makeGraph(nodes: 400, randomArcs(nodes: 400, arcs: 1600, seed: 11))
        for directed in [true, false] {
            let parallel = g.kadabraBetweenness(epsilon: 0.02, delta: 0.1, seed: 5, directed: directed)
            let serial = g.kadabraBetweenness(epsilon: 0.02, delta: 0.1, seed: 5, directed: directed, parallel: false)
            #expect(parallel == serial)
            #expect(parallel != g.kadabraBetweenness(epsilon: 0.02, delta: 0.1, seed: 6, directed: directed))
            // The stopping rule ends before the cap on this graph.
            #expect(parallel.samples < parallel.maximumSamples)
        }
    }

    /// The balanced bidirectional sampler draws every shortest path equally often. By
    /// hand: from 0 to 8 in the directed 3×3 grid (nodes row by row, arcs right and
    /// down) there are C(4, 2) = 6 shortest paths; the centre 4 lies on 4 of them, 1, 3, 5
    /// and 7 on 3 each, 2 and 6 on one each. Over 60,000 draws each frequency is within 0.01
    /// of its share.
    @Test func bidirectionalSamplerIsUniform() {
        var arcs: [(Int, Int)] = []
        for r in 0..<3 { for c in 0..<3 {
            let v = 3 * r + c
            if c < 2 { arcs.append((v, v + 1)) }
            if r < 2 { arcs.append((v, v + 3)) }
        } }
        let g = makeGraph(nodes: 9, arcs)
        let (offsets, adjacency) = g.simpleOutAdjacency()
        let (inOffsets, inAdjacency) = Graph.reverseAdjacency(offsets: offsets, adjacency: adjacency, n: 9)
        let filter = ReachabilityFilter(graph: g, offsets: offsets, adjacency: adjacency, directed: true)
        var sampler = ShortestPathSampler(nodeCount: 9)
        var rng = SeededGenerator(seed: 4)
        var counts = [Int](repeating: 0, count: 9)
        let draws = 60_000
        var path: [Int32] = []
        for _ in 0..<draws {
            path.removeAll()
            sampler.sample(from: 0, to: 8, offsets: offsets, adjacency: adjacency, inOffsets: inOffsets,
                           inAdjacency: inAdjacency, filter: filter, rng: &rng, path: &path)
            #expect(path.count == 3)
            for v in path { counts[Int(v)] += 1 }
        }
        let expected: [Double] = [0, 3, 1, 3, 4, 3, 1, 3, 0].map { $0 / 6 }
        for v in 0..<9 {
            #expect(abs(Double(counts[v]) / Double(draws) - expected[v]) < 0.01, "node \(v): \(counts[v])")
        }
        // 8 cannot reach 0: nothing drawn.
        path.removeAll()
        sampler.sample(from: 8, to: 0, offsets: offsets, adjacency: adjacency, inOffsets: inOffsets,
                       inAdjacency: inAdjacency, filter: filter, rng: &rng, path: &path)
        #expect(path.isEmpty)
    }

    /// Cora (cited → citing reversed), directed and undirected, 2 seeds: within ε = 0.02
    /// of the exact values.
    @Test(.enabled(if: SharedData.path("networks/cora/cora.cites") != nil, "needs ../shared/data"))
    func coraWithinEpsilon() throws {
        let path = try #require(SharedData.path("networks/cora/cora.cites"))
        let g = try NetworkInput.load(path: path, reverse: true).graph
        for directed in [true, false] {
            let exact = exactFraction(g, directed: directed)
            for seed in UInt64(1)...2 {
                for method in ApproximateBetweennessMethod.allCases {
                    let a = g.approximateBetweenness(epsilon: 0.02, delta: 0.1, seed: seed, directed: directed, method: method)
                    let error = maxError(a, exact)
                    print("Cora approximate betweenness (\(method)): directed \(directed), seed \(seed), samples \(a.samples) of at most \(a.maximumSamples), VD ≤ \(a.vertexDiameterBound), max error \(error)")
                    #expect(error <= 0.02, "directed \(directed), seed \(seed), \(method): max error \(error)")
                }
            }
        }
    }

    /// hep-th (directed, 27,770 nodes) against igraph's exact betweenness
    /// (scripts/peers/scale_values.py, normalised by n(n−1)): the 100 most central nodes
    /// within ε = 0.02 of igraph's value, every other node's estimate at most ε above the
    /// 100th value (their exact values lie below it), over 2 seeds, by KADABRA (the
    /// default method).
    @Test(.enabled(if: SharedData.path("networks/hep-th/hep-th-new-arcs.tsv") != nil, "needs ../shared/data"))
    func hepthWithinEpsilon() throws {
        let fixture = try #require(try ScaleFixtures.load().betweenness.first { $0.name == "hep-th" })
        let path = try #require(SharedData.path("networks/hep-th/hep-th-new-arcs.tsv"))
        let g = try NetworkInput.load(path: path).graph
        #expect(g.nodeCount == fixture.nodes)
        let epsilon = 0.02
        for seed in UInt64(1)...2 {
            let clock = ContinuousClock()
            var result: ApproximateBetweenness?
            let elapsed = clock.measure { result = g.approximateBetweenness(epsilon: epsilon, delta: 0.1, seed: seed) }
            let a = try #require(result)
            var worst = 0.0
            var top = Set<Int32>()
            for row in fixture.top {
                let v = try #require(g.index(of: row.id))
                top.insert(v)
                worst = max(worst, abs(a.scores[Int(v)] - row.value))
            }
            var restHigh = 0.0
            for v in 0..<g.nodeCount where !top.contains(Int32(v)) { restHigh = max(restHigh, a.scores[v]) }
            print("hep-th approximate betweenness: seed \(seed), samples \(a.samples) of at most \(a.maximumSamples), VD ≤ \(a.vertexDiameterBound), top-100 max error \(worst), rest max \(restHigh) (≤ \(fixture.threshold) exact), \(elapsed)")
            #expect(worst <= epsilon)
            #expect(restHigh <= fixture.threshold + epsilon)
        }
    }
}
