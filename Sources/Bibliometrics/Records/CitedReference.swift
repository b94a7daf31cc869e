/// One cited reference: a work as another work's reference list prints it.
///
/// Definition: the fields a reference string can be split into, all optional, plus the
/// untouched `raw` string and where it was read (`source`). Importers of every format
/// (plain-text lists, WoS `CR`, Scopus `References`, Crossref `reference`, OpenAlex
/// `referenced_works`) fill what their format gives and leave the rest `nil`; nothing is
/// inferred from outside the record. Matching (``ReferenceMatcher``) works on these
/// fields: the DOI first, then the first author's folded surname, the year and the title.
///
/// Guarantees: a value type; `raw` is never empty for a reference read from text.
public struct CitedReference: Hashable, Sendable, Codable {
    /// The reference exactly as read (wrapped lines joined by one space, tails kept).
    public var raw: String
    /// Where it was read.
    public var source: SourceSpan?
    /// The number printed before the entry in a numbered list, if any.
    public var number: Int?
    /// Authors in printed order; empty when none could be read.
    public var authors: [AuthorName]
    /// `true` when the list was cut short with "et al." (so `authors` is incomplete).
    public var authorsTruncated: Bool
    /// Editors (of a chapter's book, or of an edited book whose editors head the entry).
    public var editors: [AuthorName]
    /// Publication year.
    public var year: Int?
    /// Title of the work itself (the article, chapter, book or page).
    public var title: String?
    /// Journal, or the book a chapter appears in.
    public var venue: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var publisher: String?
    /// Place of publication ("Cambridge", "New York").
    public var place: String?
    public var doi: DOI?
    /// A non-DOI URL printed in the entry.
    public var url: String?
    public var pmid: String?
    public var openAlexID: String?
    public var type: WorkType

    public init(raw: String, source: SourceSpan? = nil, number: Int? = nil, authors: [AuthorName] = [],
                authorsTruncated: Bool = false, editors: [AuthorName] = [], year: Int? = nil,
                title: String? = nil, venue: String? = nil, volume: String? = nil, issue: String? = nil,
                pages: String? = nil, publisher: String? = nil, place: String? = nil, doi: DOI? = nil,
                url: String? = nil, pmid: String? = nil, openAlexID: String? = nil, type: WorkType = .unknown) {
        self.raw = raw
        self.source = source
        self.number = number
        self.authors = authors
        self.authorsTruncated = authorsTruncated
        self.editors = editors
        self.year = year
        self.title = title
        self.venue = venue
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.publisher = publisher
        self.place = place
        self.doi = doi
        self.url = url
        self.pmid = pmid
        self.openAlexID = openAlexID
        self.type = type
    }

    /// The first author, or the first editor when the entry is headed by editors.
    public var firstAuthor: AuthorName? { authors.first ?? editors.first }
}
