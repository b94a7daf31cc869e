import Foundation
import NetworkCore

/// The works and arcs of a fetch in progress: the dataset's works (node indices
/// `0..<n`, works.csv order) followed by the works the fetch adds, with the OpenAlex id of
/// each known work and the ``WorkIndex`` that deduplicates downloaded records against them.
struct FetchState {
    let dataset: Dataset
    let n: Int
    var index: WorkIndex
    /// OpenAlex id → node.
    var owner: [String: Int] = [:]
    /// Downloaded records by OpenAlex id.
    var records: [String: [String: Any]] = [:]
    /// Added works (node `n + k`), their ids and roles.
    var newWorks: [(id: String, role: String)] = []
    /// Arcs already in a citation layer, and those added, as `from \0 to`.
    var arcKeys: Set<String> = []
    var newArcs: [(from: String, to: String, source: String)] = []
    private var usedIDs: Set<String>

    init(dataset: Dataset) {
        self.dataset = dataset
        n = dataset.workIDs.count
        usedIDs = Set(dataset.workIDs)
        index = WorkIndex(options: MatchOptions())
        for layer in dataset.layers where layer.kind == .citation {
            for a in layer.arcs { arcKeys.insert(a.from + "\u{0}" + a.to) }
        }
        for i in 0..<n {
            var w = Work(id: dataset.workIDs[i])
            w.doi = doi(of: i)
            w.title = cell(i, "title")
            w.year = year(of: i)
            w.venue = cell(i, "venue")
            w.openAlexID = cell(i, "openalex").flatMap(Identifiers.openAlexWork)
            if let a = cell(i, "first_author").flatMap(FetchState.author) { w.authors = [a] }
            _ = index.add(WorkIndex.Node(work: w, nativeIDs: [], isCiting: false))
            if let o = w.openAlexID, owner[o] == nil { owner[o] = i }
        }
    }

    /// The first author as a dataset prints it: `Family I` (import), or a surname alone.
    static func author(_ text: String) -> AuthorName? {
        let parts = text.split(separator: " ")
        guard let last = parts.last else { return nil }
        if parts.count > 1, last.count <= 4, last.allSatisfy({ $0.isUppercase || $0 == "-" }) {
            return AuthorName(family: parts.dropLast().joined(separator: " "), initials: String(last))
        }
        return AuthorName(family: text)
    }

    /// A works.csv cell (trimmed; `nil` when empty or the column is absent).
    func cell(_ i: Int, _ column: String) -> String? {
        guard let values = dataset.workAttributes[column], i < values.count else { return nil }
        return values[i]
    }

    func doi(of i: Int) -> DOI? { cell(i, dataset.manifest.works.doi ?? "doi").flatMap { DOI($0) } }

    func year(of i: Int) -> Int? {
        cell(i, dataset.manifest.works.year ?? "year").flatMap { Int($0.prefix(4)) }
    }

    /// The OpenAlex id a dataset work states: its `openalex` cell, or its id when that is `W…`.
    func openAlexID(of i: Int) -> String? {
        cell(i, "openalex").flatMap(Identifiers.openAlexWork) ?? Identifiers.openAlexWork(dataset.workIDs[i])
    }

    /// Works the fetch expands: those not added by an earlier fetch.
    func seedWorks() -> [Int] { (0..<n).filter { cell($0, "fetched") == nil } }

    /// Id of node `i`.
    func id(of i: Int) -> String { i < n ? dataset.workIDs[i] : newWorks[i - n].id }

    /// Records that OpenAlex work `w` is node `i`.
    mutating func own(_ w: String, _ i: Int) {
        if owner[w] == nil { owner[w] = i }
        index.enrich(i, with: Work(id: "", openAlexID: w), nativeIDs: [])
    }

    /// Places a downloaded record: an existing node, or a new work. Returns `true` when it
    /// matched a work of the dataset not known by this OpenAlex id before.
    mutating func place(_ o: [String: Any], url: String, role: String) throws -> Bool {
        guard let w = OpenAlexFetcher.id(o) else { return false }
        if let i = owner[w] {
            if i >= n, role == "citing", newWorks[i - n].role == "cited" { newWorks[i - n].role = "citing+cited" }
            return false
        }
        let record = try OpenAlexJSON.record(JSONRecords.Element(object: o, firstLine: 1, lastLine: 1), path: url)
        var work = record.work
        work.sources = []
        if let (i, _) = index.find(work.asReference, nativeIDs: [], rawKey: nil) {
            own(w, i)
            index.enrich(i, with: work, nativeIDs: [])
            return i < n
        }
        add(work, openAlexID: w, role: role)
        return false
    }

    /// A referenced work OpenAlex returned no record for: its id only.
    mutating func addIDOnly(_ w: String) {
        add(Work(id: "", openAlexID: w), openAlexID: w, role: "cited")
    }

    private mutating func add(_ work: Work, openAlexID w: String, role: String) {
        var id = w
        var k = 2
        while usedIDs.contains(id) { id = "\(w)-\(k)"; k += 1 }
        usedIDs.insert(id)
        var copy = work
        copy.id = id
        let node = index.add(WorkIndex.Node(work: copy, nativeIDs: [], isCiting: role != "cited"))
        newWorks.append((id, role))
        owner[w] = node
    }

    /// Adds the arc `from → to` unless a layer or this fetch already has it.
    mutating func addArc(_ from: Int, _ to: Int, source: String) -> Bool {
        let a = id(of: from), b = id(of: to)
        let key = a + "\u{0}" + b
        guard !arcKeys.contains(key) else { return false }
        arcKeys.insert(key)
        newArcs.append((a, b, source))
        return true
    }
}
