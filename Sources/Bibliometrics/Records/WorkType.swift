/// The kind of a work or cited reference, as far as the record shows it.
///
/// Parsers guess it from the shape of the record (a `Year;Volume:Pages` citation means
/// an article, `In: … (eds.)` a chapter, `Place: Publisher, Year` a book or report, a
/// bare URL a web page); the guess carries its own confidence in the parser's output.
public enum WorkType: String, Hashable, Sendable, Codable, CaseIterable {
    case article
    case book
    case chapter
    case report
    case thesis
    case webPage = "web-page"
    case unknown
}
