/// Builds a ``Graph`` from arcs given by external id or by node index.
///
/// Ids are interned through a hash map in first-seen order, so node indices follow the
/// order in which ids first appear (nodes declared with ``addNode(_:)`` first, in the
/// order declared). Arcs are buffered as `(tail, head)` pairs and turned into CSR by a
/// counting sort in ``build()``.
///
/// Duplicate arcs (the same ordered pair more than once) and self-loops are always
/// counted; ``DuplicatePolicy`` and ``SelfLoopPolicy`` say whether they are kept.
///
/// Time: O(1) expected per arc added; ``build()`` O(n + m log d) where d is the largest
/// out-degree (each out-list is sorted). Memory: 8m bytes of buffered pairs, plus the
/// result.
public struct GraphBuilder: Sendable {
    /// What to do with a second arc between the same ordered pair.
    public enum DuplicatePolicy: String, Sendable, CaseIterable {
        /// Keep every copy as its own arc (a multigraph).
        case keep
        /// Keep the first copy only (weights of later copies are discarded).
        case drop
        /// Keep one arc whose weight is the sum of the copies' weights (1 each when unweighted).
        case sum
    }

    /// What to do with an arc from a node to itself.
    public enum SelfLoopPolicy: String, Sendable, CaseIterable {
        case keep
        case drop
    }

    public var duplicates: DuplicatePolicy
    public var selfLoops: SelfLoopPolicy

    private(set) public var ids: [String] = []
    private var index: [String: Int32] = [:]
    private var tails: [Int32] = []
    private var heads: [Int32] = []
    private var arcWeights: [Double] = []
    private var weighted = false

    public init(duplicates: DuplicatePolicy = .keep, selfLoops: SelfLoopPolicy = .keep) {
        self.duplicates = duplicates
        self.selfLoops = selfLoops
    }

    /// Number of nodes interned so far. O(1).
    public var nodeCount: Int { ids.count }
    /// Number of arcs added so far (before policies apply). O(1).
    public var pendingArcCount: Int { tails.count }

    /// Reserves room for `arcs` arcs. O(1) amortised.
    public mutating func reserveArcs(_ arcs: Int) {
        tails.reserveCapacity(arcs)
        heads.reserveCapacity(arcs)
    }

    /// Interns `id`, returning its node index (existing or new). O(1) expected.
    @discardableResult
    public mutating func addNode(_ id: String) -> Int32 {
        if let v = index[id] { return v }
        let v = Int32(ids.count)
        ids.append(id)
        index[id] = v
        return v
    }

    /// Whether `id` has been interned. O(1) expected.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// Adds the arc `from → to` (interning both ids). Returns the insertion number of the
    /// arc (0-based, counting every call), which ``GraphBuildResult/insertionOfArc``
    /// maps back from final arc indices. O(1) expected.
    @discardableResult
    public mutating func addArc(from: String, to: String, weight: Double? = nil) -> Int {
        let u = addNode(from)
        let v = addNode(to)
        return addArc(from: u, to: v, weight: weight)
    }

    /// Adds the arc `u → v` between already-interned nodes. O(1) amortised.
    /// - Precondition: `u` and `v` are indices returned by ``addNode(_:)``.
    @discardableResult
    public mutating func addArc(from u: Int32, to v: Int32, weight: Double? = nil) -> Int {
        precondition(Int(u) < ids.count && Int(v) < ids.count && u >= 0 && v >= 0, "node index out of range")
        if let weight {
            if !weighted {
                weighted = true
                arcWeights = [Double](repeating: 1, count: tails.count)
            }
            arcWeights.append(weight)
        } else if weighted {
            arcWeights.append(1)
        }
        tails.append(u)
        heads.append(v)
        return tails.count - 1
    }

