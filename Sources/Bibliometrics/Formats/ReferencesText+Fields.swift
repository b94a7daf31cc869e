import Foundation

extension ReferencesText {
    // MARK: Patterns (constants)

    private static let whitespaceRun = TextPattern(#"\s+"#)
    private static let tailPattern = TextPattern(#"\s*\[(DOI|PMC free article|Google Scholar|PubMed|CrossRef|Crossref|Ref list|Web of Science|Scopus)\]\s*$"#, caseInsensitive: true)
    private static let doiLabel = TextPattern(#"(?:https?://\s*(?:dx\.)?doi\.org/\s*|\bdoi:\s*|\bDOI\s+)(?=10\.)"#, caseInsensitive: true)
    private static let bareDOI = TextPattern(#"(?<![\w/.])10\.\d{4,9}(?:\.\d+)*/"#)
    private static let urlPattern = TextPattern(#"https?://\S+"#)
    private static let accessed = TextPattern(#"\s*\((?:accessed|cited|viewed)[^)]*\)"#, caseInsensitive: true)
    private static let author = TextPattern(#"(?:and\s+|&\s*)?((?:(?:van|von|de|der|den|del|da|di|du|la|le|ten|ter)\s+)*\p{Lu}[\p{L}'’\-]*(?:\s+(?:(?:van|von|de|der|den|del|da|di|du|la|le|ten|ter)\s+)*\p{Lu}[\p{L}'’\-]*)*?)\s+(\p{Lu}{1,4}(?:-\p{Lu})?)(?=[\s,.;(]|$)"#)
    private static let etAl = TextPattern(#"\s*,?\s*et al\.?(?:\s*\.)?\s*"#)
    private static let editorsMark = TextPattern(#"\s*\((?:eds?|editors?)\.?\)\.?,?\s*"#, caseInsensitive: true)
    private static let authorSeparator = TextPattern(#"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)"#)
    private static let articleAnchor = TextPattern(#"(?<=[\s.])((?:19|20)\d{2})[a-z]?(?:\s*\([^)]*\))?\s*;\s*(\d+[A-Za-z]?(?:\s+Suppl(?:\s*\d+)?)?)\s*(?:\(([^)]+)\))?\s*(?::\s*([^\s.;,\[]+))?"#)
    private static let yearPagesAnchor = TextPattern(#"(?<=[^,;]\s)((?:19|20)\d{2})\s*:\s*(\d[\d–\-]*)"#)
    private static let imprintTail = TextPattern(#"^(.*?)[;,]\s*((?:19|20)\d{2})[a-z]?(?:\s*:\s*([\w–\-]+))?\s*\.?$"#)
    private static let leadingYear = TextPattern(#"^((?:19|20)\d{2})[a-z]?\s*(?:[;,.:]\s*(.*?))?\.?$"#)
    private static let anyYear = TextPattern(#"(?<!\d)((?:19|20)\d{2})(?!\d)"#)
    private static let chapterIn = TextPattern(#"(?:^|[.?!]\s+|\s)In:\s*"#)
    private static let chapterColon = TextPattern(#"\s:\s(?=\p{Lu}[\p{L}'’\-]+\s+\p{Lu}{1,3}[,\s])"#)
    static let sentenceBreak = TextPattern(#"(?<=[.?!])\s+(?=[\p{Lu}\p{N}‘'“"(\[])"#)
    static let thesisWord = TextPattern(#"\b(?:thesis|dissertation)\b"#, caseInsensitive: true)
    private static let reportWords = TextPattern(#"\b(?:report|guidance|strategy|checklist|framework|plan|act)\b"#, caseInsensitive: true)
    private static let bookWords = TextPattern(#"\b(Press|Springer|Routledge|Palgrave|SAGE|Sage|Publishing|Publications|Publishers?|Wiley|Macmillan|Taylor & Francis|Elsevier|Blackwell|Jossey|Polity|Essential)\b"#)

    /// Every pattern used by the parser; the tests check they all compiled.
    static var allPatternsValid: Bool {
        [whitespaceRun, tailPattern, doiLabel, bareDOI, urlPattern, accessed, author, etAl, editorsMark, authorSeparator,
         articleAnchor, yearPagesAnchor, thesisWord, reportWords, imprintTail, leadingYear, anyYear, chapterIn, chapterColon,
         sentenceBreak, bookWords, startPattern, bulletPattern, runningHead, authorDateStart, vancouverStart].allSatisfy(\.isValid)
    }

    /// Splits one entry (its number prefix already removed) into fields.
    ///
    /// Order: link tails and `(accessed …)` notes; the DOI (labelled `DOI:`, `doi:`,
    /// `https://doi.org/`, or bare `10.NNNN/…`; a DOI broken by one space where the PDF
    /// wrapped it is re-joined, with a note); other URLs; the author list (`Surname
    /// Initials` items separated by commas or `and`, ended by `.`, `et al.` or
    /// `(eds.)`; otherwise the first sentence as a corporate author); then, in that order,
    /// a chapter (`In:`), an article (`Year;Volume(Issue):Pages`, the venue being the last
    /// sentence before it), a book or report (`Place: Publisher; Year`), a web page (a URL
    /// and nothing else). O(n) in the entry length; pure.
    public static func splitFields(_ entry: String) -> ParsedReference {
        var notes: [String] = []
        var conf: [ReferenceField: Double] = [:]
        var ref = CitedReference(raw: entry)

        // Markdown emphasis and doubled periods from "et al. ." are layout, not content.
        var s = entry.replacingOccurrences(of: "*", with: "")
        s = s.replacingOccurrences(of: "\u{00A0}", with: " ")
        s = whitespaceRun.replacing(in: s, with: " ").trimmingCharacters(in: .whitespaces)

        // 1. Tails.
        var tails: [String] = []
        while let m = tailPattern.firstMatch(in: s) {
            tails.insert(m.group(1, in: s) ?? "", at: 0)
            s.removeSubrange(m.range)
        }
        s = accessed.replacing(in: s, with: "")

        // 2. DOI.
        if let (doi, printed, range) = findDOI(in: s) {
            ref.doi = doi
            conf[.doi] = printed.contains(" ") ? 0.8 : (s[range].lowercased().hasPrefix("10.") ? 0.95 : 1.0)
            if printed.contains(" ") { notes.append("DOI printed with a space, re-joined: '\(printed)'") }
            s.removeSubrange(range)
        }
        // 3. URLs.
        for m in urlPattern.matches(in: s).reversed() {
            var url = String(s[m.range])
            while let last = url.last, ".,;)".contains(last) { url.removeLast() }
            ref.url = url  // matches run backwards: the first URL printed wins
            s.removeSubrange(m.range)
        }
        if ref.url != nil { conf[.url] = 1.0 }
        s = whitespaceRun.replacing(in: s, with: " ")
        s = s.replacingOccurrences(of: ". .", with: ".")
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: " ."))

        // 3b. Author–date styles (APA, Harvard): "Authors (2019). Title. Journal, 3(4), 5–6."
        if let apa = splitAuthorDate(s, ref: ref, conf: conf) {
            var result = apa
            result.tails = tails
            result.notes = notes + result.notes
            return result
        }

        // 4. Authors.
        let (authors, truncated, areEditors, afterAuthors, authorConfidence) = splitAuthors(s)
        let rest = String(s[afterAuthors...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
        if !authors.isEmpty {
            if areEditors { ref.editors = authors; conf[.editors] = authorConfidence } else { ref.authors = authors; conf[.authors] = authorConfidence }
            ref.authorsTruncated = truncated
        }

        // 5. Body.
        let isThesis = thesisWord.firstMatch(in: rest) != nil
        if let m = chapterIn.firstMatch(in: rest) ?? chapterColon.firstMatch(in: rest) {
            // Chapter: "Title. In: Editors (eds.), Book. Place: Publisher; Year: pages."
            ref.type = .chapter
            conf[.type] = 0.9
            ref.title = cleanTitle(String(rest[..<m.range.lowerBound]))
            if ref.title != nil { conf[.title] = 0.85 }
            let container = String(rest[m.range.upperBound...])
            let (eds, _, _, afterEds, edConf) = splitAuthors(container)
            if !eds.isEmpty { ref.editors = eds; conf[.editors] = edConf }
            let book = String(container[afterEds...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,"))
            var sentences = splitSentences(book)
            if let imprintIndex = sentences.lastIndex(where: { imprintTail.firstMatch(in: $0) != nil }) {
                applyImprint(sentences[imprintIndex], to: &ref, conf: &conf)
                sentences.removeSubrange(imprintIndex...)
            }
            if !sentences.isEmpty { ref.venue = cleanTitle(sentences.joined(separator: " ")); conf[.venue] = 0.8 }
        } else if let m = articleMatch(in: rest) {
            ref.type = .article
            conf[.type] = 0.9
            let isFull = m.groups.count > 4
            ref.year = m.group(1, in: rest).flatMap { Int($0) }
            conf[.year] = 0.95
            if isFull {
                if let v = m.group(2, in: rest) { ref.volume = v; conf[.volume] = 0.95 }
                if let i = m.group(3, in: rest) { ref.issue = i; conf[.issue] = 0.95 }
                if let p = m.group(4, in: rest) { ref.pages = p; conf[.pages] = 0.95 }
            } else if let p = m.group(2, in: rest) {
                ref.pages = p
                conf[.pages] = 0.8
            }
            let prefix = String(rest[..<m.range.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let sentences = splitSentences(prefix)
            if sentences.count >= 2, let venue = sentences.last {
                ref.venue = venue.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
                conf[.venue] = 0.85
                ref.title = cleanTitle(sentences.dropLast().joined(separator: " "))
                conf[.title] = 0.9
            } else if let only = sentences.first {
                ref.title = cleanTitle(only)
                conf[.title] = 0.4
                notes.append("title and journal could not be told apart")
            }
        } else {
            var sentences = splitSentences(rest)
            var imprintFound = false
            if let imprintIndex = sentences.lastIndex(where: { imprintTail.firstMatch(in: $0) != nil || leadingYear.firstMatch(in: $0) != nil }) {
                let sentence = sentences[imprintIndex]
                if let y = leadingYear.firstMatch(in: sentence) {
                    ref.year = y.group(1, in: sentence).flatMap { Int($0) }
                    conf[.year] = 0.8
                    sentences.remove(at: imprintIndex)
                    if let extra = y.group(2, in: sentence), !extra.isEmpty { notes.append("after the year: '\(extra)'") }
                } else if imprintIndex == 0 {
                    // "Title; 2021." or "Title: Publisher; 1988." — no separate title sentence.
                    if let m = imprintTail.firstMatch(in: sentence) {
                        ref.year = m.group(2, in: sentence).flatMap { Int($0) }
                        conf[.year] = 0.85
                        let head = m.group(1, in: sentence) ?? ""
                        if let colon = head.range(of: ": ", options: .backwards),
                           bookWords.firstMatch(in: String(head[colon.upperBound...])) != nil {
                            ref.title = cleanTitle(String(head[..<colon.lowerBound]))
                            ref.publisher = String(head[colon.upperBound...])
                            conf[.publisher] = 0.5
                            conf[.title] = 0.5
                        } else {
                            ref.title = cleanTitle(head)
                            conf[.title] = 0.7
                        }
                    }
                    sentences.remove(at: 0)
                    imprintFound = ref.publisher != nil
                } else {
                    applyImprint(sentence, to: &ref, conf: &conf)
                    sentences.removeSubrange(imprintIndex...)
                    imprintFound = true
                }
            }
            let linkedToIndex = tails.contains { ["doi", "pubmed", "pmc free article"].contains($0.lowercased()) }
            var venueOnly = false
            if ref.year == nil, !imprintFound, ref.url == nil, sentences.count >= 2, linkedToIndex,
               let last = sentences.last, last.split(separator: " ").count <= 6 {
                // "Title. Journal. [DOI] [PubMed]": an article printed without year or volume.
                ref.venue = cleanTitle(last)
                conf[.venue] = 0.5
                sentences.removeLast()
                venueOnly = true
                notes.append("no year or volume printed; last sentence taken as the journal")
            }
            if ref.title == nil, !sentences.isEmpty {
                ref.title = cleanTitle(sentences.joined(separator: " "))
                conf[.title] = imprintFound ? 0.75 : 0.5
            }
            if ref.year == nil, let y = anyYear.matches(in: rest).last {
                ref.year = y.group(1, in: rest).flatMap { Int($0) }
                conf[.year] = 0.5
                notes.append("year taken from the text without a citation pattern")
            }
            if venueOnly {
                ref.type = .article
                conf[.type] = 0.5
            } else if isThesis {
                ref.type = .thesis
                conf[.type] = 0.8
            } else if imprintFound {
                let publisherText = (ref.place ?? "") + " " + (ref.publisher ?? "")
                let bookLike = bookWords.firstMatch(in: publisherText) != nil || areEditors
                    || (ref.doi?.value.hasPrefix("10.1007/978") ?? false)
                ref.type = bookLike ? .book : .report
                conf[.type] = bookLike ? 0.75 : 0.6
            } else if let url = ref.url {
                let reportLike = url.lowercased().contains(".pdf") || reportWords.firstMatch(in: ref.title ?? "") != nil
                ref.type = reportLike ? .report : .webPage
                conf[.type] = 0.6
            } else if ref.title != nil, ref.year != nil, ref.authors.first?.isOrganisation ?? false {
                ref.type = .report
                conf[.type] = 0.5
            } else if ref.doi != nil, ref.title != nil {
                ref.type = .unknown
            }
        }
        if ref.type == .article, isThesis { ref.type = .thesis }

        var status = classify(ref)
        if status == .full, [ReferenceField.title, .year].contains(where: { (conf[$0] ?? 0) < 0.6 }) { status = .partial }
        return ParsedReference(ordinal: 0, reference: ref, confidence: conf, status: status, tails: tails, notes: notes)
    }

    // MARK: Pieces

    /// The `Year;Volume(Issue):Pages` citation, or `Year:Pages`; a "volume" that is itself a
    /// year with nothing after it (`Care Act 2014; 2014.`) is an imprint, not an article.
    static func articleMatch(in rest: String) -> TextPattern.Match? {
        if let m = articleAnchor.firstMatch(in: rest) {
            let vol = m.group(2, in: rest) ?? ""
            let yearLike = vol.count == 4 && (vol.hasPrefix("19") || vol.hasPrefix("20")) && vol.allSatisfy(\.isNumber)
            if !(yearLike && m.group(3, in: rest) == nil && m.group(4, in: rest) == nil) { return m }
        }
        return yearPagesAnchor.firstMatch(in: rest)
    }

    /// Finds the DOI: its value, the text as printed, and the range to remove (label included).
    static func findDOI(in s: String) -> (DOI, String, Range<String.Index>)? {
        var labelStart: String.Index
        var doiStart: String.Index
        if let m = doiLabel.firstMatch(in: s) {
            labelStart = m.range.lowerBound
            doiStart = m.range.upperBound
        } else if let m = bareDOI.firstMatch(in: s) {
            labelStart = m.range.lowerBound
            doiStart = m.range.lowerBound
        } else { return nil }
        // Extend over the DOI token, re-joining pieces split by one space when the DOI
        // is the last thing in the entry (a PDF line break inside it).
        let region = s[doiStart...]
        let tokens = region.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = tokens.first else { return nil }
        var printed = String(first)
        var end = first.endIndex
        let rest = tokens.dropFirst()
        let doiChars = CharacterSet(charactersIn: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./-_()")
        func doiLike(_ t: Substring) -> Bool {
            t.unicodeScalars.allSatisfy { doiChars.contains($0) } && t.contains(where: \.isNumber)
        }
        if let next = rest.first, rest.count == 1, doiLike(next),
           printed.hasSuffix(".") || printed.hasSuffix("/") || next.allSatisfy(\.isNumber) {
            printed += " " + next
            end = next.endIndex
        }
        let joined = printed.replacingOccurrences(of: " ", with: "")
        guard let doi = DOI(joined) else { return nil }
        _ = labelStart
        return (doi, printed, labelStart..<end)
    }

    /// Reads `Surname Initials` items from the start of `s`.
    /// Returns the names, whether "et al." cut the list, whether they are editors, where the
    /// list ends, and a confidence.
    static func splitAuthors(_ s: String) -> ([AuthorName], Bool, Bool, String.Index, Double) {
        var names: [AuthorName] = []
        var pos = s.startIndex
        var truncated = false
        var editors = false
        var endedCleanly = false
        while pos < s.endIndex, let m = author.firstMatch(in: s, from: pos, anchored: true) {
            let family = m.group(1, in: s) ?? ""
            let initials = (m.group(2, in: s) ?? "").replacingOccurrences(of: ".", with: "")
            names.append(AuthorName(family: family, initials: initials))
            pos = m.range.upperBound
            if let e = etAl.firstMatch(in: s, from: pos, anchored: true) {
                truncated = true
                pos = e.range.upperBound
                endedCleanly = true
                break
            }
            if let e = editorsMark.firstMatch(in: s, from: pos, anchored: true) {
                editors = true
                pos = e.range.upperBound
                endedCleanly = true
                break
            }
            if pos < s.endIndex, s[pos] == "." {
                pos = s.index(after: pos)
                endedCleanly = true
                break
            }
            if let sep = authorSeparator.firstMatch(in: s, from: pos, anchored: true),
               author.firstMatch(in: s, from: sep.range.upperBound, anchored: true) != nil {
                pos = sep.range.upperBound
                continue
            }
            if pos < s.endIndex, s[pos] == "," { pos = s.index(after: pos) }
            break
        }
        if !names.isEmpty {
            return (names, truncated, editors, pos, endedCleanly ? 0.95 : 0.6)
        }
        // Corporate author: the first sentence, when it is short and more text follows.
        if let m = sentenceBreak.firstMatch(in: s) {
            let head = s[..<m.range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let words = head.split(separator: " ").count
            if words >= 1, words <= 8, !head.hasSuffix("?"), !head.contains(":") {
                return ([AuthorName(family: head, isOrganisation: true)], false, false, m.range.upperBound, 0.6)
            }
        }
        return ([], false, false, s.startIndex, 0)
    }

    /// Splits at sentence ends (`.`, `?`, `!` followed by a space and a capital, digit or
    /// quote); keeps `?` and `!`, drops the final `.`.
    static func splitSentences(_ s: String) -> [String] {
        var out: [String] = []
        var start = s.startIndex
        for m in sentenceBreak.matches(in: s) {
            out.append(String(s[start..<m.range.lowerBound]))
            start = m.range.upperBound
        }
        out.append(String(s[start...]))
        return out.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "." }
    }

    /// `Place: Publisher; Year[: pages]` or `Publisher, Year`.
    static func applyImprint(_ sentence: String, to ref: inout CitedReference, conf: inout [ReferenceField: Double]) {
        guard let m = imprintTail.firstMatch(in: sentence) else { return }
        ref.year = m.group(2, in: sentence).flatMap { Int($0) }
        conf[.year] = 0.9
        if let p = m.group(3, in: sentence) { ref.pages = p; conf[.pages] = 0.7 }
        let head = (m.group(1, in: sentence) ?? "").trimmingCharacters(in: .whitespaces)
        if let colon = head.range(of: ": ") ?? head.range(of: ":") {
            ref.place = String(head[..<colon.lowerBound]).trimmingCharacters(in: .whitespaces)
            ref.publisher = String(head[colon.upperBound...]).trimmingCharacters(in: .whitespaces)
            conf[.place] = 0.85
            conf[.publisher] = 0.85
        } else if !head.isEmpty {
            ref.publisher = head
            conf[.publisher] = 0.7
        }
    }

    static func cleanTitle(_ s: String) -> String? {
        var t = s.trimmingCharacters(in: .whitespaces)
        while t.hasSuffix(".") || t.hasSuffix(",") { t.removeLast(); t = t.trimmingCharacters(in: .whitespaces) }
        // Text without a letter or digit ("???") is not a title.
        return t.contains(where: { $0.isLetter || $0.isNumber }) ? t : nil
    }

    static func classify(_ r: CitedReference) -> ParseStatus {
        let hasAuthors = !r.authors.isEmpty || !r.editors.isEmpty
        if !hasAuthors, r.title == nil, r.year == nil, r.doi == nil, r.url == nil { return .unparsed }
        guard hasAuthors, r.title != nil, r.year != nil else { return .partial }
        switch r.type {
        case .article, .chapter: return r.venue != nil ? .full : .partial
        case .book: return r.publisher != nil ? .full : .partial
        case .report:
            // A corporate author of a report is its publisher.
            return r.publisher != nil || (r.authors.first?.isOrganisation ?? false) ? .full : .partial
        case .webPage: return r.url != nil ? .full : .partial
        case .thesis: return .full
        case .unknown: return .partial
        }
    }
}
