import Foundation
import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

/// Naive references: reachability sets by repeated BFS (O(n·(n+m))), only for small n.
private func reachable(_ n: Int, _ adjacency: [[Int]], from s: Int) -> Set<Int> {
    var seen: Set<Int> = [s]
    var queue = [s]
    while let v = queue.popLast() {
        for w in adjacency[v] where !seen.contains(w) {
            seen.insert(w)
            queue.append(w)
        }
    }
    return seen
}

/// Component labels from a relation "same component", numbered by smallest member.
private func naiveLabels(_ n: Int, sameComponent: (Int, Int) -> Bool) -> [Int32] {
    var label = [Int32](repeating: -1, count: n)
    var next: Int32 = 0
    for v in 0..<n where label[v] < 0 {
        for w in v..<n where label[w] < 0 && sameComponent(v, w) { label[w] = next }
        next += 1
    }
    return label
}

@Suite("Weak and strong components")
struct ComponentsTests {
    /// 0→1→2→0 (a cycle), 2→3, 4→5, 6 isolated.
    /// Weak by hand: {0,1,2,3}, {4,5}, {6}. Strong: {0,1,2}, {3}, {4}, {5}, {6}.
    @Test func handExample() {
        let g = makeGraph(nodes: 7, [(0, 1), (1, 2), (2, 0), (2, 3), (4, 5)])
        let weak = g.weakComponents()
        #expect(weak.componentOf == [0, 0, 0, 0, 1, 1, 2])
        #expect(weak.sizes == [4, 2, 1])
        #expect(weak.count == 3 && weak.largestSize == 4 && weak.largest == 0)
        let strong = g.strongComponents()
        #expect(strong.componentOf == [0, 0, 0, 1, 2, 3, 4])
        #expect(strong.sizes == [3, 1, 1, 1, 1])
        #expect(strong.members(of: 0) == [0, 1, 2])
        #expect(!g.isAcyclic())
        #expect(makeGraph(nodes: 4, [(0, 1), (1, 2), (0, 2), (3, 2)]).isAcyclic())
    }

    /// A self-loop is a cycle of length one even though its strong component is a single node.
    @Test func selfLoopIsACycle() {
        let g = makeGraph(nodes: 2, [(0, 1), (1, 1)])
        #expect(g.strongComponents().count == 2)
        #expect(!g.isAcyclic())
        #expect(!GraphSummary(graph: g).acyclic)
    }

    @Test func emptyGraph() {
        let g = makeGraph(nodes: 0, [])
        #expect(g.weakComponents().count == 0)
        #expect(g.strongComponents().largest == nil)
        #expect(g.isAcyclic())
    }

    /// Seeded random digraphs, sparse and dense: both decompositions equal the naive
    /// reachability definitions (weak: reachable in the symmetrised graph; strong:
    /// mutually reachable), numbering included.
    @Test(arguments: [(UInt64(1), 30, 25), (2, 30, 60), (3, 50, 120), (4, 12, 40), (5, 80, 70), (6, 40, 400)])
    func matchNaiveReachability(seed: UInt64, nodes n: Int, arcs m: Int) {
        let arcs = randomArcs(nodes: n, arcs: m, seed: seed)
        let g = makeGraph(nodes: n, arcs)
        var out = [[Int]](repeating: [], count: n)
        var both = [[Int]](repeating: [], count: n)
        for (u, v) in arcs {
            out[u].append(v)
            both[u].append(v)
            both[v].append(u)
        }
        let reachOut = (0..<n).map { reachable(n, out, from: $0) }
        let reachBoth = (0..<n).map { reachable(n, both, from: $0) }
        #expect(g.weakComponents().componentOf == naiveLabels(n) { reachBoth[$0].contains($1) })
        #expect(g.strongComponents().componentOf == naiveLabels(n) { reachOut[$0].contains($1) && reachOut[$1].contains($0) })
    }

