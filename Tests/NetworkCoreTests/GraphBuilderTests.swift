import Testing
import TestSupport
@testable import NetworkCore

@Suite("GraphBuilder and CSR")
struct GraphBuilderTests {
    /// Builds from random arcs and compares every view with plain adjacency sets.
    @Test(arguments: [UInt64(1), 2, 3, 42, 2024])
    func csrMatchesAdjacencySets(seed: UInt64) {
        let n = 40
        let arcs = randomArcs(nodes: n, arcs: 300, seed: seed)
        for duplicates in GraphBuilder.DuplicatePolicy.allCases {
            for loops in GraphBuilder.SelfLoopPolicy.allCases {
                var builder = GraphBuilder(duplicates: duplicates, selfLoops: loops)
                for v in 0..<n { builder.addNode("n\(v)") }
                for (u, v) in arcs { builder.addArc(from: "n\(u)", to: "n\(v)") }
                let result = builder.build()
                let g = result.graph
                g.checkInvariants()

                // Independent count of what the builder should have seen.
                var multiplicity: [Pair: Int] = [:]
                for (u, v) in arcs { multiplicity[Pair(u, v), default: 0] += 1 }
                let loopsSeen = arcs.filter { $0.0 == $0.1 }.count
                let duplicatesSeen = arcs.count - multiplicity.count
                #expect(result.selfLoops == loopsSeen)
                #expect(result.duplicateArcs == duplicatesSeen)

                var expected: [Pair: Int] = [:]
                for (pair, k) in multiplicity where !(loops == .drop && pair.u == pair.v) {
                    expected[pair] = duplicates == .keep ? k : 1
                }
                var seen: [Pair: Int] = [:]
                for u in 0..<n {
                    for v in g.successors(of: Int32(u)) { seen[Pair(u, Int(v)), default: 0] += 1 }
                }
                #expect(seen == expected)
                // In-lists mirror out-lists.
                var seenIn: [Pair: Int] = [:]
                for v in 0..<n {
                    for u in g.predecessors(of: Int32(v)) { seenIn[Pair(Int(u), v), default: 0] += 1 }
                }
                #expect(seenIn == expected)
                if duplicates == .sum {
                    for u in 0..<n {
                        for a in g.outArcs(of: Int32(u)) {
                            let v = Int(g.outTargets[a])
                            #expect(g.weight(ofArc: a) == Double(multiplicity[Pair(u, v)] ?? 0))
                        }
                    }
                }
            }
        }
    }

    @Test func reversedSwapsEveryArcAndKeepsWeights() {
        var b = GraphBuilder()
        b.addArc(from: "a", to: "b", weight: 2)
        b.addArc(from: "a", to: "c", weight: 3)
        b.addArc(from: "c", to: "b", weight: 5)
        let g = b.build().graph
        let r = g.reversed()
        r.checkInvariants()
        let b1 = g.index(of: "b")!, a1 = g.index(of: "a")!, c1 = g.index(of: "c")!
        #expect(Array(r.successors(of: b1)) == [a1, c1])
        #expect(Array(r.successors(of: a1)) == [])
        let weightsFromB = r.outArcs(of: b1).map { r.weight(ofArc: $0) }
        #expect(weightsFromB == [2, 5])
    }

    @Test func undirectedSimpleViewMergesDirectionsAndDropsLoops() {
        var b = GraphBuilder()
        for (u, v) in [("a", "b"), ("b", "a"), ("a", "a"), ("b", "c"), ("b", "c")] { b.addArc(from: u, to: v) }
        let u = b.build().graph.undirectedSimple()
        #expect(u.edgeCount == 2)  // {a,b} and {b,c}
        #expect(Array(u.neighbors(of: 1)) == [0, 2])
        var edges: [[Int32]] = []
        u.forEachEdge { edges.append([$0, $1]) }
        #expect(edges == [[0, 1], [1, 2]])
    }

    @Test func partitionHasExplicitMissingGroupLast() {
        let p = Partition(values: ["PAM", nil, "HSR/QI", " ", "PAM"])
        #expect(p.groupNames == ["HSR/QI", "PAM", Partition.missingLabel])
        #expect(p.groupOf == [1, 2, 0, 2, 1])
        #expect(p.missingGroup == 2)
        #expect(p.groupSizes() == [1, 2, 2])
    }

    @Test func quotientSumsFlowsBetweenGroups() {
        var b = GraphBuilder()
        for (u, v) in [("x1", "y1"), ("x2", "y1"), ("y1", "x1"), ("x1", "x2")] { b.addArc(from: u, to: v) }
        let g = b.build().graph  // node order x1, y1, x2
        let p = Partition(values: ["X", "Y", "X"])
        let q = g.quotient(by: p)
        // X→X: x1→x2; X→Y: x1→y1, x2→y1; Y→X: y1→x1.
        #expect(q.flows == [[1, 2], [1, 0]])
        #expect(q.groupSizes == [2, 1])
    }
}

struct Pair: Hashable {
    let u: Int, v: Int
    init(_ u: Int, _ v: Int) { self.u = u; self.v = v }
}
