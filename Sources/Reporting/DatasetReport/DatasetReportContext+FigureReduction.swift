import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// The works a citation figure draws when the top `limit` by PageRank would lose the
    /// structure. In an imported search the cited references rank highest by PageRank and
    /// have no arcs among themselves (the citing records hold the arcs), so the top 150
    /// can leave 7 works with 6 arcs of thousands. The rule: keep the PageRank selection
    /// when at least half of its works keep an arc among those drawn (the case of every
    /// curated dataset); otherwise take the `limit` works with the most citation links
    /// (in-degree + out-degree, ties by position in works.csv), i.e. the citing records
    /// with the longest reference lists and the references they cite most, and draw the
    /// largest weakly connected part of the arcs among them. nil when no reduction is
    /// needed or the PageRank selection is kept. O(n log n + m).
    func structureKeepingSelection(graph: Graph, pagerank: [Double], limit: Int) -> (nodes: [Int32], reason: String)? {
        let n = graph.nodeCount
        guard n > limit, limit > 0 else { return nil }
        let byRank = (0..<n).sorted { pagerank[$0] != pagerank[$1] ? pagerank[$0] > pagerank[$1] : $0 < $1 }
        let rankKept = Self.linkedAmong(graph: graph, chosen: Array(byRank.prefix(limit)))
        guard rankKept.count * 2 < limit else { return nil }
        let degree = (0..<n).map { graph.inDegree(Int32($0)) + graph.outDegree(Int32($0)) }
        let byDegree = (0..<n).sorted { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        let chosen = Array(byDegree.prefix(limit))
        // Largest weakly connected part of the arcs among the chosen works (union–find).
        var inChosen = [Bool](repeating: false, count: n)
        for v in chosen { inChosen[v] = true }
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for u in chosen {
            for v in graph.successors(of: Int32(u)) where inChosen[Int(v)] {
                let a = find(u), b = find(Int(v))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var size: [Int: Int] = [:]
        for v in chosen { size[find(v), default: 0] += 1 }
        guard let root = size.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key else { return nil }
        let nodes = chosen.filter { find($0) == root }.sorted().map { Int32($0) }
        let reason = "Showing \(nodes.count) of \(n) works: the largest connected part of the \(limit) works with the most citation links within the dataset (cited plus citing). "
            + "The \(limit) works of highest PageRank were not drawn because only \(rankKept.count) of them have an arc among themselves — in an imported search the most cited references rank highest and the arcs run from the citing records to them"
        return (nodes, reason)
    }

    /// The works of `chosen` with at least one arc to or from another work of `chosen`.
    static func linkedAmong(graph: Graph, chosen: [Int]) -> [Int] {
        var inChosen = [Bool](repeating: false, count: graph.nodeCount)
        for v in chosen { inChosen[v] = true }
        var linked = [Bool](repeating: false, count: graph.nodeCount)
        for u in chosen {
            for v in graph.successors(of: Int32(u)) where inChosen[Int(v)] && Int(v) != u {
                linked[u] = true
                linked[Int(v)] = true
            }
        }
        return chosen.filter { linked[$0] }
    }
}
