import Foundation

/// Parser of Scopus cited-reference strings (CSV `References` cell, BibTeX and RIS
/// `references` field).
///
/// Four styles are read, as Scopus has printed them over the years:
/// 1. CSV, comma-separated initials: `Brennan P.F., Bakken S., TITLE, SOURCE, 47, 5, pp. 477-484, (2015)`.
/// 2. CSV since 2024, authors separated by `; `: `Cheng M.; Xue Y.; Cui M., TITLE, SOURCE, …, (2025)`.
/// 3. CSV, full given names: `Ahlström, Anders; Raupach, Michael R., TITLE, SOURCE, …, (2015)`.
/// 4. BibTeX/RIS: `Roy, B., Bouyssou, D., TITLE (1993) SOURCE, 11 (4), pp. 1-10.` — or, for a
///    book, `Roy, B., Bouyssou, D., (1993) TITLE, PUBLISHER, PLACE`.
///
/// Splitting a cell (``split(_:)``): references are separated by `; `. In styles 2 and 3 the
/// authors of one reference are separated by `; ` too, so a piece that is only a name
/// (`Xue Y.`, or `Raupach, Michael R.`) is joined to the next piece as one of its authors —
/// unless the cell is in style 1 (some piece starts with two comma-separated names), where
/// a lone name is a reference of its own (a web page cited by its author only).
///
/// Fields of one reference (``parse(_:source:)``): the year is the last `(dddd)` at the end
/// (styles 1–3) or the first `(dddd)` (style 4, where the source follows it), else a comma
/// part that is only a year, else one that starts `dddd. ` (`Et al., 2020. TITLE`); the leading
/// name-shaped parts are the authors; `pp.` gives the pages; trailing numbers are volume
/// and issue (`11 (4)` in style 4); the comma-part before them is the source; what lies
/// between the authors and the source is the title (commas kept). A DOI anywhere
/// (`10.nnnn/…`) is read. The raw string is kept. O(n) in the string length; pure;
/// never fails (what cannot be read stays only in `raw`).
public enum ScopusReference {
    /// The references of one cell, and how many `;`-separated pieces it had.
    public static func split(_ cell: String) -> (references: [String], pieces: Int) {
        let pieces = cell.components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let commaSeparatedAuthors = pieces.contains { p in
            let parts = p.components(separatedBy: ", ")
            return parts.count > 2 && isBareName(parts[0]) && isBareName(parts[1])
        }
        var out: [String] = []
        var pendingAuthors: [String] = []
        var i = 0
        while i < pieces.count {
            let p = pieces[i]
            if i < pieces.count - 1, !commaSeparatedAuthors, isBareName(p) {
                pendingAuthors.append(p)
                i += 1
                continue
            }
            // Style 3: a run of `Surname, Given` pieces joins the next piece only when that one
            // starts with `Surname, Given, ` too (its last author).
            if !commaSeparatedAuthors, isFullName(p) {
                var j = i
                while j < pieces.count, isFullName(pieces[j]) { j += 1 }
                if j < pieces.count, startsWithFullName(pieces[j]) {
                    out.append(pieces[i...j].joined(separator: "; "))
                    i = j + 1
                    continue
                }
            }
            out.append((pendingAuthors + [p]).joined(separator: "; "))
            pendingAuthors = []
            i += 1
        }
        if !pendingAuthors.isEmpty { out.append(pendingAuthors.joined(separator: "; ")) }
        return (out, pieces.count)
    }

    /// `Zeng, Ning, The dominant role …`: a surname, given names, then at least one more part.
    static func startsWithFullName(_ p: String) -> Bool {
        let parts = p.components(separatedBy: ", ")
        return parts.count >= 3 && isSurname(parts[0]) && isGivenNames(parts[1])
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

    /// `Raupach, Michael R.`: one surname, one comma, given names (style 3).
    static func isFullName(_ p: String) -> Bool {
        let parts = p.components(separatedBy: ", ")
        return parts.count == 2 && isSurname(parts[0]) && isGivenNames(parts[1])
    }

    /// One to four words, the last capitalised, no digits or brackets: `van der Berg`, `Ahlström`, `O'Neil`.
    static func isSurname(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...4).contains(words.count), s.count < 40, let last = words.last, last.first?.isUppercase == true else { return false }
        return s.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }

