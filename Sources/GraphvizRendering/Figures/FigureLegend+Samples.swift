/// Legend pieces shared by the year-ranked, heatmap and trajectory figures: a legend
/// table whose rows are colour swatches, line samples (solid, dashed-looking, double) and
/// notes. Everything user-supplied enters through ``HTMLLabel/text(_:)`` (XML-escaped).
extension FigureLegend {
    /// One sample in a legend: what it looks like and its text.
    enum Sample {
        /// A filled square in `fill` (with a thin grey border when `bordered`).
        case swatch(fill: String, bordered: Bool, text: String)
        /// A horizontal line `height` points thick in `color`.
        case line(color: String, height: Int, text: String)
        /// Two parallel lines (the encoding of arcs between literatures).
        case doubleLine(color: String, text: String)
        /// A line drawn as three short dashes.
        case dashedLine(color: String, text: String)
        /// A character (e.g. "●" or "○", a solid or hollow point) in `color`.
        case glyph(color: String, glyph: String, text: String)
    }

    /// A legend table: bold title row, samples in rows of `columns` (swatch, text), then
    /// notes in smaller type, one row each. Pure.
    static func sampleTable(title: String?, samples: [Sample], columns: Int, notes: [String]) -> HTMLLabel {
        var parts: [HTMLLabel] = [.markup("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">")]
        if let title {
            parts.append(.markup("<TR><TD ALIGN=\"LEFT\"><B>") + .text(title) + .markup("</B></TD></TR>"))
        }
        if !samples.isEmpty {
            let cols = max(1, min(columns, samples.count))
            parts.append(.markup("<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">"))
            var i = 0
            while i < samples.count {
                parts.append(.markup("<TR>"))
                for j in 0..<cols {
                    guard i + j < samples.count else { parts.append(.markup("<TD></TD><TD></TD>")); continue }
                    let (cell, text) = sampleCell(samples[i + j])
                    parts.append(cell)
                    parts.append(.markup("<TD ALIGN=\"LEFT\">") + .text(text) + .markup("</TD>"))
                }
                parts.append(.markup("</TR>"))
                i += cols
            }
            parts.append(.markup("</TABLE></TD></TR>"))
        }
        for note in notes {
            parts.append(.markup("<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">") + .text(note) + .markup("</FONT></TD></TR>"))
        }
        parts.append(.markup("</TABLE>"))
        return .joined(parts)
    }

    /// The swatch cell of a sample and its text. Colours are `#RRGGBB` written by our
    /// own code (never user text). Pure.
    private static func sampleCell(_ sample: Sample) -> (HTMLLabel, String) {
        // Outer cells are never FIXEDSIZE around a nested table: Graphviz 2.43 asserts
        // (`delx >= 0`, htmltable.c) when a fixed cell is narrower than its content.
        func nested(_ rows: [String]) -> HTMLLabel {
            .markup("<TD VALIGN=\"MIDDLE\"><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\">" + rows.joined() + "</TABLE></TD>")
        }
        switch sample {
        case .swatch(let fill, let bordered, let text):
            let border = bordered ? " BORDER=\"1\" COLOR=\"#888888\"" : ""
            return (.markup("<TD BGCOLOR=\"\(fill)\"\(border) WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD>"), text)
        case .line(let color, let height, let text):
            return (nested(["<TR><TD BGCOLOR=\"\(color)\" WIDTH=\"24\" HEIGHT=\"\(max(1, height))\" FIXEDSIZE=\"TRUE\"></TD></TR>"]), text)
        case .doubleLine(let color, let text):
            let line = "<TR><TD BGCOLOR=\"\(color)\" WIDTH=\"24\" HEIGHT=\"2\" FIXEDSIZE=\"TRUE\"></TD></TR>"
            let gap = "<TR><TD WIDTH=\"24\" HEIGHT=\"2\" FIXEDSIZE=\"TRUE\"></TD></TR>"
            return (nested([line, gap, line]), text)
        case .dashedLine(let color, let text):
            let dash = "<TD BGCOLOR=\"\(color)\" WIDTH=\"6\" HEIGHT=\"2\" FIXEDSIZE=\"TRUE\"></TD>"
            let gap = "<TD WIDTH=\"3\" HEIGHT=\"2\" FIXEDSIZE=\"TRUE\"></TD>"
            return (nested(["<TR>" + dash + gap + dash + gap + dash + "</TR>"]), text)
        case .glyph(let color, let glyph, let text):
            return (.markup("<TD ALIGN=\"CENTER\"><FONT COLOR=\"\(color)\">") + .text(glyph) + .markup("</FONT></TD>"), text)
        }
    }
}

/// `#RRGGBB` mixed with white: `amount` 0 keeps the colour, 1 gives white. Pure.
func lightened(_ hex: String, by amount: Double) -> String {
    let digits = Array(hex.utf8.dropFirst())
    guard hex.hasPrefix("#"), digits.count == 6 else { return hex }
    let t = min(max(amount, 0), 1)
    var out = "#"
    for k in 0..<3 {
        let v = Double(Int(String(decoding: digits[(2 * k)..<(2 * k + 2)], as: UTF8.self), radix: 16) ?? 0)
        let mixed = Int((v + (255 - v) * t).rounded())
        out += hex2(mixed)
    }
    return out
}

/// Two upper-case hex digits of `v` (clamped to 0…255). Pure.
func hex2(_ v: Int) -> String {
    let digits = Array("0123456789ABCDEF")
    let c = min(max(v, 0), 255)
    return String([digits[c / 16], digits[c % 16]])
}
