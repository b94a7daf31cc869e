import NetworkCore

/// A partition of the nodes into components (weak or strong).
///
/// Component ids are `0..<count`, numbered in increasing order of each component's
/// smallest node index, so the numbering depends only on the graph, not on the
/// traversal.
public struct Components: Sendable, Equatable {
    /// Component id of each node.
    public let componentOf: [Int32]
    /// Number of nodes in each component, indexed by component id.
    public let sizes: [Int]

    /// Number of components. O(1).
    public var count: Int { sizes.count }
    /// Size of the largest component (0 for an empty graph). O(c).
    public var largestSize: Int { sizes.max() ?? 0 }
    /// Id of the largest component; ties go to the smallest id. `nil` for an empty graph. O(c).
    public var largest: Int32? {
        guard var best = sizes.indices.first else { return nil }
        for c in sizes.indices where sizes[c] > sizes[best] { best = c }
        return Int32(best)
    }

    /// The nodes of component `c`, ascending. O(n).
    public func members(of c: Int32) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(sizes[Int(c)])
        for (v, k) in componentOf.enumerated() where k == c { result.append(Int32(v)) }
        return result
    }

    /// Renumbers arbitrary labels (one per node) by smallest member. O(n).
    init(labels: [Int32], labelCount: Int) {
        var map = [Int32](repeating: -1, count: labelCount)
        var next: Int32 = 0
        var componentOf = [Int32](repeating: 0, count: labels.count)
        var sizes: [Int] = []
        for v in 0..<labels.count {
            let l = Int(labels[v])
            if map[l] < 0 {
                map[l] = next
                next += 1
                sizes.append(0)
            }
            componentOf[v] = map[l]
            sizes[Int(map[l])] += 1
        }
        self.componentOf = componentOf
        self.sizes = sizes
    }
}

extension Graph {
    /// Weakly connected components: maximal sets of nodes joined by paths when arc
    /// directions are ignored.
    ///
    /// Union-find with union by size and path halving over the arcs (no recursion, so
    /// safe on paths of any length). Time O((n + m) α(n)), memory 2n words.
    /// Deterministic: ids are numbered by smallest member (see ``Components``).
    public func weakComponents() -> Components {
        let n = nodeCount
        var parent = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            for v in 0..<n { buffer[v] = Int32(v) }
            count = n
        }
        var size = [Int32](repeating: 1, count: n)
        parent.withUnsafeMutableBufferPointer { parent in
        size.withUnsafeMutableBufferPointer { size in
        outOffsets.withUnsafeBufferPointer { off in
        outTargets.withUnsafeBufferPointer { heads in
            func find(_ x: Int32) -> Int32 {
                var x = x
                while parent[Int(x)] != x {
                    let grand = parent[Int(parent[Int(x)])]
                    parent[Int(x)] = grand
                    x = grand
                }
                return x
            }
            for u in 0..<n {
                for a in off[u]..<off[u + 1] {
                    var ru = find(Int32(u))
                    var rv = find(heads[a])
                    if ru == rv { continue }
                    if size[Int(ru)] < size[Int(rv)] { swap(&ru, &rv) }
                    parent[Int(rv)] = ru
                    size[Int(ru)] += size[Int(rv)]
                }
            }
            for v in 0..<n { parent[v] = find(Int32(v)) }
        }}}}
        return Components(labels: parent, labelCount: n)
    }

    /// Strongly connected components: maximal sets of nodes in which every node reaches
    /// every other along arcs (Tarjan 1972, "Depth-first search and linear graph
    /// algorithms", doi:10.1137/0201010).
    ///
    /// Tarjan's algorithm run with an explicit stack of (node, next out-arc) frames, so
    /// no recursion: a path of a million nodes is fine. Roots are tried in increasing
    /// node order and arcs in CSR order. Time O(n + m), memory about 4n words.
    /// Deterministic: ids are renumbered by smallest member (see ``Components``); the
    /// order in which Tarjan emits them (a reverse topological order of the
    /// condensation) is not exposed here.
    public func strongComponents() -> Components {
        let (label, labels) = tarjanLabels()
        return Components(labels: label, labelCount: labels)
    }

    /// Tarjan's labels plus the members of every strong component, components in
    /// topological order of the condensation (sources first) and nodes ascending within
    /// each: component `c`'s nodes are `members[start[c]..<start[c + 1]]`, and its Tarjan
    /// label is `count − 1 − c`. O(n + m) (a counting sort after Tarjan).
    func strongComponentsInTopologicalOrder() -> (labels: [Int32], count: Int, start: [Int], members: [Int32]) {
        let n = nodeCount
        let (label, count) = tarjanLabels()
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<n { start[count - Int(label[v])] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let c = count - 1 - Int(label[v])
            members[fill[c]] = Int32(v)
            fill[c] += 1
        }
        return (label, count, start, members)
    }

    /// Tarjan's labels in emission order: `labels[v]` is the order in which `v`'s strong
    /// component was completed, `count` the number of components. Emission order is a
    /// reverse topological order of the condensation: for an arc `u → w` between two
    /// components, `labels[u] > labels[w]`. Roots in increasing node order, arcs in CSR
    /// order, so the labelling is deterministic. Time O(n + m), no recursion.
    func tarjanLabels() -> (labels: [Int32], count: Int) {
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var frames: [Int32] = []     // nodes on the DFS call stack
        var nextArc = [Int](repeating: 0, count: n)
        var counter: Int32 = 0
        var labels: Int32 = 0
        outOffsets.withUnsafeBufferPointer { off in
        outTargets.withUnsafeBufferPointer { heads in
            for root in 0..<n where index[root] < 0 {
                index[root] = counter; low[root] = counter; counter += 1
                stack.append(Int32(root)); onStack[root] = true
                nextArc[root] = off[root]
                frames.append(Int32(root))
                while let top = frames.last {
                    let v = Int(top)
                    if nextArc[v] < off[v + 1] {
                        let w = Int(heads[nextArc[v]])
                        nextArc[v] += 1
                        if index[w] < 0 {
                            index[w] = counter; low[w] = counter; counter += 1
                            stack.append(Int32(w)); onStack[w] = true
                            nextArc[w] = off[w]
                            frames.append(Int32(w))
                        } else if onStack[w] {
                            low[v] = min(low[v], index[w])
                        }
                    } else {
                        frames.removeLast()
                        if let parent = frames.last { low[Int(parent)] = min(low[Int(parent)], low[v]) }
                        if low[v] == index[v] {
                            while let w = stack.popLast() {
                                onStack[Int(w)] = false
                                label[Int(w)] = labels
                                if Int(w) == v { break }
                            }
                            labels += 1
                        }
                    }
                }
            }
        }}
        return (label, Int(labels))
    }

    /// Whether the graph has no directed cycle: no strong component with more than one
    /// node and no self-loop. Time O(n + m).
    public func isAcyclic() -> Bool {
        if selfLoopCount() > 0 { return false }
        return strongComponents().count == nodeCount
    }
}
