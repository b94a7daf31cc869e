import NetworkCore

extension MixingMatrix {
    /// Newman's nominal (categorical) assortativity coefficient of the directed arcs
    /// (Newman 2003, "Mixing patterns in networks", doi:10.1103/PhysRevE.67.026126):
    /// with `e_ij` the share of arcs from group `i` to group `j`, `a_i = Σ_j e_ij` and
    /// `b_j = Σ_i e_ij`, `r = (Σ_i e_ii − Σ_i a_i b_i) / (1 − Σ_i a_i b_i)`.
    ///
    /// `r = 1` when every arc stays in its group, 0 when arcs mix as if at random given
    /// the groups' shares, negative when groups prefer each other. Counts every arc of
    /// the matrix (self-loops, duplicates), which is what NetworkX's
    /// `attribute_assortativity_coefficient` does on a `MultiDiGraph`. `nil` without arcs
    /// or when `Σ a_i b_i = 1` (all arcs in a single group). Time O(g²). Deterministic.
    public func nominalAssortativity() -> Double? {
        let m = total
        guard m > 0 else { return nil }
        let (trace, expected) = traceAndExpected()
        let denominator = 1 - expected
        guard denominator > 0 else { return nil }
        return (trace - expected) / denominator
    }

    /// Directed modularity of the partition the matrix was made from (Leicht & Newman
    /// 2008, "Community structure in directed networks", doi:10.1103/PhysRevLett.100.118703):
    /// `Q = Σ_c [ L_c / m − γ · out_c · in_c / m² ]`, with `L_c` the arcs inside `c`,
    /// `out_c`/`in_c` the arcs leaving / entering nodes of `c`, `m` all arcs and `γ` the
    /// resolution. Arcs are counted, weights ignored; self-loops and duplicates count
    /// (as NetworkX's `modularity` on a `DiGraph` weighted by multiplicity). `nil`
    /// without arcs. Time O(g²).
    public func directedModularity(resolution: Double = 1) -> Double? {
        guard total > 0 else { return nil }
        let (trace, expected) = traceAndExpected()
        return trace - resolution * expected
    }

    /// `Σ e_ii` and `Σ a_i b_i` of the normalised matrix.
    private func traceAndExpected() -> (Double, Double) {
        let m = Double(total)
        let g = counts.count
        var column = [Int](repeating: 0, count: g)
        for row in counts { for (j, c) in row.enumerated() { column[j] += c } }
        var trace = 0.0, expected = 0.0
        for i in 0..<g {
            let row = counts[i].reduce(0, +)
            trace += Double(counts[i][i]) / m
            expected += (Double(row) / m) * (Double(column[i]) / m)
        }
        return (trace, expected)
    }
}

extension Graph {
    /// Newman's nominal assortativity of `partition` over the directed arcs; see
    /// ``MixingMatrix/nominalAssortativity()``. Time O(n + m + g²).
    public func nominalAssortativity(by partition: Partition, missing: MissingGroupPolicy = .include) -> Double? {
        mixingMatrix(by: partition, missing: missing).nominalAssortativity()
    }
}
