import NetworkAlgorithms
import NetworkCore

/// What one timed run of a ``BenchmarkTask`` gives besides its time.
public struct BenchmarkOutcome: Sendable {
    /// A number derived from the result (e.g. its length), kept by the timer so that the
    /// work cannot be optimised away.
    public var size: Int
    /// Modularity reached (community tasks).
    public var modularity: Double?
    /// Pairs sampled (approximate betweenness).
    public var samples: Int?

    public init(size: Int, modularity: Double? = nil, samples: Int? = nil) {
        self.size = size
        self.modularity = modularity
        self.samples = samples
    }
}

/// The limits on graph size under which `bench` runs a costly task.
public enum BenchmarkArcLimit: Sendable {
    /// Exact betweenness and the fixed-sample estimate (`--betweenness-max-arcs`).
    case exactBetweenness
    /// KADABRA (`--approximate-betweenness-max-arcs`).
    case approximateBetweenness
}

/// One task of `siloscope bench`, as the analysis catalogue defines it
/// (``AnalysisCatalogue/benchmarkTasks``): its name (the `--tasks` name, the JSON key and
/// the table row; stable, ARCHITECTURE.md §6), the catalogue measure it computes when it is
/// one, what it runs under the parameters given (for `--help`), the arc limit it obeys, the
/// computation timed, and a note computed once, untimed, after the timed runs.
public struct BenchmarkTask: Sendable {
    public let name: String
    /// The ``NodeMeasure/key`` of the measure timed, or nil for a whole-graph analysis.
    public let measureKey: String?
    public let describe: @Sendable (AnalysisParameters) -> String
    public let arcLimit: BenchmarkArcLimit?
    public let run: @Sendable (Graph, AnalysisParameters) -> BenchmarkOutcome
    public let note: @Sendable (Graph, AnalysisParameters) -> String?

    init(_ name: String, measure: String? = nil, arcLimit: BenchmarkArcLimit? = nil,
         describe: @escaping @Sendable (AnalysisParameters) -> String,
         note: @escaping @Sendable (Graph, AnalysisParameters) -> String? = { _, _ in nil },
         run: @escaping @Sendable (Graph, AnalysisParameters) -> BenchmarkOutcome) {
        self.name = name
        measureKey = measure
        self.describe = describe
        self.arcLimit = arcLimit
        self.run = run
        self.note = note
    }
}
