import NetworkCore

/// A network figure with nodes coloured by a ``Partition`` (e.g. literature), arcs
/// between groups emphasised (dark, thick) and arcs within groups light, a legend inside
/// the image naming every colour, and a caption stating any reduction.
///
/// Building the figure is pure Swift (testable without Graphviz): ``dotGraph`` is the
/// result; ``render(format:)`` draws it with ``GraphvizRenderer``.
///
/// Reduction: when more than ``Options/maxNodes`` nodes would be drawn, only the
/// `maxNodes` nodes with the highest caller-supplied score are kept (ties: lower node
/// index first; without scores, total degree in the input), with the arcs among them; the
/// caption says so ("Showing the 150 works with the highest PageRank of 2708"). With
/// ``Options/dropIsolated`` nodes without arcs in the drawn set are left out, and the
/// caption says how many.
///
/// Determinism: the DOT text depends only on the inputs; node statements are in
/// ascending node index, arcs within groups first then arcs between groups, each in
/// ascending (tail, head) order; duplicate arcs are drawn once, self-loops not at all.
public struct PartitionNetworkFigure: Sendable {
    /// Figure options. Defaults give a legible paper figure in a few seconds.
    public struct Options: Sendable {
        /// Most nodes drawn (top by score). Default 150: a legible figure; `sfdp`
        /// lays out a 150-node sample in well under a second.
        public var maxNodes: Int = 150
        /// How many of the drawn nodes (highest score first) carry a visible label; the
        /// others are dots whose full label is in the SVG tooltip. Default 30.
        public var labeledNodes: Int = 30
        /// Longest visible label, in characters (tooltips keep the full text). Default 30.
        public var labelLength: Int = 30
        /// Leave out nodes with no arc among the drawn nodes. Default `false`.
        public var dropIsolated: Bool = false
        /// Name of the score used for the reduction, as shown in the caption.
        public var scoreName: String = "PageRank"
        /// Plural noun for the nodes ("works", "articles", "concepts").
        public var nodeNoun: String = "works"
        /// Name of the partition shown as the legend title ("Literature").
        public var groupTitle: String = "Group"
        /// Optional title drawn above the legend.
        public var title: String?
        /// Nodes to draw, chosen by the caller (instead of the top ``maxNodes`` by score),
        /// with the sentence the caption gives for the choice. Labels and sizes still
        /// follow the score.
        public var selection: (nodes: [Int32], reason: String)?
        /// Layout engine. `sfdp` by default; `dot` is only honoured up to 150 drawn nodes
        /// (it takes minutes beyond, ARCHITECTURE.md §5) and `sfdp` is used above that.
        public var engine: LayoutEngine = .sfdp
        /// Creates default options.
        public init() {}
    }

    /// The figure as DOT (ready for any engine that ``engine`` names).
    public let dotGraph: DOTGraph
    /// Caption text for the report: what is drawn, the reduction, dropped nodes, encoding.
    public let caption: String
    /// Input node indices drawn, ascending.
    public let shownNodes: [Int32]
    /// The engine the figure should be laid out with.
    public let engine: LayoutEngine

    /// Builds the figure from a node count and a list of arcs (or edges).
    ///
    /// - Parameters:
    ///   - nodeCount: number of nodes; indices are `0..<nodeCount`.
    ///   - edges: `(tail, head)` pairs; with `directed == false` each is an undirected edge.
    ///   - directed: arrows on arcs (citation) or plain lines (co-use networks).
    ///   - partition: group of each node (`partition.nodeCount == nodeCount`).
    ///   - labels: short label of each node (e.g. "Author (Year)").
    ///   - tooltips: full text per node for SVG tooltips (default: the label).
    ///   - dois: DOI per node (or `nil`); valid ones become `https://doi.org/…` links in SVG.
    ///   - scores: score per node used for the reduction (e.g. PageRank computed elsewhere).
    ///   - options: see ``Options``.
    /// - Throws: ``GraphvizError`` of kind `.invalidInput` when an array's length differs
    ///   from `nodeCount` or an edge names a node out of range.
    /// - Complexity: O(n log n + m log m).
    public init(
        nodeCount: Int, edges: [(Int32, Int32)], directed: Bool, partition: Partition, labels: [String],
        tooltips: [String]? = nil, dois: [String?]? = nil, scores: [Double]? = nil, options: Options = Options()
    ) throws(GraphvizError) {
        func bad(_ what: String) -> GraphvizError { GraphvizError(kind: .invalidInput, message: what) }
        guard partition.nodeCount == nodeCount else { throw bad("partition covers \(partition.nodeCount) nodes, expected \(nodeCount)") }
        guard labels.count == nodeCount else { throw bad("\(labels.count) labels for \(nodeCount) nodes") }
        if let tooltips, tooltips.count != nodeCount { throw bad("\(tooltips.count) tooltips for \(nodeCount) nodes") }
        if let dois, dois.count != nodeCount { throw bad("\(dois.count) DOIs for \(nodeCount) nodes") }
        if let scores, scores.count != nodeCount { throw bad("\(scores.count) scores for \(nodeCount) nodes") }
        for (u, v) in edges where u < 0 || v < 0 || Int(u) >= nodeCount || Int(v) >= nodeCount {
            throw bad("edge (\(u), \(v)) names a node outside 0..<\(nodeCount)")
        }

        // Distinct pairs, no self-loops, canonical order.
        var pairs = Set<UInt64>()
        pairs.reserveCapacity(edges.count)
        for (u, v) in edges where u != v {
            let (a, b) = directed || u < v ? (u, v) : (v, u)
            pairs.insert(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))
        }
        let allPairs = pairs.sorted().map { (Int32(truncatingIfNeeded: $0 >> 32), Int32(truncatingIfNeeded: $0 & 0xFFFF_FFFF)) }

