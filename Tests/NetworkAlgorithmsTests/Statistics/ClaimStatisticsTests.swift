import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import NetworkAlgorithms

/// The claim statistics: hand computations written out here, a published example, and
/// scipy/statsmodels values from `scripts/peers/claim_statistics.py`.
@Suite("Claim statistics")
struct ClaimStatisticsTests {
    static let z = 1.959963984540054

    @Test("Wilson interval: closed forms at x = 0, x = n and x = n/2")
    func wilsonHand() throws {
        // x = 0: lower 0, upper z²/(n + z²). n = 12: 3.841458820694124 / 15.841458820694124.
        let zero = try #require(WilsonInterval(successes: 0, trials: 12))
        #expect(zero.lower == 0)
        #expect(abs(zero.upper - (Self.z * Self.z) / (12 + Self.z * Self.z)) < 1e-15)
        #expect(abs(zero.upper - 0.24249400665524) < 1e-12)
        // x = n: upper 1, lower n/(n + z²).
        let all = try #require(WilsonInterval(successes: 7, trials: 7))
        #expect(all.upper == 1)
        #expect(abs(all.lower - 7 / (7 + Self.z * Self.z)) < 1e-15)
        // x = n/2: centred on 1/2 with half-width z / (2·√(n + z²)); n = 10 → 0.263407…
        let half = try #require(WilsonInterval(successes: 5, trials: 10))
        let w = Self.z / (2 * (10 + Self.z * Self.z).squareRoot())
        #expect(abs(half.lower - (0.5 - w)) < 1e-15 && abs(half.upper - (0.5 + w)) < 1e-15)
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        #expect(WilsonInterval(successes: 3, trials: 2) == nil)
        #expect(WilsonInterval(successes: -1, trials: 2) == nil)
    }

    @Test("Fisher's exact test: the tea-tasting table by hand")
    func fisherTea() throws {
        // [[3,1],[1,3]], margins 4/4 of 8: P(a) = C(4,a)·C(4,4−a)/C(8,4) = 1, 16, 36, 16, 1 (/70).
        // Two-sided: tables no more probable than 16/70 → (1 + 16 + 16 + 1)/70 (the tie at
        // a = 1 counts); greater: (16 + 1)/70; less: (1 + 16 + 36 + 16)/70.
        let t = TwoByTwoTable(a: 3, b: 1, c: 1, d: 3)
        #expect(abs(try #require(FisherExactTest.pValue(t)) - 34.0 / 70) < 1e-14)
        #expect(abs(try #require(FisherExactTest.pValue(t, alternative: .greater)) - 17.0 / 70) < 1e-14)
        #expect(abs(try #require(FisherExactTest.pValue(t, alternative: .less)) - 69.0 / 70) < 1e-14)
    }

