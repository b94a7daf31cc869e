import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Central works": the top works of the citation network by in-degree, PageRank,
    /// HITS authority, betweenness and core number, with label, year and group, and a
    /// CSV of every work with every measure (the section shared with the network report,
    /// ``CentralityTopLists/centralWorks(graph:ids:labels:years:groups:groupTitle:betweennessArcLimit:parameters:noArcs:)``).
    func centralitySection(graph: Graph) -> (ReportPart, [CentralityTopList]) {
        CentralityTopLists.centralWorks(
            graph: graph, ids: dataset.workIDs, labels: labels, years: years,
            groups: groupAttribute == nil ? nil : (0..<workCount).map(groupName), groupTitle: groupAttribute,
            parameters: parameters.analysis,
            noArcs: "The citation layer has no arcs between works of the dataset, so no work is more central than another.")
    }
}
