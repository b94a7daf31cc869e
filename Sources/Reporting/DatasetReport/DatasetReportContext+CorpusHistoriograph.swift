import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Historiograph" of an imported corpus (Garfield's HistCite): the citations among the
    /// citing records only, the ``DatasetReportBuilder/Parameters/historiographTop`` records
    /// most cited by the other records (local citation score), one row per year. nil for
    /// datasets that are not an imported corpus.
    func corpusHistoriographSection(graph: Graph) throws -> ReportSection? {
        guard let citing = citingRecords else { return nil }
        let title = "Historiograph"
        var builder = GraphBuilder(duplicates: .drop, selfLoops: .drop)
        let records = (0..<workCount).filter { citing[$0] }
        for w in records { builder.addNode(dataset.workIDs[w]) }
        var localArcs = 0
        for w in records {
            for v in graph.successors(of: Int32(w)) where citing[Int(v)] && Int(v) != w {
                builder.addArc(from: dataset.workIDs[w], to: dataset.workIDs[Int(v)])
                localArcs += 1
            }
        }
        guard localArcs > 0 else {
            return ReportSection(title: title, blocks: [.paragraph(
                "No citing record cites another citing record of the dataset, so there are no local citations to draw a historiograph from.")])
        }
        let sub = builder.build().graph
        // Sub-graph node k is records[k] (nodes were added in that order).
        let subYears: [Int?] = records.map { years[$0].flatMap { Int($0) } }
        var subLabels = records.map { Self.readable(labels[$0]) }
        let top = parameters.historiographTop
        let h = try Historiograph(graph: sub, years: subYears, top: top)
        // Drawn records sharing "Surname Year" are told apart ("Smith 2005a", "Smith 2005b", in the order of `h.nodes`).
        let drawn = h.nodes.compactMap { sub.index(of: $0.id).map(Int.init) }
        for (k, label) in zip(drawn, DistinctLabels.make(drawn.map { subLabels[$0] })) { subLabels[k] = label }
        // Coloured by the dataset's group; without one, one colour for every record.
        let subPartition = Partition(values: records.map { w -> String? in
            guard groupAttribute != nil else { return "citing records" }
            let name = groupName(w)
            return name == Partition.missingLabel ? nil : name
        })
        let figure = try HistoriographFigure.figure(
            graph: sub, years: subYears, top: top, labels: subLabels, partition: subPartition,
            groupTitle: groupAttribute == nil ? "Works" : groupTitle)
        var blocks: [ReportBlock] = []
        blocks.append(.paragraph(
            "The \(records.count) citing records cite one another \(sub.arcCount) times (local citations, as HistCite counts them: references to works outside the citing records are left out). "
            + "The historiograph draws the \(h.nodes.count) records cited most often by the other records (local citation score), one row per year, with the local citations among them."
            + (h.cutoffTies.isEmpty ? "" : " \(h.cutoffTies.count) more records have the same local citation score as the last one drawn and are left out (ties by position in works.csv).")))
        blocks.append(.figure(try .rendered(
            name: "historiograph", title: "Historiograph of the \(h.nodes.count) most locally cited records",
            caption: "Citing records most cited by the other citing records (local citation score, HistCite), one row per year; arrows follow the flow of knowledge (from the cited to the citing record). " + figure.caption,
            dot: figure.dotGraph, engine: figure.engine)))
        blocks.append(.table(ReportTable(
            name: "historiograph-records", title: "The records of the historiograph",
            caption: "Local citation score (LCS: citing records of the dataset that cite it) and local cited references (LCR: citing records it cites), by year.",
            columns: ["record", "year", "LCS", "LCR"],
            rows: h.nodes.map { node in
                let label = sub.index(of: node.id).map { mapTooltip(records[Int($0)]) } ?? node.id
                return [.text(label), node.year.map { .integer($0) } ?? .missing, .integer(node.lcs), .integer(node.lcr)]
            })))
        return ReportSection(title: title, blocks: blocks)
    }
}

extension DatasetSection {
    static let corpusHistoriograph = DatasetSection("historiograph") { context, _ in
        guard let graph = context.citation?.graph, let section = try context.corpusHistoriographSection(graph: graph) else { return nil }
        return ReportPart([section], methods: [MethodCatalogue.historiograph],
                          parameters: [("historiograph", "the \(context.parameters.historiographTop) citing records of highest local citation score")])
    }
}
