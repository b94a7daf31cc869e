import Foundation

/// How a record or reference was attached to a work of the import.
public enum ImportMatchMethod: String, Hashable, Sendable, Codable {
    /// Same normalised DOI.
    case doi
    /// Same OpenAlex work id.
    case openAlex = "openalex"
    /// Same PubMed id.
    case pmid
    /// Same export-native id (WoS accession number, Scopus EID, Lens id).
    case nativeID = "native-id"
    /// Fallback key: first-author surname, year ±tolerance, title or source similarity.
    case key
    /// Same reference text (no author, no identifier), folded.
    case rawText = "raw-text"
    /// One side prints no personal first author (none, `[Anonymous]`, or an organisation):
    /// years within tolerance and the titles (or a WoS title abbreviation) agree.
    case title
    /// Final merge pass (``WorkMergePass``): same first-author key, year, first page (and volume).
    case volumePage = "volume-page"
    /// Matched nothing: a new work.
    case new

    /// `true` for the identifier methods.
    public var isIdentifier: Bool { [.doi, .openAlex, .pmid, .nativeID].contains(self) }
}

/// The works of an import with indexes for identifier and fallback-key lookup.
///
/// Definition of a match of a candidate (record or reference) `r` against a work `w`:
/// 1. **Identifier**: `w` has the same DOI (canonical form, ``DOI``), OpenAlex id, PMID or
///    native id as `r`, tried in that order. A DOI match is refused when both first-author
///    surnames are known and differ *and* either both titles are known with Dice <
///    `doiTitleCheck`, or (no titles to compare) the years differ by more than the
///    tolerance and the sources do not match — one DOI printed on the wrong reference.
///    The refusal is logged; the candidate goes on to the other rules.
/// 2. **Key**: same folded first-author surname (``AuthorName/matchKey``), years within
///    `yearTolerance`, no conflicting DOI, OpenAlex id, PMID or same-database native id
///    (two WoS accession numbers), volumes and first pages equal where both are printed,
///    and: both titles known → titles match (Dice ≥ `minimumDice`, or overlap ≥
///    `minimumOverlap` with ≥ `minimumContainedTokens` tokens in the shorter) and carry the
///    same numbers when both carry any ("Part 1" ≠ "Part 2") — titles alone decide;
///    when a title is missing, a source (or a source against a title: WoS prints a book's title as its
///    source) matches by ``sourcesMatch(_:_:)``; a one-word source also needs equal volume
///    and first page; an arXiv source matches only the same arXiv number
///    (``arXivSources(_:_:)``). Among several candidates the one with the exact year, then the
///    lowest index, wins (deterministic).
///    Surnames are compared by their blocking keys (``AuthorName/matchKeys``): `De Veaux`,
///    `Veaux De` and `DeVeaux` share `veaux`. A volume or first page that differs does not
///    separate two references with nearly the same title (``nearlySameTitle(_:_:)``: an
///    early-view page range `2.1-2.16` against the issue's `15-30`).
/// 3. **Title** (no personal author on one side): when the key finds nothing and the
///    candidate or the work prints no personal first author (``AuthorName/looksPersonal``),
///    works of a year within the tolerance whose title (or, for a title-less author-less
///    work, its source: WoS prints a report's title there) starts with the same two
///    significant words (first three letters of each) are compared — or, when more than
///    ``titleBlockLimit`` works share those two, the works sharing the first four words'
///    starts (a shorter title is then not matched by this rule) — both titles known →
///    Dice ≥ `minimumDice` with at least four tokens in each; else the abbreviation must
///    match the title word by word (``sourcesMatch(words:_:)``, strong, three or more words).
/// 4. **Raw text**: a reference with neither author nor identifier matches a work first
///    created from the same folded text.
///
/// Complexity: O(1) expected per identifier lookup; a key lookup compares with the works
/// of the same surname and a year within the tolerance (O(b) for b such works).
struct WorkIndex {
    /// A work of the index: the entry of ``ImportedDataset/works`` it becomes (`citedBy`
    /// stays 0 until the arcs are made), so the finished import takes the nodes' buffer
    /// instead of building a second one beside it (``takeNodes()``: memory). What only the
    /// lookups read is kept beside the nodes (``records``, ``rawKeys``, ``keys``).
    typealias Node = ImportedWork

