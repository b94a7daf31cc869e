import NetworkCore

/// One entry of the `nodes` array of `siloscope metrics --format json` (ARCHITECTURE.md §6).
///
/// Keys: `id`, `inDegree`, `outDegree`, `pagerank`, and `betweenness` when computed
/// (absent otherwise).
public struct NodeMetrics: Sendable, Equatable, Codable {
    /// External node id.
    public var id: String
    /// Arcs entering the node (times cited).
    public var inDegree: Int
    /// Arcs leaving the node (references).
    public var outDegree: Int
    /// PageRank (damping 0.85), see ``NetworkCore/Graph/pageRank(damping:personalization:useWeights:tolerance:maxIterations:)``.
    public var pagerank: Double
    /// Betweenness, when computed (see ``NetworkCore/Graph/betweenness(directed:normalized:)``).
    public var betweenness: Double?

    /// Memberwise initialiser.
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
    /// The `graph` block.
    public var graph: GraphSummary
    /// One entry per node, in node order.
    public var nodes: [NodeMetrics]

    /// Memberwise initialiser.
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
