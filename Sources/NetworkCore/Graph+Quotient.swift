/// The group quotient of a graph: groups of a ``Partition`` as nodes, and for every
/// ordered pair of groups the total weight of the arcs from the first to the second.
public struct GroupQuotient: Sendable, Equatable {
    /// Group names, in partition order.
    public let groupNames: [String]
    /// `flows[g][h]` = total weight (arc count when unweighted) of arcs from a node of
    /// group `g` to a node of group `h`. The diagonal holds within-group flow.
    public let flows: [[Double]]
    /// Number of nodes in each group.
    public let groupSizes: [Int]

    /// Total flow over all ordered pairs. O(g²).
    public var total: Double { flows.reduce(0) { $0 + $1.reduce(0, +) } }
}

extension Graph {
    /// The group quotient graph of `partition` (ARCHITECTURE.md §2, "literature quotient graph").
    ///
    /// Self-loops count on the diagonal; duplicates count once per kept arc.
    /// Time O(n + m + g²). Deterministic.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func quotient(by partition: Partition) -> GroupQuotient {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let g = partition.groupCount
        var flows = [[Double]](repeating: [Double](repeating: 0, count: g), count: g)
        for u in 0..<nodeCount {
            let gu = Int(partition.groupOf[u])
            for a in outOffsets[u]..<outOffsets[u + 1] {
                flows[gu][Int(partition.groupOf[Int(outTargets[a])])] += weight(ofArc: a)
            }
        }
        return GroupQuotient(groupNames: partition.groupNames, flows: flows, groupSizes: partition.groupSizes())
    }
}
