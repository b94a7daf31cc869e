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
/// buckets of b variants, b ≤ ``blockLimit`` for the unsplit blocks. Variants that share no
/// window with a variant of another work are left out before any tokenising
/// (``WorkMergePass/collectVariants(nodes:rows:rowNodes:)``): that changes no comparison
/// between two works, so the result is that of the pass over all variants.
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
}

/// State of one final merge pass (run by ``Importer/merge(_:)`` once every reference is read).
struct WorkMergePass {
    struct Variant {
        var work: Int
        /// The variant's reference: row `row` of the pass's rows when `row >= 0`, else the
        /// record `-1 - row` of the citing works (read in place, never copied: memory).
        var row: Int32
        var keys: MatchKeys
        /// Surname keys (``AuthorName/matchKeys``) as ids into ``strings``.
        var surnames: [Int32]
        var personal: Bool
        /// Volume digits and first page as ids into ``strings``, computed once (0 = "" = not printed).
        var volume: Int32
        var page: Int32
        var year: Int
        /// Title start (``WorkIndex/titleStartKey(_:personal:words:)`` of `keys`) as an id into ``strings``, −1 for none.
        var start: Int32
    }

    struct Merge {
        var method: ImportMatchMethod
        var evidence: String
    }

    let options: MatchOptions
    let matcher: WorkIndex
    var variants: [Variant] = []
    /// The reference rows (shared with the caller, not copied) and the citing works' records
    /// as references: what the variants' `row` point into.
    let rows: [ImportedReferenceRow]
    var records: [CitedReference] = []
    /// Interned strings of the blocking keys (surname keys, volumes, pages, title starts);
    /// id 0 is "". Blocks are hashed by ids, ordered by the strings (``BlockKey/precedes(_:in:)``).
    var strings = StringInterner()
    var uf: [Int]
    /// Per root: DOI, PMID, native ids, citing flag of the joined works.
    var doi: [DOI?]
    var pmid: [String?]
    var native: [[String]]
    var citing: [Bool]
    /// Why each absorbed work joined (keyed by its index).
    var merges: [Int: Merge] = [:]

    /// What the pass decided: the root (smallest index) of each work's component, and why
    /// each absorbed work joined.
    struct Outcome {
        var root: [Int]
        var merges: [Int: Merge]
    }

    /// Runs the pass over the works of the reading pass (`nodes`) and the reference rows
    /// (`rows`, with `rowNodes[k]` = citing and cited work of row `k`). Pure: reads its
    /// inputs, returns the components. O(V + Σ b²) (see the extension's definition).
    /// `rowKeys`, when given, are the rows' blocking keys computed during the matching
    /// (``RowBlockKeys``); else they are computed here. Same outcome either way.
    static func run(nodes: [WorkIndex.Node], rows: [ImportedReferenceRow], rowNodes: [(citing: Int, cited: Int)], options: MatchOptions,
                    rowKeys: RowBlockKeys? = nil) -> Outcome {
        var pass = WorkMergePass(nodes: nodes, rows: rows, options: options)
        var rowKeys = rowKeys
        if let keys = rowKeys {
            // The pass interns into the rows' table: the ids differ from a fresh table's, but
            // nothing depends on their values (blocks are ordered by their strings, ``BlockKey``).
            pass.strings = keys.strings
            rowKeys?.strings = StringInterner()
        }
        pass.run(nodes: nodes, rowNodes: rowNodes, rowKeys: rowKeys)
        var root = [Int](repeating: 0, count: nodes.count)
        for i in root.indices { root[i] = pass.find(i) }
        return Outcome(root: root, merges: pass.merges)
    }

    init(nodes: [WorkIndex.Node], rows: [ImportedReferenceRow], options: MatchOptions) {
        self.options = options
        self.rows = rows
        matcher = WorkIndex(options: options)
        uf = Array(0..<nodes.count)
        doi = nodes.map(\.work.doi)
        pmid = nodes.map(\.work.pmid)
        native = nodes.map(\.nativeIDs)
        citing = nodes.map(\.isCiting)
    }

