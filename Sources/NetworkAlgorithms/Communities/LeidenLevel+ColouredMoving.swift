import Foundation
import NetworkCore

/// Greedy distance-1 colouring of a level: classes of pairwise non-adjacent nodes.
struct LevelColouring: Sendable {
    /// `nodes[start[k]..<start[k + 1]]` are the nodes of colour `k`, ascending.
    let start: [Int]
    let nodes: [Int32]
    let colour: [Int32]
    var count: Int { start.count - 1 }
}

extension LeidenLevel {
    /// Levels with at least this many adjacency entries (twice the edges) move their
    /// nodes by colour classes on all cores; smaller ones one at a time
    /// (``moveNodesFast(community:resolution:twoM:allowEmpty:rng:)``). A function of the
    /// level alone, so the choice never depends on the machine.
    static let colouredMovingMinimumEntries = 100_000

    /// Classes whose active nodes have fewer adjacency entries than this are evaluated on
    /// the calling thread (same result: evaluation is against a snapshot either way).
    static let colouredParallelMinimumWork = 16_384

    /// Nodes per chunk handed to an activating thread.
    static let colouredChunk = 512

    /// Least adjacency entries in a chunk handed to an evaluating thread.
    static let colouredChunkWork = 4_096

    /// Greedy colouring in node order: node `v` takes the smallest colour that no
    /// neighbour coloured before it has. At most (maximum degree + 1) colours; O(n + m).
    func greedyColouring() -> LevelColouring {
        let size = self.size
        var colour = [Int32](repeating: -1, count: size)
        var forbidden = [Int](repeating: -1, count: size + 1)  // colour → last node that saw it on a neighbour
        var colourCount = 0
        for v in 0..<size {
            for p in offsets[v]..<offsets[v + 1] {
                let c = Int(colour[Int(neighbors[p])])
                if c >= 0 { forbidden[c] = v }
            }
            var c = 0
            while forbidden[c] == v { c += 1 }
            colour[v] = Int32(c)
            colourCount = max(colourCount, c + 1)
        }
        let (start, nodes) = grouped(by: colour, count: colourCount)
        return LevelColouring(start: start, nodes: nodes, colour: colour)
    }

