import NetworkAlgorithms

extension NetworkReportContext {
    /// "The network": nodes, arcs, loops, duplicates, components and whether the network is
    /// acyclic, as read from the file (``summary``, also `graph` of `metrics.json`).
    func summarySection() -> ReportSection {
        let s = summary
        return ReportSection(title: "The network", blocks: [
            .paragraph("\(s.nodes) works and \(s.arcs) citation arcs (an arc points from the citing to the cited work). "
                + (s.acyclic ? "The network has no citation cycles." :
                    "It has cycles: \(s.strongComponents) strongly connected components for \(s.nodes) works; main path analysis below condenses them and says what changed.")),
            .table(ReportTable(
                name: "network-summary", title: "Network summary", caption: "Counts as read from the file.",
                columns: ["measure", "value"],
                rows: [
                    [.text("works (nodes)"), .integer(s.nodes)], [.text("citation arcs"), .integer(s.arcs)],
                    [.text("self-citations (loops)"), .integer(s.selfLoops)], [.text("duplicate arcs"), .integer(s.duplicateArcs)],
                    [.text("weakly connected components"), .integer(s.weakComponents)],
                    [.text("largest weakly connected component"), .integer(s.largestWeakComponent)],
                    [.text("strongly connected components"), .integer(s.strongComponents)],
                    [.text("acyclic"), .text(s.acyclic ? "yes" : "no")],
                ])),
        ])
    }
}

extension NetworkSection {
    static let summary = NetworkSection("summary") { context, _ in ReportPart([context.summarySection()]) }
}
