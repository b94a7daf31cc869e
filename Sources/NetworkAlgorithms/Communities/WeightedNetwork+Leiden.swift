import NetworkCore

extension WeightedNetwork {
    /// Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
    /// guaranteeing well-connected communities", doi:10.1038/s41598-019-41695-z) on the
    /// edge weights, maximising weighted modularity with resolution `γ`:
    /// `Q = Σ_c [W_c/W − γ (S_c/2W)²]`, `W_c` the weight inside community `c`, `S_c` the
    /// summed strength of its nodes and `W` the total edge weight.
    ///
    /// The same three phases as ``NetworkCore/Graph/leiden(resolution:seed:iterations:)``
    /// (fast local moving, refinement with θ = 0.01 in weight units, aggregation), run on
    /// the weighted CSR; `iterations` repeats the algorithm from its previous partition.
    /// Communities are renumbered by smallest member. Isolated nodes are communities of
    /// their own.
    ///
    /// Guarantees: every community is connected (paper, Theorem 1); a local optimum, not
    /// the maximum. Same network, resolution, seed and iterations → same partition.
    /// Time roughly O(m) per level and iteration; memory O(n + m).
    public func leiden(resolution: Double = 1, seed: UInt64 = 1, iterations: Int = 2) -> CommunityDetection {
        let n = nodeCount
        let strength = strengths
        let twoM = strength.reduce(0, +)
        guard twoM > 0 else {
            let p = Partition(groupOf: (0..<n).map { Int32($0) }, groupNames: (0..<n).map(String.init))
            return CommunityDetection(partition: p, modularity: 0, levels: 0)
        }
        var rng = SeededGenerator(seed: seed)
        var membership = (0..<n).map { Int32($0) }
        var totalLevels = 0
        for _ in 0..<max(1, iterations) {
            let base = LeidenLevel(offsets: offsets, neighbors: adjacency, weights: edgeWeights, strength: strength)
            let (next, levels) = Graph.leidenRun(base, start: membership, resolution: resolution, twoM: twoM, rng: &rng)
            totalLevels += levels
            membership = Graph.renumberBySmallest(next)
        }
        let count = Int((membership.max() ?? -1) + 1)
        let partition = Partition(groupOf: membership, groupNames: (0..<count).map(String.init))
        return CommunityDetection(partition: partition, modularity: modularity(of: membership, resolution: resolution) ?? 0,
                                  levels: totalLevels)
    }

    /// Weighted modularity `Σ_c [W_c/W − γ (S_c/2W)²]` of `community` (one id ≥ 0 per
    /// node) (Newman 2004, "Analysis of weighted networks", doi:10.1103/PhysRevE.70.056131).
    /// `nil` without edges. O(n + m).
    public func modularity(of community: [Int32], resolution: Double = 1) -> Double? {
        precondition(community.count == nodeCount, "one community per node")
        let strength = strengths
        let twoM = strength.reduce(0, +)
        guard twoM > 0 else { return nil }
        let count = Int((community.max() ?? -1) + 1)
        var inside = [Double](repeating: 0, count: count)
        var total = [Double](repeating: 0, count: count)
        for v in 0..<nodeCount {
            let c = Int(community[v])
            total[c] += strength[v]
            for (u, w) in zip(neighbors(of: Int32(v)), weights(of: Int32(v))) where community[Int(u)] == community[v] {
                inside[c] += w
            }
        }
        var q = 0.0
        for c in 0..<count { q += inside[c] / twoM - resolution * (total[c] / twoM) * (total[c] / twoM) }
        return q
    }
}
