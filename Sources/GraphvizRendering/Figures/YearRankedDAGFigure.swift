import NetworkCore

/// A DAG laid out by year: main paths, historiographs and model or concept lineage.
///
/// One rank per year (`dot`, a `rank=same` subgraph per year) and a visible year axis
/// down the left side (one plaintext node per year, joined by a thin line; a dotted
/// stretch marks skipped years without works). With more than ``Options/maxYearRows``
/// distinct years, years are grouped into periods (2, 3, 5, 10, … years) so the figure
/// stays printable, and the caption says so. Works without a year share a last rank
/// labelled ``Options/undatedLabel``. Nodes are boxes with the label inside, filled with
/// the colour of their group (``Palette``, Okabe–Ito) and named in a legend drawn inside
/// the image.
///
/// Arcs: input arcs are read per ``Options/arcInput`` (default citing → cited) and drawn
/// per ``Options/arrows`` (default knowledge flow: from the older, cited work to the
/// newer, citing one, so arrows point down the year axis). Arcs between two different
/// known groups are drawn as a double line; arcs pointing back in time (a work citing a
/// later one) are dashed and do not constrain the ranks. Optional arc weights (e.g. SPC)
/// become pen width, with a note in the legend and caption. Optional highlighted arcs and
/// nodes (e.g. the main path) are drawn black and thick, everything else faint.
///
/// Reduction (never a hang): at most ``Options/maxNodes`` nodes are drawn, and never more
/// than ``Options/hardMaxNodes`` (150) — highlighted nodes first, then the rest by the
/// caller's score (descending; NaN counts as lowest; ties: lower index first; without
/// scores, degree in the input). At most ``Options/maxArcs`` arcs are drawn — highlighted
/// first, then by weight (or by the summed score of their ends; ties: lower (tail, head)).
/// The caption and the legend state every reduction.
///
/// Complexity: O(n log n + m log m) to build; `dot` then takes well under a second for a
/// few dozen works and ~3–4 s for the worst case allowed (150 works, 300 long arcs spanning
/// 70 years; measured in the preview tests on this machine). Determinism: the DOT text depends only on the inputs (nodes in
/// ascending index, years ascending, arcs in ascending drawn (tail, head) order), so the
/// rendered bytes are identical for identical inputs.
public struct YearRankedDAGFigure: Sendable {
    /// How the input arcs read.
    public enum ArcInput: Sendable, Equatable {
        /// `u → v` means u cites v (citation data; knowledge flows from v to u). Also the
        /// reading of lineage arcs "u derives from v".
        case citingToCited
        /// `u → v` means knowledge flows from u to v (already in flow direction).
        case sourceToDerived
    }

    /// Which way arrows point in the figure.
    public enum ArrowDirection: Sendable, Equatable {
        /// From the older, cited work to the newer, citing one (down the year axis).
        case knowledgeFlow
        /// From the citing work to the cited one (up the year axis).
        case citation
    }

    /// Figure options.
    public struct Options: Sendable {
        /// The most nodes any figure draws, whatever ``maxNodes`` says: `dot` slows down
        /// sharply beyond (ARCHITECTURE.md §5) and labels stop being readable.
        public static let hardMaxNodes = 150
        /// Most nodes drawn (top by score, highlighted first). Clamped to 1…150. Default 150.
        public var maxNodes: Int = 150
        /// Most arcs drawn (highlighted first, then heaviest). Default 300.
        public var maxArcs: Int = 300
        /// Name of the score used for the reduction, as shown in the caption.
        public var scoreName: String = "local citation score"
        /// Plural noun for the nodes ("works", "models", "concepts").
        public var nodeNoun: String = "works"
        /// Legend title naming the partition ("Literature").
        public var groupTitle: String = "Literature"
        /// Plural noun for the groups, used in sentences ("arcs between literatures").
        public var groupPlural: String = "literatures"
        /// Optional title written above the legend.
        public var title: String?
        /// How input arcs read. Default ``ArcInput/citingToCited``.
        public var arcInput: ArcInput = .citingToCited
        /// Arrow direction. Default ``ArrowDirection/knowledgeFlow``.
        public var arrows: ArrowDirection = .knowledgeFlow
        /// Name of the arc weight (e.g. "SPC"), shown in the legend and caption when
        /// weights are given. Default "weight".
        public var weightName: String = "weight"
        /// What the highlighted arcs are ("main path").
        public var highlightName: String = "main path"
        /// Longest label, in characters (tooltips keep the full text). Default 40.
        public var labelLength: Int = 40
        /// Line width of labels inside boxes, in characters. Default 18.
        public var labelWrap: Int = 18
        /// Draw only years that have nodes (a dotted axis stretch marks the gaps). When
        /// `false`, every year from the first to the last gets a rank (up to
        /// ``maxYearRows`` rows; longer spans are collapsed anyway, and the caption says
        /// so). Default `true`.
        public var collapseEmptyYears: Bool = true
        /// Most rows (ranks) of the year axis. With more distinct years than this, years
        /// are grouped into periods of 2, 3, 5, 10, 20, 25, 50, 100 or 1000 years (the
        /// smallest that fits), one row each, and the caption says so. Default 60.
        public var maxYearRows: Int = 60
        /// Axis label of the rank of nodes without a year.
        public var undatedLabel: String = "no year"
        /// Creates default options.
        public init() {}
    }

