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
    /// modularity. Time roughly O(m) per level and iteration; memory O(n + m).
    ///
    /// Parallel and deterministic: fast local moving runs by colour classes on both cores
    /// (evaluated in parallel against a snapshot, applied one by one in a seeded order; see
    /// `LeidenLevel.moveNodesColoured`, as in ``louvain(resolution:seed:restarts:)``) on a
    /// level of at least 100,000 adjacency entries that starts from singletons (the first
    /// level of the first iteration); on a level that size that starts from a partition
    /// every node is first screened against it on both cores and only those that would
    /// move enter the one-at-a-time queue (`LeidenLevel.moveNodesScreened`; few move, and
    /// each move sees the previous ones); smaller levels use the queue alone. Refinement
    /// runs the communities in parallel, community `c`
    /// drawing from its own generator (seeded from one draw of the level's generator and
    /// `c`) and writing only its own members; aggregation builds the rows of fixed
    /// ranges of communities in parallel, each row summed over its members in ascending
    /// order, and concatenates them in community order. No result depends on the number
    /// of threads or the split of the work: same graph, resolution, seed and iterations →
    /// the same partition, bit for bit, on any machine.
    public func leiden(resolution: Double = 1, seed: UInt64 = 1, iterations: Int = 2) -> CommunityDetection {
        leiden(resolution: resolution, seed: seed, iterations: iterations, parallel: true)
    }

    /// Leiden with the parallel parts switchable: `parallel: false` runs them one after
    /// another on the calling thread, in one block (tests: the partition must not change).
    func leiden(resolution: Double, seed: UInt64, iterations: Int, parallel: Bool) -> CommunityDetection {
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
            let (next, levels) = Self.leidenRun(base, start: membership, resolution: resolution, twoM: twoM,
                                                parallel: parallel, rng: &rng)
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
                          parallel: Bool = true, rng: inout SeededGenerator) -> ([Int32], Int) {
        var level = base
        let n = base.size
        var membership = (0..<n).map { Int32($0) }  // base node → current level node
        var community = start                        // current level node → community
        var levels = 0
        while true {
            level.moveNodes(community: &community, resolution: resolution, twoM: twoM, allowEmpty: true, rng: &rng,
                            workers: parallel ? ProcessInfo.processInfo.activeProcessorCount : 1)
            community = renumberBySmallest(community)
            let communityCount = Int((community.max() ?? -1) + 1)
            if communityCount == level.size || levels >= 100 { break }
            var refined = level.refine(community: community, communityCount: communityCount,
                                       resolution: resolution, twoM: twoM, seed: rng.next(), parallel: parallel)
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
            level = level.aggregate(by: refined, count: refinedCount, parallel: parallel)
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
    /// holds ids `< size` and receives the result. Sequential: each move sees every
    /// earlier one (the queue order is the randomness).
    /// With `allowEmpty` false (Louvain) a node only joins neighbouring communities.
    /// Returns whether any node moved.
    /// With `skipping`, the nodes it marks are left out of the first visits (screened
    /// against the starting partition: they would stay), the rest keep the random order.
    @discardableResult
    func moveNodesFast(community: inout [Int32], resolution: Double, twoM: Double, allowEmpty: Bool = true,
                       rng: inout SeededGenerator, skipping: [Bool]? = nil) -> Bool {
        let size = self.size
        var (total, members, empty) = communityTotals(community)
        var queue = (0..<size).map { Int32($0) }
        rng.shuffle(&queue)  // ring buffer of capacity `size`, first in the random order
        var queued = [Bool](repeating: true, count: size)
        var initial = size
        if let skipping {
            initial = 0
            for i in 0..<size {
                let v = Int(queue[i])
                if skipping[v] {
                    queued[v] = false
                } else {
                    queue[initial] = Int32(v)
                    initial += 1
                }
            }
        }
        var weightTo = [Double](repeating: 0, count: size)
        var touched = [Int](repeating: 0, count: size + 1)
        var movedAny = false
        // Unchecked buffers in the hot loop: every index is a node or community id
        // (< size) by the CSR's and `community`'s construction.
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
        weights.withUnsafeBufferPointer { wt in
        strength.withUnsafeBufferPointer { str in
        community.withUnsafeMutableBufferPointer { com in
        total.withUnsafeMutableBufferPointer { tot in
        members.withUnsafeMutableBufferPointer { mem in
        queue.withUnsafeMutableBufferPointer { ring in
        queued.withUnsafeMutableBufferPointer { inQueue in
        weightTo.withUnsafeMutableBufferPointer { to in
        touched.withUnsafeMutableBufferPointer { seen in
            var head = 0, count = initial
            while count > 0 {
                let v = Int(ring[head])
                head += 1
                if head == size { head = 0 }
                count -= 1
                inQueue[v] = false
                let own = Int(com[v])
                let kv = str[v]
                let eps = 1e-12 * max(1, kv)
                var touchedCount = 1
                seen[0] = own
                let lo = off[v], hi = off[v + 1]
                for p in lo..<hi {
                    let c = Int(com[Int(nbr[p])])
                    if to[c] == 0 && c != own { seen[touchedCount] = c; touchedCount += 1 }
                    to[c] += wt[p]
                }
                tot[own] -= kv
                mem[own] -= 1
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
                // An empty community gains 0 (only worth it when `own` keeps other members).
                if allowEmpty && mem[own] > 0 && 0 > bestGain + eps, let e = empty.last {
                    best = e
                    bestGain = 0
                }
                if best == empty.last { empty.removeLast() }
                tot[best] += kv
                mem[best] += 1
                if best != own {
                    if mem[own] == 0 { empty.append(own) }
                    com[v] = Int32(best)
                    movedAny = true
                    for p in lo..<hi {
                        let w = Int(nbr[p])
                        if !inQueue[w] && Int(com[w]) != best {
                            inQueue[w] = true
                            var tail = head + count
                            if tail >= size { tail -= size }
                            ring[tail] = Int32(w)
                            count += 1
                        }
                    }
                }
                for i in 0..<touchedCount { to[seen[i]] = 0 }
            }
        } } } } } } } } } } }
        return movedAny
    }

    /// Local moving of a level. On a level of at least ``colouredMovingMinimumEntries``
    /// adjacency entries: from singletons by colour classes on `workers` threads
    /// (``moveNodesColoured(community:resolution:twoM:allowEmpty:rng:workers:)``), from a
    /// partition by the queue after a parallel screening
    /// (``moveNodesScreened(community:resolution:twoM:allowEmpty:rng:workers:)``). Smaller
    /// levels: one node at a time (``moveNodesFast(community:resolution:twoM:allowEmpty:rng:skipping:)``).
    /// From singletons most nodes move and both cores share the evaluations; from a
    /// partition (Leiden's aggregate levels and later iterations, Louvain's final round)
    /// few nodes move, so the queue visits each node about once, and colour rounds
    /// re-evaluated ~3× as many entries (measured: 300k/3M Price graph, level 1, 0.36 s
    /// coloured vs 0.09 s queue); the screening moves that one visit onto both cores.
    /// The choice depends on the level and the start only; no result depends on `workers`.
    @discardableResult
    func moveNodes(community: inout [Int32], resolution: Double, twoM: Double, allowEmpty: Bool,
                   rng: inout SeededGenerator, workers: Int) -> Bool {
        if neighbors.count >= Self.colouredMovingMinimumEntries {
            if Self.isSingletons(community) {
                return moveNodesColoured(community: &community, resolution: resolution, twoM: twoM,
                                         allowEmpty: allowEmpty, rng: &rng, workers: workers)
            }
            return moveNodesScreened(community: &community, resolution: resolution, twoM: twoM,
                                     allowEmpty: allowEmpty, rng: &rng, workers: workers)
        }
        return moveNodesFast(community: &community, resolution: resolution, twoM: twoM, allowEmpty: allowEmpty,
                             rng: &rng)
    }

    /// Whether `community` puts every node in its own community `v` (the start of a level).
    static func isSingletons(_ community: [Int32]) -> Bool {
        for v in community.indices where Int(community[v]) != v { return false }
        return true
    }

    /// Summed strength `K_c` and member count of every community id `c < size` of
    /// `community`, and the ids without members, highest first (so `last` is the lowest
    /// empty id, the one a move into an empty community takes). O(n).
    func communityTotals(_ community: [Int32]) -> (total: [Double], members: [Int32], empty: [Int]) {
        let size = self.size
        var total = [Double](repeating: 0, count: size)
        var members = [Int32](repeating: 0, count: size)
        for v in 0..<size {
            total[Int(community[v])] += strength[v]
            members[Int(community[v])] += 1
        }
        var empty: [Int] = []
        for c in stride(from: size - 1, through: 0, by: -1) where members[c] == 0 { empty.append(c) }
        return (total, members, empty)
    }

    /// Nodes grouped by `group` (ids `< count`), ascending within each group:
    /// `nodes[start[g]..<start[g + 1]]` are the members of `g`. Counting sort, O(n + count).
    func grouped(by group: [Int32], count: Int) -> (start: [Int], nodes: [Int32]) {
        var start = [Int](repeating: 0, count: count + 1)
        for v in 0..<size { start[Int(group[v]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var nodes = [Int32](repeating: 0, count: size)
        for v in 0..<size {
            nodes[fill[Int(group[v])]] = Int32(v)
            fill[Int(group[v])] += 1
        }
        return (start, nodes)
    }

    /// Contiguous ranges of groups holding about `size/blocks` nodes each (work split only:
    /// results never depend on it).
    static func blockRanges(start: [Int], count: Int, blocks: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let total = start[count]
        var lo = 0
        for b in 1...blocks {
            let goal = total * b / blocks
            var hi = lo
            while hi < count && (start[hi] < goal || b == blocks) { hi += 1 }
            ranges.append(lo..<hi)
            lo = hi
        }
        return ranges
    }

    /// Refinement (paper, Algorithms A.2 `RefinePartition` / `MergeNodesSubset`): returns
    /// refined community ids (node indices of their first member) nested in `community`.
    ///
    /// Communities are refined independently, in parallel: community `c` draws its
    /// visiting order and merge choices from its own generator, seeded by the `c+1`-th
    /// output of `SeededGenerator(seed)`, and writes only entries of its own members, so
    /// the result is the same for any number of threads and any split of the work.
    func refine(community: [Int32], communityCount: Int, resolution: Double, twoM: Double,
                seed: UInt64, parallel: Bool = true) -> [Int32] {
        let size = self.size
        let (start, nodes) = grouped(by: community, count: communityCount)
        var refined = (0..<size).map { Int32($0) }
        var refinedStrength = strength
        var refinedSize = [Int32](repeating: 1, count: size)
        var external = [Double](repeating: 0, count: size)  // w(C, S − C) of refined C
        var weightTo = [Double](repeating: 0, count: size)
        let ranges = Self.blockRanges(start: start, count: communityCount,
                                      blocks: parallel ? 4 * SourceBlocks.defaultCount : 1)
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
        weights.withUnsafeBufferPointer { wt in
        strength.withUnsafeBufferPointer { str in
        community.withUnsafeBufferPointer { com in
        nodes.withUnsafeBufferPointer { members in
        refined.withUnsafeMutableBufferPointer { refinedBuffer in
        refinedStrength.withUnsafeMutableBufferPointer { strengthBuffer in
        refinedSize.withUnsafeMutableBufferPointer { sizeBuffer in
        external.withUnsafeMutableBufferPointer { externalBuffer in
        weightTo.withUnsafeMutableBufferPointer { toBuffer in
            let level = GroupedLevelView(offsets: off, neighbors: nbr, weights: wt, strength: str, group: com,
                                         members: members)
            let shared = RefineBuffers(level: level, refined: refinedBuffer, refinedStrength: strengthBuffer,
                                       refinedSize: sizeBuffer, external: externalBuffer, weightTo: toBuffer)
            let work: @Sendable (Int) -> Void = { b in
                var scratch = RefineScratch()
                for c in ranges[b] where start[c + 1] - start[c] > 1 {
                    Self.refineCommunity(c, members: start[c]..<start[c + 1], resolution: resolution, twoM: twoM,
                                         seed: seed, buffers: shared, scratch: &scratch)
                }
            }
            if parallel {
                DispatchQueue.concurrentPerform(iterations: ranges.count, execute: work)
            } else {
                for b in ranges.indices { work(b) }
            }
        } } } } } } } } } } }
        return refined
    }

    /// Per-worker lists reused across communities.
    struct RefineScratch {
        var touched: [Int] = []
        var candidates: [Int] = []
        var gains: [Double] = []
        var order: [Int] = []
    }

    /// The level grouped by community (read only) and the arrays refinement writes, shared
    /// by the workers; each community writes only its own members' entries (refined ids
    /// are member indices). Every index is a node id (< size) by the CSR's and
    /// `community`'s construction.
    struct RefineBuffers: @unchecked Sendable {
        let level: GroupedLevelView
        let refined: UnsafeMutableBufferPointer<Int32>
        let refinedStrength: UnsafeMutableBufferPointer<Double>
        let refinedSize: UnsafeMutableBufferPointer<Int32>
        let external: UnsafeMutableBufferPointer<Double>
        let weightTo: UnsafeMutableBufferPointer<Double>
    }

    /// Refines community `c`, whose members (ascending) are `buffers.level.members[members]`.
    static func refineCommunity(_ c: Int, members: Range<Int>, resolution: Double, twoM: Double,
                                seed: UInt64, buffers: RefineBuffers, scratch: inout RefineScratch) {
        var seeder = SeededGenerator(seed: seed &+ UInt64(c) &* 0x9E37_79B9_7F4A_7C15)
        var rng = SeededGenerator(seed: seeder.next())
        let offsets = buffers.level.offsets, neighbors = buffers.level.neighbors, weights = buffers.level.weights
        let strength = buffers.level.strength, community = buffers.level.group
        let refined = buffers.refined, refinedStrength = buffers.refinedStrength
        let refinedSize = buffers.refinedSize, external = buffers.external, weightTo = buffers.weightTo
        let own32 = Int32(c)
        var ks = 0.0
        for i in members {
            let v = Int(buffers.level.members[i])
            ks += strength[v]
            var e = 0.0
            for p in offsets[v]..<offsets[v + 1] where community[Int(neighbors[p])] == own32 {
                e += weights[p]
            }
            external[v] = e
        }
        scratch.order.removeAll(keepingCapacity: true)
        for i in members {
            let v = Int(buffers.level.members[i])
            if external[v] >= resolution * strength[v] * (ks - strength[v]) / twoM { scratch.order.append(v) }
        }
        rng.shuffle(&scratch.order)
        for v in scratch.order where refinedSize[Int(refined[v])] == 1 {
            let own = Int(refined[v])
            let kv = strength[v]
            scratch.touched.removeAll(keepingCapacity: true)
            for p in offsets[v]..<offsets[v + 1] {
                let w = Int(neighbors[p])
                guard community[w] == own32 else { continue }
                let r = Int(refined[w])
                if weightTo[r] == 0 { scratch.touched.append(r) }
                weightTo[r] += weights[p]
            }
            // Candidates: v's own singleton (gain 0) and well-connected refined
            // communities of S with a non-negative gain.
            scratch.candidates.removeAll(keepingCapacity: true)
            scratch.gains.removeAll(keepingCapacity: true)
            scratch.candidates.append(own)
            scratch.gains.append(0)
            var maxGain = 0.0
            for r in scratch.touched where r != own {
                let kc = refinedStrength[r]
                guard external[r] >= resolution * kc * (ks - kc) / twoM else { continue }
                let gain = weightTo[r] - resolution * kv * kc / twoM
                guard gain >= 0 else { continue }
                scratch.candidates.append(r)
                scratch.gains.append(gain)
                maxGain = max(maxGain, gain)
            }
            var chosen = own
            if scratch.candidates.count > 1 {
                var sum = 0.0
                for i in 0..<scratch.gains.count {
                    scratch.gains[i] = exp((scratch.gains[i] - maxGain) / Self.theta)
                    sum += scratch.gains[i]
                }
                var x = rng.unit() * sum
                chosen = scratch.candidates[scratch.candidates.count - 1]
                for i in 0..<scratch.candidates.count {
                    x -= scratch.gains[i]
                    if x < 0 { chosen = scratch.candidates[i]; break }
                }
            }
            // w(v, chosen): the sum just accumulated, over the same entries in the same order.
            let toChosen = weightTo[chosen]
            for r in scratch.touched { weightTo[r] = 0 }
            guard chosen != own else { continue }
            // Merge v into `chosen`: update its strength, size and outside weight.
            external[chosen] += external[v] - 2 * toChosen
            refinedStrength[chosen] += kv
            refinedStrength[own] = 0
            refinedSize[chosen] += 1
            refinedSize[own] = 0
            refined[v] = Int32(chosen)
        }
    }

    /// The level whose nodes are the `count` groups of `group` (ids `0..<count`), with
    /// summed edge weights and strengths. O(n + m).
    /// Row `c` lists its neighbour groups in the order first reached (members ascending,
    /// each member's entries in row order), each weight summed in that order. Rows are
    /// built in parallel over fixed ranges of groups and concatenated in group order, so
    /// the result does not depend on the threads.
    func aggregate(by group: [Int32], count: Int, parallel: Bool = true) -> LeidenLevel {
        let (start, nodes) = grouped(by: group, count: count)
        let blocks = parallel ? 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let ranges = Self.blockRanges(start: start, count: count, blocks: blocks)
        let parts = AggregateParts(count: ranges.count)
        offsets.withUnsafeBufferPointer { off in
        neighbors.withUnsafeBufferPointer { nbr in
        weights.withUnsafeBufferPointer { wt in
        strength.withUnsafeBufferPointer { str in
        group.withUnsafeBufferPointer { grp in
        nodes.withUnsafeBufferPointer { members in
        start.withUnsafeBufferPointer { first in
            let input = AggregateInput(level: GroupedLevelView(offsets: off, neighbors: nbr, weights: wt, strength: str,
                                                               group: grp, members: members),
                                       start: first)
            let work: @Sendable (Int) -> Void = { b in
                parts.store(b, Self.aggregateRows(ranges[b], count: count, input: input))
            }
            if parallel {
                DispatchQueue.concurrentPerform(iterations: ranges.count, execute: work)
            } else {
                for b in ranges.indices { work(b) }
            }
        } } } } } } }
        var newOffsets = [Int](repeating: 0, count: count + 1)
        var newNeighbors: [Int32] = []
        var newWeights: [Double] = []
        var newStrength: [Double] = []
        var entries = 0
        for b in 0..<ranges.count { entries += parts.part(b).neighbors.count }
        newNeighbors.reserveCapacity(entries)
        newWeights.reserveCapacity(entries)
        newStrength.reserveCapacity(count)
        var c = 0
        for b in 0..<ranges.count {
            let part = parts.part(b)
            let base = newNeighbors.count
            for end in part.ends {
                c += 1
                newOffsets[c] = base + end
            }
            newNeighbors.append(contentsOf: part.neighbors)
            newWeights.append(contentsOf: part.weights)
            newStrength.append(contentsOf: part.strength)
        }
        return LeidenLevel(offsets: newOffsets, neighbors: newNeighbors, weights: newWeights, strength: newStrength)
    }

    /// The rows of the groups `range` of an aggregation (see ``aggregate(by:count:parallel:)``),
    /// with a dense accumulator over the `count` groups and a list of the groups touched.
    static func aggregateRows(_ range: Range<Int>, count: Int, input: AggregateInput) -> AggregateParts.Part {
        var part = AggregateParts.Part()
        part.strength.reserveCapacity(range.count)
        part.ends.reserveCapacity(range.count)
        var weightTo = [Double](repeating: 0, count: count)
        var touched = [Int32](repeating: 0, count: count)
        let off = input.level.offsets, nbr = input.level.neighbors, wt = input.level.weights
        let grp = input.level.group
        weightTo.withUnsafeMutableBufferPointer { to in
        touched.withUnsafeMutableBufferPointer { seen in
            for c in range {
                var touchedCount = 0
                var k = 0.0
                for i in input.start[c]..<input.start[c + 1] {
                    let v = Int(input.level.members[i])
                    k += input.level.strength[v]
                    for p in off[v]..<off[v + 1] {
                        let d = Int(grp[Int(nbr[p])])
                        if d == c { continue }
                        if to[d] == 0 { seen[touchedCount] = Int32(d); touchedCount += 1 }
                        to[d] += wt[p]
                    }
                }
                for t in 0..<touchedCount {
                    let d = Int(seen[t])
                    part.neighbors.append(Int32(d))
                    part.weights.append(to[d])
                    to[d] = 0
                }
                part.ends.append(part.neighbors.count)
                part.strength.append(k)
            }
        } }
        return part
    }
}

