/// A whole report for one dataset: the model every writer (Markdown, HTML, CSV, JSON)
/// renders. Pure data; building it is the analyses' job, writing it the writers'.
public struct Report: Sendable {
    /// Dataset name (the folder name under `Reports/`).
    public var name: String
    public var title: String
    /// Where the data comes from, as the dataset states it.
    public var source: String
    public var sections: [ReportSection]
    /// Parameters and seeds used, in display order (`key`, `value`).
    public var parameters: [(String, String)]
    /// The generated methods paragraph(s).
    public var methods: [String]
    /// Works cited by the methods text, formatted, with DOI.
    public var references: [String]
    /// The machine-readable metrics (written as `metrics.json`), already encoded.
    public var metricsJSON: [UInt8]

    public init(name: String, title: String, source: String, sections: [ReportSection] = [],
                parameters: [(String, String)] = [], methods: [String] = [], references: [String] = [],
                metricsJSON: [UInt8] = []) {
        self.name = name
        self.title = title
        self.source = source
        self.sections = sections
        self.parameters = parameters
        self.methods = methods
        self.references = references
        self.metricsJSON = metricsJSON
    }

    /// Every table of every section, in order.
    public var allTables: [ReportTable] { sections.flatMap { $0.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } } } }
    /// Every figure of every section, in order.
    public var allFigures: [ReportFigure] { sections.flatMap { $0.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } } } }
}

/// A section of a report: a heading and a sequence of blocks.
public struct ReportSection: Sendable {
    public var title: String
    public var blocks: [ReportBlock]
    public init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// A block of a section.
public enum ReportBlock: Sendable {
    /// A paragraph of plain text (escaped by each writer).
    case paragraph(String)
    /// A bulleted list of plain-text items.
    case bullets([String])
    case table(ReportTable)
    case figure(ReportFigure)
}
