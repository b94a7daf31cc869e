/// Parser of Web of Science cited-reference strings (`CR` field, BibTeX `Cited-References`).
///
/// Definition: a `CR` string is `AUTHOR, YEAR, SOURCE, V<volume>, P<page>, DOI <doi>`,
/// every part optional except the first, separated by `, `. The author is `Surname IN`
/// (`[Anonymous]` for none); the year is four digits; the source is the 20-character
/// abbreviation WoS prints; `V`, `P` and `DOI` parts are recognised by their prefix
/// (`DOI [10.1/a, 10.1/b]` lists alternatives: the first is taken). A trailing `.` (BibTeX
/// exports) and LaTeX escapes (`{[}`, `\_`) are removed. The raw string is kept as read.
///
/// Works on the UTF-8 bytes (no Foundation calls): O(n) in the string length, a handful of
/// small allocations for the fields found; pure; never fails (an unrecognised part is
/// ignored, the string is always kept in `raw`).
public enum WoSCitedReference {
    public static func parse(_ raw: String, source: SourceSpan? = nil) -> CitedReference {
        var bytes = Array(raw.utf8)
        let trimmedRaw = trimSpaces(bytes[...])
        var ref = CitedReference(raw: trimmedRaw.count == bytes.count ? raw : String(decoding: trimmedRaw, as: UTF8.self),
                                 source: source, type: .unknown)
        if bytes.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "\\") || $0 == 0x0A || $0 == 0x09 }) {
            bytes = Array(AuthorName.clean(raw).utf8) // BibTeX escapes and wrapped lines: rare, the slow path
        }
        var text = trimSpaces(bytes[...])
        if text.last == UInt8(ascii: ".") { text = text.dropLast() }
        // DOI part: everything after ", DOI " (may contain commas inside brackets).
        var doiCut: (cut: Int, value: Int)?
        if let r = find(Self.doiMarker, in: text) {
            doiCut = (r, r + Self.doiMarker.count)
        } else if text.starts(with: Self.doiMarker.dropFirst(2)) {
            doiCut = (text.startIndex, text.startIndex + 4)
        }
        if let (cut, value) = doiCut {
            var doiText = text[value...]
            text = text[..<cut]
            if doiText.first == UInt8(ascii: "[") {
                doiText = doiText.dropFirst()
                doiText = doiText.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") }
            }
            while doiText.count >= 4, doiText.prefix(4).map(upper).elementsEqual(Self.doiMarker.dropFirst(2)) { doiText = doiText.dropFirst(4) }
            ref.doi = DOI(String(decoding: doiText.filter { $0 != UInt8(ascii: "\\") }, as: UTF8.self))
        }
        let parts = split(text)
        guard let first = parts.first else { return ref }
        var rest = parts.dropFirst()
        if let y = year(first) {
            ref.year = y // no author printed
        } else if let author = author(first) {
            ref.authors = [author]
        }
        if ref.year == nil, let p = rest.first, let y = year(p) {
            ref.year = y
            rest = rest.dropFirst()
        }
        for p in rest {
            guard let c = p.first else { continue }
            let second = p.dropFirst().first
            if p.count > 1, c == UInt8(ascii: "V"),
               p.dropFirst().allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") }) || (p.count < 8 && second.map(isDigit) == true) {
                ref.volume = String(decoding: p.dropFirst(), as: UTF8.self)
            } else if p.count > 1, c == UInt8(ascii: "P"), ref.venue != nil,
                      second.map(isDigit) == true || (second.map(isUpper) == true && p.count < 10) {
                ref.pages = String(decoding: p.dropFirst(), as: UTF8.self)
            } else if ref.venue == nil {
                ref.venue = String(decoding: p, as: UTF8.self)
            }
        }
        if ref.volume != nil || ref.pages != nil { ref.type = .article }
        return ref
    }

    private static let doiMarker: [UInt8] = Array(", DOI ".utf8)

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 32 : b }

    static func trimSpaces(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var a = s.startIndex, b = s.endIndex
        while a < b, s[a] == 0x20 || s[a] == 0x09 { a += 1 }
        while b > a, s[b - 1] == 0x20 || s[b - 1] == 0x09 { b -= 1 }
        return s[a..<b]
    }

    /// Index of the first occurrence of `needle` in `hay`.
    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard let f = needle.first, hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == f, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Parts separated by `, `, each trimmed.
    static func split(_ s: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        out.reserveCapacity(8)
        var start = s.startIndex
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: ","), i + 1 < s.endIndex, s[i + 1] == 0x20 {
                out.append(trimSpaces(s[start..<i]))
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        out.append(trimSpaces(s[start..<s.endIndex]))
        return out
    }

    /// A four-digit year 1000…2100.
    static func year(_ p: ArraySlice<UInt8>) -> Int? {
        guard p.count == 4, p.allSatisfy(isDigit) else { return nil }
        let y = p.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (1000...2100).contains(y) ? y : nil
    }

    /// `Surname IN` / `SURNAME I` / `Surname I.N.`; `[Anonymous]` → `nil`. Non-ASCII or
    /// unusual shapes go through ``AuthorName/parseShort(_:)``.
    static func author(_ p: ArraySlice<UInt8>) -> AuthorName? {
        guard !p.isEmpty else { return nil }
        if p.first == UInt8(ascii: "[") || p.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: ".") }) {
            return AuthorName.parseShort(String(decoding: p, as: UTF8.self))
        }
        guard let space = p.lastIndex(of: 0x20) else { return AuthorName(family: String(decoding: p, as: UTF8.self)) }
        let initials = p[(space + 1)...]
        let family = trimSpaces(p[..<space])
        if (1...3).contains(initials.count), initials.allSatisfy(isUpper), !family.isEmpty, !family.contains(0x20) {
            return AuthorName(family: String(decoding: family, as: UTF8.self), initials: String(decoding: initials, as: UTF8.self))
        }
        return AuthorName.parseShort(String(decoding: p, as: UTF8.self))
    }
}