    /// The figure as DOT (for `dot`).
    public let dotGraph: DOTGraph
    /// Caption text: what is drawn, the reductions, the encodings.
    public let caption: String
    /// Input node indices drawn, ascending.
    public let shownNodes: [Int32]
    /// Indices into the input `arcs` of the arcs drawn (one per drawn arc; for duplicate
    /// input arcs the first), ascending.
    public let shownArcs: [Int]
    /// Always ``LayoutEngine/dot``.
    public let engine: LayoutEngine = .dot

    /// Builds the figure.
    ///
    /// - Parameters:
    ///   - nodeCount: number of nodes; indices `0..<nodeCount`.
    ///   - years: year of each node (`nil`: unknown).
    ///   - arcs: `(u, v)` pairs read per ``Options/arcInput``; self-loops are ignored and
    ///     duplicates drawn once (largest weight, highlighted if any copy is).
    ///   - partition: group of each node (colours and the legend).
    ///   - labels: short label of each node ("Hummon 1989"), drawn inside its box.
    ///   - tooltips: full text per node for SVG tooltips (default: the label).
    ///   - dois: DOI per node; valid ones become `https://doi.org/…` links in SVG.
    ///   - scores: score per node for the reduction (e.g. local citation score, SPC).
    ///   - arcWeights: weight per input arc (finite, ≥ 0), drawn as pen width.
    ///   - highlightedArcs: indices into `arcs` to draw strongly (the main path); their
    ///     ends are highlighted too.
    ///   - highlightedNodes: further nodes to draw strongly.
    ///   - options: see ``Options``.
    /// - Throws: ``GraphvizError`` `.invalidInput` naming the first inconsistent input
    ///   (array lengths, arc or node index out of range, negative or non-finite weight).
    public init(
        nodeCount: Int, years: [Int?], arcs: [(Int32, Int32)], partition: Partition, labels: [String],
        tooltips: [String]? = nil, dois: [String?]? = nil, scores: [Double]? = nil, arcWeights: [Double]? = nil,
        highlightedArcs: Set<Int> = [], highlightedNodes: Set<Int32> = [], options: Options = Options()
    ) throws(GraphvizError) {
        func bad(_ what: String) -> GraphvizError { GraphvizError(kind: .invalidInput, message: what) }
        guard nodeCount >= 0 else { throw bad("negative node count \(nodeCount)") }
        guard years.count == nodeCount else { throw bad("\(years.count) years for \(nodeCount) nodes") }
        guard partition.nodeCount == nodeCount else { throw bad("partition covers \(partition.nodeCount) nodes, expected \(nodeCount)") }
        guard labels.count == nodeCount else { throw bad("\(labels.count) labels for \(nodeCount) nodes") }
        if let i = years.firstIndex(where: { $0.map { !(-9999...9999).contains($0) } ?? false }), let y = years[i] {
            throw bad("year \(y) of node \(i) is outside -9999…9999")
        }
        if let tooltips, tooltips.count != nodeCount { throw bad("\(tooltips.count) tooltips for \(nodeCount) nodes") }
        if let dois, dois.count != nodeCount { throw bad("\(dois.count) DOIs for \(nodeCount) nodes") }
        if let scores, scores.count != nodeCount { throw bad("\(scores.count) scores for \(nodeCount) nodes") }
        if let arcWeights {
            guard arcWeights.count == arcs.count else { throw bad("\(arcWeights.count) arc weights for \(arcs.count) arcs") }
            if let i = arcWeights.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw bad("arc weight \(arcWeights[i]) of arc \(i) is not a finite non-negative number")
            }
        }
        for (i, (u, v)) in arcs.enumerated() where u < 0 || v < 0 || Int(u) >= nodeCount || Int(v) >= nodeCount {
            throw bad("arc \(i) (\(u), \(v)) names a node outside 0..<\(nodeCount)")
        }
        if let a = highlightedArcs.first(where: { $0 < 0 || $0 >= arcs.count }) {
            throw bad("highlighted arc \(a) is outside 0..<\(arcs.count)")
        }
        if let v = highlightedNodes.first(where: { $0 < 0 || Int($0) >= nodeCount }) {
            throw bad("highlighted node \(v) is outside 0..<\(nodeCount)")
        }

