import Foundation
import NetworkCore

/// Completes a dataset's citation layer from OpenAlex (`siloscope fetch DATASET --openalex`).
///
/// Definition. The *seed works* are the dataset's works whose `fetched` cell is empty
/// (works added by an earlier fetch are not expanded again, so reruns do not snowball).
/// 1. **Resolve** each seed work to an OpenAlex work, first rule that applies:
///    - *OpenAlex id*: its `openalex` cell or its id is `W…` — records fetched in batches
///      of ≤ 50 with `filter=openalex_id:W1|W2|…`;
///    - *DOI* (canonical form, ``DOI``): batches of ≤ 50 with `filter=doi:d1|d2|…`
///      (a DOI holding `,` or `|`, which the filter syntax reserves, is asked alone at
///      `/works/doi:<doi>`); a result is matched back by its canonical DOI;
///    - *title and year*: `/works?search=<title words>&filter=publication_year:<year>`,
///      accepted only when the best candidate's title has a token Dice coefficient
///      (``TitleSimilarity``) ≥ 0.9 with the dataset title, the same year, a first-author
///      surname compatible with the `first_author` cell when both are known, and no other
///      candidate ≥ 0.9 (ambiguity → unresolved); titles of fewer than 3 words need
///      identical tokens and a known, compatible first author.
/// 2. **Referenced works**: the union of the resolved records' `referenced_works`, fetched
///    in batches of ≤ 50 (`filter=openalex_id:…`). An id OpenAlex returns nothing for is
///    still a work (the citing record states the citation) with only its id.
/// 3. **Citing works**: `filter=cites:W1|W2|…` (≤ 50 ids), 200 per page, every page by
///    cursor.
/// 4. **Merge**: a downloaded record is the dataset work with its OpenAlex id, else the
///    one ``WorkIndex`` matches (DOI, PMID, then the import's fallback key: surname, year,
///    title), else a new work (`id` = its `W…` id, `fetched` = `openalex`, `source` =
///    `OpenAlex W… https://openalex.org/W…`).
/// 5. **Arcs**: for every downloaded record A and every id in A's `referenced_works` that
///    is now a dataset work B ≠ A, the arc A → B, unless some citation layer already has
///    it (`source` = `OpenAlex W… referenced_works`). No work or arc is ever added twice.
///
/// Writing: only when every request succeeded (or was answered from the cache); the new
/// files are staged under `.cache/`, the staged dataset is loaded with ``Dataset/load(folder:)``,
/// and only then renamed into place — works first, then the citation file, the
/// manifest last, so the folder loads between any two renames. A failed or incomplete
/// fetch leaves the dataset untouched; the cache keeps what was downloaded, so a rerun
/// continues where it stopped.
///
/// Complexity: O(W + R) records and ⌈·/50⌉ requests per batch step, plus one search per
/// title-resolved work and one request per 200 citing works. Deterministic: ids and
/// batches are processed in sorted order; the same cache gives byte-identical files.
public struct OpenAlexFetcher {
    /// Largest number of ids in one OR filter.
    public static let batchSize = 50
    /// Citing works per page.
    public static let pageSize = 200
    /// Least Dice coefficient of a title match.
    public static let titleThreshold = 0.9

    public let client: OpenAlexClient
    public let progress: (String) -> Void

    public init(client: OpenAlexClient, progress: @escaping (String) -> Void = { _ in }) {
        self.client = client
        self.progress = progress
    }

    /// One work resolved: how, and the similarity for title matches.
    struct Resolution {
        var id: String
        var method: String
        var similarity: Double?
    }

