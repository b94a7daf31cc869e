import Testing
import NetworkAlgorithms
import NetworkCore
import TestSupport

@Suite("Lineage: cycle handling")
struct CycleHandlingTests {
    /// Citations (citing → cited): a ↔ b cite each other, c cites a, b cites d, and a
    /// self-loop on c. Condensation merges {a, b} (ids joined by " + "), drops the two arcs
    /// between them and the self-loop, and keeps d → {a,b} → c along the knowledge flow.
    @Test func condenseMergesMutualCitations() throws {
        var b = GraphBuilder()
        for v in ["a", "b", "c", "d"] { b.addNode(v) }
        for (x, y) in [("a", "b"), ("b", "a"), ("c", "a"), ("b", "d"), ("c", "c")] { b.addArc(from: x, to: y) }
        let dag = try KnowledgeFlowDAG(b.build().graph, cycles: .condense)
        #expect(dag.ids == ["a + b", "c", "d"])
        #expect(dag.cycles.method == "condense")
        #expect(dag.cycles.mergedComponents == [["a", "b"]])
        #expect(dag.cycles.droppedArcs == 3)
        let flow = (0..<dag.arcCount).map { "\(dag.ids[Int(dag.arcTail[$0])])>\(dag.ids[Int(dag.arcHead[$0])])" }
        #expect(flow == ["a + b>c", "d>a + b"])
        #expect(dag.nodeOfGraphNode == [0, 0, 1, 2])
    }

    /// With years, the arc of the mutual pair that cites a later work goes: a (2000) cites
    /// b (2001) contradicts publication order, b cites a does not. The self-loop on c is
    /// removed as such. e (1990) cites f (1995) also contradicts the years but lies on no
    /// cycle, so it is kept.
    @Test func removeArcsUsesPublicationOrder() throws {
        var b = GraphBuilder()
        for v in ["a", "b", "c", "e", "f"] { b.addNode(v) }
        for (x, y) in [("a", "b"), ("b", "a"), ("c", "c"), ("c", "a"), ("e", "f")] { b.addArc(from: x, to: y) }
        let years: [Int?] = [2000, 2001, 2002, 1990, 1995]
        let dag = try KnowledgeFlowDAG(b.build().graph, cycles: .removeArcs(years: years))
        let removed = dag.cycles.removedArcs.map { "\($0.citing)>\($0.cited):\($0.reason.rawValue)" }
        #expect(removed == ["a>b:citesLaterWork", "c>c:selfLoop"])
        #expect(dag.arcCount == 3)
        #expect(dag.topologicalOrder.count == 5)
    }

    /// Without years: x cites y, y cites z, z cites x. Along the knowledge flow the arcs are
    /// y→x, z→y, x→z. The DFS starts at x (index 0): x→z, z→y, then y→x returns to x on
    /// the stack — a back-arc, i.e. the citation "x cites y" is removed. The flow left is
    /// x → z → y (x oldest).
    @Test func removeArcsDFSBackArc() throws {
        var b = GraphBuilder()
        for (x, y) in [("x", "y"), ("y", "z"), ("z", "x")] { b.addArc(from: x, to: y) }
        let dag = try KnowledgeFlowDAG(b.build().graph, cycles: .removeArcs(years: nil))
        #expect(dag.cycles.removedArcs == [RemovedArc(citing: "x", cited: "y", reason: .backArc, graphArc: 0)])
        #expect(dag.topologicalOrder.map { dag.ids[Int($0)] } == ["x", "z", "y"])
    }

    /// Wrong-length years are an input error naming the field.
    @Test func yearsMustMatchNodes() throws {
        var b = GraphBuilder()
        b.addArc(from: "p", to: "q")
        #expect(throws: InputError.self) {
            _ = try KnowledgeFlowDAG(b.build().graph, cycles: .removeArcs(years: [2000]))
        }
    }

    /// Random graphs with cycles: both methods give a DAG (the topological order covers
    /// every node); arc removal only removes arcs whose ends are in the same strong
    /// component (checked against the condensation), and each year-based removal really
    /// cites a later work; condensation keeps exactly the arcs between components.
    @Test(arguments: 0..<30)
    func randomCyclicGraphs(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 77)
        let n = Int.random(in: 3...40, using: &rng)
        var b = GraphBuilder()
        for v in 0..<n { b.addNode("n\(v)") }
        for (u, v) in randomArcs(nodes: n, arcs: 3 * n, seed: UInt64(seed)) { b.addArc(from: Int32(u), to: Int32(v)) }
        let graph = b.build().graph
        let years: [Int?] = (0..<n).map { _ in Bool.random(using: &rng) ? Int.random(in: 1990...1995, using: &rng) : nil }
        let condensed = try KnowledgeFlowDAG(graph, cycles: .condense)
        #expect(condensed.topologicalOrder.count == condensed.nodeCount)
        let comp = condensed.nodeOfGraphNode
        let tails = graph.arcTails()
        let intra = (0..<graph.arcCount).filter { comp[Int(tails[$0])] == comp[Int(graph.outTargets[$0])] }.count
        #expect(condensed.arcCount + condensed.cycles.droppedArcs == graph.arcCount)
        #expect(condensed.cycles.droppedArcs == intra)
        for withYears in [false, true] {
            let dag = try KnowledgeFlowDAG(graph, cycles: .removeArcs(years: withYears ? years : nil))
            #expect(dag.topologicalOrder.count == n)
            #expect(dag.arcCount + dag.cycles.removedArcs.count == graph.arcCount)
            for r in dag.cycles.removedArcs {
                let u = Int(tails[r.graphArc]), v = Int(graph.outTargets[r.graphArc])
                #expect(comp[u] == comp[v], "removed arc not on a cycle")
                if r.reason == .citesLaterWork, let yu = years[u], let yv = years[v] { #expect(yu < yv) }
            }
        }
    }
}