        // Distinct drawn pairs (tail, head in the drawing), each with its first input arc,
        // its largest weight and whether any copy is highlighted.
        struct DrawnArc { var tail: Int32; var head: Int32; var firstInput: Int; var weight: Double; var highlighted: Bool }
        var byPair: [UInt64: DrawnArc] = [:]
        for (i, (u, v)) in arcs.enumerated() where u != v {
            // Knowledge flow source → target.
            let (source, target) = options.arcInput == .citingToCited ? (v, u) : (u, v)
            let (tail, head) = options.arrows == .knowledgeFlow ? (source, target) : (target, source)
            let key = UInt64(UInt32(tail)) << 32 | UInt64(UInt32(head))
            let w = arcWeights?[i] ?? 0
            let h = highlightedArcs.contains(i)
            if var d = byPair[key] {
                d.weight = max(d.weight, w)
                d.highlighted = d.highlighted || h
                byPair[key] = d
            } else {
                byPair[key] = DrawnArc(tail: tail, head: head, firstInput: i, weight: w, highlighted: h)
            }
        }
        let allArcs = byPair.keys.sorted().compactMap { byPair[$0] }

        var isHighlighted = [Bool](repeating: false, count: nodeCount)
        for v in highlightedNodes { isHighlighted[Int(v)] = true }
        for d in allArcs where d.highlighted { isHighlighted[Int(d.tail)] = true; isHighlighted[Int(d.head)] = true }
        let highlighting = isHighlighted.contains(true)

        // Ranking for the reduction.
        let rankScore: [Double]
        let scoreName: String
        if let scores {
            rankScore = scores.map { $0.isNaN ? -.infinity : $0 }
            scoreName = options.scoreName
        } else {
            var degree = [Double](repeating: 0, count: nodeCount)
            for d in allArcs { degree[Int(d.tail)] += 1; degree[Int(d.head)] += 1 }
            rankScore = degree
            scoreName = "degree"
        }
        let ranked = (0..<nodeCount).sorted { rankScore[$0] != rankScore[$1] ? rankScore[$0] > rankScore[$1] : $0 < $1 }
        let k = min(max(1, options.maxNodes), Options.hardMaxNodes)
        var keep = [Bool](repeating: false, count: nodeCount)
        var kept = 0
        for v in ranked where isHighlighted[v] && kept < k { keep[v] = true; kept += 1 }
        let highlightedDropped = isHighlighted.filter { $0 }.count - kept
        for v in ranked where !keep[v] && kept < k { keep[v] = true; kept += 1 }
        let nodesReduced = kept < nodeCount
        let shown = (0..<nodeCount).filter { keep[$0] }.map { Int32($0) }
        self.shownNodes = shown

        // Arcs among the kept nodes, capped.
        let among = allArcs.filter { keep[Int($0.tail)] && keep[Int($0.head)] }
        let maxArcs = max(0, options.maxArcs)
        var drawn = among
        if among.count > maxArcs {
            let order = among.indices.sorted { a, b in
                let x = among[a], y = among[b]
                if x.highlighted != y.highlighted { return x.highlighted }
                if arcWeights != nil, x.weight != y.weight { return x.weight > y.weight }
                let sx = rankScore[Int(x.tail)] + rankScore[Int(x.head)], sy = rankScore[Int(y.tail)] + rankScore[Int(y.head)]
                if sx != sy { return sx > sy }
                return a < b
            }
            let chosen = Set(order.prefix(maxArcs))
            drawn = among.indices.filter { chosen.contains($0) }.map { among[$0] }
        }
        self.shownArcs = drawn.map(\.firstInput).sorted()

