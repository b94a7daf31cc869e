import Foundation

/// The final merge pass over the works of an import (issue 11: reference clustering).
///
/// The reading pass (``WorkIndex``) is greedy in reading order and never merges two works
/// afterwards: a WoS string read first (`Lee V.R., 2018, DATA USE MIDDLE SECO`, no title)
/// becomes a work before a later variant brings the title that would have tied it to
/// another. This pass runs once every reference is read and compares the *variants* of
/// different works — each work's distinct reference strings (and, for a citing work, its
/// record) — so that evidence read later counts.
///
/// Definition. Two variants `p`, `q` of different works describe the same work when the
/// works may merge (not both citing records — the record stage already compared those with
/// full metadata —, no two different DOIs, PMIDs or same-database native ids) and one rule
/// holds, tried in this order:
/// 1. **volume-page** (method `volume-page`): a shared first-author blocking key
///    (``AuthorName/matchKeys``), years within the tolerance, the same volume number and
///    the same first page; titles, when both are known, must match as in rule 2.
/// 2. **page** (method `volume-page`): a shared surname key, the same year, the same first
///    page (with a digit, not `1`), no volume printed on one side or the same volume, and
///    the titles, when both are known, match; so a WoS string (`Benjamini Y, 1995, J R
///    STAT SOC B, V57, P289`) meets its Scopus variant whatever the source abbreviation.
/// 3. **key** (method `key`): ``WorkIndex``'s key rule between the two variants (surname
///    key, years within the tolerance, volumes and first pages equal where both print them
///    unless the titles are nearly the same, titles or sources match; an arXiv source
///    matches only the same arXiv number, ``WorkIndex/arXivSources(_:_:)``).
/// 4. **title** (method `title`): ``WorkIndex``'s title rule — one side prints no personal
///    first author, years within the tolerance, titles (or a WoS title abbreviation against
///    a title) agree.
/// The works joined are the connected components (union–find, smaller work index as root),
/// so the work read first keeps its id and fields, and fills gaps from the works it absorbs.
///
/// Blocking uses hashed keys only: `surname|year|volume|page`, `surname|year|page`,
/// `surname|year` (blocks of at most ``blockLimit`` distinct variants; larger ones are split
/// by the first two title or source word prefixes, ``WorkIndex/titleStartKey(_:personal:)``),
/// and `year|title start` for the title rule. Each bucket is compared pairwise among
/// variants of different (current) works, so the cost is O(V + Σ b²) for V variants and
/// buckets of b variants, b ≤ ``blockLimit`` for the unsplit blocks.
///
/// Output: absorbed works leave `works`; every reference row is re-pointed; arcs, their
/// `repeated citation` / `self-citation` notes and `cited_by` are rebuilt from the rows in
/// reading order (exactly as the reading pass makes them, so no merge ⇒ identical output);
/// the row that created an absorbed work takes the rule's method and evidence
/// (`final merge pass: …`), so `matches.csv` lists every merge. Deterministic: variants,
/// buckets and unions follow work and row order.
///
/// The rules adapt the author–year–title/source comparisons of bibliometric reference
/// disambiguation (e.g. Aria & Cuccurullo 2017, bibliometrix, doi:10.1016/j.joi.2017.08.007);
/// union–find: Tarjan & van Leeuwen 1984, doi:10.1145/62.2160.
extension Importer {
    /// Largest `surname|year` block compared whole in the final merge pass.
    static let blockLimit = 32

    /// Runs the final merge pass on `d` (see the extension's definition).
    func mergeWorks(_ d: consuming ImportedDataset) -> ImportedDataset {
        var pass = WorkMergePass(works: d.works, options: options.match)
        pass.run(works: d.works, references: d.references)
        pass.apply(to: &d)
        return d
    }
}

/// State of one final merge pass (``Importer/mergeWorks(_:)``).
struct WorkMergePass {
    struct Variant {
        var work: Int
        var ref: CitedReference
        var keys: MatchKeys
        var surnames: [String]
        var personal: Bool
        /// Volume digits and first page, computed once ("" when not printed).
        var volume: String
        var page: String
    }