    /// The works; `records[i]`, `rawKeys[i]` and `keys[i]` belong to `nodes[i]`.
    private(set) var nodes: [Node] = []
    /// Citing records merged into each node (record spans as strings).
    private(set) var records: [[String]] = []
    /// Each node's folded reference text (``rawKey(_:)``), for raw-text matching.
    private var rawKeys: [String?] = []
    /// Each node's folded title and source words, computed once per work.
    private(set) var keys: [MatchKeys] = []
    private var byDOI: [DOI: Int] = [:]
    private var byOpenAlex: [String: Int] = [:]
    private var byPMID: [String: Int] = [:]
    private var byNative: [String: Int] = [:]
    /// Works by `surname key|year` (the fallback key's blocks, ``AuthorName/matchKeys``).
    private var bySurname: [SurnameYear: [Int]] = [:]
    /// Works by `year|two title-word prefixes` (the title rule's blocks).
    private var byTitleStart: [String: [Int]] = [:]
    /// Works by `year|four title-word prefixes`: the title rule's blocks when a two-word
    /// block is crowded (``titleBlockLimit``).
    private var byTitleLong: [String: [Int]] = [:]
    /// Most candidates the title rule compares from the two-word blocks of a year window;
    /// beyond it the four-word blocks are used, so a crowded start ("Report of the …",
    /// thousands of titles sharing two words) never costs a comparison with each.
    static let titleBlockLimit = 64
    private var byRaw: [String: Int] = [:]
    let options: MatchOptions
    /// Identifier matches refused, with the reason (for the log).
    var conflicts: [String] = []

    init(options: MatchOptions) { self.options = options }

    /// Room for about `works` works, so that the works and the busiest indexes are not grown
    /// (and rehashed) step by step while an import adds them; room not used is never touched
    /// (no resident memory). O(works) address space.
    mutating func reserve(works: Int) {
        nodes.reserveCapacity(works)
        records.reserveCapacity(works)
        rawKeys.reserveCapacity(works)
        keys.reserveCapacity(works)
        bySurname.reserveCapacity(works)
        byDOI.reserveCapacity(works / 2)
    }

    /// Registers node `i`'s identifiers (first registration of an identifier wins).
    /// `surnames`, when given, are the blocking keys of the node's first author
    /// (``AuthorName/matchKeys``), already computed by the caller.
    mutating func register(_ i: Int, surnames: [String]? = nil) {
        if (keys[i].titleSet == nil && nodes[i].work.title != nil) || (keys[i].venueWords == nil && nodes[i].work.venue != nil) {
            keys[i] = MatchKeys(title: nodes[i].work.title, venue: nodes[i].work.venue)
        }
        // Fields read in place (a copy of the node retains every field).
        if let d = nodes[i].work.doi, byDOI[d] == nil { byDOI[d] = i }
        if let o = nodes[i].work.openAlexID, byOpenAlex[o] == nil { byOpenAlex[o] = i }
        if let p = nodes[i].work.pmid, byPMID[p] == nil { byPMID[p] = i }
        for x in nodes[i].nativeIDs where byNative[x] == nil { byNative[x] = i }
        if let y = nodes[i].work.year, let keys = surnames ?? nodes[i].work.authors.first?.matchKeys {
            for s in keys {
                // One look-up: the block is created empty when new, and `i` added unless listed.
                WorkIndex.appendOnce(i, to: &bySurname[SurnameYear(surname: s, year: y), default: []])
            }
        }
        registerTitleBlocks(i)
        if let r = rawKeys[i], byRaw[r] == nil { byRaw[r] = i }
    }

    /// Appends `node` (taken, not copied) with its citing `records`, folded text (`rawKey`)
    /// and match keys (computed here when `nil`), and registers it; its index.
    mutating func add(_ node: consuming Node, records: [String] = [], rawKey: String? = nil, keys: MatchKeys? = nil,
                      surnames: [String]? = nil) -> Int {
        nodes.append(node)
        self.records.append(records)
        rawKeys.append(rawKey)
        self.keys.append(keys ?? MatchKeys(title: nil, venue: nil))
        register(nodes.count - 1, surnames: surnames)
        return nodes.count - 1
    }

    /// Mutable access to node `i` for the importer (its citing flag, sources) and to its
    /// citing records, in place. The indexes are not updated: change only what they do not read.
    mutating func withNode<R>(_ i: Int, _ body: (inout Node, inout [String]) -> R) -> R {
        body(&nodes[i], &records[i])
    }

    /// Hands the nodes over (the index keeps none): ``Importer/merge(_:)`` turns them into the
    /// import's works in place. O(1).
    mutating func takeNodes() -> [Node] {
        var out: [Node] = []
        swap(&out, &nodes)
        records = []
        rawKeys = []
        keys = []
        return out
    }

    /// Finds the work `candidate` describes; `exclude` is never returned (a record's own node).
    mutating func find(_ c: CitedReference, nativeIDs: [String], rawKey: String?, exclude: Int? = nil) -> (Int, ImportMatchMethod)? {
        var probe = Probe()
        return find(c, nativeIDs: nativeIDs, rawKey: rawKey, exclude: exclude, probe: &probe)
    }

