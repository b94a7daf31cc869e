import NetworkAlgorithms

extension NetworkReportContext {
    /// "Historiograph": the ``NetworkReportBuilder/Parameters/historiographTop`` works most
    /// cited within the network (local citation score, HistCite), one row per year, with
    /// the citations among them. Needs years.
    func historiographSection() throws -> ReportSection {
        let top = parameters.historiographTop
        let figure = try HistoriographFigure.figure(
            graph: graph, years: years, top: top, labels: input.labels, partition: partition, groupTitle: input.groupTitle)
        return ReportSection(title: "Historiograph", blocks: [.figure(try .rendered(
            name: "historiograph", title: "Historiograph of the \(top) most cited works",
            caption: "The works most cited within this network (local citation score, as HistCite defines it), one row per year, with the citations among them. " + figure.caption,
            dot: figure.dotGraph, engine: figure.engine))])
    }
}

extension NetworkSection {
    static let historiograph = NetworkSection("historiograph") { context, _ in
        guard context.input.years != nil else { return nil }
        return ReportPart([try context.historiographSection()])
    }
}
