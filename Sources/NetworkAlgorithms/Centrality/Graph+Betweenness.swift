import NetworkCore

extension Graph {
    /// Exact shortest-path betweenness centrality by Brandes' algorithm (Brandes 2001,
    /// "A faster algorithm for betweenness centrality", doi:10.1080/0022250X.2001.9990249).
    ///
    /// Definition: `B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, where `σ_st` counts the shortest
    /// s–t paths (unweighted: fewest arcs) and `σ_st(v)` those through `v`.
    /// - `directed: true` follows arcs; `false` uses the undirected simple view and counts
    ///   each unordered pair once (NetworkX's convention, i.e. half of Brandes' raw sum).
    /// - Duplicate arcs do not multiply paths and self-loops are ignored (each linked
    ///   pair counts once, as in NetworkX).
    /// - `normalized` divides by the number of ordered pairs not containing `v`,
    ///   `(n−1)(n−2)` (directed) or unordered pairs `(n−1)(n−2)/2` (undirected), exactly
    ///   as NetworkX's `betweenness_centrality(normalized=True)`; nothing is divided when
    ///   `n ≤ 2`.
    ///
    /// Complexity: O(n·m) time, O(n + m) memory per block of sources. Parallel: the
    /// sources are split into a fixed number of contiguous blocks run concurrently,
    /// each with its own buffers and accumulator; the block sums are added in block
    /// order, so the result is bit-identical whatever the number of cores.
    public func betweenness(directed: Bool = true, normalized: Bool = false) -> [Double] {
        let n = nodeCount
        var result = brandes(directed: directed, sources: nil, targetMask: nil, groupOf: nil)
        // Brandes' raw sum counts ordered pairs; an undirected pair is counted twice.
        // NetworkX: normalised → 1/((n−1)(n−2)) for both (which for undirected equals
        // pairs · 2/((n−1)(n−2))); not normalised → ½ for undirected.
        var scale = directed ? 1.0 : 0.5
        if normalized && n > 2 { scale = 1 / (Double(n - 1) * Double(n - 2)) }
        if scale != 1 { for v in 0..<n { result[v] *= scale } }
        return result
    }

    /// Betweenness restricted to shortest paths from `sources` to `targets`:
    /// `B(v) = Σ_{s ∈ S, t ∈ T, s ≠ v ≠ t} σ_st(v) / σ_st` (Brandes 2008, "On variants of
    /// shortest-path betweenness centrality and their generic computation",
    /// doi:10.1016/j.socnet.2007.11.001). Not normalised; with `directed: false` the sum is
    /// halved, as NetworkX's `betweenness_centrality_subset`. Same complexity,
    /// parallelism and determinism as ``betweenness(directed:normalized:)``, with only
    /// the given sources searched.
    public func betweenness(sources: [Int32], targets: [Int32], directed: Bool = true) -> [Double] {
        var mask = [Bool](repeating: false, count: nodeCount)
        for t in targets { mask[Int(t)] = true }
        let unique = Array(Set(sources)).sorted()
        var result = brandes(directed: directed, sources: unique, targetMask: mask, groupOf: nil)
        if !directed { for v in 0..<nodeCount { result[v] *= 0.5 } }
        return result
    }

    /// Inter-group betweenness (issue 6): betweenness counting only shortest paths whose
    /// two ends lie in different groups of `partition` — how much a work brokers between
    /// literatures rather than within one. Directed: over ordered pairs; undirected:
    /// over unordered pairs (each once). Equals the sum over groups `g` of
    /// ``betweenness(sources:targets:directed:)`` with sources `g` and targets the other
    /// groups. Nodes of the missing group follow `missing`: included as a group, or
    /// excluded as ends of paths (they can still lie on paths). Not normalised.
    public func interGroupBetweenness(by partition: Partition, directed: Bool = true,
                                      missing: MissingGroupPolicy = .include) -> [Double] {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        let sources = (0..<nodeCount).filter { groups.groupOf[$0] >= 0 }.map { Int32($0) }
        var result = brandes(directed: directed, sources: sources, targetMask: nil, groupOf: groups.groupOf)
        if !directed { for v in 0..<nodeCount { result[v] *= 0.5 } }
        return result
    }

