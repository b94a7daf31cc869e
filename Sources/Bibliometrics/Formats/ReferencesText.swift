import Foundation

/// Parser for plain-text reference lists copied out of articles (`--format references-text`).
///
/// Definition: the list is the text after the last heading line `References` (also
/// `Reference list`, `Bibliography`, `Works cited`, `Literature cited`; Markdown `#`
/// allowed), or the whole text when there is none (``SectionMode/auto``). An entry
/// starts at a line prefixed `1.`, `1)`, `[1]`, or a bullet (`•`, `-`, `*`, `–`) with or
/// without a number (`• 12.`, `- 16.`). Following lines are joined to it (wrapped lines),
/// and so is a line after a blank line when the entry is visibly unfinished or the line
/// starts in lower case (a page break inside an entry). Running page heads (`6 Robert et
/// al.`) are reported in ``ReferenceListParse/ignoredLines``. The list ends at the first
/// line after a blank line that is neither an entry start nor a continuation
/// (`Associated Data`). When no line of the section has an entry prefix, a line starts a
/// new entry when it opens like one (names then a year in parentheses, or a surname then
/// initials), is not indented, and follows a line that ends an entry (final `.`, `?`, `]`,
/// `)` or a URL); otherwise it continues the entry — the usual shape of an APA or Harvard
/// list pasted from a PDF. (An unnumbered entry headed by an organisation is therefore
/// joined to the one before; numbered lists have no such limit.)
///
/// Each entry is split into fields by ``ReferencesText/splitFields(_:)``: numbered styles
/// (Vancouver, BMJ, PMC with `[DOI]`-style link tails) and author–date styles (APA,
/// Harvard: `Authors (Year). Title. Journal, Vol(Issue), Pages.`).
///
/// Complexity: O(n) in the text length (regular expressions are applied per entry, on
/// bounded prefixes). Guarantees: pure and deterministic; every entry comes out (an
/// entry that cannot be split is kept whole with status ``ParseStatus/unparsed``); never
/// throws or traps on any input.
public enum ReferencesText {
    /// Where the list is looked for.
    public enum SectionMode: String, Sendable, Codable {
        /// After the last `References`-like heading, else the whole text.
        case auto
        /// The whole text is the list.
        case wholeText
        /// After the last heading only; no heading gives an empty list.
        case afterHeading
    }

    /// The format name used by the CLI and the summary.
    public static let formatName = "references-text"

    private static let headings: Set<String> = ["references", "reference list", "bibliography", "works cited",
                                                "literature cited", "references and notes", "literature"]

    /// Parses the reference list in `text`, read from `file` (used for provenance only).
    public static func parse(_ text: String, file: String, section: SectionMode = .auto) -> ReferenceListParse {
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var heading: Int?
        for (i, line) in lines.enumerated() {
            var t = line.trimmingCharacters(in: .whitespaces)
            while t.hasPrefix("#") { t.removeFirst() }
            t = t.trimmingCharacters(in: CharacterSet(charactersIn: " :")).lowercased()
            if headings.contains(t) { heading = i }
        }
        var start = 0
        switch section {
        case .wholeText: heading = nil
        case .auto: start = heading.map { $0 + 1 } ?? 0
        case .afterHeading:
            guard let h = heading else {
                return assemble(file: file, heading: nil, blocks: [], ignored: [])
            }
            start = h + 1
        }
        let body = Array(lines[start...].enumerated().map { (offset: $0.offset + start + 1, text: $0.element) })
        let (blocks, ignored) = splitEntries(body)
        return assemble(file: file, heading: heading.map { $0 + 1 }, blocks: blocks, ignored: ignored)
    }

    // MARK: - Entry boundaries

    /// A raw entry: its lines (number, text) and the printed number.
    struct Block {
        var lines: [(line: Int, text: String)]
        var number: Int?
        var notes: [String] = []
        /// The first line as printed, prefix included (the raw text of an entry that is only a number).
        var printedFirstLine = ""
    }

