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
}