    /// The root of `x`'s component (path halving). The root is always the component's
    /// smallest work index (``tryMerge(_:_:rule:)`` hangs the larger root under the smaller).
    mutating func find(_ x: Int) -> Int { pathHalvingRoot(of: x, in: &uf) }

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

    /// A block of one rule: interned name (surname key), year, and two interned values.
    struct BlockKey: Hashable {
        var rule: UInt8
        var name: Int32
        var year: Int
        var a: Int32
        var b: Int32

        /// The order of the keys' strings: (rule, name, year, a, b).
        func precedes(_ y: BlockKey, in names: [String]) -> Bool {
            if rule != y.rule { return rule < y.rule }
            if name != y.name { return names[Int(name)] < names[Int(y.name)] }
            if year != y.year { return year < y.year }
            if a != y.a { return names[Int(a)] < names[Int(y.a)] }
            return b != y.b && names[Int(b)] < names[Int(y.b)]
        }
    }

    /// The id of `s` in ``strings`` (added when new). O(|s|) expected.
    mutating func intern(_ s: String) -> Int32 { strings.intern(s) }

    mutating func run(nodes: [WorkIndex.Node], rowNodes: [(citing: Int, cited: Int)], rowKeys: RowBlockKeys? = nil) {
        guard nodes.count > 1 else { return }
        collectVariants(nodes: nodes, rowNodes: rowNodes, rowKeys: rowKeys)
        let tolerance = max(0, options.yearTolerance)
        var vp: [BlockKey: [Int]] = [:], page: [BlockKey: [Int]] = [:], block: [BlockKey: [Int]] = [:], start: [BlockKey: [Int]] = [:]
        // Every variant with a surname enters a `surname|year` block, most enter a title-start block.
        // (Built here, not on both cores: tables built on a pool thread raised the peak memory
        // by ~12 MiB, glibc's per-thread arenas, for 0.02 s.)
        block.reserveCapacity(variants.count)
        start.reserveCapacity(variants.count)
        for v in variants.indices {
            let y = variants[v].year, volume = variants[v].volume, pg = variants[v].page
            let usable = Self.usablePage(strings[pg])
            for s in variants[v].surnames {
                if volume != 0, pg != 0 { vp[BlockKey(rule: 1, name: s, year: y, a: volume, b: pg), default: []].append(v) }
                if usable { page[BlockKey(rule: 2, name: s, year: y, a: pg, b: 0), default: []].append(v) }
                block[BlockKey(rule: 3, name: s, year: y, a: 0, b: 0), default: []].append(v)
            }
            if variants[v].start >= 0 { start[BlockKey(rule: 4, name: 0, year: y, a: variants[v].start, b: 0), default: []].append(v) }
        }
        // Rule 1: surname|year|volume|page, years ±tolerance.
        for v in variants.indices {
            let y = variants[v].year, volume = variants[v].volume, pg = variants[v].page
            guard volume != 0, pg != 0 else { continue }
            for s in variants[v].surnames {
                for yy in YearDistance.window(y, tolerance) {
                    for w in vp[BlockKey(rule: 1, name: s, year: yy, a: volume, b: pg)] ?? [] where w > v { tryMerge(v, w, rule: .volumePage) }
                }
            }
        }
        vp = [:]
        // Rules 2 and 3: the pairs of each block are listed in block order, decided on both
        // cores, and replayed in that order (``replay(_:rule:)``).
        // Rule 2: surname|year|page.
        var pairs: [(Int32, Int32)] = []
        for key in orderedKeys(page) { listPairs(page[key] ?? [], into: &pairs) }
        page = [:]
        replay(pairs, rule: .page)
        pairs = []
        // Rule 3: surname|year blocks (split by title start when large), years ±tolerance.
        for key in orderedKeys(block) {
            guard let candidates = Self.yearWindow(key, in: block, tolerance: tolerance) else { continue }
            if candidates.count <= Importer.blockLimit {
                listPairs(candidates, into: &pairs)
            } else {
                var sub: [String: [Int]] = [:]
                for v in candidates {
                    for k in Self.starts(variants[v]) where sub[k]?.last != v { sub[k, default: []].append(v) }
                }
                for k in sub.keys.sorted() { listPairs(sub[k] ?? [], into: &pairs) }
            }
        }
        block = [:]
        replay(pairs, rule: .key)
        pairs = []
        // Rule 4: year|title start, one side without a personal first author.
        for key in orderedKeys(start) {
            guard let candidates = Self.yearWindow(key, in: start, tolerance: tolerance) else { continue }
            // Only pairs with a variant without a personal first author: O(|impersonal| · b).
            let all = Array(Set(candidates)).sorted()
            for a in all where !variants[a].personal {
                for b in all where b != a && (variants[b].personal || b > a) { tryMerge(min(a, b), max(a, b), rule: .title) }
            }
        }
    }

