import Bibliometrics
import NetworkAlgorithms
import NetworkCore

/// The statistics of one claim on one version of the data: counts and shares with Wilson
/// intervals, Fisher's exact test, a label-permutation p-value and two effect sizes.
public struct ClaimTest: Sendable, Equatable, Encodable {
    /// Claimed group (first row) against the comparison group (second row), by whether
    /// a work draws on the target.
    public var table: TwoByTwoTable
    public var whoShare: WilsonInterval?
    public var comparisonShare: WilsonInterval?
    /// Fisher's exact test, two-sided, and one-sided in the claimed direction (nil
    /// without `expect:`).
    public var fisherTwoSided: Double?
    public var fisherOneSided: Double?
    public var permutation: LabelPermutationTest?
    /// One-sided permutation p-value in the claimed direction (nil without `expect:`).
    public var permutationOneSided: Double?
    /// Share difference (claimed − comparison) with Newcombe's interval; odds ratio with
    /// Woolf's interval (0.5 added to every cell when one is 0).
    public var riskDifference: TwoByTwoTable.Effect?
    public var oddsRatio: TwoByTwoTable.Effect?
    public var oddsRatioCorrected: Bool
    /// Whether the observed difference points the way the claim says (nil without
    /// `expect:` or when a group is empty); a zero difference does not agree.
    public var directionAgrees: Bool?

    /// The statistics of `design`; the permutation test draws `samples` shuffles from `seed`.
    public init(_ design: ClaimDesign, samples: Int, seed: UInt64) {
        let t = TwoByTwoTable(a: design.whoDrawing, b: design.who.count - design.whoDrawing,
                              c: design.comparisonDrawing, d: design.comparison.count - design.comparisonDrawing)
        table = t
        whoShare = t.share1
        comparisonShare = t.share2
        fisherTwoSided = FisherExactTest.pValue(t, alternative: .twoSided)
        let permutation = LabelPermutationTest(t, samples: samples, seed: seed)
        self.permutation = permutation
        riskDifference = t.riskDifference
        oddsRatio = t.oddsRatio
        oddsRatioCorrected = t.oddsRatioCorrected
        switch design.claim.expect {
        case .less?:
            fisherOneSided = FisherExactTest.pValue(t, alternative: .less)
            permutationOneSided = permutation?.less
            directionAgrees = riskDifference.map { $0.estimate < 0 }
        case .more?:
            fisherOneSided = FisherExactTest.pValue(t, alternative: .greater)
            permutationOneSided = permutation?.greater
            directionAgrees = riskDifference.map { $0.estimate > 0 }
        case nil:
            fisherOneSided = nil
            permutationOneSided = nil
            directionAgrees = nil
        }
    }
}

/// A claim tested on the data as loaded and under every alternative of the mapping file:
/// each row moved to each of its alternatives alone, then every row moved to its first
/// alternative together.
public struct ClaimEvaluation: Sendable, Equatable {
    /// One version of the mapping and the claim's statistics under it.
    public struct Scenario: Sendable, Equatable {
        /// The rows moved (empty: the mapping as given).
        public var moves: [MappingMove]
        /// The mapping rows moved, for display (`file:line`).
        public var rows: [String]
        /// Works whose value changed.
        public var worksMoved: Int
        public var design: ClaimDesign
        public var test: ClaimTest
        /// Whether the 2×2 table differs from the one under the mapping as given.
        public var changesTable: Bool
    }

    public var claim: DatasetManifest.Claim
    public var baseline: Scenario
    /// One-at-a-time scenarios in mapping-file order, then "all together" (when two or
    /// more rows have alternatives).
    public var alternatives: [Scenario]
    public var allTogether: Scenario?
    /// The rows with alternatives the scenarios come from.
    public var mappingRows: [MappingAlternative]
    public var samples: Int
    public var seed: UInt64

    /// Tests `claim` on `dataset`. O((rows with alternatives + 2) · (works + arcs +
    /// samples · claimed-group size)). Deterministic: every scenario's permutation test
    /// uses the same `seed`.
    public init(claim: DatasetManifest.Claim, dataset: Dataset, samples: Int, seed: UInt64) throws {
        let rows = try dataset.mappingAlternatives()
        func scenario(_ moves: [MappingMove], rows labels: [String], base: ClaimDesign?) -> Scenario {
            let design = dataset.design(of: claim, moving: moves)
            let test = ClaimTest(design, samples: samples, seed: seed)
            var moved = 0
            for attribute in Set(moves.map(\.attribute)) {
                let before = dataset.workAttributes[attribute] ?? []
                let after = dataset.workAttribute(attribute, moving: moves) ?? []
                moved += zip(before, after).filter { $0 != $1 }.count
            }
            let changes = base.map {
                ($0.whoDrawing, $0.who.count, $0.comparisonDrawing, $0.comparison.count)
                    != (design.whoDrawing, design.who.count, design.comparisonDrawing, design.comparison.count)
            } ?? false
            return Scenario(moves: moves, rows: labels, worksMoved: moved, design: design, test: test, changesTable: changes)
        }
        let base = scenario([], rows: [], base: nil)
        var singles: [Scenario] = []
        for row in rows {
            for alternative in row.alternatives {
                singles.append(scenario([MappingMove(attribute: row.attribute, key: row.key, value: alternative)],
                                        rows: ["\(row.file):\(row.line)"], base: base.design))
            }
        }
        self.claim = claim
        baseline = base
        alternatives = singles
        allTogether = rows.count >= 2
            ? scenario(rows.compactMap { r in r.alternatives.first.map { MappingMove(attribute: r.attribute, key: r.key, value: $0) } },
                       rows: rows.map { "\($0.file):\($0.line)" }, base: base.design)
            : nil
        mappingRows = rows
        self.samples = samples
        self.seed = seed
    }
}