    /// Local moving by colour classes (the colouring heuristic of Lu, Halappanavar &
    /// Kalyanaraman 2015, "Parallel heuristics for scalable community detection",
    /// doi:10.1016/j.parco.2015.03.003, with the queue of Traag 2015, "Faster unfolding of
    /// communities: speeding up the Louvain algorithm", doi:10.1103/PhysRevE.92.032801).
    ///
    /// Nodes are coloured greedily (``greedyColouring()``) and every node starts active.
    /// A round visits the colours in order; the active nodes of a colour, in a random
    /// order drawn once per colour from `rng`, are first *evaluated* — each against the
    /// same snapshot of the communities, in parallel — and then *applied* one after
    /// another in that order. Evaluation finds the neighbouring community (or, with
    /// `allowEmpty`, an empty one) of largest gain `w(v, c) − γ K_c k_v / 2E` (ties: stay,
    /// else the lowest community index). Nodes of one colour are not adjacent, so the
    /// weights `w(v, c)` are still exact when applied; the totals `K_c` are re-read and
    /// the move made only if it still gains more than 1e-12 relative to `k_v` over
    /// staying. A move activates the neighbours left outside the new community (later
    /// colours in this round, earlier ones in the next). Rounds repeat until no node is
    /// active. Every applied move strictly raises modularity, so this ends.
    ///
    /// Deterministic: the colouring, the visiting orders and the order of the applied
    /// moves depend only on the level and `rng`; each evaluation is a pure function of
    /// the snapshot, so neither the number of `workers` nor the split of a colour class
    /// among them changes the result. O(m) per round, memory O(n + workers · n).
    /// Returns whether any node moved.
    @discardableResult
    func moveNodesColoured(community: inout [Int32], resolution: Double, twoM: Double, allowEmpty: Bool,
                           rng: inout SeededGenerator, workers: Int) -> Bool {
        let size = self.size
        guard size > 0 else { return false }
        let colouring = greedyColouring()
        var (total, members, empty) = communityTotals(community)
        var active = [Bool](repeating: true, count: size)
        var pending = size
        let workerCount = max(1, workers)
        let scratch = MovingScratch(workers: workerCount, size: size)
        let activation = ActivationLists(workers: workerCount)
        var list: [Int32] = []      // the colour's active nodes, ascending (evaluation order)
        var order: [Int32] = []     // the seeded visiting order, as positions in `list`
        var chunkEnds: [Int] = []   // evaluation chunks of about equal work
        var moved: [Int32] = []     // nodes moved while applying the colour
        var proposal = [Int32](repeating: -1, count: 0)
        var weightOwn = [Double](repeating: 0, count: 0)
        var weightBest = [Double](repeating: 0, count: 0)
        var movedAny = false
        var rounds = 0
        while pending > 0 && rounds < 1_000 {
            rounds += 1
            for k in 0..<colouring.count where pending > 0 {
                list.removeAll(keepingCapacity: true)
                var work = 0
                for i in colouring.start[k]..<colouring.start[k + 1] {
                    let v = Int(colouring.nodes[i])
                    if active[v] {
                        list.append(Int32(v))
                        active[v] = false
                        work += offsets[v + 1] - offsets[v]
                    }
                }
                if list.isEmpty { continue }
                pending -= list.count
                let count = list.count
                // The visiting order: the same seeded shuffle as of the list itself, kept as
                // positions so that evaluation can walk the rows in ascending order.
                order.removeAll(keepingCapacity: true)
                for j in 0..<count { order.append(Int32(j)) }
                rng.shuffle(&order)
                if proposal.count < count {
                    proposal = [Int32](repeating: -1, count: count)
                    weightOwn = [Double](repeating: 0, count: count)
                    weightBest = [Double](repeating: 0, count: count)
                }
                let parallel = workerCount > 1 && work >= Self.colouredParallelMinimumWork
                if parallel {
                    Self.chunkBounds(of: list, offsets: offsets, work: work, workers: workerCount, into: &chunkEnds)
                }
                // Evaluate against the snapshot (community, total, members frozen).
                evaluateMoves(nodes: list, community: community, total: total, members: members,
                              proposal: &proposal, weightOwn: &weightOwn, weightBest: &weightBest,
                              resolution: resolution, twoM: twoM, allowEmpty: allowEmpty, scratch: scratch,
                              chunkEnds: parallel ? chunkEnds : nil, workers: workerCount)
                // Apply in the drawn order, with the current totals.
                moved.removeAll(keepingCapacity: true)
                var movedWork = 0
                for i in 0..<count {
                    let j = Int(order[i])
                    let target = Int(proposal[j])
                    if target == -1 { continue }
                    let v = Int(list[j])
                    let own = Int(community[v])
                    let kv = strength[v]
                    let eps = 1e-12 * max(1, kv)
                    let stay = weightOwn[j] - resolution * (total[own] - kv) * kv / twoM
                    let best: Int
                    let gain: Double
                    if target >= 0 {
                        best = target
                        gain = weightBest[j] - resolution * total[best] * kv / twoM
                    } else {
                        guard members[own] > 1, let e = empty.last else { continue }
                        best = e
                        gain = 0
                    }
                    guard best != own, gain > stay + eps else { continue }
                    if best == empty.last { empty.removeLast() }
                    total[own] -= kv
                    members[own] -= 1
                    total[best] += kv
                    members[best] += 1
                    if members[own] == 0 { empty.append(own) }
                    community[v] = Int32(best)
                    movedAny = true
                    moved.append(Int32(v))
                    movedWork += offsets[v + 1] - offsets[v]
                }
                pending += activate(moved, work: movedWork, community: community, active: &active,
                                    lists: activation, workers: workerCount)
            }
        }
        return movedAny
    }

