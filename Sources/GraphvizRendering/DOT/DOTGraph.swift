/// A value of a DOT attribute: either ordinary text, written as a quoted DOT string with
/// every special character escaped, or an HTML-like label (`<…>`) whose markup was built
/// through ``HTMLLabel`` so that user text inside it is XML-escaped.
public enum DOTValue: Sendable, Equatable, Hashable {
    /// Plain text. The writer escapes backslashes, quotes, newlines and control
    /// characters (see ``DOTEscaping/quoted(_:)``), so the text reaches the figure literally.
    case text(String)
    /// An HTML-like label. Written between `<` and `>` without further escaping.
    case html(HTMLLabel)
}

extension DOTValue: ExpressibleByStringLiteral {
    /// A string literal is plain ``text(_:)``.
    public init(stringLiteral value: String) { self = .text(value) }
}

/// An ordered set of DOT attributes (`key = value`).
///
/// Setting a key twice keeps the last value. The writer emits attributes sorted by key
/// (Unicode scalar order), so the text does not depend on the order they were set in.
public struct DOTAttributes: Sendable, Equatable, Hashable, ExpressibleByDictionaryLiteral {
    /// The attributes, keyed by name.
    public private(set) var values: [String: DOTValue]

    /// Empty attributes.
    public init() { values = [:] }

    /// Attributes from a literal, e.g. `["shape": "box", "label": .html(…)]`.
    public init(dictionaryLiteral elements: (String, DOTValue)...) {
        values = [:]
        for (k, v) in elements { values[k] = v }
    }

    /// Reads or sets one attribute. Setting `nil` removes it. O(1) average.
    public subscript(key: String) -> DOTValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Whether there are no attributes.
    public var isEmpty: Bool { values.isEmpty }

    /// The attributes sorted by key (the order the writer uses). O(a log a).
    public var sorted: [(key: String, value: DOTValue)] {
        values.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            .map { (key: $0.key, value: $0.value) }
    }
}

/// A node statement: an id and its attributes.
public struct DOTNode: Sendable, Equatable, Hashable {
    /// The node id (any text; the writer quotes and escapes it).
    public var id: String
    /// Node attributes (label, fillcolor, tooltip, URL, …).
    public var attributes: DOTAttributes
    /// Makes a node statement.
    public init(id: String, attributes: DOTAttributes = DOTAttributes()) {
        self.id = id
        self.attributes = attributes
    }
}

/// An edge statement between two node ids.
public struct DOTEdge: Sendable, Equatable, Hashable {
    /// Tail node id (the arc's source).
    public var from: String
    /// Head node id (the arc's target).
    public var to: String
    /// Edge attributes.
    public var attributes: DOTAttributes
    /// Makes an edge statement.
    public init(from: String, to: String, attributes: DOTAttributes = DOTAttributes()) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A subgraph: a `rank=same` group, a cluster (`cluster_…` name, drawn boxed by `dot`),
/// or a plain attribute scope.
public struct DOTSubgraph: Sendable, Equatable, Hashable {
    /// Subgraph name. Clusters must start with `cluster` (see ``cluster(name:label:nodeIDs:)``).
    public var name: String
    /// Graph attributes of the subgraph (`rank`, `label`, `style`, …).
    public var attributes: DOTAttributes
    /// Node statements inside the subgraph (ids only or with attributes).
    public var nodes: [DOTNode]
    /// Nested subgraphs.
    public var subgraphs: [DOTSubgraph]

    /// Makes a subgraph.
    public init(name: String, attributes: DOTAttributes = DOTAttributes(), nodes: [DOTNode] = [], subgraphs: [DOTSubgraph] = []) {
        self.name = name
        self.attributes = attributes
        self.nodes = nodes
        self.subgraphs = subgraphs
    }

    /// A `rank=same` group: the nodes are laid out on one rank by `dot` (e.g. one year).
    public static func sameRank(name: String, nodeIDs: [String]) -> DOTSubgraph {
        DOTSubgraph(name: name, attributes: ["rank": "same"], nodes: nodeIDs.map { DOTNode(id: $0) })
    }

    /// A cluster: `dot` draws its nodes together inside a labelled box. The name is
    /// prefixed with `cluster_` (Graphviz recognises clusters by that prefix).
    public static func cluster(name: String, label: String, nodeIDs: [String]) -> DOTSubgraph {
        DOTSubgraph(name: "cluster_" + name, attributes: ["label": .text(label)], nodes: nodeIDs.map { DOTNode(id: $0) })
    }
}

/// A whole DOT graph as a value: testable without Graphviz, written deterministically by
/// ``DOTGraph/text``.
public struct DOTGraph: Sendable, Equatable, Hashable {
    /// Graph name (written quoted).
    public var name: String
    /// `digraph` (arcs `->`) when true, `graph` (edges `--`) when false.
    public var directed: Bool
    /// Whether to write `strict` (merges multi-edges).
    public var strict: Bool
    /// Graph attributes (`graph [...]`).
    public var graphAttributes: DOTAttributes
    /// Default node attributes (`node [...]`).
    public var nodeDefaults: DOTAttributes
    /// Default edge attributes (`edge [...]`).
    public var edgeDefaults: DOTAttributes
    /// Node statements, written in this order.
    public var nodes: [DOTNode]
    /// Edge statements, written in this order (after the nodes and subgraphs).
    public var edges: [DOTEdge]
    /// Subgraphs, written after the nodes.
    public var subgraphs: [DOTSubgraph]
    /// Whether ``GraphvizRenderer/render(_:engine:format:pngDPI:)`` moves arc labels that the
    /// layout put on a node off it (``EdgeLabelPlacement``). Not written into the text.
    /// Default `false`.
    public var clearsEdgeLabels = false

    /// Makes a graph.
    public init(
        name: String = "G", directed: Bool, strict: Bool = false,
        graphAttributes: DOTAttributes = DOTAttributes(), nodeDefaults: DOTAttributes = DOTAttributes(),
        edgeDefaults: DOTAttributes = DOTAttributes(), nodes: [DOTNode] = [], edges: [DOTEdge] = [],
        subgraphs: [DOTSubgraph] = []
    ) {
        self.name = name
        self.directed = directed
        self.strict = strict
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }
}
