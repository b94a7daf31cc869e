/// How two records were found to describe the same work.
public enum MatchMethod: String, Hashable, Sendable, Codable {
    /// Same normalised DOI (and the first author or the title agree, see ``ReferenceMatcher``).
    case doi
    /// Same folded first-author surname, years within the tolerance, similar titles.
    case key
    /// Same folded first-author surname and year within the tolerance, no title to compare
    /// (a record that prints only author and year, like a review's table of included studies).
    case authorYear = "author-year"
}

/// One merge: record `merged` joined the work whose chosen record is `kept`.
public struct MatchDecision: Hashable, Sendable, Codable {
    /// Index (in the matcher's input) of the record the merged one was compared with.
    public var kept: Int
    public var merged: Int
    public var method: MatchMethod
    /// Dice coefficient of the titles, when both have one.
    public var titleDice: Double?
    /// Overlap coefficient of the titles, when both have one.
    public var titleOverlap: Double?
    /// Plain-words explanation ("same DOI 10.…", "same first author, years 2009/2009, …").
    public var detail: String
}

/// A pair that looked alike but was NOT merged, and why (same list, DOI shared by two
/// different papers, year outside the tolerance, different DOIs).
public struct MatchRejection: Hashable, Sendable, Codable {
    /// Why the pair was kept apart.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Both records are in the same list (a list does not cite a work twice): a duplicate.
        case sameList = "same-list"
        /// The other record's work already holds a record of this record's list.
        case listAlreadyInWork = "list-already-in-work"
        /// One DOI printed for two different papers.
        case doiConflict = "doi-conflict"
        /// Same first author and title, years further apart than the tolerance.
        case yearOutOfRange = "year-out-of-range"
        /// Author and year only, and no unique match.
        case ambiguous
    }

    public var first: Int
    public var second: Int
    public var kind: Kind
    public var reason: String
}

/// The result of clustering: which records describe the same work.
public struct ReferenceClusters: Hashable, Sendable, Codable {
    /// Cluster index of every input record.
    public var clusterOf: [Int]
    /// Members of each cluster, ascending input index; clusters ordered by their first member.
    public var clusters: [[Int]]
    /// The record chosen to represent each cluster (see ``ReferenceMatcher/cluster(_:groups:options:)``).
    public var representatives: [Int]
    /// Every merge, in the order it was made.
    public var merges: [MatchDecision]
    public var rejections: [MatchRejection]
}

/// Thresholds of the fallback key.
public struct MatchOptions: Hashable, Sendable, Codable {
    /// Largest accepted difference of publication years (online versus issue year).
    public var yearTolerance: Int
    /// Titles match when their Dice coefficient reaches this…
    public var minimumDice: Double
    /// …or when the overlap coefficient reaches this and the shorter title has at least
    /// ``minimumContainedTokens`` tokens (one list printing a subtitle the other omits).
    public var minimumOverlap: Double
    public var minimumContainedTokens: Int
    /// For a DOI match: the titles must reach this Dice coefficient when the folded first
    /// authors differ (guards against a DOI misprinted on the wrong entry).
    public var doiTitleCheck: Double

    public init(yearTolerance: Int = 1, minimumDice: Double = 0.8, minimumOverlap: Double = 0.9,
                minimumContainedTokens: Int = 3, doiTitleCheck: Double = 0.5) {
        self.yearTolerance = yearTolerance
        self.minimumDice = minimumDice
        self.minimumOverlap = minimumOverlap
        self.minimumContainedTokens = minimumContainedTokens
        self.doiTitleCheck = doiTitleCheck
    }
}

