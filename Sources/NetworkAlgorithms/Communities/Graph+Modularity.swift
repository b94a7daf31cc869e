import NetworkCore

extension UndirectedGraph {
    /// Modularity of a given partition on this undirected simple graph (Newman & Girvan
    /// 2004, "Finding and evaluating community structure in networks",
    /// doi:10.1103/PhysRevE.69.026113; resolution as in Reichardt & Bornholdt 2006):
    /// `Q = Σ_c [ L_c / E − γ (D_c / 2E)² ]`, with `L_c` the edges inside `c`, `D_c` the sum
    /// of the degrees of its nodes, `E` the edges and `γ` the resolution. Agrees with
    /// NetworkX's `community.modularity` on a `Graph`. Nodes of the missing group follow
    /// `missing` (excluded: the induced subgraph of the other nodes). `nil` without edges.
    /// Time O(n + m + g). Deterministic.
    public func modularity(of partition: Partition, resolution: Double = 1, missing: MissingGroupPolicy = .include) -> Double? {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        return modularity(groups, counts: neighborGroupCounts(groups.groupOf), resolution: resolution)
    }

    func modularity(_ groups: EffectiveGroups, counts: NeighborGroupCounts, resolution: Double) -> Double? {
        let g = groups.groupCount
        var sameEnds = [Int](repeating: 0, count: g)
        var allEnds = [Int](repeating: 0, count: g)
        for v in 0..<nodeCount {
            let k = Int(groups.groupOf[v])
            if k < 0 { continue }
            sameEnds[k] += Int(counts.same[v])
            allEnds[k] += Int(counts.same[v]) + Int(counts.other[v])
        }
        let ends = allEnds.reduce(0, +)
        guard ends > 0 else { return nil }
        let twoE = Double(ends)
        var q = 0.0
        for k in 0..<g {
            let share = Double(allEnds[k]) / twoE
            q += Double(sameEnds[k]) / twoE - resolution * share * share
        }
        return q
    }
}

extension Graph {
    /// Modularity of a given partition: directed (Leicht & Newman 2008,
    /// doi:10.1103/PhysRevLett.100.118703; see ``MixingMatrix/directedModularity(resolution:)``)
    /// over the arcs, or undirected (Newman & Girvan 2004, doi:10.1103/PhysRevE.69.026113;
    /// see ``NetworkCore/UndirectedGraph/modularity(of:resolution:missing:)``) over the
    /// undirected simple view. Time O(n + m + g²).
    public func modularity(of partition: Partition, directed: Bool = true, resolution: Double = 1,
                           missing: MissingGroupPolicy = .include) -> Double? {
        if directed {
            return mixingMatrix(by: partition, missing: missing).directedModularity(resolution: resolution)
        }
        return undirectedSimple().modularity(of: partition, resolution: resolution, missing: missing)
    }
}
