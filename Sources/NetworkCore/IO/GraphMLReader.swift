import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads GraphML (Brandes et al., "GraphML Progress Report", Graph Drawing 2001,
/// doi:10.1007/3-540-45848-4_59) through Foundation's `XMLParser`.
///
/// Reads the first `<graph>`: its `<node id>` elements (in document order, the node
/// set), `<edge source target>` elements (as arcs `source → target`; edges of a graph
/// with `edgedefault="undirected"` or `directed="false"` are flagged like Pajek
/// `*Edges`), and `<data key>` values of nodes as attributes named by their `<key>`'s
/// `attr.name` (or id). An edge `<data>` whose key is named `weight` gives the arc
/// weight. Nested graphs, hyperedges and ports are not supported.
///
/// The file must be UTF-8 (checked before parsing, so a stray byte is a clean error with
/// its line rather than a trap inside `XMLParser`); external entities are never loaded.
///
/// Errors (with the parser's line): XML syntax errors, an edge to an undeclared node,
/// a duplicate node id, a non-numeric weight, an unknown data key.
public enum GraphMLReader {
    /// Reads the first graph of a GraphML file. O(file size).
    public static func read(path: String) throws -> ArcList {
        let file = try InputFile(path: path)
        let bad: (offset: Int, line: Int, byte: UInt8)? = file.data.withUnsafeBytes { raw in
            UTF8Validation.firstInvalidOffset(raw).map { ($0, UTF8Validation.line(of: $0, in: raw), raw[$0]) }
        }
        if let bad {
            throw InputError(file: path, line: bad.line,
                             message: "not UTF-8: byte 0x\(String(bad.byte, radix: 16, uppercase: true)) at offset \(bad.offset) starts no valid UTF-8 character; GraphML is read as UTF-8 (re-save the file as UTF-8)")
        }
        // Foundation's XMLParser on Linux dereferences a null pointer on some processing
        // instructions (found by the GraphML fuzzer), and GraphML needs none but the XML
        // declaration: refuse any other `<?` before parsing.
        let instruction: Int? = file.data.withUnsafeBytes { raw in
            var i = 0
            while i + 1 < raw.count {
                if raw[i] == 0x3C && raw[i + 1] == 0x3F {
                    let isDeclaration = i + 5 <= raw.count && raw[i + 2] == 0x78 && raw[i + 3] == 0x6D && raw[i + 4] == 0x6C
                        && (i + 5 == raw.count || raw[i + 5] == 0x20 || raw[i + 5] == 0x09 || raw[i + 5] == 0x0A || raw[i + 5] == 0x0D)
                    if !isDeclaration { return i }
                }
                i += 1
            }
            return nil
        }
        if let instruction {
            let line = file.data.withUnsafeBytes { UTF8Validation.line(of: instruction, in: $0) }
            throw InputError(file: path, line: line, message: "a processing instruction ('<?' other than the XML declaration) is not supported in GraphML")
        }
        let parser = XMLParser(data: file.data)
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(file: path)
        parser.delegate = delegate
        let ok = parser.parse()
        if let error = delegate.failure { throw error }
        if !ok {
            let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw InputError(file: path, line: parser.lineNumber, message: "not well-formed GraphML (\(message))")
        }
        guard delegate.sawGraph else {
            throw InputError(file: path, line: 1, message: "no <graph> element: not a GraphML file")
        }
        var arcs = ArcList(ids: delegate.ids, declaresNodes: true)
        for e in delegate.edges {
            guard let u = delegate.index[e.source] else {
                throw InputError(file: path, line: e.line, field: "source", message: "edge from undeclared node '\(e.source)'")
            }
            guard let v = delegate.index[e.target] else {
                throw InputError(file: path, line: e.line, field: "target", message: "edge to undeclared node '\(e.target)'")
            }
            arcs.append(u, v, weight: e.weight, line: e.line, edge: e.undirected)
        }
        for key in delegate.nodeKeyOrder {
            guard let values = delegate.nodeData[key] else { continue }
            var column = [String?](repeating: nil, count: delegate.ids.count)
            for (node, value) in values { column[Int(node)] = value }
            arcs.attributes.append((delegate.keyNames[key] ?? key, column))
        }
        return arcs
    }

    private struct Edge {
        var source: String, target: String, line: Int, weight: Double?, undirected: Bool
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let file: String
        var failure: InputError?
        var sawGraph = false
        var depth = 0            // depth of <graph> nesting
        var done = false
        var undirectedDefault = false
        var ids: [String] = []
        var index: [String: Int32] = [:]
        var nodeLine: [String: Int] = [:]
        var edges: [Edge] = []
        var keyNames: [String: String] = [:]
        var keyFor: [String: String] = [:]
        var nodeKeyOrder: [String] = []
        var nodeData: [String: [(Int32, String)]] = [:]
        var currentNode: Int32?
        var currentEdge: Edge?
        var currentKey: String?
        var text = ""

        init(file: String) { self.file = file }

        func fail(_ parser: XMLParser, _ message: String, field: String? = nil) {
            if failure == nil { failure = InputError(file: file, line: parser.lineNumber, field: field, message: message) }
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if done { return }
            switch name {
            case "key":
                guard let id = attributes["id"] else { return fail(parser, "<key> without id") }
                keyNames[id] = attributes["attr.name"] ?? id
                keyFor[id] = attributes["for"] ?? "all"
                if keyFor[id] == "node" || keyFor[id] == "all" { nodeKeyOrder.append(id) }
            case "graph":
                if depth > 0 { return fail(parser, "nested graphs are not supported") }
                depth += 1
                sawGraph = true
                undirectedDefault = attributes["edgedefault"] == "undirected"
            case "node":
                guard depth > 0 else { return }
                guard let id = attributes["id"] else { return fail(parser, "<node> without id") }
                if let first = nodeLine[id] {
                    return fail(parser, "duplicate node id '\(id)' (first on line \(first))", field: "id")
                }
                nodeLine[id] = parser.lineNumber
                let v = Int32(ids.count)
                ids.append(id)
                index[id] = v
                currentNode = v
            case "edge":
                guard depth > 0 else { return }
                guard let s = attributes["source"], let t = attributes["target"] else {
                    return fail(parser, "<edge> needs source and target")
                }
                var undirected = undirectedDefault
                if let d = attributes["directed"] { undirected = d == "false" }
                currentEdge = Edge(source: s, target: t, line: parser.lineNumber, weight: nil, undirected: undirected)
            case "data":
                guard let key = attributes["key"] else { return fail(parser, "<data> without key") }
                guard keyNames[key] != nil else { return fail(parser, "unknown data key '\(key)' (no <key id=\"\(key)\">)", field: "key") }
                currentKey = key
                text = ""
            case "hyperedge", "port":
                fail(parser, "<\(name)> is not supported")
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if failure == nil {
                failure = InputError(file: file, line: parser.lineNumber,
                                     message: "not well-formed GraphML (\(parseError.localizedDescription))")
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if currentKey != nil { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if done { return }
            switch name {
            case "data":
                guard let key = currentKey else { return }
                currentKey = nil
                let value = text.trimmingWhitespace()
                if currentEdge != nil {
                    if keyNames[key] == "weight" {
                        guard let w = Double(value), w.isFinite else {
                            return fail(parser, "non-numeric weight '\(value)'", field: "weight")
                        }
                        currentEdge?.weight = w
                    }
                } else if let node = currentNode, !value.isEmpty {
                    if nodeData[key] == nil && !nodeKeyOrder.contains(key) { nodeKeyOrder.append(key) }
                    nodeData[key, default: []].append((node, value))
                }
            case "node": currentNode = nil
            case "edge":
                if let edge = currentEdge { edges.append(edge) }
                currentEdge = nil
            case "graph":
                depth -= 1
                done = true
            default: break
            }
        }
    }
}
