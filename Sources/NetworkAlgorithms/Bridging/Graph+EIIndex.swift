import NetworkCore

/// The Krackhardt–Stern E-I index of a partition at the three usual levels.
public struct EIIndex: Sendable, Equatable {
    /// External (between-group) undirected edges.
    public let external: Int
    /// Internal (within-group) undirected edges.
    public let `internal`: Int
    /// `(E − I) / (E + I)` over the whole network; `nil` without edges.
    public let network: Double?
    /// Per group `g`: `(EL_g − IL_g) / (EL_g + IL_g)`, where `EL_g` counts edges with
    /// exactly one end in `g` and `IL_g` edges with both ends in `g` (each once);
    /// `nil` for a group without edges.
    public let byGroup: [Double?]
    /// Per node `v`: `(E_v − I_v) / (E_v + I_v)` over its neighbours in other / its own
    /// group; `nil` for isolated or left-out nodes.
    public let byNode: [Double?]
}

extension UndirectedGraph {
    /// Krackhardt–Stern E-I index (Krackhardt & Stern 1988, "Informal networks and
    /// organizational crises: an experimental simulation", doi:10.2307/2786835):
    /// `(E − I) / (E + I)`, from −1 (all ties internal) to +1 (all ties external),
    /// computed on the undirected simple view (each linked pair once, no self-loops),
    /// for the network, each group and each node (definitions on ``EIIndex``).
    ///
    /// Convention note: at group level internal ties count once (as in Krackhardt &
    /// Stern's group formula); summing the node-level counts instead would count them
    /// twice. At network level the two agree.
    ///
    /// Nodes of the missing group follow `missing` (see ``MissingGroupPolicy``).
    /// Time O(n + m + g). Deterministic.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func eiIndex(by partition: Partition, missing: MissingGroupPolicy = .include) -> EIIndex {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        return eiIndex(groups, counts: neighborGroupCounts(groups.groupOf))
    }

    func eiIndex(_ groups: EffectiveGroups, counts: NeighborGroupCounts) -> EIIndex {
        let g = groups.groupCount
        var sameEnds = [Int](repeating: 0, count: g)
        var otherEnds = [Int](repeating: 0, count: g)
        var byNode = [Double?](repeating: nil, count: nodeCount)
        for v in 0..<nodeCount {
            let k = Int(groups.groupOf[v])
            if k < 0 { continue }
            let s = Int(counts.same[v]), o = Int(counts.other[v])
            sameEnds[k] += s
            otherEnds[k] += o
            if s + o > 0 { byNode[v] = Double(o - s) / Double(o + s) }
        }
        let byGroup: [Double?] = (0..<g).map { k in
            let external = otherEnds[k], internalEdges = sameEnds[k] / 2
            return external + internalEdges > 0 ? Double(external - internalEdges) / Double(external + internalEdges) : nil
        }
        let e = counts.externalEdges, i = counts.internalEdges
        return EIIndex(
            external: e, internal: i,
            network: e + i > 0 ? Double(e - i) / Double(e + i) : nil,
            byGroup: byGroup, byNode: byNode)
    }
}

extension Graph {
    /// ``NetworkCore/UndirectedGraph/eiIndex(by:missing:)`` on the undirected simple view
    /// of this graph. Time O(n + m + g).
    public func eiIndex(by partition: Partition, missing: MissingGroupPolicy = .include) -> EIIndex {
        undirectedSimple().eiIndex(by: partition, missing: missing)
    }
}
