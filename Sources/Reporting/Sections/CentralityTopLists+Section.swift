import NetworkAlgorithms
import NetworkCore

extension CentralityTopLists {
    /// The "Central works" section of a citation network, shared by the dataset and network
    /// reports: the top lists of every measure of ``AnalysisCatalogue/topListKeys`` with a
    /// CSV of every work (``blocks(prefix:groupTitle:)``), or `noArcs` as its one paragraph
    /// when the network has no arcs. The part's methods are the top lists' methods under
    /// `parameters` (``AnalysisCatalogue/topListMethods(_:)``), listed also without arcs.
    /// `groups[w]` is the group name of work `w` (nil without a grouping); `groupTitle`
    /// heads the group column. Deterministic (see ``CentralityTopLists``).
    static func centralWorks(
        graph: Graph, ids: [String], labels: [String], years: [String?], groups: [String]?, groupTitle: String?,
        betweennessArcLimit: Int = 200_000, parameters: AnalysisParameters, noArcs: String
    ) -> (part: ReportPart, lists: [CentralityTopList]) {
        let methods = AnalysisCatalogue.topListMethods(parameters)
        guard graph.arcCount > 0 else {
            return (ReportPart([ReportSection(title: "Central works", blocks: [.paragraph(noArcs)])], methods: methods), [])
        }
        let top = CentralityTopLists(
            graph: graph, ids: ids, labels: labels, years: years, groups: groups,
            limit: parameters.topListSize, betweennessArcLimit: betweennessArcLimit, parameters: parameters)
        let section = ReportSection(title: "Central works", blocks: top.blocks(prefix: "centrality", groupTitle: groupTitle))
        return (ReportPart([section], methods: methods), top.lists)
    }
}
