import NetworkCore

/// How ``NetworkCore/Graph/pageRank(damping:personalization:useWeights:tolerance:maxIterations:method:)``
/// solves for the scores. Both give the same vector to within the tolerance.
public enum PageRankMethod: String, Sendable, CaseIterable {
    /// Gauss–Seidel on the equivalent linear system, one strong component at a time in
    /// topological order of the condensation (default). Acyclic parts are solved exactly
    /// in one pass; only the strong components with cycles are iterated.
    case componentGaussSeidel
    /// Power iteration on the Markov chain (the textbook method; NetworkX's).
    case powerIteration
}

/// The outcome of ``NetworkCore/Graph/pageRank(damping:personalization:useWeights:tolerance:maxIterations:method:)``.
public struct PageRankResult: Sendable, Equatable {
    /// PageRank of each node, indexed by node; non-negative and summing to 1.
    public let scores: [Double]
    /// Power iteration: the number of iterations. Component Gauss–Seidel: the largest
    /// number of sweeps any one strong component needed (1 when the graph is acyclic).
    public let iterations: Int
    /// Whether every stopping test passed within `maxIterations`.
    public let converged: Bool
    /// Power iteration: the L1 change of the last iteration. Component Gauss–Seidel: the
    /// largest final relative L1 change of any iterated component (0 when acyclic).
    public let lastChange: Double
}

