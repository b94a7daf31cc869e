import Foundation

extension ReferencesText {
    private static let authorDateHead = TextPattern(#"^(.+?)\s*\(((?:19|20)\d{2})[a-z]?(?:,[^)]*)?\)[.,]?\s+(.+)$"#)
    private static let apaAuthor = TextPattern(#"((?:(?:van|von|de|der|den|del|da|di|du|la|le|ten|ter)\s+)*\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)*),\s*((?:\p{Lu}\.\s?-?\s?)+)"#)
    private static let apaSeparator = TextPattern(#"\s*(?:,\s*(?:&\s*|and\s+)?|\s*&\s*|\s+and\s+)"#)
    private static let apaEtAl = TextPattern(#"\s*,?\s*(?:et al\.?|\.\.\.)\s*"#)
    private static let apaJournal = TextPattern(#"^(.+?),\s*(\d+[A-Za-z]?)\s*(?:\(([^)]+)\))?\s*(?:,\s*(?:pp?\.\s*)?([\w–\-]+))?\s*\.?$"#)
    private static let apaIn = TextPattern(#"(?<=[.?!])\s+In\s+(?=\p{Lu})"#)
    private static let apaEds = TextPattern(#"\s*\((?:Eds?|eds?)\.?\),?\s*"#)
    private static let apaPages = TextPattern(#"\s*\((?:pp?\.\s*)([\w–\-]+)\)\.?"#)
    private static let apaBookWords = TextPattern(#"\b(Press|Springer|Routledge|Palgrave|SAGE|Sage|Publishing|Publications|Publishers?|Wiley|Macmillan|Taylor & Francis|Elsevier|Blackwell|Jossey|Polity)\b"#)

    /// Patterns of the author–date branch (checked by the tests).
    static var authorDatePatternsValid: Bool {
        [authorDateHead, apaAuthor, apaSeparator, apaEtAl, apaJournal, apaIn, apaEds, apaPages, apaBookWords].allSatisfy(\.isValid)
    }

    /// Author–date entries (APA, Harvard): `Authors (Year). Title. Journal, Vol(Issue), Pages.`,
    /// `… Title. In E. Editor (Ed.), Book (pp. 1–9). Publisher.` or `… Title. Publisher.`
    /// Returns nil when the entry does not open with authors followed by a year in
    /// parentheses (the caller then reads it as a numbered, Vancouver-style entry).
    static func splitAuthorDate(_ s: String, ref base: CitedReference,
                                conf baseConf: [ReferenceField: Double]) -> ParsedReference? {
        guard let head = authorDateHead.firstMatch(in: s), let authorText = head.group(1, in: s),
              let yearText = head.group(2, in: s), let rest = head.group(3, in: s) else { return nil }
        var ref = base
        var conf = baseConf
        var notes: [String] = []

        // Authors: "Surname, I. I., Surname, I., & Surname, I." — or one corporate name.
        var names: [AuthorName] = []
        var pos = authorText.startIndex
        var clean = false
        while let m = apaAuthor.firstMatch(in: authorText, from: pos, anchored: true) {
            let initials = (m.group(2, in: authorText) ?? "").filter { $0.isLetter || $0 == "-" }
            names.append(AuthorName(family: m.group(1, in: authorText) ?? "", initials: initials))
            pos = m.range.upperBound
            if pos == authorText.endIndex { clean = true; break }
            if let e = apaEtAl.firstMatch(in: authorText, from: pos, anchored: true), e.range.upperBound == authorText.endIndex {
                ref.authorsTruncated = true
                clean = true
                break
            }
            guard let sep = apaSeparator.firstMatch(in: authorText, from: pos, anchored: true) else { break }
            pos = sep.range.upperBound
        }
        if names.isEmpty {
            // Vancouver-style names before a parenthesised year (Harvard): reuse that reader.
            let text = authorText + "."
            let (vancouver, truncated, _, end, c) = splitAuthors(text)
            if !vancouver.isEmpty, c > 0.9, text[end...].trimmingCharacters(in: .whitespaces).isEmpty {
                names = vancouver
                ref.authorsTruncated = truncated
                clean = true
            }
        }
        if names.isEmpty || !clean {
            let corporate = authorText.trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            // A sentence break inside means this is not an author list but a title with a year in it.
            guard !corporate.isEmpty, corporate.split(separator: " ").count <= 10,
                  sentenceBreak.firstMatch(in: corporate) == nil, !corporate.contains(":") else { return nil }
            names = [AuthorName(family: corporate, isOrganisation: true)]
            notes.append("author text read as one corporate author")
            conf[.authors] = 0.5
        } else {
            conf[.authors] = 0.95
        }
        ref.authors = names
        ref.year = Int(yearText)
        conf[.year] = 0.95

        // Body: title sentence(s), then the source.
        let body = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        var sentences = splitSentences(body)
        if let inMark = apaIn.firstMatch(in: body), let edsMark = apaEds.firstMatch(in: body, from: inMark.range.upperBound) {
            // "Title. In E. Editor & F. Editor (Eds.), Book (pp. 1–9). Publisher."
            ref.type = .chapter
            conf[.type] = 0.85
            ref.title = cleanTitle(String(body[..<inMark.range.lowerBound]))
            conf[.title] = 0.85
            let eds = String(body[inMark.range.upperBound..<edsMark.range.lowerBound]).replacingOccurrences(of: " & ", with: ", ")
            ref.editors = eds.split(separator: ",").map { AuthorName(family: $0.trimmingCharacters(in: .whitespaces)) }
                .filter { !$0.family.isEmpty }
            conf[.editors] = 0.6
            let after = String(body[edsMark.range.upperBound...])
            var book = after, publisher = ""
            if let pp = apaPages.firstMatch(in: after) {
                book = String(after[..<pp.range.lowerBound])
                publisher = String(after[pp.range.upperBound...])
                if let p = pp.group(1, in: after) { ref.pages = p; conf[.pages] = 0.85 }
            } else {
                let parts = splitSentences(after)
                if parts.count >= 2 { book = parts.dropLast().joined(separator: " "); publisher = parts.last ?? "" }
            }
            ref.venue = cleanTitle(book)
            conf[.venue] = 0.8
            if let p = cleanTitle(publisher.trimmingCharacters(in: CharacterSet(charactersIn: " ."))) { ref.publisher = p; conf[.publisher] = 0.7 }
        } else if sentences.count >= 2, let last = sentences.last, let m = apaJournal.firstMatch(in: last) {
            ref.type = .article
            conf[.type] = 0.9
            ref.venue = m.group(1, in: last)
            conf[.venue] = 0.9
            if let v = m.group(2, in: last) { ref.volume = v; conf[.volume] = 0.9 }
            if let i = m.group(3, in: last) { ref.issue = i; conf[.issue] = 0.9 }
            if let p = m.group(4, in: last) { ref.pages = p; conf[.pages] = 0.9 }
            sentences.removeLast()
            ref.title = cleanTitle(sentences.joined(separator: " "))
            conf[.title] = 0.9
        } else if sentences.count >= 2, let last = sentences.last {
            sentences.removeLast()
            ref.title = cleanTitle(sentences.joined(separator: " "))
            conf[.title] = 0.7
            if apaBookWords.firstMatch(in: last) != nil || last.contains(":") {
                ref.type = .book
                conf[.type] = 0.7
                if let colon = last.range(of: ": ") {
                    ref.place = String(last[..<colon.lowerBound])
                    ref.publisher = cleanTitle(String(last[colon.upperBound...]))
                    conf[.place] = 0.7
                } else {
                    ref.publisher = cleanTitle(last)
                }
                conf[.publisher] = 0.7
            } else if ref.url != nil {
                ref.type = .webPage
                conf[.type] = 0.6
                ref.publisher = cleanTitle(last)
                conf[.publisher] = 0.5
            } else {
                ref.type = .article
                conf[.type] = 0.5
                ref.venue = cleanTitle(last)
                conf[.venue] = 0.5
                notes.append("no volume or pages: last sentence taken as the journal")
            }
        } else {
            ref.title = cleanTitle(body)
            conf[.title] = 0.6
            if ref.url != nil { ref.type = .webPage; conf[.type] = 0.6 }
        }
        if thesisWord.firstMatch(in: body) != nil { ref.type = .thesis }
        var status = classify(ref)
        if status == .full, [ReferenceField.title, .year].contains(where: { (conf[$0] ?? 0) < 0.6 }) { status = .partial }
        return ParsedReference(ordinal: 0, reference: ref, confidence: conf, status: status, tails: [], notes: notes)
    }
}
