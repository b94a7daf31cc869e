/// A field of a cited reference, for per-field confidence.
public enum ReferenceField: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    case authors, editors, year, title, venue, volume, issue, pages, publisher, place, doi, url, type
}

/// How completely an entry was split (see ``ImportSummary/ParseCounts``).
public enum ParseStatus: String, Hashable, Sendable, Codable {
    /// Authors, title, year and the source field of the guessed type (venue for articles
    /// and chapters, publisher for books and reports, URL for web pages) were all found.
    case full
    /// At least one field was found, not all of the above.
    case partial
    /// No field could be split; the entry is kept whole in `reference.raw`.
    case unparsed
}

/// One entry of a plain-text reference list, split into fields.
///
/// Definition: `reference` holds the fields (with `raw` = the entry as printed, wrapped
/// lines joined, and `source` = file and line range); `confidence` gives, for every field
/// that was filled, a number in (0, 1] saying how the parser found it (1 = an explicit
/// label such as `DOI:`; ~0.9 = a strong pattern such as `Year;Vol(Issue):Pages`; ≤ 0.6 =
/// a fallback guess). Fields not found have no entry. `notes` explain repairs (a DOI
/// printed with a space, a line joined across a page break) and doubts.
public struct ParsedReference: Hashable, Sendable, Codable {
    /// 1-based position in the list (independent of the printed number).
    public var ordinal: Int
    public var reference: CitedReference
    public var confidence: [ReferenceField: Double]
    public var status: ParseStatus
    /// Link tails printed after the entry (`DOI`, `PMC free article`, `PubMed`, `Google Scholar`, `CrossRef`).
    public var tails: [String]
    public var notes: [String]

    public init(ordinal: Int, reference: CitedReference, confidence: [ReferenceField: Double],
                status: ParseStatus, tails: [String] = [], notes: [String] = []) {
        self.ordinal = ordinal
        self.reference = reference
        self.confidence = confidence
        self.status = status
        self.tails = tails
        self.notes = notes
    }
}

/// A line inside the reference section that belongs to no entry (a running page head
/// such as `6 Robert et al.`, or text before the first entry), reported, not dropped silently.
public struct IgnoredLine: Hashable, Sendable, Codable {
    public var line: Int
    public var text: String
    public var reason: String

    public init(line: Int, text: String, reason: String) {
        self.line = line
        self.text = text
        self.reason = reason
    }
}

/// The result of parsing one plain-text reference list.
public struct ReferenceListParse: Equatable, Sendable, Codable {
    public var file: String
    /// The line of the `References` heading the list follows, when one was found.
    public var headingLine: Int?
    /// The first and last line of the list, when it has entries.
    public var firstLine: Int?
    public var lastLine: Int?
    /// Every entry, in list order. None is ever dropped.
    public var entries: [ParsedReference]
    public var ignoredLines: [IgnoredLine]
    /// The ARCHITECTURE.md §6 import summary with the parse counts (`matched.unmatched` = all
    /// entries: a lone list is not matched against anything).
    public var summary: ImportSummary

    public init(file: String, headingLine: Int?, firstLine: Int?, lastLine: Int?,
                entries: [ParsedReference], ignoredLines: [IgnoredLine], summary: ImportSummary) {
        self.file = file
        self.headingLine = headingLine
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.entries = entries
        self.ignoredLines = ignoredLines
        self.summary = summary
    }
}