    /// ``find(_:nativeIDs:rawKey:exclude:)`` keeping what it computed of `c` (surname keys,
    /// match keys) in `probe`, for the caller to reuse when `c` becomes a new work.
    mutating func find(_ c: CitedReference, nativeIDs: [String], rawKey: String?, exclude: Int? = nil, probe: inout Probe) -> (Int, ImportMatchMethod)? {
        if let d = c.doi, let i = byDOI[d], i != exclude {
            if doiPlausible(c, nodes[i].work) { return (i, .doi) }
            conflicts.append("DOI \(d) of '\(c.raw.prefix(80))' also belongs to '\(nodes[i].work.title?.prefix(80) ?? "?")' with a different first author and title: not merged")
        }
        if let o = c.openAlexID, let i = byOpenAlex[o], i != exclude { return (i, .openAlex) }
        if let p = c.pmid, let i = byPMID[p], i != exclude { return (i, .pmid) }
        for x in nativeIDs { if let i = byNative[x], i != exclude { return (i, .nativeID) } }
        if let i = keyMatch(c, nativeIDs: nativeIDs, exclude: exclude, probe: &probe) { return (i, .key) }
        if let i = titleMatch(c, nativeIDs: nativeIDs, exclude: exclude, probe: &probe) { return (i, .title) }
        if let r = rawKey, let i = byRaw[r], i != exclude { return (i, .rawText) }
        return nil
    }

    func doiPlausible(_ c: CitedReference, _ w: Work) -> Bool {
        // The same surname as printed folds to the same key: plausible, without folding either
        // (most DOI matches: a reference and the work an earlier copy of it created).
        if let x = c.firstAuthor?.family, let y = w.authors.first?.family, x == y { return true }
        guard let a = c.firstAuthor?.matchKey, let b = w.authors.first?.matchKey, !a.isEmpty, !b.isEmpty, a != b else { return true }
        if let t1 = c.title, let t2 = w.title { return TitleSimilarity.dice(t1, t2) >= options.doiTitleCheck }
        // No titles to compare: refuse only when the years also disagree and the sources do not match.
        guard let y1 = c.year, let y2 = w.year, YearDistance.between(y1, y2) > options.yearTolerance else { return true }
        if let v1 = c.venue, let v2 = w.venue, WorkIndex.sourcesMatch(v1, v2) != .none { return true }
        return false
    }

    func keyMatch(_ c: CitedReference, nativeIDs: [String], exclude: Int?) -> Int? {
        var probe = Probe()
        return keyMatch(c, nativeIDs: nativeIDs, exclude: exclude, probe: &probe)
    }

    /// The key rule (see the type's definition, rule 2): among the works that match, the
    /// lowest index of the exact year, else the lowest index of another year in the window.
    ///
    /// The blocks are scanned in place, the exact year's first: a node sits in `bySurname`
    /// only under its own year (``register(_:surnames:)``; a year, once set, never changes),
    /// so when the exact year's blocks hold a match no other year's block can win and is not
    /// read; and a candidate whose index is not below the best match so far is not compared.
    /// The result is that of comparing every candidate in index order (no candidate list is
    /// built or sorted). O(b) for b works of the same surname keys and a year in the window.
    func keyMatch(_ c: CitedReference, nativeIDs: [String], exclude: Int?, probe: inout Probe) -> Int? {
        guard let year = c.year, let surnameKeys = probe.surnames(c), !surnameKeys.isEmpty else { return nil }
        let window = YearDistance.window(year, max(0, options.yearTolerance))
        var keys: MatchKeys?
        var best = Int.max
        for exactYear in [true, false] {
            for s in surnameKeys {
                for y in window where (y == year) == exactYear {
                    guard let block = bySurname[SurnameYear(surname: s, year: y)] else { continue }
                    for i in block where i < best && i != exclude {
                        let k = keys ?? probe.keys(c)
                        keys = k
                        if keyMatches(c, k, nativeIDs: nativeIDs, year: year, node: i) { best = i }
                    }
                }
            }
            if best != Int.max { return best }
        }
        return nil
    }

    /// Whether node `i` matches `c` by the key rule, `keys` being `c`'s ``MatchKeys``. Fields
    /// read in place (copying a `Node` costs a retain per field). O(title length).
    private func keyMatches(_ c: CitedReference, _ keys: MatchKeys, nativeIDs: [String], year: Int, node i: Int) -> Bool {
        nodes.withUnsafeBufferPointer { nb in
            self.keys.withUnsafeBufferPointer { kb in
                guard let wy = nb[i].work.year, YearDistance.between(wy, year) <= options.yearTolerance else { return false }
                if c.doi != nil, nb[i].work.doi != nil, c.doi != nb[i].work.doi { return false }
                if c.openAlexID != nil, nb[i].work.openAlexID != nil, c.openAlexID != nb[i].work.openAlexID { return false }
                if c.pmid != nil, nb[i].work.pmid != nil, c.pmid != nb[i].work.pmid { return false }
                if WorkIndex.nativeConflict(nativeIDs, nb[i].nativeIDs) { return false }
                let sameTitle = WorkIndex.nearlySameTitle(keys, kb[i])
                if let a = c.volume, let b = nb[i].work.volume, WorkIndex.number(a) != WorkIndex.number(b), !sameTitle { return false }
                if let a = c.pages, let b = nb[i].work.pages, WorkIndex.firstPage(a) != WorkIndex.firstPage(b), !sameTitle { return false }
                return describesSameWork(c, keys, volume: nb[i].work.volume, pages: nb[i].work.pages, kb[i])
            }
        }
    }

