import NetworkCore

/// The five brokerage roles of Gould & Fernandez (1989) for a broker `b` on an open
/// two-path `a → b → c`, by the groups of `a`, `b` and `c`.
public enum BrokerageRole: String, Sendable, Codable, CaseIterable {
    /// `a`, `b`, `c` all in one group (local broker within a group).
    case coordinator
    /// `a` and `c` in one group, `b` outside it (consultant between members of another group).
    case itinerant
    /// `b` and `c` in one group, `a` outside: `b` controls what enters its group.
    case gatekeeper
    /// `a` and `b` in one group, `c` outside: `b` carries its group's flow out.
    case representative
    /// Three different groups.
    case liaison
}

/// Brokerage counts per node and per group, in ``BrokerageRole/allCases`` order
/// (coordinator, itinerant, gatekeeper, representative, liaison).
public struct Brokerage: Sendable, Equatable {
    /// `byNode[v][r]`: open two-paths on which `v` brokers in role `r`.
    public let byNode: [[Int]]
    /// `byGroup[g][r]`: the sum of `byNode` over the brokers of group `g`.
    public let byGroup: [[Int]]
    /// Totals per role over all brokers.
    public let total: [Int]
}

extension Graph {
    /// Gould–Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of mediation:
    /// a formal approach to brokerage in transaction networks", Sociological Methodology
    /// 19:89–126, doi:10.2307/270949).
    ///
    /// Counts, for every node `b`, the open two-paths `a → b → c` (`a`, `b`, `c`
    /// distinct, and no arc `a → c`, so `b` really mediates) and classifies each by the
    /// groups of `a`, `b` and `c` (see ``BrokerageRole``). Works on the simple directed
    /// graph: self-loops ignored, duplicate arcs counted once. In a citation network `a`
    /// cites `b` which cites `c`: `b` passes `c`'s work on to `a`'s readers. Nodes of the
    /// missing group follow `missing`: as a group, or (excluded) never counted as `a`,
    /// `b` or `c`.
    ///
    /// Complexity O(Σ_b in(b) · out(b) · log d) time (the `a → c` test is a binary search
    /// in `a`'s sorted out-list), O(n + m) memory. Deterministic (integer counts).
    public func brokerage(by partition: Partition, missing: MissingGroupPolicy = .include) -> Brokerage {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        let roles = BrokerageRole.allCases.count
        var byNode = [[Int]](repeating: [Int](repeating: 0, count: roles), count: nodeCount)
        var byGroup = [[Int]](repeating: [Int](repeating: 0, count: roles), count: groups.groupCount)
        var total = [Int](repeating: 0, count: roles)
        forEachOpenTwoPath(groups.groupOf) { a, b, c in
            let gb = groups.groupOf[Int(b)]
            let r = Self.roleIndex(groups.groupOf[Int(a)], gb, groups.groupOf[Int(c)])
            byNode[Int(b)][r] += 1
            byGroup[Int(gb)][r] += 1
            total[r] += 1
        }
        return Brokerage(byNode: byNode, byGroup: byGroup, total: total)
    }

    /// Index in ``BrokerageRole/allCases`` of the role of `b` on a two-path `a → b → c`
    /// whose works are in groups `ga`, `gb`, `gc` (Gould & Fernandez 1989). O(1).
    static func roleIndex(_ ga: Int32, _ gb: Int32, _ gc: Int32) -> Int {
        if ga == gb && gb == gc { return 0 }  // coordinator
        if ga == gc { return 1 }              // itinerant
        if gb == gc { return 2 }              // gatekeeper
        if ga == gb { return 3 }              // representative
        return 4                              // liaison
    }

    /// Calls `body(a, b, c)` for every open two-path `a → b → c` of the simple directed
    /// graph (a, b, c distinct, no arc `a → c`) whose three nodes have a group ≥ 0, in
    /// order of `b`, then `a`, then `c`. O(Σ_b in(b) · out(b) · log d) time (the `a → c`
    /// test is a binary search in `a`'s sorted out-list), O(n + m) memory.
    func forEachOpenTwoPath(_ groupOf: [Int32], _ body: (Int32, Int32, Int32) -> Void) {
        let (offsets, heads) = simpleOutAdjacency()
        // Simple in-lists (tails ascending, each once, no loops).
        let (inOffsets, tails) = Self.reverseAdjacency(offsets: offsets, adjacency: heads, n: nodeCount)
        func hasArc(_ a: Int, _ c: Int32) -> Bool {
            let i = sortedLowerBound(of: c, in: heads, offsets[a]..<offsets[a + 1])
            return i < offsets[a + 1] && heads[i] == c
        }
        for b in 0..<nodeCount where groupOf[b] >= 0 {
            for p in inOffsets[b]..<inOffsets[b + 1] {
                let a = Int(tails[p])
                if groupOf[a] < 0 { continue }
                for q in offsets[b]..<offsets[b + 1] {
                    let c = heads[q]
                    if Int(c) == a || groupOf[Int(c)] < 0 || hasArc(a, c) { continue }
                    body(Int32(a), Int32(b), c)
                }
            }
        }
    }
}
