import Foundation

/// Fisher's exact test of a 2×2 table (Fisher 1922, "On the interpretation of χ² from
/// contingency tables, and the calculation of P", J R Stat Soc 85:87–94,
/// doi:10.2307/2340521).
///
/// Definition: with the margins fixed, the count `a` of the first cell is hypergeometric.
/// `less` sums P(X ≤ a), `greater` P(X ≥ a); `twoSided` sums the probabilities of every
/// table no more probable than the observed one, P(x) ≤ P(a)·(1 + 10⁻⁷) — the tolerance R's
/// `fisher.test` uses so that tables tied in probability up to rounding count as ties
/// (scipy's `fisher_exact` uses a tighter 10⁻¹⁴ relative tolerance; the two agree unless
/// two tables are tied to within 10⁻⁷).
///
/// Probabilities come from the ratio recurrence P(x+1)/P(x) = (r₁−x)(c₁−x) / ((x+1)(r₂−c₁+x+1))
/// in log space, normalised by their sum: no factorials, no overflow. O(min(r₁, c₁) + 1)
/// time and memory for margins r₁ = a+b, r₂ = c+d, c₁ = a+c. Deterministic.
public enum FisherExactTest {
    /// Which departure from independence the p-value measures.
    public enum Alternative: String, Sendable, Codable, CaseIterable {
        case twoSided = "two-sided"
        /// The first cell `a` is smaller than independence predicts (odds ratio < 1).
        case less
        /// The first cell `a` is larger than independence predicts (odds ratio > 1).
        case greater
    }

    /// Largest number of feasible tables (min(r₁, c₁) − max(0, c₁ − r₂) + 1, less one)
    /// the test sums over; beyond it ``pValue(_:alternative:)`` returns nil.
    public static let maximumSupport = 1 << 26

    /// Relative tolerance for ties in the two-sided sum.
    public static let relativeTolerance = 1e-7

    /// The p-value of the table `[[a, b], [c, d]]`; nil when a count is negative, a
    /// margin sum overflows or the support exceeds ``maximumSupport``. A table with an
    /// empty margin has p = 1.
    public static func pValue(_ table: TwoByTwoTable, alternative: Alternative = .twoSided) -> Double? {
        guard let logs = logProbabilities(table) else { return nil }
        let (lo, values) = logs
        let observed = table.a - lo
        let maxLog = values.max() ?? 0
        let weights = values.map { exp($0 - maxLog) }
        let total = weights.reduce(0, +)
        let sum: Double
        switch alternative {
        case .less: sum = weights[...observed].reduce(0, +)
        case .greater: sum = weights[observed...].reduce(0, +)
        case .twoSided:
            let threshold = weights[observed] * (1 + relativeTolerance)
            sum = weights.filter { $0 <= threshold }.reduce(0, +)
        }
        return min(1, sum / total)
    }

    /// Log of the unnormalised hypergeometric weights of every feasible first cell, and the
    /// smallest feasible value.
    static func logProbabilities(_ t: TwoByTwoTable) -> (lo: Int, values: [Double])? {
        guard t.a >= 0, t.b >= 0, t.c >= 0, t.d >= 0 else { return nil }
        let (r1, o1) = t.a.addingReportingOverflow(t.b)
        let (r2, o2) = t.c.addingReportingOverflow(t.d)
        let (c1, o3) = t.a.addingReportingOverflow(t.c)
        let (_, o4) = r1.addingReportingOverflow(r2)
        guard !o1, !o2, !o3, !o4 else { return nil }
        let lo = max(0, c1 - r2), hi = min(r1, c1)
        guard hi - lo <= maximumSupport else { return nil }
        var values = [0.0]
        values.reserveCapacity(hi - lo + 1)
        var x = lo
        while x < hi {
            let ratio = Double(r1 - x) * Double(c1 - x) / (Double(x + 1) * Double(r2 - c1 + x + 1))
            values.append((values.last ?? 0) + log(ratio))
            x += 1
        }
        return (lo, values)
    }
}
