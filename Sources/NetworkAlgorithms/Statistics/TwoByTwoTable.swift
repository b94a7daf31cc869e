import Foundation

/// A 2×2 table of two groups by a yes/no outcome, with the effect sizes a claim about
/// the groups is read by:
///
/// |         | yes | no |
/// |---------|-----|----|
/// | group 1 | a   | b  |
/// | group 2 | c   | d  |
public struct TwoByTwoTable: Sendable, Equatable, Codable {
    public var a: Int
    public var b: Int
    public var c: Int
    public var d: Int

    public init(a: Int, b: Int, c: Int, d: Int) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// The table of `yes1` of `n1` against `yes2` of `n2`; nil when a count is negative
    /// or exceeds its group.
    public init?(yes1: Int, of n1: Int, yes2: Int, of n2: Int) {
        guard yes1 >= 0, yes2 >= 0, yes1 <= n1, yes2 <= n2 else { return nil }
        self.init(a: yes1, b: n1 - yes1, c: yes2, d: n2 - yes2)
    }

    /// Group sizes (saturating at `Int.max` rather than trapping on absurd counts).
    public var n1: Int { let (s, o) = a.addingReportingOverflow(b); return o ? Int.max : s }
    public var n2: Int { let (s, o) = c.addingReportingOverflow(d); return o ? Int.max : s }

    /// Share of "yes" in each group with its Wilson interval (nil for an empty group).
    public var share1: WilsonInterval? { WilsonInterval(successes: a, trials: n1) }
    public var share2: WilsonInterval? { WilsonInterval(successes: c, trials: n2) }

    /// An effect size with its confidence interval.
    public struct Effect: Sendable, Equatable, Codable {
        public var estimate: Double
        public var lower: Double
        public var upper: Double
    }

    /// The risk difference p₁ − p₂ with Newcombe's hybrid score interval (Newcombe 1998,
    /// "Interval estimation for the difference between independent proportions",
    /// Stat Med 17:873–890, doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I,
    /// method 10): with Wilson intervals (l₁, u₁) and (l₂, u₂),
    /// `[d − √((p₁−l₁)² + (u₂−p₂)²), d + √((u₁−p₁)² + (p₂−l₂)²)]`. Defined at zero counts
    /// (unlike the Wald interval). O(1). Nil when a group is empty.
    public var riskDifference: Effect? {
        guard let s1 = share1, let s2 = share2 else { return nil }
        let d = s1.estimate - s2.estimate
        let lowerSpread = ((s1.estimate - s1.lower) * (s1.estimate - s1.lower) + (s2.upper - s2.estimate) * (s2.upper - s2.estimate)).squareRoot()
        let upperSpread = ((s1.upper - s1.estimate) * (s1.upper - s1.estimate) + (s2.estimate - s2.lower) * (s2.estimate - s2.lower)).squareRoot()
        return Effect(estimate: d, lower: max(-1, d - lowerSpread), upper: min(1, d + upperSpread))
    }

    /// Whether the odds ratio needed the 0.5 correction (some cell is 0).
    public var oddsRatioCorrected: Bool { a == 0 || b == 0 || c == 0 || d == 0 }

    /// The sample odds ratio ad/bc with Woolf's logit interval
    /// `exp(ln OR ± z·√(1/a + 1/b + 1/c + 1/d))` (Woolf 1955, "On estimating the relation
    /// between blood group and disease", Ann Hum Genet 19:251–253,
    /// doi:10.1111/j.1469-1809.1955.tb01348.x). When a cell is 0, 0.5 is added to every cell
    /// first (Haldane 1956, "The estimation and significance of the logarithm of a ratio of
    /// frequencies", Ann Hum Genet 20:309–311; DOI not checked here), which
    /// ``oddsRatioCorrected`` reports. Not the conditional maximum-likelihood estimate R's
    /// `fisher.test` prints. O(1). Nil when a group is empty.
    public var oddsRatio: Effect? {
        guard n1 > 0, n2 > 0 else { return nil }
        let shift = oddsRatioCorrected ? 0.5 : 0
        let (x, y, z, w) = (Double(a) + shift, Double(b) + shift, Double(c) + shift, Double(d) + shift)
        let logOR = log(x * w / (y * z))
        let se = (1 / x + 1 / y + 1 / z + 1 / w).squareRoot()
        return Effect(estimate: exp(logOR), lower: exp(logOR - WilsonInterval.z95 * se), upper: exp(logOR + WilsonInterval.z95 * se))
    }
}
