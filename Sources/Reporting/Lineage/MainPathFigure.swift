import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// Draws a main path (or main path network) as a year-ranked DAG: the DAG nodes on the
/// path, arcs in knowledge-flow direction (cited → citing) with pen width by traversal
/// weight, nodes coloured by a partition of the input graph.
///
/// A DAG node that stands for a condensed strong component takes the labels of its
/// members joined by " + ", the earliest member year, and the group of its first member.
/// Deterministic; O(n + m) over the input graph plus the figure's own cost.
public enum MainPathFigure {
    public static func figure(
        graph: Graph, dag: KnowledgeFlowDAG, result: MainPathResult, labels: [String], years: [Int?],
        partition: Partition, groupTitle: String, title: String? = nil
    ) throws(GraphvizError) -> YearRankedDAGFigure {
        var members = [[Int]](repeating: [], count: dag.nodeCount)
        for v in 0..<graph.nodeCount { members[Int(dag.nodeOfGraphNode[v])].append(v) }
        var dagIndex: [String: Int] = [:]
        for (k, id) in dag.ids.enumerated() { dagIndex[id] = k }
        let shown = result.nodes.compactMap { dagIndex[$0] }
        var figureIndex: [Int: Int32] = [:]
        for (k, d) in shown.enumerated() { figureIndex[d] = Int32(k) }
        var arcs: [(Int32, Int32)] = []
        var weights: [Double] = []
        for (k, a) in result.dagArcs.enumerated() {
            guard let u = figureIndex[Int(dag.arcTail[a])], let v = figureIndex[Int(dag.arcHead[a])] else { continue }
            arcs.append((u, v))
            weights.append(k < result.arcs.count ? max(0, result.arcs[k].weight) : 1)
        }
        let figureLabels = shown.map { d in members[d].map { labels[$0] }.joined(separator: " + ") }
        let figureYears: [Int?] = shown.map { d in members[d].compactMap { years[$0] }.min() }
        let groups: [String?] = shown.map { d in
            members[d].first.map { partition.groupNames[Int(partition.groupOf[$0])] }
        }
        let figurePartition = Partition(values: groups.map { $0 == Partition.missingLabel ? nil : $0 })
        var options = YearRankedDAGFigure.Options()
        options.arcInput = .sourceToDerived
        options.arrows = .knowledgeFlow
        options.weightName = result.weight.rawValue.uppercased()
        options.groupTitle = groupTitle
        options.title = title
        options.highlightName = "main path"
        return try YearRankedDAGFigure(
            nodeCount: shown.count, years: figureYears, arcs: arcs, partition: figurePartition, labels: figureLabels,
            arcWeights: weights, highlightedArcs: Set(arcs.indices), options: options)
    }

    /// Reads a year per node from a text attribute column (`nil` when absent or not a
    /// whole number).
    public static func years(from values: [String?]?, count: Int) -> [Int?] {
        guard let values else { return [Int?](repeating: nil, count: count) }
        return values.map { $0.flatMap { Int($0.trimmingWhitespace()) } }
    }
}