        // Ranks: one per year present (or per year of the span), or per period of
        // `period` years when there are more than `maxYearRows` of them; undated last.
        func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        let distinctYears = Set(shown.compactMap { years[Int($0)] })
        var period = 1
        for p in [1, 2, 3, 5, 10, 20, 25, 50, 100, 1000] {
            period = p
            let keys = Set(distinctYears.map { floorDiv($0, p) })
            let rows = options.collapseEmptyYears ? keys.count : (keys.max() ?? 0) - (keys.min() ?? 0) + 1
            if rows <= max(2, options.maxYearRows) { break }
        }
        let shownKeys = Set(distinctYears.map { floorDiv($0, period) }).sorted()
        var axisKeys = shownKeys
        var spanCollapsed = false
        if !options.collapseEmptyYears, let first = shownKeys.first, let last = shownKeys.last {
            if last - first < max(2, options.maxYearRows) { axisKeys = Array(first...last) } else { spanCollapsed = true }
        }
        let hasUndated = shown.contains { years[Int($0)] == nil }
        // No work has a year: no axis and no rows; dot layers the works by their arcs
        // (one long row otherwise — a 40-work main path came out 12,896 px wide).
        let undatedOnly = axisKeys.isEmpty
        var rankOfKey: [Int: Int] = [:]
        for (i, y) in axisKeys.enumerated() { rankOfKey[y] = i }
        let undatedRank = axisKeys.count
        func rank(_ v: Int32) -> Int { years[Int(v)].flatMap { rankOfKey[floorDiv($0, period)] } ?? undatedRank }
        var skippedRows = 0
        for (a, b) in zip(axisKeys, axisKeys.dropFirst()) { skippedRows += b - a - 1 }
        func keyLabel(_ k: Int) -> String { period == 1 ? String(k) : "\(k * period)–\(k * period + period - 1)" }
        let rowNoun = period == 1 ? "year" : "\(period)-year period"

        // Styles.
        let groupSizes = partition.groupSizes()
        let withShapes = Palette.needsShapes(groupCount: partition.groupCount - (partition.missingGroup == nil ? 0 : 1))
        func style(_ g: Int32) -> GroupStyle { Palette.style(group: Int(g), isMissing: g == partition.missingGroup) }
        func isCross(_ u: Int32, _ v: Int32) -> Bool {
            let gu = partition.groupOf[Int(u)], gv = partition.groupOf[Int(v)]
            return gu != gv && gu != partition.missingGroup && gv != partition.missingGroup
        }
        let maxWeight = drawn.map(\.weight).max() ?? 0
        let weighted = arcWeights != nil && maxWeight > 0

        // Nodes.
        var nodes: [DOTNode] = []
        nodes.reserveCapacity(shown.count + axisKeys.count + 1)
        for v in shown {
            let i = Int(v)
            let g = partition.groupOf[i]
            let st = style(g)
            let groupName = partition.groupNames[Int(g)]
            let yearText = years[i].map(String.init) ?? options.undatedLabel
            let label = wrappedLabel(truncatedLabel(labels[i], limit: options.labelLength), width: max(8, options.labelWrap))
            let faint = highlighting && !isHighlighted[i]
            var attributes: DOTAttributes = [
                "label": .text(label.isEmpty ? " " : label),
                "fillcolor": .text(faint ? lightened(st.fill, by: 0.6) : st.fill),
                "fontcolor": .text(faint ? "#444444" : st.fontColor),
                "tooltip": .text((tooltips?[i] ?? labels[i]) + " — " + groupName + ", " + yearText),
            ]
            if withShapes && st.shape != "circle" {
                // Beyond 8 groups the colours repeat; the box outline style tells them apart.
                attributes["style"] = .text(Self.outlineStyles[(Int(g) / Palette.colors.count) % Self.outlineStyles.count])
                attributes["penwidth"] = "2"
            }
            if highlighting {
                attributes["color"] = .text(faint ? "#999999" : "#000000")
                attributes["penwidth"] = .text(faint ? "0.6" : "2.4")
            }
            if let doi = dois?[i], let url = DOILink.url(forDOI: doi) {
                attributes["URL"] = .text(url)
                attributes["target"] = "_blank"
            }
            nodes.append(DOTNode(id: "n\(i)", attributes: attributes))
        }
        func axisID(_ r: Int) -> String { r == undatedRank ? "year:none" : "year:\(keyLabel(axisKeys[r]))" }
        var rankCount = axisKeys.count
        if hasUndated && !undatedOnly { rankCount += 1 }
        for r in 0..<rankCount {
            let text = r == undatedRank ? options.undatedLabel : keyLabel(axisKeys[r])
            nodes.append(DOTNode(id: axisID(r), attributes: [
                "shape": "plaintext", "style": "solid", "label": .text(text), "fontsize": "12", "fontcolor": "#333333",
                "tooltip": .text(text), "width": "0.6",
            ]))
        }

