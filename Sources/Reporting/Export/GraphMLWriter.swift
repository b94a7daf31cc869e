/// Writes GraphML (Brandes et al., "GraphML Progress Report", Graph Drawing 2001,
/// doi:10.1007/3-540-45848-4_59) with typed keys, as read by Cytoscape, yEd, igraph,
/// NetworkX and Siloscope's own ``NetworkCore/GraphMLReader``.
///
/// Layout: `<key>`s for the `label`, every carried attribute (`attr.type` `long`,
/// `double` or `string`), `color` (`#RRGGBB`), `size`, `x` and `y` when present, and an
/// edge `weight` when the graph is weighted; one directed `<graph>`; nodes with their
/// original ids; edges `source → target` (*cites*). A missing value is simply absent.
/// Text is XML-escaped (tab, LF, CR as character references). Deterministic.
/// Time and memory O(n + m + total text).
public enum GraphMLWriter {
    /// The GraphML document for `network`.
    public static func write(_ network: ExportNetwork) -> String {
        struct Key { var id: String; var name: String; var type: String; var values: [String?] }
        var keys: [Key] = [Key(id: "label", name: "label", type: "string", values: network.labels.map { $0 })]
        for (k, attribute) in network.attributes.enumerated() where attribute.name != "label" {
            keys.append(Key(id: "d\(k)", name: attribute.name, type: graphMLType(attribute.kind), values: attribute.values))
        }
        if let colors = network.colors { keys.append(Key(id: "color", name: "color", type: "string", values: colors.map { $0 })) }
        if let sizes = network.sizes { keys.append(Key(id: "size", name: "size", type: "double", values: sizes.map { ExportText.number($0) })) }
        if let positions = network.positions {
            keys.append(Key(id: "x", name: "x", type: "double", values: positions.map { ExportText.coordinate($0.x) }))
            keys.append(Key(id: "y", name: "y", type: "double", values: positions.map { ExportText.coordinate($0.y) }))
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for key in keys {
            out += "  <key id=\"\(key.id)\" for=\"node\" attr.name=\"\(ExportText.xml(key.name))\" attr.type=\"\(key.type)\"/>\n"
        }
        if network.weights != nil {
            out += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        }
        out += "  <graph id=\"G\" edgedefault=\"directed\">\n"
        for v in 0..<network.nodeCount {
            out += "    <node id=\"\(ExportText.xml(network.ids[v]))\">\n"
            for key in keys {
                guard let value = key.values[v] else { continue }
                out += "      <data key=\"\(key.id)\">\(ExportText.xml(value))</data>\n"
            }
            out += "    </node>\n"
        }
        for a in 0..<network.arcCount {
            let s = ExportText.xml(network.ids[Int(network.tails[a])]), t = ExportText.xml(network.ids[Int(network.heads[a])])
            if let w = network.weights?[a] {
                out += "    <edge source=\"\(s)\" target=\"\(t)\"><data key=\"weight\">\(ExportText.number(w))</data></edge>\n"
            } else {
                out += "    <edge source=\"\(s)\" target=\"\(t)\"/>\n"
            }
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    static func graphMLType(_ kind: ExportValueKind) -> String {
        switch kind {
        case .integer: return "long"
        case .real: return "double"
        case .text: return "string"
        }
    }
}
