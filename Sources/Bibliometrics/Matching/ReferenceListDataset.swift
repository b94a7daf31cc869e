import Foundation
import NetworkCore

/// A document whose reference list was read: the citing side of a citation layer.
public struct CitingDocument: Sendable {
    /// The document as a work (its id becomes the node id; `sources` say where its
    /// metadata was read).
    public var work: Work
    /// Its parsed reference list.
    public var list: ReferenceListParse

    public init(work: Work, list: ReferenceListParse) {
        self.work = work
        self.list = list
    }
}

/// A work with a fixed id from another dataset (e.g. the included articles of
/// `coproduction-models`), matched to the references so that datasets share ids.
public struct KnownWork: Sendable {
    public var work: Work
    /// Its label in the other dataset ("Lindsay 2018a").
    public var label: String
    /// The provenance string of its row (the other dataset's `source` column).
    public var source: String

    public init(work: Work, label: String, source: String) {
        self.work = work
        self.label = label
        self.source = source
    }
}

/// One row of an editable venue → literature mapping file (`venue,literature,reason`).
public struct VenueMapping: Hashable, Sendable, Codable {
    /// The venue exactly as it appears in the works table.
    public var venue: String
    public var literature: String
    /// Why this venue belongs to this literature (one reason per mapping).
    public var reason: String

    public init(venue: String, literature: String, reason: String) {
        self.venue = venue
        self.literature = literature
        self.reason = reason
    }
}

/// The tables of a citation-layer dataset built from reference lists: cited references
/// matched into works, arcs from each citing document to the works its list cites, every
/// merge explained, and the venue → literature assignment.
///
/// Definition (``build(citing:known:venues:options:)``): the input records are, in this
/// order, the citing documents, every entry of their lists, then the known works; they are
/// clustered by ``ReferenceMatcher`` with one group per citing document (a document and its
/// own references never merge; two entries of one list never merge) and one group for all
/// known works. Every cluster holding a citing document or a reference is a node; its id is
/// the known work's id if it holds one, else the citing document's id, else
/// `surnameYEAR-firstword` from its representative record (a numeric suffix `-2`, `-3`
/// separates clashes, in input order). Each list entry gives one arc citing → node, with
/// the entry's file and lines as provenance. A node's literature is looked up by its venue
/// in the mapping (exact string); a venue without a row is reported as unassigned, never
/// guessed.
///
/// Complexity: that of ``ReferenceMatcher`` plus O(r) for r references. Deterministic:
/// same inputs in the same order give byte-identical CSV.
public struct ReferenceListDataset: Sendable {
    /// A node of the works table.
    public struct WorkRow: Hashable, Sendable, Codable {
        public var id: String
        public var label: String
        public var firstAuthor: String
        public var year: Int?
        public var title: String
        public var venue: String
        public var doi: String
        public var type: String
        /// `citing`, `cited`, or `citing+cited`.
        public var role: String
        /// How many of the citing documents cite it.
        public var citedBy: Int
        /// The literature its venue maps to, or nil when unassigned.
        public var literature: String?
        /// Every record it was built from (seed file:lines; a known work's own source).
        public var source: String
    }

    /// An arc: `citing` cites `cited`, read from the reference entry at `source`.
    public struct CitationRow: Hashable, Sendable, Codable {
        public var citing: String
        public var cited: String
        public var source: String
    }

    /// A merge (or a pair deliberately not merged) with its method and both records.
    public struct MatchRow: Hashable, Sendable, Codable {
        /// Node id the records ended in (for a non-merge: the first record's node).
        public var node: String
        /// `doi`, `key`, `author-year`, or `not-merged`.
        public var method: String
        /// For `not-merged` rows: `same-list`, `list-already-in-work`, `doi-conflict`,
        /// `year-out-of-range` or `ambiguous` (``MatchRejection/Kind``); empty for merges.
        public var rejection: String
        public var keptSource: String
        public var mergedSource: String
        public var titleDice: String
        public var titleOverlap: String
        public var detail: String
    }

    /// One entry of a list, with the node it was matched to.
    public struct ReferenceRow: Hashable, Sendable, Codable {
        public var citing: String
        public var node: String
        public var entry: ParsedReference
    }

