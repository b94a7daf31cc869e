import NetworkCore

/// How ``NetworkCore/Graph/siloTrajectory(by:years:windows:missing:nullSamples:seed:)``
/// cuts time into windows. Windows run from the earliest to the latest year of a dated
/// citing work that has at least one out-arc kept by the missing-group policy; empty
/// windows are kept (arcs 0, ratios `nil`) so a trajectory shows its gaps.
public enum TimeWindows: Sendable, Equatable {
    /// One window per calendar year.
    case years
    /// Windows `[s, s + width − 1]` for `s = first, first + step, …` while `s ≤ last`.
    case sliding(width: Int, step: Int)
}

/// The silo statistics of one time window: the subgraph of the arcs whose citing work's
/// year lies in `start...end`.
public struct WindowStatistics: Sendable, Equatable {
    /// First year of the window (inclusive).
    public let start: Int
    /// Last year of the window (inclusive).
    public let end: Int
    /// Arcs in the window (duplicates and self-loops included, as in the mixing matrix).
    public let arcs: Int
    /// Directed mixing counts of the window's arcs (rows citing, columns cited).
    public let mixing: MixingMatrix
    /// Undirected simple edges of the window's subgraph (both ends kept).
    public let edges: Int
    /// Of which within one group.
    public let internalEdges: Int
    /// Edge homophily `internalEdges / edges`; `nil` without edges.
    public let edgeHomophily: Double?
    /// Network E-I index `(E − I) / (E + I)`; `nil` without edges.
    public let eiIndex: Double?
    /// Label-permutation null for the window (labels shuffled over the works that appear
    /// in the window); `nil` unless samples were asked for and the window has arcs.
    public let null: NullModelResult?
}

