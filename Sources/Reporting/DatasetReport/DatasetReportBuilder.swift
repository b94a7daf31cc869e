import Bibliometrics
import Foundation
import NetworkAlgorithms
import NetworkCore

/// Builds the ``Report`` of one dataset folder: what the data is, how the works divide
/// among groups, the concept co-use network and its silo statistics, the citation
/// layer when there is one (with its most central works per measure and its Louvain
/// communities set against the groups), the lineage layer, methods, parameters and
/// `metrics.json`.
///
/// Pure apart from Graphviz rendering (itself deterministic): the same dataset gives
/// the same report, byte for byte. Sections for layers a dataset lacks are left out
/// and the overview says so.
public struct DatasetReportBuilder: Sendable {
    /// Parameters of a report run.
    public struct Parameters: Sendable {
        /// Largest number of works drawn in a network figure (top by a stated score).
        public var maxFigureNodes = 150
        /// Rows shown in the "top" tables (the CSV files hold every row).
        public var topRows = 15
        /// Works in each centrality top list.
        public var centralityTop = 10
        /// Samples of the label-permutation null model.
        public var nullSamples = 999
        /// Seed of every random draw in the report.
        public var seed: UInt64 = 1
        public init() {}
    }

    public var parameters: Parameters
    public var progress: ProgressLog

    public init(parameters: Parameters = Parameters(), progress: ProgressLog = .silent) {
        self.parameters = parameters
        self.progress = progress
    }

    /// Loads the dataset in `folder` and builds its report.
    public func build(folder: String) throws -> Report {
        progress("loading \(folder)")
        let dataset = try Dataset.load(folder: folder)
        return try build(dataset)
    }

    /// Builds the report of a loaded dataset.
    public func build(_ dataset: Dataset) throws -> Report {
        let context = DatasetReportContext(dataset: dataset, parameters: parameters)
        var metrics = DatasetMetrics(context: context)
        var methods: [Method] = []
        var sections: [ReportSection] = []

        progress("\(dataset.manifest.name): overview")
        sections.append(context.overviewSection())
        if let composition = context.compositionSection() { sections.append(composition) }

        if context.hasConceptLayer {
            progress("\(dataset.manifest.name): concept co-use network")
            let (section, coUseMetrics) = try context.conceptCoUseSection()
            sections.append(section)
            metrics.conceptCoUse = coUseMetrics
            sections.append(try context.conceptMapSection())
            methods += [MethodCatalogue.coword, MethodCatalogue.mixing, MethodCatalogue.edgeHomophily,
                        MethodCatalogue.classInsensitive, MethodCatalogue.eiIndex, MethodCatalogue.permutationNull]
                + MethodCatalogue.communityComparison
        }
        if context.citationArcCount > 0 {
            progress("\(dataset.manifest.name): citation network")
            var (section, citationMetrics) = try context.citationSection()
            sections.append(section)
            methods += [MethodCatalogue.components, MethodCatalogue.mixing,
                        MethodCatalogue.edgeHomophily, MethodCatalogue.eiIndex, MethodCatalogue.permutationNull,
                        MethodCatalogue.brokerage, MethodCatalogue.raoStirling]
            let graph = dataset.citationGraph().graph
            progress("\(dataset.manifest.name): centrality")
            let (centrality, topLists) = context.centralitySection(graph: graph)
            sections.append(centrality)
            citationMetrics.centrality = topLists
            methods += MethodCatalogue.centrality
            progress("\(dataset.manifest.name): citation communities")
            let (communities, comparison) = context.citationCommunitiesSection(graph: graph)
            sections.append(communities)
            citationMetrics.communities = comparison
            if comparison != nil { methods += MethodCatalogue.communityComparison }
            metrics.citation = citationMetrics
        }
        if let diffusion = try context.diffusionSection() { sections.append(diffusion) }
        if context.hasLineageLayer {
            progress("\(dataset.manifest.name): lineage")
            let (section, lineageMetrics) = try context.lineageSection()
            sections.append(section)
            metrics.lineage = lineageMetrics
        }
        if let (section, claims) = try context.claimsSection() { sections.append(section); metrics.claims = claims; methods += MethodCatalogue.claims }
        if let tables = try context.additionalTablesSection() { sections.append(tables) }
        methods += [MethodCatalogue.sfdp, MethodCatalogue.graphviz, MethodCatalogue.okabeIto]
        let (paragraph, references) = MethodCatalogue.text(for: methods)

        return Report(
            name: dataset.manifest.name,
            title: dataset.manifest.title,
            source: dataset.manifest.source,
            sections: sections,
            parameters: context.parameterRows() + context.claimParameterRows(),
            methods: [context.dataParagraph(), paragraph],
            references: references,
            metricsJSON: try JSONOutput.encode(metrics))
    }
}
