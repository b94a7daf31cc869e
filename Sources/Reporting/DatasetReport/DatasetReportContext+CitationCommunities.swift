import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Citation communities": Louvain communities of the undirected citation network
    /// (seeded, best of 10 runs) against the groups of works, over the works with at
    /// least one citation link (the section shared with the network report,
    /// ``CommunityComparison/section(title:graph:grouping:seed:prefix:groupTitle:subject:largely:partly:not:noLinks:)``).
    func citationCommunitiesSection(graph: Graph) -> (ReportPart, CommunityComparison?) {
        let title = groupAttribute.map { "Citation communities and \($0)" } ?? "Citation communities"
        guard let g = groupAttribute else {
            return (ReportPart([ReportSection(title: title, blocks: [.paragraph(
                "The dataset names no grouping attribute (group: in dataset.yml), so detected communities cannot be compared with literatures.")])]), nil)
        }
        return CommunityComparison.section(
            title: title, graph: graph, grouping: partition, seed: parameters.seed,
            prefix: "citation-communities", groupTitle: g, subject: "works linked by a citation",
            largely: "the communities found without labels largely reproduce the groups of '\(g)': the citations stay mostly within them.",
            partly: "the communities found without labels reproduce the groups of '\(g)' only in part: some citation clusters follow them, others mix them.",
            not: "the communities found without labels do not reproduce the groups of '\(g)': the citation clusters cut across them.",
            noLinks: "No two works of the dataset are linked by a citation, so there are no communities to detect.")
    }
}