    /// Both titles known, each with at least four tokens and Dice ≥ 0.9, or at least six
    /// tokens and Dice ≥ 0.85 (one misspelt word in eight: `guidlines`).
    static func nearlySameTitle(_ a: MatchKeys, _ b: MatchKeys) -> Bool {
        guard let x = a.titleSet, let y = b.titleSet, x.count >= 4, y.count >= 4 else { return false }
        let dice = TitleSimilarity.dice(x, y)
        return dice >= 0.9 || (dice >= 0.85 && min(x.count, y.count) >= 6)
    }

    /// `abc|def`: the first three letters of the first `words` (default two) significant
    /// title words (or, for a work without title and without a personal author, of its
    /// source); `nil` when there are fewer such words.
    static func titleStartKey(_ k: MatchKeys, personal: Bool, words count: Int = 2) -> String? {
        guard let words = k.titleWords ?? (personal ? nil : k.venueWords), words.count >= count else { return nil }
        return words.prefix(count).map { String($0.prefix(3)) }.joined(separator: "|")
    }

    /// ``titleStartKey(_:personal:words:)`` of `MatchKeys(title: title, venue: venue)`
    /// without building the title's token set. O(title length).
    static func titleStartKey(title: String?, venue: String?, personal: Bool, words count: Int = 2) -> String? {
        guard let words = title.map(MatchKeys.words) ?? (personal ? nil : venue.map(MatchKeys.words)), words.count >= count else { return nil }
        return words.prefix(count).map { String($0.prefix(3)) }.joined(separator: "|")
    }

    /// Appends `i` to `block` unless it is listed there. O(block).
    @inline(__always) static func appendOnce(_ i: Int, to block: inout [Int]) {
        if !block.contains(i) { block.append(i) }
    }

    /// Adds node `i` to `key`'s block unless it is already there. The membership test scans
    /// only small blocks; in a crowded one a node re-registered later may be listed twice,
    /// which changes no match (candidates are compared in index order). O(min(block, limit)).
    static func insert(_ i: Int, at key: String, into blocks: inout [String: [Int]]) {
        // One look-up: a new block is created empty, so the tests below pass and `i` is added.
        func add(_ block: inout [Int]) {
            if block.last == i || (block.count <= titleBlockLimit && block.contains(i)) { return }
            block.append(i)
        }
        add(&blocks[key, default: []])
    }

    /// The title rule (see the type's definition, rule 3).
    func titleMatch(_ c: CitedReference, nativeIDs: [String], exclude: Int?, probe: inout Probe) -> Int? {
        guard let year = c.year else { return nil }
        let personal = c.firstAuthor?.looksPersonal == true
        // A WoS string with a personal author and no title has no title key: skip the tokenising.
        guard c.title != nil || !personal else { return nil }
        let keys = probe.keys(c)
        guard let start = WorkIndex.titleStartKey(keys, personal: personal) else { return nil }
        var candidates: [Int] = []
        let years = YearDistance.window(year, max(0, options.yearTolerance))
        for y in years { candidates += byTitleStart[String(y) + "|" + start] ?? [] }
        if candidates.count > WorkIndex.titleBlockLimit {
            // A crowded start: only works sharing four title words' starts are compared; a
            // title of fewer words is not matched by title here (said in the type's docs).
            guard let long = WorkIndex.titleStartKey(keys, personal: personal, words: 4) else { return nil }
            candidates = []
            for y in years { candidates += byTitleLong[String(y) + "|" + long] ?? [] }
        }
        candidates.sort()
        var best: (index: Int, exact: Bool)?
        for i in candidates where i != exclude {
            // Fields read in place (no copy of the work or its keys).
            if personal && nodes[i].work.authors.first?.looksPersonal == true { continue }
            guard let wy = nodes[i].work.year, YearDistance.between(wy, year) <= options.yearTolerance else { continue }
            if let a = c.doi, let b = nodes[i].work.doi, a != b { continue }
            if let a = c.pmid, let b = nodes[i].work.pmid, a != b { continue }
            if WorkIndex.nativeConflict(nativeIDs, nodes[i].nativeIDs) { continue }
            if let a = c.volume, let b = nodes[i].work.volume, WorkIndex.number(a) != WorkIndex.number(b) { continue }
            if let a = c.pages, let b = nodes[i].work.pages, WorkIndex.firstPage(a) != WorkIndex.firstPage(b) { continue }
            var same = false
            if let x = keys.titleSet, let y = self.keys[i].titleSet {
                same = x.count >= 4 && y.count >= 4 && !WorkIndex.numbersDiffer(x, y) && TitleSimilarity.dice(x, y) >= options.minimumDice
            } else {
                let a = keys.titleWords ?? keys.venueWords, b = self.keys[i].titleWords ?? self.keys[i].venueWords
                if let a, let b, min(a.count, b.count) >= 3, WorkIndex.sourcesMatch(words: a, b) == .strong { same = true }
            }
            guard same else { continue }
            let exact = wy == year
            if best == nil || (exact && best?.exact == false) { best = (i, exact) }
        }
        return best?.index
    }

