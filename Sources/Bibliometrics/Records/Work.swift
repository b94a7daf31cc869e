/// A work (article, book, chapter, report, web page): a node of a citation network.
///
/// Definition: `id` is the dataset's stable node id; the bibliographic fields are those of
/// ``CitedReference`` without the list-specific ones. A work is either a citing record
/// (a document whose reference list was read) or built from one or more cited references
/// that matching merged (``ReferenceMatcher``); `sources` lists every record it came from.
public struct Work: Hashable, Sendable, Codable {
    public var id: String
    public var authors: [AuthorName]
    public var year: Int?
    public var title: String?
    public var venue: String?
    public var volume: String?
    public var issue: String?
    public var pages: String?
    public var publisher: String?
    public var doi: DOI?
    public var url: String?
    public var pmid: String?
    public var openAlexID: String?
    public var type: WorkType
    /// Every record this work was read from (seed file and line, export record, …).
    public var sources: [SourceSpan]

    public init(id: String, authors: [AuthorName] = [], year: Int? = nil, title: String? = nil,
                venue: String? = nil, volume: String? = nil, issue: String? = nil, pages: String? = nil,
                publisher: String? = nil, doi: DOI? = nil, url: String? = nil, pmid: String? = nil,
                openAlexID: String? = nil, type: WorkType = .unknown, sources: [SourceSpan] = []) {
        self.id = id
        self.authors = authors
        self.year = year
        self.title = title
        self.venue = venue
        self.volume = volume
        self.issue = issue
        self.pages = pages
        self.publisher = publisher
        self.doi = doi
        self.url = url
        self.pmid = pmid
        self.openAlexID = openAlexID
        self.type = type
        self.sources = sources
    }

    /// A work from a cited reference (same fields; `sources` = the reference's source).
    public init(id: String, reference r: CitedReference) {
        self.init(id: id, authors: r.authors.isEmpty ? r.editors : r.authors, year: r.year, title: r.title,
                  venue: r.venue, volume: r.volume, issue: r.issue, pages: r.pages, publisher: r.publisher,
                  doi: r.doi, url: r.url, pmid: r.pmid, openAlexID: r.openAlexID, type: r.type,
                  sources: r.source.map { [$0] } ?? [])
    }

    /// The work as a reference (for matching works against references).
    public var asReference: CitedReference {
        CitedReference(raw: [authors.first?.display, year.map(String.init), title].compactMap { $0 }.joined(separator: ". "),
                       source: sources.first, authors: authors, year: year, title: title, venue: venue,
                       volume: volume, issue: issue, pages: pages, publisher: publisher, doi: doi, url: url,
                       pmid: pmid, openAlexID: openAlexID, type: type)
    }
}