        // Ranking: score (descending), then index.
        let rankScore: [Double]
        let scoreName: String
        if let scores {
            rankScore = scores.map { $0.isNaN ? -.infinity : $0 }
            scoreName = options.scoreName
        } else {
            var degree = [Double](repeating: 0, count: nodeCount)
            for (u, v) in allPairs { degree[Int(u)] += 1; degree[Int(v)] += 1 }
            rankScore = degree
            scoreName = "degree"
        }
        let ranked = (0..<nodeCount).sorted { rankScore[$0] != rankScore[$1] ? rankScore[$0] > rankScore[$1] : $0 < $1 }
        var k = max(1, options.maxNodes)
        var reduced = nodeCount > k
        var keep = [Bool](repeating: !reduced, count: nodeCount)
        if let selection = options.selection {
            for v in selection.nodes where v < 0 || Int(v) >= nodeCount {
                throw bad("selected node \(v) outside 0..<\(nodeCount)")
            }
            keep = [Bool](repeating: false, count: nodeCount)
            for v in selection.nodes { keep[Int(v)] = true }
            k = keep.filter { $0 }.count
            reduced = k < nodeCount
        } else if reduced {
            for v in ranked.prefix(k) { keep[v] = true }
        }
        var drawnPairs = allPairs.filter { keep[Int($0.0)] && keep[Int($0.1)] }
        var isolatedDropped = 0
        if options.dropIsolated {
            var linked = [Bool](repeating: false, count: nodeCount)
            for (u, v) in drawnPairs { linked[Int(u)] = true; linked[Int(v)] = true }
            for v in 0..<nodeCount where keep[v] && !linked[v] { keep[v] = false; isolatedDropped += 1 }
            drawnPairs = drawnPairs.filter { keep[Int($0.0)] && keep[Int($0.1)] }
        }
        let shown = (0..<nodeCount).filter { keep[$0] }.map { Int32($0) }
        self.shownNodes = shown

        // Which drawn nodes get visible labels: the top `labeledNodes` among the shown.
        var labeled = [Bool](repeating: false, count: nodeCount)
        var remainingLabels = max(0, options.labeledNodes)
        for v in ranked where keep[v] && remainingLabels > 0 { labeled[v] = true; remainingLabels -= 1 }

        // Node sizes by score among the shown (sqrt scale), else uniform.
        let shownScores = shown.map { rankScore[Int($0)] }.filter(\.isFinite)
        let lo = shownScores.min() ?? 0, hi = shownScores.max() ?? 0
        func width(_ v: Int) -> Double {
            guard hi > lo, rankScore[v].isFinite else { return 0.16 }
            let t = ((rankScore[v] - lo) / (hi - lo)).squareRoot()
            return 0.10 + 0.22 * t
        }

        let groupSizes = partition.groupSizes()
        let withShapes = Palette.needsShapes(groupCount: partition.groupCount - (partition.missingGroup == nil ? 0 : 1))
        func style(_ g: Int32) -> GroupStyle { Palette.style(group: Int(g), isMissing: g == partition.missingGroup) }

