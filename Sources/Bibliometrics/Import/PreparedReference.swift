import Foundation

/// What the matching of one reference row needs that depends on the reference alone:
/// computed ahead of the matching, on the other core (``Importer/merge(_:)``, ``Lookahead``).
///
/// Every field is a pure function of the reference (and of its record's provenance), the
/// same value the matching computed itself before, so results are unchanged.
struct PreparedReference: Sendable {
    /// `file:line#k` (the reference's own span, else its record's, else the file's name).
    var source: String
    /// ``WorkIndex/rawKey(_:)``.
    var rawKey: String?
    /// What ``WorkIndex/Probe`` would compute: the first author's blocking keys (only for a
    /// reference with a year, the only ones read) and the title and source words.
    var probe: WorkIndex.Probe

    /// Prepares `ref`, the `position`-th reference of a record whose provenance is `fallback`,
    /// and appends its blocking keys for the final merge pass to `blockKeys`. O(|ref|).
    static func prepare(_ ref: CitedReference, position: Int, fallback: String, blockKeys: inout RowBlockKeys) -> PreparedReference {
        let source = (ref.source?.description ?? fallback) + "#\(position)"
        let keys = MatchKeys(title: ref.title, venueWords: ref.venue.map { blockKeys.venues.words($0) })
        let author = ref.firstAuthor
        var surnames: [String]?? = .none
        if ref.year != nil {
            let s = author?.matchKeys
            surnames = .some(s)
            let personal = author?.looksPersonal == true
            blockKeys.appendRow(surnames: s ?? [], start: WorkIndex.titleStartKey(keys, personal: personal))
        } else {
            blockKeys.appendRow(surnames: [], start: nil)
        }
        return PreparedReference(source: source, rawKey: WorkIndex.rawKey(ref), probe: WorkIndex.Probe(surnames: surnames, keys: keys))
    }
}

/// The blocking keys of every reference row for the final merge pass
/// (``WorkMergePass/collectVariants(nodes:rowNodes:)``), interned: each row's first-author
/// surname keys (``AuthorName/matchKeys``) and title start (``WorkIndex/titleStartKey(_:personal:words:)``)
/// as ids into ``strings``, so the pass does not compute them again. Rows without a year have
/// none (the pass never reads them). Built by one thread, in row order. Memory: three
/// 32-bit ids per row or so.
struct RowBlockKeys: Sendable {
    /// Interned strings; id 0 is "".
    var strings = StringInterner()
    /// Surname ids of row `k`: `surnameIDs[surnameStart[k]..<surnameStart[k + 1]]`.
    var surnameIDs: [Int32] = []
    var surnameStart: [Int32] = [0]
    /// Title-start id of each row, −1 for none.
    var start: [Int32] = []
    /// The words of each distinct source the rows print (for their ``MatchKeys``, and again
    /// for the final merge pass's variants).
    var venues = VenueWords()

    init(rows: Int = 0) {
        surnameIDs.reserveCapacity(rows)
        surnameStart.reserveCapacity(rows + 1)
        start.reserveCapacity(rows)
    }

    /// Appends the next row's keys.
    mutating func appendRow(surnames: [String], start key: String?) {
        for s in surnames { surnameIDs.append(strings.intern(s)) }
        surnameStart.append(Int32(truncatingIfNeeded: surnameIDs.count))
        start.append(key.map { strings.intern($0) } ?? -1)
    }

    /// Row `k`'s surname ids.
    func surnames(ofRow k: Int) -> ArraySlice<Int32> {
        surnameIDs[Int(surnameStart[k])..<Int(surnameStart[k + 1])]
    }
}

/// The reference rows as the preparing thread reads them while ``Importer/merge(_:)`` matches
/// earlier rows (``Lookahead``'s invariant: a chunk is read here only before the matching takes
/// it), and the ``RowBlockKeys`` that thread builds. Rows are read through a pointer, never
/// through the array (the matching thread writes other rows' fields meanwhile: no copy on write).
struct RowsView: @unchecked Sendable {
    let rows: UnsafeBufferPointer<ImportedReferenceRow>
    /// Row → index into `fallbacks` (the row's record provenance).
    let rowRecord: [Int32]
    let fallbacks: [String]
    private let state: BlockKeysBox

    init(rows: UnsafeBufferPointer<ImportedReferenceRow>, rowRecord: [Int32], fallbacks: [String]) {
        self.rows = rows
        self.rowRecord = rowRecord
        self.fallbacks = fallbacks
        state = BlockKeysBox(RowBlockKeys(rows: rows.count))
    }

    /// Prepares rows `range` (called for consecutive ranges, in order, by one thread).
    func prepare(_ range: Range<Int>) -> [PreparedReference] {
        var out: [PreparedReference] = []
        out.reserveCapacity(range.count)
        for k in range {
            out.append(PreparedReference.prepare(rows[k].reference, position: rows[k].position,
                                                 fallback: fallbacks[Int(rowRecord[k])], blockKeys: &state.keys))
        }
        return out
    }

    /// The block keys of all rows, once every chunk was prepared (after ``Lookahead/finish()``).
    func finishedBlockKeys() -> RowBlockKeys {
        var out = RowBlockKeys()
        swap(&out, &state.keys)
        return out
    }
}

/// Holder of the ``RowBlockKeys`` being built (touched by one thread at a time: the preparing
/// thread, then — after it finished — the matching thread).
private final class BlockKeysBox: @unchecked Sendable {
    var keys: RowBlockKeys
    init(_ keys: RowBlockKeys) { self.keys = keys }
}
