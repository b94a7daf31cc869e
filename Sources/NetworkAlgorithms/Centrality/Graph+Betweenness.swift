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
        let restricted = targetMask != nil || groupOf != nil
        // Unrestricted over all sources: fold each single-out-neighbour source into its
        // neighbour's search (see `foldedSources`).
        let fold = (sources == nil && !restricted)
            ? foldedSources(offsets: offsets, adjacency: adjacency, directed: directed)
            : FoldedSources(kept: (sources ?? (0..<n).map { Int32($0) }), multiplicity: [], correction: [])
        // Sources dealt round-robin into the blocks (source i to block i mod B), so that
        // runs of cheap or costly sources (old works reach little, recent ones much) are
        // spread evenly over the cores. The deal depends only on the source count.
        let sourceList = SourceBlocks.interleaved(fold.kept)
        let multiplicity = fold.multiplicity
        let correction = fold.correction
        let mask = targetMask ?? []
        let group = groupOf ?? []
        let (blocks, partial) = SourceBlocks.run(sources: sourceList.count, width: n) { _, range, accumulator in
            var sigma = [Double](repeating: 0, count: n)
            var distance = [Int32](repeating: -1, count: n)
            // coefficient[w] = t(w)/σ(w) + Σ_{x successor of w on shortest paths} coefficient[x],
            // written only once w's whole BFS level is done, and 0 before: see below.
            var coefficient = [Double](repeating: 0, count: n)
            var order = [Int32](repeating: 0, count: n)       // BFS order = stack
            var levelStart = [Int](repeating: 0, count: n + 1) // BFS order index of each level
            var pending = [Double](repeating: 0, count: n)     // a level's coefficients
            offsets.withUnsafeBufferPointer { off in
            adjacency.withUnsafeBufferPointer { adj in
            sigma.withUnsafeMutableBufferPointer { sigma in
            distance.withUnsafeMutableBufferPointer { dist in
            coefficient.withUnsafeMutableBufferPointer { coefficient in
            order.withUnsafeMutableBufferPointer { order in
            levelStart.withUnsafeMutableBufferPointer { levelStart in
            pending.withUnsafeMutableBufferPointer { pending in
                for index in range {
                    let s = Int(sourceList[index])
                    // Forward BFS from s, counting shortest paths; levels are contiguous
                    // runs of the BFS order.
                    sigma[s] = 1
                    dist[s] = 0
                    order[0] = Int32(s)
                    var head = 0, tail = 1
                    var levels = 0
                    var currentLevel: Int32 = -1
                    while head < tail {
                        let v = Int(order[head])
                        let dv = dist[v]
                        if dv != currentLevel {
                            levelStart[levels] = head
                            levels += 1
                            currentLevel = dv
                        }
                        head += 1
                        let sv = sigma[v]
                        for p in off[v]..<off[v + 1] {
                            let w = Int(adj[p])
                            let dw = dist[w]
                            if dw < 0 {
                                dist[w] = dv + 1
                                sigma[w] = sv
                                order[tail] = Int32(w); tail += 1
                            } else if dw == dv + 1 {
                                sigma[w] += sv
                            }
                        }
                    }
                    levelStart[levels] = tail
                    // Backward accumulation, one BFS level at a time from the deepest.
                    // δ(v) = σ(v) · Σ_{w : v→w, d(w) = d(v)+1} (t(w) + δ(w)) / σ(w), with
                    // t(w) = 1 when w is a target of s (always, unrestricted). Every
                    // successor w of v has d(w) ≤ d(v) + 1, and coefficient[w] is still
                    // 0 for d(w) ≤ d(v) while v's level is summed (a level's
                    // coefficients are written after all its sums), so the inner loop
                    // adds every successor's coefficient without testing distances and
                    // without a division per arc.
                    let gs: Int32 = group.isEmpty ? 0 : group[s]
                    // The source's own search counts once, plus once per source folded
                    // into it; those add their pairs through s itself (`correction`).
                    let weight = multiplicity.isEmpty ? 1.0 : multiplicity[s]
                    if !correction.isEmpty && weight > 1 {
                        accumulator[s] += (weight - 1) * Double(tail - 1) - correction[s]
                    }
                    var level = levels - 1
                    while level >= 0 {
                        let lo = levelStart[level], hi = levelStart[level + 1]
                        for k in lo..<hi {
                            let v = Int(order[k])
                            var sum = 0.0
                            for p in off[v]..<off[v + 1] { sum += coefficient[Int(adj[p])] }
                            if v != s { accumulator[v] += weight * sigma[v] * sum }
                            var t = 1.0
                            if restricted {
                                if !mask.isEmpty && !mask[v] { t = 0 }
                                if !group.isEmpty && (group[v] < 0 || group[v] == gs) { t = 0 }
                            }
                            pending[k - lo] = t / sigma[v] + sum
                        }
                        for k in lo..<hi { coefficient[Int(order[k])] = pending[k - lo] }
                        level -= 1
                    }
                    // Reset only what this source touched.
                    for k in 0..<tail {
                        let v = Int(order[k])
                        sigma[v] = 0; dist[v] = -1; coefficient[v] = 0
                    }
                }
            }}}}}}}}
        }
        return SourceBlocks.reduce(partial, blocks: blocks, width: n)
    }

    /// The sources Brandes' loop must search, when every node is a source and every node
    /// a target (plain betweenness).
    struct FoldedSources {
        /// Sources searched, ascending.
        var kept: [Int32]
        /// `1 +` the number of sources folded into each node (empty: none folded).
        var multiplicity: [Double]
        /// For each node `u`, the number of sources folded into `u` that `u` reaches.
        var correction: [Double]
    }

    /// Folding sources with one out-neighbour: the degree-one reduction of Baglioni,
    /// Geraci, Pellegrini & Lastres (2012, "Fast exact computation of betweenness
    /// centrality in social networks", ASONAM 2012) and of Sarıyüce et al. (2013,
    /// "Shattering and compressing networks for betweenness centrality", SDM 2013,
    /// arXiv:1209.6007), restated here for directed graphs.
    ///
    /// Let `s` have exactly one out-neighbour `u` in the simple adjacency, and let `u`
    /// either not reach `s` (they lie in different strong components) or reach it by the
    /// arc `u → s`. Every shortest path from `s` is `s → u` followed by a shortest path
    /// from `u`, and no shortest path from `u` passes *through* `s`, so
    /// `δ_s(v) = δ_u(v)` for every `v ∉ {s, u}` and `δ_s(u)` is the number of nodes `u`
    /// reaches other than `u` and `s`. Such an `s` needs no search of its own when `u`
    /// is searched (so `u` itself must not be folded): `u`'s dependencies are added
    /// `1 + k_u` times, and `u` gets `k_u · reach(u) − a_u`, where `k_u` sources were
    /// folded into it, `a_u` of them reachable from `u`. In the undirected view the
    /// condition holds for every node of degree one. O(n + m) with Tarjan's components.
    func foldedSources(offsets: [Int], adjacency: [Int32], directed: Bool) -> FoldedSources {
        let n = nodeCount
        let component = directed ? tarjanLabels().labels : []
        // target[s] = u when s may be folded into u, else −1.
        var target = [Int32](repeating: -1, count: n)
        var arcBack = [Bool](repeating: false, count: n)
        for s in 0..<n where offsets[s + 1] - offsets[s] == 1 {
            let u = Int(adjacency[offsets[s]])
            // Does u → s exist? (lists are sorted ascending)
            let i = sortedLowerBound(of: Int32(s), in: adjacency, offsets[u]..<offsets[u + 1])
            let back = i < offsets[u + 1] && Int(adjacency[i]) == s
            if back || (directed && component[s] != component[u]) {
                target[s] = Int32(u)
                arcBack[s] = back
            }
        }
        var multiplicity = [Double](repeating: 1, count: n)
        var correction = [Double](repeating: 0, count: n)
        var kept: [Int32] = []
        var folded = 0
        for s in 0..<n {
            let u = Int(target[s])
            if u >= 0 && target[u] < 0 {
                multiplicity[u] += 1
                if arcBack[s] { correction[u] += 1 }
                folded += 1
            } else {
                kept.append(Int32(s))
            }
        }
        if folded == 0 { return FoldedSources(kept: kept, multiplicity: [], correction: []) }
        return FoldedSources(kept: kept, multiplicity: multiplicity, correction: correction)
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
