import TestSupport
@testable import GraphvizRendering

/// A silo trajectory over 2001–2020: the network E-I index drifting from −0.7 towards −0.4
/// with a 95% band (seeded noise) and a weight per year (the first three below the solid
/// threshold), and the HSR/QI group's E-I with two undefined years.
enum TrajectoryFixture {
    static let years = (2001...2020).map(Double.init)

    static var series: [TrajectoryFigure.Series] {
        var rng = SplitMix64(seed: 17)
        var ei: [Double?] = [], lo: [Double?] = [], hi: [Double?] = [], group: [Double?] = []
        for (i, _) in years.enumerated() {
            let v = -0.7 + 0.3 * Double(i) / 19 + Double.random(in: -0.05...0.05, using: &rng)
            let half = 0.18 - 0.1 * Double(i) / 19
            ei.append(v); lo.append(v - half); hi.append(min(1, v + half))
            group.append(i == 6 || i == 7 ? nil : -0.85 + 0.2 * Double(i) / 19 + Double.random(in: -0.08...0.08, using: &rng))
        }
        return [
            // Weights: the first three years rest on 1, 4 and 8 linked pairs (hollow), the
            // others on 20 + 15 · i.
            TrajectoryFigure.Series(name: "E-I index, all literatures", values: ei, lower: lo, upper: hi,
                                    weights: years.indices.map { i in i < 3 ? [1, 4, 8][i] : 20 + 15 * i }),
            TrajectoryFigure.Series(name: "E-I index, HSR/QI", values: group),
        ]
    }

    static func figure() throws -> TrajectoryFigure {
        var o = TrajectoryFigure.Options()
        o.title = "Silo trajectory"
        o.yTitle = "E-I index (−1: all ties within, +1: all between)"
        o.referenceLine = 0
        o.referenceName = "E-I = 0: as many ties between as within"
        o.weightNoun = "linked pair"
        o.weightNounPlural = "linked pairs"
        o.intervalName = "95% interval (label permutation)"
        return try TrajectoryFigure(x: years, series: series, options: o)
    }
}
