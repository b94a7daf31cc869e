import Foundation
import Testing
import NetworkAlgorithms
import NetworkCore
import TestSupport

@Suite("Lineage: main path searches")
struct MainPathTests {
    /// Batagelj's Test.net (path-count-tests), arcs along the knowledge flow. SPC weights
    /// (PROVENANCE.md table): 3→5 3, 3→21 1, 5→12 3, 12→20 2, 12→15 1, 20→21 1, 20→22 1,
    /// 15→22 1, 21→22 2. Node indices follow `nodes`.
    static let nodes = ["3", "5", "12", "20", "15", "21", "22"]
    static let arcs = [
        ("3", "5"), ("3", "21"), ("5", "12"), ("12", "20"), ("12", "15"),
        ("20", "21"), ("20", "22"), ("15", "22"), ("21", "22"),
    ]
    func analysis() throws -> MainPathAnalysis {
        MainPathAnalysis(dag: try flowDAG(nodes: Self.nodes, arcs: Self.arcs), weight: .spc)
    }
    func pairs(_ r: MainPathResult) -> [String] { r.arcs.map { "\($0.from)>\($0.to)" } }

    /// Source→sink path totals by hand: 3-5-12-20-21-22 = 3+3+2+1+2 = 11,
    /// 3-5-12-20-22 = 9, 3-5-12-15-22 = 8, 3-21-22 = 3. The global path is the first.
    @Test func globalMainPathByHand() throws {
        let r = try analysis().global()
        #expect(r.nodes == ["3", "5", "12", "20", "21", "22"])
        #expect(r.totalWeight == 11)
        #expect(r.ties.isEmpty)
        #expect(r.search == .global && r.weight == .spc && r.precision == .exact)
        #expect(r.arcDirection == "cited→citing")
    }

    /// Forward from source 3: 3→5 (3 > 1), 5→12, 12→20 (2 > 1), then at 20 the arcs to 21
    /// and 22 both weigh 1: tie, broken to the smaller node index (21 is index 5, 22 is 6),
    /// then 21→22.
    @Test func localForwardReportsTieAt20() throws {
        let r = try analysis().localForward()
        #expect(r.nodes == ["3", "5", "12", "20", "21", "22"])
        #expect(r.ties.count == 1)
        let tie = try #require(r.ties.first)
        #expect(tie.step == "next" && tie.node == "20")
        #expect(tie.candidates.map { $0.to } == ["21", "22"])
        #expect(tie.chosen.to == "21")
    }

    /// Following every tie: forward, at 20 both 20→21 and 20→22 are kept, and 21 continues
    /// to 22: arcs 3→5, 5→12, 12→20, 20→21, 20→22, 21→22. Backward, both 3→21 and 20→21 are
    /// kept, and from 20 the search goes back 12→20, 5→12, 3→5.
    @Test func localSearchesFollowingAllTies() throws {
        let a = try analysis()
        let f = a.localForward(includeTies: true)
        #expect(Set(pairs(f)) == ["3>5", "5>12", "12>20", "20>21", "20>22", "21>22"])
        #expect(f.ties.count == 1 && f.paths.isEmpty)
        let b = a.localBackward(includeTies: true)
        #expect(Set(pairs(b)) == ["3>21", "20>21", "21>22", "12>20", "5>12", "3>5"])
    }

    /// Backward from the sink 22: 21→22 (2) beats 20→22 and 15→22 (1); into 21 the arcs
    /// 3→21 and 20→21 both weigh 1: tie, broken to the smaller tail (3 is index 0).
    @Test func localBackwardReportsTieAt21() throws {
        let r = try analysis().localBackward()
        #expect(r.nodes == ["3", "21", "22"])
        #expect(r.totalWeight == 3)
        let tie = try #require(r.ties.first)
        #expect(tie.step == "previous" && tie.node == "21")
        #expect(tie.candidates.map { $0.from } == ["3", "20"])
        #expect(tie.chosen.from == "3")
    }

