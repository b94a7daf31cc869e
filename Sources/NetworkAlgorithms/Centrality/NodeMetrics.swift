import NetworkCore

/// One entry of the `nodes` array of `siloscope metrics --format json` (DESIGN §6).
///
/// Keys: `id`, `inDegree`, `outDegree`, `pagerank`, and `betweenness` when computed
/// (absent otherwise).
public struct NodeMetrics: Sendable, Equatable, Codable {
    public var id: String
    public var inDegree: Int
    public var outDegree: Int
    public var pagerank: Double
    public var betweenness: Double?

    public init(id: String, inDegree: Int, outDegree: Int, pagerank: Double, betweenness: Double? = nil) {
        self.id = id
        self.inDegree = inDegree
        self.outDegree = outDegree
        self.pagerank = pagerank
        self.betweenness = betweenness
    }
}

/// The whole `siloscope metrics --format json` document: `graph` and `nodes`.
public struct MetricsReport: Sendable, Equatable, Codable {
    public var graph: GraphSummary
    public var nodes: [NodeMetrics]

    public init(graph: GraphSummary, nodes: [NodeMetrics]) {
        self.graph = graph
        self.nodes = nodes
    }
}

extension Graph {
    /// Degree and PageRank (defaults of ``pageRank(damping:personalization:useWeights:tolerance:maxIterations:)``)
    /// of every node, in node order; `betweenness` is left `nil`. Time O(n + m) per
    /// PageRank iteration.
    public func nodeMetrics() -> [NodeMetrics] {
        let pr = pageRank().scores
        let ins = inDegrees(), outs = outDegrees()
        return (0..<nodeCount).map { NodeMetrics(id: ids[$0], inDegree: ins[$0], outDegree: outs[$0], pagerank: pr[$0]) }
    }
}
