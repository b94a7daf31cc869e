import Foundation

/// The file formats ``NetworkInput/load(path:reverse:nodes:duplicates:selfLoops:header:)``
/// recognises, chosen by extension (of the name without `.gz` for gzip files).
public enum NetworkFormat: String, Sendable, CaseIterable {
    /// Pajek `.net` / `.paj` (``PajekReader``).
    case pajek
    /// Whitespace/tab-separated edge list: `.tsv`, `.txt` and any other extension
    /// (e.g. Cora's `.cites`) (``EdgeListReader``).
    case edgeList
    /// Comma-separated edge list `.csv` (``EdgeListReader``, CSV.swift).
    case csvEdgeList
    /// GraphML `.graphml` / `.xml` (``GraphMLReader``).
    case graphML

    /// The format of `path` by its extension (case-insensitive), ignoring a final `.gz`:
    /// `CiteB.net.gz` is Pajek.
    public static func of(path: String) -> NetworkFormat {
        switch (Gzip.uncompressedName(path) as NSString).pathExtension.lowercased() {
        case "net", "paj": return .pajek
        case "csv": return .csvEdgeList
        case "graphml", "xml": return .graphML
        default: return .edgeList
        }
    }
}

/// A network read from a graph file, ready for analysis: the graph (always *citing →
/// cited*), its node attributes, what the reader counted, and where every arc came from.
///
/// This is the single entry point the CLI uses for graph files (dataset folders are
/// loaded by `Bibliometrics.Dataset`).
public struct NetworkInput: Sendable {
    /// The path as given.
    public let source: String
    /// The format the file was read as.
    public let format: NetworkFormat
    /// The graph; arcs mean *citing → cited* (reversed at read time with `reverse`).
    public let graph: Graph
    /// Node attributes: Pajek `label` and partitions/vectors, GraphML data, and the
    /// columns of the `--nodes` table (which replace same-named file attributes).
    public var attributes: NodeAttributes
    /// Self-loops seen in the file (kept or not, see ``GraphBuildResult/selfLoops``).
    public let selfLoops: Int
    /// Arcs repeating an earlier arc between the same ordered pair (kept or not).
    public let duplicateArcs: Int
    /// Arcs of the file not present as their own arc (dropped or summed by policy).
    public let droppedArcs: Int
    /// Arcs read from the file (before policies).
    public let arcsRead: Int
    /// Whether arcs were reversed (`--reverse`: the file lists cited → citing).
    public let reversed: Bool
    /// For each graph arc, the 1-based line of the file it was read from (for summed
    /// duplicates, the first copy).
    public let arcLines: [Int32]
    /// For each graph arc, whether it came from a Pajek `*Edges`/`*Edgeslist` section
    /// (an undirected edge stored as one arc); `nil` when the file has none.
    public let undirectedArcs: [Bool]?
    /// How the `--nodes` table matched, when one was given.
    public private(set) var nodeTable: NodeTableMatch?

    /// `file:line` of arc `a`. O(1).
    public func provenance(ofArc a: Int) -> String { "\(source):\(arcLines[a])" }

    /// Reads a graph file, dispatching on its extension (see ``NetworkFormat``); gzip
    /// files are inflated in memory first (``Gzip``) and read by the name without `.gz`.
    ///
    /// - Parameters:
    ///   - path: the graph file.
    ///   - reverse: the file's arcs point cited → citing (Cora, CiteSeer, the HistCite
    ///     Pajek files); every arc is reversed so the graph means citing → cited.
    ///   - nodes: optional node attribute table (``NodeTable``). For edge lists its ids
    ///     absent from the arcs are added as isolated nodes (after the others, in table
    ///     order); for Pajek/GraphML, whose node set is declared, they are counted in
    ///     ``NodeTableMatch/unknownIDs`` and ignored. Rows match a node by id, or for
    ///     Pajek files by the vertex label when labels are unique.
    ///   - duplicates, selfLoops: builder policies (counts are reported either way).
    ///   - header: header handling for edge lists (ignored for other formats).
    /// - Throws: ``InputError`` naming file and line for anything malformed.
    /// - Complexity: O(file size + m log d).
    public static func load(
        path: String, reverse: Bool = false, nodes: String? = nil,
        duplicates: GraphBuilder.DuplicatePolicy = .keep,
        selfLoops: GraphBuilder.SelfLoopPolicy = .keep,
        header: HeaderMode = .auto
    ) throws -> NetworkInput {
        let lower = Gzip.uncompressedName(path).lowercased()
        if lower.hasSuffix(".clu") || lower.hasSuffix(".vec") {
            throw InputError(file: path, message: "is a Pajek partition/vector, not a network; give the .net file and attach it")
        }
        let format = NetworkFormat.of(path: path)
        let arcs: ArcList
        switch format {
        case .pajek: arcs = try PajekReader.read(path: path)
        case .edgeList: arcs = try EdgeListReader.readWhitespace(InputFile(path: path), header: header)
        case .csvEdgeList: arcs = try EdgeListReader.readCSV(InputFile(path: path), header: header)
        case .graphML: arcs = try GraphMLReader.read(path: path)
        }
        let table = try nodes.map { try NodeTable.read(path: $0) }
        return try NetworkInput(arcs: arcs, source: path, format: format, reverse: reverse,
                            duplicates: duplicates, selfLoops: selfLoops, nodeTable: table)
    }

