import NetworkAlgorithms
import NetworkCore

/// Communities detected without labels set against a given grouping of the same works
/// (literatures, disciplines): the contingency table, the modularity of each partition,
/// and their agreement by normalised mutual information and the adjusted Rand index.
///
/// Only the works with at least one link are compared (an isolated work would be a
/// community of its own and say nothing about either partition). Rows (communities) are
/// ordered by size, largest first, ties by the community's smallest work; columns are
/// the groups that occur among the compared works, in the grouping's order.
/// Deterministic given a deterministic detection.
struct CommunityComparison: Encodable, Sendable {
    /// How the communities were found, e.g. "Louvain".
    var algorithm: String
    /// Runs with seeds `seed, seed+1, …`, the one of highest modularity kept.
    var runs: Int
    var seed: UInt64
    /// Works compared (those with at least one link).
    var works: Int
    var communities: Int
    /// Modularity of the detected communities on the undirected simple view.
    var modularity: Double
    /// Modularity of the grouping on the same view (nil without links).
    var groupModularity: Double?
    /// Column names of ``contingency``.
    var groups: [String]
    /// Size of each community (rows of ``contingency``).
    var communitySizes: [Int]
    /// Works by community (rows, largest first) and group (columns).
    var contingency: [[Int]]
    /// Normalised mutual information (arithmetic normalisation); nil when not meaningful.
    var nmi: Double?
    /// Adjusted Rand index; nil when not meaningful.
    var ari: Double?
    /// The detected community behind each row of ``contingency`` (not written to metrics.json).
    var communityIDs: [Int]

    private enum CodingKeys: String, CodingKey {
        case algorithm, runs, seed, works, communities, modularity, groupModularity, groups, communitySizes, contingency, nmi, ari
    }

    /// Compares `detected` with `grouping` over the works `compared` (indices into both).
    init(algorithm: String, runs: Int, seed: UInt64, detected: CommunityDetection, grouping: Partition, compared: [Int], groupModularity: Double?) {
        self.algorithm = algorithm
        self.runs = runs
        self.seed = seed
        works = compared.count
        modularity = detected.modularity
        self.groupModularity = groupModularity
        let communityOf = compared.map { Int(detected.partition.groupOf[$0]) }
        let groupOf = compared.map { Int(grouping.groupOf[$0]) }
        var counts: [Int: [Int]] = [:]
        for (k, c) in communityOf.enumerated() {
            counts[c, default: [Int](repeating: 0, count: grouping.groupCount)][groupOf[k]] += 1
        }
        let size = { (c: Int) in counts[c]?.reduce(0, +) ?? 0 }
        let rows = counts.keys.sorted { size($0) != size($1) ? size($0) > size($1) : $0 < $1 }
        let usedGroups = grouping.groupNames.indices.filter { g in counts.values.contains { $0[g] > 0 } }
        communities = rows.count
        communityIDs = rows
        groups = usedGroups.map { grouping.groupNames[$0] }
        communitySizes = rows.map(size)
        contingency = rows.map { c in usedGroups.map { counts[c]?[$0] ?? 0 } }
        if usedGroups.count >= 2 && compared.count >= 2 {
            let groupPart = Partition(values: groupOf.map { grouping.groupNames[$0] })
            let communityPart = Partition(values: communityOf.map { "community \($0)" })
            nmi = groupPart.normalizedMutualInformation(with: communityPart)
            ari = groupPart.adjustedRandIndex(with: communityPart)
        } else {
            nmi = nil
            ari = nil
        }
    }

    /// Louvain communities of `graph`'s undirected simple view (`runs` runs with seeds
    /// `seed, seed+1, …`, the best modularity kept) compared with `grouping` over the works
    /// with at least one link; nil when no two works are linked. Deterministic.
    static func louvain(on graph: Graph, grouping: Partition, seed: UInt64, runs: Int = 10) -> CommunityComparison? {
        let simple = graph.undirectedSimple()
        guard simple.edgeCount > 0 else { return nil }
        let detected = graph.louvain(resolution: 1, seed: seed, restarts: runs)
        return CommunityComparison(
            algorithm: "Louvain", runs: runs, seed: seed, detected: detected, grouping: grouping,
            compared: (0..<graph.nodeCount).filter { simple.degree(Int32($0)) > 0 },
            groupModularity: simple.modularity(of: grouping))
    }

