/// Parser of Web of Science cited-reference strings (`CR` field, BibTeX `Cited-References`).
///
/// Definition: a `CR` string is `AUTHOR, YEAR, SOURCE, V<volume>, P<page>, DOI <doi>`,
/// every part optional except the first, separated by `, `. The author is `Surname IN`
/// (`[Anonymous]` for none); the year is four digits; the source is the 20-character
/// abbreviation WoS prints; `V`, `P` and `DOI` parts are recognised by their prefix
/// (`DOI [10.1/a, 10.1/b]` lists alternatives: the first is taken). A trailing `.` (BibTeX
/// exports) and LaTeX escapes (`{[}`, `\_`) are removed. The raw string is kept as read.
///
/// Works on the UTF-8 bytes (no Foundation calls, no intermediate Strings or arrays: the
/// plain-text reader hands the bytes of the `CR` line): O(n) in the string length, one
/// allocation per field found; pure; never fails (an unrecognised part is
/// ignored, the string is always kept in `raw`).
public enum WoSCitedReference {
    public static func parse(_ raw: String, source: SourceSpan? = nil) -> CitedReference {
        var text = raw
        return text.withUTF8 { parse(all: $0, raw: raw, source: source) }
    }

    /// `parse(String(decoding: bytes, as: UTF8.self), source:)` without building that
    /// String: `bytes` must be valid UTF-8 (a line the reader has checked).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, source: SourceSpan?) -> CitedReference {
        parse(all: bytes, raw: nil, source: source)
    }

    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// `raw` is the String of `all` when the caller has one (kept as the raw text when it needs no trimming).
    private static func parse(all: UnsafeBufferPointer<UInt8>, raw: String?, source: SourceSpan?) -> CitedReference {
        let trimmedRaw = trimSpaces(all[...])
        let rawText: String
        if let raw, trimmedRaw.count == all.count { rawText = raw } else { rawText = string(trimmedRaw) }
        if all.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "\\") || $0 == 0x0A || $0 == 0x09 }) {
            return parseCleaned(all: all, raw: raw, rawText: rawText, source: source)
        }
        var ref = CitedReference(raw: rawText, source: source, type: .unknown)
        fields(of: all[...], into: &ref)
        return ref
    }

    /// BibTeX escapes and wrapped lines: rare, the slow path (the parts read from the cleaned text).
    private static func parseCleaned(all: UnsafeBufferPointer<UInt8>, raw: String?, rawText: String, source: SourceSpan?) -> CitedReference {
        let cleaned = Array(AuthorName.clean(raw ?? String(decoding: all, as: UTF8.self)).utf8)
        var ref = CitedReference(raw: rawText, source: source, type: .unknown)
        cleaned.withUnsafeBufferPointer { fields(of: $0[...], into: &ref) }
        return ref
    }

    /// The parts of the (cleaned) text of a reference into `ref`.
    private static func fields(of bytes: Bytes, into ref: inout CitedReference) {
        var text = trimSpaces(bytes)
        if text.last == UInt8(ascii: ".") { text = text.dropLast() }
        // DOI part: everything after ", DOI " (may contain commas inside brackets).
        var doiCut: (cut: Int, value: Int)?
        if let r = findDOIMarker(in: text) {
            doiCut = (r, r + 6)
        } else if startsWithDOI(text, anyCase: false) {
            doiCut = (text.startIndex, text.startIndex + 4)
        }
        if let (cut, value) = doiCut {
            var doiText = text[value...]
            text = text[..<cut]
            if doiText.first == UInt8(ascii: "[") {
                doiText = doiText.dropFirst()
                doiText = doiText.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") }
            }
            while startsWithDOI(doiText, anyCase: true) { doiText = doiText.dropFirst(4) }
            if doiText.contains(UInt8(ascii: "\\")) {
                ref.doi = DOI(String(decoding: doiText.filter { $0 != UInt8(ascii: "\\") }, as: UTF8.self))
            } else {
                ref.doi = DOI(utf8: UnsafeBufferPointer(rebasing: doiText))
            }
        }
        // The parts separated by `, `, each trimmed, in order (at least one).
        var parts = Parts(text: text)
        guard let first = parts.next() else { return }
        if let y = year(first) {
            ref.year = y // no author printed
        } else if let author = author(first) {
            ref.authors = [author]
        }
        var pending = parts.next()
        if ref.year == nil, let p = pending, let y = year(p) {
            ref.year = y
            pending = parts.next()
        }
        while let p = pending {
            pending = parts.next()
            guard let c = p.first else { continue }
            let second = p.dropFirst().first
            if p.count > 1, c == UInt8(ascii: "V"),
               p.dropFirst().allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") }) || (p.count < 8 && second.map(isDigit) == true) {
                ref.volume = string(p.dropFirst())
            } else if p.count > 1, c == UInt8(ascii: "P"), ref.venue != nil,
                      second.map(isDigit) == true || (second.map(isUpper) == true && p.count < 10) {
                ref.pages = string(p.dropFirst())
            } else if ref.venue == nil {
                ref.venue = string(p)
            }
        }
        if ref.volume != nil || ref.pages != nil { ref.type = .article }
    }

    /// The parts of `text` separated by `, `, each trimmed of spaces and tabs.
    struct Parts {
        let text: Bytes
        var position: Int
        var done = false

        init(text: Bytes) {
            self.text = text
            position = text.startIndex
        }

        mutating func next() -> Bytes? {
            guard !done else { return nil }
            let end = text.endIndex
            var i = position
            while i < end {
                if text[i] == UInt8(ascii: ","), i + 1 < end, text[i + 1] == 0x20 {
                    let part = trimSpaces(text[position..<i])
                    position = i + 2
                    return part
                }
                i += 1
            }
            done = true
            return trimSpaces(text[position..<end])
        }
    }

    @inline(__always) static func string(_ s: Bytes) -> String { String(decoding: UnsafeBufferPointer(rebasing: s), as: UTF8.self) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 32 : b }

    static func trimSpaces(_ s: Bytes) -> Bytes {
        var a = s.startIndex, b = s.endIndex
        while a < b, s[a] == 0x20 || s[a] == 0x09 { a += 1 }
        while b > a, s[b - 1] == 0x20 || s[b - 1] == 0x09 { b -= 1 }
        return s[a..<b]
    }

    /// `s` starts with `DOI ` (the letters in any case when `anyCase`).
    @inline(__always) static func startsWithDOI(_ s: Bytes, anyCase: Bool) -> Bool {
        guard s.count >= 4 else { return false }
        let i = s.startIndex
        let d = anyCase ? upper(s[i]) : s[i], o = anyCase ? upper(s[i + 1]) : s[i + 1], x = anyCase ? upper(s[i + 2]) : s[i + 2]
        return d == UInt8(ascii: "D") && o == UInt8(ascii: "O") && x == UInt8(ascii: "I") && s[i + 3] == 0x20
    }

    /// Index of the first `, DOI ` (exact case) in `hay`.
    static func findDOIMarker(in hay: Bytes) -> Int? {
        guard hay.count >= 6 else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - 6
        while i <= last {
            if hay[i] == UInt8(ascii: ","), hay[i + 1] == 0x20, hay[i + 2] == UInt8(ascii: "D"), hay[i + 3] == UInt8(ascii: "O"),
               hay[i + 4] == UInt8(ascii: "I"), hay[i + 5] == 0x20 { return i }
            i += 1
        }
        return nil
    }

    /// A four-digit year 1000…2100.
    static func year(_ p: Bytes) -> Int? {
        guard p.count == 4, p.allSatisfy(isDigit) else { return nil }
        let y = p.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (1000...2100).contains(y) ? y : nil
    }

    /// `Surname IN` / `SURNAME I` / `Surname I.N.`; `[Anonymous]` → `nil`. Non-ASCII or
    /// unusual shapes go through ``AuthorName/parseShort(_:)``.
    static func author(_ p: Bytes) -> AuthorName? {
        guard !p.isEmpty else { return nil }
        if p.first == UInt8(ascii: "[") || p.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: ".") }) {
            return AuthorName.parseShort(string(p))
        }
        guard let space = p.lastIndex(of: 0x20) else { return AuthorName(family: string(p)) }
        let initials = p[(space + 1)...]
        let family = trimSpaces(p[..<space])
        if (1...3).contains(initials.count), initials.allSatisfy(isUpper), !family.isEmpty, !family.contains(0x20) {
            return AuthorName(family: string(family), initials: string(initials))
        }
        return AuthorName.parseShort(string(p))
    }
}
