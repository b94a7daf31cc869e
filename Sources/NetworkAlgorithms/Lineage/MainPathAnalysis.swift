import NetworkCore

/// How key routes are extended to sources and sinks (Liu & Lu 2012).
public enum KeyRouteExtension: String, Sendable, Codable, CaseIterable {
    /// Greedy: from the key route's head follow the heaviest out-arc to a sink, from its
    /// tail the heaviest in-arc back to a source ("key-route local").
    case local
    /// The heaviest (maximum total weight) path from a source to the tail and from the
    /// head to a sink ("key-route global").
    case global
}

/// Where multiple main paths start (``MainPathAnalysis/multiple(limit:anchor:)``).
public enum MultiplePathAnchor: String, Sendable, Codable, CaseIterable {
    /// One heaviest path from each of the best sources.
    case sources
    /// One heaviest path into each of the best sinks.
    case sinks
}

/// Main path analysis on a ``KnowledgeFlowDAG`` with one traversal weight.
///
/// Searches (Hummon & Doreian 1989, doi:10.1016/0378-8733(89)90017-8; Verspagen 2007,
/// doi:10.1142/S0219525907000945; Liu & Lu 2012, doi:10.1002/asi.21692), all along the
/// knowledge flow (cited → citing):
/// - ``localForward(includeTies:)``: the heaviest arc leaving any source, then repeatedly the heaviest
///   arc leaving the current node, until a sink.
/// - ``localBackward(includeTies:)``: the heaviest arc entering any sink, then repeatedly the heaviest
///   arc entering the current node, until a source.
/// - ``global()``: the source→sink path with the largest sum of arc weights (dynamic
///   programming over the topological order).
/// - ``keyRoute(routes:extension:)``: the K heaviest arcs, each extended to a source and a
///   sink; the union of those paths. ``keyRouteSweep(_:extension:)`` runs it for several K.
/// - ``multiple(limit:anchor:)``: the heaviest path from each source (or into each sink),
///   for the best `limit` of them.
/// - ``basket(tolerance:)``: every arc on some source→sink path whose total is within
///   `tolerance` (relative) of the global optimum.
///
/// **Ties** are compared with exact `Double` equality (counts are exact integers below
/// 2⁵³) and always broken towards the smallest DAG arc index, i.e. the smallest tail, then
/// head, then input arc index (DAG nodes are numbered in input order). Every tie met on
/// the chosen path is reported in ``MainPathResult/ties``. Beyond 2⁵³ (double precision or
/// normalised weights) ties are detected only up to floating-point rounding.
///
/// **Complexity**: weights O(n + m); each search O(n + m) (key-route O(m log m + K·L),
/// L the path length). Deterministic.
public struct MainPathAnalysis: Sendable {
    /// The DAG searched.
    public let dag: KnowledgeFlowDAG
    /// The weights used.
    public let weights: TraversalWeights
    /// The values compared (``TraversalWeights/searchArcWeights``).
    let w: [Double]

    /// Computes `weight` on `dag`. O(n + m).
    public init(dag: KnowledgeFlowDAG, weight: TraversalWeightKind = .spc) {
        self.dag = dag
        self.weights = TraversalWeights(dag, kind: weight)
        self.w = weights.searchArcWeights
    }

    /// Convenience: builds the DAG of `graph` (see ``KnowledgeFlowDAG/init(_:direction:cycles:)``)
    /// and computes `weight`.
    public init(
        graph: Graph, direction: CitationArcDirection = .citingToCited,
        cycles: CycleHandling = .condense, weight: TraversalWeightKind = .spc
    ) throws(InputError) {
        self.init(dag: try KnowledgeFlowDAG(graph, direction: direction, cycles: cycles), weight: weight)
    }

    // MARK: helpers

    func arc(_ a: Int) -> MainPathArc {
        MainPathArc(from: dag.ids[Int(dag.arcTail[a])], to: dag.ids[Int(dag.arcHead[a])], weight: w[a])
    }

    /// Among `candidates` (ascending arc indices), the heaviest, first on ties; records a tie.
    func pick(_ candidates: some Sequence<Int>, step: String, node: Int32?, ties: inout [MainPathTie]) -> Int? {
        var best: Int?
        var tied: [Int] = []
        for a in candidates {
            guard let b = best else { best = a; tied = [a]; continue }
            if w[a] > w[b] { best = a; tied = [a] } else if w[a] == w[b] { tied.append(a) }
        }
        if let best, tied.count > 1 {
            ties.append(MainPathTie(
                step: step, node: node.map { dag.ids[Int($0)] }, candidates: tied.map(arc), chosen: arc(best)))
        }
        return best
    }

