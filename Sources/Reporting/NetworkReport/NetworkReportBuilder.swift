import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// Builds the report of a single citation network read from a graph file (Pajek, edge
/// list, GraphML): what the network is, its most central works (top lists per measure,
/// see ``CentralityTopLists``), its Louvain communities against the partition when one is
/// given (``CommunityComparison``), its main paths (SPC;
/// local forward, global and key-route) drawn by year, and its historiograph — the
/// report Pajek users make by hand for a field's literature.
///
/// Deterministic: the same graph and parameters give the same report, byte for byte.
public struct NetworkReportBuilder: Sendable {
    /// What the network is and how to read it.
    public struct Input: Sendable {
        public var name: String
        public var title: String
        public var source: String
        public var graph: Graph
        /// Short label of each node (e.g. "SMALL H").
        public var labels: [String]
        /// Publication year (or any ordinal time) of each node, if known.
        public var years: [Int?]?
        /// A grouping of the nodes (e.g. literature), if any.
        public var partition: Partition?
        public var groupTitle: String
        public var selfLoops: Int
        public var duplicateArcs: Int

        public init(name: String, title: String, source: String, graph: Graph, labels: [String], years: [Int?]?,
                    partition: Partition?, groupTitle: String, selfLoops: Int, duplicateArcs: Int) {
            self.name = name
            self.title = title
            self.source = source
            self.graph = graph
            self.labels = labels
            self.years = years
            self.partition = partition
            self.groupTitle = groupTitle
            self.selfLoops = selfLoops
            self.duplicateArcs = duplicateArcs
        }
    }

    public struct Parameters: Sendable {
        /// K of the key-route search.
        public var keyRoutes = 5
        /// Works in the historiograph.
        public var historiographTop = 30
        /// Exact betweenness is computed up to this many arcs.
        public var betweennessArcLimit = 200_000
        /// Works in each centrality top list.
        public var centralityTop = 10
        /// Seed of the community detection.
        public var seed: UInt64 = 1
        public init() {}
    }

    public var parameters: Parameters
    public var progress: ProgressLog

    public init(parameters: Parameters = Parameters(), progress: ProgressLog = .silent) {
        self.parameters = parameters
        self.progress = progress
    }

    /// `metrics.json` of a network report.
    struct Metrics: Encodable, Sendable {
        var graph: GraphSummary
        var mainPaths: [MainPathResult]
        /// Top works per centrality measure.
        var centrality: [CentralityTopList]
        /// Louvain communities against the partition, when there is one.
        var communities: CommunityComparison?
    }

