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
        /// Works in the co-citation map of an imported corpus: the most cited (biblioshiny's default, 50).
        public var coCitationTop = 50
        /// When set, the co-citation map holds every work cited at least this many times instead.
        public var coCitationMinCitations: Int?
        /// Citing records in the bibliographic-coupling map (largest total coupling strength).
        public var couplingTop = 50
        /// Records in the corpus historiograph (HistCite's top by local citation score).
        public var historiographTop = 30
        /// Fewest citing records for the corpus sections (maps, historiograph): with fewer,
        /// co-citation and coupling counts of at most a handful say nothing (e.g. the three
        /// reviews of coproduction-reviews), and the sections are left out.
        public var minimumCitingRecords = 10
        /// Smallest G² a cluster-label term needs. Default 3.84, the 5% critical value of χ²
        /// with one degree of freedom, so that a label is not a chance excess of a small cluster.
        public var minimumLabelG2 = 3.84
        public init() {}

        /// The parameters the analysis catalogue reads (computations, methods sentences,
        /// parameters table): the report's seed and top-list size, the defaults otherwise.
        public var analysis: AnalysisParameters {
            var a = AnalysisParameters()
            a.seed = seed
            a.topListSize = centralityTop
            return a
        }
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

    /// The sections of a dataset report, in order. A section that does not apply to a
    /// dataset builds nothing.
    static let sections: [DatasetSection] = [
        .overview,
        .composition,
        .fieldCoverage,
        .conceptCoUse,
        .citationNetwork,
        .centralWorks,
        .citationCommunities,
        .coCitationMap,
        .couplingMap,
        .corpusHistoriograph,
        .diffusion,
        .lineage,
        .claims,
        .additionalTables,
    ]

    /// Builds the report of a loaded dataset: every section of ``sections`` in order, the
    /// methods paragraph from the methods they used, the parameters table from the
    /// report's rows and theirs.
    public func build(_ dataset: Dataset) throws -> Report {
        progress("\(dataset.manifest.name): citation graph and groups")
        let context = DatasetReportContext(dataset: dataset, parameters: parameters)
        var metrics = DatasetMetrics(context: context)
        let part = try Self.sections.assemble(context: context, metrics: &metrics, progress: progress, label: dataset.manifest.name)
        let methods = part.methods + [MethodCatalogue.sfdp, MethodCatalogue.graphviz, MethodCatalogue.okabeIto]
        let (paragraph, references) = MethodCatalogue.text(for: methods)

        return Report(
            name: dataset.manifest.name,
            title: dataset.manifest.title,
            source: dataset.manifest.source,
            sections: (context.headlineSection(metrics: metrics).map { [$0] } ?? []) + part.sections,
            parameters: context.parameterRows(sectionRows: part.parameters) + context.claimParameterRows(),
            methods: [context.dataParagraph(), paragraph] + part.methodParagraphs,
            references: references,
            metricsJSON: try JSONOutput.encode(metrics))
    }
}
