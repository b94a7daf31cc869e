/// The `null` block of `siloscope bridging --format json` (ARCHITECTURE.md §6): what a null model
/// says about the observed silo statistics.
///
/// Keys: `model`, `samples`, `seed`, `pValues`, `intervals`, and — added to ARCHITECTURE.md §6's
/// list — `expected` (the null means), `ratios` (observed / expected) and `zScores`
/// ((observed − mean) / standard deviation of the samples). `nil` values (undefined: no
/// edges, an expected count of 0, a null with no spread) encode as JSON `null`.
public struct NullModelResult: Sendable, Equatable, Codable {
    /// Name of the null model (`"permutation"`, `"rewire"`).
    public var model: String
    /// Number of null samples drawn.
    public var samples: Int
    /// Seed of the random generator.
    public var seed: UInt64
    /// p-values with the +1 correction, `(1 + #{null as or more extreme}) / (1 + samples)`.
    public var pValues: NullStatistics<Double?>
    /// 95% intervals (2.5th and 97.5th percentiles of the null samples) as `[low, high]`.
    public var intervals: NullStatistics<[Double]?>
    /// Means of the null samples.
    public var expected: NullStatistics<Double?>
    /// Observed value divided by the null mean ("cited 0.3 times as often as expected").
    public var ratios: NullStatistics<Double?>
    /// `(observed − mean) / sd` with the sample standard deviation (n − 1).
    public var zScores: NullStatistics<Double?>

    /// Memberwise initialiser.
    public init(model: String, samples: Int, seed: UInt64, pValues: NullStatistics<Double?>,
                intervals: NullStatistics<[Double]?>, expected: NullStatistics<Double?>,
                ratios: NullStatistics<Double?>, zScores: NullStatistics<Double?>) {
        self.model = model
        self.samples = samples
        self.seed = seed
        self.pValues = pValues
        self.intervals = intervals
        self.expected = expected
        self.ratios = ratios
        self.zScores = zScores
    }
}

/// One value per statistic a null model tests: `edgeHomophily`, `eiIndex` and each
/// `mixing` cell (rows = citing group, columns = cited group).
public struct NullStatistics<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    /// Value for the edge homophily.
    public var edgeHomophily: Value
    /// Value for the network E-I index.
    public var eiIndex: Value
    /// Value for each mixing cell (rows = citing group, columns = cited group).
    public var mixing: [[Value]]

    /// Memberwise initialiser.
    public init(edgeHomophily: Value, eiIndex: Value, mixing: [[Value]]) {
        self.edgeHomophily = edgeHomophily
        self.eiIndex = eiIndex
        self.mixing = mixing
    }

    private enum CodingKeys: String, CodingKey { case edgeHomophily, eiIndex, mixing }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(edgeHomophily, forKey: .edgeHomophily)
        try c.encode(eiIndex, forKey: .eiIndex)
        try c.encode(mixing, forKey: .mixing)
    }
}
