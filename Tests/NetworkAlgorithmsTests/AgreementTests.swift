import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Partition agreement (NMI, ARI)")
struct AgreementTests {
    static func partition(_ labels: [Int]) -> Partition {
        Partition(values: labels.map { String($0) })
    }

    /// Identical up to renaming: NMI = ARI = 1. Two halves against alternating labels
    /// [0,1,0,1] vs [0,0,1,1]: the contingency table is all ones, I = 0 → NMI 0; pairs:
    /// Σ C(n_ij, 2) = 0, a = b = 2, total C(4,2) = 6, expected 4/6, max 2 →
    /// ARI = (0 − 2/3)/(2 − 2/3) = −1/2.
    @Test func byHand() {
        let a = Self.partition([0, 0, 1, 1]), renamed = Self.partition([7, 7, 3, 3])
        #expect(abs(a.normalizedMutualInformation(with: renamed) - 1) < 1e-15)
        #expect(a.adjustedRandIndex(with: renamed) == 1)
        let crossed = Self.partition([0, 1, 0, 1])
        #expect(abs(a.normalizedMutualInformation(with: crossed)) < 1e-15)
        #expect(abs(a.adjustedRandIndex(with: crossed) + 0.5) < 1e-15)
    }

    @Test func matchesIgraph() throws {
        let cases = try PeerFixtures.agreement()
        #expect(cases.count == 4)
        for c in cases {
            let a = Self.partition(c.a), b = Self.partition(c.b)
            if let nmi = c.nmi { #expect(near(a.normalizedMutualInformation(with: b), nmi), "\(c.name) NMI") }
            if let ari = c.ari { #expect(near(a.adjustedRandIndex(with: b), ari), "\(c.name) ARI") }
        }
    }
}
