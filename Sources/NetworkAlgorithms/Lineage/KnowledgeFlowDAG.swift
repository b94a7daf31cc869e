import NetworkCore

/// How the arcs of an input graph relate to citation.
///
/// The project convention (ARCHITECTURE.md §2) is ``citingToCited``: an arc `A → B` means *A cites
/// B*. The Garfield/HistCite Pajek files and Batagelj's test networks point the other way
/// (``citedToCiting``), i.e. along the flow of knowledge.
public enum CitationArcDirection: String, Sendable, Codable, CaseIterable {
    /// `A → B` means A cites B (project default).
    case citingToCited
    /// `A → B` means A is cited by B (arcs already follow the flow of knowledge).
    case citedToCiting
}

/// What to do with directed cycles before main path analysis (which needs a DAG).
public enum CycleHandling: Sendable, Equatable {
    /// Merge every strong component into one node (iterative Tarjan). Arcs inside a
    /// component and self-loops disappear; every other arc is kept, so two members of a
    /// merged component citing the same work give two parallel arcs (each citation stays
    /// a channel, as duplicate input arcs do under `GraphBuilder`'s `.keep`). Every merge
    /// is listed in ``CycleReport/mergedComponents``.
    case condense
    /// Remove arcs, never merge nodes. Self-loops go first; then, when `years` is given
    /// (one optional year per graph node), every arc that lies inside a strong component
    /// and cites a *later* work (citing year < cited year) is removed; finally a
    /// deterministic depth-first search (start nodes and successors in ascending index
    /// order, along the knowledge flow) removes the back-arcs that still close cycles.
    /// Only arcs that lie on a cycle are ever removed, but the set is not guaranteed to
    /// be a minimum feedback arc set (that problem is NP-hard). After the year step every
    /// remaining cycle lies among works of one year (or of unknown year), so a finer ordinal (e.g. days since an
    /// epoch) passed as `years` leaves fewer arcs to the DFS.
    case removeArcs(years: [Int?]?)
}

/// One arc removed to break cycles, named in the input graph's own terms.
public struct RemovedArc: Codable, Sendable, Equatable, Hashable {
    /// Why the arc was removed.
    public enum Reason: String, Codable, Sendable {
        /// The arc is a self-loop (a work citing itself).
        case selfLoop
        /// The citing work is older than the cited work (publication order contradicted).
        case citesLaterWork
        /// A back-arc of the deterministic depth-first search.
        case backArc
    }
    /// External id of the citing work.
    public let citing: String
    /// External id of the cited work.
    public let cited: String
    /// Why it was removed.
    public let reason: Reason
    /// Arc index in the input graph.
    public let graphArc: Int

    public init(citing: String, cited: String, reason: Reason, graphArc: Int) {
        self.citing = citing
        self.cited = cited
        self.reason = reason
        self.graphArc = graphArc
    }
}

/// Exactly what was changed to make the network acyclic (ARCHITECTURE.md §6 key `cyclesRemoved`).
public struct CycleReport: Codable, Sendable, Equatable {
    /// `"condense"` or `"removeArcs"`.
    public let method: String
    /// Arcs removed (``CycleHandling/removeArcs(years:)``), self-loops included.
    public let removedArcs: [RemovedArc]
    /// Strong components of two or more nodes merged (``CycleHandling/condense``), each as
    /// the external ids of its members in ascending node order.
    public let mergedComponents: [[String]]
    /// Arcs dropped by condensation: self-loops and arcs inside a merged component.
    public let droppedArcs: Int
    /// Whether anything at all was changed.
    public var changed: Bool { !removedArcs.isEmpty || !mergedComponents.isEmpty || droppedArcs > 0 }
}

/// A citation network turned into a directed acyclic graph along the flow of knowledge.
///
/// **Direction.** Every arc of this DAG points from the *cited* (earlier) work to the
/// *citing* work, i.e. the way knowledge flows: the reverse of the project's `A cites B`
/// convention when the input is ``CitationArcDirection/citingToCited``. Sources (in-degree 0)
/// are works that cite nothing in the network; sinks (out-degree 0) are works nobody in the
/// network cites. All main path code works on this view.
///
/// Nodes are the input nodes (``CycleHandling/removeArcs(years:)``) or the strong components
/// (``CycleHandling/condense``), numbered by their smallest input node, so "smallest node
/// index" tie rules follow the input order. Arcs are numbered so that the out-arcs of `v`
/// are `outOffsets[v]..<outOffsets[v+1]`, sorted by head (then by input arc index).
///
/// Built in O(n + m) time and memory.
public struct KnowledgeFlowDAG: Sendable {
    /// Label of each DAG node: the input id, or the members' ids joined by `" + "` for a
    /// merged strong component.
    public let ids: [String]
    /// DAG node of each input graph node.
    public let nodeOfGraphNode: [Int32]
    /// Tail (cited / earlier work) of each DAG arc.
    public let arcTail: [Int32]
    /// Head (citing / later work) of each DAG arc.
    public let arcHead: [Int32]
    /// Input graph arc each DAG arc came from (one-to-one; arcs removed or inside a merged
    /// component have no DAG arc).
    public let graphArc: [Int32]
    /// `outOffsets[v]..<outOffsets[v+1]` are the DAG arcs leaving `v`.
    public let outOffsets: [Int]
    /// `inOffsets[v]..<inOffsets[v+1]` index ``inArcs``: the arcs entering `v`, sorted by tail.
    public let inOffsets: [Int]
    /// DAG arcs entering each node (see ``inOffsets``).
    public let inArcs: [Int32]
    /// A topological order (every arc goes from an earlier to a later position);
    /// Kahn's algorithm with a FIFO queue seeded in ascending node order.
    public let topologicalOrder: [Int32]
    /// What was changed to remove cycles.
    public let cycles: CycleReport

