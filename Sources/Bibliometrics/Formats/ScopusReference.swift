import Foundation

/// Parser of Scopus cited-reference strings (CSV `References` cell, BibTeX `references` field).
///
/// Splitting a cell: references are separated by `; `. Exports since 2024 also separate
/// the *authors* of one reference by `; ` (`Cheng M.; Xue Y.; Cui M., Global, …, (2025)`),
/// so a piece that has no `, ` and looks like a name (at most five words, ending in
/// initials or with a capitalised initials word) is joined to the next piece as one of
/// its authors. ``split(_:)`` returns the references and the raw piece count.
///
/// Fields of one reference `AUTHORS, TITLE, SOURCE, VOLUME, ISSUE, pp. PAGES, (YEAR)`:
/// the year is the last `(dddd)`; `pp.` gives the pages; trailing numbers are volume and
/// issue; the comma-part before them is the source; the leading name-shaped parts
/// (`Surname I.`) are the authors; what lies between is the title (commas kept). A DOI
/// anywhere (`10.nnnn/…`) is read. The raw string is kept. O(n); pure; never fails.
public enum ScopusReference {
    /// The references of one cell, and how many `;`-separated pieces it had.
    public static func split(_ cell: String) -> (references: [String], pieces: Int) {
        let pieces = cell.components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var out: [String] = []
        var pendingAuthors: [String] = []
        for (i, p) in pieces.enumerated() {
            if i < pieces.count - 1, isBareName(p) {
                pendingAuthors.append(p)
                continue
            }
            out.append((pendingAuthors + [p]).joined(separator: "; "))
            pendingAuthors = []
        }
        if !pendingAuthors.isEmpty { out.append(pendingAuthors.joined(separator: "; ")) }
        return (out, pieces.count)
    }

    /// `Xue Y.`, `Calin GA`, `van Stiphout R.G.`, `Acar A. K.`: a name with initials and no comma.
    static func isBareName(_ p: String) -> Bool {
        guard !p.contains(","), !p.contains("("), p.count < 60 else { return false }
        let words = p.split(separator: " ")
        guard (2...5).contains(words.count), let last = words.last else { return false }
        let lastLetters = last.filter { $0 != "." && $0 != "-" }
        return !lastLetters.isEmpty && lastLetters.count <= 4 && lastLetters.allSatisfy(\.isUppercase)
    }

    static func isNameSegment(_ s: String) -> Bool {
        if s.contains(";") { return s.components(separatedBy: "; ").allSatisfy(isBareName) }
        return isBareName(s)
    }

    public static func parse(_ raw: String, source: SourceSpan? = nil) -> CitedReference {
        var ref = CitedReference(raw: raw, source: source)
        var text = raw.trimmingCharacters(in: .whitespaces)
        if let doiRange = text.range(of: #"10\.\d{4,9}/[^\s,;]+"#, options: .regularExpression) {
            ref.doi = DOI(String(text[doiRange]))
        }
        if let yr = text.range(of: #"\((\d{4})\)\s*$"#, options: .regularExpression) {
            ref.year = Int(text[yr].filter(\.isNumber))
            text = String(text[..<yr.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        var parts = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        // Authors: leading name-shaped segments.
        var authors: [AuthorName] = []
        while parts.count > 1, let p = parts.first, isNameSegment(p) {
            for name in p.components(separatedBy: "; ") { if let a = AuthorName.parseShort(name) { authors.append(a) } }
            parts.removeFirst()
        }
        if parts.first == "et al." || parts.first == "et al" { ref.authorsTruncated = true; parts.removeFirst() }
        ref.authors = authors
        // Tail: pages, issue, volume.
        while let last = parts.last, parts.count > 1 {
            if last.hasPrefix("pp. ") || last.hasPrefix("p. ") {
                ref.pages = String(last.drop(while: { $0 != " " }).dropFirst())
            } else if !last.isEmpty, last.count <= 8, last.first?.isNumber == true {
                if ref.issue == nil && ref.volume == nil { ref.volume = last } else if ref.issue == nil, let v = ref.volume { ref.issue = v; ref.volume = last } else { break }
            } else if last.hasPrefix("DOI") || last.hasPrefix("https://doi") || last.hasPrefix("http") {
                // identifier tail
            } else { break }
            parts.removeLast()
        }
        if parts.count >= 2, let v = parts.popLast() {
            ref.venue = v
            ref.title = parts.joined(separator: ", ")
        } else if let only = parts.first, !only.isEmpty {
            ref.title = only
        }
        if ref.volume != nil || ref.pages != nil { ref.type = .article }
        return ref
    }
}
