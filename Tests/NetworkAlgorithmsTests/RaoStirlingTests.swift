import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Rao–Stirling diversity of references")
struct RaoStirlingTests {
    /// Groups A = {0, 1, 2}, B = {3, 4}, C = {5, 6}. Arcs (citing → cited):
    /// 0→1 (A→A), 0→3 (A→B), 0→5 (A→C), 0→6 (A→C), 1→2 (A→A), 3→4 (B→B), 3→1 (B→A), 5→6 (C→C).
    static func threeGroups() -> (Graph, Partition) {
        let g = makeGraph(nodes: 7, [(0, 1), (0, 3), (0, 5), (0, 6), (1, 2), (3, 4), (3, 1), (5, 6)])
        return (g, Partition(values: ["A", "A", "A", "B", "B", "C", "C"]))
    }

    /// By hand. Mixing rows (citation profiles): A = (2, 1, 2), B = (1, 1, 0), C = (0, 0, 1).
    /// |A| = √9 = 3, |B| = √2, |C| = 1.
    /// cos(A,B) = (2·1 + 1·1 + 2·0) / (3√2) = 1/√2  → d_AB = 1 − 1/√2 ≈ 0.292893
    /// cos(A,C) = (2·0 + 1·0 + 2·1) / (3·1) = 2/3  → d_AC = 1/3
    /// cos(B,C) = 0                               → d_BC = 1
    /// Work 0 cites 1 (A), 3 (B), 5 (C), 6 (C): p = (1/4, 1/4, 1/2).
    /// D_0 = 2 [p_A p_B d_AB + p_A p_C d_AC + p_B p_C d_BC]
    ///     = 2 [(1/16)(1 − 1/√2) + (1/8)(1/3) + (1/8)(1)]
    ///     = (1 − 1/√2)/8 + 1/12 + 1/4 ≈ 0.0366117 + 0.0833333 + 0.25 = 0.3699450.
    /// Work 3 cites 4 (B), 1 (A): p = (1/2, 1/2, 0): D_3 = 2 (1/4) d_AB = (1 − 1/√2)/2 ≈ 0.1464466.
    /// Works 1 and 5 cite one group only: D = 0. Works 2, 4, 6 cite nothing: nil.
    @Test func citationProfilesByHand() throws {
        let (g, p) = Self.threeGroups()
        let r = try g.raoStirlingDiversity(by: p)
        let dAB = 1 - 1 / 2.0.squareRoot()
        #expect(r.groupNames == ["A", "B", "C"])
        let expected: [[Double]] = [[0, dAB, 1.0 / 3], [dAB, 0, 1], [1.0 / 3, 1, 0]]
        for x in 0..<3 { for y in 0..<3 { #expect(abs(r.distance[x][y] - expected[x][y]) < 1e-12) } }
        #expect(abs((r.byNode[0] ?? .nan) - (dAB / 8 + 1.0 / 12 + 0.25)) < 1e-12)
        #expect(abs((r.byNode[0] ?? .nan) - 0.3699450) < 1e-6)
        #expect(abs((r.byNode[3] ?? .nan) - dAB / 2) < 1e-12)
        #expect(r.byNode[1] == 0 && r.byNode[5] == 0)
        #expect(r.byNode[2] == nil && r.byNode[4] == nil && r.byNode[6] == nil)
    }

    /// With d ≡ 1 off the diagonal, Rao–Stirling is the Gini–Simpson index 1 − Σ p²:
    /// work 0: 1 − (1/16 + 1/16 + 1/4) = 10/16 = 0.625; work 3: 1 − (1/4 + 1/4) = 0.5.
    @Test func userMatrixGiniSimpson() throws {
        let (g, p) = Self.threeGroups()
        let ones: [[Double]] = [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
        let r = try g.raoStirlingDiversity(by: p, distance: .matrix(ones))
        #expect(r.distance == ones)
        #expect(abs((r.byNode[0] ?? .nan) - 0.625) < 1e-12)
        #expect(abs((r.byNode[3] ?? .nan) - 0.5) < 1e-12)
        #expect(r.byNode[1] == 0)
    }

    /// A matrix of the wrong size, or with a negative entry, is reported as bad input.
    @Test func badMatrixRejected() {
        let (g, p) = Self.threeGroups()
        #expect(throws: InputError.self) { try g.raoStirlingDiversity(by: p, distance: .matrix([[0, 1], [1, 0]])) }
        #expect(throws: InputError.self) {
            try g.raoStirlingDiversity(by: p, distance: .matrix([[0, 1, 1], [1, 0, -1], [1, 1, 0]]))
        }
        #expect(throws: InputError.self) {
            try g.raoStirlingDiversity(by: p, distance: .matrix([[0, 1, 1], [1, 0, .nan], [1, 1, 0]]))
        }
    }

    /// A group that cites nothing has no profile: distance 1 to everyone. Here C's only
    /// arc 5→6 is removed, so row C = (0, 0, 0) and d_AC = d_BC = 1.
    @Test func emptyProfileIsDistanceOne() throws {
        let g = makeGraph(nodes: 7, [(0, 1), (0, 3), (0, 5), (0, 6), (1, 2), (3, 4), (3, 1)])
        let r = try g.raoStirlingDiversity(by: Self.threeGroups().1)
        #expect(r.distance[0][2] == 1 && r.distance[2][1] == 1 && r.distance[2][2] == 0)
    }

    /// Excluding the missing group: work 0's arc to the unlabelled work 3 no longer counts,
    /// leaving p = (1/3 A, 2/3 C); the unlabelled work itself gets nil.
    @Test func missingExcluded() throws {
        let (g, _) = Self.threeGroups()
        let p = Partition(values: ["A", "A", "A", nil, "B", "C", "C"])
        let ones: [[Double]] = [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
        let r = try g.raoStirlingDiversity(by: p, distance: .matrix(ones), missing: .exclude)
        #expect(r.groupNames == ["A", "B", "C"])
        // Gini–Simpson of (1/3, 2/3) = 1 − 1/9 − 4/9 = 4/9.
        #expect(abs((r.byNode[0] ?? .nan) - 4.0 / 9) < 1e-12)
        #expect(r.byNode[3] == nil)
    }

    /// The references each work's diversity counts, by hand. Every arc of the three-group
    /// graph is counted under `.include`: out-degrees 0: 4 (→1, 3, 5, 6), 1: 1 (→2),
    /// 3: 2 (→4, 1), 5: 1 (→6), the rest 0 — 8 arcs in all.
    ///
    /// With work 3 unlabelled and `.exclude`: work 0 cites 1 (A), 3 (left out), 5 (C),
    /// 6 (C), so 3 of its 4 references are counted (p = (1/3, 0, 2/3), as above); work 3 is
    /// left out itself, so none of its 2 count (and it has no D); works 1 (→2) and 5 (→6)
    /// keep their 1. Counted: 3 + 1 + 1 = 5 of the 8 arcs (the 1 to work 3 and the 2 it
    /// makes are the 3 left out). A work has a D exactly when it counts a reference.
    @Test func countedReferencesByHand() throws {
        let (g, p) = Self.threeGroups()
        let all = try g.raoStirlingDiversity(by: p)
        #expect(all.countedReferences == [4, 1, 0, 2, 0, 1, 0])
        #expect(all.countedReferences == g.outDegrees())
        let unlabelled = Partition(values: ["A", "A", "A", nil, "B", "C", "C"])
        let ones: [[Double]] = [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
        let r = try g.raoStirlingDiversity(by: unlabelled, distance: .matrix(ones), missing: .exclude)
        #expect(r.countedReferences == [3, 1, 0, 0, 0, 1, 0])
        #expect(r.countedReferences.reduce(0, +) == 5)
        #expect(r.byNode.map { $0 != nil } == r.countedReferences.map { $0 > 0 })
        // The same partition with the unlabelled work as a group of its own counts every arc.
        let included = try g.raoStirlingDiversity(by: unlabelled, missing: .include)
        #expect(included.countedReferences == g.outDegrees())
    }

    /// Linear-time check on a larger random graph: every value lies in [0, 1] for
    /// cosine distances (d ≤ 1 and Σ_{g≠h} p_g p_h ≤ 1), and the run is deterministic.
    @Test func boundsOnRandomGraph() throws {
        let arcs = randomArcs(nodes: 300, arcs: 1500, seed: 4)
        let g = makeGraph(nodes: 300, arcs)
        let p = Partition(values: (0..<300).map { ["A", "B", "C", "D"][($0 * 7) % 4] })
        let r = try g.raoStirlingDiversity(by: p)
        #expect(r.byNode.compactMap { $0 }.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(try g.raoStirlingDiversity(by: p) == r)
    }
}