    struct Merge {
        var method: ImportMatchMethod
        var evidence: String
    }

    let options: MatchOptions
    let matcher: WorkIndex
    var variants: [Variant] = []
    var uf: UnionFind
    /// Per root: DOI, PMID, native ids, citing flag of the joined works.
    var doi: [DOI?]
    var pmid: [String?]
    var native: [[String]]
    var citing: [Bool]
    /// Why each absorbed work joined (keyed by its index).
    var merges: [Int: Merge] = [:]

    init(works: [ImportedWork], options: MatchOptions) {
        self.options = options
        matcher = WorkIndex(options: options)
        uf = UnionFind(count: works.count, groups: [], titled: [])
        doi = works.map(\.work.doi)
        pmid = works.map(\.work.pmid)
        native = works.map(\.nativeIDs)
        citing = works.map(\.isCiting)
    }

    /// A hashed blocking key (no string building per variant).
    /// The members of `key`'s block followed by those of the same block in the later years
    /// of the tolerance window (each pair of years is visited once, from its earlier year);
    /// `nil` when the block is empty. O(members in the window).
    static func yearWindow(_ key: BlockKey, in blocks: [BlockKey: [Int]], tolerance: Int) -> [Int]? {
        guard var candidates = blocks[key] else { return nil }
        for yy in YearDistance.window(key.year, tolerance) where yy > key.year {
            var next = key
            next.year = yy
            candidates += blocks[next] ?? []
        }
        return candidates
    }

    struct BlockKey: Hashable, Comparable {
        var rule: UInt8
        var name: String
        var year: Int
        var a: String
        var b: String

        static func < (x: BlockKey, y: BlockKey) -> Bool {
            (x.rule, x.name, x.year, x.a, x.b) < (y.rule, y.name, y.year, y.a, y.b)
        }
    }

    mutating func run(works: [ImportedWork], references: [ImportedReferenceRow]) {
        guard works.count > 1 else { return }
        collectVariants(works: works, references: references)
        let tolerance = max(0, options.yearTolerance)
        var vp: [BlockKey: [Int]] = [:], page: [BlockKey: [Int]] = [:], block: [BlockKey: [Int]] = [:], start: [BlockKey: [Int]] = [:]
        for (v, x) in variants.enumerated() {
            guard let y = x.ref.year else { continue }
            for s in x.surnames {
                if !x.volume.isEmpty, !x.page.isEmpty { vp[BlockKey(rule: 1, name: s, year: y, a: x.volume, b: x.page), default: []].append(v) }
                if Self.usablePage(x.page) { page[BlockKey(rule: 2, name: s, year: y, a: x.page, b: ""), default: []].append(v) }
                block[BlockKey(rule: 3, name: s, year: y, a: "", b: ""), default: []].append(v)
            }
            if let k = Self.titleStart(x) { start[BlockKey(rule: 4, name: "", year: y, a: k, b: ""), default: []].append(v) }
        }
        // Rule 1: surname|year|volume|page, years ±tolerance.
        for (v, x) in variants.enumerated() {
            guard let y = x.ref.year, !x.volume.isEmpty, !x.page.isEmpty else { continue }
            for s in x.surnames {
                for yy in YearDistance.window(y, tolerance) {
                    for w in vp[BlockKey(rule: 1, name: s, year: yy, a: x.volume, b: x.page)] ?? [] where w > v { tryMerge(v, w, rule: .volumePage) }
                }
            }
        }
        // Rule 2: surname|year|page.
        for key in Self.orderedKeys(page) { compareAll(page[key] ?? [], rule: .page) }
        // Rule 3: surname|year blocks (split by title start when large), years ±tolerance.
        for key in Self.orderedKeys(block) {
            guard let candidates = Self.yearWindow(key, in: block, tolerance: tolerance) else { continue }
            if candidates.count <= Importer.blockLimit {
                compareAll(candidates, rule: .key)
            } else {
                var sub: [String: [Int]] = [:]
                for v in candidates {
                    for k in Self.starts(variants[v]) where sub[k]?.last != v { sub[k, default: []].append(v) }
                }
                for k in sub.keys.sorted() { compareAll(sub[k] ?? [], rule: .key) }
            }
        }
        // Rule 4: year|title start, one side without a personal first author.
        for key in Self.orderedKeys(start) {
            guard let candidates = Self.yearWindow(key, in: start, tolerance: tolerance) else { continue }
            // Only pairs with a variant without a personal first author: O(|impersonal| · b).
            let all = Array(Set(candidates)).sorted()
            for a in all where !variants[a].personal {
                for b in all where b != a && (variants[b].personal || b > a) { tryMerge(min(a, b), max(a, b), rule: .title) }
            }
        }
    }

