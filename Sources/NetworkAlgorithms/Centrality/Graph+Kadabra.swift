import Foundation
import NetworkCore

extension Graph {
    /// KADABRA: approximate betweenness by adaptive sampling (Borassi & Natale 2019,
    /// "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation",
    /// doi:10.1145/3284359), with the (ε, δ) guarantee of
    /// ``approximateBetweenness(epsilon:delta:seed:directed:method:)``.
    ///
    /// Definition. `ω = (c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(2/δ))`, `c = 0.5`, is the
    /// Riondato–Kornaropoulos sample size at failure probability δ/2 (the cap). Each
    /// sample draws an ordered pair `s ≠ t` uniformly and, when `t` is reachable, one
    /// uniform shortest `s`–`t` path by a balanced bidirectional search
    /// (``ShortestPathSampler``); each internal node of the path scores one. After `τ`
    /// samples the estimate is `b̃(v) = count(v)/τ`.
    /// 1. A first phase of `⌈ω/100⌉` samples gives rough values `b̂(v)`, used only to
    ///    share δ/2 among the nodes: `δ(v) = exp(−C ε²/b̂(v)) + δβ/(4n)`, `β = 0.001`,
    ///    with `C` the smallest constant (bisection) such that `Σ_v 2δ(v) ≤ δ/2`
    ///    (nodes never seen get `δβ/(4n)`). These samples are then discarded.
    /// 2. Fresh samples are drawn in rounds; after each round the algorithm stops when
    ///    every node has `f(b̃, δ(v), ω, τ) < ε` and `g(b̃, δ(v), ω, τ) < ε`, where
    ///    `f = (L/τ)(1/3 − ω/τ + √((1/3 − ω/τ)² + 2b̃ω/L))` and
    ///    `g = (L/τ)(1/3 + ω/τ + √((1/3 + ω/τ)² + 2b̃ω/L))`, `L = ln(1/δ(v))` (the
    ///    paper's martingale bounds: `b(v) ∈ [b̃ − f, b̃ + g]` for all `v` and all `τ`
    ///    with probability `≥ 1 − Σ 2δ(v)`), or when `τ` reaches `ω`.
    ///
    /// Guarantee: with probability at least `1 − δ` every estimate is within ε of the
    /// exact `b(v)` (δ/2 for the adaptive bounds, δ/2 for the cap `ω`).
    ///
    /// Determinism: the samples are split into a fixed number of blocks
    /// (``SourceBlocks/defaultCount``, whatever the core count), block `b` drawing from
    /// its own `SeededGenerator` seeded by the `b`-th output of `SeededGenerator(seed)`; a round of `R` samples
    /// gives block `b` the samples `⌊Rb/B⌋..<⌊R(b+1)/B⌋`; counts are integers merged
    /// after each round and the stopping test runs on the merged counts. Same graph, ε,
    /// δ and seed → bit-identical scores on any machine and any number of threads.
    ///
    /// Complexity: O(n + m) set-up, then `τ ≤ ω` samples, each the two balls of its
    /// bidirectional search (typically far below one BFS); the stopping test is
    /// O(nodes scored so far) per round.
    /// `parallel: false` draws the blocks one after another on the calling thread (for
    /// tests: the values must not change).
    func kadabraBetweenness(epsilon: Double, delta: Double, seed: UInt64, directed: Bool,
                            parallel: Bool = true) -> ApproximateBetweenness {
        let n = nodeCount
        let (offsets, adjacency) = directed ? simpleOutAdjacency() : {
            let u = undirectedSimple()
            return (u.offsets, u.adjacency)
        }()
        let (inOffsets, inAdjacency) = directed ? Self.reverseAdjacency(offsets: offsets, adjacency: adjacency, n: n)
                                                : (offsets, adjacency)
        let vd = directed ? directedVertexDiameterBound(offsets: offsets, adjacency: adjacency)
                          : Self.undirectedVertexDiameterBound(offsets: offsets, adjacency: adjacency, n: n)
        let logTerm = vd >= 3 ? Double(Int(log2(Double(vd - 2)).rounded(.down)) + 1) : 1
        let omega = 0.5 / (epsilon * epsilon) * (logTerm + log(2 / delta))
        let cap = Int(omega.rounded(.up))
        guard n >= 3 else {
            return ApproximateBetweenness(scores: [Double](repeating: 0, count: n), samples: 0, epsilon: epsilon,
                                          delta: delta, vertexDiameterBound: vd, method: .kadabra, maximumSamples: cap)
        }
        let filter = ReachabilityFilter(graph: self, offsets: offsets, adjacency: adjacency, directed: directed)
        let blockCount = SourceBlocks.defaultCount
        var master = SeededGenerator(seed: seed)
        let workers = (0..<blockCount).map { _ in KadabraWorker(seed: master.next(), nodeCount: n) }
        var counts = [Int32](repeating: 0, count: n)
        var scored: [Int32] = []
        /// Draws `size` samples over the blocks in parallel and adds their paths to `counts`.
        func drawRound(_ size: Int) {
            let work: @Sendable (Int) -> Void = { b in
                let lo = size * b / blockCount, hi = size * (b + 1) / blockCount
                workers[b].draw(hi - lo, nodeCount: n, offsets: offsets, adjacency: adjacency,
                                inOffsets: inOffsets, inAdjacency: inAdjacency, filter: filter)
            }
            if parallel {
                DispatchQueue.concurrentPerform(iterations: blockCount, execute: work)
            } else {
                for b in 0..<blockCount { work(b) }
            }
            for worker in workers {
                for v in worker.path {
                    if counts[Int(v)] == 0 { scored.append(v) }
                    counts[Int(v)] += 1
                }
            }
        }

        // Phase 1: rough values to share δ/2 among the nodes.
        let first = max(blockCount, Int((omega / 100).rounded(.up)))
        drawRound(first)
        let beta = 0.001
        let floorDelta = delta * beta / (4 * Double(n))
        let roughValues = scored.map { Double(counts[Int($0)]) / Double(first) }
        let budget = delta * (1 - beta) / 2
        func spent(_ c: Double) -> Double {
            roughValues.reduce(0) { $0 + 2 * exp(-c * epsilon * epsilon / $1) }
        }
        var low = 0.0, high = log(4 * Double(n) / (delta * (1 - beta))) / (epsilon * epsilon)
        while spent(high) > budget { high *= 2 }  // cannot happen for b̂ ≤ 1; kept as a guard
        for _ in 0..<100 where high - low > 1e-9 * high {
            let middle = (low + high) / 2
            if spent(middle) > budget { low = middle } else { high = middle }
        }
        let floorLog = -log(floorDelta)
        var logInverse = [Double](repeating: floorLog, count: n)
        for (k, v) in scored.enumerated() {
            logInverse[Int(v)] = -log(exp(-high * epsilon * epsilon / roughValues[k]) + floorDelta)
        }
        for v in scored { counts[Int(v)] = 0 }
        scored.removeAll(keepingCapacity: true)

        // Phase 2: rounds until every node's bounds are within ε, or ω samples.
        let roundSize = max(64 * blockCount, cap / 64)
        var tau = 0
        while tau < cap {
            let size = min(roundSize, cap - tau)
            drawRound(size)
            tau += size
            if Self.kadabraFinished(counts: counts, scored: scored, logInverse: logInverse, floorLog: floorLog,
                                    tau: tau, omega: omega, epsilon: epsilon) { break }
        }
        let scale = 1 / Double(tau)
        let scores = counts.map { Double($0) * scale }
        return ApproximateBetweenness(scores: scores, samples: first + tau, epsilon: epsilon, delta: delta,
                                      vertexDiameterBound: vd, method: .kadabra, maximumSamples: cap)
    }

