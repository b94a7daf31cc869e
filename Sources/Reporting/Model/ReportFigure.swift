/// A rendered figure of a report, in every output format, plus its caption.
public struct ReportFigure: Sendable, Equatable {
    /// File stem (`[a-z0-9-]`), unique within a report: `figures/<name>.{svg,pdf,png}`.
    public var name: String
    public var title: String
    public var caption: String
    public var svg: [UInt8]
    public var pdf: [UInt8]
    public var png: [UInt8]
    /// Data that makes the figure explorable in `index.html` (pan, zoom, search, hover,
    /// legend toggles); `nil` for a static figure.
    public var map: InteractiveMap?
    /// The network behind the figure, written beside it as `figures/<name>.gexf` (Gephi)
    /// and `figures/<name>.vosviewer.json` (VOSviewer Online) and linked from it.
    public var network: ExportNetwork?

    public init(name: String, title: String, caption: String, svg: [UInt8], pdf: [UInt8], png: [UInt8]) {
        self.name = name
        self.title = title
        self.caption = caption
        self.svg = svg
        self.pdf = pdf
        self.png = png
    }
}
