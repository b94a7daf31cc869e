import NetworkCore

/// Internal cycle helpers for lineage: strong components, DFS back-arcs, topological order.
/// All iterative (explicit stacks), so a 10⁶-node path does not overflow the call stack.
enum LineageCycles {
    struct Components {
        /// Component of each node; components are numbered in Tarjan's completion order
        /// (a reverse topological order of the condensation).
        var componentOf: [Int32]
        var count: Int
    }

    /// Strong components of `graph` by Tarjan's algorithm (doi:10.1137/0201010), iterative.
    /// Start nodes and successors in ascending index order. O(n + m).
    static func strongComponents(_ graph: Graph) -> Components {
        let n = graph.nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var componentOf = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var call: [(node: Int32, next: Int)] = []
        var counter: Int32 = 0
        var components: Int32 = 0
        for root in 0..<n where index[root] < 0 {
            call.append((Int32(root), graph.outOffsets[root]))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(Int32(root)); onStack[root] = true
            while let frame = call.last {
                let v = Int(frame.node)
                if frame.next < graph.outOffsets[v + 1] {
                    call[call.count - 1].next += 1
                    let w = Int(graph.outTargets[frame.next])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(Int32(w)); onStack[w] = true
                        call.append((Int32(w), graph.outOffsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    call.removeLast()
                    if let parent = call.last {
                        let p = Int(parent.node)
                        low[p] = min(low[p], low[v])
                    }
                    if low[v] == index[v] {
                        while let w = stack.popLast() {
                            onStack[Int(w)] = false
                            componentOf[Int(w)] = components
                            if Int(w) == v { break }
                        }
                        components += 1
                    }
                }
            }
        }
        return Components(componentOf: componentOf, count: Int(components))
    }

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
