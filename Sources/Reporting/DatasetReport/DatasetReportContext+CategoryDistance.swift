import Bibliometrics
import NetworkAlgorithms
import NetworkCore

/// How a report measures Rao–Stirling diversity: the groups, the distance between them, what
/// happens to works outside those groups, and the words and methods that say so. Chosen once
/// by ``DatasetReportContext/diversityGrouping()`` and read by the table caption and the
/// methods paragraph alike.
struct DiversityGrouping: Sendable {
    /// The groups diversity is counted over (the report's partition, or that partition with
    /// the categories the similarity matrix has no row for moved to the missing group).
    let partition: Partition
    /// Where `d_gh` comes from.
    let distance: GroupDistance
    /// What is done with the missing group of ``partition``.
    let missing: MissingGroupPolicy
    /// The caption's words for `d_gh`.
    let distanceWords: String
    /// The caption's sentence saying which references are counted (the total the shares
    /// `p_g` are taken of, the table's "counted references") and which are not; empty when
    /// every reference is counted and there is nothing to say.
    let countedWords: String
    /// Named groups of the report that the similarity matrix has no row for (empty unless
    /// the WoS matrix is used).
    let rowless: [String]
    /// The methods paragraph's entries.
    let methods: [Method]
}

extension DatasetReportContext {
    /// The largest share of the named groups that may lack a row in the WoS category
    /// similarity matrix for the groups still to be read as WoS categories (issue 12): a
    /// literature of WoS categories exported today has a few categories created after the
    /// matrix (2008–2012), while groups that are not WoS categories match few or none.
    static let maximumRowlessShare = 0.1

    /// The distance between groups for Rao–Stirling diversity (issue 12).
    ///
    /// When at least two named groups, and all but at most ``maximumRowlessShare`` of them,
    /// are Web of Science subject categories of the bundled similarity matrix (Rafols & Meyer
    /// 2010, doi:10.1007/s11192-009-0041-y; cosine similarity of the categories' citation
    /// profiles, WoS 2008–2012), `d_gh = 1 − s_gh` from that matrix. References to works
    /// without a category, or in a category the matrix has no row for, are left out (the
    /// matrix gives them no distance), and so are works of those categories as citing works;
    /// the caption names the rowless categories and counts what was left out. Otherwise the
    /// distances come from the dataset's own citation profiles
    /// (``GroupDistance/citationProfiles``); the works without a group are then left out
    /// (profiles, citing works and references, ``MissingGroupPolicy/exclude``) exactly when
    /// the headline leaves them out (``worksLeftOutOfKnownGroups()``), and counted as one
    /// more group otherwise. O(n + g²).
    func diversityGrouping() -> DiversityGrouping {
        let g = groupTitle
        let leavesOut = worksLeftOutOfKnownGroups() != nil
        let countsMissing = !leavesOut && partition.missingGroup.map { m in partition.groupOf.contains(m) } == true
        let profiles = DiversityGrouping(
            partition: partition, distance: .citationProfiles,
            missing: leavesOut ? .exclude : .include,
            distanceWords: "d_gh is 1 − the cosine similarity of the two groups' citation profiles in this dataset",
            countedWords: leavesOut
                ? "Counted references are those to works with a \(g), and works without one are not scored."
                : countsMissing ? "References to works without a \(g) are counted, as one more group." : "",
            rowless: [], methods: [MethodCatalogue.raoStirlingMethod(leavesOutUnplaced: leavesOut), MethodCatalogue.rafolsMeyer])
        let named = partition.groupNames.enumerated().filter { Int32($0.offset) != partition.missingGroup }.map(\.element)
        guard named.count >= 2, case .success(let tables) = ClassificationTables.shared else { return profiles }
        let rows = tables.wosRows(named)
        let kept = zip(named, rows).compactMap { name, row in row.map { (name, $0) } }
        let rowless = zip(named, rows).filter { $0.1 == nil }.map(\.0)
        guard kept.count >= 2, Double(rowless.count) <= Self.maximumRowlessShare * Double(named.count) else { return profiles }
        var grouping = partition
        if !rowless.isEmpty {
            let keep = Set(kept.map(\.0))
            grouping = Partition(values: partition.groupOf.map { g in
                let name = partition.groupNames[Int(g)]
                return g != partition.missingGroup && keep.contains(name) ? name : nil
            }, order: kept.map(\.0))
        }
        var counted = "Counted references are those to works in a category the matrix has a row for: references to works without a category are not counted, and works without one are not scored"
        if !rowless.isEmpty {
            counted += ", nor are references to, or works of, the \(rowless.count) \(rowless.count == 1 ? "category" : "categories") the matrix has no row for (\(rowless.joined(separator: ", ")))"
        }
        counted += "."
        return DiversityGrouping(partition: grouping, distance: .matrix(tables.wosDistances(rows: kept.map(\.1))),
                                 missing: .exclude,
                                 distanceWords: "d_gh is 1 − the cosine similarity of the two Web of Science categories' citation profiles (WoS 2008–2012, Rafols & Meyer 2010)",
                                 countedWords: counted, rowless: rowless,
                                 methods: [MethodCatalogue.raoStirlingWoS, MethodCatalogue.rafolsMeyer])
    }
}
