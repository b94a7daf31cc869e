import NetworkCore

/// Price's model of a growing citation network (de Solla Price 1976, "A general theory of
/// bibliometric and other cumulative advantage processes", doi:10.1002/asi.4630270505),
/// with optional literature labels and homophily.
///
/// **Definition.** Works arrive in order `0..<nodeCount`; work `i` arrives at time `i`.
/// On arrival, work `i` draws its number of references `k_i`: `floor(K)` or `floor(K) + 1`,
/// the latter with probability `K - floor(K)` (so the mean is `K = meanReferences`, and an
/// integer `K` gives every work exactly `K`), capped at `i` (the number of earlier works).
/// It then cites `k_i` *distinct* earlier works, each chosen with probability proportional
/// to `inDegree(j) + a` (`a = attachment`, Price's constant; `a = 1` gives his original
/// "cumulative advantage" with one free citation). In-degrees are those before work `i`
/// arrived: a work's references are chosen together, then counted. Every arc points from
/// the newer (citing) to the older (cited) work, so the network is acyclic.
///
/// **Literatures and homophily.** With `groupProportions = [p_1, …, p_G]` (normalised to
/// sum 1), each work is given group `g` with probability `p_g`, independently (all groups
/// are drawn before any citation). With homophily `H`, each reference of work `i` is drawn:
/// - with probability `H`, from work `i`'s own group only: among the earlier works of that
///   group, with probability ∝ `inDegree + a` (in-degree counts citations from every
///   group) — unless every earlier work of the group is already among `i`'s references
///   (or there is none), in which case the draw falls back to the whole network;
/// - otherwise from the whole network (which includes the own group), ∝ `inDegree + a`.
///
/// So the share of within-group arcs is about `H + (1 - H) · share of the own group's
/// attachment weight`, not `H` itself. `H = 0` is the plain Price model.
///
/// **Sampling.** The weight `inDegree(j) + a` summed over earlier works is `M + a·n`
/// (`M` arcs so far, `n` works). A draw picks, with probability `M / (M + a·n)`, the target
/// of a uniformly chosen earlier arc (a work is hit in proportion to its in-degree: the
/// "repeated targets list" of Price and of Barabási–Albert generators), and otherwise a
/// uniformly chosen earlier work. Per-group lists of arc targets and of works do the same
/// within a group. A target already cited by work `i` is rejected and redrawn. Each draw
/// is O(1) expected; duplicates are checked against work `i`'s references so far (O(k)).
///
/// **Complexity.** O(N + A·k) time for N works, A arcs and at most k references per work
/// (rejections add a constant factor while `k` is small against the network); memory
/// 4 bytes per arc and per work for the global lists, as much again for the per-group
/// lists when groups and homophily are used, and 2 bytes per work for the groups. No
/// allocation per work: one reusable reference buffer.
///
/// **Determinism.** Everything comes from ``SeededGenerator`` (SplitMix64) with our own
/// bounded draws: the groups from `SeededGenerator(seed: seed)`, the references from
/// `SeededGenerator(seed: seed ^ 0x5052_4943_455F_4D44)`. The same parameters and seed give
/// the same network, arc for arc and in the same order, on every platform.
public struct PriceModel: Sendable, Equatable {
    /// Number of works N.
    public var nodeCount: Int
    /// Mean number of references per work K (real, at least 1).
    public var meanReferences: Double
    /// Price's attachment constant a (> 0): a work is cited ∝ in-degree + a.
    public var attachment: Double
    /// Relative size of each literature; empty or one entry means a single literature.
    public var groupProportions: [Double]
    /// Homophily H in [0, 1): the probability a reference is drawn within the own group.
    public var homophily: Double
    /// Seed of the random generator.
    public var seed: UInt64