    /// Key routes (SPC order: 3→5 3, 5→12 3, 12→20 2, 21→22 2, then the 1s). K = 1, 2, 3
    /// all give the path 3-5-12-20-21-22 (5 arcs); K = 3 cuts between the tied 12→20 and
    /// 21→22 (reported). K = 4 adds key route 21→22, whose local backward extension takes
    /// 3→21 (tie with 20→21 broken to tail 3): 6 arcs. With global extension the best path
    /// into 21 comes from 20 (total 9 > 1), so the network stays at 5 arcs.
    @Test func keyRouteAndSweep() throws {
        let a = try analysis()
        let k1 = a.keyRoute(routes: 1)
        #expect(Set(pairs(k1)) == ["3>5", "5>12", "12>20", "20>21", "21>22"])
        #expect(k1.ties.contains { $0.step == "keyRouteCutoff" })  // 3→5 tied with 5→12
        let k3 = a.keyRoute(routes: 3)
        let cutoff = try #require(k3.ties.first { $0.step == "keyRouteCutoff" })
        #expect(cutoff.candidates.map { "\($0.from)>\($0.to)" } == ["12>20", "21>22"])
        let k4 = a.keyRoute(routes: 4)
        #expect(Set(pairs(k4)) == ["3>5", "5>12", "12>20", "20>21", "21>22", "3>21"])
        #expect(k4.paths.count == 4)
        let k4g = a.keyRoute(routes: 4, extension: .global)
        #expect(Set(pairs(k4g)) == ["3>5", "5>12", "12>20", "20>21", "21>22"])
        let sweep = a.keyRouteSweep([1, 2, 3, 4])
        #expect(sweep.map(\.arcs) == [5, 5, 5, 6])
        #expect(sweep.map(\.nodes) == [6, 6, 6, 6])
        #expect(sweep.last?.totalWeight == 12)
    }

    /// Baskets: tolerance 0 keeps the unique optimal path (11); tolerance 0.2 (threshold
    /// 8.8) adds the path of total 9, i.e. the arc 20→22; tolerance 1 keeps every arc.
    @Test func baskets() throws {
        let a = try analysis()
        #expect(Set(pairs(a.basket(tolerance: 0))) == ["3>5", "5>12", "12>20", "20>21", "21>22"])
        #expect(Set(pairs(a.basket(tolerance: 0.2))) == ["3>5", "5>12", "12>20", "20>21", "21>22", "20>22"])
        #expect(a.basket(tolerance: 1).arcs.count == 9)
    }

    /// Two sources x, y: x→m (x reaches the sinks through m), y→m, m→z1, m→z2, y→z2.
    /// SPC (4 source→sink paths): x→m 2, y→m 2, m→z1 2, m→z2 2, y→z2 1. Best totals:
    /// x: 2+2 = 4 (m→z1 and m→z2 tie, broken to z1); y: 2+2 = 4 (y→m→z1) vs 1 (y→z2).
    /// Sources tie at 4 → order by index: x then y; limit 1 reports the cut-off tie.
    @Test func multipleMainPaths() throws {
        let dag = try flowDAG(
            nodes: ["x", "y", "m", "z1", "z2"],
            arcs: [("x", "m"), ("y", "m"), ("m", "z1"), ("m", "z2"), ("y", "z2")])
        let a = MainPathAnalysis(dag: dag, weight: .spc)
        let two = a.multiple(limit: 2)
        #expect(two.paths == [["x", "m", "z1"], ["y", "m", "z1"]])
        #expect(two.ties.contains { $0.step == "next" && $0.node == "m" })
        let one = a.multiple(limit: 1)
        #expect(one.paths == [["x", "m", "z1"]])
        #expect(one.ties.contains { $0.step == "source" })
        // Into sinks: best into z1 = 2 + 2 = 4 via m (x→m and y→m tie, broken to x);
        // best into z2 = max(2 + 2 via m, 1 from y) = 4. Sinks tie at 4: z1 (index 3) first.
        let sinks = a.multiple(limit: 2, anchor: .sinks)
        #expect(sinks.paths == [["x", "m", "z1"], ["x", "m", "z2"]])
        #expect(sinks.ties.contains { $0.step == "predecessor" && $0.node == "m" })
        #expect(a.multiple(limit: 1, anchor: .sinks).ties.contains { $0.step == "sink" })
    }

