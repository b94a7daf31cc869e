import Foundation
import NetworkAlgorithms
import NetworkCore

/// The parameters every analysis of the catalogue may read. One value flows from the CLI
/// or the report builder to the computation, the methods sentence and the parameters
/// table, so that the prose cannot drift from what was computed.
public struct AnalysisParameters: Sendable, Equatable {
    /// PageRank damping factor.
    public var damping = 0.85
    /// PageRank's relative L1 tolerance.
    public var pageRankTolerance = 1e-12
    /// Approximate betweenness: additive error bound ε and failure probability δ.
    public var epsilon = 0.01
    public var delta = 0.1
    /// Seed of every random draw (samplers, community searches).
    public var seed: UInt64 = 1
    /// Modularity resolution of the community searches.
    public var resolution = 1.0
    /// Runs of the report's Louvain search (seeds `seed`, `seed + 1`, …; best kept).
    public var communityRuns = 10
    /// Works per centrality top list.
    public var topListSize = 10
    public init() {}
}

/// One per-node measure: its key, how it is computed, whether it is a count, and the
/// methods sentence generated from the parameters actually used. Read by `metrics`, the
/// reports' top lists, their methods paragraph and their parameters table.
public struct NodeMeasure: Sendable {
    /// Key in `metrics` output and `--metrics` (ARCHITECTURE.md §6): `inDegree`, `pagerank`, …
    public let key: String
    /// Key in reports (top-list table names, `metrics.json` of reports): `in-degree`, … (nil: not in reports).
    public let reportKey: String?
    /// Name shown to readers.
    public let name: String
    /// What a high value means, in plain words.
    public let meaning: String
    /// Whether values are whole counts (written as integers).
    public let isCount: Bool
    /// Scores of every node. The log receives what a reader of standard error should know
    /// (samples drawn, communities found).
    public let compute: @Sendable (Graph, AnalysisParameters, ProgressLog) -> [Double]
    /// The methods sentences and references of the measure under these parameters.
    public let methods: @Sendable (AnalysisParameters) -> [Method]
    /// A row of the parameters table under these parameters (nil: no parameters).
    public let parameterRow: (@Sendable (AnalysisParameters) -> (String, String))?
}

/// The catalogue of per-node measures (see ``NodeMeasure``).
public enum AnalysisCatalogue {
    /// Every measure, in `metrics` order.
    public static let measures: [NodeMeasure] = [
        NodeMeasure(
            key: "inDegree", reportKey: "in-degree", name: "in-degree (times cited)",
            meaning: "the number of works of the network that cite the work", isCount: true,
            compute: { g, _, _ in g.inDegrees().map(Double.init) }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "outDegree", reportKey: nil, name: "out-degree (references)",
            meaning: "the number of works of the network the work cites", isCount: true,
            compute: { g, _, _ in g.outDegrees().map(Double.init) }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "pagerank", reportKey: "pagerank", name: "PageRank",
            meaning: "the share of time spent on the work by a reader who follows references at random and jumps to a random work 15% of the time",
            isCount: false,
            compute: { g, p, _ in g.pageRank(damping: p.damping, tolerance: p.pageRankTolerance).scores },
            methods: { p in [MethodCatalogue.pageRankMethod(damping: p.damping, tolerance: p.pageRankTolerance)] },
            parameterRow: { p in ("PageRank", "damping \(number(p.damping)), dangling mass spread uniformly, relative L1 tolerance \(number(p.pageRankTolerance)) (Gauss–Seidel by strong component)") }),
        NodeMeasure(
            key: "betweenness", reportKey: "betweenness", name: "betweenness",
            meaning: "the number of shortest citation chains (citing → … → cited) between other works that pass through the work, a pair's equally short chains sharing one unit",
            isCount: false,
            compute: { g, _, _ in g.betweenness(directed: true) },
            methods: { _ in [MethodCatalogue.betweenness, MethodCatalogue.freeman] }, parameterRow: nil),
        NodeMeasure(
            key: "approximateBetweenness", reportKey: nil, name: "approximate betweenness",
            meaning: "an estimate of the share of ordered pairs whose shortest chains pass through the work", isCount: false,
            compute: { g, p, log in
                let estimate = approximateBetweenness(g, p)
                log("approximateBetweenness: \(estimate.samples) sampled pairs, at most \(estimate.maximumSamples) (KADABRA, ε \(p.epsilon), δ \(p.delta), seed \(p.seed), vertex-diameter bound \(estimate.vertexDiameterBound))")
                return estimate.scores
            },
            methods: { _ in [] },
            parameterRow: { p in ("approximate betweenness", "ε \(p.epsilon), δ \(p.delta), seed \(p.seed)") }),
        NodeMeasure(
            key: "closeness", reportKey: nil, name: "closeness", meaning: "how directly the work is reached by the works citing it",
            isCount: false, compute: { g, _, _ in g.closeness() }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "harmonic", reportKey: nil, name: "harmonic centrality", meaning: "the summed inverse distances from the works citing it",
            isCount: false, compute: { g, _, _ in g.harmonicCentrality() }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "hub", reportKey: nil, name: "HITS hub", meaning: "how much the work cites the most cited works",
            isCount: false, compute: { g, _, _ in g.hits().hubs }, methods: { _ in [MethodCatalogue.hits] }, parameterRow: nil),
        NodeMeasure(
            key: "authority", reportKey: "hits-authority", name: "HITS authority",
            meaning: "how much the work is cited by works that themselves cite the most cited works (Kleinberg's authority; the scores sum to 1)",
            isCount: false, compute: { g, _, _ in g.hits().authorities }, methods: { _ in [MethodCatalogue.hits] }, parameterRow: nil),
        NodeMeasure(
            key: "eigenvector", reportKey: nil, name: "eigenvector centrality", meaning: "citations weighted by the centrality of the citing works",
            isCount: false, compute: { g, _, _ in g.eigenvectorCentrality().scores }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "katz", reportKey: nil, name: "Katz centrality", meaning: "citation chains of every length reaching the work, damped by length",
            isCount: false, compute: { g, _, _ in g.katzCentrality().scores }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "coreness", reportKey: "coreness", name: "core number",
            meaning: "the largest k such that the work belongs to a part of the network in which every work is linked (citing or cited) to at least k others of that part",
            isCount: true, compute: { g, _, _ in g.coreNumbers(.undirected).map(Double.init) },
            methods: { _ in [MethodCatalogue.coreness, MethodCatalogue.batageljZaversnik] }, parameterRow: nil),
        NodeMeasure(
            key: "inCoreness", reportKey: nil, name: "in-core number", meaning: "the k-core number by in-degree",
            isCount: true, compute: { g, _, _ in g.coreNumbers(.in).map(Double.init) }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "outCoreness", reportKey: nil, name: "out-core number", meaning: "the k-core number by out-degree",
            isCount: true, compute: { g, _, _ in g.coreNumbers(.out).map(Double.init) }, methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "louvain", reportKey: nil, name: "Louvain community", meaning: "the community number (0, 1, … by first node)",
            isCount: true, compute: { g, p, log in communityNumbers(communities(g, p, leiden: false), "louvain", p, log) },
            methods: { _ in [] }, parameterRow: nil),
        NodeMeasure(
            key: "leiden", reportKey: nil, name: "Leiden community", meaning: "the community number (0, 1, … by first node)",
            isCount: true, compute: { g, p, log in communityNumbers(communities(g, p, leiden: true), "leiden", p, log) },
            methods: { _ in [] }, parameterRow: nil),
    ]

