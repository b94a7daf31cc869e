import NetworkCore

/// Answers "does `s` reach `t`?" for many pairs, cheaply, so that a sampler can skip the
/// breadth-first search of a pair whose target is out of reach (most random pairs of a
/// citation network).
///
/// - Directed: each node gets the level of its strong component in the condensation
///   (longest chain of components above it). `s` can reach `t` only when they share a
///   component or `level(s) < level(t)`; that O(1) test settles most pairs. The rest are
///   settled by a two-sided search, forward from `s` and backward from `t`, always
///   expanding the side with the shorter queue and pruning every node whose level rules
///   it out; the search stops as soon as the two sides meet (reachable) or one side runs
///   dry (not reachable).
/// - Undirected: `s` reaches `t` exactly when they lie in the same connected component.
///
/// Exact (never a wrong answer). Set-up O(n + m); a query O(1) or, for the pairs the
/// levels cannot settle, at most O(n + m) and usually far less. The per-query buffers
/// live in ``Search``, one per worker.
struct ReachabilityFilter: Sendable {
    private let directed: Bool
    /// Strong component (directed) or connected component (undirected) of each node.
    let component: [Int32]
    /// Level of each node's strong component in the condensation (directed only; empty
    /// when undirected). `s` reaches `t` in another component only if `level[s] < level[t]`.
    let level: [Int32]

    /// Whether the filter was built for out-lists of a directed graph.
    var isDirected: Bool { directed }

    /// Builds the filter over the simple adjacency `offsets`/`adjacency` (out-lists when
    /// directed; symmetric lists when undirected).
    init(graph: Graph, offsets: [Int], adjacency: [Int32], directed: Bool) {
        self.directed = directed
        if !directed {
            component = graph.weakComponents().componentOf
            level = []
            return
        }
        let (label, count, start, members) = graph.strongComponentsInTopologicalOrder()
        var componentLevel = [Int32](repeating: 0, count: count)   // indexed by Tarjan label
        for c in 0..<count {
            let own = Int(label[Int(members[start[c]])])
            let next = componentLevel[own] + 1
            for k in start[c]..<start[c + 1] {
                let v = Int(members[k])
                for p in offsets[v]..<offsets[v + 1] {
                    let w = Int(label[Int(adjacency[p])])
                    if w != own && componentLevel[w] < next { componentLevel[w] = next }
                }
            }
        }
        component = label
        level = label.map { componentLevel[Int($0)] }
    }

    /// Reusable marks and queues for ``reaches(_:_:offsets:adjacency:inOffsets:inAdjacency:search:)``.
    struct Search {
        var forwardMark: [UInt32]
        var backwardMark: [UInt32]
        var forwardQueue: [Int32]
        var backwardQueue: [Int32]
        var epoch: UInt32 = 0

        init(nodeCount n: Int) {
            forwardMark = [UInt32](repeating: 0, count: n)
            backwardMark = [UInt32](repeating: 0, count: n)
            forwardQueue = [Int32](repeating: 0, count: n)
            backwardQueue = [Int32](repeating: 0, count: n)
        }
    }

    /// The O(1) part of the test: `false` means `t` is certainly out of `s`'s reach,
    /// `true` that it may be within it (certainly, when they share a component).
    func mayReach(_ s: Int, _ t: Int) -> Bool {
        if component[s] == component[t] { return true }
        return directed && level[s] < level[t]
    }

    /// Whether `s` reaches `t` (`s ≠ t`) along the out-lists; `inOffsets`/`inAdjacency`
    /// are the reversed lists. Exact.
    func reaches(_ s: Int, _ t: Int, offsets: [Int], adjacency: [Int32],
                 inOffsets: [Int], inAdjacency: [Int32], search: inout Search) -> Bool {
        if component[s] == component[t] { return true }
        if !directed { return false }
        let top = level[t], bottom = level[s]
        if bottom >= top { return false }
        let targetComponent = component[t], sourceComponent = component[s]
        if search.epoch == UInt32.max {
            for i in search.forwardMark.indices { search.forwardMark[i] = 0; search.backwardMark[i] = 0 }
            search.epoch = 0
        }
        search.epoch += 1
        let epoch = search.epoch
        search.forwardMark[s] = epoch
        search.backwardMark[t] = epoch
        search.forwardQueue[0] = Int32(s)
        search.backwardQueue[0] = Int32(t)
        var fHead = 0, fTail = 1, bHead = 0, bTail = 1
        while fHead < fTail && bHead < bTail {
            if fTail - fHead <= bTail - bHead {
                let v = Int(search.forwardQueue[fHead]); fHead += 1
                for p in offsets[v]..<offsets[v + 1] {
                    let w = Int(adjacency[p])
                    if search.backwardMark[w] == epoch { return true }
                    // w can lead to t only from t's component or a level above it.
                    if search.forwardMark[w] == epoch || (level[w] >= top && component[w] != targetComponent) { continue }
                    search.forwardMark[w] = epoch
                    search.forwardQueue[fTail] = Int32(w); fTail += 1
                }
            } else {
                let v = Int(search.backwardQueue[bHead]); bHead += 1
                for p in inOffsets[v]..<inOffsets[v + 1] {
                    let u = Int(inAdjacency[p])
                    if search.forwardMark[u] == epoch { return true }
                    // u can be reached from s only in s's component or a level below it.
                    if search.backwardMark[u] == epoch || (level[u] <= bottom && component[u] != sourceComponent) { continue }
                    search.backwardMark[u] = epoch
                    search.backwardQueue[bTail] = Int32(u); bTail += 1
                }
            }
        }
        return false
    }
}
