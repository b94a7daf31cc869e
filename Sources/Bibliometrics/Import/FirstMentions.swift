import Foundation

/// The provenance of the first reference naming each cited work (`references.csv` order),
/// for the `first_source` of `matches.csv` and the `source` of cited-only works in `works.csv`.
///
/// Definition: for each distinct `cited` id of the rows, the `source` of the first row with
/// that id — the same as a `[String: String]` filled in row order with "insert if absent".
/// How: a row's `cited` and its work's `id` are normally copies of one String value (the
/// merge hands out each id once), so they are first looked up by the String's two words
/// (its storage identity, or its bytes when small) in an open-addressing table with a cheap
/// multiplicative hash; only a miss compares contents (a dictionary by content, built on
/// the first miss), so the result never depends on how the Strings were made.
/// O(rows + works) expected; deterministic (the table's seed changes probe order only).
struct FirstMentions: Sendable {
    /// Per work position: the first mention (nil: never cited).
    private(set) var byWork: [String?]
    /// Per row: the position of its cited work, or -1 for an id that is no work's id.
    private var rowWork: [Int32]
    /// First mentions of cited ids that are no work's id (none in a merged dataset).
    private var others: [String: String] = [:]
    /// The works' ids at construction (to resolve another works array, ``forWorks(_:)``).
    private let ids: [String]
    private let table: IdentityTable

    init(rows: [ImportedReferenceRow], works: [ImportedWork]) {
        var ids: [String] = []
        ids.reserveCapacity(works.count)
        for i in works.indices { ids.append(works[i].work.id) }
        self.ids = ids
        table = IdentityTable(ids)
        byWork = [String?](repeating: nil, count: works.count)
        rowWork = []
        rowWork.reserveCapacity(rows.count)
        var byContent: [String: Int]?
        let table = table
        var byWork = byWork, rowWork = rowWork, others = others
        Importer.forEachInPlace(rows, rows.indices) { _, row in
            var p = table.position(of: row.cited)
            if p < 0 {
                if byContent == nil { byContent = IdentityTable.contentIndex(ids) }
                p = byContent?[row.cited] ?? -1
            }
            rowWork.append(Int32(truncatingIfNeeded: p))
            if p >= 0 {
                if byWork[p] == nil { byWork[p] = row.source }
            } else if others[row.cited] == nil {
                others[row.cited] = row.source
            }
        }
        self.byWork = byWork
        self.rowWork = rowWork
        self.others = others
    }

    /// The first mention of the work cited by row `k` (as the rows were at construction).
    func forRow(_ k: Int, cited: String) -> String? {
        guard k < rowWork.count else { return others[cited] }
        let p = Int(rowWork[k])
        return p >= 0 ? byWork[p] : others[cited]
    }

    /// The first mention of each work of `works` by its id (positions need not match the
    /// works at construction; ids are compared as above).
    func forWorks(_ works: [ImportedWork]) -> [String?] {
        var out: [String?] = []
        out.reserveCapacity(works.count)
        var byContent: [String: Int]?
        for i in works.indices {
            let id = works[i].work.id
            var p = i < ids.count && IdentityTable.sameBits(ids[i], id) ? i : table.position(of: id)
            if p < 0 {
                if byContent == nil { byContent = IdentityTable.contentIndex(ids) }
                p = byContent?[id] ?? -1
            }
            out.append(p >= 0 ? byWork[p] : others[id])
        }
        return out
    }
}

/// Positions of Strings by their two machine words (open addressing, linear probing, load ≤ ¾).
/// Equal words imply equal Strings (same storage object, or the same small-string bytes);
/// equal Strings with different words are not found (callers fall back to contents).
private struct IdentityTable: Sendable {
    private var slots: [(UInt64, UInt64, Int)]
    private let mask: Int
    private let seed: UInt64

    /// Whether String's layout is two words (else every lookup misses: contents decide).
    static let usable = MemoryLayout<String>.size == 16

    @inline(__always)
    static func words(_ s: String) -> (UInt64, UInt64) {
        unsafeBitCast(s, to: (UInt64, UInt64).self)
    }

    @inline(__always)
    static func sameBits(_ a: String, _ b: String) -> Bool {
        guard usable else { return false }
        let x = words(a), y = words(b)
        return x.0 == y.0 && x.1 == y.1
    }

    static func contentIndex(_ ids: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(ids.count)
        for i in ids.indices where out[ids[i]] == nil { out[ids[i]] = i }
        return out
    }

    init(_ ids: [String]) {
        var capacity = 16
        while capacity * 3 < ids.count * 4 { capacity *= 2 }
        mask = capacity - 1
        seed = UInt64.random(in: 1...UInt64.max) | 1
        slots = Array(repeating: (0, 0, -1), count: IdentityTable.usable ? capacity : 0)
        guard IdentityTable.usable else { return }
        for i in ids.indices {
            let w = IdentityTable.words(ids[i])
            var h = slot(w)
            while slots[h].2 >= 0 {
                if slots[h].0 == w.0 && slots[h].1 == w.1 { break }  // the same id twice: the first position stays
                h = (h + 1) & mask
            }
            if slots[h].2 < 0 { slots[h] = (w.0, w.1, i) }
        }
    }

    @inline(__always)
    private func slot(_ w: (UInt64, UInt64)) -> Int {
        let x = (w.0 ^ (w.1 &* 0x9E37_79B9_7F4A_7C15)) &* seed
        return Int(truncatingIfNeeded: x >> 32) & mask
    }

    /// The position of `s` among the ids by identity, or -1.
    func position(of s: String) -> Int {
        guard IdentityTable.usable, !slots.isEmpty else { return -1 }
        let w = IdentityTable.words(s)
        var h = slot(w)
        while slots[h].2 >= 0 {
            if slots[h].0 == w.0 && slots[h].1 == w.1 { return slots[h].2 }
            h = (h + 1) & mask
        }
        return -1
    }
}
