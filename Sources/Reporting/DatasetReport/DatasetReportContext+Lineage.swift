import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// `metrics.json` block of the lineage layer.
struct LineageMetrics: Encodable, Sendable {
    var arcs: Int
    var nodes: Int
    /// Arcs whose two ends belong to different (known) groups or home literatures.
    var crossings: Int
    var relations: [String: Int]
}

extension DatasetReportContext {
    /// "Lineage": the stated derivations between models, concepts and works, and
    /// which of them cross from one literature to another.
    func lineageSection() throws -> (ReportSection, LineageMetrics) {
        let built = dataset.lineageGraph()
        let graph = built.graph
        let n = workCount
        // Group of each lineage node: a work's group, a concept's home literature.
        let nodeGroup: [String?] = (0..<graph.nodeCount).map { v in
            v < n ? groupName(v) : conceptHome(graph.ids[v])
        }
        let nodeLabel: [String] = (0..<graph.nodeCount).map { v in
            v < n ? labelWithYear(v) : conceptLabel(graph.ids[v])
        }
        var rows: [[ReportCell]] = []
        var crossings = 0
        var relations: [String: Int] = [:]
        for a in 0..<graph.arcCount {
            let arc = built.arcs[a]
            let u = Int(graph.tail(ofArc: a)), v = Int(graph.outTargets[a])
            let crosses = nodeGroup[u] != nil && nodeGroup[v] != nil && nodeGroup[u] != nodeGroup[v]
            if crosses { crossings += 1 }
            relations[arc.relation ?? "(unnamed)", default: 0] += 1
            rows.append([
                .text(nodeLabel[u]), .text(arc.relation ?? "–"), .text(nodeLabel[v]),
                nodeGroup[u].map { .text($0) } ?? .missing, nodeGroup[v].map { .text($0) } ?? .missing,
                .text(crosses ? "yes" : ""), .text(arc.source ?? arc.provenance),
            ])
        }
        var blocks: [ReportBlock] = [.paragraph(
            "\(graph.arcCount) stated derivations among \(Set((0..<graph.arcCount).flatMap { [Int(graph.tail(ofArc: $0)), Int(graph.outTargets[$0])] }).count) models, concepts and works. "
            + "An arc A → B reads 'A derives from B' (knowledge flows from B to A). \(crossings) of them join two different literatures "
            + "(a work's group, or a concept's home literature where a seed states one).")]

        // Draw only the nodes on lineage arcs.
        var onArc = [Bool](repeating: false, count: graph.nodeCount)
        for a in 0..<graph.arcCount {
            onArc[Int(graph.tail(ofArc: a))] = true
            onArc[Int(graph.outTargets[a])] = true
        }
        let kept = (0..<graph.nodeCount).filter { onArc[$0] }
        var newIndex = [Int32](repeating: -1, count: graph.nodeCount)
        for (k, v) in kept.enumerated() { newIndex[v] = Int32(k) }
        var edges: [(Int32, Int32)] = []
        for a in 0..<graph.arcCount {
            edges.append((newIndex[Int(graph.tail(ofArc: a))], newIndex[Int(graph.outTargets[a])]))
        }
        let drawn = Partition.bySize(kept.map { nodeGroup[$0] })
        var options = PartitionNetworkFigure.Options()
        options.maxNodes = parameters.maxFigureNodes
        options.labeledNodes = parameters.maxFigureNodes
        options.labelLength = 42
        options.groupTitle = "literature (\(Partition.missingLabel): no literature stated)"
        options.scoreName = "degree"
        options.nodeNoun = "models, concepts and works"
        options.engine = kept.count <= 120 ? .dot : .sfdp
        let figure = try PartitionNetworkFigure(
            nodeCount: kept.count, edges: edges, directed: true, partition: drawn, labels: kept.map { nodeLabel[$0] },
            options: options)
        var dot = figure.dotGraph
        if figure.engine == .dot {
            // Derivation chains are shallow and broad: lay them out right to left so the
            // origins stand in the left column and the page stays portrait.
            dot.graphAttributes["rankdir"] = "RL"
            dot.graphAttributes["ranksep"] = "0.9"
            dot.graphAttributes["nodesep"] = "0.12"
        }
        blocks.append(.figure(try .rendered(
            name: "lineage", title: "Stated lineage of models and concepts",
            caption: "Arrows point from a model or work to what it derives from; origins stand on the left. " + figure.caption,
            dot: dot, engine: figure.engine)))
        blocks.append(.table(ReportTable(
            name: "lineage-arcs", title: "Stated derivations",
            caption: "Every lineage arc with the relation named in the source and the seed line it comes from.",
            columns: ["from", "relation", "to", "from literature", "to literature", "crosses", "source"],
            rows: rows)))
        let metrics = LineageMetrics(arcs: graph.arcCount, nodes: graph.nodeCount, crossings: crossings, relations: relations)
        return (ReportSection(title: "Lineage", blocks: blocks), metrics)
    }
}
