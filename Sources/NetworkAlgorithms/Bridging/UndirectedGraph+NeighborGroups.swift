import NetworkCore

/// For each node of an undirected simple graph, how many of its neighbours share its
/// group and how many belong to another (kept) group. The one pass that edge homophily,
/// class-insensitive homophily and every level of the E-I index are read from.
struct NeighborGroupCounts: Sendable {
    /// Neighbours in the node's own group (0 for left-out nodes).
    var same: [Int32]
    /// Neighbours in another kept group (0 for left-out nodes).
    var other: [Int32]

    /// Edges with both ends in the same group (each edge once).
    var internalEdges: Int { same.reduce(0) { $0 + Int($1) } / 2 }
    /// Edges whose ends are in different kept groups (each edge once).
    var externalEdges: Int { other.reduce(0) { $0 + Int($1) } / 2 }
}

extension UndirectedGraph {
    /// Counts, for each node, same-group and other-group neighbours; nodes with group
    /// -1 and edges touching them are left out. O(n + m), no allocation beyond 2n words.
    func neighborGroupCounts(_ groupOf: [Int32]) -> NeighborGroupCounts {
        precondition(groupOf.count == nodeCount, "partition must cover every node")
        let n = nodeCount
        var same = [Int32](repeating: 0, count: n)
        var other = [Int32](repeating: 0, count: n)
        groupOf.withUnsafeBufferPointer { group in
        offsets.withUnsafeBufferPointer { off in
        adjacency.withUnsafeBufferPointer { adj in
        same.withUnsafeMutableBufferPointer { same in
        other.withUnsafeMutableBufferPointer { other in
            for v in 0..<n {
                let gv = group[v]
                if gv < 0 { continue }
                var s: Int32 = 0, o: Int32 = 0
                for p in off[v]..<off[v + 1] {
                    let gw = group[Int(adj[p])]
                    if gw == gv { s += 1 } else if gw >= 0 { o += 1 }
                }
                same[v] = s
                other[v] = o
            }
        }}}}}
        return NeighborGroupCounts(same: same, other: other)
    }
}
