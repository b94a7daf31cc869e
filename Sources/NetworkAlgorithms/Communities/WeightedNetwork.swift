import NetworkCore

/// A small undirected network with real edge weights (a co-citation or coupling map after
/// normalisation), as a symmetric CSR: ``neighbors(of:)`` and ``weights(of:)`` list each
/// edge at both ends. Built from an edge list; parallel edges are summed, self-loops and
/// edges of weight ≤ 0 or not finite are dropped.
///
/// Complexity: O(n + m log m) to build, O(n + m) memory. Deterministic: the CSR depends
/// only on the edge multiset (each row sorted by neighbour index).
public struct WeightedNetwork: Sendable, Equatable {
    public let nodeCount: Int
    public let offsets: [Int]
    public let adjacency: [Int32]
    public let edgeWeights: [Double]

    /// Number of distinct edges.
    public var edgeCount: Int { adjacency.count / 2 }

    /// - Precondition: every end lies in `0..<nodeCount` (callers build edges from their own indices).
    public init(nodeCount: Int, edges: [(Int32, Int32, Double)]) {
        precondition(nodeCount >= 0)
        var pairs: [(Int32, Int32, Double)] = []
        pairs.reserveCapacity(edges.count * 2)
        for (u, v, w) in edges where u != v && w.isFinite && w > 0 {
            precondition(u >= 0 && v >= 0 && Int(u) < nodeCount && Int(v) < nodeCount, "edge end out of range")
            pairs.append((u, v, w))
            pairs.append((v, u, w))
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var adjacency: [Int32] = []
        var weights: [Double] = []
        var previous: (Int32, Int32)?
        for (u, v, w) in pairs {
            if let (pu, pv) = previous, pu == u, pv == v, let last = weights.indices.last {
                weights[last] += w
            } else {
                adjacency.append(v)
                weights.append(w)
                offsets[Int(u) + 1] += 1
                previous = (u, v)
            }
        }
        for v in 0..<nodeCount { offsets[v + 1] += offsets[v] }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.adjacency = adjacency
        self.edgeWeights = weights
    }

    /// Neighbours of `v`, ascending.
    public func neighbors(of v: Int32) -> ArraySlice<Int32> { adjacency[offsets[Int(v)]..<offsets[Int(v) + 1]] }
    /// Weights of `v`'s edges, aligned with ``neighbors(of:)``.
    public func weights(of v: Int32) -> ArraySlice<Double> { edgeWeights[offsets[Int(v)]..<offsets[Int(v) + 1]] }
    /// Strength (summed edge weight) of every node.
    public var strengths: [Double] {
        (0..<nodeCount).map { v in weights(of: Int32(v)).reduce(0, +) }
    }
}