    /// Fetches and (when complete) writes; returns the summary. Throws ``InputError`` for a
    /// dataset that does not load or cannot be written; network failures are reported in
    /// the summary (`complete` false), not thrown.
    public func run(datasetFolder folder: String) throws -> FetchSummary {
        let dataset = try Dataset.load(folder: folder)
        var summary = FetchSummary(dataset: folder)
        summary.offline = client.options.offline
        var state = FetchState(dataset: dataset)
        var errors: [FetchError] = []
        func attempt<T>(_ body: () throws -> T) throws -> T? {
            do { return try body() } catch let e as FetchError { errors.append(e); return nil }
        }

        // 1. Resolve.
        let seeds = state.seedWorks()
        summary.works = seeds.count
        var resolution: [Int: Resolution] = [:]
        var notes: [Int: String] = [:]
        var byID: [String: [Int]] = [:]
        for i in seeds { if let w = state.openAlexID(of: i) { byID[w, default: []].append(i) } }
        progress("resolving \(seeds.count) works (\(byID.count) OpenAlex ids)")
        for batch in Self.batches(byID.keys.sorted()) {
            guard let objects = try attempt({ try fetchIDs(batch) }) else { continue }
            for o in objects { if let w = Self.id(o) { state.records[w] = o } }
        }
        for (w, list) in byID { for i in list { resolution[i] = Resolution(id: w, method: "openalex", similarity: nil) } }

        var byDOI: [DOI: [Int]] = [:]
        for i in seeds where resolution[i] == nil { if let d = state.doi(of: i) { byDOI[d, default: []].append(i) } }
        let dois = byDOI.keys.sorted()
        progress("resolving \(dois.count) DOIs")
        let (plain, special) = (dois.filter { !$0.value.contains(",") && !$0.value.contains("|") },
                                dois.filter { $0.value.contains(",") || $0.value.contains("|") })
        var doiResults: [[String: Any]] = []
        for batch in Self.batches(plain) {
            let query = [("filter", "doi:" + batch.map(\.value).joined(separator: "|")), ("per-page", String(Self.batchSize))]
            if let objects = try attempt({ try list(query) }) { doiResults += objects }
        }
        for d in special {
            if let o = try attempt({ try client.get(path: "/works/doi:" + OpenAlexClient.encode(d.value)) }), let o { doiResults.append(o) }
        }
        for o in doiResults {
            guard let w = Self.id(o), let d = (o["doi"] as? String).flatMap({ DOI($0) }), let list = byDOI[d] else { continue }
            state.records[w] = o
            for i in list where resolution[i] == nil { resolution[i] = Resolution(id: w, method: "doi", similarity: nil) }
        }

        let titled = seeds.filter { resolution[$0] == nil }
        progress("searching \(titled.count) titles")
        for i in titled {
            guard let title = state.cell(i, "title"), !TitleSimilarity.tokens(title).isEmpty else {
                notes[i] = state.doi(of: i) == nil ? "no DOI and no title" : "DOI not found on OpenAlex; no title to search"
                continue
            }
            guard let year = state.year(of: i) else { notes[i] = "no year to search the title with"; continue }
            let query = [("search", TitleSimilarity.tokens(title).joined(separator: " ")),
                         ("filter", "publication_year:\(year)"), ("per-page", "10")]
            guard let candidates = try attempt({ try list(query) }) else { continue }
            switch Self.titleMatch(title: title, year: year, firstAuthor: state.cell(i, "first_author"), candidates: candidates) {
            case .success(let (o, similarity)):
                if let w = Self.id(o) {
                    state.records[w] = o
                    resolution[i] = Resolution(id: w, method: "title", similarity: similarity)
                }
            case .failure(let reason): notes[i] = reason.text
            }
        }
        for i in seeds {
            guard let r = resolution[i] else { continue }
            state.own(r.id, i)
        }
        summary.resolved.byOpenAlexID = resolution.values.filter { $0.method == "openalex" }.count
        summary.resolved.byDOI = resolution.values.filter { $0.method == "doi" }.count
        summary.resolved.byTitle = resolution.values.filter { $0.method == "title" }.count
        summary.resolved.total = resolution.count
        summary.unresolved = seeds.count - resolution.count

        // 2. Referenced works.
        let seedIDs = Set(resolution.values.map(\.id))
        var referenced = Set<String>()
        for w in seedIDs { referenced.formUnion(Self.references(state.records[w])) }
        summary.referencedWorks = referenced.count
        // Ids already asked for in step 1 and not returned are not asked again.
        let toFetch = referenced.filter { state.records[$0] == nil && byID[$0] == nil }.sorted()
        progress("downloading \(toFetch.count) referenced works")
        var returned = Set<String>()
        for (k, batch) in Self.batches(toFetch).enumerated() {
            if k % 10 == 9 { progress("  referenced works: batch \(k + 1) of \((toFetch.count + Self.batchSize - 1) / Self.batchSize)") }
            guard let objects = try attempt({ try fetchIDs(batch) }) else { continue }
            for o in objects {
                guard let w = Self.id(o) else { continue }
                returned.insert(w)
                state.records[w] = o
                if try state.place(o, url: "OpenAlex \(w)", role: "cited") { summary.matchedExisting += 1 }
            }
        }
        if errors.isEmpty {
            for w in referenced.sorted() where state.owner[w] == nil {
                state.addIDOnly(w)
                summary.metadataMissing += 1
            }
        }

        // 3. Citing works.
        let cited = seedIDs.sorted()
        progress("downloading the works citing \(cited.count) works")
        var citing = Set<String>()
        for batch in Self.batches(cited) {
            var cursor = "*"
            var pages = 0
            while true {
                let query = [("filter", "cites:" + batch.joined(separator: "|")), ("per-page", String(Self.pageSize)), ("cursor", cursor)]
                guard let fetched = try attempt({ () throws -> ([String: Any], [[String: Any]])? in
                    guard let page = try client.get(path: "/works", query: query) else { return nil }
                    return (page, try Self.results(page, url: client.url(path: "/works", query: query)))
                }), let (page, objects) = fetched else { break }
                for o in objects {
                    guard let w = Self.id(o) else { continue }
                    citing.insert(w)
                    if state.records[w] == nil { state.records[w] = o }
                    if try state.place(o, url: "OpenAlex \(w)", role: "citing") { summary.matchedExisting += 1 }
                }
                pages += 1
                guard !objects.isEmpty, let next = (page["meta"] as? [String: Any])?["next_cursor"] as? String, !next.isEmpty, next != cursor else { break }
                cursor = next
                if pages % 10 == 0 { progress("  citing works: \(citing.count) so far") }
            }
        }
        summary.citingWorks = citing.count

        // 4. Arcs.
        for w in state.records.keys.sorted() {
            guard let from = state.owner[w] else { continue }
            for ref in Self.references(state.records[w]) {
                guard let to = state.owner[ref], to != from else { continue }
                if state.addArc(from, to, source: "OpenAlex \(w) referenced_works") { summary.arcsAdded += 1 } else { summary.arcsAlreadyPresent += 1 }
            }
        }
        summary.worksAdded = state.newWorks.count
        summary.requests = client.requests
        summary.cacheHits = client.cacheHits
        summary.retries = client.retries
        summary.errorCount = errors.count
        summary.errors = errors.prefix(20).map(\.description)
        summary.missing = errors.filter { if case .notCached = $0 { return true } else { return false } }.count
        summary.complete = errors.isEmpty
        progress("resolved \(summary.resolved.total) of \(seeds.count); \(summary.worksAdded) works and \(summary.arcsAdded) arcs to add; \(client.requests) requests, \(client.cacheHits) cache hits")
        guard errors.isEmpty else {
            progress("incomplete (\(errors.count) failed requests): the dataset was not changed; rerun to continue from the cache")
            return summary
        }
        try FetchWriter(dataset: dataset, state: state, resolution: resolution, notes: notes, seeds: seeds).write()
        summary.written = true
        return summary
    }

