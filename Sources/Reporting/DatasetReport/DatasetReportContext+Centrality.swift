import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Central works": the top works of the citation network by in-degree, PageRank,
    /// HITS authority, betweenness and core number, with label, year and group, and a
    /// CSV of every work with every measure (see ``CentralityTopLists``).
    func centralitySection(graph: Graph) -> (ReportSection, [CentralityTopList]) {
        guard graph.arcCount > 0 else {
            return (ReportSection(title: "Central works", blocks: [.paragraph(
                "The citation layer has no arcs between works of the dataset, so no work is more central than another.")]), [])
        }
        let top = CentralityTopLists(
            graph: graph, ids: dataset.workIDs, labels: labels, years: years,
            groups: groupAttribute == nil ? nil : (0..<workCount).map(groupName),
            limit: parameters.centralityTop, parameters: parameters.analysis)
        return (ReportSection(title: "Central works", blocks: top.blocks(prefix: "centrality", groupTitle: groupAttribute)), top.lists)
    }
}
