/// A mixing-matrix heatmap: groups × groups (rows: citing group, columns: cited group),
/// each cell coloured by the ratio observed / expected on a log2 scale and labelled with
/// the observed count, the ratio and (optionally) an interval.
///
/// Drawn as one `shape=plaintext` node holding an HTML-like table, with the colour key
/// and notes in a legend inside the image (a graph-level HTML label), laid out by `dot`.
///
/// Colour scale: ColorBrewer **RdBu**, 9 classes, reversed so that blue means below
/// expectation and red above, with a near-white middle class for ratios in [0.8, 1.25].
/// Class breaks are symmetric in log2: ratio < 1/8, [1/8, 1/4), [1/4, 1/2), [1/2, 0.8),
/// [0.8, 1.25], (1.25, 2], (2, 4], (4, 8], > 8 — so a ratio r and 1/r get mirrored colours.
/// Source: Brewer, C. A., Harrower, M. & The Pennsylvania State University, ColorBrewer
/// 2.0, https://colorbrewer2.org (RdBu is marked colour-blind safe there); Harrower, M. &
/// Brewer, C. A. (2003), "ColorBrewer.org: an online tool for selecting colour schemes for
/// maps", *The Cartographic Journal* 40(1):27–37, doi:10.1179/000870403235002042. Cells
/// whose expected count is 0 or not a number have no ratio and are grey (`#BDBDBD`, not in
/// the scale). Within-group (diagonal) cells have a heavier border.
///
/// With per-cell p-values of the null (`pValues`), a cell whose count chance gives too
/// often to tell (two-sided p ≥ ``Options/level``) is white whatever its ratio — with few
/// expected citations a ratio of 0 or 3 means nothing — and its ratio is written in grey;
/// cells without one (summed over merged groups) are tested against a Poisson count with
/// the expected mean instead (``poissonTwoSidedP(observed:expected:)``).
/// The caption's lowest and highest ratios are taken over the coloured (not white) cells.
///
/// Complexity O(g²) for g groups. Deterministic: the DOT text depends only on the inputs.
public struct MixingHeatmapFigure: Sendable {
    /// Figure options.
    public struct Options: Sendable {
        /// Header over the row names ("Citing literature").
        public var rowTitle: String = "Citing literature"
        /// Header over the column names ("Cited literature").
        public var columnTitle: String = "Cited literature"
        /// What is counted ("citations").
        public var countNoun: String = "citations"
        /// The null model the expectation comes from ("label permutation").
        public var nullName: String = "the null model"
        /// Optional title above the legend.
        public var title: String?
        /// Longest group name, in characters (wrapped at about 14 per line). Default 48.
        public var nameLength: Int = 48
        /// Two-sided p at or above which a cell is drawn white as "within chance". Default 0.05.
        public var level: Double = 0.05
        /// Creates default options.
        public init() {}
    }

    /// The nine classes of the scale, from far below expectation to far above: the
    /// colour and the range of ratios it stands for, as written in the key.
    public static let scale: [(hex: String, range: String)] = [
        ("#2166AC", "< 1/8"), ("#4393C3", "1/8–1/4"), ("#92C5DE", "1/4–1/2"), ("#D1E5F0", "1/2–0.8"),
        ("#F7F7F7", "0.8–1.25"),
        ("#FDDBC7", "1.25–2"), ("#F4A582", "2–4"), ("#D6604D", "4–8"), ("#B2182B", "> 8"),
    ]
    /// Colour of cells with no ratio (expected count 0 or not a number).
    public static let noRatioColor = "#BDBDBD"
    /// Colour of cells whose count is within chance (p ≥ ``Options/level``).
    public static let withinChanceColor = "#FFFFFF"

    /// The scale class (0…8) of `ratio`, or `nil` when it is NaN or infinite. Ratio 0 is
    /// class 0. Pure.
    public static func scaleClass(ratio: Double) -> Int? {
        guard ratio.isFinite, ratio >= 0 else { return nil }
        if ratio < 1.0 / 8 { return 0 }
        if ratio < 1.0 / 4 { return 1 }
        if ratio < 1.0 / 2 { return 2 }
        if ratio < 0.8 { return 3 }
        if ratio <= 1.25 { return 4 }
        if ratio <= 2 { return 5 }
        if ratio <= 4 { return 6 }
        if ratio <= 8 { return 7 }
        return 8
    }

