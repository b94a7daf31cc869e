/// An immutable directed graph in compressed sparse row (CSR) form.
///
/// Nodes are dense indices `0..<nodeCount` stored as `Int32`; each node also has an
/// external id (`ids[v]`). Arcs are numbered `0..<arcCount` in out-CSR order: the
/// out-arcs of node `v` are the arc indices `outOffsets[v]..<outOffsets[v+1]`, their
/// heads `outTargets[a]`. The in-CSR lists, for each node, the arcs that enter it:
/// positions `inOffsets[v]..<inOffsets[v+1]` hold the tail `inSources[p]` and the arc
/// index `inArcs[p]`, so per-arc values (weights, path counts) are shared by both views.
///
/// Within each node's out-list the heads are sorted ascending; within each in-list the
/// tails are sorted ascending. This makes every traversal order, and hence every
/// algorithm built on it, deterministic.
///
/// An arc `A → B` means *A cites B* (ARCHITECTURE.md §2). Knowledge flows the other way.
///
/// Memory: `8(n+1)` bytes per offset array, `4m` per index array, `8m` for optional
/// weights; built in O(n + m log d) by ``GraphBuilder``.
public struct Graph: Sendable {
    /// External id of every node, indexed by node.
    public let ids: [String]
    /// `outOffsets[v]..<outOffsets[v+1]` are the out-arcs of `v`. Count `nodeCount + 1`.
    public let outOffsets: [Int]
    /// Head of each arc, in arc order. Count `arcCount`.
    public let outTargets: [Int32]
    /// `inOffsets[v]..<inOffsets[v+1]` are the in-positions of `v`. Count `nodeCount + 1`.
    public let inOffsets: [Int]
    /// Tail of each in-position. Count `arcCount`.
    public let inSources: [Int32]
    /// Arc index of each in-position. Count `arcCount`.
    public let inArcs: [Int32]
    /// Optional weight of each arc, in arc order.
    public let weights: [Double]?
    /// External id → node index.
    public let indexByID: [String: Int32]

    /// Creates a graph from already-built CSR arrays. Prefer ``GraphBuilder``.
    ///
    /// - Precondition (checked in debug builds): the arrays form a valid CSR as
    ///   described on the type.
    public init(
        ids: [String], outOffsets: [Int], outTargets: [Int32],
        inOffsets: [Int], inSources: [Int32], inArcs: [Int32],
        weights: [Double]?, indexByID: [String: Int32]
    ) {
        self.ids = ids
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inArcs = inArcs
        self.weights = weights
        self.indexByID = indexByID
        #if DEBUG
        checkInvariants()
        #endif
    }

    /// Number of nodes. O(1).
    @inlinable public var nodeCount: Int { ids.count }
    /// Number of arcs (including kept self-loops and duplicates). O(1).
    @inlinable public var arcCount: Int { outTargets.count }
    /// Whether the graph carries arc weights. O(1).
    @inlinable public var isWeighted: Bool { weights != nil }

    /// Out-degree (number of references) of `v`. O(1).
    @inlinable public func outDegree(_ v: Int32) -> Int {
        outOffsets[Int(v) + 1] - outOffsets[Int(v)]
    }

    /// In-degree (times cited) of `v`. O(1).
    @inlinable public func inDegree(_ v: Int32) -> Int {
        inOffsets[Int(v) + 1] - inOffsets[Int(v)]
    }

    /// Heads of the out-arcs of `v`, ascending. O(1) (a slice, no copy).
    @inlinable public func successors(of v: Int32) -> ArraySlice<Int32> {
        outTargets[outOffsets[Int(v)]..<outOffsets[Int(v) + 1]]
    }

    /// Tails of the in-arcs of `v`, ascending. O(1) (a slice, no copy).
    @inlinable public func predecessors(of v: Int32) -> ArraySlice<Int32> {
        inSources[inOffsets[Int(v)]..<inOffsets[Int(v) + 1]]
    }