        // One rank=same subgraph per year: the axis node first, then the year's nodes.
        var members = [[Int32]](repeating: [], count: rankCount)
        for v in shown where !undatedOnly { members[rank(v)].append(v) }
        var subgraphs: [DOTSubgraph] = []
        for r in 0..<rankCount {
            subgraphs.append(.sameRank(name: "rank_" + axisID(r), nodeIDs: [axisID(r)] + members[r].map { "n\($0)" }))
        }

        // Axis edges (a visible thin line; dotted across skipped years), then invisible flat
        // edges axis → node that keep the axis at the left of every rank.
        var edges: [DOTEdge] = []
        for r in 0..<max(0, rankCount - 1) {
            let gap = r + 1 == undatedRank || (axisKeys[r + 1] - axisKeys[r] > 1)
            edges.append(DOTEdge(from: axisID(r), to: axisID(r + 1), attributes: [
                "arrowhead": "none", "color": "#9A9A9A", "penwidth": "1", "weight": "100",
                "style": .text(gap ? "dotted" : "solid"),
            ]))
        }
        for r in 0..<rankCount {
            for v in members[r] {
                edges.append(DOTEdge(from: axisID(r), to: "n\(v)", attributes: ["style": "invis"]))
            }
        }

        // Arcs.
        var crossCount = 0, backCount = 0, highlightedDrawn = 0
        var arcEdges: [DOTEdge] = []
        for d in drawn {
            let cross = isCross(d.tail, d.head)
            if cross { crossCount += 1 }
            if d.highlighted { highlightedDrawn += 1 }
            // In the drawing, arrows run down the axis for knowledge flow, up for citations.
            let (older, newer) = options.arrows == .knowledgeFlow ? (d.tail, d.head) : (d.head, d.tail)
            let yo = years[Int(older)], yn = years[Int(newer)]
            let backInTime = yo != nil && yn != nil && (yo ?? 0) > (yn ?? 0)
            if backInTime { backCount += 1 }
            let t = weighted ? d.weight / maxWeight : 0
            // Dense figures get thinner unweighted arcs so that the boxes stay readable.
            var width = weighted ? 0.8 + 4.2 * t : (drawn.count > 150 ? 0.6 : 1.0)
            let color: String
            if highlighting {
                color = d.highlighted ? "#000000" : "#B0B0B0"
                if d.highlighted { width = max(width, 2.4) } else if !weighted { width = 0.8 }
            } else {
                color = "#555555"
            }
            var attributes: DOTAttributes = [
                "color": .text(cross ? color + ":invis:" + color : color),
                "penwidth": .text(PartitionNetworkFigure.inches(width)),
                "arrowsize": .text(PartitionNetworkFigure.inches(0.5 + 0.1 * min(width, 4))),
            ]
            var tip = labels[Int(d.tail)] + " → " + labels[Int(d.head)]
            if weighted { tip += " (\(options.weightName) \(formatNumber(d.weight)))" }
            if cross { tip += ", between literatures" }
            attributes["tooltip"] = .text(tip)
            if backInTime {
                attributes["style"] = "dashed"
            }
            // Arcs must not fight the year ranks (which the year subgraphs and the axis fix):
            // only arcs written down the axis constrain; citation arrows, arcs back in time
            // and arcs within one row do not.
            if d.highlighted || !highlighting { attributes["weight"] = "2" }
            if options.arrows == .citation && rank(d.head) < rank(d.tail) {
                // A citation arrow points up the axis. Written upwards, dot would break the
                // "cycle" with the year axis by reversing axis edges; so the edge is written
                // down the axis (cited → citing) with the arrow at its tail (dir=back).
                // Graphviz 2.43 colours a tail arrow with the second entry of a colour list,
                // so the double line becomes invis:c:invis:c:invis (same two strokes).
                attributes["dir"] = "back"
                if cross { attributes["color"] = .text("invis:" + color + ":invis:" + color + ":invis") }
                arcEdges.append(DOTEdge(from: "n\(d.head)", to: "n\(d.tail)", attributes: attributes))
                continue
            }
            if !undatedOnly && rank(d.tail) >= rank(d.head) { attributes["constraint"] = "false" }
            arcEdges.append(DOTEdge(from: "n\(d.tail)", to: "n\(d.head)", attributes: attributes))
        }
        edges += arcEdges

