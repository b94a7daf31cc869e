/// Checks that bytes are well-formed UTF-8 (Unicode 15, §3.9, table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF) and says where the first bad byte is.
///
/// Used before handing a file to a parser that trusts its input to be UTF-8 (Foundation's
/// `XMLParser` on Linux traps on a non-UTF-8 byte inside an element or attribute name).
/// O(n), one pass, no allocation.
public enum UTF8Validation {
    /// The offset of the first byte that starts an ill-formed sequence, or `nil`.
    public static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            var need = 0
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= low && b1 <= high else { return i }
            var k = 2
            while k <= need {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// The 1-based line holding byte `offset` (lines end at LF). O(offset).
    public static func line(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var line = 1
        for k in 0..<min(offset, bytes.count) where bytes[k] == 0x0A { line += 1 }
        return line
    }
}
