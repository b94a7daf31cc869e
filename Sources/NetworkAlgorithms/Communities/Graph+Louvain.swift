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
        // Current level graph: symmetric CSR with weights, self-loop weights A_ii.
        var offsets = view.offsets
        var neighbors = view.adjacency
        var weights = [Double](repeating: 1, count: neighbors.count)
        var selfLoops = [Double](repeating: 0, count: n)
        var membership = (0..<n).map { Int32($0) }  // original node → current level node
        let twoM = Double(neighbors.count)
        var levels = 0
        guard twoM > 0 else {
            let p = Partition(groupOf: membership, groupNames: (0..<n).map(String.init))
            return CommunityDetection(partition: p, modularity: 0, levels: 0)
        }
        while true {
            let size = selfLoops.count
            var strength = [Double](repeating: 0, count: size)
            for v in 0..<size {
                var s = selfLoops[v]
                for p in offsets[v]..<offsets[v + 1] { s += weights[p] }
                strength[v] = s
            }
            var community = (0..<size).map { Int32($0) }
            let movedAny = Self.localMoving(offsets: offsets, neighbors: neighbors, weights: weights, strength: strength,
                                            community: &community, resolution: resolution, twoM: twoM, rng: &rng)
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
            // Aggregate: one node per community, summing weights.
            let k = Int(count)
            var newSelf = [Double](repeating: 0, count: k)
            var rows = [[Int32: Double]](repeating: [:], count: k)
            for v in 0..<size {
                let cv = Int(community[v])
                newSelf[cv] += selfLoops[v]
                for p in offsets[v]..<offsets[v + 1] {
                    let cw = community[Int(neighbors[p])]
                    if Int(cw) == cv { newSelf[cv] += weights[p] } else { rows[cv][cw, default: 0] += weights[p] }
                }
            }
            var newOffsets = [Int](repeating: 0, count: k + 1)
            var newNeighbors: [Int32] = []
            var newWeights: [Double] = []
            for c in 0..<k {
                for (d, w) in rows[c].sorted(by: { $0.key < $1.key }) {
                    newNeighbors.append(d)
                    newWeights.append(w)
                }
                newOffsets[c + 1] = newNeighbors.count
            }
            offsets = newOffsets
            neighbors = newNeighbors
            weights = newWeights
            selfLoops = newSelf
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
        var touched: [Int] = []
        var movedAny = false
        var moved = true
        while moved {
            moved = false
            for v in order {
                let own = Int(community[v])
                let kv = strength[v]
                let eps = 1e-12 * max(1, kv)
                touched.removeAll(keepingCapacity: true)
                touched.append(own)
                for p in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[p])
                    if w == v { continue }
                    let c = Int(community[w])
                    if weightTo[c] == 0 && c != own { touched.append(c) }
                    weightTo[c] += weights[p]
                }
                total[own] -= kv
                // Gain of joining c (up to the constant 1/m): w(v, c) − γ tot_c k_v / 2m.
                var best = own
                var bestGain = weightTo[own] - resolution * total[own] * kv / twoM
                for c in touched where c != own {
                    let gain = weightTo[c] - resolution * total[c] * kv / twoM
                    if gain > bestGain + eps || (best != own && abs(gain - bestGain) <= eps && c < best) {
                        best = c
                        bestGain = gain
                    }
                }
                total[best] += kv
                if best != own {
                    community[v] = Int32(best)
                    moved = true
                    movedAny = true
                }
                for c in touched { weightTo[c] = 0 }
            }
        }
        return movedAny
    }
}