    /// Records of `ids` (≤ 50) via `filter=openalex_id:`.
    func fetchIDs(_ ids: [String]) throws -> [[String: Any]] {
        try list([("filter", "openalex_id:" + ids.joined(separator: "|")), ("per-page", String(Self.batchSize))])
    }

    /// The results of the list request `/works?query` (none for a 404).
    func list(_ query: [(String, String)]) throws -> [[String: Any]] {
        guard let page = try client.get(path: "/works", query: query) else { return [] }
        return try Self.results(page, url: client.url(path: "/works", query: query))
    }

    static func batches<T>(_ items: [T]) -> [[T]] {
        stride(from: 0, to: items.count, by: batchSize).map { Array(items[$0..<min(items.count, $0 + batchSize)]) }
    }

    /// The `results` array of a list response.
    static func results(_ page: [String: Any], url: String) throws -> [[String: Any]] {
        guard let list = page["results"] as? [Any] else { throw FetchError.malformed(url: url, message: "expected a list response with 'results'") }
        return try list.map {
            guard let o = $0 as? [String: Any] else { throw FetchError.malformed(url: url, message: "a 'results' element is not a JSON object") }
            return o
        }
    }

    /// The bare `W…` id of a work object.
    static func id(_ o: [String: Any]) -> String? { (o["id"] as? String).flatMap(Identifiers.openAlexWork) }

