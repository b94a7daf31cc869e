/// A figure built as a ``DOTGraph`` plus the caption and engine to draw it with, so
/// reports can treat every figure alike (``PartitionNetworkFigure``, ``QuotientFigure``).
public protocol GraphvizFigure: Sendable {
    /// The figure as DOT (pure Swift; testable without Graphviz).
    var dotGraph: DOTGraph { get }
    /// Caption text for the report: what is drawn, any reduction, the encoding.
    var caption: String { get }
    /// The layout engine the figure is meant for.
    var engine: LayoutEngine { get }
}

extension GraphvizFigure {
    /// Renders the figure with ``GraphvizRenderer``: byte-identical for the same figure,
    /// format and resolution. Serialised with every other Graphviz call in the process.
    /// - Throws: ``GraphvizError``.
    public func render(format: FigureFormat, pngDPI: Int = GraphvizRenderer.defaultPNGDPI) throws(GraphvizError) -> [UInt8] {
        try GraphvizRenderer.render(dotGraph, engine: engine, format: format, pngDPI: pngDPI)
    }
}

extension PartitionNetworkFigure: GraphvizFigure {}
extension QuotientFigure: GraphvizFigure {}
