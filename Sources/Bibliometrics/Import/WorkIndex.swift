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
///    `yearTolerance`, no conflicting DOI or OpenAlex id, volumes and first pages equal
///    where both are printed, and: both titles known → titles match (Dice ≥ `minimumDice`,
///    or overlap ≥ `minimumOverlap` with ≥ `minimumContainedTokens` tokens in the shorter);
///    otherwise a source (or a source against a title: WoS prints a book's title as its
///    source) matches by ``sourcesMatch(_:_:)``; a one-word source also needs equal volume
///    and first page. Among several candidates the one with the exact year, then the
///    lowest index, wins (deterministic).
/// 3. **Raw text**: a reference with neither author nor identifier matches a work first
///    created from the same folded text.
///
/// Complexity: O(1) expected per identifier lookup; a key lookup compares with the works
/// of the same surname (O(b) for b such works).
struct WorkIndex {
    struct Node {
        var work: Work
        var nativeIDs: [String]
        var isCiting: Bool
        /// Citing records merged into this node (record spans as strings).
        var records: [String]
        var rawKey: String?
    }

    var nodes: [Node] = []
    private var byDOI: [DOI: Int] = [:]
    private var byOpenAlex: [String: Int] = [:]
    private var byPMID: [String: Int] = [:]
    private var byNative: [String: Int] = [:]
    private var bySurname: [String: [Int]] = [:]
    private var byRaw: [String: Int] = [:]
    let options: MatchOptions
    /// Identifier matches refused, with the reason (for the log).
    var conflicts: [String] = []

    init(options: MatchOptions) { self.options = options }

    /// Registers node `i`'s identifiers (first registration of an identifier wins).
    mutating func register(_ i: Int) {
        let n = nodes[i]
        if let d = n.work.doi, byDOI[d] == nil { byDOI[d] = i }
        if let o = n.work.openAlexID, byOpenAlex[o] == nil { byOpenAlex[o] = i }
        if let p = n.work.pmid, byPMID[p] == nil { byPMID[p] = i }
        for x in n.nativeIDs where byNative[x] == nil { byNative[x] = i }
        if let s = n.work.authors.first?.matchKey, !s.isEmpty {
            var list = bySurname[s, default: []]
            if !list.contains(i) { list.append(i); bySurname[s] = list }
        }
        if let r = n.rawKey, byRaw[r] == nil { byRaw[r] = i }
    }

    mutating func add(_ node: Node) -> Int {
        nodes.append(node)
        register(nodes.count - 1)
        return nodes.count - 1
    }

    /// Finds the work `candidate` describes; `exclude` is never returned (a record's own node).
    mutating func find(_ c: CitedReference, nativeIDs: [String], rawKey: String?, exclude: Int? = nil) -> (Int, ImportMatchMethod)? {
        if let d = c.doi, let i = byDOI[d], i != exclude {
            if doiPlausible(c, nodes[i].work) { return (i, .doi) }
            conflicts.append("DOI \(d) of '\(c.raw.prefix(80))' also belongs to '\(nodes[i].work.title?.prefix(80) ?? "?")' with a different first author and title: not merged")
        }
        if let o = c.openAlexID, let i = byOpenAlex[o], i != exclude { return (i, .openAlex) }
        if let p = c.pmid, let i = byPMID[p], i != exclude { return (i, .pmid) }
        for x in nativeIDs { if let i = byNative[x], i != exclude { return (i, .nativeID) } }
        if let i = keyMatch(c, exclude: exclude) { return (i, .key) }
        if let r = rawKey, let i = byRaw[r], i != exclude { return (i, .rawText) }
        return nil
    }

    func doiPlausible(_ c: CitedReference, _ w: Work) -> Bool {
        guard let a = c.firstAuthor?.matchKey, let b = w.authors.first?.matchKey, !a.isEmpty, !b.isEmpty, a != b else { return true }
        if let t1 = c.title, let t2 = w.title { return TitleSimilarity.dice(t1, t2) >= options.doiTitleCheck }
        // No titles to compare: refuse only when the years also disagree and the sources do not match.
        guard let y1 = c.year, let y2 = w.year, abs(y1 - y2) > options.yearTolerance else { return true }
        if let v1 = c.venue, let v2 = w.venue, WorkIndex.sourcesMatch(v1, v2) != .none { return true }
        return false
    }

