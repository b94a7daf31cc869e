import NetworkCore

/// Hub and authority scores from ``NetworkCore/Graph/hits(tolerance:maxIterations:)``.
public struct HITSResult: Sendable, Equatable {
    /// Hub score of each node (sums to 1; all 0 in a graph without arcs).
    public let hubs: [Double]
    /// Authority score of each node (sums to 1; all 0 in a graph without arcs).
    public let authorities: [Double]
    /// Iterations performed.
    public let iterations: Int
    /// Whether the L1 change fell below the tolerance.
    public let converged: Bool
}

extension Graph {
    /// Hubs and authorities (Kleinberg 1999, "Authoritative sources in a hyperlinked
    /// environment", doi:10.1145/324133.324140): `a = Aᵀh`, `h = A a`, i.e. the principal
    /// left and right singular vectors of the adjacency matrix `A` (duplicate arcs count
    /// with multiplicity, self-loops count), each normalised to sum 1 — the same
    /// quantities as NetworkX's `hits`.
    ///
    /// Power iteration from the uniform vector, normalised each step; stops when the L1
    /// change of hubs plus authorities is below `tolerance` (default 1e-13) or after
    /// `maxIterations`. Convergence is geometric in `(σ₂/σ₁)²`; when the top singular
    /// value is repeated (e.g. several identical components) the scores depend on the
    /// uniform start and may differ from other tools' — a property of the definition.
    ///
    /// Complexity O(n + m) per iteration; deterministic.
    public func hits(tolerance: Double = 1e-13, maxIterations: Int = 10_000) -> HITSResult {
        let n = nodeCount
        guard n > 0, arcCount > 0 else {
            let zeros = [Double](repeating: 0, count: n)
            return HITSResult(hubs: zeros, authorities: zeros, iterations: 0, converged: true)
        }
        var hubs = [Double](repeating: 1 / Double(n), count: n)
        var authorities = [Double](repeating: 0, count: n)
        var nextHubs = [Double](repeating: 0, count: n)
        var nextAuthorities = [Double](repeating: 0, count: n)
        var iterations = 0
        var change = Double.infinity
        inOffsets.withUnsafeBufferPointer { inOff in
        inSources.withUnsafeBufferPointer { inSrc in
        outOffsets.withUnsafeBufferPointer { outOff in
        outTargets.withUnsafeBufferPointer { heads in
            while iterations < maxIterations && !(change < tolerance) {
                iterations += 1
                var total = 0.0
                for v in 0..<n {
                    var s = 0.0
                    for p in inOff[v]..<inOff[v + 1] { s += hubs[Int(inSrc[p])] }
                    nextAuthorities[v] = s
                    total += s
                }
                if total > 0 { for v in 0..<n { nextAuthorities[v] /= total } }
                total = 0
                for u in 0..<n {
                    var s = 0.0
                    for a in outOff[u]..<outOff[u + 1] { s += nextAuthorities[Int(heads[a])] }
                    nextHubs[u] = s
                    total += s
                }
                if total > 0 { for u in 0..<n { nextHubs[u] /= total } }
                change = 0
                for v in 0..<n {
                    change += abs(nextHubs[v] - hubs[v]) + abs(nextAuthorities[v] - authorities[v])
                }
                swap(&hubs, &nextHubs)
                swap(&authorities, &nextAuthorities)
            }
        }}}}
        return HITSResult(hubs: hubs, authorities: authorities, iterations: iterations, converged: change < tolerance)
    }
}
