import NetworkCore

/// When one literature first used a concept or model.
public struct ConceptAdoption: Sendable, Codable, Equatable {
    /// The literature (group name of the work partition).
    public let literature: String
    /// Earliest year a work of this literature used the concept.
    public let firstYear: Int
    /// The works of that literature using it in that year (ids, ascending node order).
    public let firstWorks: [String]
    /// `firstYear − home first year` (0 for the home literature; `nil` without a home).
    public let lagFromHome: Int?
}

/// How one concept spread across literatures.
public struct ConceptDiffusion: Sendable, Codable, Equatable {
    public let concept: String
    /// The concept's home literature: as supplied, or else the literature (other than the
    /// missing-value group) that used it first; `nil` if no dated use.
    public let homeLiterature: String?
    /// Whether the home was supplied (`false`: inferred from first use).
    public let homeSupplied: Bool
    /// Other literatures that used it in the same first year when the home was inferred
    /// (the tie is broken by the partition's group order).
    public let homeTiedWith: [String]
    /// One entry per literature that used the concept in a dated work, by year then group order.
    public let adoptions: [ConceptAdoption]
    /// Uses of the concept by works with no year (not counted in adoptions).
    public let undatedUses: Int
}

/// A maximal run of consecutive path nodes in one literature.
public struct LiteratureSegment: Sendable, Codable, Equatable {
    public let literature: String
    /// Index in the path of the first and last node of the run.
    public let start: Int
    public let end: Int
}

/// A step of a path from one literature into another.
public struct LiteratureCrossing: Sendable, Codable, Equatable {
    /// Index in the path of the arc's first node.
    public let position: Int
    public let from: String
    public let to: String
    public let fromLiterature: String
    public let toLiterature: String
}

/// A path (e.g. a main path along the knowledge flow) with the literature of each node.
public struct AnnotatedPath: Sendable, Codable, Equatable {
    public let nodes: [String]
    /// Literature of each node; a merged strong component whose members differ gets their
    /// distinct group names joined by `" + "` (in group order).
    public let literatures: [String]
    public let segments: [LiteratureSegment]
    public let crossings: [LiteratureCrossing]
    /// The literatures in the order the path visits them (one entry per segment).
    public var literatureSequence: [String] { segments.map(\.literature) }
}

/// Concept and model lineage across literatures (issue 7 §3): first adoption of each
/// concept per literature, the diffusion lag from its home literature, and main paths
/// annotated with the literatures they cross.
public enum ConceptLineage {
    /// First adoption of each concept by each literature and the lag from its home.
    ///
    /// - Parameters:
    ///   - concepts: concept names, indexed by concept.
    ///   - workIDs: work ids, indexed by work.
    ///   - uses: (work, concept) pairs of the concept layer ("work uses / adopts concept").
    ///   - years: publication year of each work.
    ///   - literature: the work partition (e.g. literature of each work).
    ///   - home: optional home literature name per concept (`nil` entries are inferred).
    /// - Throws: ``InputError`` for wrong column lengths, an index out of range, or an
    ///   unknown home literature name.
    /// - Complexity: O(u log u + c·g) for u uses, c concepts, g groups. Deterministic.
    public static func diffusion(
        concepts: [String], workIDs: [String], uses: [(work: Int, concept: Int)],
        years: [Int?], literature: Partition, home: [String?]? = nil
    ) throws(InputError) -> [ConceptDiffusion] {
        let nw = workIDs.count, nc = concepts.count
        guard years.count == nw else {
            throw InputError(file: "<years>", field: "year", message: "expected one year per work (\(nw)), got \(years.count)")
        }
        guard literature.nodeCount == nw else {
            throw InputError(file: "<literature>", field: "literature", message: "expected one literature per work (\(nw)), got \(literature.nodeCount)")
        }
        if let home, home.count != nc {
            throw InputError(file: "<home>", field: "home", message: "expected one home literature per concept (\(nc)), got \(home.count)")
        }
        var groupIndex: [String: Int] = [:]
        for (g, name) in literature.groupNames.enumerated() { groupIndex[name] = g }
        let ng = literature.groupCount
        // first[c][g] = (year, works)
        var firstYear = [[Int?]](repeating: [Int?](repeating: nil, count: ng), count: nc)
        var firstWorks = [[[Int]]](repeating: [[Int]](repeating: [], count: ng), count: nc)
        var undated = [Int](repeating: 0, count: nc)
        for (i, use) in uses.enumerated() {
            guard use.work >= 0 && use.work < nw && use.concept >= 0 && use.concept < nc else {
                throw InputError(file: "<uses>", line: i + 1, field: "work/concept", message: "index out of range (work \(use.work) of \(nw), concept \(use.concept) of \(nc))")
            }
            guard let y = years[use.work] else { undated[use.concept] += 1; continue }
            let g = Int(literature.groupOf[use.work])
            if let f = firstYear[use.concept][g], f < y { continue }
            if firstYear[use.concept][g] != y {
                firstYear[use.concept][g] = y
                firstWorks[use.concept][g] = []
            }
            firstWorks[use.concept][g].append(use.work)
        }
        var result: [ConceptDiffusion] = []
        for c in 0..<nc {
            var homeGroup: Int?
            var supplied = false
            var tied: [String] = []
            if let name = home?[c] {
                guard let g = groupIndex[name] else {
                    throw InputError(file: "<home>", line: c + 1, field: "home", message: "unknown literature \"\(name)\" for concept \(concepts[c])")
                }
                homeGroup = g
                supplied = true
            } else {
                let candidates = (0..<ng).filter { Int32($0) != literature.missingGroup && firstYear[c][$0] != nil }
                if let earliest = candidates.compactMap({ firstYear[c][$0] }).min() {
                    let atEarliest = candidates.filter { firstYear[c][$0] == earliest }
                    homeGroup = atEarliest.first
                    tied = atEarliest.dropFirst().map { literature.groupNames[$0] }
                }
            }
            let homeYear = homeGroup.flatMap { firstYear[c][$0] }
            let adopters = (0..<ng).filter { firstYear[c][$0] != nil }.sorted {
                let a = firstYear[c][$0] ?? 0, b = firstYear[c][$1] ?? 0
                return a != b ? a < b : $0 < $1
            }
            let adoptions = adopters.map { g -> ConceptAdoption in
                let y = firstYear[c][g] ?? 0
                return ConceptAdoption(
                    literature: literature.groupNames[g], firstYear: y,
                    firstWorks: Array(Set(firstWorks[c][g])).sorted().map { workIDs[$0] },
                    lagFromHome: homeYear.map { y - $0 })
            }
            result.append(ConceptDiffusion(
                concept: concepts[c], homeLiterature: homeGroup.map { literature.groupNames[$0] },
                homeSupplied: supplied, homeTiedWith: tied, adoptions: adoptions, undatedUses: undated[c]))
        }
        return result
    }

