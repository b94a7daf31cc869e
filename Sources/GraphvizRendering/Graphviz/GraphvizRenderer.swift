/// Renders DOT text to SVG, PDF or PNG bytes in-process through libgraphviz.
///
/// Thread safety: safe to call from any thread or task; all Graphviz work is serialised
/// through one process-wide lock (Graphviz itself is not thread-safe), so concurrent
/// calls run one after another.
///
/// Determinism: the same DOT text, engine, format and resolution give byte-identical
/// output across calls and processes — libc `rand()` is re-seeded before every layout
/// (for `sfdp`), the PDF creation date is replaced by a fixed one and real-number
/// operands in its content streams are rounded to 0.001 pt (``PDFNormalizer``), and the name
/// Graphviz invents for an anonymous graph (`digraph { … }` becomes `%3`, `%325`, … from
/// a process-wide counter) is written as `%0` in SVG. `fdp` is the
/// exception: it is not reproducible within a process (ARCHITECTURE.md §5).
public struct GraphvizRenderer: Sendable {
    /// The PNG resolution used when none is given: 144 dpi (2× screen), sharp on
    /// high-density displays and in slides. SVG and PDF are vector and ignore it.
    public static let defaultPNGDPI = 144

    /// Output and the diagnostics Graphviz printed while producing it.
    public struct Output: Sendable, Equatable {
        /// The rendered file's bytes.
        public let bytes: [UInt8]
        /// Graphviz warnings (and non-fatal errors), one per line, in emission order.
        public let diagnostics: [String]
    }

    /// Renders `dot` and returns the file's bytes.
    ///
    /// - Parameters:
    ///   - dot: DOT text (one graph), e.g. ``DOTGraph/text``.
    ///   - engine: the layout engine.
    ///   - format: the output format.
    ///   - pngDPI: resolution for PNG (ignored for SVG/PDF); clamped to 36…600.
    /// - Throws: ``GraphvizError`` with Graphviz's own messages when the text does not
    ///   parse, the layout or render fails, or the plugins are missing (the message then
    ///   says to install `libgraphviz-dev`/`graphviz`).
    /// - Complexity: the engine's (see ``LayoutEngine``), plus O(output size).
    public static func render(dot: String, engine: LayoutEngine, format: FigureFormat, pngDPI: Int = defaultPNGDPI) throws(GraphvizError) -> [UInt8] {
        try renderWithDiagnostics(dot: dot, engine: engine, format: format, pngDPI: pngDPI).bytes
    }

    /// Renders a ``DOTGraph``. See ``render(dot:engine:format:pngDPI:)``. When the graph asks
    /// for it (``DOTGraph/clearsEdgeLabels``), arc labels that the layout put on a node are
    /// moved off it first (``EdgeLabelPlacement``: one more layout, to `xdot`).
    public static func render(_ graph: DOTGraph, engine: LayoutEngine, format: FigureFormat, pngDPI: Int = defaultPNGDPI) throws(GraphvizError) -> [UInt8] {
        try render(graph, engine: engine, formats: [format], pngDPI: pngDPI)[0]
    }

    /// ``render(_:engine:format:pngDPI:)`` in each of `formats` (in that order), the arc labels
    /// placed once for all of them (the layout does not depend on the format).
    public static func render(_ graph: DOTGraph, engine: LayoutEngine, formats: [FigureFormat], pngDPI: Int = defaultPNGDPI) throws(GraphvizError) -> [[UInt8]] {
        var text = graph.text
        var layout: String?
        if graph.clearsEdgeLabels {
            let laidOut = try GraphvizC.run(dot: text, engine: engine, format: formats.first ?? .svg, extraGraphAttributes: [], renderer: "xdot")
            if let relaid = EdgeLabelPlacement.relaid(xdot: laidOut.bytes) {
                text = String(decoding: relaid, as: UTF8.self)
                layout = "nop2"
            }
        }
        var out: [[UInt8]] = []
        for format in formats {
            out.append(try renderWithDiagnostics(dot: text, engine: engine, format: format, pngDPI: pngDPI, layout: layout).bytes)
        }
        return out
    }

    /// Like ``render(dot:engine:format:pngDPI:)`` but also returns Graphviz's warnings.
    public static func renderWithDiagnostics(dot: String, engine: LayoutEngine, format: FigureFormat, pngDPI: Int = defaultPNGDPI) throws(GraphvizError) -> Output {
        try renderWithDiagnostics(dot: dot, engine: engine, format: format, pngDPI: pngDPI, layout: nil)
    }

    /// ``renderWithDiagnostics(dot:engine:format:pngDPI:)`` with another Graphviz layout than
    /// `engine`'s (`nop2` for a graph laid out already).
    static func renderWithDiagnostics(dot: String, engine: LayoutEngine, format: FigureFormat, pngDPI: Int, layout: String?) throws(GraphvizError) -> Output {
        if dot.unicodeScalars.contains("\u{0}") {
            throw GraphvizError(kind: .invalidInput, message: "DOT text contains a NUL character", engine: engine, format: format)
        }
        var extra: [(String, String)] = []
        switch format {
        case .png: extra.append(("dpi", String(min(max(pngDPI, 36), 600))))
        case .pdf:
            // No resolution trick: at 72 dpi text positions are dyadic (multiples of
            // 1/256 pt), which is what makes the 3-decimal rounding in PDFNormalizer
            // stable (see PDFNormalizer.roundRealOperands). An earlier 72.0001 dpi scaling
            // created new 7-decimal ties (9 pt × 1/720000 = 0.0000125) instead.
            break
        case .svg: break
        }
        let run = try GraphvizC.run(dot: dot, engine: engine, format: format, extraGraphAttributes: extra, layout: layout)
        var bytes = run.bytes
        switch format {
        case .pdf: bytes = PDFNormalizer.normalize(bytes)
        case .svg: bytes = OutputNormalizer.normalizeAnonymousGraphName(bytes, name: run.graphName)
        case .png: break
        }
        return Output(bytes: bytes, diagnostics: run.messages)
    }
}
