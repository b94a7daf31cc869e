import GraphvizRendering
import NetworkCore

/// A per-node measure to carry into an export (computed by the caller).
public struct ExportMeasure: Sendable {
    public var name: String
    public var values: [Double]
    /// Whole counts (degree, core number) are written as integers.
    public var isCount: Bool
    /// Community numbers: a grouping rather than a quantity.
    public var isPartition: Bool
    public init(name: String, values: [Double], isCount: Bool, isPartition: Bool) {
        self.name = name; self.values = values; self.isCount = isCount; self.isPartition = isPartition
    }
}

/// What to carry into an export and how to draw it.
public struct ExportOptions: Sendable {
    /// Node attributes to carry; `nil` carries all of them.
    public var attributes: [String]?
    /// A grouping attribute or community measure that colours the nodes (and numbers
    /// VOSviewer clusters, and becomes a Pajek partition).
    public var colorBy: String?
    /// A numeric attribute or measure that sizes the nodes.
    public var sizeBy: String?
    /// A Graphviz engine for layout positions; `nil` writes none.
    public var layout: LayoutEngine?
    /// Title for formats that carry one.
    public var title: String
    public init(attributes: [String]? = nil, colorBy: String? = nil, sizeBy: String? = nil, layout: LayoutEngine? = nil, title: String = "") {
        self.attributes = attributes; self.colorBy = colorBy; self.sizeBy = sizeBy; self.layout = layout; self.title = title
    }
}

/// An export request that names something the input does not have.
public struct ExportOptionError: Error, CustomStringConvertible {
    public var description: String
}

extension ExportNetwork {
    /// Builds the network to export: the graph, the chosen node attributes (the `label`
    /// attribute becomes the labels, the rest attributes), the measures, the colours of
    /// ``ExportOptions/colorBy`` (Okabe–Ito palette of the figures, groups by size,
    /// largest first, ties by name; no value grey), sizes from ``ExportOptions/sizeBy``
    /// (scaled to 4…40 by square root, so area follows the value) and, with a layout
    /// engine, Graphviz positions of the undirected view.
    ///
    /// Time O(n · attributes + m) plus the layout's. Deterministic.
    public static func build(graph: Graph, attributes: NodeAttributes, measures: [ExportMeasure], options: ExportOptions) throws -> ExportNetwork {
        let labels = attributes["label"].map { zip($0, graph.ids).map { $0 ?? $1 } } ?? graph.ids
        var carried: [ExportAttribute] = []
        let names = options.attributes ?? attributes.names
        for name in names where name != "label" {
            guard let values = attributes[name] else {
                throw ExportOptionError(description: "no node attribute '\(name)'; attributes: \(attributes.names.joined(separator: ", "))")
            }
            let isGrouping = name == options.colorBy
            carried.append(ExportAttribute(name: name, values: values, kind: isGrouping ? .text : nil, isPartition: isGrouping))
        }
        for m in measures {
            let text = m.values.map { x -> String? in
                guard x.isFinite else { return nil }
                return m.isCount || m.isPartition ? String(Int64(x)) : ExportText.number(x)
            }
            carried.append(ExportAttribute(name: m.name, values: text, kind: m.isPartition ? .text : (m.isCount ? .integer : .real),
                                           isPartition: m.isPartition || m.name == options.colorBy))
        }
        var network = ExportNetwork(graph: graph, labels: labels, attributes: carried, title: options.title)
        if let colorBy = options.colorBy {
            guard let attribute = network.attribute(colorBy) else {
                throw ExportOptionError(description: "--color-by '\(colorBy)' is neither a carried attribute nor a measure asked for")
            }
            network.colorAttribute = colorBy
            network.colors = colors(attribute.values)
        }
        if let sizeBy = options.sizeBy {
            guard let attribute = network.attribute(sizeBy) else {
                throw ExportOptionError(description: "--size-by '\(sizeBy)' is neither a carried attribute nor a measure asked for")
            }
            let numbers = attribute.values.map { $0.flatMap(Double.init) }
            guard numbers.contains(where: { $0 != nil }) else {
                throw ExportOptionError(description: "--size-by '\(sizeBy)' has no numeric value")
            }
            network.sizeAttribute = sizeBy
            network.sizes = sizes(numbers)
        }
        if let engine = options.layout {
            let links = network.undirectedLinks().map { ($0.a, $0.b) }
            network.positions = try GraphvizLayout.positions(nodeCount: graph.nodeCount, links: links, engine: engine)
                .map { ExportPoint(x: $0.x, y: $0.y) }
        }
        return network
    }

    /// One colour per node: groups ordered by size (largest first, ties by name) get the
    /// figures' palette in that order; nodes without a value are grey. O(n log n).
    static func colors(_ values: [String?]) -> [String] {
        var count: [String: Int] = [:]
        for case let v? in values { count[v, default: 0] += 1 }
        let order = count.keys.sorted { a, b in
            let ca = count[a] ?? 0, cb = count[b] ?? 0
            return ca != cb ? ca > cb : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
        var rank: [String: Int] = [:]
        for (i, name) in order.enumerated() { rank[name] = i }
        return values.map { v in
            guard let v, let i = rank[v] else { return Palette.missing.fill }
            return Palette.style(group: i).fill
        }
    }

    /// Sizes in 4…40 proportional to the square root of the value's share of the range;
    /// missing or negative values get the smallest size. O(n).
    static func sizes(_ values: [Double?]) -> [Double] {
        let present = values.compactMap { $0 }.filter { $0.isFinite }
        let low = max(0, present.min() ?? 0), high = present.max() ?? 0
        return values.map { x in
            guard let x, x.isFinite, high > low else { return 4 }
            let share = max(0, x - low) / (high - low)
            return ((4 + 36 * share.squareRoot()) * 100).rounded() / 100
        }
    }
}
