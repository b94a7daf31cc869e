import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Brokerage under label permutation")
struct BrokerageNullTests {
    /// One open two-path 0 → 1 → 2, labels (A, A, B). Shuffling two A's and one B over
    /// three nodes gives three equally likely cases, by which node is B:
    /// - node 0: (B, A, A) → gatekeeper, broker 1 in A;
    /// - node 1: (A, B, A) → itinerant, broker 1 in B;
    /// - node 2: (A, A, B) → representative, broker 1 in A (the observed case).
    /// Expected: A gatekeeper 1/3, A representative 1/3, B itinerant 1/3, all else 0;
    /// totals (0, 1/3, 1/3, 1/3, 0). P(A representative ≥ 1) = 1/3.
    @Test func pathOfThreeByHand() {
        let g = makeGraph(nodes: 3, [(0, 1), (1, 2)])
        let p = Partition(values: ["A", "A", "B"])
        let null = g.brokerageNull(by: p, samples: 3000, seed: 8)
        #expect(null.groupNames == ["A", "B"] && null.openTwoPaths == 1)
        #expect(null.observed == [[0, 0, 0, 1, 0], [0, 0, 0, 0, 0]])
        let third = 1.0 / 3
        let expected: [[Double]] = [[0, 0, third, third, 0], [0, third, 0, 0, 0]]
        for k in 0..<2 { for r in 0..<5 { #expect(abs(null.expected[k][r] - expected[k][r]) < 0.03) } }
        for r in 0..<5 { #expect(abs(null.expectedTotal[r] - [0, third, third, third, 0][r]) < 0.03) }
        #expect(abs(null.pHigher[0][3] - third) < 0.03)
        #expect(null.intervals[0][3] == [0, 1] && null.intervals[0][0] == [0, 0])
    }

    /// The observed table equals `brokerage(by:).byGroup`; every sample classifies the
    /// same open two-paths, so the expected totals sum to their number exactly; same seed,
    /// same result.
    @Test func consistentWithBrokerage() {
        let arcs = randomArcs(nodes: 40, arcs: 120, seed: 5)
        let g = makeGraph(nodes: 40, arcs)
        let p = Partition(values: (0..<40).map { ["A", "B", "C"][$0 % 3] })
        let null = g.brokerageNull(by: p, samples: 200, seed: 2)
        let observed = g.brokerage(by: p)
        #expect(null.observed == observed.byGroup)
        #expect(null.openTwoPaths == observed.total.reduce(0, +))
        #expect(abs(null.expectedTotal.reduce(0, +) - Double(null.openTwoPaths)) < 1e-9)
        #expect(g.brokerageNull(by: p, samples: 200, seed: 2) == null)
        #expect(null.intervals.allSatisfy { $0.allSatisfy { $0[0] <= $0[1] } })
    }

    /// Excluding the missing group: the two-path through an unlabelled broker vanishes.
    @Test func missingExcluded() {
        let g = makeGraph(nodes: 4, [(0, 1), (1, 2), (2, 3)])
        let p = Partition(values: ["A", "A", nil, "B"])
        let null = g.brokerageNull(by: p, samples: 10, seed: 1, missing: .exclude)
        // Kept two-paths: 0→1→2 needs node 2 (excluded), 1→2→3 has broker 2: none left.
        #expect(null.openTwoPaths == 0 && null.groupNames == ["A", "B"])
        #expect(null.expectedTotal == [0, 0, 0, 0, 0])
        #expect(g.brokerageNull(by: p, samples: 10, seed: 1).openTwoPaths == 2)
    }

    /// Seven works: A = {0, 1, 6}, B = {2, 3}, no group = {4, 5} (the partition's missing
    /// group). Arcs (a cites b): 0→1, 1→2, 2→3, 0→4, 4→2, 6→1, 3→5, 5→0, 6→3.
    /// Out-lists 0:{1,4} 1:{2} 2:{3} 3:{5} 4:{2} 5:{0} 6:{1,3}; in-lists 0:{5} 1:{0,6}
    /// 2:{1,4} 3:{2,6} 4:{0} 5:{3}. Open two-paths a→b→c by broker b (none is closed: no
    /// arc 5→1, 5→4, 0→2, 6→2, 1→3, 4→3, 2→5, 6→5 or 3→0) and their roles
    /// (groups of a, b, c; m = no group):
    /// - b=0: 5→0→1 (m,A,A gatekeeper), 5→0→4 (m,A,m itinerant)
    /// - b=1: 0→1→2 (A,A,B representative), 6→1→2 (A,A,B representative)
    /// - b=2: 1→2→3 (A,B,B gatekeeper), 4→2→3 (m,B,B gatekeeper)
    /// - b=3: 2→3→5 (B,B,m representative), 6→3→5 (A,B,m liaison)
    /// - b=4: 0→4→2 (A,m,B liaison)
    /// - b=5: 3→5→0 (B,m,A liaison)
    /// Counting m as a group (`.include`, 10 two-paths), [coordinator, itinerant,
    /// gatekeeper, representative, liaison]: A [0,1,1,2,0], B [0,0,2,1,1], m [0,0,0,0,2].
    /// Leaving m out (`.exclude`): only 0→1→2, 6→1→2 (A representative twice) and
    /// 1→2→3 (B gatekeeper) have three works with a group: A [0,0,0,2,0], B [0,0,1,0,0].
    static func withUnplacedWorks() -> (Graph, Partition) {
        let g = makeGraph(nodes: 7, [(0, 1), (1, 2), (2, 3), (0, 4), (4, 2), (6, 1), (3, 5), (5, 0), (6, 3)])
        return (g, Partition(values: ["A", "A", "B", "B", nil, nil, "A"]))
    }

    /// The observed roles with and without the works that have no group, by hand (above).
    @Test func unplacedWorksCountedOrLeftOut() {
        let (g, p) = Self.withUnplacedWorks()
        let all = g.brokerageNull(by: p, samples: 50, seed: 3)
        #expect(all.groupNames == ["A", "B", "(missing)"] && all.openTwoPaths == 10)
        #expect(all.observed == [[0, 1, 1, 2, 0], [0, 0, 2, 1, 1], [0, 0, 0, 0, 2]])
        let known = g.brokerageNull(by: p, samples: 50, seed: 3, missing: .exclude)
        #expect(known.groupNames == ["A", "B"] && known.openTwoPaths == 3)
        #expect(known.observed == [[0, 0, 0, 2, 0], [0, 0, 1, 0, 0]])
        #expect(known.samples == 50 && known.seed == 3)
        // The unplaced works 4 and 5 broker nothing when left out (each is a liaison once
        // when counted as a group).
        let byNode = g.brokerage(by: p, missing: .exclude).byNode
        #expect(byNode[4] == [0, 0, 0, 0, 0] && byNode[5] == [0, 0, 0, 0, 0])
        #expect(g.brokerage(by: p).byNode[4] == [0, 0, 0, 0, 1] && g.brokerage(by: p).byNode[5] == [0, 0, 0, 0, 1])
    }

    /// The null when the unplaced works are left out: the labels of the five works with a
    /// group (A, A, B, B, A on works 0, 1, 2, 3, 6) are shuffled among those five only, and
    /// only the three two-paths of works with a group are classified. Provable in every
    /// sample, so exactly in the mean:
    /// - each sample classifies the same 3 two-paths, so the expected counts over groups
    ///   and roles sum to 3 (and the totals per role to the same 3);
    /// - only the labels A and B are dealt, so no two-path has three groups: liaison 0;
    /// - B has two works, so a B broker never has a and c in B too: B coordinator 0.
    /// Exact means over the C(5, 2) = 10 equally likely places of the two B labels
    /// (enumerated by hand, the 30 classified two-paths): A coordinator 3, itinerant 3,
    /// gatekeeper 6, representative 6; B itinerant 6, gatekeeper 3, representative 3; so
    /// A [0.3, 0.3, 0.6, 0.6, 0], B [0, 0.6, 0.3, 0.3, 0] (checked within 0.05 of 4000
    /// shuffles). The same seed gives the same result.
    @Test func unplacedWorksLeftOutOfTheShuffle() {
        let (g, p) = Self.withUnplacedWorks()
        let known = g.brokerageNull(by: p, samples: 4000, seed: 11, missing: .exclude)
        #expect(abs(known.expected.joined().reduce(0, +) - 3) < 1e-9)
        #expect(abs(known.expectedTotal.reduce(0, +) - 3) < 1e-9)
        #expect(known.expected.map { $0[4] } == [0, 0] && known.expectedTotal[4] == 0)
        #expect(known.intervals.map { $0[4] } == [[0, 0], [0, 0]])
        #expect(known.expected[1][0] == 0 && known.intervals[1][0] == [0, 0])
        let exact: [[Double]] = [[0.3, 0.3, 0.6, 0.6, 0], [0, 0.6, 0.3, 0.3, 0]]
        for k in 0..<2 { for r in 0..<5 { #expect(abs(known.expected[k][r] - exact[k][r]) < 0.05, "\(k) \(r): \(known.expected[k][r])") } }
        #expect(g.brokerageNull(by: p, samples: 4000, seed: 11, missing: .exclude) == known)
        // Counting the unplaced works as a group, the shuffle deals their two labels to
        // works that have a group, and three different groups become possible.
        let all = g.brokerageNull(by: p, samples: 4000, seed: 11)
        #expect(abs(all.expected.joined().reduce(0, +) - 10) < 1e-9)
        #expect(all.expectedTotal[4] > 0)
    }

    /// Without works lacking a group the policy changes nothing, random stream included:
    /// the same graph with works 4 and 5 in a group C gives the same result, bit for bit,
    /// under both policies.
    @Test func noUnplacedWorksSameResultUnderBothPolicies() {
        let (g, _) = Self.withUnplacedWorks()
        let p = Partition(values: ["A", "A", "B", "B", "C", "C", "A"])
        #expect(p.missingGroup == nil)
        let all = g.brokerageNull(by: p, samples: 200, seed: 5)
        #expect(g.brokerageNull(by: p, samples: 200, seed: 5, missing: .exclude) == all)
        // Roles with C in place of m: A [0,1,1,2,0], B [0,0,2,1,1], C [0,0,0,0,2].
        #expect(all.groupNames == ["A", "B", "C"] && all.observed == [[0, 1, 1, 2, 0], [0, 0, 2, 1, 1], [0, 0, 0, 0, 2]])
    }
}
