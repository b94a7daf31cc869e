/// A line chart of a statistic over time windows (the silo trajectory: E-I index,
/// homophily or an observed/expected ratio per year or sliding window), with optional
/// interval bands, a dashed reference line, axes with tick labels, and a legend inside
/// the image.
///
/// Graphviz is not a plotting library, so the chart is drawn with positions fixed in
/// Swift and laid out by the `nop` engine (`neato -n`: every `pos` is taken as given, in
/// points): points are small nodes, line segments are straight edges, tick labels and
/// axis titles are plaintext nodes, and the axes, grid lines and interval bands are drawn
/// in the graph's `_background` (xdot polygons and polylines, measured to render in SVG,
/// PNG and PDF with libgraphviz 2.43). Straight edges between pinned points are exact:
/// nothing is smoothed, nothing interpolated across a missing window (a `nil` value
/// leaves a gap; a band is drawn only over runs of windows where both bounds are known,
/// and as a whisker for a lone window).
///
/// Colours: Okabe–Ito (see ``Palette``), reordered for lines on white (blue, vermillion,
/// bluish green, reddish purple, orange, sky blue, black, yellow) and each series also
/// gets its own point shape, so the chart survives grey-scale printing. Bands are the
/// series colour mixed 75 % with white.
///
/// Weights: a series may say how many observations (e.g. linked pairs of works) each
/// window's value rests on. Its points then have an area proportional to that count (the
/// largest count of the chart gets ``weightedPointDiameter``'s upper bound, no point is
/// drawn smaller than its lower bound), and a window resting on fewer than
/// ``solidMinimumWeight`` is drawn as a hollow point with the segments to it dotted, so a
/// year resting on 2 citations does not look as sure as one resting on 300. Caption,
/// legend and tooltips say so, reading the threshold from the constant.
///
/// Axis ranges: x spans the first to the last window exactly; y spans the data, bounds and
/// reference line, widened to "nice" ticks (steps of 1, 2 or 5 × 10^k), or the caller's
/// fixed range (values outside are clamped to the edge and the caption says how many).
///
/// Complexity O(s · w) for s series over w windows. Deterministic: coordinates are
/// written with two decimals from the inputs alone.
public struct TrajectoryFigure: Sendable {
    /// One line of the chart.
    public struct Series: Sendable, Equatable {
        /// Legend name ("E-I index, HSR/QI").
        public var name: String
        /// Value per window (`nil`: not defined in that window; the line has a gap).
        public var values: [Double?]
        /// Lower bound of the interval per window (`nil`: none).
        public var lower: [Double?]?
        /// Upper bound of the interval per window.
        public var upper: [Double?]?
        /// How many observations each window's value rests on (≥ 0; `nil`: not known, every
        /// point drawn alike). See the type's "Weights".
        public var weights: [Int]?
        /// Makes a series; `lower`, `upper` and `weights`, when given, have one entry per window.
        public init(name: String, values: [Double?], lower: [Double?]? = nil, upper: [Double?]? = nil, weights: [Int]? = nil) {
            self.name = name
            self.values = values
            self.lower = lower
            self.upper = upper
            self.weights = weights
        }
    }

    /// Figure options.
    public struct Options: Sendable {
        /// Title above the legend (e.g. "Silo trajectory").
        public var title: String?
        /// X axis title ("Year").
        public var xTitle: String = "Year"
        /// Y axis title ("E-I index").
        public var yTitle: String = "Value"
        /// Fixed y range (e.g. −1…1 for E-I); `nil`: from the data.
        public var yRange: ClosedRange<Double>?
        /// A dashed horizontal reference line (e.g. 0 for E-I, 1 for a ratio).
        public var referenceLine: Double?
        /// Legend text of the reference line ("0 = as many ties out as in").
        public var referenceName: String = "reference"
        /// Legend text of the bands ("95% interval").
        public var intervalName: String = "95% interval"
        /// What one window is, for the caption ("year", "5-year window").
        public var windowNoun: String = "year"
        /// What a series' weights count, singular ("linked pair"), for the caption, legend
        /// and tooltips.
        public var weightNoun: String = "observation"
        /// The plural of ``weightNoun`` ("linked pairs").
        public var weightNounPlural: String = "observations"
        /// Plot area width and height in points (axes and labels come on top). Defaults
        /// 480 × 260: legible at a column width.
        public var plotWidth: Double = 480
        /// Plot area height in points.
        public var plotHeight: Double = 260
        /// Whether the image says "Gaps: … without a value" when a value is missing (off
        /// for charts whose empty windows only space out the points).
        public var noteGaps = true
        /// Creates default options.
        public init() {}
    }