    public var works: [WorkRow]
    public var citations: [CitationRow]
    public var matches: [MatchRow]
    public var references: [ReferenceRow]
    /// Venues of nodes with no mapping row, with how many nodes carry each; nodes without
    /// any venue are counted under the empty string.
    public var unassignedVenues: [(venue: String, nodes: Int)]
    /// Known works matched to at least one reference (id → method of the match).
    public var matchedKnownWorks: [(id: String, method: String)]
    /// ARCHITECTURE.md §6 summary. `matched` counts references: those in a work with at least one
    /// other record, by the strongest method that joined that work (a DOI merge anywhere in
    /// the cluster counts as `byIdentifier`), and `unmatched` those alone; `duplicates` is
    /// the number of same-list pairs that matched and were kept apart.
    public var summary: ImportSummary

    /// Builds the tables from parsed lists (see the type's definition). Pure; never throws.
    public static func build(citing: [CitingDocument], known: [KnownWork], venues: [VenueMapping],
                             options: MatchOptions = MatchOptions()) -> ReferenceListDataset {
        // Records and their groups.
        var records: [CitedReference] = []
        var groups: [Int] = []
        var provenance: [String] = []
        enum Origin { case citing(Int), reference(Int, Int), known(Int) }
        var origin: [Origin] = []
        for (d, doc) in citing.enumerated() {
            records.append(doc.work.asReference)
            groups.append(d)
            provenance.append(doc.work.sources.map(\.description).joined(separator: "; "))
            origin.append(.citing(d))
        }
        for (d, doc) in citing.enumerated() {
            for (e, entry) in doc.list.entries.enumerated() {
                records.append(entry.reference)
                groups.append(d)
                provenance.append(entry.reference.source?.description ?? doc.list.file)
                origin.append(.reference(d, e))
            }
        }
        for (k, w) in known.enumerated() {
            records.append(w.work.asReference)
            groups.append(citing.count)
            provenance.append(w.source)
            origin.append(.known(k))
        }
        let result = ReferenceMatcher.cluster(records, groups: groups, options: options)

        // Node ids.
        var nodeOfCluster = [String?](repeating: nil, count: result.clusters.count)
        var used = Set<String>()
        var knownInCluster = [Int?](repeating: nil, count: result.clusters.count)
        var citingInCluster = [Int?](repeating: nil, count: result.clusters.count)
        var hasReference = [Bool](repeating: false, count: result.clusters.count)
        for (i, o) in origin.enumerated() {
            let c = result.clusterOf[i]
            switch o {
            case .citing(let d): citingInCluster[c] = d
            case .reference: hasReference[c] = true
            case .known(let k): knownInCluster[c] = k
            }
        }
        for c in result.clusters.indices {
            if let k = knownInCluster[c], hasReference[c] || citingInCluster[c] != nil {
                nodeOfCluster[c] = known[k].work.id
            } else if let d = citingInCluster[c] {
                nodeOfCluster[c] = citing[d].work.id
            }
            if let id = nodeOfCluster[c] { used.insert(id) }
        }
        for c in result.clusters.indices where nodeOfCluster[c] == nil && hasReference[c] {
            let base = generatedID(records[result.representatives[c]])
            var id = base
            var suffix = 2
            while used.contains(id) { id = "\(base)-\(suffix)"; suffix += 1 }
            used.insert(id)
            nodeOfCluster[c] = id
        }

        // Citations and reference rows.
        var citations: [CitationRow] = []
        var referenceRows: [ReferenceRow] = []
        var citedBy = [Set<Int>](repeating: [], count: result.clusters.count)
        for (i, o) in origin.enumerated() {
            guard case .reference(let d, let e) = o, let node = nodeOfCluster[result.clusterOf[i]] else { continue }
            citations.append(CitationRow(citing: citing[d].work.id, cited: node, source: provenance[i]))
            referenceRows.append(ReferenceRow(citing: citing[d].work.id, node: node, entry: citing[d].list.entries[e]))
            citedBy[result.clusterOf[i]].insert(d)
        }

        // Works.
        let venueMap = Dictionary(venues.map { ($0.venue, $0.literature) }, uniquingKeysWith: { first, _ in first })
        var works: [WorkRow] = []
        var unassigned: [String: Int] = [:]
        for (c, members) in result.clusters.enumerated() {
            guard let id = nodeOfCluster[c] else { continue }
            let rep = records[result.representatives[c]]
            // Fields from the representative, gaps filled from the other members in input order.
            func first<T>(_ f: (CitedReference) -> T?) -> T? {
                if let v = f(rep) { return v }
                for m in members { if let v = f(records[m]) { return v } }
                return nil
            }
            let surname = first { $0.firstAuthor?.family } ?? ""
            let year = citingInCluster[c].flatMap { citing[$0].work.year } ?? first { $0.year }
            let venue = citingInCluster[c].flatMap { citing[$0].work.venue } ?? first { $0.venue } ?? ""
            let literature = venueMap[venue]
            if literature == nil { unassigned[venue, default: 0] += 1 }
            var role = citedBy[c].isEmpty ? "" : "cited"
            if citingInCluster[c] != nil { role = role.isEmpty ? "citing" : "citing+cited" }
            works.append(WorkRow(
                id: id,
                label: knownInCluster[c].map { known[$0].label }
                    ?? [surname, year.map(String.init)].compactMap { $0 }.joined(separator: " "),
                firstAuthor: surname, year: year, title: first { $0.title } ?? "", venue: venue,
                doi: first { $0.doi?.value } ?? "", type: (first { $0.type == .unknown ? nil : $0.type } ?? .unknown).rawValue,
                role: role, citedBy: citedBy[c].count, literature: literature,
                source: members.map { provenance[$0] }.joined(separator: "; ")))
        }

        // Matches.
        func node(_ i: Int) -> String { nodeOfCluster[result.clusterOf[i]] ?? "" }
        func f2(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "" }
        var matches: [MatchRow] = result.merges.map { m in
            MatchRow(node: node(m.kept), method: m.method.rawValue, rejection: "", keptSource: provenance[m.kept],
                     mergedSource: provenance[m.merged], titleDice: f2(m.titleDice), titleOverlap: f2(m.titleOverlap),
                     detail: m.detail)
        }
        matches += result.rejections.map { r in
            MatchRow(node: node(r.first), method: "not-merged", rejection: r.kind.rawValue, keptSource: provenance[r.first],
                     mergedSource: provenance[r.second], titleDice: "", titleOverlap: "", detail: r.reason)
        }

        // Matched known works.
        var matchedKnown: [(id: String, method: String)] = []
        for m in result.merges {
            for i in [m.kept, m.merged] {
                if case .known(let k) = origin[i], !matchedKnown.contains(where: { $0.id == known[k].work.id }) {
                    matchedKnown.append((known[k].work.id, m.method.rawValue))
                }
            }
        }

        // Summary.
        var byIdentifier = 0, byKey = 0, alone = 0
        var clusterMethod = [MatchMethod?](repeating: nil, count: result.clusters.count)
        for m in result.merges {
            let c = result.clusterOf[m.kept]
            if m.method == .doi || clusterMethod[c] == nil { clusterMethod[c] = m.method }
        }
        for (i, o) in origin.enumerated() {
            guard case .reference = o else { continue }
            let c = result.clusterOf[i]
            switch clusterMethod[c] {
            case .doi?: byIdentifier += 1
            case .key?, .authorYear?: byKey += 1
            case nil: alone += 1
            }
        }
        let duplicates = result.rejections.filter { $0.kind == .sameList }.count
        let referenceCount = citing.map(\.list.entries.count).reduce(0, +)
        var parsed = ImportSummary.ParseCounts()
        var unparsed: [ImportSummary.UnparsedEntry] = []
        for doc in citing {
            if let p = doc.list.summary.parsed {
                parsed.fully += p.fully
                parsed.partly += p.partly
                parsed.notAtAll += p.notAtAll
            }
            unparsed += doc.list.summary.unparsed ?? []
        }
        let summary = ImportSummary(format: ReferencesText.formatName, records: citing.count, references: referenceCount,
                                    skipped: 0, duplicates: duplicates,
                                    matched: .init(byIdentifier: byIdentifier, byKey: byKey, unmatched: alone),
                                    parsed: parsed, unparsed: unparsed)
        return ReferenceListDataset(works: works, citations: citations, matches: matches, references: referenceRows,
                                    unassignedVenues: unassigned.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                    matchedKnownWorks: matchedKnown, summary: summary)
    }

    /// `surnameYEAR-firstword`: folded first-author surname (or `anon`), year (or `nd`), and
    /// the first title word longer than two letters that is not an article, preposition or
    /// question word (at most 16 letters).
    static func generatedID(_ r: CitedReference) -> String {
        let surname = r.firstAuthor.map { String(AuthorName.fold($0.family).prefix(20)) } ?? ""
        let stop: Set<String> = ["a", "an", "the", "of", "on", "in", "and", "for", "to", "what", "is", "how", "do", "does"]
        let word = TitleSimilarity.tokens(r.title ?? "").first { $0.count > 2 && !stop.contains($0) } ?? ""
        var id = (surname.isEmpty ? "anon" : surname) + (r.year.map(String.init) ?? "nd")
        if !word.isEmpty { id += "-" + String(word.prefix(16)) }
        return id
    }
}
