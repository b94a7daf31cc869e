/// A confidence interval for a binomial proportion by Wilson's score method
/// (Wilson 1927, "Probable inference, the law of succession, and statistical inference",
/// J Am Stat Assoc 22:209–212, doi:10.1080/01621459.1927.10502953).
///
/// Definition: with p̂ = x/n and the normal quantile z, the interval is the set of p whose
/// score test does not reject, `(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`.
/// Unlike the Wald interval it stays inside [0, 1] and is not degenerate at x = 0 or x = n
/// (Newcombe 1998, doi:10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E,
/// method 3). O(1); deterministic; no continuity correction.
public struct WilsonInterval: Sendable, Equatable, Codable {
    /// Successes x and trials n.
    public var successes: Int
    public var trials: Int
    /// The share x/n.
    public var estimate: Double
    public var lower: Double
    public var upper: Double

    /// The two-sided 95 % quantile of the standard normal, Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// The interval for `successes` of `trials`, or nil when `trials` is 0 or the counts
    /// are inconsistent (negative, or more successes than trials).
    public init?(successes: Int, trials: Int, z: Double = WilsonInterval.z95) {
        guard trials > 0, successes >= 0, successes <= trials, z > 0, z.isFinite else { return nil }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.successes = successes
        self.trials = trials
        estimate = p
        // Exact bounds at the edges (the formula gives them up to rounding).
        lower = successes == 0 ? 0 : max(0, centre - half)
        upper = successes == trials ? 1 : min(1, centre + half)
    }
}
