import NetworkCore

extension Graph {
    /// The `.componentGaussSeidel` solver of
    /// ``pageRank(damping:personalization:useWeights:tolerance:maxIterations:method:)``.
    ///
    /// Solves `y_j = v_j + d · Σ_{i → j} y_i · p_ij` (dangling rows empty) component by
    /// component, sources of the condensation first, and returns `y / Σy`.
    ///
    /// - `inverseOutStrength[i]` is `1 / out-strength` (0 for dangling nodes): the
    ///   unweighted `p_ij` (times the multiplicity of the arc, which the in-CSR repeats).
    /// - `inProbability[p]`, when `weighted`, is `p_ij` of in-position `p`.
    ///
    /// A singleton component without a self-loop is solved exactly: all its in-neighbours
    /// are final. A cyclic component (more than one node, or a self-loop) first gets its
    /// constant part `b_j = v_j + d · Σ_{i outside} y_i p_ij`, its internal arcs are
    /// copied into a small CSR, and Gauss–Seidel sweeps
    /// `y_j ← (b_j + d · Σ_{i inside, i ≠ j} y_i p_ij) / (1 − d · p_jj)` run in node order
    /// until a sweep changes the component's scores by at most `tolerance` times their
    /// sum (L1), or `maxSweeps` sweeps. Time O(n + m + Σ sweeps · m_c); deterministic.
    func pageRankByComponents(
        damping d: Double, teleport: [Double], weighted: Bool,
        inverseOutStrength: [Double], inProbability: [Double],
        tolerance: Double, maxSweeps: Int
    ) -> PageRankResult {
        let n = nodeCount
        // Members of each component, components in topological order, nodes ascending.
        let (label, componentCount, start, members) = strongComponentsInTopologicalOrder()

        var y = [Double](repeating: 0, count: n)
        // share[i] = y_i / out-strength(i): what one unweighted arc out of i carries.
        var share = [Double](repeating: 0, count: n)
        var base: [Double] = []           // b_j of the current cyclic component
        var localOffsets: [Int] = []      // internal in-arcs of the current component
        var localSources: [Int32] = []
        var localProbability: [Double] = []
        var selfProbability: [Double] = []
        var sweepsMax = 1
        var worstChange = 0.0
        var converged = true

        inOffsets.withUnsafeBufferPointer { inOff in
        inSources.withUnsafeBufferPointer { inSrc in
        inProbability.withUnsafeBufferPointer { inProb in
        inverseOutStrength.withUnsafeBufferPointer { invOut in
        teleport.withUnsafeBufferPointer { tele in
        label.withUnsafeBufferPointer { label in
        members.withUnsafeBufferPointer { members in
        y.withUnsafeMutableBufferPointer { y in
        share.withUnsafeMutableBufferPointer { share in
            for c in 0..<componentCount {
                let lo = start[c], hi = start[c + 1]
                if hi - lo == 1 {
                    // One node: exact unless it has a self-loop.
                    let j = Int(members[lo])
                    var sum = 0.0, selfP = 0.0
                    for p in inOff[j]..<inOff[j + 1] {
                        let i = Int(inSrc[p])
                        let carried = weighted ? y[i] * inProb[p] : share[i]
                        if i == j { selfP += weighted ? inProb[p] : invOut[i] } else { sum += carried }
                    }
                    let value = (tele[j] + d * sum) / (1 - d * selfP)
                    y[j] = value
                    share[j] = value * invOut[j]
                    continue
                }
                // A cyclic component: constant part, internal arcs, then sweeps.
                let size = hi - lo
                let ownLabel = label[Int(members[lo])]
                base.removeAll(keepingCapacity: true)
                selfProbability.removeAll(keepingCapacity: true)
                localOffsets.removeAll(keepingCapacity: true)
                localSources.removeAll(keepingCapacity: true)
                localProbability.removeAll(keepingCapacity: true)
                localOffsets.append(0)
                for k in lo..<hi {
                    let j = Int(members[k])
                    var outside = 0.0, selfP = 0.0
                    for p in inOff[j]..<inOff[j + 1] {
                        let i = Int(inSrc[p])
                        let probability = weighted ? inProb[p] : invOut[i]
                        if i == j {
                            selfP += probability
                        } else if label[i] == ownLabel {
                            localSources.append(Int32(i))
                            localProbability.append(probability)
                        } else {
                            outside += y[i] * probability
                        }
                    }
                    base.append(tele[j] + d * outside)
                    selfProbability.append(1 / (1 - d * selfP))
                    localOffsets.append(localSources.count)
                }
                // Start from the constant part, then sweep in place (Gauss–Seidel).
                var total = 0.0
                for k in 0..<size {
                    let j = Int(members[lo + k])
                    y[j] = base[k] * selfProbability[k]
                    total += y[j]
                }
                var sweeps = 0
                var change = Double.infinity
                while sweeps < maxSweeps {
                    sweeps += 1
                    change = 0
                    total = 0
                    for k in 0..<size {
                        let j = Int(members[lo + k])
                        var sum = 0.0
                        for q in localOffsets[k]..<localOffsets[k + 1] {
                            sum += y[Int(localSources[q])] * localProbability[q]
                        }
                        let value = (base[k] + d * sum) * selfProbability[k]
                        change += abs(value - y[j])
                        total += value
                        y[j] = value
                    }
                    if change <= tolerance * total { break }
                }
                let relative = total > 0 ? change / total : 0
                if !(change <= tolerance * total) { converged = false }
                sweepsMax = max(sweepsMax, sweeps)
                worstChange = max(worstChange, relative)
                for k in lo..<hi {
                    let j = Int(members[k])
                    share[j] = y[j] * invOut[j]
                }
            }
        }}}}}}}}}

        var sum = 0.0
        for v in 0..<n { sum += y[v] }
        let scale = 1 / sum
        for v in 0..<n { y[v] *= scale }
        return PageRankResult(scores: y, iterations: sweepsMax, converged: converged, lastChange: worstChange)
    }
}
