import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("k-core, topological order, condensation")
struct StructureTests {
    /// Triangle 0–1–2 with a pendant 3 on node 2 and an isolated 4 (undirected view):
    /// peeling removes 4 (degree 0), then 3 (degree 1); the triangle is a 2-core.
    @Test func coresByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 0), (3, 2)])
        #expect(g.coreNumbers(.undirected) == [2, 2, 2, 1, 0])
        // In-degree cores: every triangle node has in-degree ≥ 1 within the triangle;
        // node 3 has in-degree 0. Out-cores: 3 has out-degree 1 into the triangle, so
        // it is in the out-1-core too.
        #expect(g.coreNumbers(.in) == [1, 1, 1, 0, 0])
        #expect(g.coreNumbers(.out) == [1, 1, 1, 1, 0])
        // All: triangle nodes have in+out = 2 inside the triangle.
        #expect(g.coreNumbers(.all) == [2, 2, 2, 1, 0])
        // A self-loop does not raise a core number.
        #expect(makeGraph(nodes: 2, [(0, 1), (1, 1)]).coreNumbers(.all) == [1, 1])
    }

    @Test func coresMatchPeers() throws {
        let fixtures = try PeerFixtures.small()
        #expect(fixtures.filter { $0.coreUndirected != nil && $0.coreAll != nil && $0.coreIn != nil && $0.coreOut != nil }.count == 10)
        for f in fixtures {
            let g = f.graph()
            if let e = f.coreUndirected { #expect(g.coreNumbers(.undirected) == e, "\(f.name)") }
            if let e = f.coreAll { #expect(g.coreNumbers(.all) == e, "\(f.name) (igraph all)") }
            if let e = f.coreIn { #expect(g.coreNumbers(.in) == e, "\(f.name) (igraph in)") }
            if let e = f.coreOut { #expect(g.coreNumbers(.out) == e, "\(f.name) (igraph out)") }
        }
    }

    /// Seeded random graphs: the core numbers satisfy the definition — the nodes with
    /// core ≥ k induce a subgraph of minimum degree ≥ k, and none of core exactly k could
    /// stay in a (k+1)-core (checked by naive repeated peeling).
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func coresMatchNaivePeeling(seed: UInt64) {
        let n = 40
        let g = makeGraph(nodes: n, randomArcs(nodes: n, arcs: 120, seed: seed))
        let u = g.undirectedSimple()
        var naive = [Int](repeating: 0, count: n)
        var alive = Set(0..<n)
        var k = 0
        while !alive.isEmpty {
            // Remove every node with degree ≤ k among the alive ones, repeatedly.
            var changed = true
            while changed {
                changed = false
                for v in alive.sorted() {
                    let d = u.neighbors(of: Int32(v)).filter { alive.contains(Int($0)) }.count
                    if d <= k {
                        naive[v] = k
                        alive.remove(v)
                        changed = true
                    }
                }
            }
            k += 1
        }
        #expect(g.coreNumbers(.undirected) == naive)
    }

    /// DAG 0→1, 0→2, 1→3, 2→3: Kahn from the sources in index order gives 0, 1, 2, 3.
    @Test func topologicalOrderByHand() {
        let g = makeGraph(nodes: 4, [(0, 1), (0, 2), (1, 3), (2, 3)])
        #expect(g.topologicalOrder() == .order([0, 1, 2, 3]))
        // 4 → 0 makes 4 a source too: 0 and 4 first (index order), then the rest.
        let h = makeGraph(nodes: 5, [(0, 1), (0, 2), (1, 3), (2, 3), (4, 0)])
        #expect(h.topologicalOrder().order == [4, 0, 1, 2, 3])
    }

    /// 0→1→2→3→1 (cycle 1→2→3→1) and 3→4: the witness is the cycle, from its smallest node.
    @Test func cycleWitnessByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 2), (2, 3), (3, 1), (3, 4)])
        #expect(g.topologicalOrder() == .cycle([1, 2, 3]))
        #expect(makeGraph(nodes: 2, [(0, 1), (1, 1)]).topologicalOrder() == .cycle([1]))
    }

    /// Random graphs: either a valid order (every arc forward, every node once) or a
    /// cycle whose consecutive nodes are joined by arcs — never both impossible.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func orderOrWitnessIsValid(seed: UInt64) {
        let n = 50
        // Half the seeds make DAGs (arcs from lower to higher index only).
        let raw = randomArcs(nodes: n, arcs: 120, seed: seed)
        let arcs = seed % 2 == 0 ? raw.filter { $0.0 < $0.1 } : raw
        let g = makeGraph(nodes: n, arcs)
        switch g.topologicalOrder() {
        case .order(let order):
            #expect(g.isAcyclic())
            #expect(order.sorted() == (0..<Int32(n)).map { $0 })
            var position = [Int](repeating: 0, count: n)
            for (i, v) in order.enumerated() { position[Int(v)] = i }
            for (u, v) in arcs { #expect(position[u] < position[v]) }
        case .cycle(let cycle):
            #expect(!g.isAcyclic())
            #expect(!cycle.isEmpty && Set(cycle).count == cycle.count)
            for i in cycle.indices {
                let from = cycle[i], to = cycle[(i + 1) % cycle.count]
                #expect(g.successors(of: from).contains(to))
            }
        }
    }

    /// A 1,000,000-node path: Kahn's algorithm and the condensation stay iterative.
    @Test func deepPathOrder() {
        let n = DeepGraphs.n
        let path = DeepGraphs.path
        let order = path.topologicalOrder().order
        #expect(order?.count == n && order?.first == 0 && order?.last == Int32(n - 1))
        #expect(path.coreNumbers(.undirected).allSatisfy { $0 == 1 })
        #expect(DeepGraphs.cycle.topologicalOrder().cycle?.count == n)
        #expect(DeepGraphs.cycle.condensation().graph.nodeCount == 1)
    }

    /// Two 2-cycles {0,1}, {2,3} joined by 1→2 and 0→3 (twice), a self-loop on 4, 3→4:
    /// components {0,1}=0, {2,3}=1, {4}=2; arcs 0→1 with weight 3 (1→2, 0→3, 0→3) and
    /// 1→2 weight 1; the self-loop and the cycles disappear.
    @Test func condensationByHand() {
        let g = makeGraph(nodes: 5, [(0, 1), (1, 0), (2, 3), (3, 2), (1, 2), (0, 3), (0, 3), (4, 4), (3, 4)])
        let c = g.condensation()
        #expect(c.components.componentOf == [0, 0, 1, 1, 2])
        #expect(c.graph.nodeCount == 3 && c.graph.arcCount == 2)
        #expect(c.graph.successors(of: 0) == [1] && c.graph.successors(of: 1) == [2])
        #expect(c.graph.weights == [3, 1])
        #expect(c.graph.isAcyclic())
    }

    @Test func condensationMatchesNetworkX() throws {
        for f in try PeerFixtures.small() {
            guard let nodes = f.condensationNodes, let arcs = f.condensationArcs else { continue }
            let c = f.graph().condensation()
            #expect(c.graph.nodeCount == nodes && c.graph.arcCount == arcs, "\(f.name)")
            #expect(c.graph.isAcyclic(), "\(f.name)")
        }
    }
}
