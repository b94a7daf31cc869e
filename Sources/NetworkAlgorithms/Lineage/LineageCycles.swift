import NetworkCore

/// Internal cycle helpers for lineage: DFS back-arcs and topological order (strong
/// components come from `Graph.strongComponents()`).
/// All iterative (explicit stacks), so a 10⁶-node path does not overflow the call stack.
enum LineageCycles {
    /// Back-arcs of a depth-first search over the arcs with `include[a]`, started from
    /// every unvisited node in ascending order, successors in ascending (head, arc) order.
    /// Removing them leaves those arcs acyclic. Returns arc indices ascending. O(n + m).
    static func backArcs(nodeCount n: Int, tails: [Int32], heads: [Int32], include: [Bool]) -> [Int] {
        var idx: [Int32] = []
        for a in 0..<tails.count where include[a] { idx.append(Int32(a)) }
        let sub = LineageCSR(
            nodeCount: n, tails: idx.map { tails[Int($0)] }, heads: idx.map { heads[Int($0)] },
            graphArcs: idx)
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on stack, 2 done
        var call: [(node: Int32, next: Int)] = []
        var result: [Int] = []
        for root in 0..<n where state[root] == 0 && sub.outOffsets[root] < sub.outOffsets[root + 1] {
            state[root] = 1
            call.append((Int32(root), sub.outOffsets[root]))
            while let frame = call.last {
                let v = Int(frame.node)
                if frame.next < sub.outOffsets[v + 1] {
                    call[call.count - 1].next += 1
                    let w = Int(sub.arcHead[frame.next])
                    switch state[w] {
                    case 0:
                        state[w] = 1
                        call.append((Int32(w), sub.outOffsets[w]))
                    case 1:
                        result.append(Int(sub.graphArc[frame.next]))
                    default:
                        break
                    }
                } else {
                    state[v] = 2
                    call.removeLast()
                }
            }
        }
        return result.sorted()
    }

    /// Kahn's topological order with a FIFO queue seeded with the sources in ascending
    /// order. Nodes on a cycle (impossible for a built DAG) would be left out. O(n + m).
    static func topologicalOrder(nodeCount n: Int, outOffsets: [Int], arcHead: [Int32], inOffsets: [Int]) -> [Int32] {
        var remaining = (0..<n).map { inOffsets[$0 + 1] - inOffsets[$0] }
        var order: [Int32] = []
        order.reserveCapacity(n)
        for v in 0..<n where remaining[v] == 0 { order.append(Int32(v)) }
        var head = 0
        while head < order.count {
            let v = Int(order[head]); head += 1
            for a in outOffsets[v]..<outOffsets[v + 1] {
                let w = Int(arcHead[a])
                remaining[w] -= 1
                if remaining[w] == 0 { order.append(Int32(w)) }
            }
        }
        return order
    }
}