        var nodes: [DOTNode] = []
        nodes.reserveCapacity(shown.count)
        for v32 in shown {
            let v = Int(v32)
            let g = partition.groupOf[v]
            let st = style(g)
            let full = tooltips?[v] ?? labels[v]
            var a: DOTAttributes = [
                "fillcolor": .text(st.fill),
                "shape": .text(st.shape),
                "width": .text(Self.inches(width(v))),
                "tooltip": .text(full + " — " + partition.groupNames[Int(g)]),
            ]
            a["label"] = ""
            if labeled[v] {
                let text = truncatedLabel(labels[v], limit: options.labelLength)
                if st.shape == "circle" {
                    // Labelled nodes are rounded boxes holding their label, so that overlap
                    // removal keeps labels apart (external labels are placed after it and collide).
                    a["shape"] = "box"
                    a["style"] = "rounded,filled"
                    a["fixedsize"] = "false"
                    a["width"] = "0"
                    a["margin"] = "0.05,0.02"
                    a["label"] = .text(text)
                    a["fontcolor"] = .text(st.fontColor)
                    let t = hi > lo && rankScore[v].isFinite ? ((rankScore[v] - lo) / (hi - lo)).squareRoot() : 0
                    a["fontsize"] = .text(String(Int((9 + 3 * t).rounded())))
                } else {
                    a["xlabel"] = .text(text)
                }
            }
            if let doi = dois?[v] ?? nil, let url = DOILink.url(forDOI: doi) {
                a["URL"] = .text(url)
                a["target"] = "_blank"
            }
            nodes.append(DOTNode(id: "n\(v)", attributes: a))
        }

        let crossColor = "#222222", withinColor = "#00000030"
        var within: [DOTEdge] = [], cross: [DOTEdge] = []
        for (u, v) in drawnPairs {
            let isCross = partition.groupOf[Int(u)] != partition.groupOf[Int(v)]
            var a: DOTAttributes = ["tooltip": .text(truncatedLabel(labels[Int(u)], limit: 40) + (directed ? " → " : " — ") + truncatedLabel(labels[Int(v)], limit: 40))]
            if isCross {
                a["color"] = .text(crossColor)
                a["penwidth"] = "1.1"
                cross.append(DOTEdge(from: "n\(u)", to: "n\(v)", attributes: a))
            } else {
                within.append(DOTEdge(from: "n\(u)", to: "n\(v)", attributes: a))
            }
        }

        // Caption.
        let noun = options.nodeNoun
        var sentences: [String] = []
        let crossShare = drawnPairs.isEmpty ? 0 : Double(cross.count) / Double(drawnPairs.count)
        sentences.append("\(directed ? "Citation network" : "Network") of \(nodeCount) \(noun) coloured by \(Self.inSentence(options.groupTitle)).")
        if let selection = options.selection {
            sentences.append(selection.reason + " (\(drawnPairs.count) of \(allPairs.count) \(directed ? "arcs" : "edges") among them).")
        } else if reduced {
            sentences.append("Showing the \(k) \(noun) with the highest \(scoreName) of \(nodeCount) (\(drawnPairs.count) of \(allPairs.count) \(directed ? "arcs" : "edges") among them).")
        }
        if isolatedDropped > 0 {
            sentences.append("\(isolatedDropped) \(noun) without \(directed ? "arcs" : "edges") among those drawn are left out.")
        }
        if directed { sentences.append("Arrows point from the citing to the cited \(Self.singular(noun)).") }
        sentences.append("\(cross.count) of \(drawnPairs.count) drawn \(directed ? "arcs" : "edges") (\(Self.percent(crossShare))) link different groups and are drawn dark; links within a group are light.")
        if options.labeledNodes < shown.count {
            sentences.append("Labels on the \(min(options.labeledNodes, shown.count)) \(noun) with the highest \(scoreName); node size grows with \(scoreName).")
        } else if hi > lo {
            sentences.append("Node size grows with \(scoreName).")
        }
        if withShapes {
            sentences.append("More groups than the 8 Okabe–Ito colours: colours repeat with a different node shape every 8 groups.")
        }
        self.caption = sentences.joined(separator: " ")

        // Legend (only groups that are drawn, in partition order).
        var shownPerGroup = [Int](repeating: 0, count: partition.groupCount)
        for v in shown { shownPerGroup[Int(partition.groupOf[Int(v)])] += 1 }
        let entries = (0..<partition.groupCount).filter { shownPerGroup[$0] > 0 }.map { g -> FigureLegend.Entry in
            let st = style(Int32(g))
            return FigureLegend.Entry(style: st, text: FigureLegend.groupText(name: partition.groupNames[g], size: groupSizes[g], style: st, withShapes: withShapes))
        }
        var notes: [String] = []
        if options.selection != nil {
            notes.append("\(k) of \(nodeCount) \(noun) drawn (see caption).")
        } else if reduced {
            notes.append("Top \(k) of \(nodeCount) \(noun) by \(scoreName).")
        }
        if isolatedDropped > 0 { notes.append("\(isolatedDropped) isolated \(noun) not drawn.") }
        if withShapes { notes.append("Colours repeat with a new shape every 8 groups.") }
        if partition.missingGroup != nil { notes.append("Grey: no value recorded.") }
        let legend = FigureLegend.table(
            title: options.title.map { $0 + " — " + options.groupTitle } ?? options.groupTitle,
            entries: entries, columns: entries.count > 6 ? 3 : 2,
            lines: [(crossColor, 2, directed ? "arc between groups" : "edge between groups"), ("#BBBBBB", 1, directed ? "arc within a group" : "edge within a group")], notes: notes)

