import Foundation
import NetworkCore

/// Communities found by ``NetworkCore/Graph/louvain(resolution:seed:restarts:)``.
public struct CommunityDetection: Sendable, Equatable {
    /// The communities as a partition, named "0", "1", … in order of their smallest node.
    public let partition: Partition
    /// Modularity (Newman–Girvan, with the resolution used) of the undirected simple view.
    public let modularity: Double
    /// Number of aggregation levels performed.
    public let levels: Int
}

extension Graph {
    /// Louvain community detection (Blondel, Guillaume, Lambiotte & Lefebvre 2008, "Fast
    /// unfolding of communities in large networks", doi:10.1088/1742-5468/2008/10/P10008)
    /// on the undirected simple view, maximising modularity with resolution `γ`
    /// (`Q = Σ_c [L_c/E − γ (D_c/2E)²]`).
    ///
    /// Local moving is queue-driven (Traag 2015, "Faster unfolding of communities: speeding
    /// up the Louvain algorithm", doi:10.1103/PhysRevE.92.032801): every node is visited
    /// once in a random order drawn from `seed` (``SeededGenerator``), then only nodes
    /// whose neighbour left for another community are visited again; a visited node moves
    /// to the neighbouring community with the largest modularity gain (ties: it stays, else
    /// the lowest community index; a move must gain more than 1e-12 relative to its degree),
    /// until no node is waiting. Then communities become nodes (aggregation) and the
    /// process repeats until a level changes nothing. Communities are renumbered by
    /// smallest member.
    ///
    /// Both cores: on levels with at least 100,000 adjacency entries the nodes are moved by
    /// colour classes of a greedy colouring (Lu, Halappanavar & Kalyanaraman 2015,
    /// doi:10.1016/j.parco.2015.03.003): the waiting nodes of one colour, never adjacent to
    /// each other, are evaluated in parallel against one snapshot and their moves applied
    /// one by one in a seeded order, each re-checked against the current community totals
    /// (see `LeidenLevel.moveNodesColoured`). Aggregation builds fixed ranges of rows in
    /// parallel. Neither depends on the number of threads: same graph, seed and restarts →
    /// the same partition, bit for bit, on any machine.
    ///
    /// After the last level, one more local-moving round on the original graph lets
    /// single nodes leave a community an early merge put them in (one node at a time: it
    /// starts from a partition and moves few nodes; on a graph of ≥ 100,000 adjacency
    /// entries the nodes are first screened against that partition on both cores, see
    /// `LeidenLevel.moveNodesScreened`).
    ///
    /// Heuristic: a local optimum, not the maximum; different seeds may give different
    /// partitions (on Zachary's karate club single seeds reach 0.398–0.420). With
    /// `restarts > 1` the runs with seeds `seed, seed+1, …` are compared and the one of
    /// highest modularity kept (first on ties). Same graph, seed and restarts → same
    /// partition. Roughly O(m) per pass and run; memory O(n + m).
    public func louvain(resolution: Double = 1, seed: UInt64 = 1, restarts: Int = 1) -> CommunityDetection {
        louvain(resolution: resolution, seed: seed, restarts: restarts,
                workers: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Louvain on `workers` threads (tests: the partition must not depend on it).
    func louvain(resolution: Double, seed: UInt64, restarts: Int, workers: Int) -> CommunityDetection {
        var best = louvainRun(resolution: resolution, seed: seed, workers: workers)
        if restarts > 1 {
            for k in 1..<restarts {
                let run = louvainRun(resolution: resolution, seed: seed &+ UInt64(k), workers: workers)
                if run.modularity > best.modularity { best = run }
            }
        }
        return best
    }

    /// One Louvain run with one seed.
    func louvainRun(resolution: Double, seed: UInt64, workers: Int) -> CommunityDetection {
        let view = undirectedSimple()
        let n = nodeCount
        var rng = SeededGenerator(seed: seed)
        // Current level graph: symmetric CSR with weights; a level node's strength
        // includes the weight inside it (self-loops are not stored as arcs).
        let base = LeidenLevel(offsets: view.offsets, neighbors: view.adjacency,
                               weights: [Double](repeating: 1, count: view.adjacency.count),
                               strength: (0..<n).map { Double(view.degree(Int32($0))) })
        var level = base
        var membership = (0..<n).map { Int32($0) }  // original node → current level node
        let twoM = Double(view.adjacency.count)
        var levels = 0
        guard twoM > 0 else {
            let p = Partition(groupOf: membership, groupNames: (0..<n).map(String.init))
            return CommunityDetection(partition: p, modularity: 0, levels: 0)
        }
        while true {
            let size = level.size
            var community = (0..<size).map { Int32($0) }
            let movedAny = level.moveNodes(community: &community, resolution: resolution, twoM: twoM,
                                           allowEmpty: false, rng: &rng, workers: workers)
            if !movedAny { break }
            levels += 1
            community = Self.renumberBySmallest(community)
            let count = Int((community.max() ?? -1) + 1)
            for i in 0..<n { membership[i] = community[Int(membership[i])] }
            // Aggregate: one node per community, summing weights (integers: exact).
            level = level.aggregate(by: community, count: count, parallel: workers > 1)
            if count == size { break }
        }
        // Refinement: one more round of local moving on the original graph, starting
        // from the final communities, lets single nodes leave a community that an
        // early merge put them in.
        if levels > 0 {
            base.moveNodes(community: &membership, resolution: resolution, twoM: twoM, allowEmpty: false,
                           rng: &rng, workers: workers)
        }
        // Renumber by smallest original member.
        let groupOf = Self.renumberBySmallest(membership)
        let groupCount = Int((groupOf.max() ?? -1) + 1)
        let partition = Partition(groupOf: groupOf, groupNames: (0..<groupCount).map(String.init))
        let q = view.modularity(of: partition, resolution: resolution) ?? 0
        return CommunityDetection(partition: partition, modularity: q, levels: levels)
    }
}
