import NetworkCore

/// A pair of works from different groups that share concepts but are not linked by
/// citations within two steps — a bridge the literatures could have built and did not.
public struct MissedBridge: Sendable, Equatable, Codable {
    /// The work with the smaller node index.
    public let first: Int32
    /// The work with the larger node index.
    public let second: Int32
    /// Group index (in the partition) of `first` and of `second`.
    public let firstGroup: Int32
    /// Group index of `second`.
    public let secondGroup: Int32
    /// The concepts both works use, ascending.
    public let sharedConcepts: [Int32]
    /// In-degree of `first` plus in-degree of `second` in the citation graph (every arc
    /// counts, as in ``NetworkCore/Graph/inDegree(_:)``).
    public let combinedInDegree: Int

    /// Number of shared concepts. O(1).
    public var sharedCount: Int { sharedConcepts.count }
}

/// Finder of missed bridges (issue 6 §1).
public enum MissedBridges {
    /// Pairs of works in different groups that use at least one common concept but are
    /// more than two steps apart in the citation graph taken as undirected: not adjacent
    /// (no citation either way) and with no common neighbour (no work that cites or is
    /// cited by both). Ranked by number of shared concepts (descending), then combined
    /// in-degree (descending: the more visible the two works, the more striking the
    /// gap), then `first`, then `second` (ascending); the first `limit` are returned.
    ///
    /// The idea is the structural-hole reading of a concept layer: works that draw on the
    /// same ideas from different literatures, with no citation path of length ≤ 2
    /// between them, mark a non-redundant contact that nobody made (Burt 2004, "Structural
    /// holes and good ideas", American Journal of Sociology 110:349–399,
    /// doi:10.1086/421787). Self-loops and duplicate arcs do not matter (undirected simple
    /// view); duplicate `(work, concept)` pairs count once. Works left out by `missing`
    /// never appear; under `.include` the "(missing)" group is a group like any other.
    ///
    /// Complexity: O(u log u) to group the `u` uses by concept, O(Σ_c k_c²) for the
    /// candidate pairs (`k_c` = works using concept `c`; quadratic in the size of a very
    /// common concept), O(d_a + d_b) per candidate pair for the two-step test (merge of
    /// sorted neighbour lists), O(P log P) to rank the `P` missed pairs. Memory O(P + n + m).
    /// Deterministic (total order on the ranking keys).
    /// - Throws: ``NetworkCore/InputError`` (field `work`) when a use names a work outside
    ///   `0..<citations.nodeCount`; the line is the 1-based position in `uses`.
    /// - Precondition: `partition.nodeCount == citations.nodeCount`, `limit >= 0`.
    public static func find(citations: Graph, uses: [(work: Int32, concept: Int32)], partition: Partition,
                            limit: Int, missing: MissingGroupPolicy = .include) throws(InputError) -> [MissedBridge] {
        precondition(partition.nodeCount == citations.nodeCount, "partition must cover every node")
        precondition(limit >= 0, "limit must be non-negative")
        let n = citations.nodeCount
        let groups = EffectiveGroups(partition, missing: missing)
        var keys: [UInt64] = []
        keys.reserveCapacity(uses.count)
        for (i, use) in uses.enumerated() {
            guard use.work >= 0, Int(use.work) < n else {
                throw InputError(file: "(concept uses)", line: i + 1, field: "work",
                                 message: "work index \(use.work) is not a node of the citation graph (0..<\(n))")
            }
            if groups.groupOf[Int(use.work)] < 0 { continue }
            // Concept in the high half (offset so negative ids sort correctly), work low.
            keys.append(UInt64(UInt32(bitPattern: use.concept) ^ 0x8000_0000) << 32 | UInt64(UInt32(use.work)))
        }
        keys.sort()
        // Candidate pairs → shared concepts (appended in ascending concept order).
        var shared: [UInt64: [Int32]] = [:]
        var start = 0
        var works: [Int32] = []
        while start < keys.count {
            let concept = keys[start] >> 32
            var end = start
            works.removeAll(keepingCapacity: true)
            while end < keys.count && keys[end] >> 32 == concept {
                let w = Int32(truncatingIfNeeded: keys[end] & 0xFFFF_FFFF)
                if works.last != w { works.append(w) }
                end += 1
            }
            let conceptID = Int32(bitPattern: UInt32(truncatingIfNeeded: concept) ^ 0x8000_0000)
            for x in 0..<works.count {
                for y in (x + 1)..<max(x + 1, works.count)
                where groups.groupOf[Int(works[x])] != groups.groupOf[Int(works[y])] {
                    shared[Graph.arcKey(works[x], works[y]), default: []].append(conceptID)
                }
            }
            start = end
        }
        let view = citations.undirectedSimple()
        var bridges: [MissedBridge] = []
        for (key, concepts) in shared {
            let a = Int32(truncatingIfNeeded: key >> 32), b = Int32(truncatingIfNeeded: key & 0xFFFF_FFFF)
            if withinTwoSteps(view, a, b) { continue }
            bridges.append(MissedBridge(
                first: a, second: b, firstGroup: partition.groupOf[Int(a)], secondGroup: partition.groupOf[Int(b)],
                sharedConcepts: concepts, combinedInDegree: citations.inDegree(a) + citations.inDegree(b)))
        }
        bridges.sort { x, y in
            if x.sharedCount != y.sharedCount { return x.sharedCount > y.sharedCount }
            if x.combinedInDegree != y.combinedInDegree { return x.combinedInDegree > y.combinedInDegree }
            if x.first != y.first { return x.first < y.first }
            return x.second < y.second
        }
        return Array(bridges.prefix(limit))
    }

    /// Whether `a` and `b` are adjacent or share a neighbour in the undirected simple
    /// view (sorted neighbour lists: one merge). O(d_a + d_b).
    static func withinTwoSteps(_ view: UndirectedGraph, _ a: Int32, _ b: Int32) -> Bool {
        let na = view.neighbors(of: a), nb = view.neighbors(of: b)
        var i = na.startIndex, j = nb.startIndex
        while i < na.endIndex && j < nb.endIndex {
            let x = na[i], y = nb[j]
            if x == b || y == a { return true }
            if x == y { return true }
            if x < y { i += 1 } else { j += 1 }
        }
        // The merge may stop before seeing `b` in a's list (or `a` in b's).
        while i < na.endIndex { if na[i] == b { return true }; i += 1 }
        while j < nb.endIndex { if nb[j] == a { return true }; j += 1 }
        return false
    }
}