    /// Global search on random DAGs against the brute-force enumerator: the returned path
    /// is a source→sink path whose SPC total equals the maximum over all such paths; the
    /// tolerance-0 basket is exactly the union of all optimal paths, and a tolerance-0.3
    /// basket the union of all paths within 30 %.
    @Test(arguments: 0..<40)
    func globalAndBasketMatchBruteForce(seed: Int) throws {
        let (n, tails, heads) = randomSmallDAG(seed: UInt64(seed) &+ 1000)
        let graph = flowGraph(nodes: (0..<n).map { "v\($0)" }, arcs: zip(tails, heads).map { ("v\($0)", "v\($1)") })
        let dag = try KnowledgeFlowDAG(graph, direction: .citedToCiting)
        let gt = graph.arcTails().map(Int.init), gh = graph.outTargets.map(Int.init)
        let oracle = BruteForcePaths(n: n, tails: gt, heads: gh)
        let spc = oracle.arcCounts().spc
        let ss = oracle.sourceSinkPaths
        let totals = ss.map { p in p.reduce(0) { $0 + spc[$1] } }
        let a = MainPathAnalysis(dag: dag, weight: .spc)
        let r = a.global()
        guard let best = totals.max() else {
            #expect(r.arcs.isEmpty)
            return
        }
        #expect(r.totalWeight == Double(best))
        // The result is a real source→sink path of the graph.
        let dagArcs = r.dagArcs.map { Int(dag.graphArc[$0]) }
        #expect(ss.contains(dagArcs))
        func union(_ keep: (Int) -> Bool) -> Set<String> {
            var s = Set<String>()
            for (p, t) in zip(ss, totals) where keep(t) { for x in p { s.insert("v\(gt[x])>v\(gh[x])") } }
            return s
        }
        #expect(Set(pairs(a.basket(tolerance: 0))) == union { $0 == best })
        #expect(Set(pairs(a.basket(tolerance: 0.3))) == union { Double($0) >= 0.7 * Double(best) })
        // Determinism: a second run gives the identical result.
        #expect(a.global().dagArcs == r.dagArcs)
    }

    /// Tie-breaking by smallest index: a diamond s→{b,a}→t where both branches weigh the
    /// same. Node "b" is declared before "a", so it has the smaller index and wins; the tie
    /// is reported with both candidates.
    @Test func tieBrokenBySmallestNodeIndexNotName() throws {
        let dag = try flowDAG(nodes: ["s", "b", "a", "t"], arcs: [("s", "a"), ("s", "b"), ("a", "t"), ("b", "t")])
        let a = MainPathAnalysis(dag: dag, weight: .spc)
        let g = a.global()
        #expect(g.nodes == ["s", "b", "t"])
        #expect(g.ties.count == 1)
        #expect(g.ties.first?.step == "predecessor" || g.ties.first?.step == "end")
        let f = a.localForward()
        #expect(f.nodes == ["s", "b", "t"])
        #expect(f.ties.first?.candidates.map(\.to) == ["b", "a"])
        let bw = a.localBackward()
        #expect(bw.nodes == ["s", "b", "t"])
    }

