import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Brokerage, structural holes, participation")
struct BrokerageTests {
    /// Hand-worked example. Groups A = {0, 1, 5, 6}, B = {2, 3}, C = {4}.
    /// Arcs: 0→2, 2→3, 1→0, 4→2, 2→1, 3→4, 5→1, 6→1, 6→0.
    /// Open two-paths a→b→c (no a→c), by broker b:
    /// - b=0: 1→0→2 (A,A,B representative), 6→0→2 (A,A,B representative)
    /// - b=1: 2→1→0 (B,A,A gatekeeper), 5→1→0 (A,A,A coordinator);
    ///        6→1→0 is closed by 6→0 and does not count
    /// - b=2: 0→2→1 (A,B,A itinerant), 0→2→3 (A,B,B gatekeeper),
    ///        4→2→1 (C,B,A liaison), 4→2→3 (C,B,B gatekeeper)
    /// - b=3: 2→3→4 (B,B,C representative)
    /// - b=4: 3→4→2 (B,C,B itinerant)
    /// Totals [coordinator, itinerant, gatekeeper, representative, liaison] = [1, 2, 3, 3, 1];
    /// groups A [1, 0, 1, 2, 0], B [0, 1, 2, 1, 1], C [0, 1, 0, 0, 0].
    @Test func handWorkedExample() {
        let g = makeGraph(nodes: 7, [(0, 2), (2, 3), (1, 0), (4, 2), (2, 1), (3, 4), (5, 1), (6, 1), (6, 0)])
        let p = Partition(values: ["A", "A", "B", "B", "C", "A", "A"])
        let b = g.brokerage(by: p)
        #expect(b.byNode == [
            [0, 0, 0, 2, 0],
            [1, 0, 1, 0, 0],
            [0, 1, 2, 0, 1],
            [0, 0, 0, 1, 0],
            [0, 1, 0, 0, 0],
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0],
        ])
        #expect(b.total == [1, 2, 3, 3, 1])
        #expect(b.byGroup == [[1, 0, 1, 2, 0], [0, 1, 2, 1, 1], [0, 1, 0, 0, 0]])
        #expect(BrokerageRole.allCases.map(\.rawValue) == ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"])
    }

    /// Seeded random graphs (loops and duplicates included): equal to a naive triple loop
    /// over distinct (a, b, c) on adjacency sets.
    @Test(arguments: [UInt64(1), 2, 3])
    func matchesNaiveTripleLoop(seed: UInt64) {
        let n = 25
        let arcs = randomArcs(nodes: n, arcs: 90, seed: seed)
        let g = makeGraph(nodes: n, arcs)
        let groupNames = ["X", "Y", "Z"]
        var rng = SplitMix64(seed: seed)
        let labels = (0..<n).map { _ in groupNames[Int.random(in: 0..<3, using: &rng)] }
        let p = Partition(values: labels)
        var arcSet = Set<Int>()
        for (u, v) in arcs where u != v { arcSet.insert(u * n + v) }
        var expected = [[Int]](repeating: [0, 0, 0, 0, 0], count: n)
        for b in 0..<n {
            for a in 0..<n where a != b && arcSet.contains(a * n + b) {
                for c in 0..<n where c != a && c != b && arcSet.contains(b * n + c) && !arcSet.contains(a * n + c) {
                    let (ga, gb, gc) = (labels[a], labels[b], labels[c])
                    let r = ga == gb && gb == gc ? 0 : ga == gc ? 1 : gb == gc ? 2 : ga == gb ? 3 : 4
                    expected[b][r] += 1
                }
            }
        }
        #expect(g.brokerage(by: p).byNode == expected)
    }

    /// Excluding the missing group removes its nodes from every position.
    /// 0→1→2 with groups A, (missing), A: included, node 1 is an itinerant broker;
    /// excluded, there is no broker at all.
    @Test func missingGroupExcluded() {
        let g = makeGraph(nodes: 3, [(0, 1), (1, 2)])
        let p = Partition(values: ["A", nil, "A"])
        #expect(g.brokerage(by: p).total == [0, 1, 0, 0, 0])
        #expect(g.brokerage(by: p, missing: .exclude).total == [0, 0, 0, 0, 0])
    }

    /// Burt on an undirected star: hub 0 with leaves 1, 2, 3 (no ties among leaves).
    /// p = 1/3 to each leaf, no indirect paths: c_hub = 3 · (1/3)² = 1/3, e_hub = 3.
    /// Each leaf has one contact: c = 1, e = 1. Triangle: every node has 2 contacts
    /// tied to each other: p = 1/2, indirect 1/2 · 1/2 = 1/4 → c = 2 · (3/4)² = 9/8;
    /// redundancy of each contact 1/2 → e = 2 · (1 − 1/2) = 1.
    @Test func structuralHolesByHand() {
        let star = makeGraph(nodes: 4, [(1, 0), (2, 0), (3, 0)]).structuralHoles(directed: false)
        #expect(star.constraint.map { $0 ?? .nan }.elementsEqual([1.0 / 3.0, 1, 1, 1]) { abs($0 - $1) < 1e-15 })
        #expect(star.effectiveSize == [3, 1, 1, 1])
        let triangle = makeGraph(nodes: 3, [(0, 1), (1, 2), (2, 0)]).structuralHoles(directed: false)
        #expect(triangle.constraint == [9.0 / 8.0, 9.0 / 8.0, 9.0 / 8.0])
        #expect(triangle.effectiveSize == [1, 1, 1])
        #expect(makeGraph(nodes: 2, [(0, 0)]).structuralHoles().constraint == [nil, nil])
    }

    @Test func structuralHolesMatchNetworkX() throws {
        let fixtures = try PeerFixtures.small().filter { $0.constraintDirected != nil }
        #expect(fixtures.count == 10)
        for f in fixtures {
            let g = f.graph()
            for directed in [true, false] {
                let ours = g.structuralHoles(directed: directed)
                let c = (directed ? f.constraintDirected : f.constraintUndirected) ?? []
                let e = (directed ? f.effectiveSizeDirected : f.effectiveSizeUndirected) ?? []
                for v in 0..<g.nodeCount {
                    #expect(close(ours.constraint[v], c[v]), "\(f.name) directed=\(directed) constraint \(f.nodes[v]): \(String(describing: ours.constraint[v])) vs \(String(describing: c[v]))")
                    #expect(close(ours.effectiveSize[v], e[v]), "\(f.name) directed=\(directed) effective size \(f.nodes[v]): \(String(describing: ours.effectiveSize[v])) vs \(String(describing: e[v]))")
                }
            }
        }
    }

    /// Participation by hand: the two-triangle graph with its bridge 2–3. Node 2 has
    /// neighbours 0, 1 (A) and 3 (B): 1 − (2/3)² − (1/3)² = 4/9. Node 0: all in A → 0.
    /// An isolated node has none.
    @Test func participationByHand() {
        let (g, p) = BridgingTests.twoTriangles()
        let pc = g.participationCoefficients(by: p)
        #expect(abs((pc[2] ?? .nan) - 4.0 / 9.0) < 1e-15)
        #expect(pc[0] == 0 && pc[3].map { abs($0 - 4.0 / 9.0) < 1e-15 } == true)
        #expect(makeGraph(nodes: 1, []).participationCoefficients(by: Partition(values: ["A"])) == [nil])
    }
}