    static let startPattern = TextPattern(#"^(?:([•\-\*–·])\s*)?(?:\[(\d{1,4})\]|(\d{1,4})[.)](?![\d]))\s*"#)
    static let bulletPattern = TextPattern(#"^[•\-\*–·]\s+"#)
    static let runningHead = TextPattern(#"^(?:\d{1,4}\s+\p{Lu}[\p{L}'’\-]+(?:\s+(?:et al\.?|and\s+\p{Lu}[\p{L}'’\-]+))?|\p{Lu}[\p{L}'’\-]+(?:\s+et al\.?)?\s+\d{1,4})$"#)

    /// The printed number and the length of the prefix, or nil when the line starts no entry.
    static func entryStart(_ t: String) -> (number: Int?, prefixEnd: String.Index)? {
        if let m = startPattern.firstMatch(in: t, anchored: true) {
            let digits = m.group(2, in: t) ?? m.group(3, in: t)
            return (digits.flatMap { Int($0) }, m.range.upperBound)
        }
        if let m = bulletPattern.firstMatch(in: t, anchored: true) { return (nil, m.range.upperBound) }
        return nil
    }

    static func splitEntries(_ body: [(offset: Int, text: String)]) -> ([Block], [IgnoredLine]) {
        let anyStart = body.contains { entryStart($0.text.trimmingCharacters(in: .whitespaces)) != nil }
        var blocks: [Block] = []
        var ignored: [IgnoredLine] = []
        var sawBlank = false
        var current: Block?
        func flush() { if let c = current { blocks.append(c) }; current = nil }

        for (index, item) in body.enumerated() {
            let t = item.text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { sawBlank = true; continue }
            defer { sawBlank = false }
            let startsLower = t.first.map { $0.isLowercase } ?? false
            if anyStart, let start = entryStart(t) {
                let content = t[start.prefixEnd...]
                let contentLower = content.first.map { $0.isLowercase } ?? false
                if start.number == nil, contentLower, current != nil {
                    current?.lines.append((item.offset, String(content)))
                    current?.notes.append("line \(item.offset) starts with a bullet but in lower case: joined to the entry as its continuation (page break)")
                    continue
                }
                flush()
                current = Block(lines: [(item.offset, String(content))], number: start.number, printedFirstLine: t)
                continue
            }
            let prevBlank = sawBlank
            let nextBlank = index + 1 >= body.count || body[index + 1].text.trimmingCharacters(in: .whitespaces).isEmpty
            if runningHead.firstMatch(in: t, anchored: true) != nil,
               t.contains("et al") || (prevBlank && nextBlank) {
                ignored.append(IgnoredLine(line: item.offset, text: t, reason: "running page head"))
                continue
            }
            if !anyStart {
                // Unnumbered list: a line continues the entry when it is indented, starts in
                // lower case, or the entry's last line is visibly unfinished (no final
                // period, bracket or URL); otherwise it starts a new entry.
                let indented = item.text.first.map { $0 == " " || $0 == "\t" } ?? false
                if let cur = current, indented || startsLower || !looksFinished(cur) || !looksLikeEntryStart(t) {
                    current?.lines.append((item.offset, t))
                } else {
                    flush()
                    current = Block(lines: [(item.offset, t)], number: nil)
                }
                continue
            }
            guard let cur = current else {
                ignored.append(IgnoredLine(line: item.offset, text: t, reason: "before the first entry"))
                continue
            }
            if !prevBlank {
                current?.lines.append((item.offset, t))
            } else if startsLower || looksUnfinished(cur) {
                current?.lines.append((item.offset, t))
                current?.notes.append("line \(item.offset) follows a blank line: joined as a continuation")
            } else {
                // End of the list: the rest of the section is not part of it.
                break
            }
        }
        flush()
        return (blocks, ignored)
    }

    static let authorDateStart = TextPattern(#"^[^()]{1,300}?\((?:19|20)\d{2}[a-z]?(?:,[^)]*)?\)"#)
    static let vancouverStart = TextPattern(#"^\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)*,?\s+(?:\p{Lu}\.\s?)*\p{Lu}{1,4}\.?[,.\s]"#)

    /// A line that opens like an entry: names and a year in parentheses (author–date), or a
    /// surname followed by initials (Vancouver). Used only for unnumbered lists.
    static func looksLikeEntryStart(_ t: String) -> Bool {
        authorDateStart.firstMatch(in: t, anchored: true) != nil || vancouverStart.firstMatch(in: t, anchored: true) != nil
    }

    /// An entry whose last line ends with `.`, `?`, `!`, `]` or `)`, or with a URL or DOI.
    static func looksFinished(_ block: Block) -> Bool {
        guard let last = block.lines.last?.text.trimmingCharacters(in: .whitespaces), let c = last.last else { return true }
        if let token = last.split(separator: " ").last, token.contains("/") { return true }
        return ".?!])".contains(c)
    }

    /// An entry whose last line ends in a letter, comma, colon, semicolon or hyphen (and not
    /// in a URL) has been cut by a page break.
    static func looksUnfinished(_ block: Block) -> Bool {
        guard let last = block.lines.last?.text.trimmingCharacters(in: .whitespaces), let c = last.last else { return false }
        if let token = last.split(separator: " ").last, token.contains("/") { return false }
        return c.isLetter || ",;:-".contains(c)
    }

    // MARK: - Assembly

    static func assemble(file: String, heading: Int?, blocks: [Block], ignored: [IgnoredLine]) -> ReferenceListParse {
        var entries: [ParsedReference] = []
        var counts = ImportSummary.ParseCounts()
        var unparsed: [ImportSummary.UnparsedEntry] = []
        for (i, block) in blocks.enumerated() {
            var joined = ""
            for line in block.lines {
                let t = line.text.trimmingCharacters(in: .whitespaces)
                if joined.isEmpty { joined = t; continue }
                if joined.hasSuffix("-"), t.first.map({ $0.isLowercase }) ?? false { joined += t } else { joined += " " + t }
            }
            let span = SourceSpan(file: file, firstLine: block.lines.first?.line ?? 0, lastLine: block.lines.last?.line ?? 0)
            var parsed = splitFields(joined)
            if joined.isEmpty {
                // Only a number or bullet was printed: keep that as the entry's text.
                parsed.reference.raw = block.printedFirstLine
                joined = block.printedFirstLine
            }
            parsed.ordinal = i + 1
            parsed.reference.source = span
            parsed.reference.number = block.number
            parsed.notes = block.notes + parsed.notes
            if let n = block.number, n != i + 1 {
                parsed.notes.append("printed number \(n) is not the entry's position \(i + 1)")
            }
            switch parsed.status {
            case .full: counts.fully += 1
            case .partial: counts.partly += 1
            case .unparsed:
                counts.notAtAll += 1
                unparsed.append(.init(source: span.description, text: joined))
            }
            entries.append(parsed)
        }
        let summary = ImportSummary(format: formatName, records: 1, references: entries.count, skipped: 0,
                                    duplicates: 0, matched: .init(unmatched: entries.count),
                                    parsed: counts, unparsed: unparsed)
        return ReferenceListParse(file: file, heading: heading, firstLine: entries.first?.reference.source?.firstLine,
                                  lastLine: entries.last?.reference.source?.lastLine, entries: entries,
                                  ignoredLines: ignored, summary: summary)
    }
}

extension ReferenceListParse {
    init(file: String, heading: Int?, firstLine: Int?, lastLine: Int?, entries: [ParsedReference],
         ignoredLines: [IgnoredLine], summary: ImportSummary) {
        self.init(file: file, headingLine: heading, firstLine: firstLine, lastLine: lastLine,
                  entries: entries, ignoredLines: ignoredLines, summary: summary)
    }
}