    /// Line colours: Okabe–Ito, reordered so the strongest colours on white come first.
    public static let seriesColors: [(name: String, hex: String)] = [
        ("blue", "#0072B2"), ("vermillion", "#D55E00"), ("bluish green", "#009E73"), ("reddish purple", "#CC79A7"),
        ("orange", "#E69F00"), ("sky blue", "#56B4E9"), ("black", "#000000"), ("yellow", "#F0E442"),
    ]
    /// Point shapes per series (cycled with the colours).
    public static let seriesShapes = ["circle", "square", "triangle", "diamond", "invtriangle", "pentagon", "hexagon", "octagon"]
    /// The smallest weight at which a point is drawn solid: a window whose value rests on
    /// fewer observations (a series' `weights`) is drawn hollow, with dotted segments to it.
    /// Ten linked pairs keep the standard error of an E-I index, `2·√(p(1 − p)/n)`, at or
    /// below about 0.32; below that one pair more or less moves the value by 0.2 or more.
    public static let solidMinimumWeight = 10
    /// Point diameter in inches when a series has weights: the largest weight of the chart
    /// gets the upper bound, others an area in proportion (diameter ∝ √weight), never
    /// smaller than the lower bound (so a point of weight 1 stays visible). Unweighted
    /// points are 0.09 in.
    public static let weightedPointDiameter: ClosedRange<Double> = 0.07...0.2
    /// The shapes' names in the legend.
    static let shapeNames = ["circle", "square", "triangle", "diamond", "inverted triangle", "pentagon", "hexagon", "octagon"]

    /// The figure as DOT (every node pinned).
    public let dotGraph: DOTGraph
    /// Caption text.
    public let caption: String
    /// Always ``LayoutEngine/nop``: positions are fixed in the DOT.
    public let engine: LayoutEngine = .nop

