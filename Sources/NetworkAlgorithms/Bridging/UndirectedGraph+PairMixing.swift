import NetworkCore

extension UndirectedGraph {
    /// The undirected mixing matrix of a partition: `counts[g][h]` is the number of
    /// linked pairs with one end in group `g` and the other in group `h`. The matrix is
    /// symmetric; a pair between two groups appears in both `[g][h]` and `[h][g]` and
    /// is counted once in ``UndirectedMixing/pairs``. The diagonal holds within-group
    /// pairs. This is Newman's (2003) mixing matrix e_gh before normalisation, for
    /// relations without direction such as concept co-use
    /// (doi:10.1103/PhysRevE.67.026126).
    ///
    /// Time O(n + m). Deterministic.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func pairMixing(by partition: Partition) -> UndirectedMixing {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let g = partition.groupCount
        var counts = [[Int]](repeating: [Int](repeating: 0, count: g), count: g)
        var pairs = 0
        forEachEdge { u, v in
            let a = Int(partition.groupOf[Int(u)]), b = Int(partition.groupOf[Int(v)])
            counts[a][b] += 1
            if a != b { counts[b][a] += 1 }
            pairs += 1
        }
        return UndirectedMixing(groupNames: partition.groupNames, counts: counts, pairs: pairs)
    }
}

/// Result of ``NetworkCore/UndirectedGraph/pairMixing(by:)``.
public struct UndirectedMixing: Sendable, Equatable {
    public let groupNames: [String]
    /// Symmetric pair counts by group (see ``NetworkCore/UndirectedGraph/pairMixing(by:)``).
    public let counts: [[Int]]
    /// Number of linked pairs in all.
    public let pairs: Int

    /// Pairs whose two ends lie in different groups. O(g²).
    public var crossPairs: Int {
        var total = 0
        for a in counts.indices { for b in counts.indices where b > a { total += counts[a][b] } }
        return total
    }
}
