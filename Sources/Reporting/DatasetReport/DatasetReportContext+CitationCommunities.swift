import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Citation communities": Louvain communities of the undirected citation network
    /// (seeded, best of 10 runs) against the groups of works, over the works with at
    /// least one citation link (see ``CommunityComparison``).
    func citationCommunitiesSection(graph: Graph) -> (ReportSection, CommunityComparison?) {
        let title = "Citation communities and \(groupTitle)"
        guard let g = groupAttribute else {
            return (ReportSection(title: title, blocks: [.paragraph(
                "The dataset names no grouping attribute (group: in dataset.yml), so detected communities cannot be compared with literatures.")]), nil)
        }
        guard let comparison = CommunityComparison.louvain(on: graph, grouping: partition, seed: parameters.seed) else {
            return (ReportSection(title: title, blocks: [.paragraph(
                "No two works of the dataset are linked by a citation, so there are no communities to detect.")]), nil)
        }
        let blocks = comparison.blocks(
            prefix: "citation-communities", groupTitle: g, subject: "works linked by a citation",
            largely: "the communities found without labels largely reproduce the groups of '\(g)': the citations stay mostly within them.",
            partly: "the communities found without labels reproduce the groups of '\(g)' only in part: some citation clusters follow them, others mix them.",
            not: "the communities found without labels do not reproduce the groups of '\(g)': the citation clusters cut across them.")
        return (ReportSection(title: title, blocks: blocks), comparison)
    }
}