    /// Number of DAG nodes.
    public var nodeCount: Int { ids.count }
    /// Number of DAG arcs.
    public var arcCount: Int { arcTail.count }
    /// DAG arcs leaving `v`, in head order.
    @inlinable public func outArcRange(_ v: Int32) -> Range<Int> { outOffsets[Int(v)]..<outOffsets[Int(v) + 1] }
    /// Positions in ``inArcs`` of the arcs entering `v`.
    @inlinable public func inArcRange(_ v: Int32) -> Range<Int> { inOffsets[Int(v)]..<inOffsets[Int(v) + 1] }
    /// Out-degree along the knowledge flow (times cited inside the network).
    @inlinable public func outDegree(_ v: Int32) -> Int { outOffsets[Int(v) + 1] - outOffsets[Int(v)] }
    /// In-degree along the knowledge flow (references inside the network).
    @inlinable public func inDegree(_ v: Int32) -> Int { inOffsets[Int(v) + 1] - inOffsets[Int(v)] }

    /// Builds the knowledge-flow DAG of `graph`.
    ///
    /// - Parameters:
    ///   - graph: the citation network.
    ///   - direction: what an arc of `graph` means (default: `A → B` = A cites B).
    ///   - cycles: how to remove cycles (default: condense strong components).
    /// - Throws: ``InputError`` when `years` is given with the wrong length.
    /// - Complexity: O(n + m) time and memory (iterative, no recursion).
    public init(
        _ graph: Graph, direction: CitationArcDirection = .citingToCited,
        cycles: CycleHandling = .condense
    ) throws(InputError) {
        let n = graph.nodeCount, m = graph.arcCount
        let tails = graph.arcTails()
        // Flow direction of every input arc.
        var flowTail = [Int32](repeating: 0, count: m)
        var flowHead = [Int32](repeating: 0, count: m)
        for a in 0..<m {
            let u = tails[a], v = graph.outTargets[a]
            if direction == .citingToCited { flowTail[a] = v; flowHead[a] = u } else { flowTail[a] = u; flowHead[a] = v }
        }
        // Strong components, numbered by smallest member (Structure/Graph+Components).
        let components = graph.strongComponents()
        switch cycles {
        case .condense:
            let nodeOf = components.componentOf
            var members = [[Int32]](repeating: [], count: components.count)
            for v in 0..<n { members[Int(nodeOf[v])].append(Int32(v)) }
            var labels: [String] = []
            labels.reserveCapacity(members.count)
            var merged: [[String]] = []
            for group in members {
                let names = group.map { graph.ids[Int($0)] }
                if names.count > 1 { merged.append(names) }
                labels.append(names.joined(separator: " + "))
            }
            var keepT: [Int32] = [], keepH: [Int32] = [], keepA: [Int32] = []
            keepT.reserveCapacity(m); keepH.reserveCapacity(m); keepA.reserveCapacity(m)
            for a in 0..<m {
                let t = nodeOf[Int(flowTail[a])], h = nodeOf[Int(flowHead[a])]
                if t == h { continue }
                keepT.append(t); keepH.append(h); keepA.append(Int32(a))
            }
            let csr = LineageCSR(nodeCount: members.count, tails: keepT, heads: keepH, graphArcs: keepA)
            let dropped = m - csr.arcTail.count
            self.init(
                ids: labels, nodeOfGraphNode: nodeOf, csr: csr,
                report: CycleReport(method: "condense", removedArcs: [], mergedComponents: merged, droppedArcs: dropped))
        case .removeArcs(let years):
            if let years, years.count != n {
                throw InputError(
                    file: "<years>", field: "year",
                    message: "expected one year per node (\(n)), got \(years.count)")
            }
            var removed = [Bool](repeating: false, count: m)
            var report: [RemovedArc] = []
            func remove(_ a: Int, _ reason: RemovedArc.Reason) {
                removed[a] = true
                report.append(RemovedArc(
                    citing: graph.ids[Int(direction == .citingToCited ? tails[a] : graph.outTargets[a])],
                    cited: graph.ids[Int(direction == .citingToCited ? graph.outTargets[a] : tails[a])],
                    reason: reason, graphArc: a))
            }
            for a in 0..<m where flowTail[a] == flowHead[a] { remove(a, .selfLoop) }
            if let years {
                for a in 0..<m where !removed[a] {
                    let t = Int(flowTail[a]), h = Int(flowHead[a])
                    guard components.componentOf[t] == components.componentOf[h],
                          let yt = years[t], let yh = years[h], yt > yh else { continue }
                    remove(a, .citesLaterWork)
                }
            }
            // Arcs still inside a strong component are the only ones that can close a cycle.
            var candidate = [Bool](repeating: false, count: m)
            var any = false
            for a in 0..<m where !removed[a] && components.componentOf[Int(flowTail[a])] == components.componentOf[Int(flowHead[a])] {
                candidate[a] = true; any = true
            }
            if any {
                for a in LineageCycles.backArcs(
                    nodeCount: n, tails: flowTail, heads: flowHead, include: candidate) {
                    remove(a, .backArc)
                }
            }
            var keepT: [Int32] = [], keepH: [Int32] = [], keepA: [Int32] = []
            keepT.reserveCapacity(m); keepH.reserveCapacity(m); keepA.reserveCapacity(m)
            for a in 0..<m where !removed[a] {
                keepT.append(flowTail[a]); keepH.append(flowHead[a]); keepA.append(Int32(a))
            }
            let csr = LineageCSR(nodeCount: n, tails: keepT, heads: keepH, graphArcs: keepA)
            report.sort { $0.graphArc < $1.graphArc }
            self.init(
                ids: graph.ids, nodeOfGraphNode: (0..<n).map { Int32($0) }, csr: csr,
                report: CycleReport(method: "removeArcs", removedArcs: report, mergedComponents: [], droppedArcs: 0))
        }
    }