    /// Annotates each path of a main path result with the literatures of its nodes.
    ///
    /// - Parameters:
    ///   - result: a result of ``MainPathAnalysis`` on `dag` (its ``MainPathResult/paths``
    ///     are used; for a basket, which has no paths, the result is empty).
    ///   - dag: the DAG the result came from (to map merged nodes back to works).
    ///   - literature: partition of the *input graph's* nodes.
    /// - Complexity: O(n + total path length).
    public static func annotate(_ result: MainPathResult, dag: KnowledgeFlowDAG, literature: Partition) -> [AnnotatedPath] {
        var nodeOfID: [String: Int] = [:]
        for (i, id) in dag.ids.enumerated() { nodeOfID[id] = i }
        var groupsOf = [[Int32]](repeating: [], count: dag.nodeCount)
        for (v, d) in dag.nodeOfGraphNode.enumerated() where v < literature.nodeCount {
            groupsOf[Int(d)].append(literature.groupOf[v])
        }
        func label(_ d: Int) -> String {
            let gs = Array(Set(groupsOf[d])).sorted()
            return gs.map { literature.groupNames[Int($0)] }.joined(separator: " + ")
        }
        return result.paths.map { path in
            let lits = path.map { id in nodeOfID[id].map(label) ?? Partition.missingLabel }
            return annotate(nodes: path, literatures: lits)
        }
    }

    /// Annotates a node sequence whose literatures are given (extra entries of the longer
    /// array are ignored). O(length).
    public static func annotate(nodes allNodes: [String], literatures allLiteratures: [String]) -> AnnotatedPath {
        let count = min(allNodes.count, allLiteratures.count)
        let nodes = Array(allNodes.prefix(count)), literatures = Array(allLiteratures.prefix(count))
        var segments: [LiteratureSegment] = []
        var crossings: [LiteratureCrossing] = []
        var start = 0
        for i in 0..<literatures.count {
            if i + 1 == literatures.count || literatures[i + 1] != literatures[i] {
                segments.append(LiteratureSegment(literature: literatures[i], start: start, end: i))
                if i + 1 < literatures.count {
                    crossings.append(LiteratureCrossing(
                        position: i, from: nodes[i], to: nodes[i + 1],
                        fromLiterature: literatures[i], toLiterature: literatures[i + 1]))
                }
                start = i + 1
            }
        }
        return AnnotatedPath(nodes: nodes, literatures: literatures, segments: segments, crossings: crossings)
    }
}
