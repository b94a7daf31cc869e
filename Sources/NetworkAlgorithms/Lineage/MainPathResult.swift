import NetworkCore

/// Which main path search produced a ``MainPathResult`` (ARCHITECTURE.md §6 `search` values).
public enum MainPathSearch: String, Sendable, Codable, CaseIterable {
    case localForward = "local-forward"
    case localBackward = "local-backward"
    case global
    case keyRoute = "key-route"
    case multiple
    case basket
}

/// An arc of a main path, along the knowledge flow: `from` is the cited (earlier) work,
/// `to` the citing (later) one.
public struct MainPathArc: Sendable, Codable, Equatable, Hashable {
    /// DAG node id of the cited work.
    public let from: String
    /// DAG node id of the citing work.
    public let to: String
    /// The arc's traversal weight (scale given by ``MainPathResult/weightScale``).
    public let weight: Double
}

/// A choice a search made between arcs of equal weight (or equal path total).
public struct MainPathTie: Sendable, Codable, Equatable {
    /// Where the choice was made: `"start"` (first arc of a local search), `"next"` (local
    /// forward step), `"previous"` (local backward step), `"predecessor"` (global search:
    /// best arc into `node`), `"end"` (global search: best last arc among sinks),
    /// `"keyRouteCutoff"` (arcs tied with the K-th key route), `"source"` (multiple main
    /// paths: sources with equal best totals at the cut-off).
    public let step: String
    /// The node where the choice was made, if any.
    public let node: String?
    /// All tied candidates (arcs, knowledge-flow direction), in DAG arc order.
    public let candidates: [MainPathArc]
    /// The candidate chosen (always the first: smallest tail, then head, then input arc).
    public let chosen: MainPathArc
}

/// A main path (or main path network) in the shape of ARCHITECTURE.md §6 (`weight`, `search`,
/// `arcs`, `nodes`, `totalWeight`, `ties`, `cyclesRemoved`) plus context.
public struct MainPathResult: Sendable, Codable {
    /// The traversal weight used.
    public let weight: TraversalWeightKind
    /// The search used.
    public let search: MainPathSearch
    /// Arcs, cited → citing. Path order for single paths; DAG arc order for networks.
    public let arcs: [MainPathArc]
    /// Node ids: path order for single paths; for networks, topological order.
    public let nodes: [String]
    /// Sum of the arc weights in ``arcs``.
    public let totalWeight: Double
    /// Every tie met on the way and how it was broken.
    public let ties: [MainPathTie]
    /// What was changed to make the network acyclic.
    public let cyclesRemoved: CycleReport
    /// The individual paths (node id sequences): one for local/global searches, one per
    /// key route or source for key-route and multiple searches, empty for baskets.
    public let paths: [[String]]
    /// How the counts were computed.
    public let precision: CountPrecision
    /// `"count"` (raw traversal counts) or `"normalized"` (when counts are too large for
    /// path sums in `Double`; see ``TraversalWeights/searchUsesNormalizedWeights``).
    public let weightScale: String
    /// Always `"cited→citing"`: arcs follow the flow of knowledge.
    public let arcDirection: String
    /// K for key-route searches, the path limit for multiple main paths.
    public let routes: Int?
    /// Relative tolerance for baskets.
    public let tolerance: Double?
    /// DAG arc indices of ``arcs`` (same order), for renderers and reports.
    public let dagArcs: [Int]
}

/// One row of a key-route sweep: the size of the key-route main path network for one K.
public struct KeyRouteSweepRow: Sendable, Codable, Equatable {
    public let routes: Int
    public let nodes: Int
    public let arcs: Int
    public let totalWeight: Double
}