    /// Marks active the neighbours of the `moved` nodes that lie outside the mover's new
    /// community and are not active yet; returns how many it marked. Run after a whole
    /// colour class is applied: a neighbour of a mover has another colour, so its
    /// community is the same as when the mover moved, and the set marked is the one a
    /// mark at each move would give. On several workers the candidates are gathered in
    /// parallel (reading only) and marked on the calling thread; the set does not depend
    /// on the split.
    private func activate(_ moved: [Int32], work: Int, community: [Int32], active: inout [Bool],
                          lists: ActivationLists, workers: Int) -> Int {
        var marked = 0
        if workers > 1 && work >= Self.colouredParallelMinimumWork {
            lists.reset()
            community.withUnsafeBufferPointer { com in
            active.withUnsafeBufferPointer { act in
            moved.withUnsafeBufferPointer { movers in
            offsets.withUnsafeBufferPointer { off in
            neighbors.withUnsafeBufferPointer { nbr in
                let job = ActivationJob(community: com, active: act, moved: movers, offsets: off, neighbors: nbr,
                                        lists: lists)
                let chunks = ChunkCounter(total: movers.count, chunk: Self.colouredChunk)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    while let range = chunks.next() { job.gather(range, worker: w) }
                }
            } } } } }
            for w in 0..<workers {
                for u in lists.list(w) where !active[Int(u)] {
                    active[Int(u)] = true
                    marked += 1
                }
            }
            return marked
        }
        for v32 in moved {
            let v = Int(v32)
            let best = community[v]
            for p in offsets[v]..<offsets[v + 1] {
                let w = Int(neighbors[p])
                if !active[w] && community[w] != best {
                    active[w] = true
                    marked += 1
                }
            }
        }
        return marked
    }

    /// Ends of consecutive chunks of `nodes` holding about `work / (8 · workers)` adjacency
    /// entries each (at least ``colouredChunkWork``), written into `ends`.
    static func chunkBounds(of nodes: [Int32], offsets: [Int], work: Int, workers: Int, into ends: inout [Int]) {
        ends.removeAll(keepingCapacity: true)
        let goal = max(colouredChunkWork, work / (8 * workers))
        var sum = 0
        for j in nodes.indices {
            let v = Int(nodes[j])
            sum += offsets[v + 1] - offsets[v] + 1
            if sum >= goal {
                ends.append(j + 1)
                sum = 0
            }
        }
        if ends.last != nodes.count { ends.append(nodes.count) }
    }
}

/// The candidates of one activation (see `LeidenLevel.activate`): reads the communities,
/// the active flags and the rows of the movers; each worker appends to its own list.
private struct ActivationJob: @unchecked Sendable {
    let community: UnsafeBufferPointer<Int32>
    let active: UnsafeBufferPointer<Bool>
    let moved: UnsafeBufferPointer<Int32>
    let offsets: UnsafeBufferPointer<Int>
    let neighbors: UnsafeBufferPointer<Int32>
    let lists: ActivationLists

    func gather(_ range: Range<Int>, worker: Int) {
        lists.withList(worker) { list in
            for i in range {
                let v = Int(moved[i])
                let best = community[v]
                for p in offsets[v]..<offsets[v + 1] {
                    let w = neighbors[p]
                    if !active[Int(w)] && community[Int(w)] != best { list.append(w) }
                }
            }
        }
    }
}

/// One candidate list per worker, emptied before each activation; slot `w` is
/// written only by worker `w`, and read after all workers have finished.
private final class ActivationLists: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[Int32]>
    private let count: Int

    init(workers: Int) {
        count = workers
        slots = .allocate(capacity: workers)
        slots.initialize(repeating: [], count: workers)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func withList(_ worker: Int, _ body: (inout [Int32]) -> Void) {
        body(&slots[worker])
    }

    /// Empties every list (on the calling thread, before the workers start).
    func reset() {
        for w in 0..<count { slots[w].removeAll(keepingCapacity: true) }
    }

    func list(_ worker: Int) -> [Int32] { slots[worker] }
}

/// One colour class's evaluation: reads the snapshot, writes one proposal per node
/// (`-1` stay, `-2` an empty community, else the community id) with `w(v, own)` and
/// `w(v, proposal)`. Each worker writes only its own range and its own scratch.
extension LeidenLevel {
    /// Evaluates every node of `nodes` against the frozen communities (`community`, `total`,
    /// `members`), writing each node's best target or −1, and its weights to its own and to
    /// the best community, at its position in `proposal`, `weightOwn`, `weightBest`. With
    /// `chunkEnds` (ends of chunks of about equal work, see `chunkBounds`) the chunks are
    /// handed out on demand to `workers` threads; without, the nodes are evaluated on this
    /// thread. The split never changes a result: each position is written by one
    /// evaluation that reads only frozen state. The one place the evaluation borrows its
    /// buffers (coloured rounds and screening both call it). Time O(entries of the nodes'
    /// rows).
    func evaluateMoves(nodes: [Int32], community: [Int32], total: [Double], members: [Int32],
                       proposal: inout [Int32], weightOwn: inout [Double], weightBest: inout [Double],
                       resolution: Double, twoM: Double, allowEmpty: Bool, scratch: MovingScratch,
                       chunkEnds: [Int]?, workers: Int) {
        community.withUnsafeBufferPointer { com in
        total.withUnsafeBufferPointer { tot in
        members.withUnsafeBufferPointer { mem in
        nodes.withUnsafeBufferPointer { list in
        proposal.withUnsafeMutableBufferPointer { prop in
        weightOwn.withUnsafeMutableBufferPointer { wOwn in
        weightBest.withUnsafeMutableBufferPointer { wBest in
            let job = EvaluationJob(level: self, community: com, total: tot, members: mem, nodes: list,
                                    proposal: prop, weightOwn: wOwn, weightBest: wBest,
                                    resolution: resolution, twoM: twoM, allowEmpty: allowEmpty, scratch: scratch)
            if let ends = chunkEnds, workers > 1 {
                // Chunks handed out on demand, so neither a thread the machine delays nor a
                // run of hubs holds the others up.
                let chunks = ChunkCounter(total: ends.count, chunk: 1)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    while let range = chunks.next() {
                        let c = range.lowerBound
                        job.evaluate((c == 0 ? 0 : ends[c - 1])..<ends[c], worker: w)
                    }
                }
            } else {
                job.evaluate(0..<list.count, worker: 0)
            }
        } } } } } } }
    }
}

