/// One work as the field assigner sees it.
public struct FieldEvidence: Sendable {
    public var venue: String?
    public var volume: String?
    /// `true` for a citing record (its reference list was read).
    public var isCiting: Bool
    public var fields: SubjectFields
    /// `true` when `fields` come from `siloscope fetch --openalex` rather than an imported record.
    public var fetched: Bool

    public init(venue: String?, volume: String? = nil, isCiting: Bool, fields: SubjectFields, fetched: Bool = false) {
        self.venue = venue
        self.volume = volume
        self.isCiting = isCiting
        self.fields = fields
        self.fetched = fetched
    }
}

/// Works' ``FieldEvidence`` by position from 0, with what ``FieldAssigner`` reads of every
/// work — citing or not, whether its records state anything, its venue and volume — readable
/// without building the work's whole evidence (a lazy view builds it, its field lists
/// retained, at each read: on 10⁵ cited-only works that was most of the assigner's time).
protocol FieldEvidenceCollection: RandomAccessCollection, Sendable where Element == FieldEvidence, Index == Int {
    func isCiting(_ i: Int) -> Bool
    /// `true` when work `i`'s records state nothing (`fields.isEmpty`).
    func statesNothing(_ i: Int) -> Bool
    func venue(_ i: Int) -> String?
    func volume(_ i: Int) -> String?
}

extension Array: FieldEvidenceCollection where Element == FieldEvidence {
    func isCiting(_ i: Int) -> Bool { self[i].isCiting }
    func statesNothing(_ i: Int) -> Bool { self[i].fields.isEmpty }
    func venue(_ i: Int) -> String? { self[i].venue }
    func volume(_ i: Int) -> String? { self[i].volume }
}

/// Places every work in a field at one ``LiteratureLevel``, from its own record or its venue,
/// never by guessing.
///
/// Definition, for each work in order:
/// 1. **record** / **openalex**: the categories its own record (or its fetched OpenAlex
///    work) states at the level — WoS `WC`/`SC`, OpenAlex topics, or the ASJC codes of its
///    ISSNs in the bundled Scopus table (key: the tag, `topics` or `issn:NNNN-NNNN`).
/// 2. Otherwise its venue is matched, by exact ``VenueKey`` (and its ISSNs by exact ISSN):
///    **user-table** (the analyst's table, read first: it is an explicit statement), then
///    **dataset-venue** (the full title, `J9`, `JI` and ISSNs of the dataset's citing
///    records that have categories at this level), then **catalogue** (an ISSN of the work
///    that the NLM catalogue lists for a journal with ASJC codes, else the NLM title, ISO or
///    MEDLINE abbreviation → ASJC; ASJC levels only). A dataset venue key whose records
///    give disjoint category sets is refused (counted in `ambiguousVenueKeys`); overlapping
///    sets are united (a journal reclassified over the years keeps every category it held).
/// 3. Otherwise the work has no field (the explicit missing group).
///
/// **Primary category** (the one that becomes the `category` column and, through
/// `literatures.csv`, the literature): OpenAlex levels take the primary topic's value (the
/// record states it); every other level takes, among the work's categories, the one held by
/// the most works of the dataset at this level (each work counted once per category), ties
/// to the alphabetically first. One literature per work keeps every silo statistic and
/// null model as it is (each node one group); all categories are kept in `categories`.
///
/// Complexity O(W·c) for W works with at most c categories, plus the venue keys (hash
/// look-ups). Deterministic: depends only on the evidence, in order.
public struct FieldAssigner: Sendable {
    public var level: LiteratureLevel
    public var tables: ClassificationTables
    /// ``VenueKey`` or `issn:NNNNNNNN` → categories at `level` (the user's table).
    public var userTable: [String: [String]]

    public init(level: LiteratureLevel, tables: ClassificationTables, userTable: [String: [String]] = [:]) {
        self.level = level
        self.tables = tables
        self.userTable = userTable
    }

    /// The assignment of every work and the coverage.
    public func assign(_ works: [FieldEvidence]) -> (assignments: [FieldAssignment], coverage: FieldCoverage) {
        assign(evidence: works)
    }