        // Caption.
        let noun = options.nodeNoun
        var sentences: [String] = []
        let drawnWhat = options.title.map { $0 + ": " } ?? ""
        sentences.append("\(drawnWhat)\(shown.count) \(noun) "
            + (undatedOnly ? "without years, layered by their arcs (no year is recorded)" : "arranged by year (one row per year, oldest at the top)")
            + (options.arrows == .knowledgeFlow
                ? "; arrows show knowledge flow, from the cited (older) to the citing (newer) \(PartitionNetworkFigure.singular(noun))."
                : "; arrows point from the citing to the cited \(PartitionNetworkFigure.singular(noun))."))
        if nodesReduced {
            sentences.append("Showing \(shown.count) of \(nodeCount) \(noun)"
                + (highlighting ? ": the \(options.highlightName) first, then" : ":") + " those with the highest \(scoreName).")
        }
        if highlightedDropped > 0 {
            sentences.append("\(highlightedDropped) \(noun) of the \(options.highlightName) are not drawn (more than \(k)).")
        }
        if drawn.count < among.count {
            sentences.append("\(drawn.count) of the \(among.count) arcs among them are drawn (\(highlighting ? options.highlightName + " first, then " : "")\(arcWeights != nil ? "highest " + options.weightName : "highest \(scoreName) of their ends")).")
        }
        if highlighting {
            sentences.append("The \(options.highlightName) (\(highlightedDrawn) arcs) is drawn black and thick; other \(noun) and arcs are faint.")
        }
        sentences.append("\(crossCount) of \(drawn.count) drawn arcs join different \(options.groupPlural) and are drawn as double lines.")
        if weighted { sentences.append("Arc width grows with \(options.weightName) (largest drawn: \(formatNumber(maxWeight))).") }
        if backCount > 0 { sentences.append("\(backCount) arcs point back in time (a work citing a later one) and are dashed.") }
        if period > 1 {
            sentences.append("The \(distinctYears.count) years are grouped into \(period)-year periods, one row each (at most \(max(2, options.maxYearRows)) rows).")
        }
        if skippedRows > 0 { sentences.append("\(rowNoun.prefix(1).uppercased() + rowNoun.dropFirst())s without \(noun) are skipped (\(skippedRows) in all; dotted stretches of the year axis).") }
        if spanCollapsed { sentences.append("The span is longer than \(max(2, options.maxYearRows)) rows, so only \(rowNoun)s with \(noun) are drawn.") }
        if hasUndated && !undatedOnly { sentences.append("\(members[undatedRank].count) \(noun) without a year are in the last row (\(options.undatedLabel)).") }
        if withShapes { sentences.append("More groups than the 8 Okabe–Ito colours: colours repeat with a dashed, then bold, box outline every 8 groups.") }
        self.caption = sentences.joined(separator: " ")

