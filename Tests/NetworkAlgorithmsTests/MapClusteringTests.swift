import Foundation
import Testing
import NetworkCore
@testable import NetworkAlgorithms

/// Association strength, weighted Leiden and log-likelihood cluster labels (the pieces of
/// the co-citation and coupling maps).
@Suite("Map clustering")
struct MapClusteringTests {
    /// van Eck & Waltman (2009): AS = total · c / (s_i s_j). Two items cited 4 and 5 times
    /// by 20 records, co-cited twice: expected co-citations 4·5/20 = 1, observed 2 → 2.
    @Test func associationStrengthIsObservedOverExpected() {
        #expect(AssociationStrength.value(count: 2, occurrencesI: 4, occurrencesJ: 5, total: 20) == 2)
        #expect(AssociationStrength.value(count: 1, occurrencesI: 10, occurrencesJ: 10, total: 100) == 1)
        #expect(AssociationStrength.value(count: 0, occurrencesI: 4, occurrencesJ: 5, total: 20) == 0)
        #expect(AssociationStrength.value(count: 3, occurrencesI: 0, occurrencesJ: 5, total: 20) == 0)
    }

    /// G² of 2×2 tables against SciPy 1.17.1:
    /// `chi2_contingency([[10,10],[90,890]], correction=False, lambda_="log-likelihood")[0]`
    /// = 21.176963409905998 and `[[3,1],[2,14]]` → 5.938079467595891.
    @Test func g2MatchesSciPy() {
        #expect(abs(ClusterLabels.g2(a: 10, b: 10, c: 90, d: 890) - 21.176963409905998) < 1e-9)
        #expect(abs(ClusterLabels.g2(a: 3, b: 1, c: 2, d: 14) - 5.938079467595891) < 1e-9)
        #expect(ClusterLabels.g2(a: 0, b: 0, c: 0, d: 0) == 0)
    }

    /// Four documents; the cluster {0, 1} both say "mark", the others never: a = 2, b = 0,
    /// c = 0, d = 2, every expected cell 1, G² = 2 (2 ln 2 + 2 ln 2) = 8 ln 2. "data" is in
    /// every document (not over-represented); "fish" only in one cluster document (below
    /// the two-document floor); "tag" in one cluster and one other document (a/|C| = 1/2 =
    /// b/(N−|C|): not over-represented).
    @Test func labelsAreOverRepresentedTermsByG2() {
        let docs = [["mark", "data", "fish", "tag"], ["mark", "data"], ["data", "tag"], ["data"]]
        let labels = ClusterLabels.label(features: docs, members: [[0, 1], [2, 3]])
        #expect(labels[0].map(\.term) == ["mark"])
        #expect(abs((labels[0].first?.llr ?? 0) - 8 * log(2.0)) < 1e-12)
        #expect(labels[0].first?.inCluster == 2 && labels[0].first?.outside == 0)
        #expect(labels[1].isEmpty)  // "tag" once in the cluster: below two documents
    }

    @Test func titleTermsDropFunctionWordsAndRepeats() {
        #expect(ClusterLabels.titleTerms("The Analysis of Capture-Recapture data: capture models for the 21st century, 1999")
            == ["capture", "recapture", "data", "models", "21st", "century"])
    }

    /// Two triangles of weight 5 joined by one edge of weight 1. Hand computation with
    /// W = 31 (2W = 62): each triangle holds weight 15 (30 counted from both ends) and
    /// strength 31, so Q = 2 (30/62 − (31/62)²) = 60/62 − 1/2.
    @Test func weightedLeidenSeparatesHeavyTriangles() {
        let edges: [(Int32, Int32, Double)] = [(0, 1, 5), (1, 2, 5), (0, 2, 5), (3, 4, 5), (4, 5, 5), (3, 5, 5), (2, 3, 1)]
        let network = WeightedNetwork(nodeCount: 6, edges: edges)
        #expect(network.edgeCount == 7)
        let result = network.leiden(seed: 1)
        #expect(result.partition.groupOf == [0, 0, 0, 1, 1, 1])
        #expect(abs(result.modularity - (60.0 / 62.0 - 0.5)) < 1e-12)
    }

    /// A 4-cycle whose opposite edges weigh 10 and 1: unweighted, the two splits tie; the
    /// weights decide for {0, 1} and {2, 3}. Parallel edges are summed (0–1 given as 6 + 4).
    @Test func weightsDecideBetweenEqualTopologies() {
        let edges: [(Int32, Int32, Double)] = [(0, 1, 6), (1, 0, 4), (2, 3, 10), (1, 2, 1), (3, 0, 1)]
        let network = WeightedNetwork(nodeCount: 4, edges: edges)
        #expect(network.edgeCount == 4)
        #expect(Array(network.weights(of: 0)) == [10, 1])
        for seed in UInt64(1)...5 {
            #expect(network.leiden(seed: seed).partition.groupOf == [0, 0, 1, 1])
        }
        // Q of {0,1},{2,3}: W = 22, strengths 11 each; inside 20 per side of 44:
        // 2 (20/44 − (22/44)²) = 40/44 − 1/2.
        #expect(abs((network.modularity(of: [0, 0, 1, 1]) ?? 0) - (40.0 / 44.0 - 0.5)) < 1e-12)
    }

    @Test func emptyWeightedNetworkGivesSingletons() {
        let network = WeightedNetwork(nodeCount: 3, edges: [(0, 1, 0), (1, 1, 4)])
        #expect(network.edgeCount == 0)
        #expect(network.leiden().partition.groupCount == 3)
        #expect(network.modularity(of: [0, 0, 0]) == nil)
    }
}
