import NetworkAlgorithms
import NetworkCore

/// What every section of a network report shares: the input network, its years,
/// grouping and summary, and the report's parameters. Built once per report.
struct NetworkReportContext: Sendable {
    let input: NetworkReportBuilder.Input
    let parameters: NetworkReportBuilder.Parameters
    /// Year of each node (nil where unknown, or for every node without `--years`).
    let years: [Int?]
    /// The input's grouping, or one group "works" for every node (figures colour by it).
    let partition: Partition
    let summary: GraphSummary

    init(input: NetworkReportBuilder.Input, parameters: NetworkReportBuilder.Parameters) {
        self.input = input
        self.parameters = parameters
        let n = input.graph.nodeCount
        years = input.years ?? [Int?](repeating: nil, count: n)
        partition = input.partition ?? Partition(values: [String?](repeating: "works", count: n))
        summary = GraphSummary(graph: input.graph, selfLoops: input.selfLoops, duplicateArcs: input.duplicateArcs)
    }

    var graph: Graph { input.graph }

    /// "Label (year)" for tables.
    func labelWithYear(_ v: Int) -> String { years[v].map { "\(input.labels[v]) (\($0))" } ?? input.labels[v] }

    /// The parameters the analysis catalogue reads (top lists, PageRank row): the report's
    /// seed and top-list size, the defaults otherwise.
    var analysis: AnalysisParameters {
        var a = AnalysisParameters()
        a.seed = parameters.seed
        a.topListSize = parameters.centralityTop
        return a
    }

    /// The parameters table: the report's rows, then the sections' rows (`sectionRows`)
    /// before the seed and generator.
    func parameterRows(sectionRows: [(String, String)]) -> [(String, String)] {
        var rows: [(String, String)] = [
            ("weight", "SPC"), ("key routes", "\(parameters.keyRoutes)"), ("historiograph works", "\(parameters.historiographTop)"),
            ("cycles", "condensed"),
            AnalysisCatalogue.measure("pagerank")?.parameterRow?(analysis) ?? ("PageRank", "–"),
            ("centrality top lists", "\(parameters.centralityTop) works per measure"),
            ("exact betweenness", "up to \(parameters.betweennessArcLimit) arcs"),
        ]
        rows += sectionRows
        rows += [("random seed", "\(parameters.seed) (Louvain communities)"), ("generator", "Siloscope 0.1.0")]
        return rows
    }
}