        // Legend.
        var shownPerGroup = [Int](repeating: 0, count: partition.groupCount)
        for v in shown { shownPerGroup[Int(partition.groupOf[Int(v)])] += 1 }
        var samples: [FigureLegend.Sample] = (0..<partition.groupCount).filter { shownPerGroup[$0] > 0 }.map { g in
            let st = style(Int32(g))
            var text = "\(partition.groupNames[g]) (n = \(groupSizes[g]))"
            if withShapes && st.shape != "circle" {
                text += " — \(st.colorName), \(Self.outlineNames[(g / Palette.colors.count) % Self.outlineNames.count]) outline"
            }
            return .swatch(fill: st.fill, bordered: false, text: text)
        }
        if highlighting {
            samples.append(.line(color: "#000000", height: 3, text: options.highlightName))
            samples.append(.line(color: "#B0B0B0", height: 1, text: "other arc"))
        }
        if crossCount > 0 {
            samples.append(.doubleLine(color: highlighting ? "#000000" : "#555555", text: "arc between \(options.groupPlural)"))
        }
        if backCount > 0 { samples.append(.dashedLine(color: "#555555", text: "arc back in time")) }
        var notes: [String] = []
        notes.append(options.arrows == .knowledgeFlow ? "Arrows: knowledge flow (cited → citing)." : "Arrows: citing → cited.")
        if weighted { notes.append("Arc width: \(options.weightName) (largest \(formatNumber(maxWeight))).") }
        if nodesReduced { notes.append("Top \(shown.count) of \(nodeCount) \(noun) by \(highlighting ? options.highlightName + ", then " : "")\(scoreName).") }
        if drawn.count < among.count { notes.append("\(drawn.count) of \(among.count) arcs drawn.") }
        if period > 1 { notes.append("One row per \(period)-year period.") }
        if skippedRows > 0 { notes.append("Dotted axis: \(rowNoun)s without \(noun) skipped.") }
        if partition.missingGroup != nil && shownPerGroup[Int(partition.missingGroup ?? 0)] > 0 { notes.append("Grey: no value recorded.") }
        let legend = FigureLegend.sampleTable(
            title: options.title.map { $0 + " — " + options.groupTitle } ?? options.groupTitle,
            samples: samples, columns: samples.count > 6 ? 3 : 2, notes: notes)

        let dense = drawn.count > 2 * max(1, shown.count)
        self.dotGraph = DOTGraph(
            name: "yearranked", directed: true,
            graphAttributes: [
                "label": .html(legend), "labelloc": "b", "labeljust": "l",
                "fontname": "Helvetica", "fontsize": "11", "bgcolor": "white", "pad": "0.25",
                // Dense figures (more than 2 arcs per work, e.g. historiographs) get nodes
                // packed closer and rows further apart: long arcs pass through every row and
                // each passage takes `nodesep` of width (SmaGri top 40: 2817 → 1789 pt wide).
                "rankdir": "TB", "ranksep": dense ? "0.45" : "0.3", "nodesep": dense ? "0.08" : "0.18", "splines": "true",
                "outputorder": "edgesfirst", "newrank": "true", "mclimit": "0.5",
            ],
            nodeDefaults: [
                "shape": "box", "style": "filled,rounded", "fontname": "Helvetica", "fontsize": "11",
                "penwidth": "0.6", "color": "#333333", "margin": "0.06,0.03", "height": "0.3",
            ],
            edgeDefaults: ["color": "#555555", "arrowsize": "0.6"],
            nodes: nodes, edges: edges, subgraphs: subgraphs)
    }

    /// Builds the figure from a ``Graph``: its arcs (numbered `0..<arcCount` as in the
    /// out-CSR), `arcWeights` and `highlightedArcs` indexed by those arc numbers. See
    /// ``init(nodeCount:years:arcs:partition:labels:tooltips:dois:scores:arcWeights:highlightedArcs:highlightedNodes:options:)``.
    public init(
        graph: Graph, years: [Int?], partition: Partition, labels: [String], tooltips: [String]? = nil,
        dois: [String?]? = nil, scores: [Double]? = nil, arcWeights: [Double]? = nil,
        highlightedArcs: Set<Int> = [], highlightedNodes: Set<Int32> = [], options: Options = Options()
    ) throws(GraphvizError) {
        var arcs: [(Int32, Int32)] = []
        arcs.reserveCapacity(graph.arcCount)
        for a in 0..<graph.arcCount { arcs.append((graph.tail(ofArc: a), graph.outTargets[a])) }
        try self.init(nodeCount: graph.nodeCount, years: years, arcs: arcs, partition: partition, labels: labels,
                      tooltips: tooltips, dois: dois, scores: scores, arcWeights: arcWeights,
                      highlightedArcs: highlightedArcs, highlightedNodes: highlightedNodes, options: options)
    }

    /// Box styles that tell repeated colours apart beyond 8 groups (groups 8–15: dashed
    /// outline, 16–23: bold, …), and their names for the legend.
    static let outlineStyles = ["filled,rounded", "filled,rounded,dashed", "filled,rounded,bold", "filled,dotted"]
    static let outlineNames = ["solid", "dashed", "bold", "dotted"]
}

extension YearRankedDAGFigure: GraphvizFigure {}