    enum Rule { case volumePage, page, key, title }

    /// Keys in first-insertion order of their first member, ties by the keys' strings (deterministic).
    func orderedKeys(_ buckets: [BlockKey: [Int]]) -> [BlockKey] {
        var keyed: [(first: Int, key: BlockKey)] = []
        for (key, members) in buckets where members.count > 1 { keyed.append((members[0], key)) }
        let names = strings.names
        keyed.sort { $0.first != $1.first ? $0.first < $1.first : $0.key.precedes($1.key, in: names) }
        return keyed.map(\.key)
    }

    /// Every pair of a block's distinct members, in order (sorted members, each with the later
    /// ones), left out those whose two works are one already: trying them would change
    /// nothing, and unions never separate works, so they stay one when the pairs are replayed.
    mutating func listPairs(_ members: [Int], into pairs: inout [(Int32, Int32)]) {
        guard members.count > 1 else { return }
        let sorted = Array(Set(members)).sorted()
        for (i, a) in sorted.enumerated() {
            let ra = find(variants[a].work)
            for b in sorted[(i + 1)...] where find(variants[b].work) != ra {
                pairs.append((Int32(truncatingIfNeeded: a), Int32(truncatingIfNeeded: b)))
            }
        }
    }

    /// ``tryMerge(_:_:rule:)`` for each of `pairs` in order, the pure part of each decision
    /// (``method(_:_:rule:)``, a function of the two variants alone) computed first on both
    /// cores. The same unions and evidence as trying the pairs one by one: a pair's method
    /// does not depend on the unions made before it, and the replay checks the roots and
    /// their compatibility (``apartRoots(_:_:)``) as ``tryMerge(_:_:rule:)`` does. O(pairs).
    mutating func replay(_ pairs: [(Int32, Int32)], rule: Rule) {
        guard !pairs.isEmpty else { return }
        let pass = self
        var methods = Importer.inHalves(pairs.count) { part in
            pairs[part].map { pass.method(Int($0.0), Int($0.1), rule: rule) }
        }.makeIterator()
        for (v32, w32) in pairs {
            guard let found = methods.next() else { break }
            let v = Int(v32), w = Int(w32)
            guard let roots = apartRoots(v, w), let method = found else { continue }
            join(v, w, roots: roots, method: method, rule: rule)
        }
    }

    /// A first page worth a key alone: has a digit and is not `1` (e-journals start every paper there).
    static func usablePage(_ p: String) -> Bool {
        p.contains(where: \.isNumber) && p != "1" && p != "0"
    }