    /// KADABRA's stopping test: every node's lower and upper deviation bounds below ε.
    /// Nodes not scored yet share the worst case `b̃ = 0`, `δ = δβ/(4n)`.
    static func kadabraFinished(counts: [Int32], scored: [Int32], logInverse: [Double], floorLog: Double,
                                tau: Int, omega: Double, epsilon: Double) -> Bool {
        let t = Double(tau)
        let ratio = omega / t
        func upper(_ b: Double, _ l: Double) -> Double {
            let a = ratio + 1.0 / 3
            return min(1 - b, l / t * (a + (a * a + 2 * b * omega / l).squareRoot()))
        }
        func lower(_ b: Double, _ l: Double) -> Double {
            let a = 1.0 / 3 - ratio
            return min(b, l / t * (a + (a * a + 2 * b * omega / l).squareRoot()))
        }
        if upper(0, floorLog) >= epsilon { return false }
        for v in scored {
            let b = Double(counts[Int(v)]) / t
            let l = logInverse[Int(v)]
            if upper(b, l) >= epsilon || lower(b, l) >= epsilon { return false }
        }
        return true
    }
}

/// One block of KADABRA's sampler: its own generator and search buffers, and the
/// internal nodes of the paths drawn in the current round. Used by one worker at a time.
final class KadabraWorker: @unchecked Sendable {
    private var rng: SeededGenerator
    private var sampler: ShortestPathSampler
    /// Internal nodes of this round's paths, one entry per visit.
    private(set) var path: [Int32] = []

    init(seed: UInt64, nodeCount n: Int) {
        rng = SeededGenerator(seed: seed)
        sampler = ShortestPathSampler(nodeCount: n)
    }

    /// Draws `count` uniform ordered pairs and a shortest path for each reachable one.
    func draw(_ count: Int, nodeCount n: Int, offsets: [Int], adjacency: [Int32], inOffsets: [Int],
              inAdjacency: [Int32], filter: ReachabilityFilter) {
        path.removeAll(keepingCapacity: true)
        for _ in 0..<count {
            let s = rng.below(n)
            var t = rng.below(n - 1)
            if t >= s { t += 1 }
            guard filter.mayReach(s, t) else { continue }
            sampler.sample(from: s, to: t, offsets: offsets, adjacency: adjacency, inOffsets: inOffsets,
                           inAdjacency: inAdjacency, filter: filter, rng: &rng, path: &path)
        }
    }
}
