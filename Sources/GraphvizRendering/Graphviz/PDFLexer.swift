/// Byte-level tokenising of PDF syntax (ISO 32000-1 §7.2–7.3): just enough to walk the
/// regular files cairo writes. Every function is pure and O(length of what it scans).
enum PDFLexer {
    /// PDF white-space characters: NUL, TAB, LF, FF, CR, SPACE.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    /// PDF delimiters: `( ) < > [ ] { } / %`.
    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The index of the end of line that ends the comment starting at `from` (the `%`),
    /// or `bytes.count`. The end-of-line bytes are not part of the comment.
    static func endOfComment(_ bytes: [UInt8], from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        return i
    }

    /// The index just after the literal string starting at `from` (a `(`): balanced
    /// parentheses, `\` escaping the next byte. `nil` when the string is not closed.
    static func endOfLiteralString(_ bytes: [UInt8], from: Int) -> Int? {
        var depth = 0
        var i = from
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The index just after the regular-character token starting at `from` (stops at
    /// white space, a delimiter or the end).
    static func endOfRegularToken(_ bytes: [UInt8], from: Int) -> Int {
        var i = from
        while i < bytes.count, !isWhitespace(bytes[i]), !isDelimiter(bytes[i]) { i += 1 }
        return i
    }
}