    func describesSameWork(_ c: CitedReference, _ ck: MatchKeys, _ w: Work, _ wk: MatchKeys) -> Bool {
        describesSameWork(c, ck, volume: w.volume, pages: w.pages, wk)
    }

    /// ``describesSameWork(_:_:_:_:)`` given only the work's volume and pages (all it reads of the work).
    func describesSameWork(_ c: CitedReference, _ ck: MatchKeys, volume wVolume: String?, pages wPages: String?, _ wk: MatchKeys) -> Bool {
        if let x = ck.titleSet, let y = wk.titleSet, !x.isEmpty, !y.isEmpty {
            if WorkIndex.numbersDiffer(x, y) { return false }
            let common = Double(TitleSimilarity.commonCount(x, y))
            let dice = 2 * common / Double(x.count + y.count)
            let shorter = min(x.count, y.count)
            let overlap = common / Double(shorter)
            // Both titles known: they alone decide (two papers of one author, year and journal differ by title).
            return dice >= options.minimumDice || (overlap >= options.minimumOverlap && shorter >= options.minimumContainedTokens)
        }
        // A title is missing (WoS CR strings print none; a book's title is their source).
        // Pairs tried in order: sources; the candidate's source against the work's title; its
        // title against the work's source (no list of pairs built per candidate).
        func pairMatches(_ a: [String]?, _ b: [String]?) -> Bool {
            guard let a, let b else { return false }
            if let same = WorkIndex.arXivSources(a, b) { return same }
            switch WorkIndex.sourcesMatch(words: a, b) {
            case .strong: return true
            case .weak:
                if let v1 = c.volume, let v2 = wVolume, let p1 = c.pages, let p2 = wPages,
                   WorkIndex.number(v1) == WorkIndex.number(v2), WorkIndex.firstPage(p1) == WorkIndex.firstPage(p2) { return true }
                return false
            case .none: return false
            }
        }
        if pairMatches(ck.venueWords, wk.venueWords) { return true }
        if ck.titleSet == nil, pairMatches(ck.venueWords, wk.titleWords) { return true }
        if wk.titleSet == nil, pairMatches(ck.titleWords, wk.venueWords) { return true }
        return false
    }

    /// "Part 1" versus "Part 2", "topic 1" versus "topic 57": titles that both carry numbers
    /// and not the same ones are different works. O(|x| + |y|).
    static func numbersDiffer(_ x: Set<String>, _ y: Set<String>) -> Bool {
        // The same as comparing the two sets of numeric tokens, without building them.
        var nx = 0, ny = 0, xInY = true
        for t in x where isNumeric(t) {
            nx += 1
            if xInY, !y.contains(t) { xInY = false }
        }
        guard nx > 0 else { return false }
        for t in y where isNumeric(t) { ny += 1 }
        return ny > 0 && !(xInY && nx == ny)
    }

