/// Writes plain arc lists and node/arc CSV tables, the formats every tool reads.
///
/// - Edge list: one arc per line, `citing<TAB>cited[<TAB>weight]`, as Siloscope's own
///   ``NetworkCore/EdgeListReader`` and igraph's `Read_Ncol` read it. Whitespace cannot
///   be escaped there, so an id with a space, tab or line break is an error (use CSV).
///   An isolated node (no arc) cannot appear in an edge list; ``EdgeList/isolated``
///   counts them.
/// - CSV (RFC 4180, quoted where needed, CRLF inside quoted cells kept): an arc table
///   `source,target[,weight]` and a node table `id,label,<attributes…>` whose first
///   column is the id, as `--nodes` reads it.
/// Deterministic, in node and arc order. Time O(n · attributes + m).
public enum EdgeListWriter {
    public struct EdgeList: Sendable {
        public var text: String
        public var isolated: Int
    }

    /// An id the edge list cannot hold.
    public struct UnwritableID: Error, CustomStringConvertible {
        public var id: String
        public var description: String {
            "node id '\(ExportText.oneLine(String(id.prefix(80))))' contains white space, which an edge list cannot hold; write --to csv instead"
        }
    }

    /// The tab-separated edge list.
    public static func edgeList(_ network: ExportNetwork) throws(UnwritableID) -> EdgeList {
        for id in network.ids where id.isEmpty || id.unicodeScalars.contains(where: { $0 == " " || $0.value < 0x20 }) || id.hasPrefix("#") {
            throw UnwritableID(id: id)
        }
        var out = ""
        var linked = [Bool](repeating: false, count: network.nodeCount)
        for a in 0..<network.arcCount {
            let s = Int(network.tails[a]), t = Int(network.heads[a])
            linked[s] = true; linked[t] = true
            out += network.ids[s] + "\t" + network.ids[t]
            if let w = network.weights?[a] { out += "\t" + ExportText.number(w) }
            out += "\n"
        }
        return EdgeList(text: out, isolated: linked.filter { !$0 }.count)
    }

    /// A CSV cell (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
    static func csvCell(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return ExportText.quotedDoublingQuotes(text)
    }

    /// The arc table, `source,target[,weight]`.
    public static func arcCSV(_ network: ExportNetwork) -> String {
        var out = network.weights == nil ? "source,target\n" : "source,target,weight\n"
        for a in 0..<network.arcCount {
            out += csvCell(network.ids[Int(network.tails[a])]) + "," + csvCell(network.ids[Int(network.heads[a])])
            if let w = network.weights?[a] { out += "," + ExportText.number(w) }
            out += "\n"
        }
        return out
    }

    /// The node table, `id,label,<attributes…>` (plus `color`, `size`, `x`, `y` when carried).
    public static func nodeCSV(_ network: ExportNetwork) -> String {
        var columns: [(String, [String?])] = [("label", network.labels.map { $0 })]
        for attribute in network.attributes where attribute.name != "label" && attribute.name != "id" {
            columns.append((attribute.name, attribute.values))
        }
        if let colors = network.colors { columns.append(("color", colors.map { $0 })) }
        if let sizes = network.sizes { columns.append(("size", sizes.map { ExportText.number($0) })) }
        if let positions = network.positions {
            columns.append(("x", positions.map { ExportText.coordinate($0.x) }))
            columns.append(("y", positions.map { ExportText.coordinate($0.y) }))
        }
        var out = (["id"] + columns.map(\.0)).map(csvCell).joined(separator: ",") + "\n"
        for v in 0..<network.nodeCount {
            out += ([network.ids[v]] + columns.map { $0.1[v] ?? "" }).map(csvCell).joined(separator: ",") + "\n"
        }
        return out
    }
}
