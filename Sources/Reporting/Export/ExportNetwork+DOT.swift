import GraphvizRendering

extension ExportNetwork {
    /// The network as a Graphviz DOT graph: nodes by their original ids with `label`,
    /// every carried attribute as a node attribute of the same name (prefixed `data_`
    /// when it would collide with a Graphviz attribute such as `color` or `shape`),
    /// colours as `fillcolor` with `style=filled`, sizes as `width` (points → inches),
    /// positions as `pos="x,y!"` (pinned, so `neato -n` redraws the same layout), and
    /// arc weights as `weight`. Escaping is the DOT writer's (quotes, backslashes and line
    /// breaks survive). O(n · attributes + m).
    public func dotGraph() -> DOTGraph {
        let graphvizNames: Set<String> = ["color", "fillcolor", "style", "shape", "width", "height", "pos", "label", "weight",
                                          "fontcolor", "fontsize", "fontname", "penwidth", "URL", "href", "tooltip", "id", "xlabel"]
        var nodes: [DOTNode] = []
        nodes.reserveCapacity(nodeCount)
        for v in 0..<nodeCount {
            var a = DOTAttributes()
            a["label"] = .text(labels[v])
            for attribute in attributes {
                guard let value = attribute.values[v] else { continue }
                let key = graphvizNames.contains(attribute.name) ? "data_" + attribute.name : attribute.name
                a[key] = .text(value)
            }
            if let colors {
                a["fillcolor"] = .text(colors[v])
                a["style"] = "filled"
            }
            if let sizes { a["width"] = .text(ExportText.number((sizes[v] / 72 * 1000).rounded() / 1000)) }
            if let p = positions?[v] { a["pos"] = .text(ExportText.coordinate(p.x) + "," + ExportText.coordinate(p.y) + "!") }
            nodes.append(DOTNode(id: ids[v], attributes: a))
        }
        var edges: [DOTEdge] = []
        edges.reserveCapacity(arcCount)
        for i in 0..<arcCount {
            var a = DOTAttributes()
            if let w = weights?[i] { a["weight"] = .text(ExportText.number(w)) }
            edges.append(DOTEdge(from: ids[Int(tails[i])], to: ids[Int(heads[i])], attributes: a))
        }
        var graphAttributes = DOTAttributes()
        if !title.isEmpty { graphAttributes["label"] = .text(title) }
        return DOTGraph(name: "citations", directed: true, graphAttributes: graphAttributes, nodes: nodes, edges: edges)
    }
}
