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
/// The report is the ordered list ``sections`` of ``NetworkSection`` values, each in its
/// own file (`NetworkReportContext+<Section>.swift`); central works and communities are
/// the sections the dataset report shares.
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

    /// The sections of a network report, in order. A section that does not apply to the
    /// input (communities without a partition, historiograph without years) builds nothing.
    static let sections: [NetworkSection] = [
        .summary,
        .centralWorks,
        .communities,
        .mainPaths,
        .historiograph,
    ]

    /// Builds the report: every section of ``sections`` in order, then the methods text
    /// (the data, the methods the sections used, their own paragraphs, the figures), the
    /// parameters table and `metrics.json`.
    public func build(_ input: Input) throws -> Report {
        let context = NetworkReportContext(input: input, parameters: parameters)
        var metrics = NetworkReportMetrics(context: context)
        let part = try Self.sections.assemble(context: context, metrics: &metrics, progress: progress, label: input.name)
        let (analysisText, references) = MethodCatalogue.text(for: part.methods)
        let methods = ["Data: \(input.source). Centrality on the citation arcs: " + analysisText]
            + part.methodParagraphs + [MethodCatalogue.yearRankedFiguresParagraph]
        return Report(
            name: input.name, title: input.title, source: input.source, sections: part.sections,
            parameters: context.parameterRows(sectionRows: part.parameters),
            methods: methods,
            references: references,
            metricsJSON: try JSONOutput.encode(metrics))
    }
}
