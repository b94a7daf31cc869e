/// Interns ids given as byte ranges of a buffer without building a `String` for ids it
/// has already seen, numbering distinct ids densely in first-seen order.
///
/// Two open-addressing tables (linear probing, load ≤ 1/2):
/// - ids of 1–17 ASCII digits (the common case: arXiv, SNAP, LINQS ids) are packed into
///   one `UInt64` key — the value plus the digit count, so `"0001001"` and `"1001"` stay
///   different — and looked up with a single memory access per probe;
/// - other ids are hashed with FNV-1a; each slot keeps 32 bits of the hash beside the
///   index, so the stored bytes are compared only on a probable match.
///
/// Time O(length) expected per lookup; one `String` is created per distinct id.
struct ByteInterner {
    private(set) var ids: [String] = []

    // Numeric ids: slot s holds its key at 2s (0 = empty) and its index at 2s+1, so a
    // probe touches one cache line.
    private var numeric: [UInt64]
    private var numericShift: UInt64
    private var numericCount = 0

    // Other ids: slot = (hash tag << 32) | (index + 1), 0 = empty.
    private var slots: [UInt64]
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var storage: [UInt8] = []
    private var textCount = 0

    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        numeric = [UInt64](repeating: 0, count: 2 * capacity)
        numericShift = UInt64(64 - capacity.trailingZeroBitCount)
        slots = [UInt64](repeating: 0, count: 16)
    }

    var count: Int { ids.count }

    /// The index of the id spelled by `span`, adding it when new.
    mutating func intern(_ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> Int32 {
        let length = span.count
        if length >= 1 && length <= 17 {
            var value: UInt64 = 0
            var i = span.start
            while i < span.end {
                let d = UInt64(bytes[i]) &- 48
                if d > 9 { break }
                value = value &* 10 &+ d
                i += 1
            }
            if i == span.end { return internNumeric((UInt64(length) << 58) | value, bytes, span) }
        }
        return internText(bytes, span)
    }

    /// Interns an id given as a `String` (e.g. from a node table or a CSV cell).
    mutating func intern(_ id: String) -> Int32 {
        let utf8 = Array(id.utf8)
        return utf8.withUnsafeBytes { raw in intern(raw, ByteSpan(start: 0, end: raw.count)) }
    }

    /// Fibonacci hashing: the top bits of `key × 2⁶⁴/φ` (Knuth, TAOCP vol. 3, §6.4).
    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func internNumeric(_ key: UInt64, _ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> Int32 {
        let mask = numeric.count / 2 - 1
        var slot = Self.slot(key, numericShift)
        while true {
            let k = numeric[2 * slot]
            if k == key { return Int32(truncatingIfNeeded: numeric[2 * slot + 1]) }
            if k == 0 { break }
            slot = (slot + 1) & mask
        }
        let v = Int32(ids.count)
        ids.append(bytes.string(span))
        numeric[2 * slot] = key
        numeric[2 * slot + 1] = UInt64(v)
        numericCount += 1
        if numericCount * 2 > mask + 1 {
            let old = numeric
            numeric = [UInt64](repeating: 0, count: old.count * 2)
            numericShift -= 1
            let newMask = numeric.count / 2 - 1
            var p = 0
            while p < old.count {
                let k = old[p]
                if k != 0 {
                    var s = Self.slot(k, numericShift)
                    while numeric[2 * s] != 0 { s = (s + 1) & newMask }
                    numeric[2 * s] = k
                    numeric[2 * s + 1] = old[p + 1]
                }
                p += 2
            }
        }
        return v
    }

    private mutating func internText(_ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in span.start..<span.end {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
        }
        let tag = h >> 32
        var mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry >> 32 == tag {
                let k = Int(entry & 0xFFFF_FFFF) - 1
                if equal(k, bytes, span) { return Int32(k) }
            }
            slot = (slot + 1) & mask
        }
        let v = Int32(ids.count)
        ids.append(bytes.string(span))
        // Byte ranges are indexed by the id's global index; numeric ids leave gaps.
        while starts.count < Int(v) { starts.append(0); lengths.append(0) }
        starts.append(storage.count)
        lengths.append(span.count)
        storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end]))
        slots[slot] = (tag << 32) | UInt64(v + 1)
        textCount += 1
        if textCount * 2 > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            mask = slots.count - 1
            for entry in old where entry != 0 {
                let k = Int(entry & 0xFFFF_FFFF) - 1
                var s = Int(truncatingIfNeeded: rehash(k)) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = entry
            }
        }
        return v
    }

    /// The FNV-1a hash of stored id `k`.
    private func rehash(_ k: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in starts[k]..<(starts[k] + lengths[k]) {
            h = (h ^ UInt64(storage[i])) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    private func equal(_ k: Int, _ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> Bool {
        let s = starts[k]
        guard lengths[k] == span.count else { return false }
        var i = 0
        while i < span.count {
            if storage[s + i] != bytes[span.start + i] { return false }
            i += 1
        }
        return true
    }
}
