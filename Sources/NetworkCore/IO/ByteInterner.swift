/// Interns ids given as byte ranges of a buffer without building a `String` for ids it
/// has already seen: an open-addressing hash table (FNV-1a over the bytes, linear
/// probing) maps each distinct byte string to a dense index in first-seen order.
///
/// Time O(length) expected per lookup; a `String` is created once per distinct id.
struct ByteInterner {
    private(set) var ids: [String] = []
    /// Per index: where its bytes live in `storage`.
    private var starts: [Int] = []
    private var storage: [UInt8] = []
    private var table: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(expected: Int = 1024) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        table = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
    }

    var count: Int { ids.count }

    private static func hash(_ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in span.start..<span.end {
            h = (h ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The index of the id spelled by `span`, adding it when new.
    mutating func intern(_ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> Int32 {
        let h = Self.hash(bytes, span)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = table[slot]
            if v < 0 { break }
            let k = Int(v)
            if hashes[k] == h && equal(k, bytes, span) { return v }
            slot = (slot + 1) & mask
        }
        let v = Int32(ids.count)
        table[slot] = v
        hashes.append(h)
        starts.append(storage.count)
        storage.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[span.start..<span.end]))
        ids.append(bytes.string(span))
        if ids.count * 2 > table.count { grow() }
        return v
    }

    /// Interns an id given as a `String` (e.g. from a node table).
    mutating func intern(_ id: String) -> Int32 {
        let utf8 = Array(id.utf8)
        return utf8.withUnsafeBytes { raw in intern(raw, ByteSpan(start: 0, end: raw.count)) }
    }

    private func equal(_ k: Int, _ bytes: UnsafeRawBufferPointer, _ span: ByteSpan) -> Bool {
        let s = starts[k]
        let e = k + 1 < starts.count ? starts[k + 1] : storage.count
        guard e - s == span.count else { return false }
        var i = 0
        while i < span.count {
            if storage[s + i] != bytes[span.start + i] { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        let capacity = table.count * 2
        table = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for k in 0..<hashes.count {
            var slot = Int(truncatingIfNeeded: hashes[k]) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(k)
        }
    }
}
