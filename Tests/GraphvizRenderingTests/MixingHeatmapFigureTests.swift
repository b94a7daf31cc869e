import Foundation
import Testing
@testable import GraphvizRendering

@Suite struct MixingHeatmapFigureTests {
    @Test func scaleClassesAreSymmetricInLog2() {
        let cases: [(Double, Int)] = [
            (0, 0), (0.1, 0), (0.125, 1), (0.2, 1), (0.25, 2), (0.4, 2), (0.5, 3), (0.79, 3), (0.8, 4), (1, 4),
            (1.25, 4), (1.26, 5), (2, 5), (2.01, 6), (4, 6), (8, 7), (8.01, 8), (1000, 8),
        ]
        for (r, c) in cases { #expect(MixingHeatmapFigure.scaleClass(ratio: r) == c, "ratio \(r)") }
        #expect(MixingHeatmapFigure.scaleClass(ratio: .nan) == nil)
        #expect(MixingHeatmapFigure.scaleClass(ratio: .infinity) == nil)
        // r and 1/r fall in mirrored classes (c and 8 − c), boundaries included.
        for r in [0.1, 0.125, 0.2, 0.25, 0.3, 0.5, 0.6, 0.8, 0.9, 1.0] {
            let a = MixingHeatmapFigure.scaleClass(ratio: r) ?? -1, b = MixingHeatmapFigure.scaleClass(ratio: 1 / r) ?? -1
            #expect(a + b == 8, "ratio \(r)")
        }
        // Blue below, near-white in the middle, red above (ColorBrewer RdBu, 9 classes, reversed).
        #expect(MixingHeatmapFigure.scale.map(\.hex) == ["#2166AC", "#4393C3", "#92C5DE", "#D1E5F0", "#F7F7F7", "#FDDBC7", "#F4A582", "#D6604D", "#B2182B"])
    }

    @Test func ratioTextRounds() {
        #expect(MixingHeatmapFigure.ratioText(0.3125) == "0.31")
        #expect(MixingHeatmapFigure.ratioText(1.2) == "1.20")
        #expect(MixingHeatmapFigure.ratioText(0.005) == "0.01")
        #expect(MixingHeatmapFigure.ratioText(0) == "0.00")
        #expect(MixingHeatmapFigure.ratioText(12.54) == "12.5")
        #expect(MixingHeatmapFigure.ratioText(150.4) == "150")
        // Tiny expectations give huge ratios: printed, never trapped on Int conversion.
        #expect(MixingHeatmapFigure.ratioText(1e300) == "1e+300")
    }

    /// Observed [[8, 1], [2, 4]], expected [[4, 2], [0, NaN]]: ratios 2 (class 5), 0.5
    /// (class 3), then two cells without a ratio.
    @Test func cellsCarryCountRatioAndColour() throws {
        let fig = try MixingHeatmapFigure(groupNames: ["A", "B"], observed: [[8, 1], [2, 4]], expected: [[4, 2], [0, .nan]],
                                          intervals: [["1.5–2.6", nil], [nil, nil]])
        let text = fig.dotGraph.text
        #expect(text.contains("<TD BGCOLOR=\"#FDDBC7\" BORDER=\"2\" COLOR=\"#333333\" WIDTH=\"64\" HEIGHT=\"44\"><FONT COLOR=\"#000000\"><B>8</B><BR/>2.00×<BR/><FONT POINT-SIZE=\"9\">1.5–2.6</FONT></FONT></TD>"))
        #expect(text.contains("<TD BGCOLOR=\"#D1E5F0\" BORDER=\"1\" COLOR=\"#FFFFFF\" WIDTH=\"64\" HEIGHT=\"44\"><FONT COLOR=\"#000000\"><B>1</B><BR/>0.50×</FONT></TD>"))
        #expect(text.components(separatedBy: "BGCOLOR=\"#BDBDBD\"").count - 1 == 3) // two cells + the key
        #expect(fig.caption.contains("Lowest ratio between different groups: A → B, 0.50×."))
        #expect(fig.caption.contains("2 cells have an expected count of 0 or none defined and are grey."))
        #expect(text.contains("labelloc=\"b\""))
    }

    /// Group C makes no citations (row [0, 0, 0]) though the null expects some from it: its
    /// row is grey "cites none", not three dark-blue 0.00× cells, and it is neither the lowest
    /// nor the highest ratio. Row A: A → B observed 1, expected 4 → 0.25× is the lowest.
    @Test func groupThatCitesNothingIsGreyNotAvoidance() throws {
        let fig = try MixingHeatmapFigure(groupNames: ["A", "B", "C"], observed: [[2, 1, 3], [1, 2, 1], [0, 0, 0]],
                                          expected: [[2, 4, 1], [1, 2, 1], [1, 1, 1]])
        let text = fig.dotGraph.text
        #expect(text.components(separatedBy: "cites none").count - 1 == 3 + 1)  // three cells + the note
        #expect(text.components(separatedBy: "BGCOLOR=\"#BDBDBD\"").count - 1 == 3 + 1)  // three cells + the key
        #expect(!text.contains("0.00×"))
        #expect(fig.caption.contains("Lowest ratio between different groups: A → B, 0.25×."))
        #expect(fig.caption.contains("One group makes no citations in this dataset (C)"))
    }

    /// Poisson two-sided p by hand. o = 0, λ = 0.1: P(X ≤ 0) = e^−0.1 = 0.905, P(X ≥ 0) = 1 →
    /// min(1, 2 · 0.905) = 1. o = 0, λ = 3: 2 e^−3 = 0.0996. o = 5, λ = 1: P(X ≥ 5) =
    /// 1 − e^−1 (1 + 1 + 1/2 + 1/6 + 1/24) = 0.003660 → p = 0.007320. Large counts use the
    /// normal approximation: o = 1100, λ = 1000 → z = 99.5/√1000 = 3.1464, p = erfc(z/√2) = 0.001652.
    @Test func poissonTwoSidedPByHand() {
        #expect(MixingHeatmapFigure.poissonTwoSidedP(observed: 0, expected: 0.1) == 1)
        #expect(abs(MixingHeatmapFigure.poissonTwoSidedP(observed: 0, expected: 3) - 2 * 0.049787068) < 1e-8)
        #expect(abs(MixingHeatmapFigure.poissonTwoSidedP(observed: 5, expected: 1) - 0.0073198) < 1e-6)
        #expect(abs(MixingHeatmapFigure.poissonTwoSidedP(observed: 1100, expected: 1000) - 0.001652) < 2e-5)
        #expect(MixingHeatmapFigure.poissonTwoSidedP(observed: 3, expected: 0) == 1)
    }

    /// With p-values: A → B (observed 0, expected 2, p 0.4 from the null) is white with its
    /// ratio in grey, not dark blue; A → A (p 0.001) keeps its colour; B's row has no
    /// p-values (a merged group): B → A, 0 against 0.2 expected, is white by the Poisson
    /// fallback (2 e^−0.2 > 1 → p = 1), and B → B, 9 against 1 (p = 2 P(X ≥ 9) ≈ 2.2e−6),
    /// is coloured. The lowest ratio in the caption is taken over coloured cells only.
    @Test func cellsWithinChanceAreWhite() throws {
        let fig = try MixingHeatmapFigure(groupNames: ["A", "B"], observed: [[8, 0], [0, 9]], expected: [[4, 2], [0.2, 1]],
                                          pValues: [[0.001, 0.4], [nil, nil]])
        let text = fig.dotGraph.text
        #expect(text.contains("<TD BGCOLOR=\"#FFFFFF\" BORDER=\"1\" COLOR=\"#FFFFFF\" WIDTH=\"64\" HEIGHT=\"44\"><FONT COLOR=\"#000000\"><B>0</B><BR/><FONT COLOR=\"#777777\">0.00×</FONT></FONT></TD>"))
        #expect(text.contains("<B>8</B><BR/>2.00×") && text.contains("BGCOLOR=\"#FDDBC7\" BORDER=\"2\""))
        #expect(text.contains("BGCOLOR=\"#B2182B\" BORDER=\"2\""))  // B → B, 9×
        #expect(fig.caption.contains("2 of the 4 cells are white"))
        #expect(fig.caption.contains("the 2 cells of merged groups"))
        #expect(!fig.caption.contains("Lowest ratio between different groups"))
    }

    @Test func rejectsMalformedMatrices() {
        let cases: [(() throws -> MixingHeatmapFigure, String)] = [
            ({ try MixingHeatmapFigure(groupNames: ["A"], observed: [[1, 2]], expected: [[1]]) }, "observed counts are not 1 × 1"),
            ({ try MixingHeatmapFigure(groupNames: ["A"], observed: [[1]], expected: []) }, "expected counts are not 1 × 1"),
            ({ try MixingHeatmapFigure(groupNames: ["A"], observed: [[-1]], expected: [[1]]) }, "observed count -1 in row 0, column 0 is negative"),
            ({ try MixingHeatmapFigure(groupNames: ["A"], observed: [[1]], expected: [[-.infinity]]) }, "expected count -inf in row 0, column 0 is not a non-negative number"),
            ({ try MixingHeatmapFigure(groupNames: ["A"], observed: [[1]], expected: [[1]], intervals: [[]]) }, "intervals are not 1 × 1"),
            ({ try MixingHeatmapFigure(groupNames: ["A", "B"], observed: [[1, 1]], expected: [[1, 1], [1, 1]]) }, "observed counts are not 2 × 2"),
        ]
        for (body, message) in cases {
            let e = #expect(throws: GraphvizError.self) { _ = try body() }
            #expect(e?.kind == .invalidInput)
            #expect(e?.message == message)
        }
    }

    @Test func hostileNamesAreEscaped() throws {
        let fig = try MixingHeatmapFigure(groupNames: ["</TD></TABLE>", #"\N"x"#], observed: [[1, 0], [0, 1]], expected: [[1, 1], [1, 1]])
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(svg.contains("&lt;/TD&gt;&lt;/TABLE&gt;"))
        // Graphviz expands \N inside HTML-like labels unless the backslash is doubled.
        #expect(svg.contains(#">\N&quot;x<"#))
        #expect(DOTEscaping.xml(#"a\b"#) == #"a\\b"#)
    }

    @Test func rendersWithoutWarningsAndByteIdentical() throws {
        let a = try HeatmapFixture.figure(intervals: true), b = try HeatmapFixture.figure(intervals: true)
        #expect(a.dotGraph.text == b.dotGraph.text)
        let out = try GraphvizRenderer.renderWithDiagnostics(dot: a.dotGraph.text, engine: a.engine, format: .svg)
        #expect(out.diagnostics == [])
        for format in FigureFormat.allCases {
            #expect(try a.render(format: format) == b.render(format: format), "\(format) differs")
        }
    }

    @Test func hugeRatiosRender() throws {
        let fig = try MixingHeatmapFigure(groupNames: ["A", "B"], observed: [[5, 1], [1, 5]], expected: [[1e-300, 1], [1, 1]])
        #expect(fig.dotGraph.text.contains("e+300×"))
        #expect(String(decoding: try fig.render(format: .svg), as: UTF8.self).contains("<svg"))
    }

    @Test func emptyMatrixRenders() throws {
        let fig = try MixingHeatmapFigure(groupNames: [], observed: [], expected: [])
        #expect(String(decoding: try fig.render(format: .svg), as: UTF8.self).contains("<svg"))
    }
}
