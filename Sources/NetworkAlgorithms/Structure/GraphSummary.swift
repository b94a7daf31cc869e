import NetworkCore

/// The `graph` block of `siloscope metrics --format json` (ARCHITECTURE.md §6).
///
/// Keys: `nodes`, `arcs`, `selfLoops`, `duplicateArcs`, `weakComponents`,
/// `largestWeakComponent`, `strongComponents`, `acyclic`.
public struct GraphSummary: Sendable, Equatable, Codable {
    /// Number of nodes.
    public var nodes: Int
    /// Number of arcs in the graph (after the builder's policies).
    public var arcs: Int
    /// Self-loops seen in the input (kept or not).
    public var selfLoops: Int
    /// Duplicate arcs seen in the input (kept or not).
    public var duplicateArcs: Int
    /// Number of weakly connected components.
    public var weakComponents: Int
    /// Size (nodes) of the largest weakly connected component.
    public var largestWeakComponent: Int
    /// Number of strongly connected components.
    public var strongComponents: Int
    /// Whether the graph has no directed cycle (no strong component > 1, no self-loop).
    public var acyclic: Bool

    /// Memberwise initialiser.
    public init(nodes: Int, arcs: Int, selfLoops: Int, duplicateArcs: Int, weakComponents: Int,
                largestWeakComponent: Int, strongComponents: Int, acyclic: Bool) {
        self.nodes = nodes
        self.arcs = arcs
        self.selfLoops = selfLoops
        self.duplicateArcs = duplicateArcs
        self.weakComponents = weakComponents
        self.largestWeakComponent = largestWeakComponent
        self.strongComponents = strongComponents
        self.acyclic = acyclic
    }

    /// Summarises `graph`. `selfLoops` and `duplicateArcs` are those the builder saw in
    /// the input (pass the ``NetworkCore/GraphBuildResult`` counts); when omitted they are
    /// counted in the graph itself. Time O(n + m).
    public init(graph: Graph, selfLoops: Int? = nil, duplicateArcs: Int? = nil) {
        let weak = graph.weakComponents()
        let strong = graph.strongComponents()
        let loopsInGraph = graph.selfLoopCount()
        self.init(
            nodes: graph.nodeCount, arcs: graph.arcCount,
            selfLoops: selfLoops ?? loopsInGraph,
            duplicateArcs: duplicateArcs ?? graph.duplicateArcCount(),
            weakComponents: weak.count, largestWeakComponent: weak.largestSize,
            strongComponents: strong.count,
            acyclic: loopsInGraph == 0 && strong.count == graph.nodeCount)
    }

    /// Summarises a build result, with the self-loops and duplicates seen in the input.
    public init(_ build: GraphBuildResult) {
        self.init(graph: build.graph, selfLoops: build.selfLoops, duplicateArcs: build.duplicateArcs)
    }
}
