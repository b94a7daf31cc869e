import Foundation

/// Parser of Web of Science cited-reference strings (`CR` field, BibTeX `Cited-References`).
///
/// Definition: a `CR` string is `AUTHOR, YEAR, SOURCE, V<volume>, P<page>, DOI <doi>`,
/// every part optional except the first, separated by `, `. The author is `Surname IN`
/// (`[Anonymous]` for none); the year is four digits; the source is the 20-character
/// abbreviation WoS prints; `V`, `P` and `DOI` parts are recognised by their prefix
/// (`DOI [10.1/a, 10.1/b]` lists alternatives: the first is taken). A trailing `.` (BibTeX
/// exports) and LaTeX escapes (`{[}`, `\_`) are removed. The raw string is kept as read.
/// O(n) in the string length; pure; never fails (an unrecognised part is ignored, the
/// string is always kept in `raw`).
public enum WoSCitedReference {
    public static func parse(_ raw: String, source: SourceSpan? = nil) -> CitedReference {
        var text = AuthorName.clean(raw)
        if text.hasSuffix(".") { text.removeLast() }
        var ref = CitedReference(raw: raw.trimmingCharacters(in: .whitespaces), source: source, type: .unknown)
        // DOI part: everything after ", DOI " (may contain commas inside brackets).
        if let range = text.range(of: ", DOI ") ?? (text.hasPrefix("DOI ") ? text.range(of: "DOI ") : nil) {
            var doiText = String(text[range.upperBound...])
            text = String(text[..<range.lowerBound])
            if doiText.hasPrefix("[") {
                doiText = String(doiText.dropFirst())
                doiText = String(doiText.prefix { $0 != "," && $0 != "]" })
            }
            while doiText.uppercased().hasPrefix("DOI ") { doiText = String(doiText.dropFirst(4)) }
            ref.doi = DOI(doiText.replacingOccurrences(of: "\\", with: ""))
        }
        let parts = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first else { return ref }
        var rest = parts.dropFirst()
        if first.count == 4, let y = Int(first), (1000...2100).contains(y) {
            ref.year = y // no author printed
        } else if let author = AuthorName.parseShort(first) {
            ref.authors = [author]
        }
        if ref.year == nil, let y = rest.first.flatMap({ Int($0) }), (1000...2100).contains(y) {
            ref.year = y
            rest = rest.dropFirst()
        }
        for p in rest {
            if p.count > 1, p.first == "V", p.dropFirst().allSatisfy({ $0.isNumber || $0 == "-" }) || (p.count < 8 && p.dropFirst().first?.isNumber == true) {
                ref.volume = String(p.dropFirst())
            } else if p.count > 1, p.first == "P", p.dropFirst().first?.isNumber == true || p.dropFirst().first?.isUppercase == true && p.count < 10, ref.venue != nil {
                ref.pages = String(p.dropFirst())
            } else if ref.venue == nil {
                ref.venue = p
            }
        }
        if ref.volume != nil || ref.pages != nil { ref.type = .article }
        return ref
    }
}