    /// Builds the CSR graph, applying the duplicate and self-loop policies.
    ///
    /// Deterministic: the result depends only on the sequence of calls. O(n + m log d).
    public func build() -> GraphBuildResult {
        let n = ids.count
        let m = tails.count
        // Counting sort of arcs by tail (stable: insertion order within a tail).
        var counts = [Int](repeating: 0, count: n + 1)
        for u in tails { counts[Int(u) + 1] += 1 }
        for v in 0..<n { counts[v + 1] += counts[v] }
        var order = [Int32](repeating: 0, count: m)
        var cursor = counts
        for i in 0..<m {
            let u = Int(tails[i])
            order[cursor[u]] = Int32(i)
            cursor[u] += 1
        }
        // Sort each out-list by head (stable on insertion order), then apply policies.
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var outTargets: [Int32] = []
        outTargets.reserveCapacity(m)
        // Weights are tracked when given, or when summing may create them.
        let trackWeights = weighted || duplicates == .sum
        var outWeights: [Double] = []
        if trackWeights { outWeights.reserveCapacity(m) }
        var insertion: [Int32] = []
        insertion.reserveCapacity(m)
        var selfLoopCount = 0
        var duplicateCount = 0
        var keptSelfLoops = 0
        for u in 0..<n {
            let lo = counts[u], hi = counts[u + 1]
            if hi - lo > 1 {
                order[lo..<hi].sort { a, b in
                    let ha = heads[Int(a)], hb = heads[Int(b)]
                    return ha != hb ? ha < hb : a < b
                }
            }
            var previousHead: Int32 = -1
            for k in lo..<hi {
                let i = Int(order[k])
                let v = heads[i]
                let w = weighted ? arcWeights[i] : 1
                if v == Int32(u) {
                    selfLoopCount += 1
                    if selfLoops == .drop { continue }
                }
                if v == previousHead {
                    duplicateCount += 1
                    switch duplicates {
                    case .keep: break
                    case .drop: continue
                    case .sum:
                        outWeights[outWeights.count - 1] += w
                        continue
                    }
                }
                previousHead = v
                if v == Int32(u) { keptSelfLoops += 1 }
                outTargets.append(v)
                if trackWeights { outWeights.append(w) }
                insertion.append(Int32(i))
            }
            outOffsets[u + 1] = outTargets.count
        }
        // A summed multigraph is weighted by multiplicity even when the input was not.
        let finalWeights: [Double]? =
            weighted || (duplicates == .sum && duplicateCount > 0) ? outWeights : nil
        let kept = outTargets.count
        // In-CSR by counting sort on heads; iterating arcs in order keeps tails ascending.
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for v in outTargets { inOffsets[Int(v) + 1] += 1 }
        for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
        var inSources = [Int32](repeating: 0, count: kept)
        var inArcs = [Int32](repeating: 0, count: kept)
        var fill = inOffsets
        for u in 0..<n {
            for a in outOffsets[u]..<outOffsets[u + 1] {
                let v = Int(outTargets[a])
                inSources[fill[v]] = Int32(u)
                inArcs[fill[v]] = Int32(a)
                fill[v] += 1
            }
        }
        let graph = Graph(
            ids: ids, outOffsets: outOffsets, outTargets: outTargets,
            inOffsets: inOffsets, inSources: inSources, inArcs: inArcs,
            weights: finalWeights, indexByID: index)
        return GraphBuildResult(
            graph: graph, selfLoops: selfLoopCount, duplicateArcs: duplicateCount,
            keptSelfLoops: keptSelfLoops, droppedArcs: m - kept, insertionOfArc: insertion)
    }
}

/// What ``GraphBuilder/build()`` produced and what it saw on the way.
public struct GraphBuildResult: Sendable {
    /// The graph.
    public let graph: Graph
    /// Self-loops seen in the input (kept or not).
    public let selfLoops: Int
    /// Arcs that repeated an earlier arc between the same ordered pair (kept or not).
    public let duplicateArcs: Int
    /// Self-loops present in the graph.
    public let keptSelfLoops: Int
    /// Input arcs not present as their own arc in the graph (dropped or summed).
    public let droppedArcs: Int
    /// For each arc index of the graph, the insertion number of the input arc it came
    /// from (for provenance). For summed duplicates, the first copy.
    public let insertionOfArc: [Int32]
}
