import NetworkCore

/// The null models available for the bridging statistics.
public enum BridgingNullModel: Sendable, Equatable {
    /// Label permutation: the group labels are shuffled over the (kept) nodes; the graph
    /// is unchanged. Keeps the graph and the group sizes fixed; asks "would a random
    /// assignment of these group sizes to these works look as siloed?". The usual test
    /// for the E-I index (UCINET) and the one to prefer when the groups are a property
    /// of the works and the citation structure is given.
    case permutation
    /// Degree-preserving rewiring: pairs of arcs `a→b`, `c→d` swap heads to `a→d`,
    /// `c→b` (Maslov & Sneppen 2002, doi:10.1126/science.1065103), rejecting swaps that
    /// would create a self-loop or repeat an arc; self-loops already present are never
    /// moved, duplicates already present may be. Keeps every node's in- and out-degree
    /// and its group; asks "given how much each work cites and is cited, is the mixing
    /// more within-group than random wiring?". Prefer it when groups differ strongly in
    /// activity (a group of highly cited reviews would otherwise look "open").
    case rewire
    /// Time-respecting rewiring for citation data: as ``rewire``, but a swap is kept
    /// only if both new arcs still point from a work to one that is not newer
    /// (`time[a] ≥ time[d]` and `time[c] ≥ time[b]`), so a work only cites works of its
    /// year or earlier. Arcs touching a node without a time (`nil`, or no entry) never
    /// move. Keeps degrees, groups and the arrow of time; prefer it for citation
    /// networks, where plain rewiring lets old works cite new ones and so overstates
    /// the mixing that was possible. `times` has one entry per node (e.g. the year).
    case timeRewire(times: [Double?])

    /// The name used in the `null.model` JSON field and on the command line:
    /// `permutation`, `rewire`, `time-rewire`.
    public var name: String {
        switch self {
        case .permutation: return "permutation"
        case .rewire: return "rewire"
        case .timeRewire: return "time-rewire"
        }
    }
}

extension Graph {
    /// A seeded null model for the bridging statistics of `partition`: edge homophily,
    /// the E-I index and every cell of the directed mixing matrix (see
    /// ``NullModelResult`` for the p-values with +1 correction and the 95% intervals).
    ///
    /// Complexity: label permutation O(samples · (n + m)); rewiring
    /// O(samples · (swapsPerArc · m + m log m)). Memory O(n + m + g²) plus
    /// `samples · g²` counts. Deterministic: the same graph, partition, model, samples
    /// and seed give identical results (``SeededGenerator``; samples drawn in order).
    ///
    /// - Parameters:
    ///   - samples: number of null samples (at least 1).
    ///   - seed: seed of the generator.
    ///   - missing: how the missing group is treated (see ``MissingGroupPolicy``);
    ///     under `.include` its label is permuted like any other.
    ///   - swapsPerArc: rewiring only — swap attempts per arc for each sample, each
    ///     sample starting from the observed graph (default 10).
    public func bridgingNull(by partition: Partition, model: BridgingNullModel = .permutation, samples: Int = 1000,
                             seed: UInt64 = 1, missing: MissingGroupPolicy = .include,
                             swapsPerArc: Int = 10) -> NullModelResult {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        precondition(samples >= 1, "at least one sample")
        let groups = EffectiveGroups(partition, missing: missing)
        let view = undirectedSimple()
        // Each simple edge once (u < v), listed once for every sample (half the adjacency scan).
        let pairs = Self.simplePairs(view)
        let observed = nullSample(groups.groupOf, groupCount: groups.groupCount, pairs: pairs)
        var rng = SeededGenerator(seed: seed)
        var draws: [NullSample] = []
        draws.reserveCapacity(samples)
        switch model {
        case .permutation:
            let kept = (0..<nodeCount).filter { groups.groupOf[$0] >= 0 }
            let graph = self, groupCount = groups.groupCount
            draws = LabelPermutations.run(samples: samples, rng: &rng, base: groups.groupOf, kept: kept) { groupOf in
                graph.nullSample(groupOf, groupCount: groupCount, pairs: pairs)
            }
        case .rewire, .timeRewire:
            var times: [Double]?
            if case .timeRewire(let given) = model {
                // Undated nodes get NaN: every comparison with NaN is false, so no swap
                // involving them passes the time test.
                times = (0..<nodeCount).map { $0 < given.count ? (given[$0] ?? .nan) : .nan }
            }
            let tails = arcTails()
            for _ in 0..<samples {
                var heads = outTargets
                rewire(heads: &heads, attempts: swapsPerArc * arcCount, times: times, rng: &rng)
                draws.append(Self.nullSample(tails: tails, heads: heads, groupOf: groups.groupOf, groupCount: groups.groupCount))
            }
        }
        return NullModelSummary.summarize(model: model.name, seed: seed, groupCount: groups.groupCount,
                                          observed: observed, samples: draws)
    }

