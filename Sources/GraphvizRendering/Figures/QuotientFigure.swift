import NetworkCore

/// The group quotient graph as a figure: one node per group (area grows with group
/// size, coloured as in ``PartitionNetworkFigure``), one arc per ordered pair of
/// distinct groups with positive flow (width and label by flow), the within-group flow
/// written inside each group's node, and a legend naming every colour.
///
/// Pure Swift to build (``dotGraph``); `render(format:)` draws it with `circo` by default
/// (small: one node per group). Deterministic: groups in quotient order, arcs in ascending
/// (from, to) order.
public struct QuotientFigure: Sendable {
    /// Figure options.
    public struct Options: Sendable {
        /// Legend title naming the partition ("Literature").
        public var groupTitle: String = "Group"
        /// Plural noun for what flows ("citations", "shared concepts").
        public var flowNoun: String = "arcs"
        /// Arcs with flow below this are not drawn (the caption says how many). Default 0:
        /// every positive flow is drawn.
        public var minimumFlow: Double = 0
        /// Optional observed/expected ratio per ordered pair of groups (e.g. from a null
        /// model); when given, each arc's label reads "count (ratio×)" and the caption
        /// says what the ratio is compared with (``ratioBasis``).
        public var ratios: [[Double?]]? = nil
        /// What the ratios compare with, for the caption (e.g. "label permutation").
        public var ratioBasis: String = "the null model"
        /// Optional title drawn above the legend.
        public var title: String?
        /// Whether flows are directed (citing group → cited group). Default `true`.
        public var directed: Bool = true
        /// Index of a node that stands for several merged groups ("other 87 groups"), drawn
        /// white with a dashed outline (``Palette/merged``) and not counted among the
        /// coloured groups. Default `nil`.
        public var mergedGroup: Int? = nil
        /// Layout engine. Default `circo`: groups on a circle, arcs curved so that the two
        /// directions between a pair stay apart (`dot` draws long detours once more than
        /// four groups exchange flows in both directions).
        public var engine: LayoutEngine = .circo
        /// Creates default options.
        public init() {}
    }

    /// The figure as DOT.
    public let dotGraph: DOTGraph
    /// Caption text for the report.
    public let caption: String
    /// The engine the figure should be laid out with.
    public let engine: LayoutEngine

    /// Builds the figure.
    ///
    /// - Parameters:
    ///   - quotient: the group quotient (``GroupQuotient``, e.g. `graph.quotient(by:)`).
    ///   - missingGroup: index of the "(missing)" group, drawn grey (pass
    ///     `partition.missingGroup`).
    ///   - options: see ``Options``.
    /// - Throws: ``GraphvizError`` `.invalidInput` when the quotient's arrays disagree in size.
    /// - Complexity: O(g²) for g groups.
    public init(quotient: GroupQuotient, missingGroup: Int32? = nil, options: Options = Options()) throws(GraphvizError) {
        try self.init(groupNames: quotient.groupNames, flows: quotient.flows, groupSizes: quotient.groupSizes,
                      missingGroup: missingGroup, options: options)
    }