        var engine = options.engine
        if engine != .sfdp && shown.count > 150 { engine = .sfdp }
        self.engine = engine
        var graphAttributes: DOTAttributes = [
            "label": .html(legend), "labelloc": "b", "labeljust": "l",
            "fontname": "Helvetica", "fontsize": "12",
            "outputorder": "edgesfirst", "bgcolor": "white", "pad": "0.2",
            "splines": "false", "forcelabels": "true",
        ]
        switch engine {
        case .sfdp:
            graphAttributes["overlap"] = "prism"
            graphAttributes["overlap_scaling"] = "-4"
            graphAttributes["sep"] = "+6"
            graphAttributes["K"] = "0.5"
            graphAttributes["repulsiveforce"] = "1.5"
        case .neato, .fdp:
            graphAttributes["overlap"] = "prism"
            graphAttributes["sep"] = "+6"
        case .dot:
            graphAttributes["rankdir"] = "BT"
            graphAttributes["splines"] = "true"
        case .circo, .twopi, .nop:
            graphAttributes["overlap"] = "false"
        }
        self.dotGraph = DOTGraph(
            name: "network", directed: directed,
            graphAttributes: graphAttributes,
            nodeDefaults: [
                "style": "filled", "fixedsize": "true", "penwidth": "0.4", "color": "#333333",
                "fontname": "Helvetica", "fontsize": "9", "height": "0",
            ],
            edgeDefaults: ["color": .text(withinColor), "penwidth": "0.6", "arrowsize": "0.45"],
            nodes: nodes, edges: within + cross)
    }

    /// Builds the figure for a citation ``Graph`` (arcs drawn once per linked ordered
    /// pair). See ``init(nodeCount:edges:directed:partition:labels:tooltips:dois:scores:options:)``.
    public init(
        graph: Graph, partition: Partition, labels: [String], tooltips: [String]? = nil, dois: [String?]? = nil,
        scores: [Double]? = nil, options: Options = Options()
    ) throws(GraphvizError) {
        var arcs: [(Int32, Int32)] = []
        arcs.reserveCapacity(graph.arcCount)
        for u in 0..<Int32(graph.nodeCount) {
            for v in graph.successors(of: u) { arcs.append((u, v)) }
        }
        try self.init(nodeCount: graph.nodeCount, edges: arcs, directed: true, partition: partition, labels: labels,
                      tooltips: tooltips, dois: dois, scores: scores, options: options)
    }

    /// Builds the figure for an undirected network (e.g. concept co-use). See
    /// ``init(nodeCount:edges:directed:partition:labels:tooltips:dois:scores:options:)``.
    public init(
        undirected: UndirectedGraph, partition: Partition, labels: [String], tooltips: [String]? = nil,
        dois: [String?]? = nil, scores: [Double]? = nil, options: Options = Options()
    ) throws(GraphvizError) {
        var edges: [(Int32, Int32)] = []
        edges.reserveCapacity(undirected.edgeCount)
        undirected.forEachEdge { edges.append(($0, $1)) }
        try self.init(nodeCount: undirected.nodeCount, edges: edges, directed: false, partition: partition, labels: labels,
                      tooltips: tooltips, dois: dois, scores: scores, options: options)
    }

    static func inches(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }

    /// A one-word title in lower case for use inside a sentence ("Literature" →
    /// "literature"); several words or acronyms ("Cora class", "HSR") stay as given. Pure.
    static func inSentence(_ title: String) -> String {
        guard !title.contains(" "), let first = title.first, title.dropFirst().allSatisfy({ !$0.isUppercase }) else { return title }
        return first.lowercased() + title.dropFirst()
    }

    /// "works" → "work", "studies" → "study"; other nouns unchanged. Pure.
    static func singular(_ noun: String) -> String {
        if noun.hasSuffix("ies") { return String(noun.dropLast(3)) + "y" }
        if noun.hasSuffix("s") && !noun.hasSuffix("ss") { return String(noun.dropLast()) }
        return noun
    }

    static func percent(_ x: Double) -> String {
        String(Int((x * 100).rounded())) + "%"
    }
}
