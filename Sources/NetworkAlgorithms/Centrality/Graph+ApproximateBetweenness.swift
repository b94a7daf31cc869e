import Foundation
import NetworkCore

/// How ``NetworkCore/Graph/approximateBetweenness(epsilon:delta:seed:directed:method:)``
/// samples. Both give the same (ε, δ) guarantee.
public enum ApproximateBetweennessMethod: String, Sendable, CaseIterable {
    /// Adaptive sampling with a stopping rule and balanced bidirectional searches
    /// (Borassi & Natale 2019, doi:10.1145/3284359): usually far fewer and far cheaper
    /// samples. The default.
    case kadabra
    /// A fixed number of samples, each a full breadth-first search to the target's level
    /// (Riondato & Kornaropoulos 2016, doi:10.1007/s10618-015-0423-0).
    case riondatoKornaropoulos
}

/// Result of ``NetworkCore/Graph/approximateBetweenness(epsilon:delta:seed:directed:method:)``.
public struct ApproximateBetweenness: Sendable, Equatable {
    /// Estimated betweenness of every node as a fraction of ordered pairs of distinct
    /// nodes: `b(v) = 1/(n(n−1)) Σ_{s ≠ t} σ_st(v)/σ_st` (the paper's normalisation; it
    /// equals NetworkX's normalised betweenness times `(n−2)/n`).
    public let scores: [Double]
    /// Number of sampled pairs: `r` (Riondato–Kornaropoulos), or both phases of KADABRA.
    public let samples: Int
    /// The additive error bound ε.
    public let epsilon: Double
    /// The failure probability δ.
    public let delta: Double
    /// The upper bound on the vertex diameter (nodes on a longest shortest path) used.
    public let vertexDiameterBound: Int
    /// The sampling method used.
    public var method: ApproximateBetweennessMethod = .riondatoKornaropoulos
    /// The most samples the method could have drawn (`r`, or KADABRA's cap `ω`).
    public var maximumSamples: Int = 0
}

extension Graph {
    /// Approximate betweenness with an (ε, δ) guarantee by shortest-path sampling: with
    /// probability at least `1 − δ`, every node's estimate is within `ε` of its exact
    /// `b(v)` (see ``ApproximateBetweenness/scores`` for the normalisation).
    ///
    /// `method: .kadabra` (default) samples adaptively until the estimates are provably
    /// close enough, each sample a balanced bidirectional search; see
    /// ``kadabraBetweenness(epsilon:delta:seed:directed:)`` for its definition, stopping
    /// rule and determinism. `method: .riondatoKornaropoulos` draws the fixed sample size
    /// below (Riondato & Kornaropoulos 2016, "Fast approximation of betweenness
    /// centrality through sampling", doi:10.1007/s10618-015-0423-0).
    ///
    /// Riondato–Kornaropoulos: `r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉` with `c = 0.5` and `VD` an
    /// upper bound on the vertex diameter (for `VD < 3` the log term is taken as 1). Each
    /// of the `r` samples draws an ordered pair `s ≠ t` uniformly; if `t` is reachable it
    /// draws one shortest `s`–`t` path uniformly (backwards from `t`, each predecessor `u`
    /// with probability `σ_su/σ_sw`) and adds `1/r` to every internal node of the path.
    /// With probability at least `1 − δ`, every node's estimate is within `ε` of its
    /// exact `b(v)` (see ``ApproximateBetweenness/scores`` for the normalisation).
    ///
    /// `VD` bounds: undirected (simple view), per component `2·ecc(x) + 1` from a BFS of
    /// its smallest node `x`, the largest over components (the paper's bound); directed,
    /// the heaviest path of the condensation with each strong component weighted by its
    /// size (any simple path visits the strong components in topological order), which
    /// is looser but safe.
    ///
    /// Complexity: O(n + m) for the bound, then O(r · (n + m)) in the worst case (each
    /// BFS stops at `t`'s level). Pairs whose target is out of reach are recognised
    /// first by ``ReachabilityFilter`` (component levels, then a two-sided search) and
    /// cost no BFS; they add nothing and draw nothing, so the values are the same. Memory O(n + m) per block. Parallel: the samples are
    /// split into a fixed number of blocks, block `b` drawing from
    /// `SeededGenerator(seed ⊕ f(b))`, and summed in block order: same graph, ε, δ and
    /// seed → bit-identical scores on every machine.
    /// - Precondition: `0 < epsilon < 1`, `0 < delta < 1`.
    public func approximateBetweenness(epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 1,
                                       directed: Bool = true,
                                       method: ApproximateBetweennessMethod = .kadabra) -> ApproximateBetweenness {
        precondition(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1, "ε and δ must lie in (0, 1)")
        switch method {
        case .kadabra:
            return kadabraBetweenness(epsilon: epsilon, delta: delta, seed: seed, directed: directed)
        case .riondatoKornaropoulos:
            return approximateBetweenness(epsilon: epsilon, delta: delta, seed: seed, directed: directed, filterPairs: true)
        }
    }

