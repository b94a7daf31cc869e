import NetworkCore

/// Which way shortest paths are followed by distance-based centralities.
public enum PathDirection: String, Sendable, Codable, CaseIterable {
    /// Distances *to* the node from the others (along arcs into it). NetworkX's
    /// convention for closeness and harmonic centrality on directed graphs: in a
    /// citation network, how directly a work is reached by the works citing it.
    case incoming
    /// Distances *from* the node to the others (along its out-arcs).
    case outgoing
    /// Distances in the undirected simple view.
    case undirected
}

extension Graph {
    /// Closeness centrality (Bavelas 1950, doi:10.1121/1.1906679; Freeman 1978,
    /// doi:10.1016/0378-8733(78)90021-7) with the Wasserman–Faust correction for graphs
    /// that are not strongly connected (Wasserman & Faust 1994, p. 201):
    /// `C(u) = ((r − 1) / Σ_v d(v, u)) · ((r − 1) / (n − 1))`, where the sum runs over the `r − 1`
    /// nodes that reach `u` (for `.incoming`), and 0 when none does. With
    /// `wassermanFaust: false` the second factor is dropped. Matches NetworkX's
    /// `closeness_centrality` (incoming distances, `wf_improved=True`).
    ///
    /// Unweighted (each arc length 1). Complexity O(n·(n + m)) time, O(n) memory per
    /// block; parallel over nodes in fixed blocks, each value computed independently,
    /// so the result is deterministic.
    public func closeness(direction: PathDirection = .incoming, wassermanFaust: Bool = true) -> [Double] {
        let n = nodeCount
        let (off, adj) = distanceAdjacency(direction)
        return SourceBlocks.map(sources: n) { sources, out in
            var dist = [Int32](repeating: -1, count: n)
            var queue = [Int32](repeating: 0, count: n)
            for s in sources {
                let (reached, total, _) = Self.bfs(from: s, offsets: off, adjacency: adj, dist: &dist, queue: &queue)
                var c = 0.0
                if total > 0 && n > 1 {
                    c = Double(reached - 1) / Double(total)
                    if wassermanFaust { c *= Double(reached - 1) / Double(n - 1) }
                }
                out[s - sources.lowerBound] = c
            }
        }
    }

    /// Harmonic centrality (Marchiori & Latora 2000, doi:10.1016/S0378-4371(00)00311-3;
    /// Boldi & Vigna 2014, doi:10.1080/15427951.2013.865686): `H(u) = Σ_{v ≠ u} 1 / d(v, u)`
    /// (for `.incoming`; unreachable pairs add 0). Not normalised, as NetworkX's
    /// `harmonic_centrality`.
    ///
    /// Unweighted. Complexity O(n·(n + m)); parallel over nodes in fixed blocks;
    /// deterministic (each node's sum runs in BFS order).
    public func harmonicCentrality(direction: PathDirection = .incoming) -> [Double] {
        let n = nodeCount
        let (off, adj) = distanceAdjacency(direction)
        return SourceBlocks.map(sources: n) { sources, out in
            var dist = [Int32](repeating: -1, count: n)
            var queue = [Int32](repeating: 0, count: n)
            for s in sources {
                let (_, _, harmonic) = Self.bfs(from: s, offsets: off, adjacency: adj, dist: &dist, queue: &queue)
                out[s - sources.lowerBound] = harmonic
            }
        }
    }

    /// The adjacency to walk: in-lists for incoming distances, out-lists for outgoing,
    /// the simple view for undirected.
    func distanceAdjacency(_ direction: PathDirection) -> ([Int], [Int32]) {
        switch direction {
        case .incoming: return (inOffsets, inSources)
        case .outgoing: return (outOffsets, outTargets)
        case .undirected:
            let u = undirectedSimple()
            return (u.offsets, u.adjacency)
        }
    }

    /// BFS from `s`: (nodes reached including `s`, sum of distances, sum of 1/distance).
    /// Leaves `dist` all −1 again.
    static func bfs(from s: Int, offsets: [Int], adjacency: [Int32], dist: inout [Int32],
                    queue: inout [Int32]) -> (Int, Int, Double) {
        var total = 0
        var harmonic = 0.0
        var tail = 1
        offsets.withUnsafeBufferPointer { off in
        adjacency.withUnsafeBufferPointer { adj in
        dist.withUnsafeMutableBufferPointer { dist in
        queue.withUnsafeMutableBufferPointer { queue in
            dist[s] = 0
            queue[0] = Int32(s)
            var head = 0
            while head < tail {
                let v = Int(queue[head]); head += 1
                let dv = dist[v]
                if dv > 0 {
                    total += Int(dv)
                    harmonic += 1 / Double(dv)
                }
                for p in off[v]..<off[v + 1] {
                    let w = Int(adj[p])
                    if dist[w] < 0 {
                        dist[w] = dv + 1
                        queue[tail] = Int32(w); tail += 1
                    }
                }
            }
            for k in 0..<tail { dist[Int(queue[k])] = -1 }
        }}}}
        return (tail, total, harmonic)
    }
}
