import Foundation

extension MixingHeatmapFigure {
    /// Two-sided p of a count `observed` under a Poisson distribution with mean `expected`
    /// (λ): `min(1, 2 · min(P(X ≤ o), P(X ≥ o)))`, the doubled smaller tail.
    ///
    /// The heatmap's fallback for cells the null model did not test (cells summed over
    /// merged groups), and an approximation there: under label permutation a cell count can
    /// vary more than a Poisson count with the same mean (a work citing or cited many times
    /// moves many arcs at once) or less (a group holding most of the works), so the figure's
    /// caption counts the cells judged this way.
    ///
    /// Exact tail sums in log space (terms e^(−λ + k ln λ − ln k!)) while o and λ are below
    /// 1,000; above, the normal approximation with continuity correction,
    /// z = (|o − λ| − ½)/√λ, p = erfc(z/√2). Time O(o + λ) up to 1,000, O(1) above. Pure.
    /// Returns 1 for λ ≤ 0 or a NaN/negative input.
    static func poissonTwoSidedP(observed o: Int, expected λ: Double) -> Double {
        guard o >= 0, λ.isFinite, λ > 0 else { return 1 }
        if o >= 1000 || λ >= 1000 {
            let z = max(0, abs(Double(o) - λ) - 0.5) / λ.squareRoot()
            return min(1, erfc(z / 2.0.squareRoot()))
        }
        let logλ = log(λ)
        func term(_ k: Int) -> Double { exp(-λ + Double(k) * logλ - lgamma(Double(k) + 1)) }
        var lower = 0.0
        for k in 0...o { lower += term(k) }
        // Upper tail summed directly (no 1 − lower cancellation), until terms vanish.
        var upper = 0.0
        var k = o
        let stop = max(o, Int(λ)) + 200
        while k <= stop {
            let t = term(k)
            upper += t
            if k > Int(λ) && t < 1e-17 * max(upper, 1e-300) { break }
            k += 1
        }
        return min(1, 2 * min(lower, upper))
    }
}
