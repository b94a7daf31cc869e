import NetworkCore

extension UndirectedGraph {
    /// Participation coefficient of every node (Guimerà & Amaral 2005, "Functional
    /// cartography of complex metabolic networks", doi:10.1038/nature03288):
    /// `P_v = 1 − Σ_g (k_vg / k_v)²`, where `k_v` is `v`'s degree in this undirected
    /// simple view and `k_vg` the number of its neighbours in group `g`. 0 when all
    /// neighbours share one group, approaching 1 when they spread evenly over many.
    /// `nil` for nodes without neighbours (and, with `missing: .exclude`, for nodes of
    /// the missing group; their edges are then not counted for anyone).
    ///
    /// Time O(n + m) with one scratch array of g counts. Deterministic.
    public func participationCoefficients(by partition: Partition, missing: MissingGroupPolicy = .include) -> [Double?] {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        var perGroup = [Int](repeating: 0, count: groups.groupCount)
        var touched: [Int] = []
        var result = [Double?](repeating: nil, count: nodeCount)
        for v in 0..<nodeCount where groups.groupOf[v] >= 0 {
            var degree = 0
            for w in neighbors(of: Int32(v)) {
                let g = Int(groups.groupOf[Int(w)])
                if g < 0 { continue }
                if perGroup[g] == 0 { touched.append(g) }
                perGroup[g] += 1
                degree += 1
            }
            guard degree > 0 else { continue }
            touched.sort()  // fixed summation order
            var sum = 0.0
            for g in touched {
                let share = Double(perGroup[g]) / Double(degree)
                sum += share * share
                perGroup[g] = 0
            }
            touched.removeAll(keepingCapacity: true)
            result[v] = 1 - sum
        }
        return result
    }
}

extension Graph {
    /// ``NetworkCore/UndirectedGraph/participationCoefficients(by:missing:)`` on the
    /// undirected simple view. Time O(n + m).
    public func participationCoefficients(by partition: Partition, missing: MissingGroupPolicy = .include) -> [Double?] {
        undirectedSimple().participationCoefficients(by: partition, missing: missing)
    }
}