    /// ``bridging(by:attribute:missing:)`` with the `null` block filled by
    /// ``bridgingNull(by:model:samples:seed:missing:swapsPerArc:)``.
    public func bridging(by partition: Partition, attribute: String, missing: MissingGroupPolicy = .include,
                         null model: BridgingNullModel, samples: Int = 1000, seed: UInt64 = 1) -> BridgingResult {
        var result = bridging(by: partition, attribute: attribute, missing: missing)
        result.null = bridgingNull(by: partition, model: model, samples: samples, seed: seed, missing: missing)
        return result
    }

    // MARK: - Samples

    /// The simple edges of `view`, each once as `(lo[k], hi[k])` with `lo < hi`, in
    /// adjacency order. O(n + m).
    static func simplePairs(_ view: UndirectedGraph) -> (lo: [Int32], hi: [Int32]) {
        var lo: [Int32] = [], hi: [Int32] = []
        lo.reserveCapacity(view.adjacency.count / 2)
        hi.reserveCapacity(view.adjacency.count / 2)
        for u in 0..<view.nodeCount {
            for p in view.offsets[u]..<view.offsets[u + 1] where Int(view.adjacency[p]) > u {
                lo.append(Int32(truncatingIfNeeded: u))
                hi.append(view.adjacency[p])
            }
        }
        return (lo, hi)
    }

    /// Mixing counts (``mixingCountsFlat(_:groupCount:)``) and simple-edge counts of the graph
    /// under a group vector: the edges of ``simplePairs(_:)`` with both ends in a group, and
    /// those within one group. O(n + m).
    func nullSample(_ groupOf: [Int32], groupCount g: Int, pairs: (lo: [Int32], hi: [Int32])) -> NullSample {
        let flat = mixingCountsFlat(groupOf, groupCount: g)
        var internalEdges = 0, edges = 0
        groupOf.withUnsafeBufferPointer { group in
        pairs.lo.withUnsafeBufferPointer { lo in
        pairs.hi.withUnsafeBufferPointer { hi in
            for k in 0..<lo.count {
                let gu = group[Int(lo[k])], gv = group[Int(hi[k])]
                if gu < 0 || gv < 0 { continue }
                edges += 1
                if gv == gu { internalEdges += 1 }
            }
        }}}
        return NullSample(mixing: flat, internalEdges: internalEdges, edges: edges)
    }

    /// Mixing and simple-edge counts of an arc list under a group vector. O(m log m).
    static func nullSample(tails: [Int32], heads: [Int32], groupOf: [Int32], groupCount g: Int) -> NullSample {
        var flat = [Int](repeating: 0, count: g * g)
        var pairs: [UInt64] = []
        pairs.reserveCapacity(tails.count)
        for a in 0..<tails.count {
            let u = tails[a], v = heads[a]
            let gu = groupOf[Int(u)], gv = groupOf[Int(v)]
            if gu < 0 || gv < 0 { continue }
            flat[Int(gu) * g + Int(gv)] += 1
            if u != v { pairs.append(arcKey(min(u, v), max(u, v))) }
        }
        pairs.sort()
        var internalEdges = 0, edges = 0
        var previous: UInt64?
        for key in pairs where key != previous {
            previous = key
            edges += 1
            if groupOf[Int(key >> 32)] == groupOf[Int(key & 0xFFFF_FFFF)] { internalEdges += 1 }
        }
        return NullSample(mixing: flat, internalEdges: internalEdges, edges: edges)
    }

    static func arcKey(_ u: Int32, _ v: Int32) -> UInt64 { UInt64(UInt32(u)) << 32 | UInt64(UInt32(v)) }

    /// `attempts` head-swap attempts on the arcs (see ``BridgingNullModel/rewire``).
    ///
    /// `heads` is indexed like the out-CSR: the arcs of tail `a` are
    /// `outOffsets[a]..<outOffsets[a+1]` and keep their tails, so whether `a → d` exists
    /// is a scan of `a`'s current heads — O(out-degree), no hash table.
    /// With `times`, a swap must also keep both new arcs pointing to works not newer than
    /// their tails (NaN = undated: never passes).
    func rewire(heads: inout [Int32], attempts: Int, times: [Double]? = nil, rng: inout SeededGenerator) {
        let m = arcCount
        guard m >= 2 else { return }
        let tails = arcTails()
        outOffsets.withUnsafeBufferPointer { off in
        tails.withUnsafeBufferPointer { tails in
        heads.withUnsafeMutableBufferPointer { heads in
            func has(_ a: Int32, _ d: Int32) -> Bool {
                for k in off[Int(a)]..<off[Int(a) + 1] where heads[k] == d { return true }
                return false
            }
            for _ in 0..<attempts {
                let i = rng.below(m), j = rng.below(m)
                let a = tails[i], b = heads[i], c = tails[j], d = heads[j]
                if a == b || c == d { continue }  // self-loops stay where they are
                if a == c || b == d || a == d || c == b { continue }
                if let times {
                    let ta = times[Int(a)], tb = times[Int(b)], tc = times[Int(c)], td = times[Int(d)]
                    // Existing arcs must be dated too, so undated works never move.
                    if !(ta >= td && tc >= tb && ta >= tb && tc >= td) { continue }
                }
                if has(a, d) || has(c, b) { continue }
                heads[i] = d
                heads[j] = b
            }
        }}}
    }
}
