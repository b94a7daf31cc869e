import NetworkAlgorithms

/// `metrics.json` of a network report, filled section by section.
struct NetworkReportMetrics: Encodable, Sendable {
    var graph: GraphSummary
    var mainPaths: [MainPathResult] = []
    /// Top works per centrality measure.
    var centrality: [CentralityTopList] = []
    /// Louvain communities against the partition, when there is one.
    var communities: CommunityComparison?

    init(context: NetworkReportContext) {
        graph = context.summary
    }
}
