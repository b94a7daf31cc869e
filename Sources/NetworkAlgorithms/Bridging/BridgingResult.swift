import NetworkCore

/// The document of `siloscope bridging --format json` (ARCHITECTURE.md §6).
///
/// Keys: `attribute`, `groups` (names; every per-group array and both axes of `mixing`
/// follow this order), `groupSizes`, `missing` (the ``MissingGroupPolicy``), `mixing`
/// (rows = citing group, columns = cited group, arc counts), `mixingRowShares`,
/// `mixingColumnShares`, `edges` (undirected simple edges counted), `edgeHomophily`,
/// `classInsensitiveHomophily`, `eiIndex`, `eiIndexByGroup`, `assortativity`,
/// `modularity` (directed), `modularityUndirected`, `null`. Undefined values (no edges, a single group, a statistic not
/// computed) encode as JSON `null`, so every key is always present.
public struct BridgingResult: Sendable, Equatable, Codable {
    /// The node attribute the partition was made from.
    public var attribute: String
    /// Group names, in partition order (the missing group last, unless excluded).
    public var groups: [String]
    /// Nodes in each group.
    public var groupSizes: [Int]
    /// How the missing group was treated.
    public var missing: MissingGroupPolicy
    /// Arc counts, rows = citing group, columns = cited group (``MixingMatrix``).
    public var mixing: [[Int]]
    /// Each row of `mixing` divided by its sum (``MixingMatrix/rowShares()``).
    public var mixingRowShares: [[Double]]
    /// Each column of `mixing` divided by its sum (``MixingMatrix/columnShares()``).
    public var mixingColumnShares: [[Double]]
    /// Undirected simple edges counted by the homophily and E-I statistics.
    public var edges: Int
    /// Edge homophily (Zhu et al. 2020), see ``Homophily``.
    public var edgeHomophily: Double?
    /// Class-insensitive homophily (Lim et al. 2021), see ``Homophily``.
    public var classInsensitiveHomophily: Double?
    /// Krackhardt–Stern E-I index of the network, see ``EIIndex``.
    public var eiIndex: Double?
    /// E-I index of each group, in `groups` order, see ``EIIndex/byGroup``.
    public var eiIndexByGroup: [Double?]
    /// Newman's nominal assortativity of the directed arcs.
    public var assortativity: Double?
    /// Directed modularity of the partition (Leicht & Newman 2008) over the arcs.
    public var modularity: Double?
    /// Undirected modularity of the partition (Newman & Girvan 2004) on the undirected
    /// simple view.
    public var modularityUndirected: Double?
    /// Null-model block (`nil` when no null model was run).
    public var null: NullModelResult?

    /// Memberwise initialiser.
    public init(attribute: String, groups: [String], groupSizes: [Int], missing: MissingGroupPolicy,
                mixing: [[Int]], mixingRowShares: [[Double]], mixingColumnShares: [[Double]], edges: Int,
                edgeHomophily: Double?, classInsensitiveHomophily: Double?, eiIndex: Double?,
                eiIndexByGroup: [Double?], assortativity: Double?, modularity: Double?, modularityUndirected: Double? = nil,
                null: NullModelResult?) {
        self.attribute = attribute
        self.groups = groups
        self.groupSizes = groupSizes
        self.missing = missing
        self.mixing = mixing
        self.mixingRowShares = mixingRowShares
        self.mixingColumnShares = mixingColumnShares
        self.edges = edges
        self.edgeHomophily = edgeHomophily
        self.classInsensitiveHomophily = classInsensitiveHomophily
        self.eiIndex = eiIndex
        self.eiIndexByGroup = eiIndexByGroup
        self.assortativity = assortativity
        self.modularity = modularity
        self.modularityUndirected = modularityUndirected
        self.null = null
    }

    private enum CodingKeys: String, CodingKey {
        case attribute, groups, groupSizes, missing, mixing, mixingRowShares, mixingColumnShares, edges,
             edgeHomophily, classInsensitiveHomophily, eiIndex, eiIndexByGroup, assortativity, modularity, modularityUndirected, null
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(attribute, forKey: .attribute)
        try c.encode(groups, forKey: .groups)
        try c.encode(groupSizes, forKey: .groupSizes)
        try c.encode(missing, forKey: .missing)
        try c.encode(mixing, forKey: .mixing)
        try c.encode(mixingRowShares, forKey: .mixingRowShares)
        try c.encode(mixingColumnShares, forKey: .mixingColumnShares)
        try c.encode(edges, forKey: .edges)
        try c.encode(edgeHomophily, forKey: .edgeHomophily)
        try c.encode(classInsensitiveHomophily, forKey: .classInsensitiveHomophily)
        try c.encode(eiIndex, forKey: .eiIndex)
        try c.encode(eiIndexByGroup, forKey: .eiIndexByGroup)
        try c.encode(assortativity, forKey: .assortativity)
        try c.encode(modularity, forKey: .modularity)
        try c.encode(modularityUndirected, forKey: .modularityUndirected)
        try c.encode(null, forKey: .null)
    }
}

extension Graph {
    /// All bridging statistics of `partition` without a null model: mixing matrix and
    /// shares, edge and class-insensitive homophily, E-I index (network and per group),
    /// Newman's nominal assortativity and modularity (directed and undirected).
    ///
    /// Time O(n + m + g²). Deterministic.
    /// - Precondition: `partition.nodeCount == nodeCount`.
    public func bridging(by partition: Partition, attribute: String, missing: MissingGroupPolicy = .include) -> BridgingResult {
        precondition(partition.nodeCount == nodeCount, "partition must cover every node")
        let groups = EffectiveGroups(partition, missing: missing)
        let mixing = MixingMatrix(groupNames: groups.groupNames, counts: mixingCounts(groups.groupOf, groupCount: groups.groupCount))
        let view = undirectedSimple()
        let counts = view.neighborGroupCounts(groups.groupOf)
        let h = view.homophily(groups, counts: counts)
        let ei = view.eiIndex(groups, counts: counts)
        var sizes = [Int](repeating: 0, count: groups.groupCount)
        for k in groups.groupOf where k >= 0 { sizes[Int(k)] += 1 }
        return BridgingResult(
            attribute: attribute, groups: groups.groupNames, groupSizes: sizes, missing: missing,
            mixing: mixing.counts, mixingRowShares: mixing.rowShares(), mixingColumnShares: mixing.columnShares(),
            edges: h.edges, edgeHomophily: h.edgeHomophily, classInsensitiveHomophily: h.classInsensitiveHomophily,
            eiIndex: ei.network, eiIndexByGroup: ei.byGroup, assortativity: mixing.nominalAssortativity(),
            modularity: mixing.directedModularity(),
            modularityUndirected: view.modularity(groups, counts: counts, resolution: 1), null: nil)
    }
}