extension Graph {
    /// PageRank (Brin & Page 1998, "The anatomy of a large-scale hypertextual Web search
    /// engine", doi:10.1016/S0169-7552(98)00110-X).
    ///
    /// Definition: the stationary distribution of the walk that, with probability
    /// `damping`, follows an out-arc of the current node (chosen with probability
    /// proportional to its weight, or uniformly when unweighted or `useWeights` is false)
    /// and otherwise jumps to a node drawn from the teleport vector (uniform, or the
    /// normalised `personalization`). From a dangling node (no out-arcs, or zero total
    /// out-weight) the walk always jumps by the teleport vector — uniformly when there is
    /// no personalisation — exactly as NetworkX's `pagerank` and igraph's
    /// `personalized_pagerank` (PRPACK) do. Self-loops and kept duplicate arcs count as
    /// arcs (multiplicity weights the choice), as in both peers.
    ///
    /// Solution (`method`):
    /// - `.componentGaussSeidel` (default). Because a dangling node jumps by the same
    ///   vector `v` as teleportation, the scores are `x = y / Σy` where `y` solves the
    ///   sparse linear system `y_j = v_j + d · Σ_{i → j} y_i · p_ij` with `p_ij` the
    ///   transition probability of arc `i → j` and dangling rows left empty (Del Corso,
    ///   Gullì & Romani 2005, "Fast PageRank computation via a sparse linear system",
    ///   Internet Mathematics 2(3):251–273, Project Euclid euclid.im/1150474883; the same
    ///   reduction underlies igraph's PRPACK). In topological order of the strong
    ///   components (Tarjan) every `y_i` on the right is either final or inside the
    ///   current component: a component of one node without a self-loop is solved
    ///   exactly in one step, and a cyclic component is iterated by Gauss–Seidel sweeps
    ///   (self-loops moved to the left-hand side) until the L1 change of its scores in a
    ///   sweep is at most `tolerance` times their sum. Citation networks are nearly
    ///   acyclic, so most nodes are solved directly. Time O(n + m) for the components
    ///   plus O(m_c) per sweep of a cyclic component with m_c internal arcs; memory about
    ///   5n words plus the internal arcs of the largest cyclic component.
    /// - `.powerIteration`: start from `v`; stop when the L1 change between two iterates
    ///   is below `tolerance` or after `maxIterations`; the L1 error is then at most
    ///   `tolerance · d / (1 − d)`. O(n + m) time per iteration (a pull over the
    ///   in-CSR), memory 3n doubles (plus m for weighted graphs).
    ///
    /// The default tolerance, 1e-12, is stricter than the 1e-10 the specification asks
    /// for: with 1e-10 single power-iteration scores still differed from NetworkX solved
    /// to 1e-15 by up to 1e-8 (relative) on a 60-node graph; at 1e-12 both methods agree
    /// with NetworkX and igraph to 1e-9 (tests: PageRankTests, RealNetworkTests).
    ///
    /// Deterministic: every sum runs in a fixed order (node order, CSR order, Tarjan from
    /// the lowest root), so the same graph gives bit-identical scores on every machine.
    ///
    /// - Parameters:
    ///   - damping: probability of following an arc, in `[0, 1)`; default 0.85.
    ///   - personalization: optional non-negative teleport weights, one per node (not all
    ///     zero); normalised to sum 1.
    ///   - useWeights: follow arcs by weight when the graph is weighted (default true).
    ///   - tolerance: L1 stopping threshold (default 1e-12).
    ///   - maxIterations: cap on iterations, or on sweeps per component (default 10 000).
    ///   - method: how to solve (default `.componentGaussSeidel`).
    /// - Precondition: `personalization`, if given, has `nodeCount` non-negative finite
    ///   entries with a positive sum; `0 ≤ damping < 1`.
    public func pageRank(
        damping: Double = 0.85,
        personalization: [Double]? = nil,
        useWeights: Bool = true,
        tolerance: Double = 1e-12,
        maxIterations: Int = 10_000,
        method: PageRankMethod = .componentGaussSeidel
    ) -> PageRankResult {
        precondition(damping >= 0 && damping < 1, "damping must be in [0, 1)")
        let n = nodeCount
        guard n > 0 else { return PageRankResult(scores: [], iterations: 0, converged: true, lastChange: 0) }

        // Teleport vector.
        var teleport: [Double]
        if let personalization {
            precondition(personalization.count == n, "personalization needs one entry per node")
            precondition(personalization.allSatisfy { $0 >= 0 && $0.isFinite }, "personalization must be non-negative")
            let total = personalization.reduce(0, +)
            precondition(total > 0, "personalization must not be all zero")
            teleport = personalization.map { $0 / total }
        } else {
            teleport = [Double](repeating: 1 / Double(n), count: n)
        }

        // Out-strength of each node and, for weighted graphs, the transition probability
        // of each in-position (weight / out-strength of its tail).
        let weighted = useWeights && weights != nil
        var outStrength = weighted ? outStrengths() : outDegrees().map(Double.init)
        var dangling: [Int32] = []
        for v in 0..<n where !(outStrength[v] > 0) { dangling.append(Int32(v)) }
        var inProbability: [Double] = []
        if weighted, let weights {
            inProbability = [Double](repeating: 0, count: arcCount)
            for p in 0..<arcCount {
                let s = outStrength[Int(inSources[p])]
                inProbability[p] = s > 0 ? weights[Int(inArcs[p])] / s : 0
            }
        }
        // Reciprocal strengths so the unweighted pull needs no division.
        for v in 0..<n { outStrength[v] = outStrength[v] > 0 ? 1 / outStrength[v] : 0 }
        if method == .componentGaussSeidel {
            return pageRankByComponents(damping: damping, teleport: teleport, weighted: weighted,
                                        inverseOutStrength: outStrength, inProbability: inProbability,
                                        tolerance: tolerance, maxSweeps: maxIterations)
        }

        var x = teleport
        var next = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)
        var iterations = 0
        var change = Double.infinity
        inOffsets.withUnsafeBufferPointer { inOff in
        inSources.withUnsafeBufferPointer { inSrc in
        inProbability.withUnsafeBufferPointer { inProb in
        outStrength.withUnsafeBufferPointer { invOut in
        teleport.withUnsafeBufferPointer { tele in
        dangling.withUnsafeBufferPointer { dang in
        x.withUnsafeMutableBufferPointer { x in
        next.withUnsafeMutableBufferPointer { next in
        share.withUnsafeMutableBufferPointer { share in
            while iterations < maxIterations {
                iterations += 1
                var danglingMass = 0.0
                for v in dang { danglingMass += x[Int(v)] }
                let jump = damping * danglingMass + (1 - damping)
                if weighted {
                    for v in 0..<n {
                        var s = 0.0
                        for p in inOff[v]..<inOff[v + 1] { s += x[Int(inSrc[p])] * inProb[p] }
                        next[v] = damping * s + jump * tele[v]
                    }
                } else {
                    for v in 0..<n { share[v] = x[v] * invOut[v] }
                    for v in 0..<n {
                        var s = 0.0
                        for p in inOff[v]..<inOff[v + 1] { s += share[Int(inSrc[p])] }
                        next[v] = damping * s + jump * tele[v]
                    }
                }
                // Renormalise against drift, then measure the L1 change.
                var total = 0.0
                for v in 0..<n { total += next[v] }
                let scale = 1 / total
                change = 0
                for v in 0..<n {
                    let value = next[v] * scale
                    change += abs(value - x[v])
                    x[v] = value
                }
                if change < tolerance { break }
            }
        }}}}}}}}}
        return PageRankResult(scores: x, iterations: iterations, converged: change < tolerance, lastChange: change)
    }
}