/// Groups cited references (and works, via ``Work/asReference``) that describe the same work.
///
/// Definition, in two passes over the input in index order:
/// 1. **DOI**: records with the same normalised ``DOI`` are merged, provided their folded
///    first-author surnames agree or their titles reach `doiTitleCheck` (Dice); otherwise
///    the pair is a rejection ("DOI shared by different papers": a misprint in a list).
/// 2. **Key**: records with the same folded first-author surname (``AuthorName/matchKey``)
///    and years within `yearTolerance` are merged when their titles match (Dice ≥
///    `minimumDice`, or overlap ≥ `minimumOverlap` with the shorter title at least
///    `minimumContainedTokens` tokens) and they do not carry two different DOIs. When one
///    record has no title, author and year alone merge them (method ``MatchMethod/authorYear``)
///    only if the match is unique: exactly one candidate on each side, preferring an exact
///    year to ±1; otherwise the pair is reported as ambiguous.
///
/// Records of the same `group` (one reference list, one citing document) are never merged
/// with each other, directly or through a third record: a list does not cite a work twice,
/// so such a pair is reported as a rejection instead. A pair with the same author and title
/// but years further apart than the tolerance is reported too (a near miss for the analyst).
///
/// The representative of a cluster is the member with a DOI, then the most filled fields,
/// then the lowest index. Complexity: O(n log n) for the DOI pass plus O(Σ b²) title
/// comparisons within blocks of b records sharing a surname. Deterministic: the result
/// depends only on the input order.
public enum ReferenceMatcher {
    public static func cluster(_ items: [CitedReference], groups: [Int]? = nil,
                               options: MatchOptions = MatchOptions()) -> ReferenceClusters {
        let n = items.count
        let group = groups ?? Array(0..<n)
        var uf = UnionFind(count: n, groups: group, titled: items.map { $0.title != nil })
        func sameListReason(_ a: Int, _ b: Int, _ what: String) -> String {
            group[a] == group[b]
                ? "\(what) but both in the same list: not merged"
                : "\(what) but the work already holds another record of the same list: not merged"
        }
        var merges: [MatchDecision] = []
        var rejections: [MatchRejection] = []
        var rejectedPairs = Set<[Int]>()
        func reject(_ a: Int, _ b: Int, _ kind: MatchRejection.Kind, _ reason: String) {
            if rejectedPairs.insert([a, b]).inserted { rejections.append(MatchRejection(first: a, second: b, kind: kind, reason: reason)) }
        }
        func listKind(_ a: Int, _ b: Int) -> MatchRejection.Kind { group[a] == group[b] ? .sameList : .listAlreadyInWork }
        let surname = items.map { $0.firstAuthor?.matchKey ?? "" }
        let tokens: [Set<String>?] = items.map { r in r.title.map { Set(TitleSimilarity.tokens($0)) } }
        func dice(_ a: Int, _ b: Int) -> Double? {
            guard let x = tokens[a], let y = tokens[b] else { return nil }
            return TitleSimilarity.dice(x, y)
        }
        func overlap(_ a: Int, _ b: Int) -> Double? {
            guard let x = tokens[a], let y = tokens[b] else { return nil }
            return TitleSimilarity.overlap(x, y)
        }

        // Pass 1: DOI.
        var byDOI: [DOI: [Int]] = [:]
        for (i, r) in items.enumerated() { if let d = r.doi { byDOI[d, default: []].append(i) } }
        for doi in byDOI.keys.sorted() {
            guard let members = byDOI[doi], members.count > 1 else { continue }
            for (x, a) in members.enumerated() {
                for b in members[(x + 1)...] where uf.find(a) != uf.find(b) {
                    let dice = dice(a, b)
                    let sameAuthor = !surname[a].isEmpty && surname[a] == surname[b]
                    guard sameAuthor || (dice ?? 0) >= options.doiTitleCheck else {
                        reject(a, b, .doiConflict, "DOI \(doi) shared by different papers (first authors \(label(items[a])) / \(label(items[b])), titles differ): not merged")
                        continue
                    }
                    guard uf.disjointGroups(a, b) else {
                        reject(a, b, listKind(a, b), sameListReason(a, b, "same DOI \(doi)"))
                        continue
                    }
                    uf.union(a, b)
                    merges.append(MatchDecision(kept: a, merged: b, method: .doi, titleDice: dice,
                                                titleOverlap: overlap(a, b),
                                                detail: "same DOI \(doi)" + (sameAuthor ? "" : "; first authors differ, titles agree")))
                }
            }
        }

        // Pass 2: fallback key within blocks of equal surname.
        var blocks: [String: [Int]] = [:]
        for i in 0..<n where !surname[i].isEmpty { blocks[surname[i], default: []].append(i) }
        for key in blocks.keys.sorted() {
            guard let members = blocks[key], members.count > 1 else { continue }
            for (x, a) in members.enumerated() {
                for b in members[(x + 1)...] where uf.find(a) != uf.find(b) {
                    let ra = items[a], rb = items[b]
                    guard let ya = ra.year, let yb = rb.year else { continue }
                    let dy = YearDistance.between(ya, yb)
                    if let da = ra.doi, let db = rb.doi, da != db { continue }
                    guard let ta = tokens[a], let tb = tokens[b] else {
                        // Author and year only: the match must be unique on both sides.
                        if ra.title == nil, rb.title == nil { continue }
                        guard dy <= options.yearTolerance else { continue }
                        let u = ra.title == nil ? a : b
                        let t = u == a ? b : a
                        let yu = items[u].year ?? 0
                        // Already identified with a titled record (e.g. by DOI): nothing to decide.
                        if uf.hasTitled(u) { continue }
                        var candidateRoots = Set<Int>(), exactRoots = Set<Int>(), rivals = 0
                        for c in members where c != u {
                            guard let yc = items[c].year, YearDistance.between(yc, yu) <= options.yearTolerance else { continue }
                            if items[c].title == nil { rivals += 1; continue }
                            guard uf.disjointGroups(c, u) else { continue }
                            candidateRoots.insert(uf.find(c))
                            if yc == yu { exactRoots.insert(uf.find(c)) }
                        }
                        let chosen = exactRoots.count == 1 ? exactRoots : (exactRoots.isEmpty && candidateRoots.count == 1 ? candidateRoots : [])
                        guard chosen == [uf.find(t)], rivals == 0 else {
                            let why = candidateRoots.isEmpty
                                ? "the titled record is already matched to another record of the same table"
                                : "\(candidateRoots.count) candidate works and \(rivals) other untitled records with that author and year"
                            reject(a, b, .ambiguous, "same first author \(key), years \(ya)/\(yb), one side without title; no unique match (\(why)): not merged")
                            continue
                        }
                        uf.union(a, b)
                        merges.append(MatchDecision(kept: t, merged: u, method: .authorYear, titleDice: nil, titleOverlap: nil,
                                                    detail: "same first author \(key), years \(ya)/\(yb), no title on one side; the only candidate"))
                        continue
                    }
                    let dice = TitleSimilarity.dice(ta, tb)
                    let overlap = TitleSimilarity.overlap(ta, tb)
                    let shorter = min(ta.count, tb.count)
                    let titlesMatch = dice >= options.minimumDice
                        || (overlap >= options.minimumOverlap && shorter >= options.minimumContainedTokens)
                    guard titlesMatch else { continue }
                    guard dy <= options.yearTolerance else {
                        reject(a, b, .yearOutOfRange, "same first author and title (Dice \(fmt(dice))) but years \(ya)/\(yb) differ by more than \(options.yearTolerance): not merged")
                        continue
                    }
                    guard uf.disjointGroups(a, b) else {
                        reject(a, b, listKind(a, b), sameListReason(a, b, "same first author, year and title"))
                        continue
                    }
                    uf.union(a, b)
                    merges.append(MatchDecision(kept: a, merged: b, method: .key, titleDice: dice, titleOverlap: overlap,
                                                detail: "same first author \(key), years \(ya)/\(yb), title Dice \(fmt(dice)), overlap \(fmt(overlap))"))
                }
            }
        }

        // Clusters and representatives.
        var clusterIndex: [Int: Int] = [:]
        var clusters: [[Int]] = []
        var clusterOf = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let root = uf.find(i)
            if let c = clusterIndex[root] { clusters[c].append(i); clusterOf[i] = c } else {
                clusterIndex[root] = clusters.count
                clusterOf[i] = clusters.count
                clusters.append([i])
            }
        }
        let representatives = clusters.map { members in
            members.max { x, y in
                let kx = (items[x].doi != nil ? 1 : 0, filled(items[x]), -x)
                let ky = (items[y].doi != nil ? 1 : 0, filled(items[y]), -y)
                return kx < ky
            } ?? members[0]
        }
        return ReferenceClusters(clusterOf: clusterOf, clusters: clusters, representatives: representatives,
                                 merges: merges, rejections: rejections)
    }

    static func label(_ r: CitedReference) -> String {
        (r.firstAuthor?.family ?? "?") + " " + (r.year.map(String.init) ?? "n.d.")
    }

    static func fmt(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return String(scaled)
    }

    static func filled(_ r: CitedReference) -> Int {
        let fields: [Any?] = [r.title, r.venue, r.volume, r.issue, r.pages, r.publisher, r.year, r.url]
        return fields.compactMap { $0 }.count + (r.authors.isEmpty ? 0 : 1)
    }
}
