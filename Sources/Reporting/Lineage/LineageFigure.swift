import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// Draws a dataset's lineage layer for print: the models, concepts and works on lineage
/// arcs, one row per year, arrows from what a model derives from to the model (the flow
/// of ideas), coloured by literature.
///
/// A work's year is its publication year; a concept's year is the first year a dated
/// work of the dataset names it (concept layer) or, failing that, the earliest year of
/// a work that derives from it — so the axis shows when the idea appears *in these data*,
/// as the caption says. A work's literature is its group; a concept's is the home
/// literature a seed states. Deterministic.
public enum LineageFigure {
    public static func figure(dataset: Dataset, groupAttribute: String?) throws -> YearRankedDAGFigure? {
        let built = dataset.lineageGraph()
        let graph = built.graph
        guard graph.arcCount > 0 else { return nil }
        let n = dataset.workIDs.count
        let yearColumn = dataset.workAttributes[dataset.manifest.works.year ?? "year"]
        let workYears: [Int?] = (0..<n).map { yearColumn?[$0].flatMap { Int($0.trimmingWhitespace()) } }
        let groups = groupAttribute.flatMap { dataset.workAttributes[$0] }
        let labelColumn = dataset.manifest.concepts?.label ?? "label"
        let homeColumn = dataset.manifest.concepts?.home
        var conceptIndex: [String: Int] = [:]
        for (k, id) in dataset.conceptIDs.enumerated() { conceptIndex[id] = k }
        var workIndex: [String: Int] = [:]
        for (k, id) in dataset.workIDs.enumerated() { workIndex[id] = k }
        // First year each concept is named by a dated work.
        var firstNamed = [Int?](repeating: nil, count: dataset.conceptIDs.count)
        for layer in dataset.layers where layer.kind == .concept {
            for arc in layer.arcs {
                guard let w = workIndex[arc.from], let c = conceptIndex[arc.to], let y = workYears[w] else { continue }
                firstNamed[c] = min(firstNamed[c] ?? y, y)
            }
        }
        // Nodes on lineage arcs only.
        var onArc = [Bool](repeating: false, count: graph.nodeCount)
        let tails = graph.arcTails()
        for a in 0..<graph.arcCount { onArc[Int(tails[a])] = true; onArc[Int(graph.outTargets[a])] = true }
        let kept = (0..<graph.nodeCount).filter { onArc[$0] }
        var newIndex = [Int32](repeating: -1, count: graph.nodeCount)
        for (k, v) in kept.enumerated() { newIndex[v] = Int32(k) }
        func info(_ v: Int) -> (label: String, year: Int?, group: String?) {
            let id = graph.ids[v]
            if let w = workIndex[id] {
                let label = dataset.workLabels[w]
                return (label, workYears[w], groups?[w])
            }
            let c = conceptIndex[id]
            let label = c.flatMap { dataset.conceptAttributes[labelColumn]?[$0] } ?? id
            let home = c.flatMap { k in homeColumn.flatMap { dataset.conceptAttributes[$0]?[k] } }
            return (label, c.flatMap { firstNamed[$0] }, home)
        }
        var years = kept.map { info($0).year }
        // A concept no dated work names: the earliest year of a work deriving from it.
        for a in 0..<graph.arcCount {
            let u = Int(tails[a]), v = Int(graph.outTargets[a])
            let (ku, kv) = (Int(newIndex[u]), Int(newIndex[v]))
            if years[kv] == nil, workIndex[graph.ids[v]] == nil, let yu = years[ku] { years[kv] = min(years[kv] ?? yu, yu) }
        }
        let arcs = (0..<graph.arcCount).map { (newIndex[Int(tails[$0])], newIndex[Int(graph.outTargets[$0])]) }
        var options = YearRankedDAGFigure.Options()
        options.arcInput = .citingToCited
        options.arrows = .knowledgeFlow
        options.nodeNoun = "models, concepts and works"
        options.groupTitle = "Literature (a work's group; a concept's stated home)"
        options.scoreName = "degree"
        options.labelLength = 44
        return try YearRankedDAGFigure(
            nodeCount: kept.count, years: years, arcs: arcs,
            partition: Partition(values: kept.map { info($0).group }), labels: kept.map { info($0).label },
            options: options)
    }
}
