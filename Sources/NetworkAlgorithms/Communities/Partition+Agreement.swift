import Foundation
import NetworkCore

extension Partition {
    /// The contingency table `n_ij` (nodes in group `i` of `self` and `j` of `other`). O(n + g·h).
    func contingency(with other: Partition) -> [[Int]] {
        precondition(other.nodeCount == nodeCount, "partitions must cover the same nodes")
        var table = [[Int]](repeating: [Int](repeating: 0, count: other.groupCount), count: groupCount)
        for v in 0..<nodeCount { table[Int(groupOf[v])][Int(other.groupOf[v])] += 1 }
        return table
    }

    /// Normalised mutual information of two partitions of the same nodes (Danon,
    /// Díaz-Guilera, Duch & Arenas 2005, "Comparing community structure identification",
    /// doi:10.1088/1742-5468/2005/09/P09008): `NMI = 2 I(X;Y) / (H(X) + H(Y))` (the
    /// arithmetic-mean normalisation, igraph's `compare_communities(method="nmi")`).
    /// 1 for identical partitions (up to renaming), 0 for independent ones; 1 when both
    /// are a single group. Empty groups are ignored. O(n + g·h). Deterministic.
    public func normalizedMutualInformation(with other: Partition) -> Double {
        let table = contingency(with: other)
        let n = Double(nodeCount)
        guard n > 0 else { return 1 }
        let rows = table.map { $0.reduce(0, +) }
        var columns = [Int](repeating: 0, count: other.groupCount)
        for row in table { for (j, c) in row.enumerated() { columns[j] += c } }
        func entropy(_ counts: [Int]) -> Double {
            counts.reduce(0.0) { h, c in c > 0 ? h - Double(c) / n * log(Double(c) / n) : h }
        }
        let hx = entropy(rows), hy = entropy(columns)
        guard hx + hy > 0 else { return 1 }
        var mutual = 0.0
        for i in 0..<table.count {
            for j in 0..<table[i].count where table[i][j] > 0 {
                let pij = Double(table[i][j]) / n
                mutual += pij * log(pij * n * n / (Double(rows[i]) * Double(columns[j])))
            }
        }
        return 2 * mutual / (hx + hy)
    }

    /// Adjusted Rand index of two partitions of the same nodes (Hubert & Arabie 1985,
    /// "Comparing partitions", doi:10.1007/BF01908075): the share of node pairs on which
    /// the partitions agree, corrected for chance — 1 for identical partitions, about 0
    /// for random ones, negative when worse than chance. Defined as 1 when both have a
    /// single group or `n < 2`. O(n + g·h). Deterministic.
    public func adjustedRandIndex(with other: Partition) -> Double {
        let table = contingency(with: other)
        func pairs(_ k: Int) -> Double { Double(k) * Double(k - 1) / 2 }
        let rows = table.map { $0.reduce(0, +) }
        var columns = [Int](repeating: 0, count: other.groupCount)
        for row in table { for (j, c) in row.enumerated() { columns[j] += c } }
        let index = table.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + pairs($1) } }
        let a = rows.reduce(0.0) { $0 + pairs($1) }
        let b = columns.reduce(0.0) { $0 + pairs($1) }
        let total = pairs(nodeCount)
        guard total > 0 else { return 1 }
        let expected = a * b / total
        let maximum = (a + b) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }
}
