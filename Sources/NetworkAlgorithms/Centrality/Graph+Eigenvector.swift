import NetworkCore

/// Scores of an iterative centrality with its convergence report.
public struct IterativeScores: Sendable, Equatable {
    /// Score of each node.
    public let scores: [Double]
    /// Iterations performed.
    public let iterations: Int
    /// Whether the L1 change fell below the tolerance.
    public let converged: Bool
}

extension Graph {
    /// Eigenvector centrality (Bonacich 1972, "Factoring and weighting approaches to
    /// status scores and clique identification", doi:10.1080/0022250X.1972.9989806):
    /// the principal eigenvector of `Aᵀ`, `λ x_v = Σ_{u→v} x_u` — a work is central when
    /// central works cite it. Scaled to Euclidean norm 1, as NetworkX's
    /// `eigenvector_centrality`.
    ///
    /// Power iteration on `Aᵀ + I` (the shift makes periodic graphs such as cycles
    /// converge and leaves the eigenvectors unchanged; NetworkX iterates the same
    /// matrix) from the uniform vector, until the L1 change is below `tolerance`.
    /// Duplicate arcs count with multiplicity, weights are ignored. In a DAG the
    /// principal eigenvalue is 0 and the scores concentrate on the sinks; use PageRank
    /// or Katz there. O(n + m) per iteration; deterministic.
    public func eigenvectorCentrality(tolerance: Double = 1e-13, maxIterations: Int = 10_000) -> IterativeScores {
        let n = nodeCount
        guard n > 0 else { return IterativeScores(scores: [], iterations: 0, converged: true) }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var iterations = 0
        var change = Double.infinity
        while iterations < maxIterations && !(change < tolerance) {
            iterations += 1
            var squares = 0.0
            for v in 0..<n {
                var s = x[v]
                for p in inOffsets[v]..<inOffsets[v + 1] { s += x[Int(inSources[p])] }
                next[v] = s
                squares += s * s
            }
            let norm = squares.squareRoot()
            change = 0
            for v in 0..<n {
                let value = norm > 0 ? next[v] / norm : 0
                change += abs(value - x[v])
                x[v] = value
            }
        }
        return IterativeScores(scores: x, iterations: iterations, converged: change < tolerance)
    }

    /// Katz centrality (Katz 1953, "A new status index derived from sociometric
    /// analysis", doi:10.1007/BF02289026): `x_v = α Σ_{u→v} x_u + β`, i.e. every walk
    /// ending at `v` counts with weight `α^length`. Scaled to Euclidean norm 1 when
    /// `normalized` (NetworkX's `katz_centrality` default).
    ///
    /// Fixed-point iteration from 0 until the L1 change is below `tolerance`. Converges
    /// only when `α < 1/λ_max` (the largest eigenvalue of `A`); otherwise `converged` is
    /// false after `maxIterations` (or the values overflow). On a DAG any α converges.
    /// Duplicate arcs count with multiplicity; weights ignored. O(n + m) per iteration;
    /// deterministic.
    public func katzCentrality(alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true,
                               tolerance: Double = 1e-13, maxIterations: Int = 10_000) -> IterativeScores {
        let n = nodeCount
        guard n > 0 else { return IterativeScores(scores: [], iterations: 0, converged: true) }
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        var iterations = 0
        var change = Double.infinity
        while iterations < maxIterations && !(change < tolerance) && change.isFinite || iterations == 0 {
            iterations += 1
            for v in 0..<n {
                var s = 0.0
                for p in inOffsets[v]..<inOffsets[v + 1] { s += x[Int(inSources[p])] }
                next[v] = alpha * s + beta
            }
            change = 0
            for v in 0..<n { change += abs(next[v] - x[v]) }
            swap(&x, &next)
        }
        if normalized {
            let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 && norm.isFinite { for v in 0..<n { x[v] /= norm } }
        }
        return IterativeScores(scores: x, iterations: iterations, converged: change < tolerance)
    }
}
