import Foundation
import NetworkCore

extension Graph {
    /// Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
    /// guaranteeing well-connected communities", doi:10.1038/s41598-019-41695-z) on the
    /// undirected simple view, maximising modularity with resolution `γ`
    /// (`Q = Σ_c [L_c/E − γ (D_c/2E)²]`, as ``louvain(resolution:seed:restarts:)``).
    ///
    /// Each iteration runs the three phases of the paper until a level leaves every
    /// community a single (aggregate) node:
    /// 1. *Fast local moving*: a queue, first in a random order drawn from `seed`
    ///    (``SeededGenerator``), of nodes to visit; each visited node moves to the
    ///    neighbouring community, or an empty one, of largest modularity gain (ties: it
    ///    stays, else the lowest community index; a move must gain more than 1e-12
    ///    relative to its degree); the neighbours it leaves outside its new community
    ///    join the queue.
    /// 2. *Refinement*: inside each community `S`, starting from singletons, nodes `v`
    ///    well connected to `S` (`w(v, S−v) ≥ γ k_v (K_S − k_v)/2E`), visited in a random
    ///    order while still single, merge into a refined community `C ⊆ S` that is itself
    ///    well connected (`w(C, S−C) ≥ γ K_C (K_S − K_C)/2E`) and whose gain
    ///    `ΔH = w(v, C) − γ k_v K_C / 2E ≥ 0`, chosen at random with probability
    ///    `∝ exp(ΔH/θ)`, `θ = 0.01` (ΔH in edge units: almost always the best gain,
    ///    random among near-ties).
    /// 3. *Aggregation* on the refined communities, the unrefined partition giving the
    ///    starting communities of the aggregate nodes (the unrefined partition itself
    ///    when refinement merged nothing).
    ///
    /// `iterations` repeats the whole algorithm, each time starting from the previous
    /// partition (igraph's `n_iterations`); `iterations < 0` repeats until an iteration
    /// changes nothing (at most 50). Communities are renumbered by smallest member;
    /// ``CommunityDetection/levels`` counts the aggregations over all iterations.
    ///
    /// Guarantees (paper, Theorems 1–2 for the refined aggregation): every community
    /// returned is connected, indeed γ-separated and, after an iteration that changes
    /// nothing, γ-connected. Heuristic all the same: a local optimum, not the maximum
    /// modularity. Same graph, resolution, seed and iterations → same partition.
    /// Time roughly O(m) per level and iteration; memory O(n + m).
    public func leiden(resolution: Double = 1, seed: UInt64 = 1, iterations: Int = 2) -> CommunityDetection {
        let view = undirectedSimple()
        let n = nodeCount
        let twoM = Double(view.adjacency.count)
        guard twoM > 0 else {
            let p = Partition(groupOf: (0..<n).map { Int32($0) }, groupNames: (0..<n).map(String.init))
            return CommunityDetection(partition: p, modularity: 0, levels: 0)
        }
        var rng = SeededGenerator(seed: seed)
        var membership = (0..<n).map { Int32($0) }
        var totalLevels = 0
        let runs = iterations < 0 ? 50 : max(1, iterations)
        for _ in 0..<runs {
            let base = LeidenLevel(offsets: view.offsets, neighbors: view.adjacency,
                                   weights: [Double](repeating: 1, count: view.adjacency.count),
                                   strength: (0..<n).map { Double(view.degree(Int32($0))) })
            let (next, levels) = Self.leidenRun(base, start: membership, resolution: resolution, twoM: twoM, rng: &rng)
            totalLevels += levels
            let renumbered = Self.renumberBySmallest(next)
            let changed = renumbered != membership
            membership = renumbered
            if iterations < 0 && !changed { break }
        }
        let count = Int((membership.max() ?? -1) + 1)
        let partition = Partition(groupOf: membership, groupNames: (0..<count).map(String.init))
        let q = view.modularity(of: partition, resolution: resolution) ?? 0
        return CommunityDetection(partition: partition, modularity: q, levels: totalLevels)
    }

    /// Community ids renumbered 0, 1, … in order of their smallest node.
    static func renumberBySmallest(_ community: [Int32]) -> [Int32] {
        var rename = [Int32](repeating: -1, count: community.count)
        var next: Int32 = 0
        return community.map { c in
            if rename[Int(c)] < 0 { rename[Int(c)] = next; next += 1 }
            return rename[Int(c)]
        }
    }