    /// The measure with `key` (`metrics` key), if any. O(1) amortised.
    public static func measure(_ key: String) -> NodeMeasure? { byKey[key] }

    private static let byKey: [String: NodeMeasure] = Dictionary(uniqueKeysWithValues: measures.map { ($0.key, $0) })

    /// The measures of the reports' central-works top lists, in table order.
    public static let topListKeys = ["inDegree", "pagerank", "authority", "betweenness", "coreness"]

    /// The methods of the top lists under `parameters`, in methods-paragraph order.
    public static func topListMethods(_ parameters: AnalysisParameters) -> [Method] {
        [MethodCatalogue.centralityRankingMethod(limit: parameters.topListSize)]
            + topListKeys.compactMap(measure).flatMap { $0.methods(parameters) }
    }

    /// Approximate betweenness as the catalogue computes it (``measures``' `approximateBetweenness`
    /// and `bench`): directed, ε, δ and seed from `p`, by `method` (KADABRA by default).
    static func approximateBetweenness(_ g: Graph, _ p: AnalysisParameters,
                                       method: ApproximateBetweennessMethod = .kadabra) -> ApproximateBetweenness {
        g.approximateBetweenness(epsilon: p.epsilon, delta: p.delta, seed: p.seed, method: method)
    }

    /// Modularity communities as the catalogue computes them (`louvain` and `leiden` of
    /// ``measures`` and `bench`): resolution and seed from `p`; Leiden with its default
    /// 2 iterations, Louvain one run.
    static func communities(_ g: Graph, _ p: AnalysisParameters, leiden: Bool) -> CommunityDetection {
        leiden ? g.leiden(resolution: p.resolution, seed: p.seed) : g.louvain(resolution: p.resolution, seed: p.seed)
    }

    /// A number as people write it: 0.85, 1, 1e-12.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        if abs(x) < 1e-4 { return String(format: "%g", x) }
        return "\(x)"
    }

    private static func communityNumbers(_ found: CommunityDetection, _ name: String, _ p: AnalysisParameters, _ log: ProgressLog) -> [Double] {
        let partition = found.partition
        log("\(name): \(partition.groupCount) communities, modularity \(found.modularity) (resolution \(p.resolution), seed \(p.seed))")
        return partition.groupOf.map { Double(Int(partition.groupNames[Int($0)]) ?? -1) }
    }
}
