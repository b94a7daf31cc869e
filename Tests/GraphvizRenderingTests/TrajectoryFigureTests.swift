import Foundation
import Testing
@testable import GraphvizRendering

@Suite struct TrajectoryFigureTests {
    static func fixedRange(_ configure: (inout TrajectoryFigure.Options) -> Void = { _ in }) -> TrajectoryFigure.Options {
        var o = TrajectoryFigure.Options()
        o.yRange = 0...1
        configure(&o)
        return o
    }

    @Test func niceTicksCoverTheRangeInStepsOfOneTwoFive() {
        // Span 0.64 / 5 = 0.128 → step 0.2; floor(−0.93/0.2) = −5, ceil(−0.29/0.2) = −1.
        #expect(TrajectoryFigure.niceTicks(from: -0.93, to: -0.29, target: 5).map(TrajectoryFigure.tickText)
                == ["−1", "−0.8", "−0.6", "−0.4", "−0.2"])
        // 2001…2020: 19 / 7 ≈ 2.7 → step 5, from 2000 to 2020.
        #expect(TrajectoryFigure.niceTicks(from: 2001, to: 2020, target: 7) == [2000, 2005, 2010, 2015, 2020])
        #expect(TrajectoryFigure.niceTicks(from: 0, to: 1, target: 5).map(TrajectoryFigure.tickText) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(TrajectoryFigure.niceTicks(from: 3, to: 3, target: 5) == [3])
        // Degenerate spans never loop: overflowing or sub-1e-12 steps give the two ends.
        #expect(TrajectoryFigure.niceTicks(from: -1e308, to: 1e308, target: 5) == [-1e308, 1e308])
        #expect(TrajectoryFigure.niceTicks(from: 0, to: 1e-300, target: 5) == [0, 1e-300])
    }

    @Test func numbersAreLocaleFree() {
        #expect(TrajectoryFigure.fixed(12.5) == "12.50")
        #expect(TrajectoryFigure.fixed(-1.236) == "-1.24")
        #expect(TrajectoryFigure.fixed(-0.004) == "0.00")
        #expect(TrajectoryFigure.fixed(.nan) == "0.00")
        #expect(TrajectoryFigure.fixed(.infinity) == "0.00")
        #expect(TrajectoryFigure.fixed(1e20) == "10000000000000.00")
        #expect(TrajectoryFigure.valueText(-0.4216) == "−0.422")
        #expect(TrajectoryFigure.valueText(0.5) == "0.500")
        #expect(TrajectoryFigure.tickText(-0.6000000000000001) == "−0.6")
    }

    /// x = 0, 1, 2; values 0, 1, nil on a fixed 0…1 axis, plot 480 × 260 with the origin at
    /// (64, 46): points at (64, 46) and (64 + 240, 46 + 260) = (304, 306); the third window
    /// is a gap, so one segment.
    @Test func pointsArePinnedWhereTheDataSays() throws {
        let fig = try TrajectoryFigure(x: [0, 1, 2], series: [.init(name: "s", values: [0, 1, nil])], options: Self.fixedRange())
        let points = fig.dotGraph.nodes.filter { $0.id.hasPrefix("s0:") }
        #expect(points.map(\.id) == ["s0:0", "s0:1"])
        #expect(points.map { $0.attributes["pos"] } == [.text("64.00,46.00!"), .text("304.00,306.00!")])
        let segments = fig.dotGraph.edges.filter { $0.from.hasPrefix("s") }.map { "\($0.from)-\($0.to)" }
        #expect(segments == ["s0:0-s0:1"])
        #expect(fig.caption.contains("1 values are undefined and leave gaps; no values are interpolated."))
        #expect(fig.engine == .nop)
    }

    /// The caption's first sentence names the series, unless the only series is named as the
    /// y axis (it would read "E-I index over 2 years (0–1): E-I index.").
    @Test func captionNamesSeriesUnlessTheAxisDoes() throws {
        var options = Self.fixedRange()
        options.yTitle = "E-I index"
        let one = try TrajectoryFigure(x: [0, 1], series: [.init(name: "E-I index", values: [0, 1])], options: options)
        #expect(one.caption.hasPrefix("E-I index over 2 years (0–1)."))
        let two = try TrajectoryFigure(x: [0, 1], series: [.init(name: "A", values: [0, 1]), .init(name: "B", values: [1, 0])], options: options)
        #expect(two.caption.hasPrefix("E-I index over 2 years (0–1): A; B."))
    }

    /// Bounds 0.2–0.6 and 0.4–0.8 at x = 0, 1: band polygon upper (64, 202) (304, 254) then
    /// lower (304, 150) (64, 98) — y = 46 + 260 · value.
    @Test func bandIsAPolygonOverRunsOfKnownBounds() throws {
        let s = TrajectoryFigure.Series(name: "s", values: [0.4, 0.6, 0.5], lower: [0.2, 0.4, nil], upper: [0.6, 0.8, nil])
        let fig = try TrajectoryFigure(x: [0, 1, 2], series: [s], options: Self.fixedRange())
        guard case .text(let bg)? = fig.dotGraph.graphAttributes["_background"] else { Issue.record("no background"); return }
        #expect(bg.contains("P 4 64.00 202.00 304.00 254.00 304.00 150.00 64.00 98.00 "))
        // Colour: #0072B2 mixed 75% with white = #BFDCEC.
        #expect(bg.contains("C 7 -#BFDCEC "))
        #expect(fig.caption.contains("Shaded bands: 95% interval."))
    }

    @Test func loneWindowIntervalIsAWhisker() throws {
        let s = TrajectoryFigure.Series(name: "s", values: [0.5, nil], lower: [0.25, nil], upper: [0.75, nil])
        let fig = try TrajectoryFigure(x: [0, 1], series: [s], options: Self.fixedRange())
        guard case .text(let bg)? = fig.dotGraph.graphAttributes["_background"] else { Issue.record("no background"); return }
        // y(0.25) = 46 + 65 = 111, y(0.75) = 46 + 195 = 241.
        #expect(bg.contains("L 2 64.00 111.00 64.00 241.00 "))
        #expect(!bg.contains("P "))
    }

    @Test func valuesOutsideAFixedRangeAreClampedAndCounted() throws {
        let fig = try TrajectoryFigure(x: [0, 1], series: [.init(name: "s", values: [2, -1])], options: Self.fixedRange())
        let pos = fig.dotGraph.nodes.filter { $0.id.hasPrefix("s0:") }.map { $0.attributes["pos"] }
        // x = 0 → 64, x = 1 → 64 + 480 = 544; 2 → top edge 306, −1 → bottom edge 46.
        #expect(pos == [.text("64.00,306.00!"), .text("544.00,46.00!")])
        #expect(fig.caption.contains("2 values fall outside the fixed axis range"))
    }

    @Test func referenceLineIsDashedAndInTheLegend() throws {
        let fig = try TrajectoryFigure(x: [0, 1], series: [.init(name: "s", values: [0.2, 0.3])],
                                       options: Self.fixedRange { $0.referenceLine = 0.5; $0.referenceName = "chance" })
        let e = try #require(fig.dotGraph.edges.first { $0.from == "ref:a" })
        #expect(e.attributes["style"] == .text("dashed"))
        #expect(fig.dotGraph.text.contains("chance (0.5)"))
    }

    /// Three years resting on 1, 5 and 100 linked pairs. Largest weight 100 → diameter 0.2 in;
    /// 5 → 0.2 · √0.05 = 0.0447, floored at 0.07; 1 → 0.02, floored at 0.07. The years under
    /// the threshold (1 and 5, both < 10) are hollow (white fill) and both segments touch one,
    /// so both are dotted; the heavy year is solid in the series colour.
    @Test func pointsShowTheWeightEachValueRestsOn() throws {
        var options = Self.fixedRange { $0.weightNoun = "linked pair"; $0.weightNounPlural = "linked pairs" }
        options.yTitle = "E-I index"
        let s = TrajectoryFigure.Series(name: "E-I index", values: [1, 0, 0.5], weights: [1, 5, 100])
        let fig = try TrajectoryFigure(x: [2012, 2013, 2014], series: [s], options: options)
        #expect(TrajectoryFigure.solidMinimumWeight == 10)
        let points = fig.dotGraph.nodes.filter { $0.id.hasPrefix("s0:") }
        #expect(points.map { $0.attributes["fillcolor"] } == [.text("white"), .text("white"), .text("#0072B2")])
        #expect(points.map { $0.attributes["width"] } == [.text("0.070"), .text("0.070"), .text("0.200")])
        #expect(points.map { $0.attributes["height"] } == [.text("0.070"), .text("0.070"), .text("0.200")])
        #expect(points.map { $0.attributes["tooltip"] } == [
            .text("E-I index, 2012: 1.000, resting on 1 linked pair (fewer than 10: hollow)"),
            .text("E-I index, 2013: 0.000, resting on 5 linked pairs (fewer than 10: hollow)"),
            .text("E-I index, 2014: 0.500, resting on 100 linked pairs"),
        ])
        let segments = fig.dotGraph.edges.filter { $0.from.hasPrefix("s") }
        #expect(segments.map { $0.attributes["style"] } == [.text("dotted"), .text("dotted")])
        #expect(fig.caption == "E-I index over 3 years (2012–2014). Point area is in proportion to the number of linked pairs each value rests on (largest: 100); values resting on fewer than 10 linked pairs are drawn as hollow points, with dotted lines to them (here 2 years).")
        // The legend shows the solid and hollow samples with the same threshold.
        let dot = fig.dotGraph.text
        #expect(dot.contains("10 or more linked pairs"))
        #expect(dot.contains("fewer than 10 (dotted line to it)"))
        #expect(dot.contains("Point area: number of linked pairs (largest: 100)."))
        // A segment between two solid years stays solid, and the SVG draws the hollow points
        // with a white fill.
        let solid = try TrajectoryFigure(x: [0, 1], series: [.init(name: "s", values: [0, 1], weights: [10, 40])], options: Self.fixedRange())
        #expect(solid.dotGraph.edges.filter { $0.from.hasPrefix("s") }.map { $0.attributes["style"] } == [nil])
        #expect(solid.caption.contains("fewer than 10 observations are drawn as hollow points, with dotted lines to them (none here)."))
        let svg = String(decoding: try fig.render(format: .svg), as: UTF8.self)
        #expect(svg.contains("<ellipse fill=\"white\" stroke=\"#0072b2\""))
        #expect(svg.contains("<ellipse fill=\"#0072b2\" stroke=\"#0072b2\""))
        #expect(svg.contains("stroke-dasharray=\"1,5\""))
    }

    /// Without weights, nothing about them is drawn or said (the claims figure is unchanged).
    @Test func unweightedSeriesSayNothingAboutWeights() throws {
        let fig = try TrajectoryFigure(x: [0, 1], series: [.init(name: "s", values: [0, 1])], options: Self.fixedRange())
        #expect(fig.dotGraph.nodes.filter { $0.id.hasPrefix("s0:") }.map { $0.attributes["width"] } == [.text("0.09"), .text("0.09")])
        #expect(!fig.caption.contains("hollow"))
        #expect(!fig.dotGraph.text.contains("Point area"))
    }

    @Test func rejectsBadInput() {
        let one = TrajectoryFigure.Series(name: "s", values: [1])
        let cases: [(() throws -> TrajectoryFigure, String)] = [
            ({ try TrajectoryFigure(x: [1, 1], series: []) }, "x positions must increase strictly (window 1: 1.0 after 1.0)"),
            ({ try TrajectoryFigure(x: [.nan], series: []) }, "x positions must be finite numbers within ±1e12"),
            ({ try TrajectoryFigure(x: [1, 2], series: [one]) }, "series 0 (s) has 1 values for 2 windows"),
            ({ try TrajectoryFigure(x: [1], series: [.init(name: "s", values: [.infinity])]) }, "series 0 (s) has a number that is not finite or beyond ±1e12 in window 0"),
            ({ try TrajectoryFigure(x: [1, 1e300], series: []) }, "x positions must be finite numbers within ±1e12"),
            ({ try TrajectoryFigure(x: [1], series: [.init(name: "s", values: [-1e13])]) }, "series 0 (s) has a number that is not finite or beyond ±1e12 in window 0"),
            ({ try TrajectoryFigure(x: [1], series: [one], options: Self.fixedRange { $0.referenceLine = .nan }) }, "the reference line must be a finite number within ±1e12"),
            ({ try TrajectoryFigure(x: [1], series: [.init(name: "s", values: [1], lower: [2], upper: [1])]) }, "series 0 (s): lower bound 2.0 above upper bound 1.0 in window 0"),
            ({ try TrajectoryFigure(x: [1], series: [.init(name: "s", values: [1], lower: [])]) }, "series 0 (s) has 0 lower bounds for 1 windows"),
            ({ try TrajectoryFigure(x: [1], series: [one], options: Self.fixedRange { $0.yRange = 1...1 }) }, "the fixed y range must be within ±1e12 and at least 1e-9 wide"),
            ({ try TrajectoryFigure(x: [1, 2], series: [.init(name: "s", values: [1, 1], weights: [3])]) }, "series 0 (s) has 1 weights for 2 windows"),
            ({ try TrajectoryFigure(x: [1, 2], series: [.init(name: "s", values: [1, 1], weights: [3, -1])]) }, "series 0 (s) has a negative weight in window 1"),
        ]
        for (body, message) in cases {
            let e = #expect(throws: GraphvizError.self) { _ = try body() }
            #expect(e?.kind == .invalidInput)
            #expect(e?.message == message)
        }
    }

    @Test func rendersWithoutWarningsAndByteIdentical() throws {
        let a = try TrajectoryFixture.figure(), b = try TrajectoryFixture.figure()
        #expect(a.dotGraph.text == b.dotGraph.text)
        let out = try GraphvizRenderer.renderWithDiagnostics(dot: a.dotGraph.text, engine: a.engine, format: .svg)
        #expect(out.diagnostics == [])
        let svg = String(decoding: out.bytes, as: UTF8.self)
        // The band from _background is in the SVG, in graph coordinates (y flipped).
        #expect(svg.contains("<polygon fill=\"#bfdcec\""))
        for format in FigureFormat.allCases {
            let first = try a.render(format: format), second = try b.render(format: format)
            #expect(first == second, "\(format) differs")
            #expect(first.count > 1000)
        }
    }

    @Test func emptyChartRenders() throws {
        let fig = try TrajectoryFigure(x: [], series: [])
        #expect(String(decoding: try fig.render(format: .svg), as: UTF8.self).contains("<svg"))
        let single = try TrajectoryFigure(x: [2020], series: [.init(name: "s", values: [0.3])])
        #expect(String(decoding: try single.render(format: .png), as: UTF8.self).count > 100)
    }
}

@Suite struct NopEngineTests {
    /// `nop` takes positions as given; a graph without them must fail or render, never crash.
    @Test func nopWithoutPositionsDoesNotCrash() throws {
        let dot = "digraph { a -> b; }"
        do {
            let out = try GraphvizRenderer.renderWithDiagnostics(dot: dot, engine: .nop, format: .svg)
            #expect(String(decoding: out.bytes, as: UTF8.self).contains("<svg"))
        } catch {
            #expect(error.kind == .layout || error.kind == .render)
        }
    }

    @Test func nopKeepsPinnedPositionsInPoints() throws {
        let dot = #"graph { a [pos="10,20!", shape=point]; b [pos="110,20!", shape=point]; a -- b; }"#
        let svg = String(decoding: try GraphvizRenderer.render(dot: dot, engine: .nop, format: .svg), as: UTF8.self)
        // The two points keep their distance of 100 pt exactly.
        let xs = svg.split(separator: "\n").filter { $0.contains("<ellipse") }.compactMap { line -> Double? in
            guard let r = line.range(of: "cx=\"") else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        #expect(xs.count == 2)
        if xs.count == 2 { #expect(abs(abs(xs[1] - xs[0]) - 100) < 0.01) }
    }
}
