import GraphvizRendering

extension ReportFigure {
    /// Renders `dot` with `engine` to SVG, PDF and PNG (Graphviz, in-process).
    /// Byte-identical for the same input (GraphvizRendering guarantees it per format).
    public static func rendered(name: String, title: String, caption: String, dot: DOTGraph, engine: LayoutEngine) throws -> ReportFigure {
        ReportFigure(
            name: name, title: title, caption: caption,
            svg: try GraphvizRenderer.render(dot, engine: engine, format: .svg),
            pdf: try GraphvizRenderer.render(dot, engine: engine, format: .pdf),
            png: try GraphvizRenderer.render(dot, engine: engine, format: .png))
    }
}
