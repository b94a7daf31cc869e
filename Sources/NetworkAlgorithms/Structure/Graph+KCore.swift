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
        // The neighbour lists the mode peels along, as one or two CSR views: removing v
        // lowers the degree of every node in v's "first" and "second" lists.
        // undirected: the simple view (degree = its list); in: v's heads lose an in-arc;
        // out: v's tails lose an out-arc; all: both.
        let simple = mode == .undirected ? undirectedSimple() : nil
        let inTails = inSources
        let (firstOffsets, firstList): ([Int], [Int32]) = switch mode {
        case .undirected: (simple?.offsets ?? [], simple?.adjacency ?? [])
        case .in, .all: (outOffsets, outTargets)
        case .out: (inOffsets, inTails)
        }
        let (secondOffsets, secondList): ([Int], [Int32]) = mode == .all ? (inOffsets, inTails) : ([], [])
        var degree = [Int](repeating: 0, count: n)
        var bin: [Int] = []
        var vert = [Int32](repeating: 0, count: n)
        var pos = [Int](repeating: 0, count: n)
        firstOffsets.withUnsafeBufferPointer { fo in
        firstList.withUnsafeBufferPointer { fl in
        secondOffsets.withUnsafeBufferPointer { so in
        secondList.withUnsafeBufferPointer { sl in
        outOffsets.withUnsafeBufferPointer { outOff in
        outTargets.withUnsafeBufferPointer { heads in
        inOffsets.withUnsafeBufferPointer { inOff in
        degree.withUnsafeMutableBufferPointer { degree in
        vert.withUnsafeMutableBufferPointer { vert in
        pos.withUnsafeMutableBufferPointer { pos in
            // Degrees without self-loops.
            for v in 0..<n {
                let me = Int32(v)
                switch mode {
                case .undirected:
                    degree[v] = fo[v + 1] - fo[v]
                case .in, .out, .all:
                    // Self-loops: the copies of v in its sorted out-list (binary search);
                    // each is also one copy of v in its in-list.
                    let lo = sortedLowerBound(of: me, in: heads, outOff[v]..<outOff[v + 1])
                    var loops = 0
                    while lo + loops < outOff[v + 1] && heads[lo + loops] == me { loops += 1 }
                    let inDegree = inOff[v + 1] - inOff[v] - loops
                    let outDegree = outOff[v + 1] - outOff[v] - loops
                    degree[v] = mode == .in ? inDegree : mode == .out ? outDegree : inDegree + outDegree
                }
            }
            var maxDegree = 0
            for v in 0..<n where degree[v] > maxDegree { maxDegree = degree[v] }
            // Bucket sort nodes by degree: bin[d] = first position of degree d in `vert`.
            bin = [Int](repeating: 0, count: maxDegree + 2)
            bin.withUnsafeMutableBufferPointer { bin in
                for v in 0..<n { bin[degree[v] + 1] += 1 }
                for d in 0...maxDegree { bin[d + 1] += bin[d] }
                for v in 0..<n {
                    let d = degree[v]
                    pos[v] = bin[d]
                    vert[bin[d]] = Int32(v)
                    bin[d] += 1
                }
                for d in stride(from: maxDegree, to: 0, by: -1) { bin[d] = bin[d - 1] }
                bin[0] = 0
                // Peel: when v is removed, each neighbour w whose degree counts the link
                // to v and exceeds v's drops one bucket.
                @inline(__always) func lower(_ w: Int, below dv: Int) {
                    let dw = degree[w]
                    guard dw > dv else { return }
                    let pw = pos[w], start = bin[dw], u = Int(vert[start])
                    if u != w {
                        pos[u] = pw; vert[pw] = Int32(u)
                        pos[w] = start; vert[start] = Int32(w)
                    }
                    bin[dw] += 1
                    degree[w] = dw - 1
                }
                for i in 0..<n {
                    let v = Int(vert[i])
                    let me = Int32(v)
                    let dv = degree[v]
                    for p in fo[v]..<fo[v + 1] where fl[p] != me { lower(Int(fl[p]), below: dv) }
                    if mode == .all {
                        for p in so[v]..<so[v + 1] where sl[p] != me { lower(Int(sl[p]), below: dv) }
                    }
                }
            }
        }}}}}}}}}}
        return degree
    }
}
