/// Builds the only links figures may carry: `https://doi.org/` + a validated,
/// percent-encoded DOI.
///
/// Graphviz writes `URL`/`href` values into SVG raw (ARCHITECTURE.md §5): a value such as
/// `x" onload="…` or `javascript:…` would pass straight into the file. So figures never
/// take URLs from data; they take DOIs, check their syntax and encode them here.
public enum DOILink {
    /// The `https://doi.org/…` URL for `doi`, or `nil` when `doi` is not a DOI.
    ///
    /// Accepts `10.<registrant>/<suffix>` with optional `doi:`, `https://doi.org/`,
    /// `http://dx.doi.org/` (any case) prefixes and surrounding whitespace. The registrant
    /// code is digits and dots (at least 4 digits first); the suffix is non-empty and free of
    /// whitespace and control characters. Every byte of the suffix other than
    /// `A–Z a–z 0–9 - . _ ~ /` is percent-encoded (UTF-8), so the result contains no
    /// quote, `<`, `&`, backslash or space. Time O(length). Pure.
    public static func url(forDOI doi: String) -> String? {
        var s = Substring(doi)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"] {
            if s.lowercased().hasPrefix(prefix) { s = s.dropFirst(prefix.count); break }
        }
        let bytes = Array(s.utf8)
        guard bytes.count >= 6, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "0"), bytes[2] == UInt8(ascii: "."),
              let slash = bytes.firstIndex(of: UInt8(ascii: "/"))
        else { return nil }
        let registrant = bytes[3..<slash]
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard registrant.prefix(while: { digit.contains($0) }).count >= 4,
              registrant.allSatisfy({ digit.contains($0) || $0 == UInt8(ascii: ".") }),
              registrant.last.map(digit.contains) == true
        else { return nil }
        let suffix = bytes[(slash + 1)...]
        guard !suffix.isEmpty,
              !s.unicodeScalars.contains(where: { $0.properties.isWhitespace || DOTEscaping.isDroppedControl($0) })
        else { return nil }
        var out = "https://doi.org/" + String(decoding: bytes[0...slash], as: UTF8.self)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in suffix {
            if isUnreserved(b) || b == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 0xF)]], as: UTF8.self)
            }
        }
        return out
    }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }
}