    /// ``assign(_:)`` over any random-access collection of evidence indexed from 0 — a lazy
    /// view, so that an import need not hold an array of 10⁵ evidence records beside its works
    /// (memory). Each element may be read several times.
    func assign<C: FieldEvidenceCollection>(evidence works: C) -> (assignments: [FieldAssignment], coverage: FieldCoverage) {
        var out: [FieldAssignment] = []
        out.reserveCapacity(works.count)
        // 1. Own records.
        for i in works.indices {
            // A cited-only work states nothing itself (most works): skip the look-ups.
            guard !works.statesNothing(i) else {
                out.append(FieldAssignment())
                continue
            }
            let own = WorkCategories.of(works[i].fields, tables: tables)
            var a = FieldAssignment(own: own)
            let values = own.values(level)
            if !values.isEmpty {
                a.categories = values
                a.source = works[i].fetched ? .openalex : .record
                a.key = ownKey(works[i].fields)
            }
            out.append(a)
        }
        // 2. Venue index of the dataset's own citing records.
        var index: [String: [String]] = [:]
        var refused = Set<String>()
        for i in works.indices where out[i].source != nil && works.isCiting(i) {
            for key in venueKeys(works[i]) where !refused.contains(key) {
                if let had = index[key] {
                    if Set(had).isDisjoint(with: out[i].categories) {
                        index[key] = nil
                        refused.insert(key)
                    } else {
                        var merged = had
                        for c in out[i].categories where !merged.contains(c) { merged.append(c) }
                        index[key] = merged
                    }
                } else {
                    index[key] = out[i].categories
                }
            }
        }
        // Each remaining work's outcome depends on its evidence, the tables and `index` alone,
        // so the works are looked up in two halves on both cores (each half in order).
        let pending = works.indices.filter { out[$0].source == nil }
        let evidence = works, frozen = index
        let hits = Importer.inHalves(pending.count) { part in venueHits(pending[part], evidence: evidence, index: frozen) }
        for (i, hit) in zip(pending, hits) {
            if let hit { out[i].categories = hit.categories; out[i].source = hit.source; out[i].key = hit.key }
        }
        // 3. Primary category.
        var held: [String: Int] = [:]
        for i in out.indices { for c in out[i].categories { held[c, default: 0] += 1 } }
        for i in out.indices where !out[i].categories.isEmpty {
            if level.isOpenAlex, out[i].source == .record || out[i].source == .openalex {
                out[i].primary = out[i].categories[0]
            } else {
                out[i].primary = out[i].categories.min { a, b in
                    let x = held[a] ?? 0, y = held[b] ?? 0
                    return x != y ? x > y : a < b
                }
            }
        }
        var coverage = FieldCoverage(level: level.rawValue)
        coverage.ambiguousVenueKeys = refused.count
        for i in works.indices {
            let source = out[i].categories.isEmpty ? nil : out[i].source
            if works.isCiting(i) { coverage.citing.count(source) } else {
                coverage.cited.count(source)
                if works.venue(i) != nil, works.volume(i) != nil { coverage.citedWithJournalVenue.count(source) }
            }
        }
        coverage.categories = Set(out.compactMap(\.primary)).count
        return (out, coverage)
    }

    /// Step 2 for the works at `positions`, in order: their ``venueHit(_:index:)``. A work
    /// whose keys come from its venue alone (no other spelling, no ISSN) gets the outcome of
    /// the first work with the same venue (the tables do not change here). O(n) look-ups.
    func venueHits<C: FieldEvidenceCollection>(_ positions: ArraySlice<Int>, evidence works: C, index: [String: [String]]) -> [VenueHit?] {
        var byVenue: [String: VenueHit?] = [:]
        var hits: [VenueHit?] = []
        hits.reserveCapacity(positions.count)
        for i in positions {
            if works.statesNothing(i) || (works[i].fields.venueNames.isEmpty && works[i].fields.issns.isEmpty) {
                guard let venue = works.venue(i) else {
                    hits.append(nil)
                    continue
                }
                if let known = byVenue[venue] {
                    hits.append(known)
                } else {
                    let hit = venueHit(venueKeys(works[i]), index: index)
                    byVenue[venue] = hit
                    hits.append(hit)
                }
            } else {
                hits.append(venueHit(venueKeys(works[i]), index: index))
            }
        }
        return hits
    }

    /// The field a work's venue keys give (step 2 of the definition), and from which route.
    struct VenueHit: Sendable {
        var key: String
        var categories: [String]
        var source: FieldSource
    }

    /// Step 2 for one work's keys: the user's table, then the dataset's venue `index`, then the catalogue.
    func venueHit(_ keys: [String], index: [String: [String]]) -> VenueHit? {
        if !userTable.isEmpty, let (k, v) = firstHit(keys, userTable) { return VenueHit(key: k, categories: v, source: .userTable) }
        if let (k, v) = firstHit(keys, index) { return VenueHit(key: k, categories: v, source: .datasetVenue) }
        if let (k, codes) = catalogueHit(keys) {
            let v = WorkCategories.asjc(codes, tables: tables).values(level)
            if !v.isEmpty { return VenueHit(key: k, categories: v, source: .catalogue) }
        }
        return nil
    }

    /// `WC`, `SC`, `topics` or `issn:NNNN-NNNN` (the first ISSN with ASJC codes).
    func ownKey(_ f: SubjectFields) -> String {
        switch level {
        case .wosCategory: return "WC"
        case .wosArea: return "SC"
        case .openAlexDomain, .openAlexField, .openAlexSubfield: return "topics"
        case .openAlexConcept: return "concepts"
        case .asjcArea, .asjcCategory:
            return f.issns.first { tables.asjcByISSN[$0] != nil }.map { "issn:" + ISSN.display($0) } ?? "issn"
        }
    }

    /// `venue:KEY` for the venue and each other spelling, then `issn:NNNNNNNN` per ISSN.
    func venueKeys(_ w: FieldEvidence) -> [String] {
        var keys: [String] = []
        for name in [w.venue].compactMap({ $0 }) + w.fields.venueNames {
            if let k = VenueKey.make(name), !keys.contains("venue:" + k) { keys.append("venue:" + k) }
        }
        for i in w.fields.issns where !keys.contains("issn:" + i) { keys.append("issn:" + i) }
        return keys
    }

    /// The catalogue's codes for the first of the work's ISSNs it lists, else for the first
    /// venue key it lists, with the key (`issn:…` or `venue:…`).
    func catalogueHit(_ keys: [String]) -> (String, [String])? {
        for k in keys where k.hasPrefix("issn:") {
            if let codes = tables.asjcByCatalogueISSN[String(k.dropFirst(5))] { return (k, codes) }
        }
        for k in keys where k.hasPrefix("venue:") {
            if let codes = tables.asjcByCatalogueVenue[String(k.dropFirst(6))] { return (k, codes) }
        }
        return nil
    }

    func firstHit(_ keys: [String], _ table: [String: [String]]) -> (String, [String])? {
        for k in keys { if let v = table[k], !v.isEmpty { return (k, v) } }
        return nil
    }
}