    /// The arc indices leaving `v`. O(1).
    @inlinable public func outArcs(of v: Int32) -> Range<Int> {
        outOffsets[Int(v)]..<outOffsets[Int(v) + 1]
    }

    /// Tail of arc `a`, found by binary search over the offsets. O(log n).
    public func tail(ofArc a: Int) -> Int32 {
        var lo = 0, hi = nodeCount  // find largest v with outOffsets[v] <= a
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if outOffsets[mid] <= a { lo = mid } else { hi = mid }
        }
        return Int32(lo)
    }

    /// Tail of every arc, in arc order. O(n + m) time, 4m bytes.
    public func arcTails() -> [Int32] {
        var tails = [Int32](repeating: 0, count: arcCount)
        for v in 0..<nodeCount {
            for a in outOffsets[v]..<outOffsets[v + 1] { tails[a] = Int32(v) }
        }
        return tails
    }

    /// Node index of an external id. O(1) expected.
    @inlinable public func index(of id: String) -> Int32? { indexByID[id] }

    /// Weight of arc `a` (1 when the graph is unweighted). O(1).
    @inlinable public func weight(ofArc a: Int) -> Double { weights?[a] ?? 1 }

    /// The same nodes with every arc reversed (`A → B` becomes `B → A`), weights kept.
    ///
    /// Arc `a` of the result is not arc `a` of `self`; lineage code that needs the
    /// correspondence uses the in-CSR of `self` directly. O(n + m).
    public func reversed() -> Graph {
        // The in-CSR of self is exactly the out-CSR of the reverse, tails sorted ascending.
        let newWeights = weights.map { w in inArcs.map { w[Int($0)] } }
        // The in-CSR of the reverse is the out-CSR of self: the in-list of u in the
        // reverse holds the heads v of self's arcs u → v. In-position a of the reverse
        // is self's arc a, which is reverse arc p where inArcs[p] == a.
        var inArcsOfReverse = [Int32](repeating: 0, count: arcCount)
        for p in 0..<arcCount { inArcsOfReverse[Int(inArcs[p])] = Int32(p) }
        return Graph(
            ids: ids, outOffsets: inOffsets, outTargets: inSources,
            inOffsets: outOffsets, inSources: outTargets, inArcs: inArcsOfReverse,
            weights: newWeights, indexByID: indexByID)
    }

    /// Checks the CSR invariants. O(n + m). Called from `init` in debug builds.
    public func checkInvariants() {
        let n = nodeCount, m = arcCount
        precondition(outOffsets.count == n + 1 && inOffsets.count == n + 1, "offset arrays must have n+1 entries")
        precondition(outOffsets.first == 0 && outOffsets.last == m, "out offsets must span 0...m")
        precondition(inOffsets.first == 0 && inOffsets.last == m, "in offsets must span 0...m")
        precondition(inSources.count == m && inArcs.count == m, "in arrays must have m entries")
        if let weights { precondition(weights.count == m, "weights must have m entries") }
        precondition(indexByID.count == n, "ids must be unique")
        for v in 0..<n {
            precondition(outOffsets[v] <= outOffsets[v + 1] && inOffsets[v] <= inOffsets[v + 1], "offsets must be monotone")
            var previous: Int32 = -1
            for a in outOffsets[v]..<outOffsets[v + 1] {
                let t = outTargets[a]
                precondition(t >= 0 && Int(t) < n, "arc head out of range")
                precondition(t >= previous, "out-lists must be sorted")
                previous = t
            }
            previous = -1
            for p in inOffsets[v]..<inOffsets[v + 1] {
                let s = inSources[p], a = Int(inArcs[p])
                precondition(s >= previous, "in-lists must be sorted")
                previous = s
                precondition(a >= outOffsets[Int(s)] && a < outOffsets[Int(s) + 1], "in-arc must leave its tail")
                precondition(Int(outTargets[a]) == v, "in-arc must enter its node")
            }
        }
    }
}
