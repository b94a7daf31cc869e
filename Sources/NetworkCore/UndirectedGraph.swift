/// The undirected simple view of a ``Graph``: each linked pair of distinct nodes once,
/// whatever the direction or multiplicity of the arcs between them; self-loops left out.
///
/// Stored as a symmetric CSR: `neighbors(of: v)` lists every node adjacent to `v`,
/// ascending, each once. ``edgeCount`` counts each pair once.
///
/// This is the view on which edge homophily and the E-I index are published (ARCHITECTURE.md §6).
public struct UndirectedGraph: Sendable {
    /// Number of nodes (same indices as the source graph).
    public let nodeCount: Int
    /// `offsets[v]..<offsets[v+1]` index the neighbours of `v`. Count `nodeCount + 1`.
    public let offsets: [Int]
    /// Neighbours, ascending within each node. Count `2 * edgeCount`.
    public let adjacency: [Int32]

    /// Number of undirected edges (linked pairs). O(1).
    public var edgeCount: Int { adjacency.count / 2 }

    /// Neighbours of `v`, ascending, each once. O(1).
    @inlinable public func neighbors(of v: Int32) -> ArraySlice<Int32> {
        adjacency[offsets[Int(v)]..<offsets[Int(v) + 1]]
    }

    /// Degree of `v` in the simple view. O(1).
    @inlinable public func degree(_ v: Int32) -> Int { offsets[Int(v) + 1] - offsets[Int(v)] }

    /// Calls `body(u, v)` once per edge with `u < v`, in ascending order of `(u, v)`. O(n + m).
    public func forEachEdge(_ body: (Int32, Int32) throws -> Void) rethrows {
        for u in 0..<nodeCount {
            for p in offsets[u]..<offsets[u + 1] where adjacency[p] > Int32(u) {
                try body(Int32(u), adjacency[p])
            }
        }
    }

    init(nodeCount: Int, offsets: [Int], adjacency: [Int32]) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.adjacency = adjacency
    }
}

extension Graph {
    /// The undirected simple view (see ``UndirectedGraph``).
    ///
    /// Merges each node's sorted out- and in-lists, dropping self and repeats.
    /// Time O(n + m), memory 4·(out+in) entries at most. Deterministic.
    public func undirectedSimple() -> UndirectedGraph {
        let n = nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var adjacency: [Int32] = []
        adjacency.reserveCapacity(2 * arcCount)
        for v in 0..<n {
            let me = Int32(v)
            var i = outOffsets[v]
            let iEnd = outOffsets[v + 1]
            var j = inOffsets[v]
            let jEnd = inOffsets[v + 1]
            var last: Int32 = -1
            while i < iEnd || j < jEnd {
                let next: Int32
                if j >= jEnd || (i < iEnd && outTargets[i] <= inSources[j]) {
                    next = outTargets[i]; i += 1
                } else {
                    next = inSources[j]; j += 1
                }
                if next != me && next != last {
                    adjacency.append(next)
                    last = next
                }
            }
            offsets[v + 1] = adjacency.count
        }
        return UndirectedGraph(nodeCount: n, offsets: offsets, adjacency: adjacency)
    }
}
