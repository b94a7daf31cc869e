/// An assignment of every node to one group (a literature, discipline, model type, year
/// bucket, detected community, …).
///
/// Groups are numbered `0..<groupCount`. Nodes whose value is missing go to an explicit
/// group named ``missingLabel`` (never silently dropped, ARCHITECTURE.md §2); that group, when
/// present, is always the last one.
///
/// Group order is deterministic: by default the distinct values sorted by their
/// Unicode scalar order, or the order the caller gives.
public struct Partition: Sendable, Equatable {
    /// The label used for the group of nodes with no value.
    public static let missingLabel = "(missing)"

    /// Group name of each group index.
    public let groupNames: [String]
    /// Group index of each node.
    public let groupOf: [Int32]
    /// Index of the missing-value group, if any node lacks a value.
    public let missingGroup: Int32?

    /// Number of groups. O(1).
    public var groupCount: Int { groupNames.count }
    /// Number of nodes. O(1).
    public var nodeCount: Int { groupOf.count }

    /// Makes a partition from one value per node.
    ///
    /// - Parameters:
    ///   - values: the group name of each node; `nil` or empty (after trimming) means missing.
    ///   - order: optional group order; values not listed follow in sorted order.
    /// - Complexity: O(n + g log g).
    public init(values: [String?], order: [String] = []) {
        let cleaned = values.map { v -> String? in
            guard let t = v?.trimmingWhitespace(), !t.isEmpty else { return nil }
            return t
        }
        var seen = Set<String>()
        var names: [String] = []
        for name in order where !seen.contains(name) && cleaned.contains(name) {
            seen.insert(name)
            names.append(name)
        }
        let rest = Set(cleaned.compactMap { $0 }).subtracting(seen)
        names += rest.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        var missing: Int32?
        if cleaned.contains(where: { $0 == nil }) {
            missing = Int32(names.count)
            names.append(Partition.missingLabel)
        }
        var indexOf: [String: Int32] = [:]
        for (i, name) in names.enumerated() where Int32(i) != missing { indexOf[name] = Int32(i) }
        self.groupNames = names
        self.missingGroup = missing
        self.groupOf = cleaned.map { $0.flatMap { indexOf[$0] } ?? (missing ?? 0) }
    }

    /// Makes a partition from group indices directly (e.g. detected communities).
    /// - Precondition: every index is in `0..<groupNames.count`.
    public init(groupOf: [Int32], groupNames: [String]) {
        precondition(groupOf.allSatisfy { $0 >= 0 && Int($0) < groupNames.count }, "group index out of range")
        self.groupOf = groupOf
        self.groupNames = groupNames
        self.missingGroup = nil
    }

    /// Number of nodes in each group. O(n).
    public func groupSizes() -> [Int] {
        var sizes = [Int](repeating: 0, count: groupCount)
        for g in groupOf { sizes[Int(g)] += 1 }
        return sizes
    }
}
