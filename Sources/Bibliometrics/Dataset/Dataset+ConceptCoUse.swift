import NetworkCore

/// The concept co-use projection of a dataset: two works are linked when they name at
/// least one common concept; the link's weight is the number of shared concepts.
///
/// This is the one-mode projection of the bipartite work–concept layer onto works with
/// shared-neighbour counts as weights (Newman, "Scientific collaboration networks. I.",
/// Phys. Rev. E 64, 016131, 2001, doi:10.1103/PhysRevE.64.016131, uses the same
/// construction for co-authorship; in bibliometrics it is the analogue of
/// bibliographic coupling, Kessler 1963, doi:10.1002/asi.5090140103, with concepts in
/// place of references).
public struct ConceptCoUse: Sendable, Equatable {
    /// One linked pair of works, `a < b` (node indices in ``Dataset/workIDs`` order).
    public struct Link: Sendable, Equatable {
        public var a: Int32
        public var b: Int32
        /// The shared concept ids, sorted by vocabulary order.
        public var concepts: [String]
        /// Number of shared concepts (= `concepts.count`).
        public var weight: Int { concepts.count }
    }

    /// Work ids (the node set, works.csv order; works naming no concept are isolated).
    public let workIDs: [String]
    /// The links sorted by `(a, b)`.
    public let links: [Link]

    /// The projection as a ``Graph`` over the works: one arc `a → b` per linked pair
    /// with `a < b`, weighted by the number of shared concepts. The relation is
    /// undirected; use ``Graph/undirectedSimple()`` for E-I and edge homophily. O(n + L).
    public func graph() -> Graph {
        var builder = GraphBuilder(duplicates: .keep, selfLoops: .keep)
        for id in workIDs { builder.addNode(id) }
        builder.reserveArcs(links.count)
        for link in links { builder.addArc(from: link.a, to: link.b, weight: Double(link.weight)) }
        return builder.build().graph
    }

    /// For each concept id, the number of linked pairs it links. O(Σ |concepts|).
    public func pairsPerConcept() -> [String: Int] {
        var counts: [String: Int] = [:]
        for link in links { for c in link.concepts { counts[c, default: 0] += 1 } }
        return counts
    }
}

extension Dataset {
    /// The concept co-use projection (see ``ConceptCoUse``), from every `concept` layer.
    ///
    /// A concept-layer row counts once per (work, concept) pair however often it is
    /// repeated; rows whose endpoints are not one work and one concept (in either order)
    /// are ignored here. Deterministic: links sorted by work index, concepts by
    /// vocabulary order. Time O(R + Σ_c k_c²) for R rows and k_c works per concept.
    public func conceptCoUse() -> ConceptCoUse {
        var workIndex: [String: Int32] = [:]
        for (k, id) in workIDs.enumerated() { workIndex[id] = Int32(k) }
        var conceptIndex: [String: Int] = [:]
        for (k, id) in conceptIDs.enumerated() { conceptIndex[id] = k }
        var usersOf = [Set<Int32>](repeating: [], count: conceptIDs.count)
        for layer in layers where layer.kind == .concept {
            for arc in layer.arcs {
                if let w = workIndex[arc.from], let c = conceptIndex[arc.to] {
                    usersOf[c].insert(w)
                } else if let w = workIndex[arc.to], let c = conceptIndex[arc.from] {
                    usersOf[c].insert(w)
                }
            }
        }
        var shared: [UInt64: [Int]] = [:]
        for (c, users) in usersOf.enumerated() where users.count > 1 {
            let sorted = users.sorted()
            for i in 0..<sorted.count {
                for j in (i + 1)..<sorted.count {
                    let key = UInt64(UInt32(sorted[i])) << 32 | UInt64(UInt32(sorted[j]))
                    shared[key, default: []].append(c)
                }
            }
        }
        let links = shared.keys.sorted().map { key -> ConceptCoUse.Link in
            ConceptCoUse.Link(a: Int32(truncatingIfNeeded: key >> 32), b: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF),
                              concepts: (shared[key] ?? []).map { conceptIDs[$0] })
        }
        return ConceptCoUse(workIDs: workIDs, links: links)
    }
}
