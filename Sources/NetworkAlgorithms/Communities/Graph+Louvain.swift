import NetworkCore

/// Communities found by ``NetworkCore/Graph/louvain(resolution:seed:restarts:)``.
public struct CommunityDetection: Sendable, Equatable {
    /// The communities as a partition, named "0", "1", … in order of their smallest node.
    public let partition: Partition
    /// Modularity (Newman–Girvan, with the resolution used) of the undirected simple view.
    public let modularity: Double
    /// Number of aggregation levels performed.
    public let levels: Int
}

extension Graph {
    /// Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
    /// unfolding of communities in large networks", doi:10.1088/1742-5468/2008/10/P10008)
    /// on the undirected simple view, maximising modularity with resolution `γ`
    /// (`Q = Σ_c [L_c/E − γ (D_c/2E)²]`).
    ///
    /// Local moving: nodes are visited in a random order drawn from `seed`
    /// (``SeededGenerator``), each moved to the neighbouring community with the largest
    /// modularity gain (ties to the lowest community index; a node stays unless a move
    /// strictly gains more than 1e-12 relative to its degree); passes repeat until no
    /// node moves. Then communities become nodes (aggregation) and the process repeats
    /// until a level changes nothing. Communities are renumbered by smallest member.
    ///
    /// After the last level, one more local-moving round on the original graph lets
    /// single nodes leave a community an early merge put them in.
    ///
    /// Heuristic: a local optimum, not the maximum; different seeds may give different
    /// partitions (on Zachary's karate club single seeds reach 0.398–0.420). With
    /// `restarts > 1` the runs with seeds `seed, seed+1, …` are compared and the one of
    /// highest modularity kept (first on ties). Same graph, seed and restarts → same
    /// partition. Roughly O(m) per pass and run; memory O(n + m).
    public func louvain(resolution: Double = 1, seed: UInt64 = 1, restarts: Int = 1) -> CommunityDetection {
        var best = louvainRun(resolution: resolution, seed: seed)
        if restarts > 1 {
            for k in 1..<restarts {
                let run = louvainRun(resolution: resolution, seed: seed &+ UInt64(k))
                if run.modularity > best.modularity { best = run }
            }
        }
        return best
    }

    /// One Louvain run with one seed.
    func louvainRun(resolution: Double, seed: UInt64) -> CommunityDetection {
        let view = undirectedSimple()
        let n = nodeCount
        var rng = SeededGenerator(seed: seed)
        // Current level graph: symmetric CSR with weights; a level node's strength
        // includes the weight inside it (self-loops are not stored as arcs).
        var level = LeidenLevel(offsets: view.offsets, neighbors: view.adjacency,
                                weights: [Double](repeating: 1, count: view.adjacency.count),
                                strength: (0..<n).map { Double(view.degree(Int32($0))) })
        var membership = (0..<n).map { Int32($0) }  // original node → current level node
        let twoM = Double(view.adjacency.count)
        var levels = 0
        guard twoM > 0 else {
            let p = Partition(groupOf: membership, groupNames: (0..<n).map(String.init))
            return CommunityDetection(partition: p, modularity: 0, levels: 0)
        }
        while true {
            let size = level.size
            var community = (0..<size).map { Int32($0) }
            let movedAny = Self.localMoving(offsets: level.offsets, neighbors: level.neighbors, weights: level.weights,
                                            strength: level.strength, community: &community, resolution: resolution,
                                            twoM: twoM, rng: &rng)
            if !movedAny { break }
            levels += 1
            // Renumber communities by first appearance in level-node order.
            var index = [Int32](repeating: -1, count: size)
            var count: Int32 = 0
            for v in 0..<size where index[Int(community[v])] < 0 {
                index[Int(community[v])] = count
                count += 1
            }
            for v in 0..<size { community[v] = index[Int(community[v])] }
            for i in 0..<n { membership[i] = community[Int(membership[i])] }
            // Aggregate: one node per community, summing weights (integers: exact).
            let k = Int(count)
            level = level.aggregate(by: community, count: k)
            if k == size { break }
        }
        // Refinement: one more round of local moving on the original graph, starting
        // from the final communities, lets single nodes leave a community that an
        // early merge put them in.
        if levels > 0 {
            let strength = (0..<n).map { Double(view.degree(Int32($0))) }
            _ = Self.localMoving(offsets: view.offsets, neighbors: view.adjacency,
                                 weights: [Double](repeating: 1, count: view.adjacency.count),
                                 strength: strength, community: &membership, resolution: resolution,
                                 twoM: twoM, rng: &rng)
        }
        // Renumber by smallest original member.
        var rename = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        var groupOf = [Int32](repeating: 0, count: n)
        for v in 0..<n {
            let c = Int(membership[v])
            if rename[c] < 0 { rename[c] = next; next += 1 }
            groupOf[v] = rename[c]
        }
        let partition = Partition(groupOf: groupOf, groupNames: (0..<Int(next)).map(String.init))
        let q = view.modularity(of: partition, resolution: resolution) ?? 0
        return CommunityDetection(partition: partition, modularity: q, levels: levels)
    }

