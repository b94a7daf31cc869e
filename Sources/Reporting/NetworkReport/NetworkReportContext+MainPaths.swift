import NetworkAlgorithms
import NetworkCore

extension NetworkReportContext {
    /// "Main paths": the SPC local forward, global and key-route main paths (Hummon &
    /// Doreian 1989; Batagelj 2003; Liu & Lu 2012) of the network with its strong components
    /// condensed, each drawn by year, the global path step by step and, with a partition,
    /// where each path crosses from one group to another. Returns the section and the three
    /// results (for `metrics.json`). Ties go to the smaller node index. Deterministic.
    func mainPathsSection() throws -> (ReportSection, [MainPathResult]) {
        let g = graph
        let dag = try KnowledgeFlowDAG(g, direction: .citingToCited, cycles: .condense)
        let analysis = MainPathAnalysis(dag: dag, weight: .spc)
        let searches: [(String, MainPathResult)] = [
            ("local forward", analysis.localForward()),
            ("global", analysis.global()),
            ("key-route, K = \(parameters.keyRoutes)", analysis.keyRoute(routes: parameters.keyRoutes)),
        ]
        var blocks: [ReportBlock] = [.paragraph(
            "Main paths follow the flow of knowledge (from cited to citing work) along the arcs of highest search path count "
            + "(SPC; Hummon & Doreian 1989, Batagelj 2003). " + Self.cycleSentence(dag.cycles)
            + " Ties are broken towards the smaller node index and listed in metrics.json.")]
        for (k, (name, result)) in searches.enumerated() {
            let figure = try MainPathFigure.figure(
                graph: g, dag: dag, result: result, labels: input.labels, years: years, partition: partition,
                groupTitle: input.groupTitle)
            blocks.append(.figure(try .rendered(
                name: "main-path-\(k + 1)", title: "Main path: \(name)",
                caption: "SPC \(name) main path: \(result.nodes.count) works, total SPC \(ReportCell.number(result.totalWeight, digits: 0).display). " + figure.caption,
                dot: figure.dotGraph, engine: figure.engine)))
        }
        var dagIndex: [String: Int] = [:]
        for (k, id) in dag.ids.enumerated() { dagIndex[id] = k }
        var members = [[Int]](repeating: [], count: dag.nodeCount)
        for v in 0..<g.nodeCount { members[Int(dag.nodeOfGraphNode[v])].append(v) }
        func dagLabel(_ id: String) -> String {
            guard let d = dagIndex[id] else { return id }
            return members[d].map(labelWithYear).joined(separator: " + ")
        }
        let global = searches[1].1
        blocks.append(.table(ReportTable(
            name: "global-main-path", title: "The global main path, step by step",
            caption: "Each arc of the global main path (cited → citing) with its SPC.",
            columns: ["step", "from (cited)", "to (citing)", "SPC"],
            rows: global.arcs.enumerated().map { k, arc in
                [.integer(k + 1), .text(dagLabel(arc.from)), .text(dagLabel(arc.to)), .number(arc.weight, digits: 0)]
            })))
        if let grouping = input.partition {
            var rows: [[ReportCell]] = []
            for (name, result) in searches {
                for path in ConceptLineage.annotate(result, dag: dag, literature: grouping) {
                    rows.append([.text(name), .integer(path.nodes.count), .text(path.literatureSequence.joined(separator: " → ")),
                                 .integer(path.crossings.count),
                                 .text(path.crossings.map { "\(dagLabel($0.from)) → \(dagLabel($0.to))" }.joined(separator: "; "))])
                }
            }
            blocks.append(.table(ReportTable(
                name: "main-path-crossings", title: "Where the main paths cross from one \(input.groupTitle) to another",
                caption: "Each main path as the sequence of groups of '\(input.groupTitle)' it passes through, and the arcs where it crosses.",
                columns: ["search", "works", "groups visited", "crossings", "crossing arcs (cited → citing)"],
                rows: rows)))
        }
        return (ReportSection(title: "Main paths", blocks: blocks), searches.map(\.1))
    }

    /// What condensing the cycles changed, in one sentence.
    static func cycleSentence(_ report: CycleReport) -> String {
        let merged = report.mergedComponents.count
        guard merged > 0 || !report.removedArcs.isEmpty else { return "The network is acyclic, so nothing was changed." }
        return "To make the network acyclic, \(merged) strongly connected component\(merged == 1 ? " was" : "s were") merged into single nodes"
            + " (\(report.mergedComponents.reduce(0) { $0 + $1.count }) works), and \(report.droppedArcs) arcs inside them were dropped."
    }
}

extension NetworkSection {
    static let mainPaths = NetworkSection("main paths") { context, metrics in
        let (section, results) = try context.mainPathsSection()
        metrics.mainPaths = results
        return ReportPart([section], methods: MethodCatalogue.mainPathReferences,
                          methodParagraphs: [MethodCatalogue.mainPathParagraph])
    }
}
