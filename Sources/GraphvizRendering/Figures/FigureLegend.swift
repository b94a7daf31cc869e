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
        // One outer column; entries and line samples sit in nested tables so that long
        // notes do not widen the swatch columns.
        let cols = max(1, min(columns, max(entries.count, lines.count)))
        var parts: [HTMLLabel] = [.markup("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">")]
        if let title {
            parts.append(.markup("<TR><TD ALIGN=\"LEFT\"><B>") + .text(title) + .markup("</B></TD></TR>"))
        }
        // Entries and line samples share one nested table (swatch, text, swatch, text, …)
        // so that long notes in the outer table do not stretch them apart.
        if !entries.isEmpty || !lines.isEmpty {
            let swatch = lines.isEmpty ? 12 : 22
            parts.append(.markup("<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">"))
            // The white swatch of a merged node ("other 87 groups") gets a grey outline, or
            // it would vanish on the white background.
            var cells: [(HTMLLabel, String)] = entries.map {
                let outline = $0.style.fill == Palette.merged.fill ? " BORDER=\"1\" COLOR=\"#666666\"" : ""
                return (.markup("<TD BGCOLOR=\"\($0.style.fill)\"\(outline) WIDTH=\"12\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>"), $0.text)
            }
            // Line samples start on a new row.
            while !lines.isEmpty && cells.count % cols != 0 { cells.append((.markup("<TD></TD>"), "")) }
            for line in lines {
                // No FIXEDSIZE on the outer cell: a fixed cell narrower than its nested table
                // trips Graphviz's `delx >= 0` assertion (htmltable.c) and aborts the process.
                cells.append((.markup("<TD VALIGN=\"MIDDLE\"><TABLE BORDER=\"0\" CELLPADDING=\"0\" CELLSPACING=\"0\"><TR><TD BGCOLOR=\"\(line.color)\" WIDTH=\"\(swatch)\" HEIGHT=\"\(max(1, line.height))\" FIXEDSIZE=\"TRUE\"></TD></TR></TABLE></TD>"), line.text))
            }
            var i = 0
            while i < cells.count {
                parts.append(.markup("<TR>"))
                for j in 0..<cols {
                    if i + j < cells.count {
                        parts.append(cells[i + j].0)
                        parts.append(.markup("<TD ALIGN=\"LEFT\">") + .text(cells[i + j].1) + .markup("</TD>"))
                    } else {
                        parts.append(.markup("<TD></TD><TD></TD>"))
                    }
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

/// Formats a flow or count: no decimals when integral, else up to 2; from 10¹⁰ up (SPC
/// weights of large networks reach 10¹⁵, past what a reader can count digits of), three
/// significant digits times a power of ten ("1.80 × 10¹⁵"). Pure, locale-free.
func formatNumber(_ x: Double) -> String {
    if x.isFinite, abs(x) >= 1e10 {
        var exponent = Int((abs(x)).log10Floor)
        var mantissa = x / pow10(exponent)
        // 9.996e7 rounds to 10.0: carry into the exponent.
        if (abs(mantissa) * 100).rounded() >= 1000 { exponent += 1; mantissa = x / pow10(exponent) }
        let hundredths = Int((mantissa * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let h = abs(hundredths)
        let digits = "\(h / 100).\(h % 100 < 10 ? "0" : "")\(h % 100)"
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let power = String(String(exponent).compactMap { c in c.wholeNumberValue.map { superscripts[$0] } })
        return "\(sign)\(digits) × 10\(power)"
    }
    if x.isFinite, x == x.rounded() { return String(Int(x)) }
    let r = (x * 100).rounded() / 100
    return String(r)
}

/// 10 to the power `e` (e ≥ 0), exactly for the exponents a Double can hold exactly.
private func pow10(_ e: Int) -> Double {
    var result = 1.0
    for _ in 0..<e { result *= 10 }
    return result
}

private extension Double {
    /// ⌊log₁₀ x⌋ for x ≥ 1, by repeated division (exact at powers of ten, unlike log10).
    var log10Floor: Double {
        var x = self, e = 0.0
        while x >= 10 { x /= 10; e += 1 }
        return e
    }
}

/// Breaks `text` at spaces into lines of at most about `width` characters (a word longer
/// than `width` stays whole), joined with "\n". Pure.
func wrappedLabel(_ text: String, width: Int) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: { $0.isWhitespace }) {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.joined(separator: "\n")
}
