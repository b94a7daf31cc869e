import NetworkCore

/// A label-permutation test of the difference in shares between two groups of units with
/// a yes/no outcome (Fisher 1935, *The Design of Experiments*, §21; p-value as in Phipson &
/// Smyth 2010, "Permutation p-values should never be zero", Stat Appl Genet Mol Biol 9:39,
/// doi:10.2202/1544-6115.1585).
///
/// Definition: the group labels of the n₁ + n₂ units are shuffled (outcomes stay with the
/// units), `samples` times; the statistic is the difference in shares p₁ − p₂. The
/// two-sided p-value is `(1 + #{|p₁* − p₂*| ≥ |p₁ − p₂|}) / (1 + samples)`, one-sided ones
/// count `≥` or `≤` the observed difference; comparisons allow a 10⁻¹² slack so that equal
/// differences reached by different arithmetic count as equal. With both margins fixed
/// this is a Monte Carlo version of Fisher's exact test that orders tables by the
/// difference in shares rather than by their probability, so its two-sided p-value can
/// differ from Fisher's.
///
/// O(samples · n₁) time (a partial Fisher–Yates shuffle per sample), O(n₁ + n₂) memory.
/// Deterministic: the same table, samples and seed give the same p-value on every
/// platform (``SeededGenerator``).
public struct LabelPermutationTest: Sendable, Equatable, Codable {
    /// Observed difference in shares p₁ − p₂.
    public var observed: Double
    public var samples: Int
    public var seed: UInt64
    /// p-values with the (1 + count) / (1 + samples) rule.
    public var twoSided: Double
    public var less: Double
    public var greater: Double

    /// Largest number of units (n₁ + n₂) the test shuffles.
    public static let maximumUnits = 1 << 26

    /// The test of `table` (group 1 = first row); nil when a group is empty, a count is
    /// negative, there are more than ``maximumUnits`` units, or `samples` < 1.
    public init?(_ table: TwoByTwoTable, samples: Int, seed: UInt64) {
        let n1 = table.n1, n2 = table.n2
        guard n1 > 0, n2 > 0, samples > 0, table.a >= 0, table.b >= 0, table.c >= 0, table.d >= 0,
              n1 <= Self.maximumUnits, n2 <= Self.maximumUnits else { return nil }
        let yes = table.a + table.c
        let n = n1 + n2
        // 1 = yes, 0 = no; the first n1 positions after a shuffle are group 1.
        var outcomes = [UInt8](repeating: 0, count: n)
        for k in 0..<yes { outcomes[k] = 1 }
        func difference(_ yes1: Int) -> Double { Double(yes1) / Double(n1) - Double(yes - yes1) / Double(n2) }
        let observed = difference(table.a)
        var generator = SeededGenerator(seed: seed)
        var atLeast = 0, atMost = 0, extreme = 0
        let slack = 1e-12
        for _ in 0..<samples {
            var yes1 = 0
            for i in 0..<n1 {
                let j = i + generator.below(n - i)
                outcomes.swapAt(i, j)
                yes1 += Int(outcomes[i])
            }
            let diff = difference(yes1)
            if diff >= observed - slack { atLeast += 1 }
            if diff <= observed + slack { atMost += 1 }
            if abs(diff) >= abs(observed) - slack { extreme += 1 }
        }
        let denominator = Double(samples + 1)
        self.observed = observed
        self.samples = samples
        self.seed = seed
        twoSided = Double(extreme + 1) / denominator
        greater = Double(atLeast + 1) / denominator
        less = Double(atMost + 1) / denominator
    }
}
