import NetworkCore

/// The directed mixing matrix of a partition: who cites whom, counted in arcs.
public struct MixingMatrix: Sendable, Equatable {
    /// Group names; rows and columns follow this order.
    public let groupNames: [String]
    /// `counts[g][h]` = number of arcs from a node of group `g` (citing) to a node of
    /// group `h` (cited).
    public let counts: [[Int]]

    /// Total number of arcs counted. O(g²).
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Row shares: `counts[g][h] / Σ_h counts[g][h]` — of the references made by group
    /// `g`, the share that go to `h`. A row with no arcs is all zeros. O(g²).
    public func rowShares() -> [[Double]] {
        counts.map { row in
            let total = row.reduce(0, +)
            return row.map { total > 0 ? Double($0) / Double(total) : 0 }
        }
    }

    /// Column shares: `counts[g][h] / Σ_g counts[g][h]` — of the citations received by
    /// group `h`, the share that come from `g`. A column with no arcs is all zeros. O(g²).
    public func columnShares() -> [[Double]] {
        let g = counts.count
        var columnTotals = [Int](repeating: 0, count: g)
        for row in counts { for (h, c) in row.enumerated() { columnTotals[h] += c } }
        return counts.map { row in
            row.enumerated().map { h, c in columnTotals[h] > 0 ? Double(c) / Double(columnTotals[h]) : 0 }
        }
    }
}

extension Graph {
    /// The directed mixing matrix of `partition` (ARCHITECTURE.md §6: rows = citing group,
    /// columns = cited group, cells = arc counts).
    ///
    /// Every arc present in the graph counts once, including kept duplicate arcs and
    /// self-loops (a self-loop falls on the diagonal of its node's group, like a
    /// within-group citation, as in ``NetworkCore/Graph/quotient(by:)`` and NetworkX's
    /// `attribute_mixing_matrix`). Build the graph with `selfLoops: .drop` /
    /// `duplicates: .drop` to leave them out. Arc weights are ignored (the quotient graph
    /// carries weighted flows). Nodes of the missing group are handled by `missing`
    /// (see ``MissingGroupPolicy``).
    ///
    /// Time O(n + m + g²). Deterministic.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func mixingMatrix(by partition: Partition, missing: MissingGroupPolicy = .include) -> MixingMatrix {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        return MixingMatrix(groupNames: groups.groupNames, counts: mixingCounts(groups.groupOf, groupCount: groups.groupCount))
    }

    /// Arc counts between groups for a group vector (-1 = left out). O(n + m + g²).
    func mixingCounts(_ groupOf: [Int32], groupCount g: Int) -> [[Int]] {
        let flat = mixingCountsFlat(groupOf, groupCount: g)
        return (0..<g).map { Array(flat[($0 * g)..<($0 * g + g)]) }
    }

    /// ``mixingCounts(_:groupCount:)`` row-major in one array (cell `a * g + b`), one
    /// allocation: the null models call it once per sample. O(n + m + g²).
    func mixingCountsFlat(_ groupOf: [Int32], groupCount g: Int) -> [Int] {
        var flat = [Int](repeating: 0, count: g * g)
        groupOf.withUnsafeBufferPointer { group in
        outOffsets.withUnsafeBufferPointer { off in
        outTargets.withUnsafeBufferPointer { heads in
        flat.withUnsafeMutableBufferPointer { cells in
            for u in 0..<nodeCount {
                let gu = Int(group[u])
                if gu < 0 { continue }
                for a in off[u]..<off[u + 1] {
                    let gv = Int(group[Int(heads[a])])
                    if gv >= 0 { cells[gu * g + gv] += 1 }
                }
            }
        }}}}
        return flat
    }
}
