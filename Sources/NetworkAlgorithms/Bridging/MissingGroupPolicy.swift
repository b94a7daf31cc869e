import NetworkCore

/// What bridging statistics do with the nodes of the partition's missing-value group
/// (``NetworkCore/Partition/missingLabel``, "(missing)").
///
/// - ``include`` (the default): "(missing)" is a group like any other — its nodes,
///   their arcs and edges all count, and it has its own row and column in the mixing
///   matrix. Nothing is dropped silently (ARCHITECTURE.md §2).
/// - ``exclude``: the nodes of the missing group are left out, together with every arc
///   or edge that touches one of them; the group disappears from `groups`, the mixing
///   matrix and the per-group values, and class proportions are taken over the
///   remaining nodes. This is what the GNN literature does with unlabelled nodes
///   (Lim et al. 2021 count only edges whose two ends are labelled).
///
/// A partition without a missing group gives the same result under both policies.
public enum MissingGroupPolicy: String, Sendable, Codable, CaseIterable {
    /// Count the missing group like any other group.
    case include
    /// Leave out its nodes and everything touching them.
    case exclude
}

/// The group of every node after a ``MissingGroupPolicy``: `-1` marks a left-out node.
struct EffectiveGroups: Sendable {
    /// Group of each node, or -1 when the node is left out.
    let groupOf: [Int32]
    /// Number of groups kept (the kept groups are `0..<groupCount`).
    let groupCount: Int
    /// Names of the kept groups.
    let groupNames: [String]

    init(_ partition: Partition, missing: MissingGroupPolicy) {
        if missing == .exclude, let m = partition.missingGroup {
            // The missing group is always last, so the others keep their indices.
            groupOf = partition.groupOf.map { $0 == m ? -1 : $0 }
            groupCount = partition.groupCount - 1
            groupNames = Array(partition.groupNames.prefix(partition.groupCount - 1))
        } else {
            groupOf = partition.groupOf
            groupCount = partition.groupCount
            groupNames = partition.groupNames
        }
    }

    init(groupOf: [Int32], groupCount: Int, groupNames: [String]) {
        self.groupOf = groupOf
        self.groupCount = groupCount
        self.groupNames = groupNames
    }
}
