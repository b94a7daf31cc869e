import Testing
import NetworkCore
@testable import NetworkAlgorithms

/// ``LabelPermutations`` evaluates the samples in parallel batches; its results must be
/// those of the plain sequential loop it replaced, sample by sample.
@Suite("Label permutations: parallel batches equal the sequential loop")
struct LabelPermutationsTests {
    @Test(arguments: [1, 15, 16, 17, 50])
    func sameAsSequential(samples: Int) {
        // 40 nodes, every third left out (-1), labels 0…3.
        let base: [Int32] = (0..<40).map { $0 % 3 == 2 ? -1 : Int32($0 % 4) }
        let kept = (0..<40).filter { base[$0] >= 0 }
        // The statistic: a fingerprint of the whole vector (position-weighted sum), so any
        // difference in order or content shows.
        let statistic: @Sendable ([Int32]) -> Int = { v in
            v.enumerated().reduce(0) { $0 &+ ($1.offset + 1) &* (Int($1.element) + 2) &* 1_000_003 }
        }
        var sequential: [Int] = []
        var rng = SeededGenerator(seed: 7)
        var labels = kept.map { base[$0] }
        var groupOf = base
        for _ in 0..<samples {
            rng.shuffle(&labels)
            for (i, v) in kept.enumerated() { groupOf[v] = labels[i] }
            sequential.append(statistic(groupOf))
        }
        var parallelRNG = SeededGenerator(seed: 7)
        let parallel = LabelPermutations.run(samples: samples, rng: &parallelRNG, base: base, kept: kept, statistic: statistic)
        #expect(parallel == sequential)
        // Both generators are left in the same state.
        #expect(parallelRNG.next() == rng.next())
    }
}