    private init(ids: [String], nodeOfGraphNode: [Int32], csr: LineageCSR, report: CycleReport) {
        self.ids = ids
        self.nodeOfGraphNode = nodeOfGraphNode
        self.arcTail = csr.arcTail
        self.arcHead = csr.arcHead
        self.graphArc = csr.graphArc
        self.outOffsets = csr.outOffsets
        self.inOffsets = csr.inOffsets
        self.inArcs = csr.inArcs
        self.cycles = report
        self.topologicalOrder = LineageCycles.topologicalOrder(
            nodeCount: ids.count, outOffsets: csr.outOffsets, arcHead: csr.arcHead, inOffsets: csr.inOffsets)
    }
}

/// Arcs sorted by (tail, head, input arc) with in-lists, built by two counting sorts.
struct LineageCSR {
    var arcTail: [Int32] = []
    var arcHead: [Int32] = []
    var graphArc: [Int32] = []
    var outOffsets: [Int]
    var inOffsets: [Int]
    var inArcs: [Int32]

    init(nodeCount n: Int, tails: [Int32], heads: [Int32], graphArcs: [Int32]) {
        let m = tails.count
        // Stable counting sort by head, then by tail: result ordered by (tail, head, input order).
        var byHead = [Int](repeating: 0, count: n + 1)
        for h in heads { byHead[Int(h) + 1] += 1 }
        for v in 0..<n { byHead[v + 1] += byHead[v] }
        var order1 = [Int32](repeating: 0, count: m)
        for i in 0..<m { let h = Int(heads[i]); order1[byHead[h]] = Int32(i); byHead[h] += 1 }
        var byTail = [Int](repeating: 0, count: n + 1)
        for t in tails { byTail[Int(t) + 1] += 1 }
        for v in 0..<n { byTail[v + 1] += byTail[v] }
        var order2 = [Int32](repeating: 0, count: m)
        for i in order1 { let t = Int(tails[Int(i)]); order2[byTail[t]] = i; byTail[t] += 1 }
        arcTail.reserveCapacity(m); arcHead.reserveCapacity(m); graphArc.reserveCapacity(m)
        outOffsets = [Int](repeating: 0, count: n + 1)
        for i in order2 {
            let t = tails[Int(i)], h = heads[Int(i)]
            arcTail.append(t); arcHead.append(h); graphArc.append(graphArcs[Int(i)])
            outOffsets[Int(t) + 1] += 1
        }
        for v in 0..<n { outOffsets[v + 1] += outOffsets[v] }
        let kept = arcTail.count
        inOffsets = [Int](repeating: 0, count: n + 1)
        for h in arcHead { inOffsets[Int(h) + 1] += 1 }
        for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
        inArcs = [Int32](repeating: 0, count: kept)
        var fill = inOffsets
        for a in 0..<kept { let h = Int(arcHead[a]); inArcs[fill[h]] = Int32(a); fill[h] += 1 }
    }
}
