extension DOTGraph {
    /// The graph as DOT text.
    ///
    /// Layout: `graph`/`node`/`edge` default statements, then node statements in order,
    /// then subgraphs, then edges in order; one statement per line, two-space indent,
    /// attributes sorted by key. Every id is quoted and escaped with
    /// ``DOTEscaping/quoted(_:)``; HTML-like values are written between `<` and `>`.
    ///
    /// Time O(size of the output). Pure: the same value always gives the same text.
    public var text: String {
        var out = ""
        if strict { out += "strict " }
        out += directed ? "digraph " : "graph "
        out += DOTEscaping.quoted(name) + " {\n"
        Self.writeBody(
            into: &out, indent: "  ", graphAttributes: graphAttributes, nodeDefaults: nodeDefaults,
            edgeDefaults: edgeDefaults, nodes: nodes, subgraphs: subgraphs)
        let arrow = directed ? " -> " : " -- "
        for e in edges {
            out += "  " + DOTEscaping.quoted(e.from) + arrow + DOTEscaping.quoted(e.to)
            out += Self.attributeList(e.attributes) + ";\n"
        }
        out += "}\n"
        return out
    }

    private static func writeBody(
        into out: inout String, indent: String, graphAttributes: DOTAttributes, nodeDefaults: DOTAttributes,
        edgeDefaults: DOTAttributes, nodes: [DOTNode], subgraphs: [DOTSubgraph]
    ) {
        if !graphAttributes.isEmpty { out += indent + "graph" + attributeList(graphAttributes) + ";\n" }
        if !nodeDefaults.isEmpty { out += indent + "node" + attributeList(nodeDefaults) + ";\n" }
        if !edgeDefaults.isEmpty { out += indent + "edge" + attributeList(edgeDefaults) + ";\n" }
        for n in nodes {
            out += indent + DOTEscaping.quoted(n.id) + attributeList(n.attributes) + ";\n"
        }
        for s in subgraphs {
            out += indent + "subgraph " + DOTEscaping.quoted(s.name) + " {\n"
            writeBody(
                into: &out, indent: indent + "  ", graphAttributes: s.attributes, nodeDefaults: DOTAttributes(),
                edgeDefaults: DOTAttributes(), nodes: s.nodes, subgraphs: s.subgraphs)
            out += indent + "}\n"
        }
    }

    /// ` [k1="v1", k2=<…>]`, or the empty string when there are no attributes.
    static func attributeList(_ attributes: DOTAttributes) -> String {
        if attributes.isEmpty { return "" }
        let parts = attributes.sorted.map { DOTEscaping.identifier($0.key) + "=" + value($0.value) }
        return " [" + parts.joined(separator: ", ") + "]"
    }

    static func value(_ v: DOTValue) -> String {
        switch v {
        case .text(let s): return DOTEscaping.quoted(s)
        case .html(let h): return "<" + h.markup + ">"
        }
    }
}
