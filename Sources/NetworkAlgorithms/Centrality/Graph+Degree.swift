import NetworkCore

extension Graph {
    /// In-degree of every node: the number of arcs entering it (times cited).
    ///
    /// Self-loops count once toward the in-degree and once toward the out-degree of their
    /// node; kept duplicate arcs count once per copy (the multigraph degree, as igraph
    /// and NetworkX's `MultiDiGraph` report it). Time O(n), memory n words.
    public func inDegrees() -> [Int] {
        let n = nodeCount
        return inOffsets.withUnsafeBufferPointer { off in
            (0..<n).map { off[$0 + 1] - off[$0] }
        }
    }

    /// Out-degree of every node: the number of arcs leaving it (references).
    ///
    /// Same conventions as ``inDegrees()``. Time O(n), memory n words.
    public func outDegrees() -> [Int] {
        let n = nodeCount
        return outOffsets.withUnsafeBufferPointer { off in
            (0..<n).map { off[$0 + 1] - off[$0] }
        }
    }

    /// Weighted in-degree (in-strength): the sum of the weights of the arcs entering each
    /// node; equal to ``inDegrees()`` (as `Double`) when the graph is unweighted.
    ///
    /// Sums are accumulated in in-list order (tails ascending), so results are
    /// bit-for-bit deterministic. Time O(n + m).
    public func inStrengths() -> [Double] {
        guard let weights else { return inDegrees().map(Double.init) }
        var strength = [Double](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            var s = 0.0
            for p in inOffsets[v]..<inOffsets[v + 1] { s += weights[Int(inArcs[p])] }
            strength[v] = s
        }
        return strength
    }

    /// Weighted out-degree (out-strength): the sum of the weights of the arcs leaving
    /// each node; equal to ``outDegrees()`` (as `Double`) when the graph is unweighted.
    ///
    /// Sums are accumulated in arc order. Time O(n + m).
    public func outStrengths() -> [Double] {
        guard let weights else { return outDegrees().map(Double.init) }
        var strength = [Double](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            var s = 0.0
            for a in outOffsets[v]..<outOffsets[v + 1] { s += weights[a] }
            strength[v] = s
        }
        return strength
    }

    /// Number of arcs `v → v` present in the graph. Time O(m).
    public func selfLoopCount() -> Int {
        var count = 0
        for v in 0..<nodeCount {
            for a in outOffsets[v]..<outOffsets[v + 1] where outTargets[a] == Int32(v) { count += 1 }
        }
        return count
    }

    /// Number of arcs present in the graph that repeat an earlier arc between the same
    /// ordered pair (0 for a simple digraph). Out-lists are sorted, so repeats are
    /// adjacent. Time O(m).
    public func duplicateArcCount() -> Int {
        var count = 0
        for v in 0..<nodeCount {
            let lo = outOffsets[v], hi = outOffsets[v + 1]
            guard hi - lo > 1 else { continue }
            for a in (lo + 1)..<hi where outTargets[a] == outTargets[a - 1] { count += 1 }
        }
        return count
    }
}
