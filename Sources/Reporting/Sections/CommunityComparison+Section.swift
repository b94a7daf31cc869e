import NetworkAlgorithms
import NetworkCore

extension CommunityComparison {
    /// The section that sets the Louvain communities of a citation network against a
    /// grouping of its works, shared by the dataset and network reports: `title`, then the
    /// comparison's blocks (``blocks(prefix:groupTitle:subject:largely:partly:not:)``, the
    /// reading chosen by agreement), or `noLinks` as its one paragraph when no two works are
    /// linked (comparison nil). The part's methods are ``MethodCatalogue/communityComparison``
    /// when a comparison was made. Seeded (``louvain(on:grouping:seed:runs:)``): deterministic.
    static func section(
        title: String, graph: Graph, grouping: Partition, seed: UInt64, prefix: String, groupTitle: String,
        subject: String, largely: String, partly: String, not: String, noLinks: String
    ) -> (part: ReportPart, comparison: CommunityComparison?) {
        guard let comparison = louvain(on: graph, grouping: grouping, seed: seed) else {
            return (ReportPart([ReportSection(title: title, blocks: [.paragraph(noLinks)])]), nil)
        }
        let blocks = comparison.blocks(prefix: prefix, groupTitle: groupTitle, subject: subject,
                                       largely: largely, partly: partly, not: not)
        return (ReportPart([ReportSection(title: title, blocks: blocks)], methods: MethodCatalogue.communityComparison), comparison)
    }
}
