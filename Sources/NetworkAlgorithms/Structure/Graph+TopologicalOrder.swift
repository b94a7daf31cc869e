import NetworkCore

/// The outcome of ``NetworkCore/Graph/topologicalOrder()``: an order when the graph is
/// acyclic, otherwise one directed cycle as evidence.
public enum TopologicalOrder: Sendable, Equatable {
    /// Every node, each arc going from an earlier to a later node (citing before cited).
    case order([Int32])
    /// A directed cycle `v0 → v1 → … → vk → v0` (a self-loop is `[v]`), listed from its
    /// smallest node.
    case cycle([Int32])

    /// The order, or `nil` when the graph has a cycle.
    public var order: [Int32]? { if case .order(let o) = self { return o } else { return nil } }
    /// The cycle witness, or `nil` when the graph is acyclic.
    public var cycle: [Int32]? { if case .cycle(let c) = self { return c } else { return nil } }
}

extension Graph {
    /// A topological order by Kahn's algorithm (Kahn 1962, "Topological sorting of large
    /// networks", doi:10.1145/368996.369025), or a directed cycle when there is none.
    ///
    /// Arcs `A → B` (A cites B) put A before B. Nodes with no remaining in-arcs are taken
    /// first-in first-out, seeded in increasing index order, so the order is
    /// deterministic (not necessarily the lexicographically smallest). When nodes remain,
    /// each of them still has a remaining predecessor; walking predecessors (smallest
    /// first) from the smallest remaining node must repeat a node, which closes a cycle.
    /// Iterative throughout; O(n + m) time, 3 arrays of n words.
    public func topologicalOrder() -> TopologicalOrder {
        let n = nodeCount
        var remaining = inDegrees()
        var queue = [Int32]()
        queue.reserveCapacity(n)
        for v in 0..<n where remaining[v] == 0 { queue.append(Int32(v)) }
        var head = 0
        while head < queue.count {
            let v = Int(queue[head]); head += 1
            for a in outOffsets[v]..<outOffsets[v + 1] {
                let w = Int(outTargets[a])
                remaining[w] -= 1
                if remaining[w] == 0 { queue.append(Int32(w)) }
            }
        }
        if queue.count == n { return .order(queue) }
        // Cycle witness among nodes with remaining in-arcs.
        guard let start = remaining.firstIndex(where: { $0 > 0 }) else { return .order(queue) }
        var seenAt = [Int](repeating: -1, count: n)
        var walk: [Int32] = []
        var v = start
        while seenAt[v] < 0 {
            seenAt[v] = walk.count
            walk.append(Int32(v))
            // A predecessor still in the remaining subgraph (it exists: v's in-arcs were
            // not all removed, and removed nodes' arcs were all subtracted).
            guard let u = predecessors(of: Int32(v)).first(where: { remaining[Int($0)] > 0 }) else { break }
            v = Int(u)
        }
        // walk[seenAt[v]...] follows arcs backwards: reverse it to follow arcs forwards.
        var cycle = Array(walk[seenAt[v]...].reversed())
        if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
            cycle = Array(cycle[smallest...] + cycle[..<smallest])
        }
        return .cycle(cycle)
    }
}