    func forwardGreedy(from v0: Int32, ties: inout [MainPathTie]) -> [Int] {
        var path: [Int] = []
        var v = v0
        while let a = pick(dag.outArcRange(v), step: "next", node: v, ties: &ties) {
            path.append(a)
            v = dag.arcHead[a]
        }
        return path
    }

    func backwardGreedy(from v0: Int32, ties: inout [MainPathTie]) -> [Int] {
        var path: [Int] = []
        var v = v0
        while let a = pick(dag.inArcRange(v).map { Int(dag.inArcs[$0]) }, step: "previous", node: v, ties: &ties) {
            path.append(a)
            v = dag.arcTail[a]
        }
        return path.reversed()
    }

    func result(
        _ search: MainPathSearch, arcs: [Int], isPath: Bool, ties: [MainPathTie], paths: [[Int]],
        routes: Int? = nil, tolerance: Double? = nil
    ) -> MainPathResult {
        var nodes: [String] = []
        if isPath {
            if let first = arcs.first { nodes.append(dag.ids[Int(dag.arcTail[first])]) }
            for a in arcs { nodes.append(dag.ids[Int(dag.arcHead[a])]) }
        } else {
            var inSet = [Bool](repeating: false, count: dag.nodeCount)
            for a in arcs { inSet[Int(dag.arcTail[a])] = true; inSet[Int(dag.arcHead[a])] = true }
            nodes = dag.topologicalOrder.filter { inSet[Int($0)] }.map { dag.ids[Int($0)] }
        }
        let pathIDs = paths.map { p -> [String] in
            guard let first = p.first else { return [] }
            return [dag.ids[Int(dag.arcTail[first])]] + p.map { dag.ids[Int(dag.arcHead[$0])] }
        }
        return MainPathResult(
            weight: weights.kind, search: search, arcs: arcs.map(arc), nodes: nodes,
            totalWeight: arcs.reduce(0) { $0 + w[$1] }, ties: ties, cyclesRemoved: dag.cycles,
            paths: pathIDs, precision: weights.precision,
            weightScale: weights.searchUsesNormalizedWeights ? "normalized" : "count",
            arcDirection: "cited→citing", routes: routes, tolerance: tolerance, dagArcs: arcs)
    }

    // MARK: local searches

    /// Local forward main path (see the type). O(n + m).
    ///
    /// With `includeTies`, every tied choice is followed instead of the first one (Pajek's
    /// habit): the result is the network of all arcs reached that way (``MainPathResult/paths``
    /// empty; ``MainPathResult/ties`` still lists each tie met).
    public func localForward(includeTies: Bool = false) -> MainPathResult {
        var ties: [MainPathTie] = []
        let starts = (0..<dag.arcCount).lazy.filter { self.dag.inDegree(self.dag.arcTail[$0]) == 0 }
        guard let first = pick(starts, step: "start", node: nil, ties: &ties) else {
            return result(.localForward, arcs: [], isPath: true, ties: [], paths: [])
        }
        if includeTies {
            let startArcs = ties.isEmpty ? [first] : allTied(starts, as: first)
            let arcs = followAllTies(from: startArcs, forward: true, ties: &ties)
            return result(.localForward, arcs: arcs, isPath: false, ties: ties, paths: [])
        }
        let path = [first] + forwardGreedy(from: dag.arcHead[first], ties: &ties)
        return result(.localForward, arcs: path, isPath: true, ties: ties, paths: [path])
    }

    /// Local backward main path (see the type). O(n + m). `includeTies` as for
    /// ``localForward(includeTies:)``.
    public func localBackward(includeTies: Bool = false) -> MainPathResult {
        var ties: [MainPathTie] = []
        let starts = (0..<dag.arcCount).lazy.filter { self.dag.outDegree(self.dag.arcHead[$0]) == 0 }
        guard let last = pick(starts, step: "start", node: nil, ties: &ties) else {
            return result(.localBackward, arcs: [], isPath: true, ties: [], paths: [])
        }
        if includeTies {
            let startArcs = ties.isEmpty ? [last] : allTied(starts, as: last)
            let arcs = followAllTies(from: startArcs, forward: false, ties: &ties)
            return result(.localBackward, arcs: arcs, isPath: false, ties: ties, paths: [])
        }
        let path = backwardGreedy(from: dag.arcTail[last], ties: &ties) + [last]
        return result(.localBackward, arcs: path, isPath: true, ties: ties, paths: [path])
    }

    /// The arcs of `candidates` with the same weight as `chosen`, ascending.
    func allTied(_ candidates: some Sequence<Int>, as chosen: Int) -> [Int] {
        candidates.filter { w[$0] == w[chosen] }
    }

