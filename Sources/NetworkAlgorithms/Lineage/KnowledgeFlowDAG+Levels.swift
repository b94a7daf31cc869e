extension KnowledgeFlowDAG {
    /// Level of every DAG node: 1 for a source (cites nothing in the network), otherwise
    /// 1 + the largest level among the works it cites — Batagelj's depth partition
    /// (arXiv:cs/0309023). The number of levels (``depth()``) is the `h` of Batagelj's
    /// table of citation networks. O(n + m), one pass over the topological order.
    public func levels() -> [Int] {
        var level = [Int](repeating: 1, count: nodeCount)
        for v in topologicalOrder {
            for a in outArcRange(v) {
                let h = Int(arcHead[a])
                level[h] = max(level[h], level[Int(v)] + 1)
            }
        }
        return level
    }

    /// Number of levels: nodes on a longest path (0 for an empty network). O(n + m).
    public func depth() -> Int { levels().max() ?? 0 }
}