    /// A 200,000-node citation chain (node i cites node i−1): every step is iterative, so
    /// building the DAG (Tarjan, topological order) and all searches run without recursion.
    @Test func deepChainHasNoRecursion() throws {
        let n = 200_000
        var b = GraphBuilder()
        for i in 0..<n { b.addNode("w\(i)") }
        for i in 1..<n { b.addArc(from: Int32(i), to: Int32(i - 1)) }
        let graph = b.build().graph
        for cycles in [CycleHandling.condense, .removeArcs(years: nil)] {
            let dag = try KnowledgeFlowDAG(graph, cycles: cycles)
            #expect(dag.topologicalOrder.count == n)
            let a = MainPathAnalysis(dag: dag, weight: .spnp)
            let r = a.global()
            #expect(r.nodes.count == n)
            #expect(r.nodes.first == "w0" && r.nodes.last == "w\(n - 1)")
            #expect(a.localForward().nodes.count == n)
            #expect(a.localBackward().nodes.count == n)
        }
        let spc = TraversalWeights(try KnowledgeFlowDAG(graph), kind: .spc)
        #expect(spc.exactArcWeights?.allSatisfy { $0 == 1 } == true)
        // Close the chain into one 200,000-node cycle: condensation merges it all, arc
        // removal cuts exactly one back-arc.
        b.addArc(from: 0, to: Int32(n - 1))
        let ring = b.build().graph
        let merged = try KnowledgeFlowDAG(ring, cycles: .condense)
        #expect(merged.nodeCount == 1 && merged.arcCount == 0)
        #expect(merged.cycles.mergedComponents.first?.count == n)
        let cut = try KnowledgeFlowDAG(ring, cycles: .removeArcs(years: nil))
        #expect(cut.cycles.removedArcs.count == 1)
        #expect(cut.topologicalOrder.count == n)
    }

    /// `run` dispatches on the CLI names and gives the same results as the direct calls.
    @Test func runDispatchesByName() throws {
        let a = try analysis()
        #expect(MainPathSearch(rawValue: "key-route") == .keyRoute)
        #expect(a.run(.global).dagArcs == a.global().dagArcs)
        #expect(a.run(.localBackward).dagArcs == a.localBackward().dagArcs)
        #expect(a.run(.keyRoute, routes: 4).dagArcs == a.keyRoute(routes: 4).dagArcs)
        #expect(a.run(.basket, tolerance: 0.2).dagArcs == a.basket(tolerance: 0.2).dagArcs)
        #expect(a.run(.multiple, routes: 1).search == .multiple)
    }

    /// Degenerate inputs: an empty graph and a graph of isolated works give empty results
    /// (no crash) for every search and weight.
    @Test func emptyAndIsolated() throws {
        for nodes in [[String](), ["a", "b", "c"]] {
            let dag = try flowDAG(nodes: nodes, arcs: [])
            for kind in TraversalWeightKind.allCases {
                let a = MainPathAnalysis(dag: dag, weight: kind)
                for search in MainPathSearch.allCases {
                    let r = a.run(search, routes: 3, tolerance: 0.5)
                    #expect(r.arcs.isEmpty && r.totalWeight == 0)
                }
                #expect(a.keyRouteSweep([0, 1, 5]).allSatisfy { $0.arcs == 0 })
                #expect(a.weights.total == 0 && a.weights.normalizedNodeWeights.allSatisfy { $0 == 0 })
            }
        }
    }

    /// JSON carries the ARCHITECTURE.md §6 keys.
    @Test func resultEncodesDesignKeys() throws {
        let r = try analysis().global()
        let data = try JSONEncoder().encode(r)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["weight", "search", "arcs", "nodes", "totalWeight", "ties", "cyclesRemoved"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["search"] as? String == "global")
        let arcs = try #require(object["arcs"] as? [[String: Any]])
        #expect(arcs.first?["from"] as? String == "3" && arcs.first?["to"] as? String == "5")
        #expect(arcs.first?["weight"] as? Double == 3)
        // Determinism: two independent analyses encode to identical bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for search in MainPathSearch.allCases {
            let x = try encoder.encode(try analysis().run(search, routes: 4))
            let y = try encoder.encode(try analysis().run(search, routes: 4))
            #expect(x == y)
        }
    }
}
