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
        guard n > 0 else { return [] }
        // Simple adjacency: directed out-lists without loops/duplicates, or the
        // undirected simple view.
        let (offsets, adjacency) = directed ? simpleOutAdjacency() : {
            let u = undirectedSimple()
            return (u.offsets, u.adjacency)
        }()
        let (blocks, partial) = SourceBlocks.run(sources: n, width: n) { _, sources, accumulator in
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
                for s in sources {
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
                    // δ(v) = Σ_{w : d(w) = d(v)+1, v→w} σ(v)/σ(w) · (1 + δ(w)).
                    var i = tail - 1
                    while i >= 0 {
                        let v = Int(order[i])
                        let dv = dist[v]
                        var sum = 0.0
                        for p in off[v]..<off[v + 1] {
                            let w = Int(adj[p])
                            if dist[w] == dv + 1 { sum += sigma[v] / sigma[w] * (1 + delta[w]) }
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
        var result = SourceBlocks.reduce(partial, blocks: blocks, width: n)
        // Brandes' raw sum counts ordered pairs; an undirected pair is counted twice.
        // NetworkX: normalised → 1/((n−1)(n−2)) for both (which for undirected equals
        // pairs · 2/((n−1)(n−2))); not normalised → ½ for undirected.
        var scale = directed ? 1.0 : 0.5
        if normalized && n > 2 { scale = 1 / (Double(n - 1) * Double(n - 2)) }
        if scale != 1 { for v in 0..<n { result[v] *= scale } }
        return result
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