    /// One Leiden iteration from the partition `start` of the base level's nodes;
    /// returns the final community of every base node and the levels aggregated.
    static func leidenRun(_ base: LeidenLevel, start: [Int32], resolution: Double, twoM: Double,
                          rng: inout SeededGenerator) -> ([Int32], Int) {
        var level = base
        let n = base.size
        var membership = (0..<n).map { Int32($0) }  // base node → current level node
        var community = start                        // current level node → community
        var levels = 0
        while true {
            level.moveNodesFast(community: &community, resolution: resolution, twoM: twoM, rng: &rng)
            community = renumberBySmallest(community)
            let communityCount = Int((community.max() ?? -1) + 1)
            if communityCount == level.size || levels >= 100 { break }
            var refined = level.refine(community: community, communityCount: communityCount,
                                       resolution: resolution, twoM: twoM, rng: &rng)
            refined = renumberBySmallest(refined)
            var refinedCount = Int((refined.max() ?? -1) + 1)
            if refinedCount == level.size {
                refined = community
                refinedCount = communityCount
            }
            // Starting community of each aggregate node: that of its members.
            var nextCommunity = [Int32](repeating: 0, count: refinedCount)
            for v in 0..<level.size { nextCommunity[Int(refined[v])] = community[v] }
            for i in 0..<n { membership[i] = refined[Int(membership[i])] }
            level = level.aggregate(by: refined, count: refinedCount)
            community = nextCommunity
            levels += 1
        }
        return (membership.map { community[Int($0)] }, levels)
    }
}

/// A weighted symmetric CSR level of Leiden: `strength[v]` is `v`'s degree in the base
/// graph summed over its members (self-loop weight included), edges exclude self-loops.
struct LeidenLevel {
    let offsets: [Int]
    let neighbors: [Int32]
    let weights: [Double]
    let strength: [Double]

    var size: Int { strength.count }

    /// Randomness of the refinement's choice, in edge units (the paper's θ).
    static let theta = 0.01

