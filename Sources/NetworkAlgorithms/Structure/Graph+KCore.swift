import NetworkCore

/// Which degree defines the cores of ``NetworkCore/Graph/coreNumbers(_:)``.
public enum CoreMode: String, Sendable, Codable, CaseIterable {
    /// Degree in the undirected simple view (each linked pair once).
    case undirected
    /// In-degree (arcs entering the node; duplicates count).
    case `in`
    /// Out-degree (arcs leaving the node; duplicates count).
    case out
    /// In-degree plus out-degree (NetworkX's `core_number` on a `DiGraph`, igraph's
    /// `coreness(mode="all")`).
    case all
}

extension Graph {
    /// Core number of every node: the largest `k` such that the node belongs to a
    /// subgraph in which every node has degree ≥ `k` (Seidman 1983,
    /// doi:10.1016/0378-8733(83)90028-X), computed by the bucket algorithm of Batagelj &
    /// Zaversnik ("An O(m) algorithm for cores decomposition of networks", 2003,
    /// doi:10.48550/arXiv.cs/0310049).
    ///
    /// The degree is chosen by `mode`. Self-loops are ignored in every mode (NetworkX
    /// refuses graphs with them); in the directed modes duplicate arcs count once per
    /// copy. Complexity O(n + m) time, 4 arrays of n words. Deterministic (the result is
    /// unique; the peeling order is by bucket, then node index).
    public func coreNumbers(_ mode: CoreMode = .undirected) -> [Int] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let simple = mode == .undirected ? undirectedSimple() : nil
        var degree = [Int](repeating: 0, count: n)
        for v in 0..<n {
            let me = Int32(v)
            switch mode {
            case .undirected: degree[v] = simple?.degree(me) ?? 0
            case .in: degree[v] = predecessors(of: me).filter { $0 != me }.count
            case .out: degree[v] = successors(of: me).filter { $0 != me }.count
            case .all:
                degree[v] = predecessors(of: me).filter { $0 != me }.count + successors(of: me).filter { $0 != me }.count
            }
        }
        let maxDegree = degree.max() ?? 0
        // Bucket sort nodes by degree: bin[d] = first position of degree d in `vert`.
        var bin = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { bin[d + 1] += 1 }
        for d in 0...maxDegree { bin[d + 1] += bin[d] }
        var vert = [Int32](repeating: 0, count: n)
        var pos = [Int](repeating: 0, count: n)
        var fill = bin
        for v in 0..<n {
            pos[v] = fill[degree[v]]
            vert[pos[v]] = Int32(v)
            fill[degree[v]] += 1
        }
        // Peel: when v is removed, each neighbour w whose degree counts the link to v and
        // exceeds v's drops one bucket.
        func lower(_ w: Int, below v: Int) {
            let dw = degree[w]
            guard dw > degree[v] else { return }
            let pw = pos[w], start = bin[dw], u = Int(vert[start])
            if u != w {
                pos[u] = pw; vert[pw] = Int32(u)
                pos[w] = start; vert[start] = Int32(w)
            }
            bin[dw] += 1
            degree[w] -= 1
        }
        for i in 0..<n {
            let v = Int(vert[i])
            let me = Int32(v)
            switch mode {
            case .undirected:
                if let simple { for w in simple.neighbors(of: me) { lower(Int(w), below: v) } }
            case .in:
                // v's in-degree no longer matters; the nodes v points to lose an in-arc.
                for w in successors(of: me) where w != me { lower(Int(w), below: v) }
            case .out:
                for w in predecessors(of: me) where w != me { lower(Int(w), below: v) }
            case .all:
                for w in successors(of: me) where w != me { lower(Int(w), below: v) }
                for w in predecessors(of: me) where w != me { lower(Int(w), below: v) }
            }
        }
        return degree
    }
}
