import GraphvizRendering

extension ReportFigure {
    /// Renders `dot` with `engine` to SVG, PDF and PNG (Graphviz, in-process).
    /// Byte-identical for the same input (GraphvizRendering guarantees it per format).
    public static func rendered(name: String, title: String, caption: String, dot: DOTGraph, engine: LayoutEngine) throws -> ReportFigure {
        let files = try GraphvizRenderer.render(dot, engine: engine, formats: [.svg, .pdf, .png])
        return ReportFigure(name: name, title: title, caption: caption, svg: files[0], pdf: files[1], png: files[2])
    }
}