    /// The sampler, with the reachability filter switchable so that tests can check it
    /// changes no value.
    func approximateBetweenness(epsilon: Double, delta: Double, seed: UInt64, directed: Bool,
                                filterPairs: Bool) -> ApproximateBetweenness {
        precondition(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1, "ε and δ must lie in (0, 1)")
        let n = nodeCount
        let (offsets, adjacency) = directed ? simpleOutAdjacency() : {
            let u = undirectedSimple()
            return (u.offsets, u.adjacency)
        }()
        // Predecessor lists: the reverse simple adjacency (the same lists when undirected).
        let (inOffsets, inAdjacency) = directed ? Self.reverseAdjacency(offsets: offsets, adjacency: adjacency, n: n)
                                                : (offsets, adjacency)
        let vd = directed ? directedVertexDiameterBound(offsets: offsets, adjacency: adjacency)
                          : Self.undirectedVertexDiameterBound(offsets: offsets, adjacency: adjacency, n: n)
        let logTerm = vd >= 3 ? Double(Int(log2(Double(vd - 2)).rounded(.down)) + 1) : 1
        let r = Int((0.5 / (epsilon * epsilon) * (logTerm + log(1 / delta))).rounded(.up))
        guard n >= 3 else {
            return ApproximateBetweenness(scores: [Double](repeating: 0, count: n), samples: r,
                                          epsilon: epsilon, delta: delta, vertexDiameterBound: vd,
                                          method: .riondatoKornaropoulos, maximumSamples: r)
        }
        let increment = 1 / Double(r)
        // Most random pairs of a citation network are out of reach; the filter settles
        // them without a search. A pair out of reach draws no random numbers below, so
        // skipping it changes no value.
        let filter = ReachabilityFilter(graph: self, offsets: offsets, adjacency: adjacency, directed: directed)
        let (blocks, partial) = SourceBlocks.run(sources: r, width: n) { block, range, accumulator in
            var rng = SeededGenerator(seed: seed ^ (UInt64(block + 1) &* 0xD1B5_4A32_D192_ED03))
            var sigma = [Double](repeating: 0, count: n)
            var dist = [Int32](repeating: -1, count: n)
            var queue = [Int32](repeating: 0, count: n)
            var search = ReachabilityFilter.Search(nodeCount: n)
            for _ in range {
                let s = rng.below(n)
                var t = rng.below(n - 1)
                if t >= s { t += 1 }
                guard !filterPairs || filter.reaches(s, t, offsets: offsets, adjacency: adjacency,
                                                     inOffsets: inOffsets, inAdjacency: inAdjacency,
                                                     search: &search) else { continue }
                // BFS from s, stopping once t's level is complete.
                sigma[s] = 1
                dist[s] = 0
                queue[0] = Int32(s)
                var head = 0, tail = 1
                var targetDistance = Int32.max
                while head < tail {
                    let v = Int(queue[head])
                    let dv = dist[v]
                    if dv >= targetDistance { break }
                    head += 1
                    for p in offsets[v]..<offsets[v + 1] {
                        let w = Int(adjacency[p])
                        if dist[w] < 0 {
                            dist[w] = dv + 1
                            queue[tail] = Int32(w); tail += 1
                            if w == t { targetDistance = dv + 1 }
                        }
                        if dist[w] == dv + 1 { sigma[w] += sigma[v] }
                    }
                }
                if dist[t] > 1 {
                    // Walk back from t, choosing predecessor u with probability σ_u/σ_w.
                    var w = t
                    while true {
                        let dw = dist[w]
                        var x = Double(rng.next() >> 11) * 0x1p-53 * sigma[w]
                        var chosen = -1
                        for p in inOffsets[w]..<inOffsets[w + 1] {
                            let u = Int(inAdjacency[p])
                            if dist[u] == dw - 1 && dist[u] >= 0 {
                                chosen = u
                                x -= sigma[u]
                                if x < 0 { break }
                            }
                        }
                        if chosen < 0 || chosen == s { break }
                        accumulator[chosen] += increment
                        w = chosen
                    }
                }
                for k in 0..<tail {
                    let v = Int(queue[k])
                    sigma[v] = 0; dist[v] = -1
                }
            }
        }
        let scores = SourceBlocks.reduce(partial, blocks: blocks, width: n)
        return ApproximateBetweenness(scores: scores, samples: r, epsilon: epsilon, delta: delta,
                                      vertexDiameterBound: vd, method: .riondatoKornaropoulos, maximumSamples: r)
    }