    /// The bare ids of a record's `referenced_works`.
    static func references(_ o: [String: Any]?) -> [String] {
        ((o?["referenced_works"] as? [Any]) ?? []).compactMap { ($0 as? String).flatMap(Identifiers.openAlexWork) }
    }

    enum TitleRefusal: Error {
        case none, weak(Double), ambiguous(Int), author(String)
        var text: String {
            switch self {
            case .none: return "title search: no candidate"
            case .weak(let d): return "title search: best candidate's title similarity \(String(format: "%.2f", d)) < \(titleThreshold)"
            case .ambiguous(let n): return "title search: \(n) candidates match equally well (ambiguous)"
            case .author(let a): return "title search: first author differs (\(a))"
            }
        }
    }

    /// The confident title match among search `candidates` (see the type's rule).
    static func titleMatch(title: String, year: Int, firstAuthor: String?, candidates: [[String: Any]]) -> Result<([String: Any], Double), TitleRefusal> {
        let tokens = Set(TitleSimilarity.tokens(title))
        var scored: [(o: [String: Any], dice: Double)] = []
        for o in candidates {
            guard let t = (o["title"] as? String) ?? (o["display_name"] as? String), (o["publication_year"] as? NSNumber)?.intValue == year else { continue }
            scored.append((o, TitleSimilarity.dice(tokens, Set(TitleSimilarity.tokens(t)))))
        }
        guard let best = scored.max(by: { $0.dice < $1.dice }) else { return .failure(.none) }
        guard best.dice >= titleThreshold else { return .failure(.weak(best.dice)) }
        let strong = scored.filter { $0.dice >= titleThreshold }
        let distinct = Set(strong.compactMap { id($0.o) })
        if distinct.count > 1 { return .failure(.ambiguous(distinct.count)) }
        let candidateAuthor = firstAuthorKey(best.o)
        let ours = firstAuthor.map(AuthorName.fold).flatMap { $0.isEmpty ? nil : $0 }
        if let ours, let theirs = candidateAuthor, !ours.contains(theirs), !theirs.contains(ours) {
            return .failure(.author("\(firstAuthor ?? "") vs \(theirs)"))
        }
        if tokens.count < 3 && (best.dice < 1 || ours == nil || candidateAuthor == nil) {
            return .failure(.weak(best.dice))
        }
        return .success((best.o, best.dice))
    }

    /// Folded family name of a record's first author.
    static func firstAuthorKey(_ o: [String: Any]) -> String? {
        guard let a = (o["authorships"] as? [[String: Any]])?.first, let name = (a["author"] as? [String: Any])?["display_name"] as? String,
              let parsed = AuthorName.parseGivenFamily(name) else { return nil }
        let key = parsed.matchKey
        return key.isEmpty ? nil : key
    }
}
