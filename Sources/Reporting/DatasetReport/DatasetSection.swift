/// One section of a dataset report as a value (see ``SectionDefinition``): its name (shown
/// in progress) and the function that builds its ``ReportPart`` from the shared
/// ``DatasetReportContext``, filling its block of `metrics.json`. The function returns nil
/// when the section does not apply to the dataset (no layer for it, not an imported corpus, …).
///
/// ``DatasetReportBuilder/sections`` lists the sections in report order; each section is
/// defined in the file of its builder function (`DatasetReportContext+<Section>.swift`), so
/// a new section is one new file plus one entry in that list.
struct DatasetSection: SectionDefinition {
    let name: String
    let build: @Sendable (DatasetReportContext, inout DatasetMetrics) throws -> ReportPart?

    init(_ name: String, build: @escaping @Sendable (DatasetReportContext, inout DatasetMetrics) throws -> ReportPart?) {
        self.name = name
        self.build = build
    }
}

extension DatasetSection {
    static let overview = DatasetSection("overview") { context, _ in ReportPart([context.overviewSection()]) }
    static let composition = DatasetSection("composition") { context, _ in
        context.compositionSection().map { ReportPart([$0]) }
    }
    static let conceptCoUse = DatasetSection("concept co-use network") { context, metrics in
        guard context.hasConceptLayer else { return nil }
        let (section, coUseMetrics) = try context.conceptCoUseSection()
        metrics.conceptCoUse = coUseMetrics
        return ReportPart([section, try context.conceptMapSection()],
                          methods: [MethodCatalogue.coword, MethodCatalogue.mixing, MethodCatalogue.edgeHomophily,
                                    MethodCatalogue.classInsensitive, MethodCatalogue.eiIndex, MethodCatalogue.permutationNull]
                              + MethodCatalogue.communityComparison)
    }
    static let citationNetwork = DatasetSection("citation network") { context, metrics in
        guard let built = context.citation else { return nil }
        let (section, citationMetrics) = try context.citationSection(built: built)
        metrics.citation = citationMetrics
        var methods = [MethodCatalogue.components]
        if context.siloStatisticsUnavailable() == nil {
            methods += [MethodCatalogue.mixing, MethodCatalogue.edgeHomophily, MethodCatalogue.eiIndex,
                        MethodCatalogue.permutationNull, MethodCatalogue.brokerage] + context.diversityGrouping().methods
        }
        return ReportPart([section], methods: methods)
    }
    static let centralWorks = DatasetSection("central works") { context, metrics in
        guard let graph = context.citation?.graph else { return nil }
        let (part, topLists) = context.centralitySection(graph: graph)
        metrics.citation?.centrality = topLists
        return part
    }
    static let citationCommunities = DatasetSection("citation communities") { context, metrics in
        guard let graph = context.citation?.graph else { return nil }
        let (part, comparison) = context.citationCommunitiesSection(graph: graph)
        metrics.citation?.communities = comparison
        return part
    }
    static let diffusion = DatasetSection("concept diffusion") { context, _ in
        try context.diffusionSection().map { ReportPart([$0]) }
    }
    static let lineage = DatasetSection("lineage") { context, metrics in
        guard context.hasLineageLayer else { return nil }
        let (section, lineageMetrics) = try context.lineageSection()
        metrics.lineage = lineageMetrics
        return ReportPart([section])
    }
    static let additionalTables = DatasetSection("additional tables") { context, _ in
        try context.additionalTablesSection().map { ReportPart([$0]) }
    }
}

extension DatasetSection {
    /// The claims of dataset.yml tested on the data (issue 13 part 2). Its parameter rows
    /// follow the report's own (``DatasetReportContext/claimParameterRows()``).
    static let claims = DatasetSection("claims") { context, metrics in
        guard let built = try context.claimsSection() else { return nil }
        let (section, claims) = built
        metrics.claims = claims
        return ReportPart([section], methods: MethodCatalogue.claims)
    }
}
