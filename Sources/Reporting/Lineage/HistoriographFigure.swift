import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// Draws a historiograph (Garfield's HistCite): the `top` works most cited within the
/// network (local citation score; ties by global citation score, then node index, see
/// ``NetworkAlgorithms/Historiograph``), one row per year, arcs for the citations among
/// them in knowledge-flow direction. Node size grows with the local citation score.
/// Deterministic; O(n + m + n log n) plus the figure's cost.
public enum HistoriographFigure {
    public static func figure(
        graph: Graph, years: [Int?], top: Int, labels: [String], partition: Partition, groupTitle: String
    ) throws -> YearRankedDAGFigure {
        let h = try Historiograph(graph: graph, years: years, top: top)
        var index: [String: Int32] = [:]
        for (k, node) in h.nodes.enumerated() { index[node.id] = Int32(k) }
        let arcs: [(Int32, Int32)] = h.arcs.compactMap { arc in
            guard let u = index[arc.citing], let v = index[arc.cited] else { return nil }
            return (u, v)
        }
        let members: [Int] = h.nodes.map { node in Int(graph.index(of: node.id) ?? 0) }
        let groups: [String?] = members.map { v in
            let name = partition.groupNames[Int(partition.groupOf[v])]
            return name == Partition.missingLabel ? nil : name
        }
        var options = YearRankedDAGFigure.Options()
        options.arcInput = .citingToCited
        options.arrows = .knowledgeFlow
        options.scoreName = "local citation score"
        options.groupTitle = groupTitle
        return try YearRankedDAGFigure(
            nodeCount: h.nodes.count, years: h.nodes.map(\.year), arcs: arcs,
            partition: Partition(values: groups), labels: members.map { labels[$0] },
            tooltips: h.nodes.map { "\(labels[Int(graph.index(of: $0.id) ?? 0)]): cited \($0.lcs) times in the network" },
            scores: h.nodes.map { Double($0.lcs) }, options: options)
    }
}
