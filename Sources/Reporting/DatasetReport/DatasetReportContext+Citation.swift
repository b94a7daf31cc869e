import Bibliometrics
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// `metrics.json` block of the citation layer.
struct CitationMetrics: Encodable, Sendable {
    var graph: GraphSummary
    var bridging: BridgingResult
}

extension DatasetReportContext {
    /// "Citation network": summary, figure by group, quotient of citation flows,
    /// directed mixing and the most central works.
    func citationSection() throws -> (ReportSection, CitationMetrics) {
        let built = dataset.citationGraph()
        let graph = built.graph
        let g = groupTitle
        let summary = GraphSummary(graph: graph, selfLoops: built.selfLoops, duplicateArcs: built.duplicateArcs)
        let bridging = graph.bridging(by: partition, attribute: g)
        let pagerank = graph.pageRank().scores
        var blocks: [ReportBlock] = []
        blocks.append(.paragraph(
            "\(summary.arcs) citation arcs among \(summary.nodes) works (an arc points from the citing to the cited work); "
            + "\(summary.weakComponents) weakly connected components, the largest with \(summary.largestWeakComponent) works; "
            + (summary.acyclic ? "no citation cycles." : "\(summary.strongComponents) strongly connected components (the network has cycles).")))

        var options = PartitionNetworkFigure.Options()
        options.maxNodes = parameters.maxFigureNodes
        options.groupTitle = g
        let network = try PartitionNetworkFigure(
            graph: graph, partition: partition, labels: labels, tooltips: (0..<workCount).map(labelWithYear),
            dois: dois, scores: pagerank, options: options)
        blocks.append(.figure(try .rendered(
            name: "citation-network", title: "Citation network by \(g)",
            caption: network.caption, dot: network.dotGraph, engine: network.engine)))

        var qOptions = QuotientFigure.Options()
        qOptions.groupTitle = g
        qOptions.flowNoun = "citations"
        qOptions.engine = .circo
        let quotient = try QuotientFigure(quotient: graph.quotient(by: partition), missingGroup: partition.missingGroup, options: qOptions)
        blocks.append(.figure(try .rendered(
            name: "citation-quotient", title: "Citations between groups of \(g)",
            caption: quotient.caption, dot: quotient.dotGraph, engine: quotient.engine)))

        let groups = bridging.groups
        blocks.append(.table(ReportTable(
            name: "citation-mixing", title: "Who cites whom",
            caption: "Citation arcs by the group of the citing work (rows) and of the cited work (columns).",
            columns: ["citing \\ cited"] + groups,
            rows: groups.indices.map { a in [.text(groups[a])] + groups.indices.map { .integer(bridging.mixing[a][$0]) } })))
        blocks.append(.table(ReportTable(
            name: "citation-silo-statistics", title: "How siloed the citations are",
            caption: "Edge homophily and E-I on the undirected simple view (each linked pair once); assortativity and modularity on the directed arcs. No null model is applied in this report.",
            columns: ["statistic", "value"],
            rows: [
                [.text("edge homophily"), cell(bridging.edgeHomophily, 3)],
                [.text("class-insensitive homophily"), cell(bridging.classInsensitiveHomophily, 3)],
                [.text("E-I index"), cell(bridging.eiIndex, 3)],
                [.text("nominal assortativity"), cell(bridging.assortativity, 3)],
                [.text("modularity (directed)"), cell(bridging.modularity, 3)],
            ])))
        let ranked = (0..<workCount).sorted { (pagerank[$0], -$0) > (pagerank[$1], -$1) }
        blocks.append(.table(ReportTable(
            name: "citation-top-pagerank", title: "Most central works by PageRank",
            caption: "Works ranked by PageRank on the citation arcs, with times cited within the dataset (in-degree) and references within it (out-degree).",
            columns: ["work", g, "PageRank", "cited", "citing"],
            rows: ranked.map { w in
                [.text(labelWithYear(w)), .text(groupName(w)), .number(pagerank[w], digits: 4),
                 .integer(graph.inDegree(Int32(w))), .integer(graph.outDegree(Int32(w)))]
            },
            displayLimit: parameters.topRows)))
        return (ReportSection(title: "Citation network", blocks: blocks), CitationMetrics(graph: summary, bridging: bridging))
    }
}