    enum Rule { case volumePage, page, key, title }

    /// Keys in first-insertion order of their first member (deterministic).
    static func orderedKeys(_ buckets: [BlockKey: [Int]]) -> [BlockKey] {
        buckets.filter { $0.value.count > 1 }.sorted { ($0.value[0], $0.key) < ($1.value[0], $1.key) }.map(\.key)
    }

    mutating func compareAll(_ members: [Int], rule: Rule) {
        guard members.count > 1 else { return }
        let sorted = Array(Set(members)).sorted()
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] { tryMerge(a, b, rule: rule) }
        }
    }

    /// A first page worth a key alone: has a digit and is not `1` (e-journals start every paper there).
    static func usablePage(_ p: String) -> Bool {
        p.contains(where: \.isNumber) && p != "1" && p != "0"
    }

    /// Title-rule key: first two title-word prefixes; for a variant without a personal author, of its title or source.
    static func titleStart(_ x: Variant) -> String? {
        WorkIndex.titleStartKey(x.keys, personal: x.personal)
    }

    /// The title and source word starts of a variant (for splitting large blocks).
    static func starts(_ x: Variant) -> [String] {
        var out: [String] = []
        if let k = WorkIndex.titleStartKey(MatchKeys(title: x.ref.title, venue: nil), personal: true) { out.append(k) }
        if let v = x.keys.venueWords, v.count >= 2 {
            let k = String(v[0].prefix(3)) + "|" + String(v[1].prefix(3))
            if !out.contains(k) { out.append(k) }
        }
        return out
    }

    /// Each work's distinct variants: the record for a citing work, and every distinct
    /// reference string matched to it, in work then row order.
    mutating func collectVariants(works: [ImportedWork], references: [ImportedReferenceRow]) {
        var index: [String: Int] = [:]
        for (i, w) in works.enumerated() { index[w.work.id] = i }
        var perWork = [[CitedReference]](repeating: [], count: works.count)
        struct Seen: Hashable { var work: Int; var raw: String }
        var seen = Set<Seen>()
        for (i, w) in works.enumerated() where w.isCiting { perWork[i].append(w.work.asReference) }
        for row in references {
            guard row.note?.hasPrefix("self-citation") != true, let i = index[row.cited] else { continue }
            let r = row.reference
            guard seen.insert(Seen(work: i, raw: r.raw)).inserted else { continue }
            perWork[i].append(r)
        }
        for (i, refs) in perWork.enumerated() {
            for r in refs where r.year != nil {
                let a = r.firstAuthor
                variants.append(Variant(work: i, ref: r, keys: MatchKeys(title: r.title, venue: r.venue),
                                        surnames: a?.matchKeys ?? [], personal: a?.looksPersonal == true,
                                        volume: r.volume.map(WorkIndex.number) ?? "", page: r.pages.map(WorkIndex.firstPage) ?? ""))
            }
        }
    }

    /// Whether the works of roots `a` and `b` may be one work at all.
    func compatible(_ a: Int, _ b: Int) -> Bool {
        if citing[a] && citing[b] { return false }
        if let x = doi[a], let y = doi[b], x != y { return false }
        if let x = pmid[a], let y = pmid[b], x != y { return false }
        return !WorkIndex.nativeConflict(native[a], native[b])
    }

    mutating func tryMerge(_ v: Int, _ w: Int, rule: Rule) {
        let p = variants[v], q = variants[w]
        let ra = uf.find(p.work), rb = uf.find(q.work)
        guard ra != rb, compatible(ra, rb) else { return }
        guard let method = matches(p, q, rule: rule) else { return }
        let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
        let (kept, absorbed) = p.work < q.work ? (p, q) : (q, p)
        uf.union(ra, rb)
        doi[root] = doi[root] ?? doi[child]
        pmid[root] = pmid[root] ?? pmid[child]
        for x in native[child] where !native[root].contains(x) { native[root].append(x) }
        citing[root] = citing[root] || citing[child]
        merges[child] = Merge(method: method, evidence: evidence(absorbed.ref, kept.ref, method: method, rule: rule))
    }

    /// The method when `p` and `q` describe the same work under `rule`, else `nil`.
    func matches(_ p: Variant, _ q: Variant, rule: Rule) -> ImportMatchMethod? {
        guard let yp = p.ref.year, let yq = q.ref.year, YearDistance.between(yp, yq) <= options.yearTolerance else { return nil }
        let a = p.ref, b = q.ref
        if let x = a.doi, let y = b.doi, x != y { return nil }
        let titlesKnown = p.keys.titleSet != nil && q.keys.titleSet != nil
        switch rule {
        case .volumePage, .page:
            guard Set(p.surnames).isDisjoint(with: q.surnames) == false else { return nil }
            if rule == .page {
                guard yp == yq else { return nil }
                if a.volume != nil, b.volume != nil, p.volume != q.volume { return nil }
            }
            guard a.pages != nil, b.pages != nil, p.page == q.page else { return nil }
            if titlesKnown && !matcher.describesSameWork(a, p.keys, Work(id: "", reference: b), q.keys) { return nil }
            return .volumePage
        case .key:
            guard Set(p.surnames).isDisjoint(with: q.surnames) == false else { return nil }
            let same = WorkIndex.nearlySameTitle(p.keys, q.keys)
            if a.volume != nil, b.volume != nil, p.volume != q.volume, !same { return nil }
            if a.pages != nil, b.pages != nil, p.page != q.page, !same { return nil }
            return matcher.describesSameWork(a, p.keys, Work(id: "", reference: b), q.keys) ? .key : nil
        case .title:
            guard !(p.personal && q.personal) else { return nil }
            if a.volume != nil, b.volume != nil, p.volume != q.volume { return nil }
            if a.pages != nil, b.pages != nil, p.page != q.page { return nil }
            if let x = p.keys.titleSet, let y = q.keys.titleSet {
                return x.count >= 4 && y.count >= 4 && TitleSimilarity.dice(x, y) >= options.minimumDice ? .title : nil
            }
            // A personal variant offers only its title; the other one its title or source.
            let x = p.keys.titleWords ?? (p.personal ? nil : p.keys.venueWords)
            let y = q.keys.titleWords ?? (q.personal ? nil : q.keys.venueWords)
            guard let x, let y, min(x.count, y.count) >= 3 else { return nil }
            return WorkIndex.sourcesMatch(words: x, y) == .strong ? .title : nil
        }
    }

    func evidence(_ absorbed: CitedReference, _ kept: CitedReference, method: ImportMatchMethod, rule: Rule) -> String {
        let head = "final merge pass: '\(absorbed.raw.prefix(70))' ~ '\(kept.raw.prefix(70))'; "
        let wk = Work(id: "", reference: kept)
        switch rule {
        case .volumePage, .page:
            var parts = ["first author \(absorbed.firstAuthor?.display ?? "?")/\(kept.firstAuthor?.display ?? "?")",
                         "years \(absorbed.year.map(String.init) ?? "?")/\(kept.year.map(String.init) ?? "?")"]
            if let v1 = absorbed.volume, let v2 = kept.volume { parts.append("volume \(v1)/\(v2)") }
            parts.append("first page \(absorbed.pages.map(WorkIndex.firstPage) ?? "?")")
            if let t1 = absorbed.title, let t2 = kept.title { parts.append("titles Dice \(String(format: "%.2f", TitleSimilarity.dice(t1, t2)))") }
            return head + parts.joined(separator: "; ")
        case .key, .title:
            return head + WorkIndex.evidence(absorbed, wk, method: method)
        }
    }

    /// Removes the absorbed works from `d`, re-points its rows, rebuilds arcs and counts.
    func apply(to d: inout ImportedDataset) {
        guard !merges.isEmpty else { return }
        var finder = uf
        let n = d.works.count
        let rootOf = (0..<n).map { finder.find($0) }
        var index: [String: Int] = [:]
        for (i, w) in d.works.enumerated() { index[w.work.id] = i }
        // Fill the kept works' gaps from the absorbed ones, in work order.
        for i in 0..<n where rootOf[i] != i {
            let r = rootOf[i]
            let x = d.works[i]
            var w = d.works[r].work
            if w.authors.isEmpty { w.authors = x.work.authors }
            w.year = w.year ?? x.work.year
            w.title = w.title ?? x.work.title
            w.venue = w.venue ?? x.work.venue
            w.volume = w.volume ?? x.work.volume
            w.issue = w.issue ?? x.work.issue
            w.pages = w.pages ?? x.work.pages
            w.publisher = w.publisher ?? x.work.publisher
            w.doi = w.doi ?? x.work.doi
            w.url = w.url ?? x.work.url
            w.pmid = w.pmid ?? x.work.pmid
            w.openAlexID = w.openAlexID ?? x.work.openAlexID
            if w.type == .unknown { w.type = x.work.type }
            w.sources += x.work.sources
            d.works[r].work = w
            for id in x.nativeIDs where !d.works[r].nativeIDs.contains(id) { d.works[r].nativeIDs.append(id) }
            d.works[r].isCiting = d.works[r].isCiting || x.isCiting
        }
        let newID = (0..<n).map { d.works[rootOf[$0]].work.id }
        // Rows: re-point; the row that created an absorbed work carries the merge.
        var matched = d.summary.matched
        var arcIndex: [Int64: Int] = [:]
        var arcs: [(citing: Int, cited: Int, sources: [String])] = []
        for k in d.references.indices {
            var row = d.references[k]
            guard let c = index[row.cited], let g = index[row.citing] else { continue }
            let target = rootOf[c], citingRoot = rootOf[g]
            if row.method == .new, let m = merges[c] {
                row.method = m.method
                row.evidence = m.evidence
                matched.unmatched -= 1
                matched.byKey += 1
            }
            row.cited = newID[c]
            row.citing = newID[g]
            if target == citingRoot {
                row.note = "self-citation: the reference matches its own citing work; no arc"
            } else if let a = arcIndex[Int64(citingRoot) << 32 | Int64(target)] {
                row.note = "repeated citation: arc already stated by \(arcs[a].sources[0])"
                arcs[a].sources.append(row.source)
            } else {
                row.note = nil
                arcIndex[Int64(citingRoot) << 32 | Int64(target)] = arcs.count
                arcs.append((citingRoot, target, [row.source]))
            }
            d.references[k] = row
        }
        var citedBy = [Int](repeating: 0, count: n)
        for a in arcs { citedBy[a.cited] += 1 }
        for i in 0..<n { d.works[i].citedBy = citedBy[i] }
        d.works = (0..<n).filter { rootOf[$0] == $0 }.map { d.works[$0] }
        d.citations = arcs.map { ImportedCitation(citing: newID[$0.citing], cited: newID[$0.cited], sources: $0.sources) }
        d.recordWorks = d.recordWorks.map { $0.map { id in index[id].map { newID[$0] } ?? id } }
        d.duplicates = d.duplicates.map { x in
            var x = x
            x.work = index[x.work].map { newID[$0] } ?? x.work
            return x
        }
        d.summary.matched = matched
        d.summary.works = d.works.count
        d.summary.citations = d.citations.count
        d.notes.append("Final merge pass: \(merges.count) works joined an earlier work (method and evidence in matches.csv, evidence starting 'final merge pass').")
    }
}
