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

        if let figure = try LineageFigure.figure(dataset: dataset, groupAttribute: groupAttribute) {
            blocks.append(.figure(try .rendered(
                name: "lineage", title: "Stated lineage of models and concepts, by year",
                caption: "Arrows run from what a model or work derives from to the model or work (the flow of ideas). "
                    + "A work stands at its publication year; a concept at the first year a work of this dataset names it "
                    + "(or, if none does, the first year of a work deriving from it): the axis shows when ideas appear in these data, not when they were born. "
                    + figure.caption,
                dot: figure.dotGraph, engine: figure.engine)))
        }
        blocks.append(.table(ReportTable(
            name: "lineage-arcs", title: "Stated derivations",
            caption: "Every lineage arc with the relation named in the source and the seed line it comes from.",
            columns: ["from", "relation", "to", "from literature", "to literature", "crosses", "source"],
            rows: rows)))
        let metrics = LineageMetrics(arcs: graph.arcCount, nodes: graph.nodeCount, crossings: crossings, relations: relations)
        return (ReportSection(title: "Lineage", blocks: blocks), metrics)
    }
}