    /// From the given arcs, repeatedly adds every heaviest out-arc (forward) or in-arc
    /// (backward) of each newly reached node. Each node is expanded once: O(n + m).
    func followAllTies(from startArcs: [Int], forward: Bool, ties: inout [MainPathTie]) -> [Int] {
        var inSet = Set(startArcs)
        var expanded = [Bool](repeating: false, count: dag.nodeCount)
        var queue: [Int32] = startArcs.map { forward ? dag.arcHead[$0] : dag.arcTail[$0] }
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            if expanded[Int(v)] { continue }
            expanded[Int(v)] = true
            let cands: [Int] = forward ? Array(dag.outArcRange(v)) : dag.inArcRange(v).map { Int(dag.inArcs[$0]) }
            guard let best = pick(cands, step: forward ? "next" : "previous", node: v, ties: &ties) else { continue }
            for a in allTied(cands, as: best) {
                inSet.insert(a)
                queue.append(forward ? dag.arcHead[a] : dag.arcTail[a])
            }
        }
        return inSet.sorted()
    }

    // MARK: global search

    /// Best totals: `f[v]` = heaviest path from a source to `v`, `fArc[v]` its last arc
    /// (smallest arc index among ties), `fTied[v]` whether that choice was tied.
    func bestFromSources() -> (f: [Double], arc: [Int], tied: [Bool]) {
        let n = dag.nodeCount
        var f = [Double](repeating: 0, count: n)
        var best = [Int](repeating: -1, count: n)
        var tied = [Bool](repeating: false, count: n)
        for v in dag.topologicalOrder {
            for p in dag.inArcRange(v) {
                let a = Int(dag.inArcs[p])
                let value = f[Int(dag.arcTail[a])] + w[a]
                let b = best[Int(v)]
                if b < 0 || value > f[Int(v)] {
                    f[Int(v)] = value; best[Int(v)] = a; tied[Int(v)] = false
                } else if value == f[Int(v)] {
                    tied[Int(v)] = true
                    if a < b { best[Int(v)] = a }
                }
            }
        }
        return (f, best, tied)
    }

    /// `g[v]` = heaviest path from `v` to a sink, `arc[v]` its first arc.
    func bestToSinks() -> (g: [Double], arc: [Int], tied: [Bool]) {
        let n = dag.nodeCount
        var g = [Double](repeating: 0, count: n)
        var best = [Int](repeating: -1, count: n)
        var tied = [Bool](repeating: false, count: n)
        for v in dag.topologicalOrder.reversed() {
            for a in dag.outArcRange(v) {
                let value = g[Int(dag.arcHead[a])] + w[a]
                if best[Int(v)] < 0 || value > g[Int(v)] {
                    g[Int(v)] = value; best[Int(v)] = a; tied[Int(v)] = false
                } else if value == g[Int(v)] {
                    tied[Int(v)] = true
                }
            }
        }
        return (g, best, tied)
    }

    /// Ties at `v` for the backward DP: all in-arcs achieving `f[v]`.
    func predecessorTie(_ v: Int32, f: [Double], chosen: Int) -> MainPathTie {
        let cands = dag.inArcRange(v).map { Int(dag.inArcs[$0]) }.filter { f[Int(dag.arcTail[$0])] + w[$0] == f[Int(v)] }
        return MainPathTie(step: "predecessor", node: dag.ids[Int(v)], candidates: cands.map(arc), chosen: arc(chosen))
    }

    func successorTie(_ v: Int32, g: [Double], chosen: Int) -> MainPathTie {
        let cands = dag.outArcRange(v).filter { g[Int(dag.arcHead[$0])] + w[$0] == g[Int(v)] }
        return MainPathTie(step: "next", node: dag.ids[Int(v)], candidates: cands.map(arc), chosen: arc(chosen))
    }

    /// Path ending at `v` along the DP predecessors, in flow order; ties appended.
    func tracePredecessors(_ v0: Int32, _ dp: (f: [Double], arc: [Int], tied: [Bool]), ties: inout [MainPathTie]) -> [Int] {
        var path: [Int] = []
        var v = v0
        while dp.arc[Int(v)] >= 0 {
            let a = dp.arc[Int(v)]
            if dp.tied[Int(v)] { ties.append(predecessorTie(v, f: dp.f, chosen: a)) }
            path.append(a)
            v = dag.arcTail[a]
        }
        return path.reversed()
    }

    func traceSuccessors(_ v0: Int32, _ dp: (g: [Double], arc: [Int], tied: [Bool]), ties: inout [MainPathTie]) -> [Int] {
        var path: [Int] = []
        var v = v0
        while dp.arc[Int(v)] >= 0 {
            let a = dp.arc[Int(v)]
            if dp.tied[Int(v)] { ties.append(successorTie(v, g: dp.g, chosen: a)) }
            path.append(a)
            v = dag.arcHead[a]
        }
        return path
    }

    /// Global main path: the source→sink path of maximum total weight. Among equal totals,
    /// the sink whose best last arc has the smallest arc index, and at every node the
    /// smallest predecessor arc. O(n + m).
    public func global() -> MainPathResult {
        let dp = bestFromSources()
        var ties: [MainPathTie] = []
        // Candidate ends: last arcs of the best paths into sinks that have in-arcs.
        var endArcs: [Int] = []
        var bestTotal = -Double.infinity
        for v in 0..<dag.nodeCount where dag.outDegree(Int32(v)) == 0 && dp.arc[v] >= 0 {
            if dp.f[v] > bestTotal { bestTotal = dp.f[v]; endArcs = [dp.arc[v]] }
            else if dp.f[v] == bestTotal { endArcs.append(dp.arc[v]) }
        }
        endArcs.sort()
        guard let endArc = endArcs.first else {
            return result(.global, arcs: [], isPath: true, ties: [], paths: [])
        }
        if endArcs.count > 1 {
            ties.append(MainPathTie(step: "end", node: nil, candidates: endArcs.map(arc), chosen: arc(endArc)))
        }
        let path = tracePredecessors(dag.arcHead[endArc], dp, ties: &ties)
        ties.reverse()  // report in flow order (end tie last)
        return result(.global, arcs: path, isPath: true, ties: ties, paths: [path])
    }

    // MARK: key-route

    /// The K heaviest arcs (smallest arc index first among equal weights); a tie at the
    /// cut-off is reported.
    func keyArcs(_ k: Int, ties: inout [MainPathTie]) -> [Int] {
        let order = (0..<dag.arcCount).sorted { w[$0] != w[$1] ? w[$0] > w[$1] : $0 < $1 }
        let k = min(max(k, 0), order.count)
        let chosen = Array(order.prefix(k))
        if k > 0 && k < order.count, let lastChosen = chosen.last, w[order[k]] == w[lastChosen] {
            let cands = order.filter { w[$0] == w[lastChosen] }.sorted()
            ties.append(MainPathTie(step: "keyRouteCutoff", node: nil, candidates: cands.map(arc), chosen: arc(lastChosen)))
        }
        return chosen
    }

    /// Key-route main path network (Liu & Lu 2012, doi:10.1002/asi.21692): the union of the
    /// paths through each of the `routes` heaviest arcs, each extended to a source and a
    /// sink as `extension` says. O(m log m + routes·L).
    public func keyRoute(routes: Int, extension ext: KeyRouteExtension = .local) -> MainPathResult {
        let (arcs, paths, ties) = keyRouteArcs(routes: routes, extension: ext)
        return result(.keyRoute, arcs: arcs, isPath: false, ties: ties, paths: paths, routes: routes)
    }

    func keyRouteArcs(routes: Int, extension ext: KeyRouteExtension) -> ([Int], [[Int]], [MainPathTie]) {
        var ties: [MainPathTie] = []
        let keys = keyArcs(routes, ties: &ties)
        let f = ext == .global ? bestFromSources() : ([], [], [])
        let g = ext == .global ? bestToSinks() : ([], [], [])
        var inSet = Set<Int>()
        var paths: [[Int]] = []
        for key in keys {
            let back: [Int], fwd: [Int]
            switch ext {
            case .local:
                back = backwardGreedy(from: dag.arcTail[key], ties: &ties)
                fwd = forwardGreedy(from: dag.arcHead[key], ties: &ties)
            case .global:
                back = tracePredecessors(dag.arcTail[key], f, ties: &ties)
                fwd = traceSuccessors(dag.arcHead[key], g, ties: &ties)
            }
            let path = back + [key] + fwd
            paths.append(path)
            inSet.formUnion(path)
        }
        // The same tie can be met by several routes: report each once.
        var seen = Set<String>()
        ties = ties.filter { t in
            seen.insert("\(t.step)|\(t.node ?? "")|\(t.candidates.map { "\($0.from)>\($0.to)" })").inserted
        }
        return (inSet.sorted(), paths, ties)
    }

    /// Key-route networks for each K in `routes`: their sizes and total weights.
    public func keyRouteSweep(_ routes: [Int], extension ext: KeyRouteExtension = .local) -> [KeyRouteSweepRow] {
        routes.map { k in
            let (arcs, _, _) = keyRouteArcs(routes: k, extension: ext)
            var nodes = Set<Int32>()
            for a in arcs { nodes.insert(dag.arcTail[a]); nodes.insert(dag.arcHead[a]) }
            return KeyRouteSweepRow(routes: k, nodes: nodes.count, arcs: arcs.count, totalWeight: arcs.reduce(0) { $0 + w[$1] })
        }
    }

    // MARK: multiple and baskets

    /// Multiple main paths. With `anchor` ``MultiplePathAnchor/sources`` (default): for every
    /// source with out-arcs, its heaviest path to a sink; with ``MultiplePathAnchor/sinks``:
    /// for every sink with in-arcs, the heaviest path from a source into it. The `limit`
    /// anchors with the largest totals are kept (equal totals: smallest node index; a tie
    /// across the cut-off is reported as step `"source"` / `"sink"`). The result is the union
    /// of the paths; ``MainPathResult/paths`` lists each one. O(n + m + a log a), a anchors.
    public func multiple(limit: Int, anchor: MultiplePathAnchor = .sources) -> MainPathResult {
        var ties: [MainPathTie] = []
        var paths: [[Int]] = []
        let k: Int
        switch anchor {
        case .sources:
            let dp = bestToSinks()
            let anchors = (0..<dag.nodeCount).filter { dag.inDegree(Int32($0)) == 0 && dp.arc[$0] >= 0 }
                .sorted { dp.g[$0] != dp.g[$1] ? dp.g[$0] > dp.g[$1] : $0 < $1 }
            k = min(max(limit, 0), anchors.count)
            if k > 0 && k < anchors.count && dp.g[anchors[k]] == dp.g[anchors[k - 1]] {
                let cands = anchors.filter { dp.g[$0] == dp.g[anchors[k - 1]] }.map { dp.arc[$0] }.sorted()
                ties.append(MainPathTie(step: "source", node: nil, candidates: cands.map(arc), chosen: arc(dp.arc[anchors[k - 1]])))
            }
            for s in anchors.prefix(k) { paths.append(traceSuccessors(Int32(s), dp, ties: &ties)) }
        case .sinks:
            let dp = bestFromSources()
            let anchors = (0..<dag.nodeCount).filter { dag.outDegree(Int32($0)) == 0 && dp.arc[$0] >= 0 }
                .sorted { dp.f[$0] != dp.f[$1] ? dp.f[$0] > dp.f[$1] : $0 < $1 }
            k = min(max(limit, 0), anchors.count)
            if k > 0 && k < anchors.count && dp.f[anchors[k]] == dp.f[anchors[k - 1]] {
                let cands = anchors.filter { dp.f[$0] == dp.f[anchors[k - 1]] }.map { dp.arc[$0] }.sorted()
                ties.append(MainPathTie(step: "sink", node: nil, candidates: cands.map(arc), chosen: arc(dp.arc[anchors[k - 1]])))
            }
            for t in anchors.prefix(k) {
                var pathTies: [MainPathTie] = []
                paths.append(tracePredecessors(Int32(t), dp, ties: &pathTies))
                ties += pathTies.reversed()
            }
        }
        var inSet = Set<Int>()
        for p in paths { inSet.formUnion(p) }
        return result(.multiple, arcs: inSet.sorted(), isPath: false, ties: ties, paths: paths, routes: limit)
    }

    /// Near-optimal basket: every arc `u→v` with `f(u) + w(u→v) + g(v) ≥ (1 − tolerance)·best`,
    /// where `f(u)` is the heaviest source→`u` total, `g(v)` the heaviest `v`→sink total and
    /// `best` the global optimum; i.e. every arc on some source→sink path within `tolerance`
    /// (relative, 0 ≤ tolerance ≤ 1) of the best. A relative slack of 10⁻¹² absorbs rounding,
    /// so tolerance 0 gives the union of all optimal paths. O(n + m).
    public func basket(tolerance: Double) -> MainPathResult {
        let f = bestFromSources().f
        let g = bestToSinks().g
        var best = 0.0
        for v in 0..<dag.nodeCount where dag.inDegree(Int32(v)) == 0 { best = max(best, g[v]) }
        let tol = min(max(tolerance, 0), 1)
        let threshold = best * (1 - tol) - best * 1e-12
        let arcs = (0..<dag.arcCount).filter {
            f[Int(dag.arcTail[$0])] + w[$0] + g[Int(dag.arcHead[$0])] >= threshold
        }
        return result(.basket, arcs: best > 0 ? arcs : [], isPath: false, ties: [], paths: [], tolerance: tol)
    }
}