    /// `t.allSatisfy(\.isNumber)`, on bytes for ASCII.
    @inline(__always) static func isNumeric(_ t: String) -> Bool {
        var ascii = true
        for b in t.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b < 0x30 || b > 0x39 { return false }
        }
        return ascii || t.allSatisfy(\.isNumber)
    }

    enum SourceMatch { case strong, weak, none }

    /// `nil` unless a source is arXiv (first word starts with `arxiv`): then `true` only when
    /// both print the same arXiv number (their digits, non-empty). `ARXIV PREPRINT ARXIV`
    /// names a server, not a work, so it matches no other source.
    static func arXivSources(_ a: [String], _ b: [String]) -> Bool? {
        guard a.first?.hasPrefix("arxiv") == true || b.first?.hasPrefix("arxiv") == true else { return nil }
        let x = a.joined().filter(\.isNumber), y = b.joined().filter(\.isNumber)
        return !x.isEmpty && x == y
    }

    /// Not `und`: WoS abbreviates "Undergraduate" so (`DAT SCI UND`).
    static let stopWords: Set<String> = ["of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "fur", "der",
                                         "its", "to", "with", "at", "from", "by"]

    /// Source (journal / book) similarity: the folded words without stop words of the
    /// shorter name (either, when both have as many words) are prefixes of the first words
    /// of the longer, in order (`J INFORMETR` ~ `Journal of Informetrics`, `AM STAT` ~
    /// `The American Statistician`, the 20-character WoS abbreviation ~ the full title), or —
    /// two or more words — of consecutive words starting later (`GUIDELINES ASSESSMEN` ~
    /// `Pre-K-12 Guidelines for Assessment …`). Two or more words: strong; one word: weak
    /// (needs volume and page to agree). O(|x|·|y|) word comparisons.
    static func sourcesMatch(_ a: String, _ b: String) -> SourceMatch {
        sourcesMatch(words: MatchKeys.words(a), MatchKeys.words(b))
    }

    /// ``sourcesMatch(_:_:)`` on words already folded and without stop words.
    static func sourcesMatch(words x: [String], _ y: [String]) -> SourceMatch {
        guard !x.isEmpty, !y.isEmpty else { return .none }
        /// The words of `short` are prefixes of those of `long` from `offset` on.
        func starts(_ short: [String], _ long: [String], at offset: Int) -> Bool {
            for j in short.indices where !long[offset + j].hasPrefix(short[j]) { return false }
            return true
        }
        // Equal lengths: either may be the abbreviation (`AM STAT` ~ `American Statistician`).
        if x.count == y.count {
            return starts(x, y, at: 0) || starts(y, x, at: 0) ? (x.count >= 2 ? .strong : .weak) : .none
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        if starts(short, long, at: 0) { return short.count >= 2 ? .strong : .weak }
        // Two or more words may also start later in the longer name: WoS truncates a book's
        // title to 20 characters (`GUIDELINES ASSESSMEN` ~ `Pre-K-12 Guidelines for Assessment …`).
        if short.count >= 2 {
            for offset in 1...(long.count - short.count) where starts(short, long, at: offset) { return .strong }
        }
        return .none
    }

    /// `true` when both lists hold an id of the same database (`wos:`, `scopus:`, `lens:`)
    /// and none of those ids is shared: two different records of one database.
    static func nativeConflict(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        func kind(_ s: String) -> Substring { s.prefix { $0 != ":" } }
        for x in a {
            let sameKind = b.filter { kind($0) == kind(x) }
            if !sameKind.isEmpty, !sameKind.contains(x) { return true }
        }
        return false
    }

    /// What a match of `c` to work `w` by `method` rests on, for `matches.csv`: the shared
    /// identifier, or for the key the first author, both years, and the titles' Dice
    /// coefficient or the two sources compared, plus volume and first page where both print
    /// them. `titleSets`, when given, are the token sets of `c`'s and `w`'s titles
    /// (``MatchKeys/titleSet``, already computed by the matching), so the Dice coefficient is
    /// not tokenised again. Pure; O(title length).
    static func evidence(_ c: CitedReference, _ w: Work, method: ImportMatchMethod,
                         titleSets: (Set<String>?, Set<String>?) = (nil, nil)) -> String {
        func dice(_ t1: String, _ t2: String) -> Double {
            if let x = titleSets.0, let y = titleSets.1 { return TitleSimilarity.dice(x, y) }
            return TitleSimilarity.dice(t1, t2)
        }
        switch method {
        case .doi: return "DOI " + (c.doi?.value ?? "?")
        case .openAlex: return "OpenAlex " + (c.openAlexID ?? "?")
        case .pmid: return "PMID " + (c.pmid ?? "?")
        case .nativeID: return "same native id"
        case .rawText: return "same text, folded"
        case .title:
            var parts = ["no personal first author on one side ('\(c.firstAuthor?.display ?? "-")' / '\(w.authors.first?.display ?? "-")')",
                         "years \(c.year.map(String.init) ?? "?")/\(w.year.map(String.init) ?? "?")"]
            if let t1 = c.title, let t2 = w.title {
                parts.append("titles Dice \(String(format: "%.2f", dice(t1, t2)))")
            } else {
                parts.append("title '\(c.title ?? c.venue ?? "?")' ~ '\(w.title ?? w.venue ?? "?")'")
            }
            return parts.joined(separator: "; ")
        case .new, .volumePage: return ""
        case .key:
            let a1 = c.firstAuthor?.matchKey ?? "?", a2 = w.authors.first?.matchKey ?? "?"
            let authors = a1 == a2 ? "first author \(a1)" : "first authors '\(c.firstAuthor?.display ?? "?")'/'\(w.authors.first?.display ?? "?")' (shared surname word)"
            var parts = [authors, "years \(c.year.map(String.init) ?? "?")/\(w.year.map(String.init) ?? "?")"]
            if let t1 = c.title, let t2 = w.title {
                parts.append("titles Dice \(String(format: "%.2f", dice(t1, t2)))")
            } else {
                parts.append("source '\(c.venue ?? c.title ?? "?")' ~ '\(w.venue ?? w.title ?? "?")'")
            }
            if let v1 = c.volume, let v2 = w.volume { parts.append("volume \(v1)/\(v2)") }
            if let p1 = c.pages, let p2 = w.pages { parts.append("page \(firstPage(p1))/\(firstPage(p2))") }
            return parts.joined(separator: "; ")
        }
    }

    /// Digits of a volume (`V38` → `38`).
    static func number(_ s: String) -> String {
        let u = s.utf8
        if u.allSatisfy({ $0 < 0x80 }) {
            if u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return s }
            return String(decoding: u.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
        }
        return s.filter(\.isNumber)
    }

    /// First page: the text before `-` (`959-975` → `959`, `E128-E139` → `E128`), upper-cased.
    static func firstPage(_ s: String) -> String {
        let u = s.utf8
        if u.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same on bytes (first non-empty piece between hyphens, spaces and tabs trimmed, upper-cased).
            let bytes = Array(u)
            var piece = bytes[...]
            if let a = bytes.firstIndex(where: { $0 != 0x2D }) {
                let b = bytes[a...].firstIndex(of: 0x2D) ?? bytes.endIndex
                piece = bytes[a..<b]
            }
            while let f = piece.first, f == 0x20 || f == 0x09 { piece = piece.dropFirst() }
            while let l = piece.last, l == 0x20 || l == 0x09 { piece = piece.dropLast() }
            return String(decoding: piece.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }, as: UTF8.self)
        }
        return String(s.split(whereSeparator: { $0 == "-" || $0 == "–" }).first ?? Substring(s)).trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// Folded text of a reference without author and identifiers (for raw-text matching).
    static func rawKey(_ c: CitedReference) -> String? {
        guard c.authors.isEmpty, c.editors.isEmpty, c.doi == nil, c.openAlexID == nil, c.pmid == nil else { return nil }
        let k = TitleSimilarity.tokens(c.raw).joined(separator: " ")
        return k.count >= 12 ? k : nil
    }

    /// Fills `node`'s missing fields from `w` (a work, or a reference read as the work it
    /// describes: ``GapFilling``) and registers new identifiers.
    mutating func enrich(_ i: Int, with w: some GapFilling, nativeIDs: [String]) {
        // In place (no copy of the node's work); registration only when a field it reads was filled.
        let changed = fillGaps(i, from: w, nativeIDs: nativeIDs)
        // Registering again with nothing new filled adds nothing to the identifier and surname
        // indexes (first registration wins, those buckets hold each node once), so only the
        // title blocks are revisited (``registerTitleBlocks(_:)``).
        if changed { register(i) } else { registerTitleBlocks(i) }
    }

    /// The title-block part of ``register(_:)`` alone. Registering a node whose fields did not
    /// change still appends it to a crowded title block whose last entry it is not
    /// (``insert(_:at:into:)`` checks only the last entry of a block over the limit), so a
    /// skipped registration keeps exactly that effect.
    mutating func registerTitleBlocks(_ i: Int) {
        let personal = nodes[i].work.authors.first?.looksPersonal == true
        guard let y = nodes[i].work.year, let k = WorkIndex.titleStartKey(keys[i], personal: personal) else { return }
        WorkIndex.insert(i, at: String(y) + "|" + k, into: &byTitleStart)
        if let long = WorkIndex.titleStartKey(keys[i], personal: personal, words: 4) {
            WorkIndex.insert(i, at: String(y) + "|" + long, into: &byTitleLong)
        }
    }
}