    /// One to four capitalised words or initials: `Anders`, `Michael R.`, `Jean-Paul`, `M.A.`.
    static func isGivenNames(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...4).contains(words.count), s.count < 40 else { return false }
        return words.allSatisfy { w in
            guard w.first?.isUppercase == true else { return false }
            return w.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }
        }
    }

    /// `B.`, `J.-P.`, `M.A.`, `A.B.C.`: initials only, with dots (style 4 authors).
    static func isDottedInitials(_ s: String) -> Bool {
        guard s.count <= 12, s.hasSuffix("."), s.first?.isUppercase == true else { return false }
        return s.allSatisfy { $0.isUppercase || $0 == "." || $0 == "-" || $0 == " " }
    }

    public static func parse(_ raw: String, source: SourceSpan? = nil) -> CitedReference {
        var ref = CitedReference(raw: raw, source: source)
        var text = raw.trimmingCharacters(in: .whitespaces)
        if let doiRange = text.range(of: #"10\.\d{4,9}/[^\s,;]+"#, options: .regularExpression) {
            var d = String(text[doiRange])
            while d.hasSuffix(".") || d.hasSuffix(")") { d.removeLast() }
            ref.doi = DOI(d)
        }
        // Style 4 (BibTeX/RIS): `… TITLE (YEAR) SOURCE, …` — a year in brackets not at the end.
        var after: String?
        if let yr = text.range(of: #"\((\d{4})\)\s*$"#, options: .regularExpression) {
            ref.year = Int(text[yr].filter(\.isNumber))
            text = String(text[..<yr.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        } else if let yr = text.range(of: #"\((1[5-9]\d\d|20\d\d)\)"#, options: .regularExpression) {
            ref.year = Int(text[yr].filter(\.isNumber))
            after = String(text[yr.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " ,."))
            text = String(text[..<yr.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        }
        if ref.year == nil {
            // `…, Interchange (revision), 2024, pp. 1-20`: a comma part that is only a year.
            var ps = text.components(separatedBy: ", ")
            if let k = ps.lastIndex(where: { $0.count == 4 && Int($0).map { (1500...2099).contains($0) } == true }), k > 0 {
                ref.year = Int(ps[k])
                ps.remove(at: k)
                text = ps.joined(separator: ", ")
            }
        }
        if ref.year == nil {
            // `Bargagliotti A., Et al., 2020. Pre-K-12 guidelines …`: a comma part that starts with the year and a full stop.
            var ps = text.components(separatedBy: ", ")
            if let k = ps.indices.dropFirst().first(where: { Self.yearFullStop(ps[$0]) != nil }), let (y, rest) = Self.yearFullStop(ps[k]) {
                ref.year = y
                if rest.isEmpty { ps.remove(at: k) } else { ps[k] = rest }
                text = ps.joined(separator: ", ")
            }
        }
        var parts = readAuthors(text, into: &ref)
        if let after {
            // Style 4: the title precedes the year; the source (or a book's publisher) follows.
            var tail = after.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            readNumbers(&tail, into: &ref, bracketedIssue: true)
            let title = parts.joined(separator: ", ")
            if !title.isEmpty {
                ref.title = title
                if let s = tail.first, !s.isEmpty { ref.venue = s }
            } else if let t = tail.first {
                ref.title = t
                let rest = tail.dropFirst().joined(separator: ", ")
                if !rest.isEmpty { ref.publisher = rest }
                ref.type = .book
            }
            if ref.volume != nil || ref.pages != nil { ref.type = .article }
            return ref
        }
        readNumbers(&parts, into: &ref, bracketedIssue: false)
        if parts.count >= 2, let v = parts.popLast() {
            ref.venue = v
            ref.title = parts.joined(separator: ", ")
        } else if let only = parts.first, !only.isEmpty {
            ref.title = only
        }
        if ref.volume != nil || ref.pages != nil { ref.type = .article }
        return ref
    }

    /// `2020. Title …` → (2020, `Title …`); `2022.` → (2022, ``); else `nil` (years 1500–2099).
    static func yearFullStop(_ part: String) -> (Int, String)? {
        let u = Array(part.utf8)
        guard u.count >= 5, u[4] == UInt8(ascii: "."), u[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let y = Int(String(decoding: u[0..<4], as: UTF8.self)), (1500...2099).contains(y) else { return nil }
        guard u.count == 5 || u[5] == UInt8(ascii: " ") else { return nil }
        return (y, String(decoding: u[5...], as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }

    /// Reads the leading authors of `text` (any style) into `ref`; returns the remaining comma parts.
    static func readAuthors(_ text: String, into ref: inout CitedReference) -> [String] {
        var authors: [AuthorName] = []
        // Style 3: `Surname, Given; Surname, Given, TITLE…` (or one author `Surname, Given, TITLE…`).
        let pieces = text.components(separatedBy: "; ")
        if pieces.count > 1, pieces.dropLast().allSatisfy(isFullName) {
            let lastParts = pieces[pieces.count - 1].components(separatedBy: ", ")
            if lastParts.count >= 2, isSurname(lastParts[0]), isGivenNames(lastParts[1]) {
                for p in pieces.dropLast() + [lastParts[0] + ", " + lastParts[1]] {
                    if let a = AuthorName.parseFamilyFirst(p) { authors.append(a) }
                }
                ref.authors = authors
                return Array(lastParts.dropFirst(2)).map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        var parts = text.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        // Style 4: `Surname, I., Surname, I., …`.
        var k = 0
        while k + 1 < parts.count, isSurname(parts[k]), isDottedInitials(parts[k + 1]) {
            authors.append(AuthorName(family: parts[k], initials: parts[k + 1].filter { $0 != "." && $0 != " " }))
            k += 2
        }
        if k > 0 {
            parts.removeFirst(k)
        } else if parts.count >= 3, pieces.count == 1, isSurname(parts[0]), !isBareName(parts[0]), isGivenNames(parts[1]),
                  !isDottedInitials(parts[1]), parts[1].split(separator: " ").count <= 3, looksLikeTitleStart(parts[2]) {
            // Style 3 with one author: `Ahlström, Anders, The dominant role …`.
            if let a = AuthorName.parseFamilyFirst(parts[0] + ", " + parts[1]) { authors.append(a) }
            parts.removeFirst(2)
        } else {
            // Styles 1 and 2: leading name-shaped segments (a lone name when only the year follows: `Chase H., (2022)`).
            while parts.count > 1 || (parts.count == 1 && ref.year != nil && isBareName(parts[0])), let p = parts.first, isNameSegment(p) {
                for name in p.components(separatedBy: "; ") { if let a = AuthorName.parseShort(name) { authors.append(a) } }
                parts.removeFirst()
            }
            // `Donoho David, 50 Years of Data Science, …`: surname then full given name(s), no comma
            // between them, followed by `Et al.` or a title (some sources print references so).
            if authors.isEmpty {
                var k = 0
                while k + 1 < parts.count, isSurnameGiven(parts[k]) { k += 1 }
                let next = parts[min(k, parts.count - 1)].lowercased()
                // Two names or more in a row need no title check (`Collins Patricia Hill, Bilge Sirma, Intersectionality`).
                // (but not when the next part goes on in lower case: `Berkeley Computing, Data Science, and Society …`).
                let continues = parts[min(k, parts.count - 1)].first?.isLowercase == true
                if k > 0, k < parts.count, (k >= 2 && !continues) || next == "et al." || next == "et al" || looksLikeTitleStart(parts[k]) {
                    for p in parts[..<k] {
                        var words = p.split(separator: " ").map(String.init)
                        // `vom Brocke Jan`: the particle belongs to the surname.
                        if words.count > 2, words[0].first?.isLowercase == true { words = [words[0] + " " + words[1]] + words.dropFirst(2) }
                        authors.append(AuthorName(family: words[0], initials: AuthorName.initials(ofGiven: words.dropFirst().joined(separator: " "))))
                    }
                    parts.removeFirst(k)
                }
            }
        }
        if let f = parts.first, f.lowercased() == "et al." || f.lowercased() == "et al" {
            ref.authorsTruncated = true
            parts.removeFirst()
        }
        ref.authors = authors
        return parts
    }

    /// `Donoho David`, `Chen Ouhao`, `Wilkerson Michelle Hoda`, `Lee John C. K.`, `Kafura Dennis G.`:
    /// a capitalised surname and given name (letters, `-`, `'`), then at most two more given
    /// names or initials (`C.`, `K`), four words at most.
    static func isSurnameGiven(_ s: String) -> Bool {
        var words = s.split(separator: " ")[...]
        // A lower-case particle may lead (`vom Brocke Jan`, `van Dijk Jan`).
        if let f = words.first, f.first?.isLowercase == true, AuthorName.keyParticles.contains(String(f)) || f == "vom" || f == "zu" { words = words.dropFirst() }
        guard (2...4).contains(words.count) else { return false }
        func name(_ w: Substring) -> Bool {
            w.count >= 2 && w.first?.isUppercase == true && w.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
        }
        func initials(_ w: Substring) -> Bool {
            let letters = w.filter { $0 != "." }
            return (1...3).contains(letters.count) && letters.allSatisfy(\.isUppercase)
        }
        let first = words.startIndex
        return name(words[first]) && name(words[first + 1]) && words.dropFirst(2).allSatisfy { name($0) || initials($0) }
    }

    /// A title's first comma part has a lower-case word, or more than four words (not a given name).
    static func looksLikeTitleStart(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        return words.count > 4 || words.dropFirst().contains { $0.first?.isLowercase == true }
    }

    /// Removes trailing pages, issue and volume parts (`pp. 1-10`, `47`, `5`, or `11 (4)`).
    static func readNumbers(_ parts: inout [String], into ref: inout CitedReference, bracketedIssue: Bool) {
        while let last = parts.last, parts.count > (bracketedIssue ? 0 : 1) {
            if last.hasPrefix("pp. ") || last.hasPrefix("p. ") {
                ref.pages = String(last.drop(while: { $0 != " " }).dropFirst())
            } else if bracketedIssue, let open = last.firstIndex(of: "("), last.hasSuffix(")"), last.first?.isNumber == true {
                ref.volume = String(last[..<open]).trimmingCharacters(in: .whitespaces)
                ref.issue = String(last[last.index(after: open)..<last.index(before: last.endIndex)])
            } else if !last.isEmpty, last.count <= 8, last.first?.isNumber == true {
                if ref.issue == nil && ref.volume == nil { ref.volume = last } else if ref.issue == nil, let v = ref.volume { ref.issue = v; ref.volume = last } else { break }
            } else if last.hasPrefix("DOI") || last.hasPrefix("https://doi") || last.hasPrefix("http") || last.hasPrefix("Cited") {
                // identifier or "Cited N times" tail
            } else { break }
            parts.removeLast()
        }
    }
}