    /// Fast local moving (paper, Algorithm A.2): queue-driven node moves; `community`
    /// holds ids `< size` and receives the result.
    func moveNodesFast(community: inout [Int32], resolution: Double, twoM: Double, rng: inout SeededGenerator) {
        let size = self.size
        var total = [Double](repeating: 0, count: size)
        var members = [Int](repeating: 0, count: size)
        for v in 0..<size {
            total[Int(community[v])] += strength[v]
            members[Int(community[v])] += 1
        }
        var empty: [Int] = (0..<size).filter { members[$0] == 0 }.reversed()
        var order = Array(0..<size)
        rng.shuffle(&order)
        var queue = order  // ring buffer of capacity `size`
        var head = 0, count = size
        var queued = [Bool](repeating: true, count: size)
        var weightTo = [Double](repeating: 0, count: size)
        var touched: [Int] = []
        while count > 0 {
            let v = queue[head]
            head = (head + 1) % size
            count -= 1
            queued[v] = false
            let own = Int(community[v])
            let kv = strength[v]
            let eps = 1e-12 * max(1, kv)
            touched.removeAll(keepingCapacity: true)
            touched.append(own)
            for p in offsets[v]..<offsets[v + 1] {
                let c = Int(community[Int(neighbors[p])])
                if weightTo[c] == 0 && c != own { touched.append(c) }
                weightTo[c] += weights[p]
            }
            total[own] -= kv
            members[own] -= 1
            var best = own
            var bestGain = weightTo[own] - resolution * total[own] * kv / twoM
            for c in touched where c != own {
                let gain = weightTo[c] - resolution * total[c] * kv / twoM
                if gain > bestGain + eps || (best != own && abs(gain - bestGain) <= eps && c < best) {
                    best = c
                    bestGain = gain
                }
            }
            // An empty community gains 0 (only worth it when `own` keeps other members).
            if members[own] > 0 && 0 > bestGain + eps, let e = empty.last {
                best = e
                bestGain = 0
            }
            if best == empty.last { empty.removeLast() }
            total[best] += kv
            members[best] += 1
            if best != own {
                if members[own] == 0 { empty.append(own) }
                community[v] = Int32(best)
                for p in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[p])
                    if !queued[w] && Int(community[w]) != best {
                        queued[w] = true
                        queue[(head + count) % size] = w
                        count += 1
                    }
                }
            }
            for c in touched { weightTo[c] = 0 }
        }
    }

    /// Refinement (paper, Algorithms A.2 `RefinePartition` / `MergeNodesSubset`): returns
    /// refined community ids (node indices of their first member) nested in `community`.
    func refine(community: [Int32], communityCount: Int, resolution: Double, twoM: Double,
                rng: inout SeededGenerator) -> [Int32] {
        let size = self.size
        // Nodes grouped by community (counting sort, ascending within each).
        var start = [Int](repeating: 0, count: communityCount + 1)
        for v in 0..<size { start[Int(community[v]) + 1] += 1 }
        for c in 0..<communityCount { start[c + 1] += start[c] }
        var fill = start
        var nodes = [Int](repeating: 0, count: size)
        for v in 0..<size {
            nodes[fill[Int(community[v])]] = v
            fill[Int(community[v])] += 1
        }
        var refined = (0..<size).map { Int32($0) }
        var refinedStrength = strength
        var refinedSize = [Int](repeating: 1, count: size)
        var external = [Double](repeating: 0, count: size)  // w(C, S − C) of refined C
        var weightTo = [Double](repeating: 0, count: size)
        var touched: [Int] = []
        var candidates: [Int] = []
        var gains: [Double] = []
        for c in 0..<communityCount {
            let slice = nodes[start[c]..<start[c + 1]]
            var ks = 0.0
            for v in slice {
                ks += strength[v]
                var e = 0.0
                for p in offsets[v]..<offsets[v + 1] where community[Int(neighbors[p])] == Int32(c) {
                    e += weights[p]
                }
                external[v] = e
            }
            var order = slice.filter { v in
                external[v] >= resolution * strength[v] * (ks - strength[v]) / twoM
            }
            rng.shuffle(&order)
            for v in order where refinedSize[Int(refined[v])] == 1 {
                let own = Int(refined[v])
                let kv = strength[v]
                touched.removeAll(keepingCapacity: true)
                for p in offsets[v]..<offsets[v + 1] {
                    let w = Int(neighbors[p])
                    guard community[w] == Int32(c) else { continue }
                    let r = Int(refined[w])
                    if weightTo[r] == 0 { touched.append(r) }
                    weightTo[r] += weights[p]
                }
                // Candidates: v's own singleton (gain 0) and well-connected refined
                // communities of S with a non-negative gain.
                candidates.removeAll(keepingCapacity: true)
                gains.removeAll(keepingCapacity: true)
                candidates.append(own)
                gains.append(0)
                var maxGain = 0.0
                for r in touched where r != own {
                    let kc = refinedStrength[r]
                    guard external[r] >= resolution * kc * (ks - kc) / twoM else { continue }
                    let gain = weightTo[r] - resolution * kv * kc / twoM
                    guard gain >= 0 else { continue }
                    candidates.append(r)
                    gains.append(gain)
                    maxGain = max(maxGain, gain)
                }
                for r in touched { weightTo[r] = 0 }
                var chosen = own
                if candidates.count > 1 {
                    var sum = 0.0
                    for i in 0..<gains.count {
                        gains[i] = exp((gains[i] - maxGain) / Self.theta)
                        sum += gains[i]
                    }
                    var x = Double(rng.next() >> 11) * 0x1p-53 * sum
                    chosen = candidates[candidates.count - 1]
                    for i in 0..<candidates.count {
                        x -= gains[i]
                        if x < 0 { chosen = candidates[i]; break }
                    }
                }
                guard chosen != own else { continue }
                // Merge v into `chosen`: update its strength, size and outside weight.
                var toChosen = 0.0
                for p in offsets[v]..<offsets[v + 1] where refined[Int(neighbors[p])] == Int32(chosen) {
                    toChosen += weights[p]
                }
                external[chosen] += external[v] - 2 * toChosen
                refinedStrength[chosen] += kv
                refinedStrength[own] = 0
                refinedSize[chosen] += 1
                refinedSize[own] = 0
                refined[v] = Int32(chosen)
            }
        }
        return refined
    }

    /// The level whose nodes are the `count` groups of `group` (ids `0..<count`), with
    /// summed edge weights (rows ascending) and strengths. O(n + m + Σ row log row).
    func aggregate(by group: [Int32], count: Int) -> LeidenLevel {
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<size { start[Int(group[v]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var nodes = [Int](repeating: 0, count: size)
        for v in 0..<size {
            nodes[fill[Int(group[v])]] = v
            fill[Int(group[v])] += 1
        }
        var newStrength = [Double](repeating: 0, count: count)
        var newOffsets = [Int](repeating: 0, count: count + 1)
        var newNeighbors: [Int32] = []
        var newWeights: [Double] = []
        var weightTo = [Double](repeating: 0, count: count)
        var touched: [Int32] = []
        for c in 0..<count {
            touched.removeAll(keepingCapacity: true)
            for v in nodes[start[c]..<start[c + 1]] {
                newStrength[c] += strength[v]
                for p in offsets[v]..<offsets[v + 1] {
                    let d = group[Int(neighbors[p])]
                    if Int(d) == c { continue }
                    if weightTo[Int(d)] == 0 { touched.append(d) }
                    weightTo[Int(d)] += weights[p]
                }
            }
            touched.sort()
            for d in touched {
                newNeighbors.append(d)
                newWeights.append(weightTo[Int(d)])
                weightTo[Int(d)] = 0
            }
            newOffsets[c + 1] = newNeighbors.count
        }
        return LeidenLevel(offsets: newOffsets, neighbors: newNeighbors, weights: newWeights, strength: newStrength)
    }
}