    /// The plain-words reading of the agreement, from the adjusted Rand index: at least
    /// 0.65 `largely` (Steinley 2004, doi:10.1037/1082-989X.9.3.386, calls lower values a
    /// poor recovery), at least 0.2 `partly`, otherwise `not`.
    func reading(largely: String, partly: String, not: String) -> String? {
        guard let ari else { return nil }
        return ari >= 0.65 ? largely : (ari >= 0.2 ? partly : not)
    }

    /// Blocks for a report: a paragraph with the numbers and the reading, the agreement
    /// table and the contingency table — or, in degenerate cases, a paragraph saying why
    /// there is nothing to compare. `subject` names the linked works ("works linked by a
    /// citation"); the readings complete the sentence "… : <reading>".
    /// `rowName` names a row by its detected community (default C1, C2, … by size).
    func blocks(prefix: String, groupTitle: String, subject: String,
                largely: String, partly: String, not: String, rowName: ((Int) -> String?)? = nil) -> [ReportBlock] {
        guard works >= 2 else {
            return [.paragraph("Fewer than two \(subject), so there are no communities to compare with the groups of '\(groupTitle)'.")]
        }
        let q = ReportCell.number(modularity, digits: 3).display
        let qGroups = groupModularity.map { ReportCell.number($0, digits: 3).display } ?? "–"
        let how = runs > 1 ? "best of \(runs) runs, seeds \(seed)–\(seed + UInt64(runs - 1))" : "seed \(seed)"
        var text = "\(algorithm) community detection (\(how)) on the undirected view splits the \(works) \(subject) into "
            + (communities == 1 ? "a single community (modularity \(q)): it finds no community structure. " :
                "\(communities) communities (modularity \(q)). ")
            + "The groups of '\(groupTitle)' have modularity \(qGroups) on the same view. "
        var blocks: [ReportBlock] = []
        if let nmi, let ari {
            text += "Agreement of the communities with the groups: NMI \(ReportCell.number(nmi, digits: 3).display), "
                + "adjusted Rand index \(ReportCell.number(ari, digits: 3).display) (1 = the communities are exactly the groups; 0 = no more alike than chance). "
                + "In plain words: " + (reading(largely: largely, partly: partly, not: not) ?? "")
            if let groupModularity, groupModularity <= 0 {
                text += " The groups themselves do not cluster: their modularity is not above 0, i.e. they keep no more links inside than a random network with the same degrees would."
            }
            blocks.append(.paragraph(text))
        } else {
            text += "All \(subject) belong to one group of '\(groupTitle)' (\(groups.first ?? "–")), so agreement with the groups (NMI, ARI) is not meaningful and is not reported."
            blocks.append(.paragraph(text))
        }
        blocks.append(.table(ReportTable(
            name: "\(prefix)-agreement", title: "Detected communities against the groups of \(groupTitle)",
            caption: "Both partitions on the undirected simple view of the \(works) \(subject). NMI and ARI are 1 when the communities are exactly the groups; ARI is about 0 for a chance match.",
            columns: ["statistic", "value"],
            rows: [
                [.text("works compared"), .integer(works)],
                [.text("communities found"), .integer(communities)],
                [.text("groups of \(groupTitle) among them"), .integer(groups.count)],
                [.text("modularity of the communities"), .number(modularity, digits: 3)],
                [.text("modularity of the groups"), groupModularity.map { .number($0, digits: 3) } ?? .missing],
                [.text("normalised mutual information"), nmi.map { .number($0, digits: 3) } ?? .missing],
                [.text("adjusted Rand index"), ari.map { .number($0, digits: 3) } ?? .missing],
            ])))
        var totals = [Int](repeating: 0, count: groups.count)
        for row in contingency { for (j, c) in row.enumerated() { totals[j] += c } }
        var byGroup = ReportTable(
            name: "\(prefix)-by-group", title: "Detected communities by \(groupTitle)",
            caption: "The \(works) \(subject) by detected community (rows, largest first\(rowName == nil ? "; C1, C2, … are arbitrary names" : "")) and group of '\(groupTitle)' (columns). A community drawn from one column reproduces a group; a row spread over several columns mixes groups.",
            columns: ["community", "works"] + groups,
            rows: contingency.enumerated().map { k, row in
                [.text(rowName?(communityIDs[k]) ?? "C\(k + 1)"), .integer(communitySizes[k])] + row.map { .integer($0) }
            } + [[.text("total"), .integer(works)] + totals.map { .integer($0) }])
        byGroup.limitGroupColumns(leading: 2)
        blocks.append(.table(byGroup))
        return blocks
    }
}
