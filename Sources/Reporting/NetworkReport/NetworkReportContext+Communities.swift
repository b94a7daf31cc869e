extension NetworkSection {
    /// "Communities and <group>": Louvain communities against the input's partition (the
    /// section shared with the dataset report,
    /// ``CommunityComparison/section(title:graph:grouping:seed:prefix:groupTitle:subject:largely:partly:not:noLinks:)``);
    /// left out without a partition.
    static let communities = NetworkSection("communities") { context, metrics in
        guard let grouping = context.input.partition else { return nil }
        let t = context.input.groupTitle
        let (part, comparison) = CommunityComparison.section(
            title: "Communities and \(t)", graph: context.graph, grouping: grouping, seed: context.parameters.seed,
            prefix: "communities", groupTitle: t, subject: "works linked by a citation",
            largely: "the communities found without labels largely reproduce the groups of '\(t)'.",
            partly: "the communities found without labels reproduce the groups of '\(t)' only in part.",
            not: "the communities found without labels do not reproduce the groups of '\(t)'.",
            noLinks: "No two works are linked, so there are no communities to detect.")
        metrics.communities = comparison
        return part
    }
}
