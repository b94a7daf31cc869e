/// A Graphviz layout engine.
///
/// Measured costs on this machine (ARCHITECTURE.md §5): `sfdp` lays out 1,000 nodes in ~0.3 s and
/// 10,000 in ~3–4 s; `neato` is quadratic (2,000 nodes 8.6 s); `fdp` is slow (1,000
/// nodes 70–110 s) and not reproducible within a process; `dot` is for small DAGs
/// only (>600 s for a 1,000-node random graph).
public enum LayoutEngine: String, Sendable, CaseIterable, Codable {
    /// Hierarchical layout for small DAGs (main paths, lineage by year).
    case dot
    /// Scalable force-directed (multilevel) layout: the default for networks.
    case sfdp
    /// Stress majorisation; fine up to a few hundred nodes.
    case neato
    /// Force-directed (Fruchterman–Reingold); slow, not reproducible within a process.
    case fdp
    /// Circular layout.
    case circo
    /// Radial layout.
    case twopi
    /// No layout: every node position is given in the DOT (`pos="x,y!"`, in points), as
    /// with `neato -n`; edges are drawn straight between them. For figures that place
    /// everything themselves (``TrajectoryFigure``); a graph without positions fails.
    case nop
}

/// An output format for a rendered figure.
public enum FigureFormat: String, Sendable, CaseIterable, Codable {
    /// Scalable vector graphics, with tooltips (`<title>`) and links (`<a xlink:href>`).
    case svg
    /// PDF through cairo; the creation date is normalised so bytes are reproducible.
    case pdf
    /// PNG through cairo, at the requested resolution.
    case png

    /// The format named by a file's extension (`fig.SVG` → `.svg`), or `nil` when the
    /// extension is not one of `svg`, `pdf`, `png`. Case-insensitive. O(length).
    public init?(fileExtensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
