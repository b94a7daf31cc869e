import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Null models for bridging statistics")
struct NullModelTests {
    /// SplitMix64 from seed 0: the first output is 0xE220A8397B1DCDAF (the published
    /// reference value of Vigna's splitmix64.c); bounded draws stay in range.
    @Test func generatorReferenceValue() {
        var rng = SeededGenerator(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        for bound in [1, 2, 3, 7, 1000] {
            for _ in 0..<200 { #expect((0..<bound).contains(rng.below(bound))) }
        }
        var values = Array(0..<50)
        rng.shuffle(&values)
        #expect(values.sorted() == Array(0..<50))
    }

    /// Two directed triangles and a bridge, groups 3 + 3. Under label permutation there
    /// are C(6,3) = 20 equally likely splits; only the observed one and its mirror keep
    /// all 6 triangle edges internal (any other split cuts a triangle, losing ≥ 2 internal
    /// edges), so P(homophily ≥ 6/7) = 2/20 = 0.1. Each edge is internal with probability
    /// 2 · (3/6)(2/5) = 2/5, so the null mean of edge homophily is 0.4 and of E-I 1 − 2·0.4 = 0.2.
    @Test func twoTrianglesExactDistribution() {
        let (g, p) = BridgingTests.twoTriangles()
        let null = g.bridgingNull(by: p, samples: 4000, seed: 11)
        #expect(null.model == "permutation" && null.samples == 4000 && null.seed == 11)
        let ph = try? #require(null.pValues.edgeHomophily ?? nil)
        #expect(abs((ph ?? .nan) - 0.1) < 0.015)
        #expect(abs((null.pValues.eiIndex ?? .nan) - 0.1) < 0.015)
        #expect(abs((null.expected.edgeHomophily ?? .nan) - 0.4) < 0.01)
        #expect(abs((null.expected.eiIndex ?? .nan) - 0.2) < 0.02)
        // Every sample has 7 arcs: the expected mixing sums to 7.
        let total = null.expected.mixing.flatMap { $0 }.reduce(0.0) { $0 + ($1 ?? 0) }
        #expect(abs(total - 7) < 1e-9)
        // Observed 6/7 against a mean of 0.4: ratio ≈ 2.14.
        #expect(abs((null.ratios.edgeHomophily ?? .nan) - (6.0 / 7.0) / (null.expected.edgeHomophily ?? .nan)) < 1e-12)
        #expect((null.zScores.edgeHomophily ?? 0) > 1)
        // B→A: 0 arcs observed, expected > 0 → ratio 0, negative z.
        #expect(null.ratios.mixing[1][0] == 0)
        #expect((null.zScores.mixing[1][0] ?? 0) < 0)
        let interval = null.intervals.edgeHomophily ?? []
        #expect(interval.count == 2 && interval[0] <= interval[1])
    }

    /// Same seed, same result (bit for bit); another seed, another result.
    @Test(arguments: [BridgingNullModel.permutation, .rewire])
    func deterministic(model: BridgingNullModel) {
        let arcs = randomArcs(nodes: 60, arcs: 200, seed: 3)
        let g = makeGraph(nodes: 60, arcs, duplicates: .drop, selfLoops: .drop)
        let p = Partition(values: (0..<60).map { ["A", "B", "C"][$0 % 3] })
        let a = g.bridgingNull(by: p, model: model, samples: 50, seed: 5)
        let b = g.bridgingNull(by: p, model: model, samples: 50, seed: 5)
        let c = g.bridgingNull(by: p, model: model, samples: 50, seed: 6)
        #expect(a == b)
        #expect(a != c)
    }

    /// Rewiring keeps every in- and out-degree and creates no self-loop or repeated arc.
    @Test func rewiringPreservesDegrees() {
        let arcs = randomArcs(nodes: 40, arcs: 160, seed: 9)
        let g = makeGraph(nodes: 40, arcs, duplicates: .drop, selfLoops: .drop)
        let tails = g.arcTails()
        var heads = g.outTargets
        var rng = SeededGenerator(seed: 1)
        g.rewire(heads: &heads, attempts: 10 * g.arcCount, rng: &rng)
        #expect(heads != g.outTargets)  // something moved
        var inDegree = [Int](repeating: 0, count: 40)
        for h in heads { inDegree[Int(h)] += 1 }
        #expect(inDegree == g.inDegrees())
        let pairs = zip(tails, heads).map { Graph.arcKey($0, $1) }
        #expect(Set(pairs).count == pairs.count)
        #expect(zip(tails, heads).allSatisfy { $0 != $1 })
    }

    /// Time-respecting rewiring on a citation DAG where node i has year i / 10 and arcs
    /// go from newer to older works: every rewired arc still points to a work not newer
    /// than its tail, degrees are kept, and undated nodes (years nil) keep their arcs.
    @Test func timeRespectingRewiring() {
        let n = 60
        let arcs = randomArcs(nodes: n, arcs: 300, seed: 8).map { (max($0.0, $0.1), min($0.0, $0.1)) }.filter { $0.0 != $0.1 }
        let g = makeGraph(nodes: n, arcs, duplicates: .drop)
        var years: [Double?] = (0..<n).map { Double($0 / 10) }
        years[59] = nil
        years[58] = nil
        let times = years.map { $0 ?? .nan }
        let tails = g.arcTails()
        var heads = g.outTargets
        var rng = SeededGenerator(seed: 4)
        g.rewire(heads: &heads, attempts: 20 * g.arcCount, times: times, rng: &rng)
        #expect(heads != g.outTargets)
        for a in 0..<g.arcCount {
            let (u, v) = (Int(tails[a]), Int(heads[a]))
            if u >= 58 || g.outTargets[a] >= 58 {
                #expect(heads[a] == g.outTargets[a], "arc of an undated work moved")
            } else {
                #expect(times[u] >= times[v], "arc \(u)→\(v) goes forward in time")
            }
        }
        var inDegree = [Int](repeating: 0, count: n)
        for h in heads { inDegree[Int(h)] += 1 }
        #expect(inDegree == g.inDegrees())
        let p = Partition(values: (0..<n).map { $0 % 2 == 0 ? "even" : "odd" })
        let null = g.bridgingNull(by: p, model: .timeRewire(times: years), samples: 20, seed: 1)
        #expect(null.model == "time-rewire")
        #expect(null == g.bridgingNull(by: p, model: .timeRewire(times: years), samples: 20, seed: 1))
    }

    /// Under rewiring, groups and out-degrees are fixed, so every sample's mixing row
    /// sums equal the observed ones; under permutation the group sizes are kept.
    @Test func rewiringKeepsRowSums() {
        let arcs = randomArcs(nodes: 50, arcs: 180, seed: 4)
        let g = makeGraph(nodes: 50, arcs, duplicates: .drop, selfLoops: .drop)
        let p = Partition(values: (0..<50).map { $0 < 10 ? "small" : "large" })
        let observed = g.mixingMatrix(by: p).counts.map { $0.reduce(0, +) }
        let null = g.bridgingNull(by: p, model: .rewire, samples: 40, seed: 2)
        let expectedRows = null.expected.mixing.map { $0.reduce(0.0) { $0 + ($1 ?? 0) } }
        for (x, y) in zip(observed, expectedRows) { #expect(abs(Double(x) - y) < 1e-9) }
    }

    /// On labels assigned at random, the permutation p-values of edge homophily are
    /// (close to) uniform: over 300 random labelings of one random graph, about 5% fall
    /// at or below 0.05 and about 50% at or below 0.5. (Bounds: binomial(300, p) ± ~3.5 sd;
    /// the discrete p-values are slightly conservative.)
    @Test func pValuesUniformUnderRandomLabels() {
        let arcs = randomArcs(nodes: 80, arcs: 240, seed: 21)
        let g = makeGraph(nodes: 80, arcs, duplicates: .drop, selfLoops: .drop)
        var rng = SplitMix64(seed: 77)
        var pValues: [Double] = []
        for trial in 0..<300 {
            let labels = (0..<80).map { _ in ["A", "B", "C"][Int.random(in: 0..<3, using: &rng)] }
            let null = g.bridgingNull(by: Partition(values: labels), samples: 99, seed: UInt64(trial))
            if let p = null.pValues.edgeHomophily ?? nil { pValues.append(p) }
        }
        #expect(pValues.count == 300)
        #expect(pValues.allSatisfy { $0 >= 0.01 && $0 <= 1 })
        let low = Double(pValues.filter { $0 <= 0.05 }.count) / 300
        let half = Double(pValues.filter { $0 <= 0.5 }.count) / 300
        #expect(low >= 0.01 && low <= 0.095, "share of p ≤ 0.05: \(low)")
        #expect(half >= 0.40 && half <= 0.60, "share of p ≤ 0.5: \(half)")
    }

    /// The per-sample counts over the edge list (``Graph/simplePairs(_:)``, each edge once)
    /// equal those of the adjacency scan that defines them, on a seeded random graph with
    /// reciprocal arcs, self-loops, duplicate arcs and labels left out (-1), for 50 label
    /// vectors; and the two-triangle graph counts by hand: 7 simple edges, 6 internal.
    @Test func edgeListSampleEqualsAdjacencyScan() {
        let arcs = randomArcs(nodes: 60, arcs: 300, seed: 5) + [(3, 3), (4, 7), (7, 4), (4, 7)]
        let g = makeGraph(nodes: 60, arcs, duplicates: .keep, selfLoops: .keep)
        let view = g.undirectedSimple()
        let pairs = Graph.simplePairs(view)
        #expect(zip(pairs.lo, pairs.hi).allSatisfy { $0 < $1 })
        var rng = SplitMix64(seed: 9)
        for _ in 0..<50 {
            let groupOf = (0..<60).map { _ in Int32(Int.random(in: -1..<4, using: &rng)) }
            let a = Self.adjacencyScanSample(g, groupOf, groupCount: 4, view: view)
            let b = g.nullSample(groupOf, groupCount: 4, pairs: pairs)
            #expect(a.mixing == b.mixing && a.internalEdges == b.internalEdges && a.edges == b.edges)
        }
        let (t, p) = BridgingTests.twoTriangles()
        let tv = t.undirectedSimple()
        let s = t.nullSample(p.groupOf, groupCount: p.groupCount, pairs: Graph.simplePairs(tv))
        #expect(s.edges == 7 && s.internalEdges == 6)
    }

    /// The definition of a null sample, kept here independent of the library's edge list:
    /// the mixing counts, and each simple edge of the undirected view counted from its lower
    /// end (`v > u`) when both ends are in a group, internal when the groups agree.
    static func adjacencyScanSample(_ g: Graph, _ groupOf: [Int32], groupCount: Int, view: UndirectedGraph) -> NullSample {
        var internalEdges = 0, edges = 0
        for u in 0..<view.nodeCount where groupOf[u] >= 0 {
            for p in view.offsets[u]..<view.offsets[u + 1] {
                let v = Int(view.adjacency[p])
                guard v > u, groupOf[v] >= 0 else { continue }
                edges += 1
                if groupOf[v] == groupOf[u] { internalEdges += 1 }
            }
        }
        return NullSample(mixing: g.mixingCountsFlat(groupOf, groupCount: groupCount), internalEdges: internalEdges, edges: edges)
    }

    /// Strong planted homophily gets the smallest p-value the sample size allows.
    @Test func plantedHomophilyIsSignificant() {
        let (g, p) = BridgingTests.twoTriangles()
        // Ten copies of the two-triangle motif side by side: 60 nodes, groups 30 + 30.
        var arcs: [(Int, Int)] = []
        var labels: [String?] = []
        for copy in 0..<10 {
            for a in 0..<g.nodeCount {
                for b in g.successors(of: Int32(a)) { arcs.append((copy * 6 + a, copy * 6 + Int(b))) }
                labels.append(p.groupNames[Int(p.groupOf[a])])
            }
        }
        let big = makeGraph(nodes: 60, arcs)
        let null = big.bridgingNull(by: Partition(values: labels), samples: 199, seed: 1)
        #expect(null.pValues.edgeHomophily == 1.0 / 200.0)
        #expect(null.pValues.eiIndex == 1.0 / 200.0)
        // B→A: 0 arcs observed, about 70 · (30/60) · (30/59) ≈ 17.8 expected; A→A: 30
        // observed, about 17.2 expected. Both as extreme as possible, two-sided 2/200.
        #expect(null.pValues.mixing[1][0] == 2.0 / 200.0)
        #expect(null.pValues.mixing[0][0] == 2.0 / 200.0)
    }

    /// The summary arithmetic by hand on the samples [1, 2, 3, 4]:
    /// upper p for 3 = (1 + #{≥3} = 2)/(1 + 4) = 3/5; lower p for 3 = (1 + 3)/5 = 4/5;
    /// two-sided = min(1, 2 · 3/5) = 1; mean 2.5, sd √(5/3), z(4) = 1.5/√(5/3);
    /// type-7 quantiles: h = 3 · 0.025 = 0.075 → 1.075, h = 3 · 0.975 = 2.925 → 3.925.
    @Test func summaryArithmeticByHand() {
        let v: [Double] = [4, 1, 3, 2]
        #expect(NullModelSummary.upper(3, v) == 0.6)
        #expect(NullModelSummary.lower(3, v) == 0.8)
        #expect(NullModelSummary.twoSided(3, v) == 1)
        #expect(NullModelSummary.upper(5, v) == 0.2)  // never reached: 1/(1+4)
        #expect(NullModelSummary.mean(v) == 2.5)
        #expect(abs((NullModelSummary.zScore(4, v) ?? .nan) - 1.5 / (5.0 / 3.0).squareRoot()) < 1e-15)
        let interval = NullModelSummary.interval(v) ?? []
        #expect(abs(interval[0] - 1.075) < 1e-12 && abs(interval[1] - 3.925) < 1e-12)
        #expect(NullModelSummary.zScore(1, [2, 2, 2]) == nil)
        #expect(NullModelSummary.ratio(1, [0, 0]) == nil)
    }

    /// JSON: the `null` block has the keys of ARCHITECTURE.md §6 and round-trips.
    @Test func nullJSON() throws {
        let (g, p) = BridgingTests.twoTriangles()
        let result = g.bridging(by: p, attribute: "group", null: .permutation, samples: 20, seed: 3)
        let data = try JSONEncoder().encode(result)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let null = try #require(object["null"] as? [String: Any])
        for key in ["model", "samples", "seed", "pValues", "intervals", "expected", "ratios", "zScores"] { #expect(null.keys.contains(key), "\(key)") }
        #expect(try JSONDecoder().decode(BridgingResult.self, from: data) == result)
    }
}