    func keyMatch(_ c: CitedReference, exclude: Int?) -> Int? {
        guard let s = c.firstAuthor?.matchKey, !s.isEmpty, let year = c.year, let candidates = bySurname[s] else { return nil }
        var best: (index: Int, exact: Bool)?
        for i in candidates where i != exclude {
            let w = nodes[i].work
            guard let wy = w.year, abs(wy - year) <= options.yearTolerance else { continue }
            if let a = c.doi, let b = w.doi, a != b { continue }
            if let a = c.openAlexID, let b = w.openAlexID, a != b { continue }
            if let a = c.volume, let b = w.volume, WorkIndex.number(a) != WorkIndex.number(b) { continue }
            if let a = c.pages, let b = w.pages, WorkIndex.firstPage(a) != WorkIndex.firstPage(b) { continue }
            guard describesSameWork(c, w) else { continue }
            let exact = wy == year
            if best == nil || (exact && best?.exact == false) { best = (i, exact) }
        }
        return best?.index
    }

    func describesSameWork(_ c: CitedReference, _ w: Work) -> Bool {
        if let t1 = c.title, let t2 = w.title {
            let dice = TitleSimilarity.dice(t1, t2)
            let overlap = TitleSimilarity.overlap(t1, t2)
            let shorter = min(Set(TitleSimilarity.tokens(t1)).count, Set(TitleSimilarity.tokens(t2)).count)
            if dice >= options.minimumDice || (overlap >= options.minimumOverlap && shorter >= options.minimumContainedTokens) { return true }
        }
        let pairs: [(String?, String?)] = [(c.venue, w.venue), (c.venue, w.title), (c.title, w.venue)]
        for (a, b) in pairs {
            guard let a, let b else { continue }
            switch WorkIndex.sourcesMatch(a, b) {
            case .strong: return true
            case .weak:
                if let v1 = c.volume, let v2 = w.volume, let p1 = c.pages, let p2 = w.pages,
                   WorkIndex.number(v1) == WorkIndex.number(v2), WorkIndex.firstPage(p1) == WorkIndex.firstPage(p2) { return true }
            case .none: continue
            }
        }
        return false
    }

    enum SourceMatch { case strong, weak, none }

    static let stopWords: Set<String> = ["of", "the", "and", "for", "in", "on", "a", "an", "de", "la", "und", "fur", "der"]

    /// Source (journal / book) similarity: the folded words without stop words of the
    /// shorter name are prefixes of the first words of the longer, in order (`J INFORMETR`
    /// ~ `Journal of Informetrics`, the 20-character WoS abbreviation ~ the full title).
    /// Two or more words: strong; one word: weak (needs volume and page to agree).
    static func sourcesMatch(_ a: String, _ b: String) -> SourceMatch {
        let x = TitleSimilarity.tokens(a).filter { !stopWords.contains($0) }
        let y = TitleSimilarity.tokens(b).filter { !stopWords.contains($0) }
        guard !x.isEmpty, !y.isEmpty else { return .none }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        for (i, word) in short.enumerated() where !long[i].hasPrefix(word) { return .none }
        return short.count >= 2 ? .strong : .weak
    }

    /// Digits of a volume (`V38` → `38`).
    static func number(_ s: String) -> String { s.filter(\.isNumber) }

    /// First page: the text before `-` (`959-975` → `959`, `E128-E139` → `E128`), upper-cased.
    static func firstPage(_ s: String) -> String {
        String(s.split(whereSeparator: { $0 == "-" || $0 == "–" }).first ?? Substring(s)).trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// Folded text of a reference without author and identifiers (for raw-text matching).
    static func rawKey(_ c: CitedReference) -> String? {
        guard c.authors.isEmpty, c.editors.isEmpty, c.doi == nil, c.openAlexID == nil, c.pmid == nil else { return nil }
        let k = TitleSimilarity.tokens(c.raw).joined(separator: " ")
        return k.count >= 12 ? k : nil
    }

    /// Fills `node`'s missing fields from `c` and registers new identifiers.
    mutating func enrich(_ i: Int, with w: Work, nativeIDs: [String]) {
        var n = nodes[i].work
        if n.authors.isEmpty { n.authors = w.authors }
        n.year = n.year ?? w.year
        n.title = n.title ?? w.title
        n.venue = n.venue ?? w.venue
        n.volume = n.volume ?? w.volume
        n.issue = n.issue ?? w.issue
        n.pages = n.pages ?? w.pages
        n.publisher = n.publisher ?? w.publisher
        n.doi = n.doi ?? w.doi
        n.url = n.url ?? w.url
        n.pmid = n.pmid ?? w.pmid
        n.openAlexID = n.openAlexID ?? w.openAlexID
        if n.type == .unknown { n.type = w.type }
        nodes[i].work = n
        for x in nativeIDs where !nodes[i].nativeIDs.contains(x) { nodes[i].nativeIDs.append(x) }
        register(i)
    }
}