    /// The title and source word starts of a variant (for splitting large blocks).
    static func starts(_ x: Variant) -> [String] {
        var out: [String] = []
        // The title's words are in the variant's keys (`titleWords` is the title's alone).
        if let k = WorkIndex.titleStartKey(x.keys, personal: true) { out.append(k) }
        if let v = x.keys.venueWords, v.count >= 2 {
            let k = String(v[0].prefix(3)) + "|" + String(v[1].prefix(3))
            if !out.contains(k) { out.append(k) }
        }
        return out
    }

    /// Each work's distinct variants — the record for a citing work, and every distinct
    /// reference string matched to it (self-citations left out), in work then row order —
    /// that could meet a variant of *another* work in some block; the others are never
    /// compared with anything but their own work's variants, which changes nothing.
    ///
    /// A variant with a year is kept when one of its `surname|year` cells within the year
    /// tolerance, or one of its `title start|year` cells within it, also holds a variant of
    /// another work. Every bucket the rules compare is a sub-bucket of such a window, so a
    /// bucket holding two works keeps all its members and keeps them in the same relative
    /// order: the comparisons between different works, their order and so every union and
    /// evidence are exactly those of the pass over all variants. Only kept variants are
    /// tokenised. O(V) cells plus the tokenising of the kept variants and of those with a
    /// title or without a personal first author.
    /// `rowKeys`: the rows' surname and title-start ids, interned in ``strings`` (``RowBlockKeys``), else computed here.
    mutating func collectVariants(nodes: [WorkIndex.Node], rowNodes: [(citing: Int, cited: Int)], rowKeys: RowBlockKeys? = nil) {
        // Rows grouped by cited work, in row order (counting sort).
        let n = nodes.count
        var start = [Int](repeating: 0, count: n + 1)
        for (c, t) in rowNodes where c != t { start[t + 1] += 1 }
        for i in 0..<n { start[i + 1] += start[i] }
        var fill = start
        var byWork = [Int32](repeating: 0, count: start[n])
        for (k, nodePair) in rowNodes.enumerated() where nodePair.citing != nodePair.cited {
            byWork[fill[nodePair.cited]] = Int32(truncatingIfNeeded: k)
            fill[nodePair.cited] += 1
        }
        // Candidate variants: (work, row) with row -1 - r for the record of citing work r.
        var recordSlot: [Int: Int] = [:]
        for i in 0..<n where nodes[i].isCiting {
            recordSlot[i] = records.count
            records.append(nodes[i].work.asReference)
        }
        // Each work's candidates depend on that work alone: the works in two halves (of about
        // as many rows each) on both cores, each half in order.
        var middle = 0
        while middle < n, start[middle] < start[n] / 2 { middle += 1 }
        let rowList = rows, recordList = records, slots = recordSlot, grouped = byWork, first = start
        let candidates = Importer.inHalves(n, splitAt: middle) { works -> [(work: Int, row: Int)] in
            var out: [(work: Int, row: Int)] = []
            out.reserveCapacity(first[works.upperBound] - first[works.lowerBound])
            var seen = Set<String>()
            for i in works {
                if let r = slots[i], recordList[r].year != nil { out.append((i, -1 - r)) }
                let slice = grouped[first[i]..<first[i + 1]]
                if slice.count > 1 { seen.removeAll(keepingCapacity: true) }
                for k32 in slice {
                    let k = Int(k32)
                    if slice.count > 1, !seen.insert(rowList[k].reference.raw).inserted { continue }
                    if rowList[k].reference.year != nil { out.append((i, k)) }
                }
            }
            return out
        }
        // Cells (interned name, year): the work found there, or -1 when two works are.
        struct NameYear: Hashable { var name: Int32; var year: Int }
        var surnameCells: [NameYear: Int] = [:], startCells: [NameYear: Int] = [:]
        // Surname ids of candidate v: surnameIDs[surnameStart[v]..<surnameStart[v + 1]] (flat: no array per candidate).
        var surnameIDs: [Int32] = [], surnameStart: [Int32] = [0], starts: [Int32] = [], years: [Int] = []
        surnameIDs.reserveCapacity(candidates.count)
        surnameStart.reserveCapacity(candidates.count + 1)
        starts.reserveCapacity(candidates.count)
        years.reserveCapacity(candidates.count)
        func note(_ key: NameYear, _ work: Int, in cells: inout [NameYear: Int]) {
            if let w = cells[key] {
                if w != work { cells[key] = -1 }
            } else {
                cells[key] = work
            }
        }
        for c in candidates {
            if c.row >= 0, let rowKeys {
                // Computed during the matching (the same keys, already interned).
                let year = rows[c.row].reference.year ?? 0
                for s in rowKeys.surnames(ofRow: c.row) {
                    note(NameYear(name: s, year: year), c.work, in: &surnameCells)
                    surnameIDs.append(s)
                }
                surnameStart.append(Int32(truncatingIfNeeded: surnameIDs.count))
                years.append(year)
                let k = rowKeys.start[c.row]
                if k >= 0 { note(NameYear(name: k, year: year), c.work, in: &startCells) }
                starts.append(k)
                continue
            }
            // Fields read in place (no copy of the reference).
            let year: Int, author: AuthorName?, title: String?, venue: String?
            if c.row >= 0 {
                year = rows[c.row].reference.year ?? 0
                author = rows[c.row].reference.firstAuthor
                title = rows[c.row].reference.title
                venue = rows[c.row].reference.venue
            } else {
                year = records[-1 - c.row].year ?? 0
                author = records[-1 - c.row].firstAuthor
                title = records[-1 - c.row].title
                venue = records[-1 - c.row].venue
            }
            for key in author?.matchKeys ?? [] {
                let s = intern(key)
                note(NameYear(name: s, year: year), c.work, in: &surnameCells)
                surnameIDs.append(s)
            }
            surnameStart.append(Int32(truncatingIfNeeded: surnameIDs.count))
            years.append(year)
            let personal = author?.looksPersonal == true
            var k: Int32 = -1
            if title != nil || (!personal && venue != nil),
               let start = WorkIndex.titleStartKey(title: title, venue: personal ? nil : venue, personal: personal) {
                k = intern(start)
                note(NameYear(name: k, year: year), c.work, in: &startCells)
            }
            starts.append(k)
        }
        let tolerance = max(0, options.yearTolerance)
        func shared(_ name: Int32, _ year: Int, _ work: Int, _ cells: [NameYear: Int]) -> Bool {
            for y in YearDistance.window(year, tolerance) {
                if let w = cells[NameYear(name: name, year: y)], w != work { return true }
            }
            return false
        }
        var kept: [Int] = []
        for (v, c) in candidates.enumerated() {
            let year = years[v]
            let names = surnameIDs[Int(surnameStart[v])..<Int(surnameStart[v + 1])]
            if names.contains(where: { shared($0, year, c.work, surnameCells) }) || (starts[v] >= 0 && shared(starts[v], year, c.work, startCells)) {
                kept.append(v)
            }
        }
        // The kept variants' words and numbers, on both cores (pure; each half in order).
        let rows = rows, records = records, keptRows = kept.map { candidates[$0].row }, venues = rowKeys?.venues ?? VenueWords()
        var words = Importer.inHalves(keptRows.count) { part in
            keptRows[part].map { row in
                // Fields read in place (no copy of the reference).
                row >= 0 ? VariantWords(rows[row].reference, venues: venues) : VariantWords(records[-1 - row], venues: venues)
            }
        }.makeIterator()
        for v in kept {
            guard let w = words.next() else { break }
            let c = candidates[v]
            variants.append(Variant(work: c.work, row: Int32(truncatingIfNeeded: c.row), keys: w.keys,
                                    surnames: Array(surnameIDs[Int(surnameStart[v])..<Int(surnameStart[v + 1])]), personal: w.personal,
                                    volume: intern(w.volume), page: intern(w.page), year: years[v], start: starts[v]))
        }
    }

