import NetworkCore

/// What a node attribute holds, for formats with typed attributes (GEXF, GraphML).
public enum ExportValueKind: String, Sendable, Equatable {
    /// Whole numbers (every present value parses as a 64-bit integer).
    case integer
    /// Real numbers (every present value parses as a finite `Double`).
    case real
    /// Anything else.
    case text
}

/// One node attribute to carry into another tool: a name, a kind and one value per node
/// (`nil` where the node has none; formats that cannot say "missing" skip the node's
/// value rather than invent one).
public struct ExportAttribute: Sendable, Equatable {
    /// The attribute's name as the target tool will show it (e.g. `year`, `literature`, `pagerank`).
    public var name: String
    /// The kind, inferred from the values by ``ExportAttribute/inferKind(_:)`` unless given.
    public var kind: ExportValueKind
    /// Whether the attribute is a grouping (literature, community): written as a Pajek
    /// partition and usable as VOSviewer clusters.
    public var isPartition: Bool
    /// One value per node, as text exactly as it will be written.
    public var values: [String?]

    /// An attribute; `kind` defaults to the narrowest kind every present value fits.
    public init(name: String, values: [String?], kind: ExportValueKind? = nil, isPartition: Bool = false) {
        self.name = name
        self.values = values
        self.kind = kind ?? ExportAttribute.inferKind(values)
        self.isPartition = isPartition
    }

    /// The narrowest kind every present value fits: integer, else real, else text.
    /// An attribute with no present value is text. O(n).
    public static func inferKind(_ values: [String?]) -> ExportValueKind {
        var sawValue = false
        var allIntegers = true
        for case let value? in values {
            sawValue = true
            if allIntegers && Int64(value) == nil { allIntegers = false }
            if !allIntegers {
                guard let x = Double(value), x.isFinite else { return .text }
            }
        }
        guard sawValue else { return .text }
        return allIntegers ? .integer : .real
    }
}

/// A point of a layout, in the layout's own units (Graphviz points for `--layout`).
public struct ExportPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A network ready to be written for another tool: nodes with ids, labels, attributes,
/// optional colours, sizes and layout positions; arcs with weights.
///
/// It is a plain value built once (``ExportNetwork/init(graph:labels:attributes:)``) and
/// read by every writer, so all formats carry the same nodes, arcs and values.
/// Arcs mean *cites* (tail cites head), as everywhere in Siloscope.
public struct ExportNetwork: Sendable, Equatable {
    /// A title for formats that carry one (GEXF description, VOSviewer JSON info).
    public var title: String
    /// External node ids, unique, in node-index order.
    public var ids: [String]
    /// One label per node (the node's `label` attribute where it has one, else its id).
    public var labels: [String]
    /// Arc tails (node indices), one per arc, in the graph's CSR order.
    public var tails: [Int32]
    /// Arc heads (node indices), aligned with ``tails``.
    public var heads: [Int32]
    /// Arc weights aligned with ``tails``; `nil` when the graph is unweighted.
    public var weights: [Double]?
    /// Node attributes, in the order they are written.
    public var attributes: [ExportAttribute]
    /// The attribute colours come from (a partition), with one `#RRGGBB` per node.
    public var colorAttribute: String?
    /// Node colours (`#RRGGBB`), when ``colorAttribute`` is set.
    public var colors: [String]?
    /// Node sizes (positive), when a size measure was chosen.
    public var sizes: [Double]?
    /// The attribute sizes come from.
    public var sizeAttribute: String?
    /// Layout positions, when a layout was asked for.
    public var positions: [ExportPoint]?

    /// A network from a graph, its labels and the attributes to carry. O(n + m).
    public init(graph: Graph, labels: [String], attributes: [ExportAttribute], title: String = "") {
        precondition(labels.count == graph.nodeCount, "one label per node")
        self.title = title
        ids = graph.ids
        self.labels = labels
        tails = graph.arcTails()
        heads = graph.outTargets
        weights = graph.weights
        self.attributes = attributes
    }

    /// Number of nodes.
    public var nodeCount: Int { ids.count }
    /// Number of arcs.
    public var arcCount: Int { tails.count }

    /// The attribute named `name`, if carried.
    public func attribute(_ name: String) -> ExportAttribute? { attributes.first { $0.name == name } }

    /// Each linked unordered pair once, with the summed weights of the arcs between the
    /// two nodes in either direction (self-loops left out), sorted by (smaller, larger)
    /// index: the undirected view VOSviewer shows. O(m log m).
    public func undirectedLinks() -> [(a: Int32, b: Int32, strength: Double)] {
        var keyed: [(key: UInt64, w: Double)] = []
        keyed.reserveCapacity(arcCount)
        for i in 0..<arcCount where tails[i] != heads[i] {
            let a = min(tails[i], heads[i]), b = max(tails[i], heads[i])
            keyed.append((UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), weights?[i] ?? 1))
        }
        keyed.sort { $0.key < $1.key }
        var out: [(a: Int32, b: Int32, strength: Double)] = []
        for item in keyed {
            let a = Int32(truncatingIfNeeded: item.key >> 32), b = Int32(truncatingIfNeeded: item.key & 0xFFFF_FFFF)
            if let last = out.last, last.a == a, last.b == b {
                out[out.count - 1].strength += item.w
            } else {
                out.append((a, b, item.w))
            }
        }
        return out
    }
}

extension ExportNetwork {
    /// The network induced by `nodes` (node indices, in the order given): those nodes with
    /// their labels, attribute values, colours, sizes and positions, and the arcs among
    /// them in the original arc order. For writing the part of a network a figure draws.
    /// O(n + m).
    public func induced(by nodes: [Int32]) -> ExportNetwork {
        var newIndex = [Int32](repeating: -1, count: nodeCount)
        for (i, v) in nodes.enumerated() where v >= 0 && Int(v) < nodeCount { newIndex[Int(v)] = Int32(i) }
        var out = self
        let keep = nodes.filter { $0 >= 0 && Int($0) < nodeCount }.map(Int.init)
        out.ids = keep.map { ids[$0] }
        out.labels = keep.map { labels[$0] }
        out.attributes = attributes.map { a in
            var b = a
            b.values = keep.map { a.values[$0] }
            return b
        }
        out.colors = colors.map { c in keep.map { c[$0] } }
        out.sizes = sizes.map { s in keep.map { s[$0] } }
        out.positions = positions.map { p in keep.map { p[$0] } }
        var tails: [Int32] = [], heads: [Int32] = [], w: [Double] = []
        for a in 0..<arcCount {
            let s = newIndex[Int(self.tails[a])], t = newIndex[Int(self.heads[a])]
            guard s >= 0, t >= 0 else { continue }
            tails.append(s); heads.append(t)
            if let weights { w.append(weights[a]) }
        }
        out.tails = tails
        out.heads = heads
        out.weights = weights == nil ? nil : w
        return out
    }
}
