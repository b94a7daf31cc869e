/// Renders a ``Report`` as GitHub-flavoured Markdown (`report.md`), with figures linked
/// as `figures/<name>.png` and tables as pipe tables (the full tables are in `tables/`).
///
/// Text from data is escaped: `|`, `\`, `*`, `_`, backticks, `<`, `>` and `[`/`]` are
/// backslash-escaped so that labels cannot change the document's structure.
/// Deterministic; O(size of the report).
public enum MarkdownWriter {
    public static func markdown(_ report: Report) -> String {
        var out = "# \(escape(report.title))\n\n"
        out += "_Source:_ \(escape(report.source))\n\n"
        for section in report.sections {
            out += "## \(escape(section.title))\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text):
                    out += escape(text) + "\n\n"
                case .bullets(let items):
                    out += items.map { "- " + escape($0) }.joined(separator: "\n") + "\n\n"
                case .table(let t):
                    out += markdownTable(t)
                case .figure(let figure):
                    out += "**\(escape(figure.title))**\n\n"
                    out += "![\(escape(figure.title))](figures/\(figure.name).png)\n\n"
                    out += "_\(escape(figure.caption))_ ([SVG](figures/\(figure.name).svg), [PDF](figures/\(figure.name).pdf))\n\n"
                }
            }
        }
        if !report.methods.isEmpty {
            out += "## Methods\n\n" + report.methods.map(escape).joined(separator: "\n\n") + "\n\n"
        }
        if !report.parameters.isEmpty {
            out += "## Parameters\n\n| parameter | value |\n|---|---|\n"
            for (k, v) in report.parameters { out += "| \(escape(k)) | \(escape(v)) |\n" }
            out += "\n"
        }
        if !report.references.isEmpty {
            out += "## References\n\n" + report.references.map { "- " + escape($0) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static func markdownTable(_ table: ReportTable) -> String {
        var out = "**\(escape(table.title))**\n\n"
        if table.displayedRows.isEmpty {
            return out + "_\(escape(table.caption)) \(table.rows.count) rows in [tables/\(table.name).csv](tables/\(table.name).csv)._\n\n"
        }
        let shown = table.shownColumns
        out += "| " + shown.map { escape(table.columns[$0]) }.joined(separator: " | ") + " |\n"
        out += "|" + shown.map { i in
            table.rows.contains { i < $0.count && $0[i].isNumeric } ? "---:|" : "---|"
        }.joined() + "\n"
        for row in table.displayedRows {
            out += "| " + shown.map { $0 < row.count ? escape(row[$0].display) : "" }.joined(separator: " | ") + " |\n"
        }
        out += "\n_\(escape(table.caption))\(escape(table.hiddenColumnsNote))"
        if table.displayedRows.count < table.rows.count {
            out += " Showing \(table.displayedRows.count) of \(table.rows.count) rows; all rows in"
        } else {
            out += " Also as"
        }
        out += " [tables/\(table.name).csv](tables/\(table.name).csv)._\n\n"
        return out
    }

    /// `text` with Markdown's structural characters escaped and newlines folded: every
    /// line break (LF, CR, CRLF — one Swift `Character`, so the text is walked by scalars —
    /// vertical tab, form feed, NEL, U+2028/2029) becomes a space, so a cell never splits
    /// a table row; other control characters (NUL, escape, …) become U+FFFD. O(n).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" && previous == "\r" { continue }   // CRLF: one break, one space
            switch scalar {
            case "\\", "|", "*", "_", "`", "<", ">", "[", "]", "#":
                out.unicodeScalars.append("\\"); out.unicodeScalars.append(scalar)
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                out.unicodeScalars.append(" ")
            default:
                if scalar.value < 0x20 && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