extension WorkIndex {
    /// Frees the lookup indexes, the nodes' match keys and folded texts once no more lookups
    /// will be made (before the final merge pass): memory for the later stages. O(nodes).
    mutating func releaseLookups() {
        byDOI = [:]
        byOpenAlex = [:]
        byPMID = [:]
        byNative = [:]
        bySurname = [:]
        byTitleStart = [:]
        byTitleLong = [:]
        byRaw = [:]
        keys = []
        rawKeys = []
    }

    /// Fills the empty fields of node `i` from `w` (the node's own values win) and adds the
    /// native ids it lacks, in place; `true` when a field the indexes read (authors, year,
    /// title, venue, DOI, PMID, OpenAlex id, native ids) was filled. Shared by ``enrich(_:with:nativeIDs:)``
    /// (a match while reading) and ``absorb(_:into:)`` (the final merge pass). O(fields + ids).
    @discardableResult
    mutating func fillGaps(_ i: Int, from w: some GapFilling, nativeIDs: [String]) -> Bool {
        var changed = false
        if nodes[i].work.authors.isEmpty, !w.workAuthors.isEmpty { nodes[i].work.authors = w.workAuthors; changed = true }
        if nodes[i].work.year == nil, let y = w.year { nodes[i].work.year = y; changed = true }
        if nodes[i].work.title == nil, let t = w.title { nodes[i].work.title = t; changed = true }
        if nodes[i].work.venue == nil, let v = w.venue { nodes[i].work.venue = v; changed = true }
        if nodes[i].work.volume == nil, let v = w.volume { nodes[i].work.volume = v }
        if nodes[i].work.issue == nil, let v = w.issue { nodes[i].work.issue = v }
        if nodes[i].work.pages == nil, let v = w.pages { nodes[i].work.pages = v }
        if nodes[i].work.publisher == nil, let v = w.publisher { nodes[i].work.publisher = v }
        if nodes[i].work.doi == nil, let v = w.doi { nodes[i].work.doi = v; changed = true }
        if nodes[i].work.url == nil, let v = w.url { nodes[i].work.url = v }
        if nodes[i].work.pmid == nil, let v = w.pmid { nodes[i].work.pmid = v; changed = true }
        if nodes[i].work.openAlexID == nil, let v = w.openAlexID { nodes[i].work.openAlexID = v; changed = true }
        if nodes[i].work.type == .unknown { nodes[i].work.type = w.type }
        for x in nativeIDs where !nodes[i].nativeIDs.contains(x) { nodes[i].nativeIDs.append(x); changed = true }
        return changed
    }