/// A level's rows and strengths with a grouping of its nodes, as unchecked buffers read
/// by the refinement and aggregation workers (read only; every index a node or group id
/// by construction).
struct GroupedLevelView: @unchecked Sendable {
    let offsets: UnsafeBufferPointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>
    let strength: UnsafeBufferPointer<Double>
    /// The group (community) of every node.
    let group: UnsafeBufferPointer<Int32>
    /// Nodes grouped by `group` (``LeidenLevel/grouped(by:count:)``), ascending in a group.
    let members: UnsafeBufferPointer<Int32>
}

/// A grouped level read by the aggregation workers: `level.members[start[c]..<start[c + 1]]`
/// are the nodes of group `c`.
struct AggregateInput: @unchecked Sendable {
    let level: GroupedLevelView
    let start: UnsafeBufferPointer<Int>
}

/// Rows of an aggregate level built by one worker each; each slot is written by one
/// worker, then read after all have finished (raw storage, so concurrent writes to
/// different slots do not touch a shared array).
final class AggregateParts: @unchecked Sendable {
    struct Part {
        var ends: [Int] = []
        var neighbors: [Int32] = []
        var weights: [Double] = []
        var strength: [Double] = []
    }
    private let slots: UnsafeMutablePointer<Part>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Part>.allocate(capacity: count)
        slots.initialize(repeating: Part(), count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ b: Int, _ part: Part) {
        slots[b] = part
    }

    func part(_ b: Int) -> Part { slots[b] }
}
