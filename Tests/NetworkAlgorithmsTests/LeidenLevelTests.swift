import Testing
import TestSupport
import NetworkCore
@testable import NetworkAlgorithms

@Suite("Leiden levels: community totals, moving choice, aggregation")
struct LeidenLevelTests {
    static func level(_ g: Graph) -> LeidenLevel {
        let view = g.undirectedSimple()
        return LeidenLevel(offsets: view.offsets, neighbors: view.adjacency,
                           weights: [Double](repeating: 1, count: view.adjacency.count),
                           strength: (0..<g.nodeCount).map { Double(view.degree(Int32($0))) })
    }

    /// Two triangles {0,1,2}, {3,4,5} joined by 2–3: degrees 2,2,3,3,2,2. Communities 1
    /// and 4 (the triangles) have K = 2+2+3 = 7 and 3+2+2 = 7, three members each; ids
    /// 0, 2, 3, 5 are empty, listed highest first.
    @Test func communityTotalsByHand() {
        let level = ColouredMovingTests.twoTrianglesLevel()
        let (total, members, empty) = level.communityTotals([1, 1, 1, 4, 4, 4])
        #expect(total == [0, 7, 0, 0, 7, 0])
        #expect(members == [0, 3, 0, 0, 3, 0])
        #expect(empty == [5, 3, 2, 0])
        #expect(LeidenLevel.isSingletons([0, 1, 2, 3]))
        #expect(!LeidenLevel.isSingletons([0, 1, 1, 3]))
        #expect(!LeidenLevel.isSingletons([1, 0]))
    }

    /// Square 0–1–2–3–0 grouped 0 → A(0), 1 → C(2), 2 and 3 → B(1), by hand. Rows list
    /// neighbour groups in the order first reached (members ascending, entries in row
    /// order): A: node 0 reaches 1 (C) then 3 (B) → [2, 1]; B: node 2 reaches 1 (C), 3
    /// (own), node 3 reaches 0 (A), 2 (own) → [2, 0]; C: node 1 reaches 0 (A), 2 (B) →
    /// [0, 1]. Every weight 1; strengths are summed degrees 2, 4, 2.
    @Test func aggregateByHand() {
        let level = Self.level(makeGraph(nodes: 4, [(0, 1), (1, 2), (2, 3), (3, 0)]))
        for parallel in [false, true] {
            let next = level.aggregate(by: [0, 2, 1, 1], count: 3, parallel: parallel)
            #expect(next.offsets == [0, 2, 4, 6])
            #expect(next.neighbors == [2, 1, 2, 0, 0, 1])
            #expect(next.weights == [1, 1, 1, 1, 1, 1])
            #expect(next.strength == [2, 4, 2])
        }
    }

    /// Aggregation of a random level by a random grouping: the same level on one thread
    /// and in parallel; the edge weight and strength are conserved (entries inside a group
    /// are dropped: total strength = 2E, summed weights = 2E − the entries inside groups).
    @Test func aggregateSameInParallelAndConserving() {
        let g = makeGraph(nodes: 3000, randomArcs(nodes: 3000, arcs: 12_000, seed: 9))
        let level = Self.level(g)
        var rng = SeededGenerator(seed: 4)
        let group = (0..<3000).map { _ in Int32(rng.next() % 97) }
        let one = level.aggregate(by: group, count: 97, parallel: false)
        let many = level.aggregate(by: group, count: 97, parallel: true)
        #expect(one.offsets == many.offsets && one.neighbors == many.neighbors && one.weights == many.weights)
        #expect(one.strength == many.strength)
        #expect(one.strength.reduce(0, +) == Double(level.neighbors.count))
        var inside = 0
        for v in 0..<level.size {
            for p in level.offsets[v]..<level.offsets[v + 1] where group[Int(level.neighbors[p])] == group[v] { inside += 1 }
        }
        #expect(one.weights.reduce(0, +) == Double(level.neighbors.count - inside))
    }