    /// Undirected vertex-diameter bound: the largest `2·ecc(x) + 1` over components, `x`
    /// the component's smallest node (Riondato & Kornaropoulos 2016, §5.1). O(n + m).
    static func undirectedVertexDiameterBound(offsets: [Int], adjacency: [Int32], n: Int) -> Int {
        var dist = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var bound = n > 0 ? 1 : 0
        for x in 0..<n where dist[x] < 0 {
            dist[x] = 0
            queue[0] = Int32(x)
            var head = 0, tail = 1
            var ecc: Int32 = 0
            while head < tail {
                let v = Int(queue[head]); head += 1
                ecc = max(ecc, dist[v])
                for p in offsets[v]..<offsets[v + 1] where dist[Int(adjacency[p])] < 0 {
                    dist[Int(adjacency[p])] = dist[v] + 1
                    queue[tail] = adjacency[p]; tail += 1
                }
            }
            bound = max(bound, min(tail, 2 * Int(ecc) + 1))
        }
        return bound
    }

    /// Directed vertex-diameter bound: the heaviest path through the condensation, each
    /// strong component weighing its size. O(n + m).
    func directedVertexDiameterBound(offsets: [Int], adjacency: [Int32]) -> Int {
        let strong = strongComponents()
        let k = strong.count
        guard k > 0 else { return 0 }
        var size = [Int](repeating: 0, count: k)
        for v in 0..<nodeCount { size[Int(strong.componentOf[v])] += 1 }
        // Condensation DAG arcs, then the heaviest path by Kahn's order.
        var indegree = [Int](repeating: 0, count: k)
        var start = [Int](repeating: 0, count: k + 1)
        for v in 0..<nodeCount {
            let cv = Int(strong.componentOf[v])
            for p in offsets[v]..<offsets[v + 1] where Int(strong.componentOf[Int(adjacency[p])]) != cv {
                start[cv + 1] += 1
            }
        }
        for c in 0..<k { start[c + 1] += start[c] }
        var fill = start
        var arcs = [Int32](repeating: 0, count: start[k])
        for v in 0..<nodeCount {
            let cv = Int(strong.componentOf[v])
            for p in offsets[v]..<offsets[v + 1] {
                let cw = strong.componentOf[Int(adjacency[p])]
                if Int(cw) != cv {
                    arcs[fill[cv]] = cw
                    fill[cv] += 1
                    indegree[Int(cw)] += 1
                }
            }
        }
        var heaviest = size
        var queue = (0..<k).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let c = queue[head]; head += 1
            for p in start[c]..<start[c + 1] {
                let d = Int(arcs[p])
                heaviest[d] = max(heaviest[d], heaviest[c] + size[d])
                indegree[d] -= 1
                if indegree[d] == 0 { queue.append(d) }
            }
        }
        return heaviest.max() ?? 0
    }
}
