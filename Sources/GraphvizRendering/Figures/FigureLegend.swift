/// Builds the legend drawn inside figures: a graph-level HTML-like table (works with
/// every engine when placed with `labelloc=b`).
enum FigureLegend {
    /// One legend entry: a colour swatch and its text.
    struct Entry {
        var style: GroupStyle
        var text: String
    }

    /// A legend with an optional title row, entries in rows of `columns`, optional
    /// line samples (colour, thickness in points, text) and notes (one row each).
    static func table(title: String?, entries: [Entry], columns: Int, lines: [(color: String, height: Int, text: String)], notes: [String]) -> HTMLLabel {
        let cols = max(1, min(columns, entries.count))
        var parts: [HTMLLabel] = [.markup("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">")]
        let span = 2 * cols
        if let title {
            parts.append(.markup("<TR><TD COLSPAN=\"\(span)\" ALIGN=\"LEFT\"><B>") + .text(title) + .markup("</B></TD></TR>"))
        }
        var i = 0
        while i < entries.count {
            parts.append(.markup("<TR>"))
            for j in 0..<cols {
                if i + j < entries.count {
                    let e = entries[i + j]
                    parts.append(.markup("<TD BGCOLOR=\"\(e.style.fill)\" WIDTH=\"12\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"> </TD>"))
                    parts.append(.markup("<TD ALIGN=\"LEFT\">") + .text(e.text) + .markup("</TD>"))
                } else {
                    parts.append(.markup("<TD></TD><TD></TD>"))
                }
            }
            parts.append(.markup("</TR>"))
            i += cols
        }
        if !lines.isEmpty {
            parts.append(.markup("<TR><TD COLSPAN=\"\(span)\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>"))
            for line in lines {
                parts.append(.markup("<TD VALIGN=\"MIDDLE\"><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD BGCOLOR=\"\(line.color)\" WIDTH=\"26\" HEIGHT=\"\(max(1, line.height))\" FIXEDSIZE=\"TRUE\"></TD></TR></TABLE></TD>"))
                parts.append(.markup("<TD ALIGN=\"LEFT\">") + .text(line.text) + .markup("</TD>"))
            }
            parts.append(.markup("</TR></TABLE></TD></TR>"))
        }
        for note in notes {
            parts.append(.markup("<TR><TD COLSPAN=\"\(span)\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">") + .text(note) + .markup("</FONT></TD></TR>"))
        }
        parts.append(.markup("</TABLE>"))
        return .joined(parts)
    }

    /// Legend text for a group: `name (n = size)`, plus the colour and shape names when
    /// shapes are in use (more than 8 groups).
    static func groupText(name: String, size: Int, style: GroupStyle, withShapes: Bool) -> String {
        let base = "\(name) (n = \(size))"
        return withShapes ? base + " — \(style.colorName) \(style.shape)" : base
    }
}

/// Shortens `text` to at most `limit` characters (grapheme clusters), ending with "…"
/// when cut. Pure.
func truncatedLabel(_ text: String, limit: Int) -> String {
    let trimmed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    guard limit > 1, trimmed.count > limit else { return trimmed }
    return String(trimmed.prefix(limit - 1)) + "…"
}

/// Formats a flow or count: no decimals when integral, else up to 2. Pure, locale-free.
func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    let r = (x * 100).rounded() / 100
    return String(r)
}