    /// What a kept variant compares, computed from its reference alone (``collectVariants(nodes:rowNodes:rowKeys:)``).
    struct VariantWords: Sendable {
        var keys: MatchKeys
        var personal: Bool
        /// Volume digits and first page ("" when not printed).
        var volume: String
        var page: String

        init(_ r: CitedReference, venues: VenueWords) {
            keys = MatchKeys(title: r.title, venueWords: r.venue.map(venues.lookUp))
            personal = r.firstAuthor?.looksPersonal == true
            volume = r.volume.map(WorkIndex.number) ?? ""
            page = r.pages.map(WorkIndex.firstPage) ?? ""
        }
    }

    /// Whether the works of roots `a` and `b` may be one work at all.
    func compatible(_ a: Int, _ b: Int) -> Bool {
        if citing[a] && citing[b] { return false }
        if let x = doi[a], let y = doi[b], x != y { return false }
        if let x = pmid[a], let y = pmid[b], x != y { return false }
        return !WorkIndex.nativeConflict(native[a], native[b])
    }

    /// Joins the works of variants `v` and `w` when they are two works that may be one and
    /// `rule` holds for the two variants.
    mutating func tryMerge(_ v: Int, _ w: Int, rule: Rule) {
        // Roots first: most pairs of a block are of one work already (no copy of a variant).
        guard let roots = apartRoots(v, w), let method = method(v, w, rule: rule) else { return }
        join(v, w, roots: roots, method: method, rule: rule)
    }