    /// Louvain's local moving phase on a symmetric weighted CSR (self-loop weights are
    /// only in `strength`): visits nodes in a seeded random order, moving each to the
    /// neighbouring community of largest modularity gain, until a pass moves nothing.
    /// `community` holds the starting communities (indices `< strength.count`) and
    /// receives the result. Returns whether any node moved.
    static func localMoving(offsets: [Int], neighbors: [Int32], weights: [Double], strength: [Double],
                            community: inout [Int32], resolution: Double, twoM: Double,
                            rng: inout SeededGenerator) -> Bool {
        let size = strength.count
        var total = [Double](repeating: 0, count: max(size, community.count))
        for v in 0..<community.count { total[Int(community[v])] += strength[v] }
        var order = Array(0..<community.count)
        rng.shuffle(&order)
        var weightTo = [Double](repeating: 0, count: total.count)
        var touched = [Int](repeating: 0, count: total.count + 1)
        var movedAny = false
        // Unchecked buffers in the hot loop: every index below is a node (< size) or a
        // community id (< total.count), guaranteed by the CSR and `community`'s contract.
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
        weights.withUnsafeBufferPointer { wt in
        strength.withUnsafeBufferPointer { str in
        community.withUnsafeMutableBufferPointer { com in
        total.withUnsafeMutableBufferPointer { tot in
        weightTo.withUnsafeMutableBufferPointer { to in
        touched.withUnsafeMutableBufferPointer { seen in
            var moved = true
            while moved {
                moved = false
                for v in order {
                    let own = Int(com[v])
                    let kv = str[v]
                    let eps = 1e-12 * max(1, kv)
                    var touchedCount = 1
                    seen[0] = own
                    for p in off[v]..<off[v + 1] {
                        let w = Int(nbr[p])
                        if w == v { continue }
                        let c = Int(com[w])
                        if to[c] == 0 && c != own { seen[touchedCount] = c; touchedCount += 1 }
                        to[c] += wt[p]
                    }
                    tot[own] -= kv
                    // Gain of joining c (up to the constant 1/m): w(v, c) − γ tot_c k_v / 2m.
                    var best = own
                    var bestGain = to[own] - resolution * tot[own] * kv / twoM
                    for i in 1..<touchedCount {
                        let c = seen[i]
                        let gain = to[c] - resolution * tot[c] * kv / twoM
                        if gain > bestGain + eps || (best != own && abs(gain - bestGain) <= eps && c < best) {
                            best = c
                            bestGain = gain
                        }
                    }
                    tot[best] += kv
                    if best != own {
                        com[v] = Int32(best)
                        moved = true
                        movedAny = true
                    }
                    for i in 0..<touchedCount { to[seen[i]] = 0 }
                }
            }
        } } } } } } } }
        return movedAny
    }
}