    /// Builds a network from an arc list (see ``load(path:reverse:nodes:duplicates:selfLoops:header:)``).
    public init(
        arcs input: ArcList, source: String, format: NetworkFormat, reverse: Bool,
        duplicates: GraphBuilder.DuplicatePolicy = .keep,
        selfLoops: GraphBuilder.SelfLoopPolicy = .keep,
        nodeTable table: NodeTable? = nil
    ) throws {
        var ids = input.ids
        // Id and label indexes are needed only to match a node table.
        var position: [String: Int32] = [:]
        if table != nil {
            position.reserveCapacity(ids.count)
            for (k, id) in ids.enumerated() { position[id] = Int32(k) }
        }
        var labelPosition: [String: Int32] = [:]
        if table != nil, input.declaresNodes, let labels = input.attributes.first(where: { $0.name == "label" })?.values {
            var unique = true
            for (k, label) in labels.enumerated() {
                guard let label else { continue }
                if labelPosition.updateValue(Int32(k), forKey: label) != nil { unique = false; break }
            }
            if !unique { labelPosition = [:] }
        }
        // Match table rows to nodes, adding isolated nodes for edge lists.
        var rowNode: [Int32?] = []
        var match: NodeTableMatch?
        if let table {
            var m = NodeTableMatch(file: table.file, rows: table.ids.count, matched: 0, matchedByLabel: 0,
                                   unknownIDs: 0, unknownExamples: [], addedNodes: 0, nodesWithoutRow: 0)
            rowNode.reserveCapacity(table.ids.count)
            for id in table.ids {
                if let v = position[id] {
                    rowNode.append(v); m.matched += 1
                } else if let v = labelPosition[id] {
                    rowNode.append(v); m.matched += 1; m.matchedByLabel += 1
                } else if !input.declaresNodes {
                    let v = Int32(ids.count)
                    ids.append(id)
                    position[id] = v
                    rowNode.append(v); m.addedNodes += 1
                } else {
                    rowNode.append(nil); m.unknownIDs += 1
                    if m.unknownExamples.count < 5 { m.unknownExamples.append(id) }
                }
            }
            match = m
        }
        var builder = GraphBuilder(duplicates: duplicates, selfLoops: selfLoops)
        builder.reserveArcs(input.count)
        // Readers intern ids as bytes; two byte sequences that are not UTF-8 can decode to
        // the same text (both become U+FFFD), which would merge two nodes and misalign
        // every index after them. Refuse that input by name (found by the edge-list fuzzer).
        for (k, id) in ids.enumerated() where builder.addNode(id) != Int32(k) {
            throw InputError(file: source, field: "node id",
                             message: "two different node ids read as the same text '\(id)' (bytes that are not valid UTF-8 are replaced when read); save the file as UTF-8")
        }
        for i in 0..<input.count {
            let u = input.tails[i], v = input.heads[i]
            let w = input.weights?[i]
            if reverse { builder.addArc(from: v, to: u, weight: w) } else { builder.addArc(from: u, to: v, weight: w) }
        }
        let built = builder.build()
        let graph = built.graph
        var attributes = NodeAttributes(nodeCount: graph.nodeCount)
        let extra = graph.nodeCount - input.ids.count
        for (name, values) in input.attributes {
            attributes.set(name, extra > 0 ? values + [String?](repeating: nil, count: extra) : values)
        }
        if let table, var m = match {
            var covered = [Bool](repeating: false, count: graph.nodeCount)
            for v in rowNode { if let v { covered[Int(v)] = true } }
            m.nodesWithoutRow = covered.lazy.filter { !$0 }.count
            for (c, name) in table.columns.enumerated() {
                var column = [String?](repeating: nil, count: graph.nodeCount)
                for (r, v) in rowNode.enumerated() { if let v { column[Int(v)] = table.values[c][r] } }
                attributes.set(name, column)
            }
            match = m
        }
        self.source = source
        self.format = format
        self.graph = graph
        self.attributes = attributes
        self.selfLoops = built.selfLoops
        self.duplicateArcs = built.duplicateArcs
        self.droppedArcs = built.droppedArcs
        self.arcsRead = input.count
        self.reversed = reverse
        self.arcLines = built.insertionOfArc.map { input.lines[Int($0)] }
        self.undirectedArcs = input.fromEdgeSection.map { flags in built.insertionOfArc.map { flags[Int($0)] } }
        self.nodeTable = match
    }

    /// Attaches a Pajek partition (`.clu`) as attribute `name` (default: the file name
    /// without extension). Throws when its count differs from the number of nodes.
    public mutating func attachPartition(path: String, name: String? = nil) throws {
        let values = try PajekReader.readPartition(path: path)
        try attach(values, path: path, name: name)
    }

    /// Attaches a Pajek vector (`.vec`) as attribute `name` (default: the file name
    /// without extension), values kept as written. Throws on a count mismatch.
    public mutating func attachVector(path: String, name: String? = nil) throws {
        let values = try PajekReader.readValues(InputFile(path: path), integers: false)
        try attach(values, path: path, name: name)
    }

    private mutating func attach(_ values: [String], path: String, name: String?) throws {
        guard values.count == graph.nodeCount else {
            throw InputError(file: path, message: "has \(values.count) values but the network \(source) has \(graph.nodeCount) vertices")
        }
        let attribute = name ?? ((Gzip.uncompressedName(path) as NSString).lastPathComponent as NSString).deletingPathExtension
        attributes.set(attribute, values.map { Optional($0) })
    }
}