    /// The roots of the works of variants `v` and `w` when these are two works that may be one
    /// (``compatible(_:_:)``), else `nil`.
    mutating func apartRoots(_ v: Int, _ w: Int) -> (Int, Int)? {
        let ra = find(variants[v].work), rb = find(variants[w].work)
        return ra != rb && compatible(ra, rb) ? (ra, rb) : nil
    }

    /// Joins the works of roots `roots` (the larger root under the smaller), keeping the
    /// method and the evidence of variants `v` and `w` (nothing is joined without evidence).
    mutating func join(_ v: Int, _ w: Int, roots: (Int, Int), method: ImportMatchMethod, rule: Rule) {
        guard let text = evidenceText(v, w, method: method, rule: rule) else { return }
        let (ra, rb) = roots
        let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
        uf[child] = root
        doi[root] = doi[root] ?? doi[child]
        pmid[root] = pmid[root] ?? pmid[child]
        for x in native[child] where !native[root].contains(x) { native[root].append(x) }
        citing[root] = citing[root] || citing[child]
        merges[child] = Merge(method: method, evidence: text)
    }

    /// The method when variants `v` and `w` describe the same work under `rule`, else `nil`:
    /// a pure function of the two variants. Non-mutating, so the closures below borrow the
    /// pass instead of copying it (a copy retains every array of the pass and of its matcher).
    /// The two variants are read in place (copying one retains every field of its reference).
    func method(_ v: Int, _ w: Int, rule: Rule) -> ImportMatchMethod? {
        withReferences(v, w, { p, q in Self.matches(p, q, rule: rule, options: options, matcher: matcher) }) ?? nil
    }

    /// The evidence of joining `v`'s and `w`'s works by `method` (the absorbed variant first).
    func evidenceText(_ v: Int, _ w: Int, method: ImportMatchMethod, rule: Rule) -> String? {
        let (kept, absorbed) = variants[v].work < variants[w].work ? (v, w) : (w, v)
        return withReferences(absorbed, kept, { a, k in Self.evidence(a.ref, k.ref, method: method, rule: rule) })
    }

    /// A variant with its reference, both read in place.
    struct Read {
        let v: UnsafePointer<Variant>
        let r: UnsafePointer<CitedReference>
        var ref: CitedReference { _read { yield r.pointee } }
        var variant: Variant { _read { yield v.pointee } }
    }

