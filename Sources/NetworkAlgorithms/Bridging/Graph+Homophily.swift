import NetworkCore

/// Edge homophily and class-insensitive homophily of a partition on the undirected
/// simple view (each linked pair once, self-loops left out — ARCHITECTURE.md §6).
public struct Homophily: Sendable, Equatable {
    /// Undirected edges counted (both ends in kept groups).
    public let edges: Int
    /// Edges whose two ends share a group.
    public let internalEdges: Int
    /// Edge homophily `internalEdges / edges`; `nil` when there are no edges.
    public let edgeHomophily: Double?
    /// Class-insensitive homophily; `nil` with fewer than two non-empty groups.
    public let classInsensitiveHomophily: Double?
    /// Per-group homophily `h_k` (share of the edge ends at nodes of group `k` whose
    /// other end is in `k`); `nil` for a group with no edge ends.
    public let groupHomophily: [Double?]
}

extension UndirectedGraph {
    /// Edge homophily (Zhu et al. 2020, "Beyond homophily in graph neural networks",
    /// doi:10.48550/arXiv.2006.11468) and class-insensitive homophily (Lim et al. 2021,
    /// "Large scale learning on non-homophilous graphs", doi:10.48550/arXiv.2110.14446).
    ///
    /// Definitions, over the kept nodes (see ``MissingGroupPolicy``) and the edges
    /// between them:
    /// - edge homophily `h = |{u–v : g(u) = g(v)}| / |E|`;
    /// - for each group `k`, `h_k = Σ_{v∈k} |N(v) ∩ k| / Σ_{v∈k} |N(v)|` (a group with no
    ///   edge ends contributes 0, as in Lim et al.'s code), and class-insensitive
    ///   homophily `ĥ = (1 / (C − 1)) Σ_k max(0, h_k − |k| / n)`, where `n` counts the
    ///   kept nodes (isolated ones too) and `C` the kept groups that have at least one
    ///   node. `ĥ` is 0 when every group links no more within itself than its size
    ///   predicts, and 1 when all edges are internal and groups are tiny; `nil` (undefined)
    ///   with fewer than two groups or no edges.
    ///
    /// Time O(n + m + g). Deterministic (integer counts).
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func homophily(by partition: Partition, missing: MissingGroupPolicy = .include) -> Homophily {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        return homophily(groups, counts: neighborGroupCounts(groups.groupOf))
    }

    func homophily(_ groups: EffectiveGroups, counts: NeighborGroupCounts) -> Homophily {
        let g = groups.groupCount
        var sameEnds = [Int](repeating: 0, count: g)
        var allEnds = [Int](repeating: 0, count: g)
        var sizes = [Int](repeating: 0, count: g)
        var kept = 0
        for v in 0..<nodeCount {
            let k = Int(groups.groupOf[v])
            if k < 0 { continue }
            kept += 1
            sizes[k] += 1
            sameEnds[k] += Int(counts.same[v])
            allEnds[k] += Int(counts.same[v]) + Int(counts.other[v])
        }
        let internalEdges = counts.internalEdges
        let edges = internalEdges + counts.externalEdges
        let groupH: [Double?] = (0..<g).map { allEnds[$0] > 0 ? Double(sameEnds[$0]) / Double(allEnds[$0]) : nil }
        let classes = sizes.filter { $0 > 0 }.count
        var insensitive: Double?
        if classes >= 2 && kept > 0 && edges > 0 {
            var sum = 0.0
            for k in 0..<g where sizes[k] > 0 {
                sum += max(0, (groupH[k] ?? 0) - Double(sizes[k]) / Double(kept))
            }
            insensitive = sum / Double(classes - 1)
        }
        return Homophily(
            edges: edges, internalEdges: internalEdges,
            edgeHomophily: edges > 0 ? Double(internalEdges) / Double(edges) : nil,
            classInsensitiveHomophily: insensitive, groupHomophily: groupH)
    }
}

extension Graph {
    /// ``NetworkCore/UndirectedGraph/homophily(by:missing:)`` on the undirected simple
    /// view of this graph. Time O(n + m + g).
    public func homophily(by partition: Partition, missing: MissingGroupPolicy = .include) -> Homophily {
        undirectedSimple().homophily(by: partition, missing: missing)
    }
}
