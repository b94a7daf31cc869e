import NetworkCore

/// Draws one shortest `s`–`t` path uniformly at random by a *balanced bidirectional*
/// breadth-first search (Borassi & Natale 2019, "KADABRA is an ADaptive Algorithm for
/// Betweenness via Random Approximation", doi:10.1145/3284359, §5).
///
/// A forward search from `s` (out-lists) and a backward search from `t` (in-lists) grow
/// one whole level at a time, always the side whose newest level has the smaller total
/// degree, until a level's arcs reach the other side. At that moment, with the forward
/// side complete to distance `a` and the backward side to distance `b`, every shortest
/// path crosses exactly one arc `x → y` with `d(s, x) = a`, `d(y, t) = b`; there are
/// `σ_s(x)·σ_t(y)` shortest paths through it. One crossing arc is drawn with that
/// weight, then the path is completed backwards from `x` (predecessor `u` with
/// probability `σ_s(u)/σ_s(x)`) and forwards from `y` (successor `z` with probability
/// `σ_t(z)/σ_t(y)`): every shortest path is equally likely.
///
/// Directed graphs: a node that cannot reach `t` (by the ``ReachabilityFilter`` levels)
/// is never added to the forward side, and one that `s` cannot reach never to the
/// backward side; such nodes lie on no `s`–`t` path, so distances and path counts of the
/// nodes that matter are unchanged. Undirected graphs pass the same symmetric lists as
/// out- and in-lists.
///
/// Cost: the two balls, usually far smaller than one full search (≈ √ of it on
/// small-world graphs). Buffers are reused; one sampler per worker.
struct ShortestPathSampler {
    /// 0 unvisited, 1 forward side, 2 backward side.
    private var side: [UInt8]
    private var dist: [Int32]
    private var sigma: [Double]
    private var forwardQueue: [Int32]
    private var backwardQueue: [Int32]
    private var meetTail: [Int32] = []
    private var meetHead: [Int32] = []

    init(nodeCount n: Int) {
        side = [UInt8](repeating: 0, count: n)
        dist = [Int32](repeating: 0, count: n)
        sigma = [Double](repeating: 0, count: n)
        forwardQueue = [Int32](repeating: 0, count: n)
        backwardQueue = [Int32](repeating: 0, count: n)
    }

    /// Draws a uniform shortest `s`–`t` path (`s ≠ t`) and appends its internal nodes
    /// (neither `s` nor `t`) to `path`; appends nothing when `t` is out of reach or the
    /// path is a single arc. `filter` prunes nodes off every `s`–`t` path (directed).
    /// Consumes random numbers only when a path exists.
    mutating func sample(from s: Int, to t: Int, offsets: [Int], adjacency: [Int32],
                         inOffsets: [Int], inAdjacency: [Int32], filter: ReachabilityFilter,
                         rng: inout SeededGenerator, path: inout [Int32]) {
        let prune = filter.isDirected
        let targetLevel = prune ? filter.level[t] : 0, sourceLevel = prune ? filter.level[s] : 0
        let targetComponent = filter.component[t], sourceComponent = filter.component[s]
        side[s] = 1; dist[s] = 0; sigma[s] = 1
        side[t] = 2; dist[t] = 0; sigma[t] = 1
        forwardQueue[0] = Int32(s)
        backwardQueue[0] = Int32(t)
        var fStart = 0, fTail = 1, bStart = 0, bTail = 1
        var fDegree = offsets[s + 1] - offsets[s]
        var bDegree = inOffsets[t + 1] - inOffsets[t]
        meetTail.removeAll(keepingCapacity: true)
        meetHead.removeAll(keepingCapacity: true)
        while true {
            if fDegree <= bDegree {
                let lo = fStart, hi = fTail
                fStart = hi
                fDegree = 0
                for i in lo..<hi {
                    let v = Int(forwardQueue[i])
                    let next = dist[v] + 1
                    for p in offsets[v]..<offsets[v + 1] {
                        let w = Int(adjacency[p])
                        switch side[w] {
                        case 0:
                            if prune && filter.level[w] >= targetLevel && filter.component[w] != targetComponent { continue }
                            side[w] = 1; dist[w] = next; sigma[w] = sigma[v]
                            forwardQueue[fTail] = Int32(w); fTail += 1
                            fDegree += offsets[w + 1] - offsets[w]
                        case 1:
                            if dist[w] == next { sigma[w] += sigma[v] }
                        default:
                            meetTail.append(Int32(v)); meetHead.append(Int32(w))
                        }
                    }
                }
                if !meetTail.isEmpty || fTail == hi { break }
            } else {
                let lo = bStart, hi = bTail
                bStart = hi
                bDegree = 0
                for i in lo..<hi {
                    let v = Int(backwardQueue[i])
                    let next = dist[v] + 1
                    for p in inOffsets[v]..<inOffsets[v + 1] {
                        let u = Int(inAdjacency[p])
                        switch side[u] {
                        case 0:
                            if prune && filter.level[u] <= sourceLevel && filter.component[u] != sourceComponent { continue }
                            side[u] = 2; dist[u] = next; sigma[u] = sigma[v]
                            backwardQueue[bTail] = Int32(u); bTail += 1
                            bDegree += inOffsets[u + 1] - inOffsets[u]
                        case 2:
                            if dist[u] == next { sigma[u] += sigma[v] }
                        default:
                            meetTail.append(Int32(u)); meetHead.append(Int32(v))
                        }
                    }
                }
                if !meetTail.isEmpty || bTail == hi { break }
            }
        }
        if !meetTail.isEmpty {
            // One crossing arc, weighted by the shortest paths through it.
            var total = 0.0
            for k in meetTail.indices { total += sigma[Int(meetTail[k])] * sigma[Int(meetHead[k])] }
            var x = rng.unit() * total
            var chosen = meetTail.count - 1
            for k in meetTail.indices {
                x -= sigma[Int(meetTail[k])] * sigma[Int(meetHead[k])]
                if x < 0 { chosen = k; break }
            }
            // Back to s along forward predecessors.
            var v = Int(meetTail[chosen])
            while v != s {
                path.append(Int32(v))
                var r = rng.unit() * sigma[v]
                let want = dist[v] - 1
                var pick = -1
                for p in inOffsets[v]..<inOffsets[v + 1] {
                    let u = Int(inAdjacency[p])
                    guard side[u] == 1 && dist[u] == want else { continue }
                    pick = u
                    r -= sigma[u]
                    if r < 0 { break }
                }
                guard pick >= 0 else { break }  // unreachable: σ_s(v) > 0 has a predecessor
                v = pick
            }
            // On to t along backward successors.
            v = Int(meetHead[chosen])
            while v != t {
                path.append(Int32(v))
                var r = rng.unit() * sigma[v]
                let want = dist[v] - 1
                var pick = -1
                for p in offsets[v]..<offsets[v + 1] {
                    let z = Int(adjacency[p])
                    guard side[z] == 2 && dist[z] == want else { continue }
                    pick = z
                    r -= sigma[z]
                    if r < 0 { break }
                }
                guard pick >= 0 else { break }
                v = pick
            }
        }
        for i in 0..<fTail { side[Int(forwardQueue[i])] = 0 }
        for i in 0..<bTail { side[Int(backwardQueue[i])] = 0 }
    }
}