    /// Calls `body` with variants `v` and `w` and their references, read in place (a copy of a
    /// reference retains every field). `nil` only if a buffer were empty, which the indices rule out.
    func withReferences<R>(_ v: Int, _ w: Int, _ body: (Read, Read) -> R) -> R? {
        variants.withUnsafeBufferPointer { vb in
            rows.withUnsafeBufferPointer { rb in
                records.withUnsafeBufferPointer { cb in
                    func read(_ i: Int) -> Read? {
                        guard let vbase = vb.baseAddress else { return nil }
                        let row = Int(vb[i].row)
                        if row >= 0 {
                            guard let rbase = rb.baseAddress, let r = UnsafePointer(rbase + row).pointer(to: \.reference) else { return nil }
                            return Read(v: vbase + i, r: r)
                        }
                        guard let cbase = cb.baseAddress else { return nil }
                        return Read(v: vbase + i, r: cbase + (-1 - row))
                    }
                    guard let p = read(v), let q = read(w) else { return nil }
                    return body(p, q)
                }
            }
        }
    }

    /// The method when `p` and `q` describe the same work under `rule`, else `nil`.
    static func matches(_ p: Read, _ q: Read, rule: Rule, options: MatchOptions, matcher: borrowing WorkIndex) -> ImportMatchMethod? {
        let yp = p.variant.year, yq = q.variant.year
        guard YearDistance.between(yp, yq) <= options.yearTolerance else { return nil }
        if let x = p.ref.doi, let y = q.ref.doi, x != y { return nil }
        let titlesKnown = p.variant.keys.titleSet != nil && q.variant.keys.titleSet != nil
        switch rule {
        case .volumePage, .page:
            guard p.variant.surnames.contains(where: q.variant.surnames.contains) else { return nil }
            if rule == .page {
                guard yp == yq else { return nil }
                if p.ref.volume != nil, q.ref.volume != nil, p.variant.volume != q.variant.volume { return nil }
            }
            guard p.ref.pages != nil, q.ref.pages != nil, p.variant.page == q.variant.page else { return nil }
            if titlesKnown && !matcher.describesSameWork(p.ref, p.variant.keys, volume: q.ref.volume, pages: q.ref.pages, q.variant.keys) { return nil }
            return .volumePage
        case .key:
            guard p.variant.surnames.contains(where: q.variant.surnames.contains) else { return nil }
            let same = WorkIndex.nearlySameTitle(p.variant.keys, q.variant.keys)
            if p.ref.volume != nil, q.ref.volume != nil, p.variant.volume != q.variant.volume, !same { return nil }
            if p.ref.pages != nil, q.ref.pages != nil, p.variant.page != q.variant.page, !same { return nil }
            return matcher.describesSameWork(p.ref, p.variant.keys, volume: q.ref.volume, pages: q.ref.pages, q.variant.keys) ? .key : nil
        case .title:
            guard !(p.variant.personal && q.variant.personal) else { return nil }
            if p.ref.volume != nil, q.ref.volume != nil, p.variant.volume != q.variant.volume { return nil }
            if p.ref.pages != nil, q.ref.pages != nil, p.variant.page != q.variant.page { return nil }
            if let x = p.variant.keys.titleSet, let y = q.variant.keys.titleSet {
                return x.count >= 4 && y.count >= 4 && TitleSimilarity.dice(x, y) >= options.minimumDice ? .title : nil
            }
            // A personal variant offers only its title; the other one its title or source.
            let x = p.variant.keys.titleWords ?? (p.variant.personal ? nil : p.variant.keys.venueWords)
            let y = q.variant.keys.titleWords ?? (q.variant.personal ? nil : q.variant.keys.venueWords)
            guard let x, let y, min(x.count, y.count) >= 3 else { return nil }
            return WorkIndex.sourcesMatch(words: x, y) == .strong ? .title : nil
        }
    }

    static func evidence(_ absorbed: CitedReference, _ kept: CitedReference, method: ImportMatchMethod, rule: Rule) -> String {
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
}