    /// Brandes' accumulation over `sources` (all nodes when nil). A node `w` reached from
    /// `s` counts as a target when `targetMask[w]` (if given) and, if `groupOf` is given,
    /// it has a kept group different from `s`'s. Raw sums (ordered pairs).
    func brandes(directed: Bool, sources: [Int32]?, targetMask: [Bool]?, groupOf: [Int32]?) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        // Simple adjacency: directed out-lists without loops/duplicates, or the
        // undirected simple view.
        let (offsets, adjacency) = directed ? simpleOutAdjacency() : {
            let u = undirectedSimple()
            return (u.offsets, u.adjacency)
        }()
        let sourceList = sources ?? (0..<n).map { Int32($0) }
        let restricted = targetMask != nil || groupOf != nil
        let mask = targetMask ?? []
        let group = groupOf ?? []
        let (blocks, partial) = SourceBlocks.run(sources: sourceList.count, width: n) { _, range, accumulator in
            var sigma = [Double](repeating: 0, count: n)
            var distance = [Int32](repeating: -1, count: n)
            var delta = [Double](repeating: 0, count: n)
            var order = [Int32](repeating: 0, count: n)  // BFS order = stack
            offsets.withUnsafeBufferPointer { off in
            adjacency.withUnsafeBufferPointer { adj in
            sigma.withUnsafeMutableBufferPointer { sigma in
            distance.withUnsafeMutableBufferPointer { dist in
            delta.withUnsafeMutableBufferPointer { delta in
            order.withUnsafeMutableBufferPointer { order in
                for index in range {
                    let s = Int(sourceList[index])
                    // Forward BFS from s, counting shortest paths.
                    sigma[s] = 1
                    dist[s] = 0
                    order[0] = Int32(s)
                    var head = 0, tail = 1
                    while head < tail {
                        let v = Int(order[head]); head += 1
                        let dv = dist[v]
                        for p in off[v]..<off[v + 1] {
                            let w = Int(adj[p])
                            if dist[w] < 0 {
                                dist[w] = dv + 1
                                order[tail] = Int32(w); tail += 1
                            }
                            if dist[w] == dv + 1 { sigma[w] += sigma[v] }
                        }
                    }
                    // Backward accumulation in reverse BFS order, pulling from the
                    // successors on shortest paths (no predecessor lists needed):
                    // δ(v) = Σ_{w : d(w) = d(v)+1, v→w} σ(v)/σ(w) · (t(w) + δ(w)),
                    // t(w) = 1 when w is a target of s (always, unrestricted).
                    let gs: Int32 = group.isEmpty ? 0 : group[s]
                    var i = tail - 1
                    while i >= 0 {
                        let v = Int(order[i])
                        let dv = dist[v]
                        var sum = 0.0
                        for p in off[v]..<off[v + 1] {
                            let w = Int(adj[p])
                            if dist[w] == dv + 1 {
                                var t = 1.0
                                if restricted {
                                    if !mask.isEmpty && !mask[w] { t = 0 }
                                    if !group.isEmpty && (group[w] < 0 || group[w] == gs) { t = 0 }
                                }
                                sum += sigma[v] / sigma[w] * (t + delta[w])
                            }
                        }
                        delta[v] = sum
                        if v != s { accumulator[v] += sum }
                        i -= 1
                    }
                    // Reset only what this source touched.
                    for k in 0..<tail {
                        let v = Int(order[k])
                        sigma[v] = 0; dist[v] = -1; delta[v] = 0
                    }
                }
            }}}}}}
        }
        return SourceBlocks.reduce(partial, blocks: blocks, width: n)
    }

    /// Out-adjacency without self-loops and with each head once (out-lists are sorted,
    /// so repeats are adjacent). O(n + m).
    func simpleOutAdjacency() -> ([Int], [Int32]) {
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var adjacency: [Int32] = []
        adjacency.reserveCapacity(arcCount)
        for v in 0..<nodeCount {
            var last: Int32 = -1
            for a in outOffsets[v]..<outOffsets[v + 1] {
                let w = outTargets[a]
                if w != Int32(v) && w != last { adjacency.append(w) }
                last = w
            }
            offsets[v + 1] = adjacency.count
        }
        return (offsets, adjacency)
    }
}
