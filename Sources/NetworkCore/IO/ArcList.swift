/// Arcs exactly as a reader found them in a file, before the duplicate / self-loop
/// policies, the `--reverse` option and the node table apply. ``NetworkInput`` turns an
/// arc list into a ``Graph``.
///
/// Node `k` has external id `ids[k]`; arc `i` goes `tails[i] → heads[i]` and was read on
/// line `lines[i]` (1-based) of the file.
public struct ArcList: Sendable {
    /// External id of every node, in index order.
    public var ids: [String]
    /// Tail (citing side, as written in the file) of every arc.
    public var tails: [Int32] = []
    /// Head of every arc.
    public var heads: [Int32] = []
    /// Weight of every arc, or `nil` when no line of the file gave a weight.
    public var weights: [Double]?
    /// 1-based line of every arc.
    public var lines: [Int32] = []
    /// For Pajek files: whether each arc came from an `*Edges`/`*Edgeslist` section (an
    /// undirected edge stored as one arc `u → v`). `nil` when the file has no such section.
    public var fromEdgeSection: [Bool]?
    /// Node attributes the file itself carries (Pajek labels, partitions, vectors;
    /// GraphML data), as `(name, values)` in file order, each aligned with `ids`.
    public var attributes: [(name: String, values: [String?])] = []
    /// Whether the file declares its node set (Pajek `*Vertices`, GraphML `<node>`):
    /// then a node table cannot add nodes, only describe them.
    public var declaresNodes: Bool

    /// An arc list over nodes `ids` with no arcs yet.
    public init(ids: [String], declaresNodes: Bool) {
        self.ids = ids
        self.declaresNodes = declaresNodes
    }

    /// Number of arcs. O(1).
    public var count: Int { tails.count }

    /// Appends an arc; `weight` may be `nil` even when other arcs have weights (then 1).
    public mutating func append(_ u: Int32, _ v: Int32, weight: Double?, line: Int, edge: Bool = false) {
        if let weight {
            if weights == nil { weights = [Double](repeating: 1, count: tails.count) }
            weights?.append(weight)
        } else if weights != nil {
            weights?.append(1)
        }
        if edge && fromEdgeSection == nil { fromEdgeSection = [Bool](repeating: false, count: tails.count) }
        if fromEdgeSection != nil { fromEdgeSection?.append(edge) }
        tails.append(u)
        heads.append(v)
        lines.append(Int32(clamping: line))
    }
}
