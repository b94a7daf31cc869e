import NetworkCore

/// The group quotient as the citation-quotient figure draws it.
struct DrawnQuotient: Equatable, Sendable {
    var names: [String]
    var flows: [[Double]]
    var sizes: [Int]
    var missingGroup: Int32?
    var ratios: [[Double?]]?
    /// Named groups merged into the "other" node (0: none).
    var merged: Int
    /// Arcs with less flow are not drawn (0: all are).
    var minimumFlow: Double

    /// Most named groups drawn as nodes of their own.
    static let keptGroups = 8

    /// With more than `keep` named groups, the `keep` largest (the partition's order is by
    /// size, the missing group last) keep their node and colour, the others are merged into
    /// one node "other N groups" (flows summed; observed/expected ratios dropped for the pairs
    /// that involve it, since the null model was drawn over the unmerged groups), and the
    /// missing group stays last. With more than six nodes, arcs carrying less than 1% of the
    /// flow between groups are not drawn (the caption counts them; the who-cites-whom
    /// table keeps every count). O(g²). Deterministic.
    init(names: [String], flows: [[Double]], sizes: [Int], missingGroup: Int32?, ratios: [[Double?]]?, keep: Int = keptGroups) {
        let g = names.count
        let named = (0..<g).filter { Int32($0) != missingGroup }
        let kept = Array(named.prefix(keep))
        let rest = Array(named.dropFirst(keep))
        var target = [Int](repeating: 0, count: g)
        var newNames = kept.map { names[$0] }
        for (k, i) in kept.enumerated() { target[i] = k }
        if !rest.isEmpty {
            for i in rest { target[i] = newNames.count }
            newNames.append("other \(rest.count) groups")
        }
        var newMissing: Int32? = nil
        if let m = missingGroup, Int(m) < g {
            target[Int(m)] = newNames.count
            newMissing = Int32(newNames.count)
            newNames.append(names[Int(m)])
        }
        let h = newNames.count
        var newFlows = [[Double]](repeating: [Double](repeating: 0, count: h), count: h)
        var newSizes = [Int](repeating: 0, count: h)
        for i in 0..<g {
            newSizes[target[i]] += i < sizes.count ? sizes[i] : 0
            for j in 0..<g where i < flows.count && j < flows[i].count { newFlows[target[i]][target[j]] += flows[i][j] }
        }
        var newRatios: [[Double?]]? = nil
        if let ratios {
            var r = [[Double?]](repeating: [Double?](repeating: nil, count: h), count: h)
            let merged = rest.isEmpty ? nil : kept.count
            for i in 0..<g where target[i] != merged && i < ratios.count {
                for j in 0..<g where target[j] != merged && j < ratios[i].count { r[target[i]][target[j]] = ratios[i][j] }
            }
            newRatios = r
        }
        var between = 0.0
        for i in 0..<h { for j in 0..<h where i != j { between += newFlows[i][j] } }
        self.names = newNames
        self.flows = newFlows
        self.sizes = newSizes
        self.missingGroup = newMissing
        self.ratios = newRatios
        self.merged = rest.count
        self.minimumFlow = h > 6 ? max(1, (0.01 * between).rounded(.up)) : 0
    }

    /// The same grouping for a square table of counts (the mixing heatmap): the names, the
    /// cells summed over merged groups (observed and expected counts are both additive, so
    /// their ratio stays observed / expected for the merged node), and the merged count.
    /// NaN (no expectation) in any merged cell makes the sum NaN. O(g²).
    static func merged(_ table: [[Double]], names: [String], missingGroup: Int32?, keep: Int = keptGroups) -> (names: [String], table: [[Double]], merged: Int) {
        let d = DrawnQuotient(names: names, flows: table, sizes: [Int](repeating: 0, count: names.count),
                              missingGroup: missingGroup, ratios: nil, keep: keep)
        return (d.names, d.flows, d.merged)
    }

    /// Index of the "other N groups" node in ``names``, or `nil` when nothing was merged
    /// (it follows the kept groups and precedes the missing group). O(1).
    var mergedIndex: Int? {
        merged == 0 ? nil : names.count - 1 - (missingGroup == nil ? 0 : 1)
    }

    /// The sentence the figure's caption gains when groups were merged.
    var captionNote: String {
        merged == 0 ? "" : " Only the \(DrawnQuotient.keptGroups) largest groups have a node of their own; the \(merged) others are drawn as one node, without ratios (the table below has every group)."
    }
}
