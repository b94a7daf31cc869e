import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "Citation communities": Louvain communities of the undirected citation network
    /// (seeded, best of 10 runs) against the groups of works, over the works with at
    /// least one citation link (see ``CommunityComparison``).
    func citationCommunitiesSection(graph: Graph) -> (ReportSection, CommunityComparison?) {
        let title = "Citation communities and \(groupTitle)"
        let simple = graph.undirectedSimple()
        guard simple.edgeCount > 0 else {
            return (ReportSection(title: title, blocks: [.paragraph(
                "No two works of the dataset are linked by a citation, so there are no communities to detect.")]), nil)
        }
        guard let g = groupAttribute else {
            return (ReportSection(title: title, blocks: [.paragraph(
                "The dataset names no grouping attribute (group: in dataset.yml), so detected communities cannot be compared with literatures.")]), nil)
        }
        let detected = graph.louvain(resolution: 1, seed: parameters.seed, restarts: 10)
        let linked = (0..<workCount).filter { simple.degree(Int32($0)) > 0 }
        let comparison = CommunityComparison(
            algorithm: "Louvain (best of 10 runs)", seed: parameters.seed, detected: detected, grouping: partition,
            compared: linked, groupModularity: simple.modularity(of: partition))
        let blocks = comparison.blocks(
            prefix: "citation-communities", groupTitle: g, subject: "works linked by a citation",
            largely: "the communities found without labels largely reproduce the groups of '\(g)': the citations stay mostly within them.",
            partly: "the communities found without labels reproduce the groups of '\(g)' only in part: some citation clusters follow them, others mix them.",
            not: "the communities found without labels do not reproduce the groups of '\(g)': the citation clusters cut across them.")
        return (ReportSection(title: title, blocks: blocks), comparison)
    }
}
