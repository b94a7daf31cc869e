/// The statistics one null sample yields: mixing cells, and the internal and total
/// undirected simple edges (from which edge homophily and the E-I index follow).
struct NullSample: Sendable {
    /// Row-major `g × g` mixing counts.
    var mixing: [Int]
    var internalEdges: Int
    var edges: Int

    var edgeHomophily: Double? { edges > 0 ? Double(internalEdges) / Double(edges) : nil }
    var eiIndex: Double? { edges > 0 ? Double(edges - 2 * internalEdges) / Double(edges) : nil }
}

/// Turns observed values and null samples into p-values, intervals and means.
///
/// - p-values carry the +1 correction (Davison & Hinkley 1997; North, Curtis & Sham
///   2002, doi:10.1086/341527): `(1 + #{null as or more extreme}) / (1 + samples)`.
///   Edge homophily is tested one-sided toward more homophily (`null ≥ observed`), the
///   E-I index one-sided toward fewer external ties (`null ≤ observed`) — both ask "is
///   this more siloed than chance?" — and each mixing cell two-sided, `min(1, 2·min(p≥, p≤))`.
/// - intervals are the 2.5th and 97.5th percentiles of the samples, linearly
///   interpolated between order statistics (Hyndman & Fan 1996 type 7, the default of
///   R and NumPy).
/// - Values undefined in a sample (no edges) are left out of that statistic.
enum NullModelSummary {
    static func summarize(model: String, seed: UInt64, groupCount g: Int, observed: NullSample,
                          samples: [NullSample]) -> NullModelResult {
        let homophily = samples.compactMap(\.edgeHomophily)
        let ei = samples.compactMap(\.eiIndex)
        var pMixing = [[Double?]](), iMixing = [[[Double]?]](), eMixing = [[Double?]]()
        var rMixing = [[Double?]](), zMixing = [[Double?]]()
        for r in 0..<g {
            var pRow = [Double?](), iRow = [[Double]?](), eRow = [Double?](), rRow = [Double?](), zRow = [Double?]()
            for c in 0..<g {
                let cell = r * g + c
                let values = samples.map { Double($0.mixing[cell]) }
                let x = Double(observed.mixing[cell])
                pRow.append(twoSided(x, values))
                iRow.append(interval(values))
                eRow.append(mean(values))
                rRow.append(ratio(x, values))
                zRow.append(zScore(x, values))
            }
            pMixing.append(pRow); iMixing.append(iRow); eMixing.append(eRow)
            rMixing.append(rRow); zMixing.append(zRow)
        }
        return NullModelResult(
            model: model, samples: samples.count, seed: seed,
            pValues: NullStatistics(
                edgeHomophily: observed.edgeHomophily.flatMap { upper($0, homophily) },
                eiIndex: observed.eiIndex.flatMap { lower($0, ei) },
                mixing: pMixing),
            intervals: NullStatistics(edgeHomophily: interval(homophily), eiIndex: interval(ei), mixing: iMixing),
            expected: NullStatistics(edgeHomophily: mean(homophily), eiIndex: mean(ei), mixing: eMixing),
            ratios: NullStatistics(
                edgeHomophily: observed.edgeHomophily.flatMap { ratio($0, homophily) },
                eiIndex: observed.eiIndex.flatMap { ratio($0, ei) }, mixing: rMixing),
            zScores: NullStatistics(
                edgeHomophily: observed.edgeHomophily.flatMap { zScore($0, homophily) },
                eiIndex: observed.eiIndex.flatMap { zScore($0, ei) }, mixing: zMixing))
    }

    /// Tolerance for "as extreme as": ratios recomputed from the same integers can
    /// differ in the last bit.
    static let slack = 1e-12

    static func upper(_ x: Double, _ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let k = values.filter { $0 >= x - slack }.count
        return Double(1 + k) / Double(1 + values.count)
    }

    static func lower(_ x: Double, _ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let k = values.filter { $0 <= x + slack }.count
        return Double(1 + k) / Double(1 + values.count)
    }

    static func twoSided(_ x: Double, _ values: [Double]) -> Double? {
        guard let u = upper(x, values), let l = lower(x, values) else { return nil }
        return min(1, 2 * min(u, l))
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Observed / null mean; `nil` when the mean is 0 or there are no samples.
    static func ratio(_ x: Double, _ values: [Double]) -> Double? {
        guard let m = mean(values), m != 0 else { return nil }
        return x / m
    }

    /// `(x − mean) / sd` (sample sd, n − 1); `nil` with fewer than 2 samples or no spread.
    static func zScore(_ x: Double, _ values: [Double]) -> Double? {
        guard values.count >= 2, let m = mean(values) else { return nil }
        let variance = values.reduce(0.0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
        guard variance > 0 else { return nil }
        return (x - m) / variance.squareRoot()
    }

    /// `[q(0.025), q(0.975)]`, type-7 quantiles.
    static func interval(_ values: [Double]) -> [Double]? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return [quantile(sorted, 0.025), quantile(sorted, 0.975)]
    }

    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}
