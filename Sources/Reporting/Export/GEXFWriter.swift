/// Writes GEXF 1.3 (the Gephi exchange format; GEXF Working Group, *GEXF 1.3
/// specification*, gexf.net) with the `viz` module for colours, sizes and positions.
///
/// Layout: one static, directed `<graph>`; node attributes declared once in
/// `<attributes class="node">` with GEXF types (`long` for whole numbers, `double`,
/// `string`); a node's missing value is left out of its `<attvalues>`; arcs are `<edge>`
/// elements with ids `0…m−1` and a `weight` when the graph is weighted. Text is
/// XML-escaped with tab, LF and CR as character references, so labels keep their
/// newlines through a reader. Deterministic: nodes and arcs in index order.
/// Time and memory O(n + m + total text).
public enum GEXFWriter {
    /// The GEXF document for `network`.
    public static func write(_ network: ExportNetwork) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta>
                <creator>Siloscope</creator>
                <description>\(ExportText.xml(network.title))</description>
              </meta>
              <graph mode="static" defaultedgetype="directed">

            """
        if !network.attributes.isEmpty {
            out += "    <attributes class=\"node\" mode=\"static\">\n"
            for (k, attribute) in network.attributes.enumerated() {
                out += "      <attribute id=\"\(k)\" title=\"\(ExportText.xml(attribute.name))\" type=\"\(gexfType(attribute.kind))\"/>\n"
            }
            out += "    </attributes>\n"
        }
        out += "    <nodes>\n"
        for v in 0..<network.nodeCount {
            out += "      <node id=\"\(ExportText.xml(network.ids[v]))\" label=\"\(ExportText.xml(network.labels[v]))\">\n"
            var values = ""
            for (k, attribute) in network.attributes.enumerated() {
                guard let value = attribute.values[v] else { continue }
                values += "          <attvalue for=\"\(k)\" value=\"\(ExportText.xml(value))\"/>\n"
            }
            if !values.isEmpty { out += "        <attvalues>\n" + values + "        </attvalues>\n" }
            if let colors = network.colors {
                let (r, g, b) = rgb(colors[v])
                out += "        <viz:color r=\"\(r)\" g=\"\(g)\" b=\"\(b)\"/>\n"
            }
            if let sizes = network.sizes {
                out += "        <viz:size value=\"\(ExportText.number(sizes[v]))\"/>\n"
            }
            if let positions = network.positions {
                let p = positions[v]
                out += "        <viz:position x=\"\(ExportText.coordinate(p.x))\" y=\"\(ExportText.coordinate(p.y))\" z=\"0\"/>\n"
            }
            out += "      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for a in 0..<network.arcCount {
            let s = network.ids[Int(network.tails[a])], t = network.ids[Int(network.heads[a])]
            var line = "      <edge id=\"\(a)\" source=\"\(ExportText.xml(s))\" target=\"\(ExportText.xml(t))\""
            if let w = network.weights?[a] { line += " weight=\"\(ExportText.number(w))\"" }
            out += line + "/>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }

    static func gexfType(_ kind: ExportValueKind) -> String {
        switch kind {
        case .integer: return "long"
        case .real: return "double"
        case .text: return "string"
        }
    }

    /// The red, green and blue components of `#RRGGBB` (0 for anything malformed).
    static func rgb(_ hex: String) -> (Int, Int, Int) {
        let digits = Array(hex.utf8.dropFirst(hex.hasPrefix("#") ? 1 : 0))
        guard digits.count == 6 else { return (0, 0, 0) }
        func byte(_ i: Int) -> Int {
            func nibble(_ c: UInt8) -> Int {
                switch c {
                case 0x30...0x39: return Int(c - 0x30)
                case 0x41...0x46: return Int(c - 0x41 + 10)
                case 0x61...0x66: return Int(c - 0x61 + 10)
                default: return 0
                }
            }
            return nibble(digits[i]) * 16 + nibble(digits[i + 1])
        }
        return (byte(0), byte(2), byte(4))
    }
}