    /// Builds the chart.
    ///
    /// - Parameters:
    ///   - x: position of each window on the x axis (e.g. the year, or a window's
    ///     midpoint), finite and strictly increasing.
    ///   - xLabels: optional text per window for tooltips ("2001–2005"); default the x value.
    ///   - series: the lines (at least one value each is not required: an all-`nil`
    ///     series is drawn in the legend only); with `weights`, points are sized and the
    ///     sparse ones hollow (see "Weights" above).
    ///   - options: see ``Options``.
    /// - Throws: ``GraphvizError`` `.invalidInput` when x is not finite and strictly
    ///   increasing, a series' arrays do not have one entry per window, a value or bound is
    ///   not finite, a weight is negative, a lower bound exceeds its upper bound, or the
    ///   fixed range is empty.
    public init(x: [Double], xLabels: [String]? = nil, series: [Series], options: Options = Options()) throws(GraphvizError) {
        func bad(_ what: String) -> GraphvizError { GraphvizError(kind: .invalidInput, message: what) }
        let w = x.count
        // Magnitudes are bounded so that every coordinate and tick stays a finite,
        // printable number (a chart of 1e300 is not a chart).
        let limit = Self.magnitudeLimit
        guard x.allSatisfy({ $0.isFinite && abs($0) <= limit }) else { throw bad("x positions must be finite numbers within ±1e12") }
        for i in 1..<max(1, w) where !(x[i] > x[i - 1]) { throw bad("x positions must increase strictly (window \(i): \(x[i]) after \(x[i - 1]))") }
        if let xLabels, xLabels.count != w { throw bad("\(xLabels.count) x labels for \(w) windows") }
        for (k, s) in series.enumerated() {
            guard s.values.count == w else { throw bad("series \(k) (\(s.name)) has \(s.values.count) values for \(w) windows") }
            if let l = s.lower, l.count != w { throw bad("series \(k) (\(s.name)) has \(l.count) lower bounds for \(w) windows") }
            if let u = s.upper, u.count != w { throw bad("series \(k) (\(s.name)) has \(u.count) upper bounds for \(w) windows") }
            if let n = s.weights {
                guard n.count == w else { throw bad("series \(k) (\(s.name)) has \(n.count) weights for \(w) windows") }
                if let i = n.firstIndex(where: { $0 < 0 }) { throw bad("series \(k) (\(s.name)) has a negative weight in window \(i)") }
            }
            for i in 0..<w {
                for v in [s.values[i], s.lower?[i] ?? nil, s.upper?[i] ?? nil] {
                    if let v, !v.isFinite || abs(v) > limit { throw bad("series \(k) (\(s.name)) has a number that is not finite or beyond ±1e12 in window \(i)") }
                }
                if let lo = s.lower?[i] ?? nil, let hi = s.upper?[i] ?? nil, lo > hi {
                    throw bad("series \(k) (\(s.name)): lower bound \(lo) above upper bound \(hi) in window \(i)")
                }
            }
        }
        if let r = options.yRange, !(r.upperBound - r.lowerBound >= 1e-9) || abs(r.lowerBound) > limit || abs(r.upperBound) > limit {
            throw bad("the fixed y range must be within ±1e12 and at least 1e-9 wide")
        }
        if let r = options.referenceLine, !r.isFinite || abs(r) > limit {
            throw bad("the reference line must be a finite number within ±1e12")
        }

        // Y range and ticks.
        var all: [Double] = []
        for s in series {
            all += s.values.compactMap { $0 }
            all += (s.lower ?? []).compactMap { $0 }
            all += (s.upper ?? []).compactMap { $0 }
        }
        if let r = options.referenceLine, r.isFinite { all.append(r) }
        let yTicks: [Double]
        let yLo: Double, yHi: Double
        if let r = options.yRange {
            yLo = r.lowerBound; yHi = r.upperBound
            yTicks = Self.niceTicks(from: yLo, to: yHi, target: 5).filter { $0 >= yLo - 1e-9 && $0 <= yHi + 1e-9 }
        } else {
            var lo = all.min() ?? 0, hi = all.max() ?? 1
            if hi - lo < 1e-9 { lo -= 1; hi += 1 }
            let ticks = Self.niceTicks(from: lo, to: hi, target: 5)
            yTicks = ticks
            yLo = ticks.first ?? lo; yHi = ticks.last ?? hi
        }
        let xLo = x.first ?? 0, xHi = x.last ?? 1
        let xSpan = xHi > xLo ? xHi - xLo : 1
        let xTicks = Self.niceTicks(from: xLo, to: xHi, target: 7).filter { $0 >= xLo - 1e-9 && $0 <= xHi + 1e-9 }

        // Geometry (points; Graphviz y grows upwards).
        let left = 64.0, bottom = 46.0
        let pw = max(120, options.plotWidth), ph = max(80, options.plotHeight)
        let top = bottom + ph + 28, right = left + pw + 16
        func px(_ v: Double) -> Double { w <= 1 ? left + pw / 2 : left + (v - xLo) / xSpan * pw }
        var clamped = 0
        func py(_ v: Double, count: Bool = false) -> Double {
            var c = v
            if c < yLo { c = yLo; if count { clamped += 1 } }
            if c > yHi { c = yHi; if count { clamped += 1 } }
            return bottom + (c - yLo) / (yHi - yLo) * ph
        }

        var background: [String] = []
        // Grid lines and the plot frame.
        background.append(Self.pen("#E4E4E4") + Self.width(1))
        for t in yTicks { background.append(Self.polyline([(left, py(t)), (left + pw, py(t))])) }
        // Bands.
        for (k, s) in series.enumerated() {
            guard let lower = s.lower, let upper = s.upper else { continue }
            let color = lightened(Self.seriesColors[k % Self.seriesColors.count].hex, by: 0.75)
            var run: [Int] = []
            func flush() {
                if run.count >= 2 {
                    let top = run.map { (px(x[$0]), py(upper[$0] ?? 0)) }
                    let bottomLine = run.reversed().map { (px(x[$0]), py(lower[$0] ?? 0)) }
                    background.append(Self.pen(color) + Self.fill(color) + Self.polygon(top + bottomLine))
                } else if let i = run.first {
                    background.append(Self.pen(color) + Self.width(4) + Self.polyline([(px(x[i]), py(lower[i] ?? 0)), (px(x[i]), py(upper[i] ?? 0))]) + Self.width(1))
                }
                run = []
            }
            for i in 0..<w {
                if lower[i] != nil && upper[i] != nil { run.append(i) } else { flush() }
            }
            flush()
        }
        // Axes and tick marks.
        background.append(Self.pen("#333333") + Self.width(1))
        background.append(Self.polyline([(left, bottom + ph), (left, bottom), (left + pw, bottom)]))
        for t in yTicks { background.append(Self.polyline([(left - 4, py(t)), (left, py(t))])) }
        for t in xTicks { background.append(Self.polyline([(px(t), bottom), (px(t), bottom - 5)])) }
        // A short minor tick at every window, so each point can be read against the axis.
        if w <= 120 {
            for v in x where !xTicks.contains(where: { abs($0 - v) < 1e-9 }) {
                background.append(Self.polyline([(px(v), bottom), (px(v), bottom - 2.5)]))
            }
        }

        var nodes: [DOTNode] = []
        var edges: [DOTEdge] = []
        func pinned(_ id: String, _ p: (Double, Double), _ attributes: DOTAttributes) -> DOTNode {
            var a = attributes
            a["pos"] = .text(Self.fixed(p.0) + "," + Self.fixed(p.1) + "!")
            return DOTNode(id: id, attributes: a)
        }
        // Corners fix the bounding box around the background drawing.
        nodes.append(pinned("corner:ll", (0, 0), ["shape": "point", "style": "invis", "width": "0.01"]))
        nodes.append(pinned("corner:ur", (right, top), ["shape": "point", "style": "invis", "width": "0.01"]))
        // Tick labels and axis titles.
        for t in yTicks {
            nodes.append(pinned("ytick:\(Self.fixed(t))", (left - 8 - 18, py(t)), [
                "shape": "plaintext", "label": .text(Self.tickText(t)), "width": "0.5", "height": "0.2", "fixedsize": "true",
                "fontsize": "11",
            ]))
        }
        for t in xTicks {
            nodes.append(pinned("xtick:\(Self.fixed(t))", (px(t), bottom - 14), [
                "shape": "plaintext", "label": .text(Self.tickText(t)), "height": "0.2", "fixedsize": "false", "fontsize": "11",
            ]))
        }
        nodes.append(pinned("title:x", (left + pw / 2, bottom - 34), ["shape": "plaintext", "label": .text(options.xTitle), "fontsize": "12"]))
        // The y title sits above the axis, starting at the tick labels' left edge: its
        // centre is placed half an estimated text width (0.56 em per character) to the right.
        let yTitleWidth = 0.56 * 12 * Double(options.yTitle.count)
        nodes.append(pinned("title:y", (left - 30 + yTitleWidth / 2, bottom + ph + 16), [
            "shape": "plaintext", "label": .text(options.yTitle), "fontsize": "12",
        ]))
        // Reference line.
        if let r = options.referenceLine, r.isFinite, r >= yLo, r <= yHi {
            nodes.append(pinned("ref:a", (left, py(r)), ["shape": "point", "style": "invis", "width": "0.01"]))
            nodes.append(pinned("ref:b", (left + pw, py(r)), ["shape": "point", "style": "invis", "width": "0.01"]))
            edges.append(DOTEdge(from: "ref:a", to: "ref:b", attributes: [
                "style": "dashed", "color": "#555555", "penwidth": "1.2", "tooltip": .text("\(options.referenceName): \(Self.tickText(r))"),
            ]))
        }
        // Series: segments first (drawn under points thanks to outputorder), then points.
        // Weighted points: area in proportion to the weight, hollow below the threshold.
        var missing = 0
        var sparse = 0  // drawn windows resting on fewer than `solidMinimumWeight`
        var heaviest = 0  // largest weight of a drawn window
        for s in series {
            guard let n = s.weights else { continue }
            for i in 0..<w where s.values[i] != nil { heaviest = max(heaviest, n[i]) }
        }
        let diameters = Self.weightedPointDiameter
        func diameter(_ weight: Int) -> Double {
            guard heaviest > 0 else { return diameters.lowerBound }
            return max(diameters.lowerBound, diameters.upperBound * (Double(weight) / Double(heaviest)).squareRoot())
        }
        for (k, s) in series.enumerated() {
            let color = Self.seriesColors[k % Self.seriesColors.count].hex
            let shape = Self.seriesShapes[k % Self.seriesShapes.count]
            var previous: (index: Int, sparse: Bool)?
            for i in 0..<w {
                guard let v = s.values[i] else { previous = nil; missing += 1; continue }
                let id = "s\(k):\(i)"
                let when = xLabels?[i] ?? Self.tickText(x[i])
                var tip = "\(s.name), \(when): \(Self.valueText(v))"
                if let lo = s.lower?[i] ?? nil, let hi = s.upper?[i] ?? nil {
                    tip += " (\(options.intervalName) \(Self.valueText(lo)) to \(Self.valueText(hi)))"
                }
                var point: DOTAttributes = [
                    "shape": .text(shape), "style": "filled", "fillcolor": .text(color), "color": .text(color),
                    "width": "0.09", "height": "0.09", "fixedsize": "true", "label": "", "tooltip": .text(tip),
                ]
                var isSparse = false
                if let n = s.weights?[i] {
                    isSparse = n < Self.solidMinimumWeight
                    if isSparse { sparse += 1 }
                    let size = Self.inches(diameter(n))
                    point["width"] = .text(size); point["height"] = .text(size)
                    if isSparse { point["fillcolor"] = "white"; point["penwidth"] = "1.5" }
                    point["tooltip"] = .text(tip + ", resting on " + Self.count(n, options.weightNoun, options.weightNounPlural)
                        + (isSparse ? " (fewer than \(Self.solidMinimumWeight): hollow)" : ""))
                }
                nodes.append(pinned(id, (px(x[i]), py(v, count: true)), point))
                if let p = previous {
                    var segment: DOTAttributes = ["color": .text(color), "penwidth": "2", "tooltip": .text(s.name)]
                    if p.sparse || isSparse { segment["style"] = "dotted" }
                    edges.append(DOTEdge(from: "s\(k):\(p.index)", to: id, attributes: segment))
                }
                previous = (i, isSparse)
            }
        }
        let weighted = series.contains { $0.weights != nil }

        // Legend.
        var samples: [FigureLegend.Sample] = []
        for (k, s) in series.enumerated() {
            let c = Self.seriesColors[k % Self.seriesColors.count]
            let shapeNote = series.count > 1 ? " (\(Self.shapeNames[k % Self.shapeNames.count]))" : ""
            samples.append(.line(color: c.hex, height: 3, text: s.name + shapeNote))
            if s.lower != nil && s.upper != nil {
                samples.append(.swatch(fill: lightened(c.hex, by: 0.75), bordered: false, text: "\(options.intervalName), \(s.name)"))
            }
        }
        if weighted {
            // Solid and hollow samples in the first weighted series' colour.
            let k = series.firstIndex { $0.weights != nil } ?? 0
            let c = Self.seriesColors[k % Self.seriesColors.count].hex
            samples.append(.glyph(color: c, glyph: "●", text: "\(Self.solidMinimumWeight) or more \(options.weightNounPlural)"))
            samples.append(.glyph(color: c, glyph: "○", text: "fewer than \(Self.solidMinimumWeight) (dotted line to it)"))
        }
        if let r = options.referenceLine, r.isFinite, r >= yLo, r <= yHi {
            // "E-I = 0" already says where the line is; "chance" does not.
            let at = options.referenceName.contains(Self.tickText(r)) ? "" : " (\(Self.tickText(r)))"
            samples.append(.dashedLine(color: "#555555", text: options.referenceName + at))
        }
        var notes: [String] = []
        if missing > 0 && options.noteGaps { notes.append("Gaps: \(options.windowNoun)s without a value.") }
        if clamped > 0 { notes.append("\(clamped) values outside the axis are drawn at its edge.") }
        if weighted && heaviest > 0 {
            notes.append("Point area: number of \(options.weightNounPlural) (largest: \(heaviest)).")
        }
        let legend = FigureLegend.sampleTable(title: options.title, samples: samples, columns: samples.count > 3 ? 2 : 1, notes: notes)

        var sentences: [String] = []
        let names = series.map(\.name)
        let windows = w == 1 ? "1 \(options.windowNoun)" : "\(w) \(options.windowNoun)s"
        // A single series named as the axis is not named again ("E-I index over 11 years: E-I index").
        let named = names.isEmpty || names == [options.yTitle] ? "." : ": " + names.joined(separator: "; ") + "."
        sentences.append("\(options.yTitle) over \(windows) (\(Self.tickText(xLo))–\(Self.tickText(xHi)))" + named)
        if series.contains(where: { $0.lower != nil && $0.upper != nil }) {
            sentences.append("Shaded bands: \(options.intervalName).")
        }
        if let r = options.referenceLine, r.isFinite {
            sentences.append("Dashed line: \(options.referenceName)" + (options.referenceName.contains(Self.tickText(r)) ? "." : " (\(Self.tickText(r))).")
                + (r < yLo || r > yHi ? " It lies outside the axis range and is not drawn." : ""))
        }
        if weighted {
            let here = sparse == 0 ? "none here" : "here " + Self.count(sparse, options.windowNoun, options.windowNoun + "s")
            sentences.append("Point area is in proportion to the number of \(options.weightNounPlural) each value rests on"
                + (heaviest > 0 ? " (largest: \(heaviest))" : "")
                + "; values resting on fewer than \(Self.solidMinimumWeight) \(options.weightNounPlural) are drawn as hollow points, with dotted lines to them (\(here)).")
        }
        if missing > 0 { sentences.append("\(missing) values are undefined and leave gaps; no values are interpolated.") }
        if clamped > 0 { sentences.append("\(clamped) values fall outside the fixed axis range and are drawn at its edge.") }
        caption = sentences.joined(separator: " ")

        dotGraph = DOTGraph(
            name: "trajectory", directed: false,
            graphAttributes: [
                "label": .html(legend), "labelloc": "b", "labeljust": "l",
                "fontname": "Helvetica", "fontsize": "11", "bgcolor": "white", "pad": "0.2",
                "splines": "line", "outputorder": "edgesfirst",
                "_background": .text(background.joined(separator: " ")),
            ],
            nodeDefaults: ["fontname": "Helvetica", "fontsize": "11", "margin": "0"],
            edgeDefaults: ["penwidth": "2"],
            nodes: nodes, edges: edges)
    }

