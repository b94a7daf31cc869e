/// Node positions from a Graphviz layout, for formats that carry a layout (GEXF,
/// VOSviewer, Pajek, GraphML).
///
/// The graph is laid out in-process like every figure (same engine choice, same fixed
/// seed, so the same input gives the same positions) and read back from Graphviz's
/// `plain` output (`node NAME X Y W H …` lines, in inches, y growing upwards), converted
/// to points (× 72). Nodes are named `n0…n{n−1}` internally, so ids never need quoting.
/// Time: the engine's (sfdp about O(n log n + m) per iteration) plus O(n + m).
public enum GraphvizLayout {
    /// Positions (in points) of nodes `0..<nodeCount` joined by `links` (pairs of node
    /// indices; direction ignored by the force-directed engines), laid out with `engine`.
    /// - Throws: ``GraphvizError`` when Graphviz fails, or when its output lacks a node.
    public static func positions(nodeCount: Int, links: [(Int32, Int32)], engine: LayoutEngine) throws(GraphvizError) -> [(x: Double, y: Double)] {
        var dot = "graph L {\n  graph [overlap=false, splines=false, outputorder=edgesfirst];\n  node [shape=point, width=0.1, label=\"\"];\n"
        for v in 0..<nodeCount { dot += "  n\(v);\n" }
        for (a, b) in links { dot += "  n\(a) -- n\(b);\n" }
        dot += "}\n"
        let run = try GraphvizC.run(dot: dot, engine: engine, format: .svg, extraGraphAttributes: [], renderer: "plain")
        var positions = [(x: Double, y: Double)?](repeating: nil, count: nodeCount)
        var lineStart = 0
        let bytes = run.bytes
        while lineStart < bytes.count {
            var end = lineStart
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let fields = bytes[lineStart..<end].split(separator: 0x20)
            if fields.count >= 4, fields[0].elementsEqual("node".utf8), fields[1].first == UInt8(ascii: "n"),
               let v = Int(String(decoding: fields[1].dropFirst(), as: UTF8.self)), v >= 0, v < nodeCount,
               let x = Double(String(decoding: fields[2], as: UTF8.self)), let y = Double(String(decoding: fields[3], as: UTF8.self)) {
                positions[v] = (x * 72, y * 72)
            }
            lineStart = end + 1
        }
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(nodeCount)
        for (v, p) in positions.enumerated() {
            guard let p else {
                throw GraphvizError(kind: .render, message: "the \(engine.rawValue) layout gave no position for node \(v)", engine: engine, format: nil)
            }
            out.append(p)
        }
        return out
    }
}