extension Graph {
    /// The silo trajectory (issue 6 §3): mixing counts, edge homophily and the E-I index
    /// per time window, on the subgraph of the arcs whose CITING work falls in the window
    /// (a citation belongs to the year it was made).
    ///
    /// The statistics of a window are exactly those of ``mixingMatrix(by:missing:)``,
    /// ``homophily(by:missing:)`` and ``eiIndex(by:missing:)`` on a graph holding only the
    /// window's arcs (undirected simple view for homophily and E-I: a pair linked both
    /// ways within the window counts once): edge homophily is the share of the window's
    /// linked pairs {u, v}, u ≠ v, whose two works share a group (Zhu et al. 2020,
    /// doi:10.48550/arXiv.2006.11468), and the E-I index is `(E − I) / (E + I)` over those
    /// pairs (Krackhardt & Stern 1988, doi:10.2307/2786835). Arcs whose citing work has no
    /// year (`nil`, or no entry in `years`) fall in no window. With `missing: .exclude`,
    /// an arc with either end in the partition's missing group falls in no window either
    /// (as in ``homophily(by:missing:)``), every window's groups are the partition's without
    /// it, and `arcs` counts the kept arcs only; a partition without a missing group gives
    /// the same result under both policies. With `nullSamples > 0`, each window with
    /// arcs also gets a label-permutation null
    /// (``bridgingNull(by:model:samples:seed:missing:swapsPerArc:)``) in which the labels
    /// are shuffled over the works that appear in that window, so group sizes are those
    /// of the window, not of the whole period. Every window uses the same `seed`.
    ///
    /// Complexity: O(n + m + W·g²) plus, per window `w`, O(m_w log m_w) to build its
    /// subgraph, where `m_w` is its arcs (for sliding windows each arc lies in about
    /// `width / step` windows); the null adds O(samples · (n_w + m_w)) per window.
    /// Windows come in increasing order of `start`; there are no ties to break (the counts
    /// are integers). Deterministic.
    /// - Throws: ``NetworkCore/InputError`` (field `windows`) for a sliding window whose
    ///   width or step is below 1.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func siloTrajectory(by partition: Partition, years: [Int?], windows: TimeWindows,
                               missing: MissingGroupPolicy = .include, nullSamples: Int = 0,
                               seed: UInt64 = 1) throws(InputError) -> [WindowStatistics] {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let (width, step): (Int, Int)
        switch windows {
        case .years: (width, step) = (1, 1)
        case .sliding(let w, let s):
            guard w >= 1, s >= 1 else {
                throw InputError(file: "(time windows)", field: "windows",
                                 message: "sliding windows need width ≥ 1 and step ≥ 1 (got width \(w), step \(s))")
            }
            (width, step) = (w, s)
        }
        let groups = EffectiveGroups(partition, missing: missing)
        let year: (Int) -> Int? = { $0 < years.count ? years[$0] : nil }
        // Dated citing works with kept arcs, bucketed by year (arcs kept in arc order).
        var arcsByYear: [Int: [Int]] = [:]
        for u in 0..<nodeCount {
            guard let y = year(u), groups.groupOf[u] >= 0 else { continue }
            for a in outOffsets[u]..<outOffsets[u + 1] where groups.groupOf[Int(outTargets[a])] >= 0 {
                arcsByYear[y, default: []].append(a)
            }
        }
        guard let first = arcsByYear.keys.min(), let last = arcsByYear.keys.max() else { return [] }
        let tails = arcTails()
        var result: [WindowStatistics] = []
        var s = first
        while s <= last {
            let e = s + width - 1
            var builder = GraphBuilder(duplicates: .keep, selfLoops: .keep)
            var subGroups: [Int32] = []
            var local: [Int32: Int32] = [:]
            func node(_ v: Int32) -> Int32 {
                if let i = local[v] { return i }
                let i = builder.addNode(ids[Int(v)])
                local[v] = i
                subGroups.append(groups.groupOf[Int(v)])
                return i
            }
            var count = 0
            for y in s...e {
                for a in arcsByYear[y] ?? [] {
                    let u = node(tails[a]), v = node(outTargets[a])
                    _ = builder.addArc(from: u, to: v)
                    count += 1
                }
            }
            let window = builder.build().graph
            let part = Partition(groupOf: subGroups, groupNames: groups.groupNames)
            let homophily = window.homophily(by: part)
            var null: NullModelResult?
            if nullSamples > 0 && count > 0 {
                null = window.bridgingNull(by: part, model: .permutation, samples: nullSamples, seed: seed)
            }
            result.append(WindowStatistics(
                start: s, end: e, arcs: count, mixing: window.mixingMatrix(by: part),
                edges: homophily.edges, internalEdges: homophily.internalEdges,
                edgeHomophily: homophily.edgeHomophily,
                eiIndex: homophily.edges > 0 ? Double(homophily.edges - 2 * homophily.internalEdges) / Double(homophily.edges) : nil,
                null: null))
            s += step
        }
        return result
    }

    /// The first year each ordered pair of groups is linked: `result[g][h]` is the
    /// earliest year of a work of group `g` that cites a work of group `h` (the year is
    /// the citing work's), or `nil` if no dated work of `g` cites `h`. The diagonal gives
    /// the first within-group citation. Arcs whose citing work has no year are ignored;
    /// nodes left out by `missing` neither cite nor are cited. Rows and columns follow
    /// the partition's groups after `missing`.
    ///
    /// Time O(n + m + g²). Deterministic.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func firstLinkYears(by partition: Partition, years: [Int?],
                               missing: MissingGroupPolicy = .include) -> [[Int?]] {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        var first = [[Int?]](repeating: [Int?](repeating: nil, count: groups.groupCount), count: groups.groupCount)
        for u in 0..<nodeCount {
            let gu = Int(groups.groupOf[u])
            guard gu >= 0, u < years.count, let y = years[u] else { continue }
            for a in outOffsets[u]..<outOffsets[u + 1] {
                let gv = Int(groups.groupOf[Int(outTargets[a])])
                if gv < 0 { continue }
                if let old = first[gu][gv], old <= y { continue }
                first[gu][gv] = y
            }
        }
        return first
    }
}
