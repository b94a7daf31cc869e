extension NetworkSection {
    /// "Central works": the top lists shared with the dataset report
    /// (``CentralityTopLists/centralWorks(graph:ids:labels:years:groups:groupTitle:betweennessArcLimit:parameters:noArcs:)``),
    /// grouped by the input's partition when it has one.
    static let centralWorks = NetworkSection("centrality") { context, metrics in
        let input = context.input
        let (part, lists) = CentralityTopLists.centralWorks(
            graph: input.graph, ids: input.graph.ids, labels: input.labels, years: context.years.map { $0.map(String.init) },
            groups: input.partition.map { p in (0..<input.graph.nodeCount).map { p.groupNames[Int(p.groupOf[$0])] } },
            groupTitle: input.partition == nil ? nil : input.groupTitle,
            betweennessArcLimit: context.parameters.betweennessArcLimit, parameters: context.analysis,
            noArcs: "The network has no arcs, so no work is more central than another.")
        metrics.centrality = lists
        return part
    }
}