    /// The figure as DOT.
    public let dotGraph: DOTGraph
    /// Caption text.
    public let caption: String
    /// Always ``LayoutEngine/dot`` (one node; the engine only sizes it).
    public let engine: LayoutEngine = .dot

    /// Builds the heatmap.
    ///
    /// - Parameters:
    ///   - groupNames: the g groups, in row and column order.
    ///   - observed: `observed[i][j]` = count from group i (citing) to group j (cited), ≥ 0.
    ///   - expected: the count expected under the null, ≥ 0, or NaN when undefined.
    ///   - intervals: optional text per cell (e.g. "0.2–0.5"), written under the ratio.
    ///   - pValues: optional two-sided p of each cell under the null (`nil` entries: untested).
    ///   - options: see ``Options``.
    /// - Throws: ``GraphvizError`` `.invalidInput` when a matrix is not g × g, a count is
    ///   negative, or an expectation is negative or infinite.
    public init(
        groupNames: [String], observed: [[Int]], expected: [[Double]], intervals: [[String?]]? = nil,
        pValues: [[Double?]]? = nil, options: Options = Options()
    ) throws(GraphvizError) {
        let g = groupNames.count
        func bad(_ what: String) -> GraphvizError { GraphvizError(kind: .invalidInput, message: what) }
        guard observed.count == g, observed.allSatisfy({ $0.count == g }) else { throw bad("observed counts are not \(g) × \(g)") }
        guard expected.count == g, expected.allSatisfy({ $0.count == g }) else { throw bad("expected counts are not \(g) × \(g)") }
        if let intervals, intervals.count != g || !intervals.allSatisfy({ $0.count == g }) { throw bad("intervals are not \(g) × \(g)") }
        if let pValues, pValues.count != g || !pValues.allSatisfy({ $0.count == g }) { throw bad("p-values are not \(g) × \(g)") }
        for i in 0..<g {
            for j in 0..<g {
                if observed[i][j] < 0 { throw bad("observed count \(observed[i][j]) in row \(i), column \(j) is negative") }
                let e = expected[i][j]
                if e.isInfinite || e < 0 { throw bad("expected count \(e) in row \(i), column \(j) is not a non-negative number") }
            }
        }

        func name(_ i: Int) -> String { wrappedLabel(truncatedLabel(groupNames[i], limit: options.nameLength), width: 14) }
        func nameCell(_ i: Int, align: String) -> HTMLLabel {
            let lines = name(i).split(separator: "\n").map { HTMLLabel.text(String($0)) }
            var joined: [HTMLLabel] = []
            for (k, l) in lines.enumerated() {
                if k > 0 { joined.append(.markup("<BR ALIGN=\"\(align)\"/>")) }
                joined.append(l)
            }
            return .joined(joined)
        }

        var parts: [HTMLLabel] = [.markup("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"5\">")]
        // Column title row, then the column names.
        parts.append(.markup("<TR><TD></TD><TD COLSPAN=\"\(max(1, g))\"><B>") + .text(options.columnTitle + " →") + .markup("</B></TD></TR>"))
        parts.append(.markup("<TR><TD ALIGN=\"RIGHT\" VALIGN=\"BOTTOM\"><B>") + .text(options.rowTitle + " ↓") + .markup("</B></TD>"))
        for j in 0..<g {
            parts.append(.markup("<TD VALIGN=\"BOTTOM\"><B>") + nameCell(j, align: "CENTER") + .markup("</B></TD>"))
        }
        parts.append(.markup("</TR>"))
        var lowest: (ratio: Double, i: Int, j: Int)?
        var highest: (ratio: Double, i: Int, j: Int)?
        var greyCells = 0
        var chanceCells = 0
        var untested = 0
        var silentRows: [Int] = []
        for i in 0..<g {
            parts.append(.markup("<TR><TD ALIGN=\"RIGHT\"><B>") + nameCell(i, align: "RIGHT") + .markup("</B></TD>"))
            // A group that makes no citations at all has no row to compare: its zeros say
            // its works are only cited here, not that it avoids anyone.
            let silent = observed[i].allSatisfy { $0 == 0 }
            if silent { silentRows.append(i) }
            for j in 0..<g {
                let o = observed[i][j], e = expected[i][j]
                let ratio = e > 0 ? Double(o) / e : .nan
                // The cell's p: the null's, else (a cell of merged groups) the Poisson fallback.
                let tested = pValues?[i][j]
                let untestedCell = pValues != nil && tested == nil && !silent && Self.scaleClass(ratio: ratio) != nil
                if untestedCell { untested += 1 }
                let fill: String
                var lines: [HTMLLabel] = [.markup("<B>") + .text(String(o)) + .markup("</B>")]
                if silent {
                    fill = Self.noRatioColor
                    lines.append(.text("cites none"))
                } else if Self.scaleClass(ratio: ratio) != nil, pValues != nil,
                          (tested ?? Self.poissonTwoSidedP(observed: o, expected: e)) >= options.level {
                    fill = Self.withinChanceColor
                    lines.append(.markup("<FONT COLOR=\"#777777\">") + .text(Self.ratioText(ratio) + "×") + .markup("</FONT>"))
                    chanceCells += 1
                } else if let c = Self.scaleClass(ratio: ratio) {
                    fill = Self.scale[c].hex
                    lines.append(.text(Self.ratioText(ratio) + "×"))
                    if i != j {
                        if lowest == nil || ratio < (lowest?.ratio ?? 0) { lowest = (ratio, i, j) }
                        if highest == nil || ratio > (highest?.ratio ?? 0) { highest = (ratio, i, j) }
                    }
                } else {
                    fill = Self.noRatioColor
                    lines.append(.text("no ratio"))
                    greyCells += 1
                }
                if let text = intervals?[i][j], !text.isEmpty {
                    lines.append(.markup("<FONT POINT-SIZE=\"9\">") + .text(text) + .markup("</FONT>"))
                }
                let ink = Palette.contrastingText(on: fill)
                let border = i == j ? " BORDER=\"2\" COLOR=\"#333333\"" : " BORDER=\"1\" COLOR=\"#FFFFFF\""
                var cell: [HTMLLabel] = [.markup("<TD BGCOLOR=\"\(fill)\"\(border) WIDTH=\"64\" HEIGHT=\"44\"><FONT COLOR=\"\(ink)\">")]
                for (k, l) in lines.enumerated() {
                    if k > 0 { cell.append(.markup("<BR/>")) }
                    cell.append(l)
                }
                cell.append(.markup("</FONT></TD>"))
                parts.append(.joined(cell))
            }
            parts.append(.markup("</TR>"))
        }
        parts.append(.markup("</TABLE>"))
        let table = HTMLLabel.joined(parts)

        // Legend: title, the colour key as one row of labelled cells, notes.
        var legend: [HTMLLabel] = [.markup("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">")]
        let title = options.title.map { $0 + " — observed / expected" } ?? "Observed / expected \(options.countNoun)"
        legend.append(.markup("<TR><TD ALIGN=\"LEFT\"><B>") + .text(title) + .markup("</B></TD></TR>"))
        legend.append(.markup("<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\"><TR>"))
        for s in Self.scale {
            legend.append(.markup("<TD BGCOLOR=\"\(s.hex)\" WIDTH=\"52\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Palette.contrastingText(on: s.hex))\">") + .text(s.range) + .markup("</FONT></TD>"))
        }
        legend.append(.markup("<TD WIDTH=\"8\"></TD><TD BGCOLOR=\"\(Self.noRatioColor)\"><FONT POINT-SIZE=\"9\">") + .text("no ratio") + .markup("</FONT></TD>"))
        if pValues != nil {
            legend.append(.markup("<TD WIDTH=\"4\"></TD><TD BGCOLOR=\"\(Self.withinChanceColor)\" BORDER=\"1\" COLOR=\"#BBBBBB\"><FONT POINT-SIZE=\"9\" COLOR=\"#777777\">") + .text("within chance") + .markup("</FONT></TD>"))
        }
        legend.append(.markup("</TR><TR>"))
        legend.append(.markup("<TD COLSPAN=\"4\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">") + .text("← fewer than expected") + .markup("</FONT></TD><TD></TD>"))
        legend.append(.markup("<TD COLSPAN=\"4\" ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"9\">") + .text("more than expected →") + .markup("</FONT></TD><TD></TD><TD></TD>"))
        legend.append(.markup("</TR></TABLE></TD></TR>"))
        var notes = [
            "Each cell: observed \(options.countNoun) (bold) and observed / expected under \(options.nullName)"
                + (intervals != nil ? ", then its interval." : "."),
            "Colour: ColorBrewer RdBu, log2 classes; outlined cells: within a group.",
        ]
        if greyCells > 0 { notes.append("Grey: expected count 0 or undefined, so no ratio.") }
        if pValues != nil {
            notes.append("White, ratio in grey: chance gives a count this far from expected too often to tell (two-sided p ≥ \(Self.ratioText(options.level)))"
                + (untested > 0 ? "; cells of merged groups, which the shuffles do not test, against a Poisson count with the expected mean." : "."))
        }
        if !silentRows.isEmpty { notes.append("Grey rows (cites none): the group's works make no citations here; they are only cited.") }
        for note in notes {
            legend.append(.markup("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">") + .text(note) + .markup("</FONT></TD></TR>"))
        }
        legend.append(.markup("</TABLE>"))

        var sentences = [
            "Mixing matrix of \(g) groups: rows are the citing group (\(options.rowTitle)), columns the cited group (\(options.columnTitle)).",
            "Each cell gives the observed number of \(options.countNoun) and the ratio observed / expected under \(options.nullName)"
                + (intervals != nil ? ", with its interval" : "") + "; colour encodes the ratio on a log2 scale (ColorBrewer RdBu: blue below expectation, white near 1, red above).",
        ]
        if let lowest {
            sentences.append("Lowest ratio between different groups: \(groupNames[lowest.i]) → \(groupNames[lowest.j]), \(Self.ratioText(lowest.ratio))×.")
        }
        if let highest {
            sentences.append("Highest: \(groupNames[highest.i]) → \(groupNames[highest.j]), \(Self.ratioText(highest.ratio))×.")
        }
        if greyCells > 0 { sentences.append("\(greyCells) cells have an expected count of 0 or none defined and are grey.") }
        if pValues != nil {
            sentences.append("\(chanceCells) of the \(g * g) cells are white: their count is within what \(options.nullName) gives (two-sided p ≥ \(Self.ratioText(options.level))), so their ratio, written in grey, says nothing either way"
                + (untested > 0 ? "; the \(untested) cells of merged groups, which the shuffles do not test, are judged against a Poisson count with the expected mean instead (an approximation)." : "."))
        }
        if !silentRows.isEmpty {
            let names = silentRows.map { groupNames[$0] }.joined(separator: ", ")
            sentences.append("\(silentRows.count == 1 ? "One group makes" : "\(silentRows.count) groups make") no citations in this dataset (\(names)): \(silentRows.count == 1 ? "its row is" : "their rows are") grey, with no ratio, since a group that cites nothing says nothing about whom it avoids.")
        }
        caption = sentences.joined(separator: " ")

        dotGraph = DOTGraph(
            name: "heatmap", directed: false,
            graphAttributes: [
                "label": .html(.joined(legend)), "labelloc": "b", "labeljust": "l",
                "fontname": "Helvetica", "fontsize": "11", "bgcolor": "white", "pad": "0.25",
            ],
            nodeDefaults: ["fontname": "Helvetica", "fontsize": "11"],
            nodes: [DOTNode(id: "matrix", attributes: ["shape": "plaintext", "margin": "0", "label": .html(table), "tooltip": .text(options.title ?? "mixing matrix")])])
    }

    /// A ratio with two significant decimals below 10 ("0.31", "1.2" → "1.20"), one up to
    /// 100 ("12.5"), none above. Pure, locale-free.
    static func ratioText(_ r: Double) -> String {
        guard r.isFinite, r >= 0, r < 1e12 else { return String(r) }
        if r >= 100 { return String(Int(r.rounded())) }
        let digits = r >= 10 ? 1 : 2
        let scale = digits == 1 ? 10.0 : 100.0
        let v = Int((r * scale).rounded())
        let whole = v / Int(scale), frac = v % Int(scale)
        let fracText = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - fracText.count) + fracText
    }
}

extension MixingHeatmapFigure: GraphvizFigure {}
