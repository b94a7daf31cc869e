import Foundation
import NetworkCore

extension LeidenLevel {
    /// Queue-driven local moving from a partition (Traag 2015, "Faster unfolding of
    /// communities: speeding up the Louvain algorithm", doi:10.1103/PhysRevE.92.032801)
    /// whose first visits are screened in parallel.
    ///
    /// Every node is first evaluated against the starting partition, on `workers` threads
    /// (the evaluation of ``moveNodesColoured(community:resolution:twoM:allowEmpty:rng:workers:)``:
    /// best neighbouring community or an empty one, ties stay, then lowest index; a move
    /// must gain more than 1e-12 relative to `k_v`). A node that would stay is not put in
    /// the queue; the others enter it in the random order drawn from `rng` (the order of
    /// ``moveNodesFast(community:resolution:twoM:allowEmpty:rng:skipping:)``, which then
    /// runs as usual: each visit sees every earlier move, and a move queues the
    /// neighbours left outside the new community). A screened node is thus treated as
    /// visited at the start: as in the queue, it is visited again once a neighbour moves.
    /// Starting from a partition few nodes move (Leiden's aggregate levels and second
    /// iteration, Louvain's final round), so the one full pass goes onto all cores.
    ///
    /// Deterministic: each screening is a pure function of the starting partition, so
    /// neither `workers` nor the split of the nodes among them changes the result.
    /// O(m) for the screening plus the queue's work; memory O(n + workers · n).
    /// Returns whether any node moved.
    @discardableResult
    func moveNodesScreened(community: inout [Int32], resolution: Double, twoM: Double, allowEmpty: Bool,
                           rng: inout SeededGenerator, workers: Int) -> Bool {
        let stays = screenStays(community: community, resolution: resolution, twoM: twoM, allowEmpty: allowEmpty,
                                workers: workers)
        return moveNodesFast(community: &community, resolution: resolution, twoM: twoM, allowEmpty: allowEmpty,
                             rng: &rng, skipping: stays)
    }

    /// Whether each node would stay in its community of `community` (evaluated against
    /// that partition, as one colour class of the coloured moving). Parallel over chunks
    /// of about equal work; the result does not depend on `workers`.
    func screenStays(community: [Int32], resolution: Double, twoM: Double, allowEmpty: Bool,
                     workers: Int) -> [Bool] {
        let size = self.size
        guard size > 0 else { return [] }
        let workerCount = max(1, workers)
        let (total, members, _) = communityTotals(community)
        let nodes = (0..<size).map { Int32($0) }
        var proposal = [Int32](repeating: -1, count: size)
        var weightOwn = [Double](repeating: 0, count: size)
        var weightBest = [Double](repeating: 0, count: size)
        var ends: [Int] = []
        Self.chunkBounds(of: nodes, offsets: offsets, work: neighbors.count, workers: workerCount, into: &ends)
        let scratch = MovingScratch(workers: workerCount, size: size)
        evaluateMoves(nodes: nodes, community: community, total: total, members: members,
                      proposal: &proposal, weightOwn: &weightOwn, weightBest: &weightBest,
                      resolution: resolution, twoM: twoM, allowEmpty: allowEmpty, scratch: scratch,
                      chunkEnds: ends, workers: workerCount)
        return proposal.map { $0 == -1 }
    }
}