    @Test("Fisher's exact test: the headline table 0/12 vs 15/61 by hand")
    func fisherHeadline() throws {
        // One-sided 'less' = P(a = 0) = C(58,12)/C(73,12) = ∏_{i<12} (58 − i)/(73 − i).
        var p0 = 1.0
        for i in 0..<12 { p0 *= Double(58 - i) / Double(73 - i) }
        let t = TwoByTwoTable(a: 0, b: 12, c: 15, d: 46)
        #expect(abs(try #require(FisherExactTest.pValue(t, alternative: .less)) - p0) < 1e-13)
        // Two-sided: add every a whose P(a) ≤ P(0); P(a) = C(15,a)·C(58,12−a)/C(73,12).
        func choose(_ n: Int, _ k: Int) -> Double { (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) } }
        let probabilities = (0...12).map { choose(15, $0) * choose(58, 12 - $0) / choose(73, 12) }
        let twoSided = probabilities.filter { $0 <= probabilities[0] * (1 + 1e-7) }.reduce(0, +)
        #expect(abs(try #require(FisherExactTest.pValue(t)) - twoSided) < 1e-13)
        #expect(abs(twoSided - 0.061284) < 1e-6)  // scipy, scripts/peers/claim_statistics.py
    }

    @Test("Fisher's exact test: empty margins, bad counts")
    func fisherEdges() {
        #expect(FisherExactTest.pValue(TwoByTwoTable(a: 0, b: 0, c: 3, d: 4)) == 1)
        #expect(FisherExactTest.pValue(TwoByTwoTable(a: 0, b: 5, c: 0, d: 5)) == 1)
        #expect(FisherExactTest.pValue(TwoByTwoTable(a: -1, b: 5, c: 0, d: 5)) == nil)
        #expect(FisherExactTest.pValue(TwoByTwoTable(a: Int.max, b: 1, c: 0, d: 5)) == nil)
        // Absurd counts: no trap, no 8 GB allocation.
        let huge = TwoByTwoTable(a: 1 << 40, b: 1 << 40, c: 1 << 40, d: 1 << 40)
        #expect(FisherExactTest.pValue(huge) == nil)
        #expect(LabelPermutationTest(huge, samples: 10, seed: 1) == nil)
        #expect(TwoByTwoTable(a: Int.max, b: Int.max, c: 0, d: 1).n1 == Int.max)
    }

    @Test("Newcombe's interval: the published example 56/70 vs 48/80 (0.0524 to 0.3339)")
    func newcombePublished() throws {
        // Newcombe (1998), Stat Med 17:873–890, Table II, example (a), method 10.
        let rd = try #require(TwoByTwoTable(a: 56, b: 14, c: 48, d: 32).riskDifference)
        #expect(abs(rd.estimate - 0.2) < 1e-15)
        #expect(abs(rd.lower - 0.0524) < 5e-5)
        #expect(abs(rd.upper - 0.3339) < 5e-5)
    }

    @Test("Odds ratio: Woolf's interval by hand, with Haldane's 0.5 at a zero cell")
    func oddsRatioHand() throws {
        // [[3,1],[1,3]]: OR = 9, SE(ln OR) = √(1/3 + 1 + 1 + 1/3) = √(8/3).
        let or = try #require(TwoByTwoTable(a: 3, b: 1, c: 1, d: 3).oddsRatio)
        let se = (8.0 / 3).squareRoot()
        #expect(abs(or.estimate - 9) < 1e-13)
        #expect(abs(or.lower - 9 * exp(-Self.z * se)) < 1e-12)
        #expect(abs(or.upper - 9 * exp(Self.z * se)) < 1e-9)
        // [[0,12],[15,46]] → [[0.5,12.5],[15.5,46.5]]: OR = 23.25/193.75 = 0.12.
        let t = TwoByTwoTable(a: 0, b: 12, c: 15, d: 46)
        #expect(t.oddsRatioCorrected)
        #expect(abs(try #require(t.oddsRatio).estimate - 0.12) < 1e-15)
        #expect(TwoByTwoTable(a: 0, b: 0, c: 1, d: 1).oddsRatio == nil)
        #expect(TwoByTwoTable(yes1: 3, of: 2, yes2: 0, of: 1) == nil)
    }

    @Test("every statistic agrees with scipy and statsmodels on 15 tables")
    func peers() throws {
        struct Row: Decodable {
            var table: [Int]
            var fisher_two_sided: Double
            var fisher_less: Double
            var fisher_greater: Double
            var share1: [Double]
            var share2: [Double]
            var risk_difference: [Double]
            var odds_ratio: [Double]
            var odds_ratio_corrected: Bool
        }
        struct File: Decodable { var tables: [Row] }
        let url = URL(fileURLWithPath: PeerFixtures.directory + "/claim-statistics.json")
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        #expect(file.tables.count == 15)
        func close(_ x: Double?, _ y: Double, _ tolerance: Double = 1e-9, _ what: String, _ row: Row) {
            guard let x else { Issue.record("\(what) missing for \(row.table)"); return }
            #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(what) of \(row.table): \(x) vs \(y)")
        }
        for row in file.tables {
            let t = TwoByTwoTable(a: row.table[0], b: row.table[1], c: row.table[2], d: row.table[3])
            close(FisherExactTest.pValue(t), row.fisher_two_sided, 1e-9, "Fisher two-sided", row)
            close(FisherExactTest.pValue(t, alternative: .less), row.fisher_less, 1e-9, "Fisher less", row)
            close(FisherExactTest.pValue(t, alternative: .greater), row.fisher_greater, 1e-9, "Fisher greater", row)
            close(t.share1?.lower, row.share1[0], 1e-12, "Wilson lower 1", row)
            close(t.share1?.upper, row.share1[1], 1e-12, "Wilson upper 1", row)
            close(t.share2?.lower, row.share2[0], 1e-12, "Wilson lower 2", row)
            close(t.share2?.upper, row.share2[1], 1e-12, "Wilson upper 2", row)
            close(t.riskDifference?.estimate, row.risk_difference[0], 1e-12, "difference", row)
            close(t.riskDifference?.lower, row.risk_difference[1], 1e-9, "Newcombe lower", row)
            close(t.riskDifference?.upper, row.risk_difference[2], 1e-9, "Newcombe upper", row)
            #expect(t.oddsRatioCorrected == row.odds_ratio_corrected)
            close(t.oddsRatio?.estimate, row.odds_ratio[0], 1e-12, "odds ratio", row)
            close(t.oddsRatio?.lower, row.odds_ratio[1], 1e-9, "Woolf lower", row)
            close(t.oddsRatio?.upper, row.odds_ratio[2], 1e-9, "Woolf upper", row)
        }
    }

    @Test("label permutation: exact enumeration of a small table, Monte Carlo close to it")
    func permutationAgainstEnumeration() throws {
        // 3 of 5 vs 1 of 6: with the margins fixed, shuffling labels makes the claimed
        // group's count hypergeometric (N = 11, 4 yes, 5 drawn). Exact tail probabilities
        // of |p1 − p2| ≥ observed, by hand-enumerated C(4,k)·C(7,5−k)/C(11,5).
        let t = TwoByTwoTable(a: 3, b: 2, c: 1, d: 5)
        func choose(_ n: Int, _ k: Int) -> Double { k < 0 || k > n ? 0 : (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) } }
        let observed = 3.0 / 5 - 1.0 / 6
        var exactTwo = 0.0, exactGreater = 0.0
        for k in 0...4 {
            let p = choose(4, k) * choose(7, 5 - k) / choose(11, 5)
            let diff = Double(k) / 5 - Double(4 - k) / 6
            if abs(diff) >= abs(observed) - 1e-12 { exactTwo += p }
            if diff >= observed - 1e-12 { exactGreater += p }
        }
        let test = try #require(LabelPermutationTest(t, samples: 20_000, seed: 7))
        #expect(abs(test.observed - observed) < 1e-15)
        // Monte Carlo error: sd ≤ 0.5/√20000 ≈ 0.0035; allow 4 sd.
        #expect(abs(test.twoSided - exactTwo) < 0.015, "\(test.twoSided) vs exact \(exactTwo)")
        #expect(abs(test.greater - exactGreater) < 0.015, "\(test.greater) vs exact \(exactGreater)")
        // The one-sided tail by difference is Fisher's one-sided tail (same ordering).
        #expect(abs(exactGreater - (try #require(FisherExactTest.pValue(t, alternative: .greater)))) < 1e-12)
        #expect(test.less > 0.9)
    }

    @Test("label permutation: deterministic per seed, never zero, nil on empty groups")
    func permutationDeterminism() throws {
        let t = TwoByTwoTable(a: 0, b: 12, c: 15, d: 46)
        let a = try #require(LabelPermutationTest(t, samples: 999, seed: 1))
        let b = try #require(LabelPermutationTest(t, samples: 999, seed: 1))
        let c = try #require(LabelPermutationTest(t, samples: 999, seed: 2))
        #expect(a == b)
        #expect(a.twoSided != c.twoSided || a.less != c.less)
        // Every shuffle is at least as extreme as [[1,0],[0,1]]'s ±1 in absolute value.
        let tiny = try #require(LabelPermutationTest(TwoByTwoTable(a: 1, b: 0, c: 0, d: 1), samples: 99, seed: 3))
        #expect(tiny.twoSided == 1)
        #expect(tiny.greater > 0 && tiny.greater < 1)
        // With no yes at all, every shuffle equals the observed 0: p = 1 everywhere.
        let none = try #require(LabelPermutationTest(TwoByTwoTable(a: 0, b: 5, c: 0, d: 5), samples: 50, seed: 3))
        #expect(none.twoSided == 1 && none.less == 1 && none.greater == 1)
        #expect(LabelPermutationTest(TwoByTwoTable(a: 0, b: 0, c: 1, d: 1), samples: 10, seed: 1) == nil)
        #expect(LabelPermutationTest(t, samples: 0, seed: 1) == nil)
        // One-sided permutation p near Fisher's one-sided 0.0485 (Monte Carlo, 9999 shuffles).
        let big = try #require(LabelPermutationTest(t, samples: 9_999, seed: 1))
        #expect(abs(big.less - (try #require(FisherExactTest.pValue(t, alternative: .less)))) < 0.01)
    }
}