struct EvaluationJob: @unchecked Sendable {
    let level: LeidenLevel
    let community: UnsafeBufferPointer<Int32>
    let total: UnsafeBufferPointer<Double>
    let members: UnsafeBufferPointer<Int32>
    let nodes: UnsafeBufferPointer<Int32>
    let proposal: UnsafeMutableBufferPointer<Int32>
    let weightOwn: UnsafeMutableBufferPointer<Double>
    let weightBest: UnsafeMutableBufferPointer<Double>
    let resolution: Double
    let twoM: Double
    let allowEmpty: Bool
    let scratch: MovingScratch

    func evaluate(_ range: Range<Int>, worker: Int) {
        let to = scratch.weights(worker)
        let seen = scratch.touched(worker)
        level.offsets.withUnsafeBufferPointer { off in
        level.neighbors.withUnsafeBufferPointer { nbr in
        level.weights.withUnsafeBufferPointer { wt in
        level.strength.withUnsafeBufferPointer { str in
            for i in range {
                let v = Int(nodes[i])
                let own = Int(community[v])
                let kv = str[v]
                let eps = 1e-12 * max(1, kv)
                var touchedCount = 1
                seen[0] = Int32(own)
                for p in off[v]..<off[v + 1] {
                    let c = Int(community[Int(nbr[p])])
                    if to[c] == 0 && c != own { seen[touchedCount] = Int32(c); touchedCount += 1 }
                    to[c] += wt[p]
                }
                let ownWeight = to[own]
                var best = own
                var bestGain = ownWeight - resolution * (total[own] - kv) * kv / twoM
                for t in 1..<touchedCount {
                    let c = Int(seen[t])
                    let gain = to[c] - resolution * total[c] * kv / twoM
                    if gain > bestGain + eps || (best != own && abs(gain - bestGain) <= eps && c < best) {
                        best = c
                        bestGain = gain
                    }
                }
                let bestWeight = to[best]
                for t in 0..<touchedCount { to[Int(seen[t])] = 0 }
                weightOwn[i] = ownWeight
                weightBest[i] = bestWeight
                if best != own {
                    proposal[i] = Int32(best)
                } else if allowEmpty && members[own] > 1 && 0 > bestGain + eps {
                    proposal[i] = -2
                } else {
                    proposal[i] = -1
                }
            }
        } } } }
    }
}

/// Per-worker dense accumulators (`size` doubles, kept zero between nodes) and touched
/// lists, allocated once per local-moving call.
final class MovingScratch: @unchecked Sendable {
    private let weightBase: UnsafeMutablePointer<Double>
    private let touchedBase: UnsafeMutablePointer<Int32>
    private let size: Int
    private let workers: Int

    init(workers: Int, size: Int) {
        self.size = size
        self.workers = workers
        weightBase = .allocate(capacity: workers * size)
        weightBase.initialize(repeating: 0, count: workers * size)
        touchedBase = .allocate(capacity: workers * (size + 1))
        touchedBase.initialize(repeating: 0, count: workers * (size + 1))
    }

    deinit {
        weightBase.deallocate()
        touchedBase.deallocate()
    }

    func weights(_ worker: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: weightBase + worker * size, count: size)
    }

    func touched(_ worker: Int) -> UnsafeMutableBufferPointer<Int32> {
        UnsafeMutableBufferPointer(start: touchedBase + worker * (size + 1), count: size + 1)
    }
}

/// Hands out consecutive ranges of `0..<total` to the threads that ask, under a lock.
final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var start = 0
    private let total: Int
    private let chunk: Int

    init(total: Int, chunk: Int) {
        self.total = total
        self.chunk = max(1, chunk)
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard start < total else { return nil }
        let lo = start
        start = min(total, start + chunk)
        return lo..<start
    }
}
