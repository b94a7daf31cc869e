@testable import GraphvizRendering

/// A 6 × 6 citation mixing matrix in the shape of the seed review's question (HSR/QI
/// rarely citing PAM and Sociology). Expected counts are those of a configuration null,
/// e_ij = row total · column total / grand total, computed here; the "(missing)" row has
/// no citing works with known references (row total 0), so its expectations are 0.
enum HeatmapFixture {
    static let names = ["HSR/QI", "PAM", "Sociology", "Economics", "Nursing", "(missing)"]
    static let observed: [[Int]] = [
        [412, 6, 3, 21, 88, 9],
        [14, 230, 41, 37, 5, 7],
        [2, 38, 175, 19, 3, 4],
        [25, 30, 12, 160, 2, 3],
        [97, 1, 2, 4, 120, 6],
        [0, 0, 0, 0, 0, 0],
    ]

    static var expected: [[Double]] {
        let rows = observed.map { $0.reduce(0, +) }
        let cols = (0..<6).map { j in observed.reduce(0) { $0 + $1[j] } }
        let total = Double(rows.reduce(0, +))
        return (0..<6).map { i in (0..<6).map { j in Double(rows[i]) * Double(cols[j]) / total } }
    }

    static func figure(intervals: Bool) throws -> MixingHeatmapFigure {
        var o = MixingHeatmapFigure.Options()
        o.nullName = "label permutation (1,000 samples)"
        o.title = "Citations between literatures"
        // Illustrative intervals around each ratio (×0.7 to ×1.35), as a null model would give.
        let e = expected
        let iv: [[String?]]? = intervals
            ? observed.indices.map { i in observed[i].indices.map { j in
                guard e[i][j] > 0 else { return nil }
                let r = Double(observed[i][j]) / e[i][j]
                return "95%: " + MixingHeatmapFigure.ratioText(0.7 * r) + "–" + MixingHeatmapFigure.ratioText(1.35 * r)
            } }
            : nil
        return try MixingHeatmapFigure(groupNames: names, observed: observed, expected: expected, intervals: iv, options: o)
    }
}