    public func build(_ input: Input) throws -> Report {
        let g = input.graph
        let n = g.nodeCount
        let years = input.years ?? [Int?](repeating: nil, count: n)
        let partition = input.partition ?? Partition(values: [String?](repeating: "works", count: n))
        func labelWithYear(_ v: Int) -> String { years[v].map { "\(input.labels[v]) (\($0))" } ?? input.labels[v] }
        var sections: [ReportSection] = []

        progress("\(input.name): summary")
        let summary = GraphSummary(graph: g, selfLoops: input.selfLoops, duplicateArcs: input.duplicateArcs)
        sections.append(ReportSection(title: "The network", blocks: [
            .paragraph("\(summary.nodes) works and \(summary.arcs) citation arcs (an arc points from the citing to the cited work). "
                + (summary.acyclic ? "The network has no citation cycles." :
                    "It has cycles: \(summary.strongComponents) strongly connected components for \(summary.nodes) works; main path analysis below condenses them and says what changed.")),
            .table(ReportTable(
                name: "network-summary", title: "Network summary", caption: "Counts as read from the file.",
                columns: ["measure", "value"],
                rows: [
                    [.text("works (nodes)"), .integer(summary.nodes)], [.text("citation arcs"), .integer(summary.arcs)],
                    [.text("self-citations (loops)"), .integer(summary.selfLoops)], [.text("duplicate arcs"), .integer(summary.duplicateArcs)],
                    [.text("weakly connected components"), .integer(summary.weakComponents)],
                    [.text("largest weakly connected component"), .integer(summary.largestWeakComponent)],
                    [.text("strongly connected components"), .integer(summary.strongComponents)],
                    [.text("acyclic"), .text(summary.acyclic ? "yes" : "no")],
                ])),
        ]))

        progress("\(input.name): centrality")
        var topLists: [CentralityTopList] = []
        if g.arcCount > 0 {
            let top = CentralityTopLists(
                graph: g, ids: g.ids, labels: input.labels, years: years.map { $0.map(String.init) },
                groups: input.partition.map { p in (0..<n).map { p.groupNames[Int(p.groupOf[$0])] } },
                limit: parameters.centralityTop, betweennessArcLimit: parameters.betweennessArcLimit)
            topLists = top.lists
            sections.append(ReportSection(title: "Central works", blocks: top.blocks(
                prefix: "centrality", groupTitle: input.partition == nil ? nil : input.groupTitle)))
        } else {
            sections.append(ReportSection(title: "Central works", blocks: [.paragraph(
                "The network has no arcs, so no work is more central than another.")]))
        }

        var communities: CommunityComparison?
        if let grouping = input.partition {
            progress("\(input.name): communities")
            let title = "Communities and \(input.groupTitle)"
            if let comparison = CommunityComparison.louvain(on: g, grouping: grouping, seed: parameters.seed) {
                communities = comparison
                let t = input.groupTitle
                sections.append(ReportSection(title: title, blocks: comparison.blocks(
                    prefix: "communities", groupTitle: t, subject: "works linked by a citation",
                    largely: "the communities found without labels largely reproduce the groups of '\(t)'.",
                    partly: "the communities found without labels reproduce the groups of '\(t)' only in part.",
                    not: "the communities found without labels do not reproduce the groups of '\(t)'.")))
            } else {
                sections.append(ReportSection(title: title, blocks: [.paragraph(
                    "No two works are linked, so there are no communities to detect.")]))
            }
        }

        progress("\(input.name): main paths")
        let dag = try KnowledgeFlowDAG(g, direction: .citingToCited, cycles: .condense)
        let analysis = MainPathAnalysis(dag: dag, weight: .spc)
        let searches: [(String, MainPathResult)] = [
            ("local forward", analysis.localForward()),
            ("global", analysis.global()),
            ("key-route, K = \(parameters.keyRoutes)", analysis.keyRoute(routes: parameters.keyRoutes)),
        ]
        var mainBlocks: [ReportBlock] = [.paragraph(
            "Main paths follow the flow of knowledge (from cited to citing work) along the arcs of highest search path count "
            + "(SPC; Hummon & Doreian 1989, Batagelj 2003). " + cycleSentence(dag.cycles)
            + " Ties are broken towards the smaller node index and listed in metrics.json.")]
        for (k, (name, result)) in searches.enumerated() {
            let figure = try MainPathFigure.figure(
                graph: g, dag: dag, result: result, labels: input.labels, years: years, partition: partition,
                groupTitle: input.groupTitle)
            mainBlocks.append(.figure(try .rendered(
                name: "main-path-\(k + 1)", title: "Main path: \(name)",
                caption: "SPC \(name) main path: \(result.nodes.count) works, total SPC \(ReportCell.number(result.totalWeight, digits: 0).display). " + figure.caption,
                dot: figure.dotGraph, engine: figure.engine)))
        }
        var dagIndex: [String: Int] = [:]
        for (k, id) in dag.ids.enumerated() { dagIndex[id] = k }
        var members = [[Int]](repeating: [], count: dag.nodeCount)
        for v in 0..<n { members[Int(dag.nodeOfGraphNode[v])].append(v) }
        func dagLabel(_ id: String) -> String {
            guard let d = dagIndex[id] else { return id }
            return members[d].map(labelWithYear).joined(separator: " + ")
        }
        let global = searches[1].1
        mainBlocks.append(.table(ReportTable(
            name: "global-main-path", title: "The global main path, step by step",
            caption: "Each arc of the global main path (cited → citing) with its SPC.",
            columns: ["step", "from (cited)", "to (citing)", "SPC"],
            rows: global.arcs.enumerated().map { k, arc in
                [.integer(k + 1), .text(dagLabel(arc.from)), .text(dagLabel(arc.to)), .number(arc.weight, digits: 0)]
            })))
        if let grouping = input.partition {
            var rows: [[ReportCell]] = []
            for (name, result) in searches {
                for path in ConceptLineage.annotate(result, dag: dag, literature: grouping) {
                    rows.append([.text(name), .integer(path.nodes.count), .text(path.literatureSequence.joined(separator: " → ")),
                                 .integer(path.crossings.count),
                                 .text(path.crossings.map { "\(dagLabel($0.from)) → \(dagLabel($0.to))" }.joined(separator: "; "))])
                }
            }
            mainBlocks.append(.table(ReportTable(
                name: "main-path-crossings", title: "Where the main paths cross from one \(input.groupTitle) to another",
                caption: "Each main path as the sequence of groups of '\(input.groupTitle)' it passes through, and the arcs where it crosses.",
                columns: ["search", "works", "groups visited", "crossings", "crossing arcs (cited → citing)"],
                rows: rows)))
        }
        sections.append(ReportSection(title: "Main paths", blocks: mainBlocks))

        if input.years != nil {
            progress("\(input.name): historiograph")
            let figure = try HistoriographFigure.figure(
                graph: g, years: years, top: parameters.historiographTop, labels: input.labels, partition: partition,
                groupTitle: input.groupTitle)
            sections.append(ReportSection(title: "Historiograph", blocks: [.figure(try .rendered(
                name: "historiograph", title: "Historiograph of the \(parameters.historiographTop) most cited works",
                caption: "The works most cited within this network (local citation score, as HistCite defines it), one row per year, with the citations among them. " + figure.caption,
                dot: figure.dotGraph, engine: figure.engine))]))
        }

        var used = MethodCatalogue.centrality
        if communities != nil { used += MethodCatalogue.communityComparison }
        let (centralityText, centralityReferences) = MethodCatalogue.text(for: used)
        let methods = [
            "Data: \(input.source). Centrality on the citation arcs: " + centralityText,
            "Main path analysis: strong components condensed (Tarjan 1972), search path counts computed exactly over a topological order (Batagelj 2003), and local forward, global and key-route (Liu & Lu 2012) searches.",
            "Figures drawn with Graphviz's dot layout, one rank per year, in-process through its C libraries.",
        ]
        let references = Set(centralityReferences + [
            "Batagelj, V. (2003). Efficient algorithms for citation network analysis. arXiv:cs/0309023",
            "Hummon, N. P. & Doreian, P. (1989). Connectivity in a citation network: the development of DNA theory. Social Networks 11(1), 39–63. doi:10.1016/0378-8733(89)90017-8",
            "Liu, J. S. & Lu, L. Y. Y. (2012). An integrated approach for main path analysis: development of the Hirsch index as an example. JASIST 63(3), 528–542. doi:10.1002/asi.21692",
            MethodCatalogue.components.reference,
        ]).sorted()
        return Report(
            name: input.name, title: input.title, source: input.source, sections: sections,
            parameters: [("weight", "SPC"), ("key routes", "\(parameters.keyRoutes)"), ("historiograph works", "\(parameters.historiographTop)"),
                         ("cycles", "condensed"), ("PageRank", "damping 0.85, dangling mass spread uniformly, relative L1 tolerance 1e-12 (Gauss–Seidel by strong component)"),
                         ("centrality top lists", "\(parameters.centralityTop) works per measure"),
                         ("exact betweenness", "up to \(parameters.betweennessArcLimit) arcs"),
                         ("random seed", "\(parameters.seed) (Louvain communities)"), ("generator", "Siloscope 0.1.0")],
            methods: methods,
            references: references,
            metricsJSON: try JSONOutput.encode(Metrics(graph: summary, mainPaths: searches.map(\.1), centrality: topLists, communities: communities)))
    }

    func cycleSentence(_ report: CycleReport) -> String {
        let merged = report.mergedComponents.count
        guard merged > 0 || !report.removedArcs.isEmpty else { return "The network is acyclic, so nothing was changed." }
        return "To make the network acyclic, \(merged) strongly connected component\(merged == 1 ? " was" : "s were") merged into single nodes"
            + " (\(report.mergedComponents.reduce(0) { $0 + $1.count }) works), and \(report.droppedArcs) arcs inside them were dropped."
    }
}
