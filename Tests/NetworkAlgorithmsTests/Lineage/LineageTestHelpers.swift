import NetworkAlgorithms
import NetworkCore

/// Builds a graph whose arcs are given *along the knowledge flow* (cited → citing) from
/// labelled pairs; nodes are declared first in `nodes` order so indices are predictable.
func flowGraph(nodes: [String], arcs: [(String, String)]) -> Graph {
    var b = GraphBuilder()
    for v in nodes { b.addNode(v) }
    for (u, v) in arcs { b.addArc(from: u, to: v) }
    return b.build().graph
}

/// The DAG of a flow-direction graph (no cycles expected).
func flowDAG(nodes: [String], arcs: [(String, String)]) throws -> KnowledgeFlowDAG {
    try KnowledgeFlowDAG(flowGraph(nodes: nodes, arcs: arcs), direction: .citedToCiting)
}

/// Weight of the DAG arc `from → to` (first such arc) for a given weight table.
func weight(_ dag: KnowledgeFlowDAG, _ w: TraversalWeights, _ from: String, _ to: String) -> Double? {
    for a in 0..<dag.arcCount where dag.ids[Int(dag.arcTail[a])] == from && dag.ids[Int(dag.arcHead[a])] == to {
        return w.arcWeights[a]
    }
    return nil
}

/// Independent oracle: enumerates every path (length ≥ 1) of a small DAG given as
/// arc lists, by explicit recursion over the arcs (no dynamic programming).
struct BruteForcePaths {
    let n: Int
    let tails: [Int]
    let heads: [Int]
    /// Every path as its list of arc indices.
    private(set) var paths: [[Int]] = []

    init(n: Int, tails: [Int], heads: [Int]) {
        self.n = n
        self.tails = tails
        self.heads = heads
        for start in 0..<n { extend(at: start, prefix: []) }
    }

    private mutating func extend(at v: Int, prefix: [Int]) {
        for a in 0..<tails.count where tails[a] == v {
            let p = prefix + [a]
            paths.append(p)
            extend(at: heads[a], prefix: p)
        }
    }

    func isSource(_ v: Int) -> Bool { !heads.contains(v) }
    func isSink(_ v: Int) -> Bool { !tails.contains(v) }

    /// SPC, SPLC, SPNP of every arc by counting enumerated paths.
    func arcCounts() -> (spc: [Int], splc: [Int], spnp: [Int]) {
        var spc = [Int](repeating: 0, count: tails.count)
        var splc = spc, spnp = spc
        for p in paths {
            guard let first = p.first, let last = p.last else { continue }
            let endsAtSink = isSink(heads[last])
            let fromSource = isSource(tails[first])
            for a in Set(p) {
                spnp[a] += 1
                if endsAtSink { splc[a] += 1 }
                if endsAtSink && fromSource { spc[a] += 1 }
            }
        }
        return (spc, splc, spnp)
    }

    /// Source→sink paths (length ≥ 1).
    var sourceSinkPaths: [[Int]] {
        paths.filter { p in
            guard let f = p.first, let l = p.last else { return false }
            return isSource(tails[f]) && isSink(heads[l])
        }
    }
}