    /// Deep graphs must not overflow the stack: a 1,000,000-node path (one long DFS
    /// branch) and the same path closed into a cycle (one strong component).
    @Test func millionNodePath() {
        let n = DeepGraphs.n
        let path = DeepGraphs.path
        #expect(path.weakComponents().count == 1)
        #expect(path.strongComponents().count == n)
        #expect(path.isAcyclic())
        let strong = DeepGraphs.cycle.strongComponents()
        #expect(strong.count == 1 && strong.largestSize == n)
        #expect(!DeepGraphs.cycle.isAcyclic())
    }

    @Test func matchesNetworkX() throws {
        for fixture in try PeerFixtures.small() {
            let g = fixture.graph()
            let weak = g.weakComponents(), strong = g.strongComponents()
            #expect(weak.count == fixture.weakComponents, "\(fixture.name)")
            #expect(weak.sizes.sorted(by: >) == fixture.weakSizes, "\(fixture.name)")
            #expect(strong.count == fixture.strongComponents, "\(fixture.name)")
            #expect(strong.sizes.sorted(by: >) == fixture.strongSizes, "\(fixture.name)")
            #expect(g.isAcyclic() == fixture.acyclic, "\(fixture.name)")
        }
    }

    /// The `graph` block encodes with exactly the keys of ARCHITECTURE.md §6.
    @Test func summaryJSONKeys() throws {
        let build: GraphBuildResult = {
            var b = GraphBuilder(duplicates: .drop)
            b.addArc(from: "a", to: "b"); b.addArc(from: "a", to: "b"); b.addArc(from: "b", to: "b")
            b.addArc(from: "c", to: "d")
            return b.build()
        }()
        let summary = GraphSummary(build)
        #expect(summary == GraphSummary(nodes: 4, arcs: 3, selfLoops: 1, duplicateArcs: 1, weakComponents: 2,
                                        largestWeakComponent: 2, strongComponents: 4, acyclic: false))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(summary), as: UTF8.self)
        #expect(json == #"{"acyclic":false,"arcs":3,"duplicateArcs":1,"largestWeakComponent":2,"nodes":4,"selfLoops":1,"strongComponents":4,"weakComponents":2}"#)
    }
}

/// The 1,000,000-node path 0 → 1 → … and the same path closed into a cycle, built once
/// and shared by the deep-graph tests (building them dominates those tests in debug).
enum DeepGraphs {
    static let n = 1_000_000
    static let path: Graph = make(closed: false)
    static let cycle: Graph = make(closed: true)

    static func make(closed: Bool) -> Graph {
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(n)
        for v in 0..<n {
            if v + 1 < n { targets.append(Int32(v + 1)) } else if closed { targets.append(0) }
            offsets[v + 1] = targets.count
        }
        return csrGraph(nodes: n, offsets: offsets, targets: targets)
    }
}

/// A graph straight from out-CSR arrays (ids "0"…), building the in-CSR by counting.
func csrGraph(nodes n: Int, offsets: [Int], targets: [Int32]) -> Graph {
    var inOffsets = [Int](repeating: 0, count: n + 1)
    for t in targets { inOffsets[Int(t) + 1] += 1 }
    for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
    var fill = inOffsets
    var inSources = [Int32](repeating: 0, count: targets.count)
    var inArcs = [Int32](repeating: 0, count: targets.count)
    for u in 0..<n {
        for a in offsets[u]..<offsets[u + 1] {
            let v = Int(targets[a])
            inSources[fill[v]] = Int32(u)
            inArcs[fill[v]] = Int32(a)
            fill[v] += 1
        }
    }
    let ids = (0..<n).map(String.init)
    var index: [String: Int32] = [:]
    index.reserveCapacity(n)
    for (i, id) in ids.enumerated() { index[id] = Int32(i) }
    return Graph(ids: ids, outOffsets: offsets, outTargets: targets, inOffsets: inOffsets,
                 inSources: inSources, inArcs: inArcs, weights: nil, indexByID: index)
}