    /// Work `child` joins work `kept` (final merge pass): `kept` keeps its fields and fills
    /// its gaps from `child` (``fillGaps(_:from:nativeIDs:)``), takes its sources and citing
    /// flag. The indexes are not updated (the pass runs after every lookup). O(fields).
    mutating func absorb(_ child: Int, into kept: Int) {
        let x = nodes[child]
        fillGaps(kept, from: x.work, nativeIDs: x.nativeIDs)
        nodes[kept].work.sources += x.work.sources
        nodes[kept].isCiting = nodes[kept].isCiting || x.isCiting
    }
}

extension ImportedWork {
    /// A work of the index (``WorkIndex/Node``), not yet cited by any arc.
    init(work: Work, nativeIDs: [String], isCiting: Bool) {
        self.init(work: work, nativeIDs: nativeIDs, isCiting: isCiting, citedBy: 0)
    }
}

/// A block of the fallback key: a surname key (``AuthorName/matchKeys``) and a year.
struct SurnameYear: Hashable {
    var surname: String
    var year: Int
}

/// The folded words the fallback key compares, computed once per record.
struct MatchKeys {
    /// Title tokens (``TitleSimilarity/tokens(_:)``) as a set, for Dice and overlap.
    var titleSet: Set<String>?
    /// Title and source words without stop words, in order, for ``WorkIndex/sourcesMatch(words:_:)``.
    var titleWords: [String]?
    var venueWords: [String]?

    init(title: String?, venue: String?) {
        self.init(title: title, venueWords: venue.map(MatchKeys.words))
    }

    /// The keys of `title` and of a source whose ``words(_:)`` are `venueWords` (computed
    /// once per distinct source by the caller, ``VenueWords``).
    init(title: String?, venueWords: [String]?) {
        if let title {
            let tokens = TitleSimilarity.tokens(title)
            titleSet = Set(tokens)
            titleWords = tokens.filter { !WorkIndex.stopWords.contains($0) }
        }
        self.venueWords = venueWords
    }

    static func words(_ s: String) -> [String] {
        TitleSimilarity.tokens(s).filter { !WorkIndex.stopWords.contains($0) }
    }
}

/// ``MatchKeys/words(_:)`` of each distinct source, computed once: an export cites the same
/// journals again and again (capture-recapture: 252,473 references), and splitting and
/// folding a source costs far more than a hash look-up. Exact: a memo of a pure function.
struct VenueWords: Sendable {
    private(set) var bySource: [String: [String]] = [:]

    /// `MatchKeys.words(source)`, computed on the first call for `source`. O(|source|).
    mutating func words(_ source: String) -> [String] {
        if let known = bySource[source] { return known }
        let words = MatchKeys.words(source)
        bySource[source] = words
        return words
    }

    /// The words already computed for `source`, else computed now (without keeping them).
    func lookUp(_ source: String) -> [String] {
        bySource[source] ?? MatchKeys.words(source)
    }
}

/// The fields ``WorkIndex/fillGaps(_:from:nativeIDs:)`` reads: a ``Work``, or a
/// ``CitedReference`` read as the work it describes (``Importer/citedWork(_:)``: its authors,
/// else its editors) without building that work.
protocol GapFilling {
    var workAuthors: [AuthorName] { get }
    var year: Int? { get }
    var title: String? { get }
    var venue: String? { get }
    var volume: String? { get }
    var issue: String? { get }
    var pages: String? { get }
    var publisher: String? { get }
    var doi: DOI? { get }
    var url: String? { get }
    var pmid: String? { get }
    var openAlexID: String? { get }
    var type: WorkType { get }
}

extension Work: GapFilling {
    var workAuthors: [AuthorName] { authors }
}

extension CitedReference: GapFilling {
    var workAuthors: [AuthorName] { authors.isEmpty ? editors : authors }
}

extension WorkIndex {
    /// What ``WorkIndex/find(_:nativeIDs:rawKey:exclude:probe:)`` computed of one candidate,
    /// kept so that nothing is computed twice for it (its first author's blocking keys, its
    /// ``MatchKeys``); both are pure functions of the candidate.
    struct Probe {
        private var surnameKeys: [String]??
        private var matchKeys: MatchKeys?

        init() {}

        /// A probe with both computed already (``PreparedReference``): `surnames` `.none` = not computed.
        init(surnames: [String]??, keys: MatchKeys) {
            surnameKeys = surnames
            matchKeys = keys
        }

        /// The first author's ``AuthorName/matchKeys`` (`nil`: no first author).
        mutating func surnames(_ c: CitedReference) -> [String]? {
            if let s = surnameKeys { return s }
            let s = c.firstAuthor?.matchKeys
            surnameKeys = .some(s)
            return s
        }

        /// `MatchKeys(title: c.title, venue: c.venue)`.
        mutating func keys(_ c: CitedReference) -> MatchKeys {
            if let k = matchKeys { return k }
            let k = MatchKeys(title: c.title, venue: c.venue)
            matchKeys = k
            return k
        }

        /// The match keys if they were computed.
        var computedKeys: MatchKeys? { matchKeys }
    }
}