    /// The moving choice on a level above the coloured threshold: from singletons it is the
    /// coloured moving, from a partition the screened queue (same result as calling each
    /// directly with the same generator), on any worker count.
    @Test func movingChoiceBySize() {
        let g = makeGraph(nodes: 20_000, randomArcs(nodes: 20_000, arcs: 60_000, seed: 5))
        let level = Self.level(g)
        #expect(level.neighbors.count >= LeidenLevel.colouredMovingMinimumEntries)
        let twoM = Double(level.neighbors.count)
        let singletons = (0..<level.size).map { Int32($0) }
        var a = singletons, b = singletons
        var rngA = SeededGenerator(seed: 3), rngB = SeededGenerator(seed: 3)
        level.moveNodes(community: &a, resolution: 1, twoM: twoM, allowEmpty: true, rng: &rngA, workers: 2)
        level.moveNodesColoured(community: &b, resolution: 1, twoM: twoM, allowEmpty: true, rng: &rngB, workers: 1)
        #expect(a == b)
        let start = a.map { $0 / 2 * 2 }  // a coarser start: pairs of communities merged
        var c = start, d = start
        var rngC = SeededGenerator(seed: 8), rngD = SeededGenerator(seed: 8)
        level.moveNodes(community: &c, resolution: 1, twoM: twoM, allowEmpty: true, rng: &rngC, workers: 3)
        level.moveNodesScreened(community: &d, resolution: 1, twoM: twoM, allowEmpty: true, rng: &rngD, workers: 1)
        #expect(c == d)
        #expect(c != start)
    }

    /// Screening by hand: the two triangles {0,1,2}, {3,4,5} (joined by 2–3; degrees
    /// 2,2,3,3,2,2; 2E = 14) started as A = {0,1,2,3}, B = {4,5}, gain
    /// `w(v, c) − K_c k_v / 14` with `K_own` without `v`. Node 0: stay 2 − 8·2/14 = 6/7,
    /// no other neighbouring community, an empty one gains 0 → stays (1 the same). Node 2:
    /// stay 3 − 7·3/14 = 3/2 → stays. Node 3: stay 1 − 7·3/14 = −1/2, B: 2 − 4·3/14 = 8/7
    /// → would move. Node 4: stay 1 − 2·2/14 = 5/7, A: 1 − 10·2/14 = −3/7 → stays (5 the
    /// same). So only 3 is queued; it joins B and queues 2, which stays (A: 2 − 4·3/14 =
    /// 8/7 against B: 1 − 7·3/14 = −1/2). Result: the two triangles, on any worker count.
    @Test func screenedMovingByHand() {
        let level = ColouredMovingTests.twoTrianglesLevel()
        let start: [Int32] = [0, 0, 0, 0, 4, 4]
        for workers in 1...3 {
            let stays = level.screenStays(community: start, resolution: 1, twoM: 14, allowEmpty: true, workers: workers)
            #expect(stays == [true, true, true, false, true, true], "\(workers) workers")
            var community = start
            var rng = SeededGenerator(seed: 5)
            #expect(level.moveNodesScreened(community: &community, resolution: 1, twoM: 14, allowEmpty: true,
                                            rng: &rng, workers: workers))
            #expect(community == [0, 0, 0, 4, 4, 4], "\(workers) workers")
        }
    }

    /// The screened queue on a random level from a coarse partition: the same partition on
    /// 1, 2 and 3 workers, a move only where it raises modularity (the result beats the
    /// start), and the first visits limited to the nodes the screening lets through.
    @Test func screenedMovingSameOnAnyWorkerCount() {
        let g = makeGraph(nodes: 20_000, randomArcs(nodes: 20_000, arcs: 60_000, seed: 6))
        let level = Self.level(g)
        let twoM = Double(level.neighbors.count)
        var rng0 = SeededGenerator(seed: 2)
        var coloured = (0..<level.size).map { Int32($0) }
        level.moveNodesColoured(community: &coloured, resolution: 1, twoM: twoM, allowEmpty: true, rng: &rng0, workers: 2)
        let start = coloured.map { $0 / 3 * 3 }
        let stays = level.screenStays(community: start, resolution: 1, twoM: twoM, allowEmpty: true, workers: 1)
        #expect(stays.contains(true) && stays.contains(false))
        var results: [[Int32]] = []
        for workers in 1...3 {
            var community = start
            var rng = SeededGenerator(seed: 11)
            level.moveNodesScreened(community: &community, resolution: 1, twoM: twoM, allowEmpty: true, rng: &rng,
                                    workers: workers)
            #expect(stays == level.screenStays(community: start, resolution: 1, twoM: twoM, allowEmpty: true,
                                               workers: workers))
            results.append(community)
        }
        #expect(results[0] == results[1] && results[1] == results[2])
        let view = g.undirectedSimple()
        func q(_ c: [Int32]) -> Double {
            let r = Graph.renumberBySmallest(c)
            let count = Int((r.max() ?? -1) + 1)
            return view.modularity(of: Partition(groupOf: r, groupNames: (0..<count).map(String.init)), resolution: 1) ?? .nan
        }
        #expect(q(results[0]) > q(start))
    }
}
