import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Missed bridges")
struct MissedBridgesTests {
    /// Groups: A = {0, 1, 2, 6}, B = {3, 4, 5}. Arcs 1→0, 2→1, 4→3, 5→4, 6→0, 3→0, so the
    /// undirected neighbourhoods are N(0) = {1, 3, 6}, N(1) = {0, 2}, N(2) = {1},
    /// N(3) = {0, 4}, N(4) = {3, 5}, N(5) = {4}, N(6) = {0}.
    /// In-degrees: in(0) = 3, in(1) = in(3) = in(4) = 1, in(2) = in(5) = in(6) = 0.
    ///
    /// Concepts: 10 ← {0, 2, 3, 5}; 20 ← {2, 5} (2 listed twice); 30 ← {1, 3}; 40 ← {4, 6};
    /// −5 ← {2, 3}.
    /// Cross-group pairs sharing a concept and their fate:
    /// - (0,3) shares 10 but 3→0 is a citation: excluded.
    /// - (1,3) shares 30 but both touch 0 (common neighbour): excluded.
    /// - (0,2), (3,5) share 10 but are in one group: not candidates.
    /// - (2,3): shares {−5, 10}, N(2) ∩ N(3) = ∅, not adjacent → missed; in 0 + 1 = 1.
    /// - (2,5): shares {10, 20} (20 once despite the duplicate use) → missed; in 0 + 0 = 0.
    /// - (0,5): shares {10}; N(0) ∩ N(5) = ∅ → missed; in 3 + 0 = 3.
    /// - (4,6): shares {40}; N(4) ∩ N(6) = ∅ → missed; in 1 + 0 = 1.
    /// Ranking (shared ↓, in-degree ↓, ids ↑): (2,3), (2,5), (0,5), (4,6).
    static func example() -> (Graph, [(work: Int32, concept: Int32)], Partition) {
        let g = makeGraph(nodes: 7, [(1, 0), (2, 1), (4, 3), (5, 4), (6, 0), (3, 0)])
        let uses: [(work: Int32, concept: Int32)] = [
            (0, 10), (2, 10), (3, 10), (5, 10), (2, 20), (5, 20), (2, 20), (1, 30), (3, 30),
            (4, 40), (6, 40), (3, -5), (2, -5),
        ]
        return (g, uses, Partition(values: ["A", "A", "A", "B", "B", "B", "A"]))
    }

    @Test func rankedByHand() throws {
        let (g, uses, p) = Self.example()
        let all = try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 10)
        #expect(all.map { [$0.first, $0.second] } == [[2, 3], [2, 5], [0, 5], [4, 6]])
        #expect(all.map(\.sharedConcepts) == [[-5, 10], [10, 20], [10], [40]])
        #expect(all.map(\.combinedInDegree) == [1, 0, 3, 1])
        #expect(all.map(\.sharedCount) == [2, 2, 1, 1])
        #expect(all[0].firstGroup == 0 && all[0].secondGroup == 1)
        #expect(all[3].firstGroup == 1 && all[3].secondGroup == 0)
        let top = try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 2)
        #expect(top == Array(all.prefix(2)))
        #expect(try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 0).isEmpty)
        // The order of the uses does not matter.
        let shuffled = try MissedBridges.find(citations: g, uses: uses.reversed(), partition: p, limit: 10)
        #expect(shuffled == all)
    }

    /// Adding the arc 2→3 makes (2,3) adjacent, so it disappears. The others stay:
    /// (2,5): N(2) = {1, 3}, N(5) = {4}, disjoint; (0,5): N(0) = {1, 3, 6}, N(5) = {4};
    /// (4,6): N(4) = {3, 5}, N(6) = {0}. Ranking: (2,5) [2 shared], (0,5) [1, in 3],
    /// (4,6) [1, in 1].
    @Test func citationRemovesPair() throws {
        let (_, uses, p) = Self.example()
        let g = makeGraph(nodes: 7, [(1, 0), (2, 1), (4, 3), (5, 4), (6, 0), (3, 0), (2, 3)])
        let all = try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 10)
        #expect(all.map { [$0.first, $0.second] } == [[2, 5], [0, 5], [4, 6]])
    }

    /// Excluding the missing group drops every pair touching an unlabelled work.
    @Test func missingExcluded() throws {
        let (g, uses, _) = Self.example()
        let p = Partition(values: ["A", "A", "A", "B", "B", nil, "A"])
        let included = try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 10)
        let excluded = try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 10, missing: .exclude)
        // Included: 5 is "(missing)", a group of its own, so (3,5) [shares 10] becomes a
        // candidate, but 3–4–5 puts them two steps apart: still excluded.
        #expect(included.map { [$0.first, $0.second] } == [[2, 3], [2, 5], [0, 5], [4, 6]])
        #expect(excluded.map { [$0.first, $0.second] } == [[2, 3], [4, 6]])
    }

    /// A use naming a work outside the graph is reported with its position.
    @Test func badWorkRejected() {
        let (g, _, p) = Self.example()
        do {
            _ = try MissedBridges.find(citations: g, uses: [(0, 1), (9, 1)], partition: p, limit: 5)
            Issue.record("expected an InputError")
        } catch {
            #expect(error.line == 2 && error.field == "work")
        }
    }

    /// Against a brute force on random data: every pair of works (O(n²)), shared concepts
    /// by set intersection, distance by an adjacency matrix (adjacent, or some w adjacent
    /// to both). 60 works, 150 arcs, 3 groups, 25 concepts, 150 uses.
    @Test(arguments: [UInt64(1), 2, 3])
    func matchesBruteForce(seed: UInt64) throws {
        let n = 60
        let arcs = randomArcs(nodes: n, arcs: 150, seed: seed)
        let g = makeGraph(nodes: n, arcs)
        var rng = SplitMix64(seed: seed &+ 99)
        let uses: [(work: Int32, concept: Int32)] = (0..<150).map { _ in
            (Int32(rng.next() % UInt64(n)), Int32(rng.next() % 25))
        }
        let p = Partition(values: (0..<n).map { ["A", "B", "C"][($0 * 5) % 3] })
        var adjacent = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
        for (u, v) in arcs where u != v { adjacent[u][v] = true; adjacent[v][u] = true }
        var concepts = [Set<Int32>](repeating: [], count: n)
        for use in uses { concepts[Int(use.work)].insert(use.concept) }
        var expected: [(Int32, Int32, Int, Int)] = []
        for x in 0..<n {
            for y in (x + 1)..<n where p.groupOf[x] != p.groupOf[y] {
                let common = concepts[x].intersection(concepts[y]).count
                if common == 0 || adjacent[x][y] { continue }
                if (0..<n).contains(where: { adjacent[x][$0] && adjacent[y][$0] }) { continue }
                expected.append((Int32(x), Int32(y), common, g.inDegree(Int32(x)) + g.inDegree(Int32(y))))
            }
        }
        expected.sort { a, b in
            if a.2 != b.2 { return a.2 > b.2 }
            if a.3 != b.3 { return a.3 > b.3 }
            return a.0 != b.0 ? a.0 < b.0 : a.1 < b.1
        }
        let found = try MissedBridges.find(citations: g, uses: uses, partition: p, limit: 10_000)
        #expect(!found.isEmpty)
        #expect(found.map { [$0.first, $0.second] } == expected.map { [$0.0, $0.1] })
        #expect(found.map(\.sharedCount) == expected.map(\.2))
        #expect(found.map(\.combinedInDegree) == expected.map(\.3))
    }
}
