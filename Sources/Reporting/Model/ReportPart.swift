/// What one section of a report contributes: the report sections it writes (usually
/// one), the methods it used (in methods-paragraph order; the report de-duplicates them by
/// key), paragraphs of the methods text of its own (after the shared paragraph) and its
/// rows of the parameters table. Reports are assembled from parts, so that a section's
/// prose, methods and parameters travel together.
public struct ReportPart: Sendable {
    public var sections: [ReportSection]
    public var methods: [Method]
    public var parameters: [(String, String)]
    /// Whole paragraphs of the methods text (e.g. the network report's main path
    /// analysis), written after the paragraph built from ``methods``; their references
    /// travel as methods with an empty sentence.
    public var methodParagraphs: [String]

    public init(_ sections: [ReportSection] = [], methods: [Method] = [], parameters: [(String, String)] = [],
                methodParagraphs: [String] = []) {
        self.sections = sections
        self.methods = methods
        self.parameters = parameters
        self.methodParagraphs = methodParagraphs
    }
}