    /// Invalid parameters, with the option they concern.
    public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
        public var parameter: String
        public var message: String
        public var description: String { "\(parameter): \(message)" }
    }

    public init(nodeCount: Int, meanReferences: Double, attachment: Double = 1,
                groupProportions: [Double] = [], homophily: Double = 0, seed: UInt64) {
        self.nodeCount = nodeCount
        self.meanReferences = meanReferences
        self.attachment = attachment
        self.groupProportions = groupProportions
        self.homophily = homophily
        self.seed = seed
    }

    /// Number of literatures (at least 1).
    public var groupCount: Int { max(1, groupProportions.count) }

    /// Checks every parameter; throws the first problem found.
    public func validate() throws(ParameterError) {
        guard nodeCount >= 1, nodeCount < Int(Int32.max) else {
            throw ParameterError(parameter: "nodes", message: "must be between 1 and \(Int32.max - 1), got \(nodeCount)")
        }
        guard meanReferences.isFinite, meanReferences >= 1, meanReferences <= 100_000 else {
            throw ParameterError(parameter: "arcs-per-node", message: "must be a number between 1 and 100000, got \(meanReferences)")
        }
        guard attachment.isFinite, attachment > 0 else {
            throw ParameterError(parameter: "attachment", message: "must be a positive number, got \(attachment)")
        }
        guard groupProportions.count <= Int(UInt16.max) else {
            throw ParameterError(parameter: "groups", message: "at most \(UInt16.max) groups")
        }
        guard groupProportions.allSatisfy({ $0.isFinite && $0 >= 0 }),
              groupProportions.isEmpty || groupProportions.reduce(0, +) > 0 else {
            throw ParameterError(parameter: "groups", message: "proportions must be non-negative numbers with a positive sum")
        }
        guard homophily.isFinite, homophily >= 0, homophily < 1 else {
            throw ParameterError(parameter: "homophily", message: "must be in [0, 1), got \(homophily)")
        }
    }

    /// The group (0-based) of every work, drawn from `SeededGenerator(seed: seed)`: one
    /// uniform double per work, mapped through the cumulative proportions. O(N · G) worst
    /// case, O(N) for few groups. All zeros when there is a single group.
    public func groups() -> [UInt16] {
        var result = [UInt16](repeating: 0, count: nodeCount)
        guard groupProportions.count > 1 else { return result }
        let total = groupProportions.reduce(0, +)
        var cumulative: [Double] = []
        var running = 0.0
        for p in groupProportions { running += p; cumulative.append(running / total) }
        let last = groupProportions.lastIndex(where: { $0 > 0 }) ?? 0
        var rng = SeededGenerator(seed: seed)
        for i in 0..<nodeCount {
            let u = Self.unit(&rng)
            var g = 0
            while g < last && (u >= cumulative[g] || groupProportions[g] == 0) { g += 1 }
            result[i] = UInt16(g)
        }
        return result
    }

    /// Expected number of arcs: Σ_i E[min(k_i, i)].
    public var expectedArcCount: Double {
        let lo = meanReferences.rounded(.down)
        let frac = meanReferences - lo
        let kLow = Int(lo)
        var total = 0.0
        for i in 0..<min(nodeCount, kLow + 2) {
            total += (1 - frac) * Double(min(kLow, i)) + frac * Double(min(kLow + 1, i))
        }
        if nodeCount > kLow + 2 { total += Double(nodeCount - kLow - 2) * meanReferences }
        return total
    }

    /// Generates the network, handing each work's references to `emit` as they are drawn:
    /// `emit(i, refs)` with `refs` the cited works of work `i` (all `< i`, distinct, in draw
    /// order; the buffer is only valid during the call). Works come in order 0..<N, each
    /// exactly once (with an empty buffer for work 0). `progress(done)` is called after
    /// every tenth of the works. Returns the groups of ``groups()``.
    ///
    /// - Precondition: ``validate()`` passes.
    @discardableResult
    public func generate(progress: (Int) -> Void = { _ in },
                         emit: (Int, UnsafeBufferPointer<Int32>) -> Void) -> [UInt16] {
        let groupOf = groups()
        let n = nodeCount
        let a = attachment
        let useGroups = groupCount > 1 && homophily > 0
        let kLow = Int(meanReferences.rounded(.down))
        let frac = meanReferences - Double(kLow)
        let capacity = Int(expectedArcCount) + 16

        // Targets of every arc so far (one entry per received citation).
        var cited: [Int32] = []
        cited.reserveCapacity(capacity)
        // Per group: targets of arcs into the group, and the group's works so far.
        var groupCited: [[Int32]] = []
        var groupNodes: [[Int32]] = []
        if useGroups {
            var counts = [Int](repeating: 0, count: groupCount)
            for g in groupOf { counts[Int(g)] += 1 }
            for c in counts {
                var arcs: [Int32] = []
                arcs.reserveCapacity(Int(Double(capacity) * Double(c) / Double(n)) + 16)
                groupCited.append(arcs)
                var members: [Int32] = []
                members.reserveCapacity(c)
                groupNodes.append(members)
            }
        }
        var rng = SeededGenerator(seed: seed ^ 0x5052_4943_455F_4D44)
        var refs = [Int32](repeating: 0, count: kLow + 1)
        let step = max(1, n / 10)

        refs.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<n {
                var k = kLow
                if frac > 0 && Self.unit(&rng) < frac { k += 1 }
                k = min(k, i)
                let g = Int(groupOf[i])
                if k == i {
                    for j in 0..<i { buffer[j] = Int32(j) }
                } else {
                    var inGroup = 0  // references so far that lie in group g
                    for r in 0..<k {
                        var target: Int32
                        let groupHasRoom = useGroups && groupNodes[g].count > inGroup
                        if groupHasRoom && Self.unit(&rng) < homophily {
                            repeat {
                                target = Self.draw(&rng, arcs: groupCited[g], nodes: groupNodes[g], a: a)
                            } while Self.contains(buffer, r, target)
                        } else {
                            repeat {
                                let m = cited.count
                                let u = Self.unit(&rng) * (Double(m) + a * Double(i))
                                target = u < Double(m) ? cited[rng.below(m)] : Int32(rng.below(i))
                            } while Self.contains(buffer, r, target)
                        }
                        buffer[r] = target
                        if useGroups && Int(groupOf[Int(target)]) == g { inGroup += 1 }
                    }
                }
                let chosen = UnsafeBufferPointer(rebasing: buffer[0..<k])
                emit(i, chosen)
                for t in chosen {
                    cited.append(t)
                    if useGroups { groupCited[Int(groupOf[Int(t)])].append(t) }
                }
                if useGroups { groupNodes[g].append(Int32(i)) }
                if (i + 1) % step == 0 || i + 1 == n { progress(i + 1) }
            }
        }
        return groupOf
    }

    /// One draw ∝ in-degree + a among `nodes`, whose received citations are `arcs`.
    @inline(__always)
    private static func draw(_ rng: inout SeededGenerator, arcs: [Int32], nodes: [Int32], a: Double) -> Int32 {
        let m = arcs.count
        let u = unit(&rng) * (Double(m) + a * Double(nodes.count))
        return u < Double(m) ? arcs[rng.below(m)] : nodes[rng.below(nodes.count)]
    }

    @inline(__always)
    private static func contains(_ buffer: UnsafeMutableBufferPointer<Int32>, _ count: Int, _ value: Int32) -> Bool {
        var j = 0
        while j < count {
            if buffer[j] == value { return true }
            j += 1
        }
        return false
    }

    /// A uniform double in [0, 1) from the top 53 bits of one draw.
    @inline(__always)
    static func unit(_ rng: inout SeededGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }
}