    /// Builds the figure from plain arrays: `flows[i][j]` is the flow from group `i` to
    /// group `j` (diagonal: within-group), `groupSizes[i]` the number of nodes of group `i`.
    /// See ``init(quotient:missingGroup:options:)``.
    public init(groupNames: [String], flows: [[Double]], groupSizes: [Int], missingGroup: Int32? = nil, options: Options = Options()) throws(GraphvizError) {
        let quotient = (groupNames: groupNames, flows: flows, groupSizes: groupSizes, total: flows.reduce(0) { $0 + $1.reduce(0, +) })
        let g = quotient.groupNames.count
        guard quotient.groupSizes.count == g, quotient.flows.count == g, quotient.flows.allSatisfy({ $0.count == g }) else {
            throw GraphvizError(kind: .invalidInput, message: "quotient has \(g) group names but flows/sizes of another size")
        }
        guard flows.allSatisfy({ $0.allSatisfy { $0.isFinite && $0 >= 0 } }), groupSizes.allSatisfy({ $0 >= 0 }) else {
            throw GraphvizError(kind: .invalidInput, message: "flows and group sizes must be finite and non-negative")
        }
        let maxSize = max(1, quotient.groupSizes.max() ?? 1)
        var maxFlow = 0.0
        for i in 0..<g { for j in 0..<g where i != j { maxFlow = max(maxFlow, quotient.flows[i][j]) } }
        let withShapes = Palette.needsShapes(groupCount: g - (missingGroup == nil ? 0 : 1) - (options.mergedGroup == nil ? 0 : 1))
        func style(_ i: Int) -> GroupStyle { Palette.style(group: i, isMissing: Int32(i) == missingGroup, isMerged: i == options.mergedGroup) }
        let noun = options.flowNoun

        var nodes: [DOTNode] = []
        for i in 0..<g {
            let st = style(i)
            let size = quotient.groupSizes[i]
            let within = quotient.flows[i][i]
            let name = wrappedLabel(truncatedLabel(quotient.groupNames[i], limit: 48), width: 14)
            let label = "\(name)\nn = \(size)\n\(formatNumber(within)) within"
            // Area by size, but never smaller than the label (≈0.085 in per character at 11 pt).
            let lines = label.split(separator: "\n")
            let longest = lines.map(\.count).max() ?? 0
            let needed = max(Double(longest) * 0.085 + 0.25, Double(lines.count) * 0.19 + 0.25)
            let width = max(needed, 0.9 + 1.1 * (Double(size) / Double(maxSize)).squareRoot())
            var attributes: DOTAttributes = [
                "label": .text(label), "fillcolor": .text(st.fill), "fontcolor": .text(st.fontColor),
                "shape": .text(st.shape), "width": .text(PartitionNetworkFigure.inches(width)),
                "tooltip": .text("\(quotient.groupNames[i]): \(size) nodes, \(formatNumber(within)) \(noun) within the group"),
            ]
            if i == options.mergedGroup { attributes["style"] = "filled,dashed" }
            nodes.append(DOTNode(id: "g\(i)", attributes: attributes))
        }
        func arcLabel(_ f: Double, _ i: Int, _ j: Int) -> String {
            guard let ratios = options.ratios, i < ratios.count, j < ratios[i].count, let r = ratios[i][j], r.isFinite else {
                return formatNumber(f)
            }
            return "\(formatNumber(f)) (\(String(format: "%.2f", r))×)"
        }
        var edges: [DOTEdge] = []
        var hidden = 0
        for i in 0..<g {
            for j in 0..<g where i != j {
                let f = quotient.flows[i][j]
                guard f > 0 else { continue }
                if f < options.minimumFlow { hidden += 1; continue }
                let t = maxFlow > 0 ? f / maxFlow : 0
                edges.append(DOTEdge(from: "g\(i)", to: "g\(j)", attributes: [
                    "penwidth": .text(PartitionNetworkFigure.inches(0.8 + 7.2 * t)),
                    "arrowsize": .text(PartitionNetworkFigure.inches(0.6 + 0.5 * t)),
                    "label": .text(arcLabel(f, i, j)),
                    "tooltip": .text("\(quotient.groupNames[i]) → \(quotient.groupNames[j]): \(formatNumber(f)) \(noun)"),
                ]))
            }
        }

        let total = quotient.total
        var within = 0.0
        for i in 0..<g { within += quotient.flows[i][i] }
        var sentences = [
            "Quotient graph of \(g) groups (\(options.groupTitle)): node area grows with group size;" +
                " arc width and label give the number of \(noun) from one group to another\(options.directed ? " (arrow: from citing to cited group)" : "").",
            "\(formatNumber(within)) of \(formatNumber(total)) \(noun) (\(PartitionNetworkFigure.percent(total > 0 ? within / total : 0))) stay within a group (written inside each node).",
        ]
        if options.ratios != nil {
            sentences.append("In brackets: observed / expected \(noun) under \(options.ratioBasis) (above 1: more than chance).")
        }
        if hidden > 0 { sentences.append("\(hidden) arcs with fewer than \(formatNumber(options.minimumFlow)) \(noun) are not drawn.") }
        if withShapes { sentences.append("More groups than the 8 Okabe–Ito colours: colours repeat with a different node shape every 8 groups.") }
        caption = sentences.joined(separator: " ")

        let entries = (0..<g).map { i in
            FigureLegend.Entry(style: style(i), text: FigureLegend.groupText(name: quotient.groupNames[i], size: quotient.groupSizes[i], style: style(i), withShapes: withShapes))
        }
        var notes = ["Arc width and label: \(noun) between groups; number inside a node: \(noun) within it."]
        if hidden > 0 { notes.append("\(hidden) arcs below \(formatNumber(options.minimumFlow)) not drawn.") }
        let legend = FigureLegend.table(
            title: options.title.map { $0 + " — " + options.groupTitle } ?? options.groupTitle,
            entries: entries, columns: g > 6 ? 3 : 2, lines: [], notes: notes)

        var attrs: DOTAttributes = [
            "label": .html(legend), "labelloc": "b", "labeljust": "l", "fontname": "Helvetica", "fontsize": "10",
            "bgcolor": "white", "pad": "0.3", "nodesep": "0.6", "ranksep": "1.0",
        ]
        switch options.engine {
        case .dot: attrs["rankdir"] = "LR"
        case .circo:
            attrs["overlap"] = "false"; attrs["splines"] = "curved"; attrs["mindist"] = "1.2"
        case .sfdp, .neato, .fdp, .twopi, .nop:
            attrs["overlap"] = "false"; attrs["splines"] = "curved"; attrs["sep"] = "+20"
        }
        engine = options.engine
        var graph = DOTGraph(
            name: "quotient", directed: options.directed, graphAttributes: attrs,
            nodeDefaults: ["style": "filled", "fixedsize": "shape", "fontname": "Helvetica", "fontsize": "11", "penwidth": "0.6", "color": "#333333"],
            edgeDefaults: ["color": "#444444", "fontname": "Helvetica", "fontsize": "10"],
            nodes: nodes, edges: edges)
        // Between large, close groups circo puts arc labels inside the nodes: moved off them.
        graph.clearsEdgeLabels = true
        dotGraph = graph
    }
}
