import NetworkCore

/// Gould–Fernandez brokerage counts per group against label permutation: what each
/// group's brokers would do if the group labels were assigned at random (same sizes).
/// Roles are in ``BrokerageRole/allCases`` order (coordinator, itinerant, gatekeeper,
/// representative, liaison).
public struct BrokerageNull: Sendable, Equatable {
    /// Group names (rows of every per-group table).
    public let groupNames: [String]
    /// Number of label shuffles drawn.
    public let samples: Int
    /// Seed of the generator.
    public let seed: UInt64
    /// Number of open two-paths `a → b → c` (fixed by the graph: every sample classifies
    /// the same two-paths).
    public let openTwoPaths: Int
    /// Observed counts `[group][role]` (equal to ``Brokerage/byGroup``).
    public let observed: [[Int]]
    /// Null mean `[group][role]`.
    public let expected: [[Double]]
    /// 95% interval `[group][role] = [q 2.5%, q 97.5%]` of the null counts (type-7
    /// quantiles, as in ``NullModelResult``).
    public let intervals: [[[Double]]]
    /// p-value that the observed count is at least as high as by chance,
    /// `(1 + #{null ≥ observed}) / (1 + samples)`, `[group][role]`.
    public let pHigher: [[Double]]
    /// Null mean of the network totals per role.
    public let expectedTotal: [Double]
}

extension Graph {
    /// Expected Gould–Fernandez brokerage counts under label permutation (Gould &
    /// Fernandez 1989, doi:10.2307/270949, compare observed role counts with those
    /// expected when group membership is assigned at random with the observed group
    /// sizes; here the expectation and a 95% interval are estimated by seeded shuffles).
    ///
    /// The open two-paths of ``brokerage(by:missing:)`` (simple directed graph, `a`, `b`,
    /// `c` distinct, no arc `a → c`, none of them left out by `missing`) are listed once;
    /// each sample shuffles the labels over the kept nodes (Fisher–Yates,
    /// ``SeededGenerator``) and classifies every two-path, crediting the role to the
    /// group the broker `b` has in that sample.
    ///
    /// Works without a group (the partition's missing group) follow `missing`:
    /// - ``MissingGroupPolicy/include`` (the default): "(missing)" is one more group — its
    ///   works are classified in every position, have a row, and their label is shuffled
    ///   with the others.
    /// - ``MissingGroupPolicy/exclude``: only the open two-paths whose three works all have
    ///   a group are classified, and the shuffle permutes the labels of the works with a
    ///   group among themselves; the works without one keep "no group" in every sample, so
    ///   they never broker and never receive a real group's label. There is no "(missing)"
    ///   row. Use it when the unplaced works are works the data says nothing about (e.g.
    ///   cited works outside an import, which cite nothing themselves), whose labels
    ///   would otherwise dilute every group's expected counts.
    /// When no work is in the missing group both policies give the same result, bit for
    /// bit (same two-paths, same kept nodes, same random stream).
    ///
    /// Invariants: every sample classifies the same `T` two-paths, so `expectedTotal`
    /// (and `expected` summed over groups and roles) adds up to ``BrokerageNull/openTwoPaths``.
    ///
    /// Complexity: O(Σ_b in(b) · out(b) · log d) to list the `T` open two-paths (the
    /// cost of ``brokerage(by:missing:)``), then O(samples · (n + T + g)) time and
    /// O(T + samples · g · 5) memory. Deterministic: the same graph, partition, `samples`,
    /// `seed` and `missing` give the same result on any number of cores (one sequential
    /// shuffle stream from `seed`, ``LabelPermutations``).
    /// - Precondition: `partition.nodeCount == nodeCount`, `samples >= 1`.
    public func brokerageNull(by partition: Partition, samples: Int = 1000, seed: UInt64 = 1,
                              missing: MissingGroupPolicy = .include) -> BrokerageNull {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        precondition(samples >= 1, "at least one sample")
        let groups = EffectiveGroups(partition, missing: missing)
        let g = groups.groupCount
        let roles = BrokerageRole.allCases.count
        let (a, b, c) = openTwoPaths(groups.groupOf)
        @Sendable func classify(_ groupOf: [Int32]) -> [Int] {
            var flat = [Int](repeating: 0, count: g * roles)
            for t in 0..<a.count {
                let gb = groupOf[Int(b[t])]
                flat[Int(gb) * roles + Self.roleIndex(groupOf[Int(a[t])], gb, groupOf[Int(c[t])])] += 1
            }
            return flat
        }
        let observed = classify(groups.groupOf)
        var rng = SeededGenerator(seed: seed)
        let kept = (0..<nodeCount).filter { groups.groupOf[$0] >= 0 }
        var draws = [[Double]](repeating: [], count: g * roles)
        var totals = [Double](repeating: 0, count: roles)
        let classified = LabelPermutations.run(samples: samples, rng: &rng, base: groups.groupOf, kept: kept, statistic: classify)
        for flat in classified {
            for cell in 0..<(g * roles) {
                draws[cell].append(Double(flat[cell]))
                totals[cell % roles] += Double(flat[cell])
            }
        }
        var expected = [[Double]](), intervals = [[[Double]]](), pHigher = [[Double]]()
        for k in 0..<g {
            var e = [Double](), iv = [[Double]](), ph = [Double]()
            for r in 0..<roles {
                let values = draws[k * roles + r]
                let x = Double(observed[k * roles + r])
                e.append(NullModelSummary.mean(values) ?? 0)
                iv.append(NullModelSummary.interval(values) ?? [0, 0])
                ph.append(NullModelSummary.upper(x, values) ?? 1)
            }
            expected.append(e); intervals.append(iv); pHigher.append(ph)
        }
        return BrokerageNull(
            groupNames: groups.groupNames, samples: samples, seed: seed, openTwoPaths: a.count,
            observed: (0..<g).map { Array(observed[($0 * roles)..<($0 * roles + roles)]) },
            expected: expected, intervals: intervals, pHigher: pHigher,
            expectedTotal: totals.map { $0 / Double(samples) })
    }

    /// The open two-paths `a → b → c` counted by ``brokerage(by:missing:)``, as three
    /// parallel arrays, in order of `b`, then `a`, then `c`. Nodes with group −1 are
    /// skipped.
    func openTwoPaths(_ groupOf: [Int32]) -> ([Int32], [Int32], [Int32]) {
        var ra: [Int32] = [], rb: [Int32] = [], rc: [Int32] = []
        forEachOpenTwoPath(groupOf) { a, b, c in ra.append(a); rb.append(b); rc.append(c) }
        return (ra, rb, rc)
    }
}