    // MARK: - Ticks and numbers

    /// Ticks at multiples of a "nice" step (1, 2 or 5 × 10^k) covering `from…to` with
    /// about `target` intervals: first tick ≤ from, last ≥ to. Pure.
    static func niceTicks(from lo: Double, to hi: Double, target: Int) -> [Double] {
        guard lo.isFinite, hi.isFinite, hi > lo else { return lo.isFinite ? [lo] : [] }
        let raw = (hi - lo) / Double(max(1, target))
        // Degenerate spans (overflowing or below 1e-12) get their two ends as ticks.
        guard raw.isFinite, raw >= 1e-12 else { return [lo, hi] }
        var mag = 1.0
        while mag * 10 <= raw { mag *= 10 }
        while mag > raw { mag /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        guard last - first < 1000 else { return [lo, hi] }
        return stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return abs(v) < step * 1e-9 ? 0 : v
        }
    }

    /// Tick text: integers without decimals, others with up to 3 significant decimals,
    /// a true minus sign for negatives. Pure, locale-free.
    static func tickText(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return String(v) }
        let r = (v * 1000).rounded() / 1000
        var s = formatNumber(r)
        if r == r.rounded(), abs(r) < 1e15 { s = String(Int(r)) }
        if s.hasPrefix("-") { s = "−" + s.dropFirst() }
        return s
    }

    /// A value for tooltips: 3 decimals, true minus sign. Pure.
    static func valueText(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return String(v) }
        let n = Int((abs(v) * 1000).rounded())
        let frac = String(n % 1000)
        return (v < 0 && n > 0 ? "−" : "") + "\(n / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// "1 linked pair", "2 linked pairs". Pure.
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }

    /// A size in inches with three decimals ("0.07" → "0.070"), locale-free. Pure.
    static func inches(_ v: Double) -> String { valueText(max(0, min(v, 100))) }

    /// Largest magnitude accepted for x, values, bounds and the y range.
    static let magnitudeLimit = 1e12

    /// A coordinate with two decimals ("12.5" → "12.50"), locale-free. Non-finite values
    /// print as 0 and magnitudes are capped at 1e13 (inputs are validated well below). Pure.
    static func fixed(_ v: Double) -> String {
        let safe = v.isFinite ? min(max(v, -1e13), 1e13) : 0
        if safe != v { return fixed(safe) }
        let n = Int((abs(v) * 100).rounded())
        let frac = String(n % 100)
        return (v < 0 && n > 0 ? "-" : "") + "\(n / 100)." + String(repeating: "0", count: 2 - frac.count) + frac
    }

    // MARK: - xdot drawing operations (for `_background`)

    static func pen(_ hex: String) -> String { "c \(hex.utf8.count) -\(hex) " }
    static func fill(_ hex: String) -> String { "C \(hex.utf8.count) -\(hex) " }
    static func width(_ points: Int) -> String {
        let style = "setlinewidth(\(points))"
        return "S \(style.utf8.count) -\(style) "
    }
    static func polyline(_ points: [(Double, Double)]) -> String {
        "L \(points.count) " + points.map { fixed($0.0) + " " + fixed($0.1) }.joined(separator: " ") + " "
    }
    static func polygon(_ points: [(Double, Double)]) -> String {
        "P \(points.count) " + points.map { fixed($0.0) + " " + fixed($0.1) }.joined(separator: " ") + " "
    }
}

extension TrajectoryFigure: GraphvizFigure {}
