import Mustache

/// Renders a ``Report`` as one self-contained HTML page (`index.html`) through a
/// Mustache template (swift-mustache): CSS inline, figures inline as SVG (tooltips and
/// DOI links keep working), tables linked to their CSV files.
///
/// All text from data goes through Mustache's HTML escaping; only the SVG produced by
/// Graphviz is inserted raw, after its XML prolog and DOCTYPE are removed. Graphviz
/// escapes labels and tooltips, and figures only carry `https://doi.org/` links built
/// from validated DOIs (see GraphvizRendering).
///
/// Deterministic; O(size of the report).
public enum HTMLWriter {
    public static func html(_ report: Report) throws -> String {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: HTMLTemplate.page)
        } catch {
            throw ReportError.template("\(error)")
        }
        return template.render(context(report))
    }

    static func context(_ report: Report) -> [String: Any] {
        var anchors = Set<String>()
        let sections: [[String: Any]] = report.sections.map { section in
            var anchor = slug(section.title)
            while anchors.contains(anchor) { anchor += "-x" }
            anchors.insert(anchor)
            return [
                "title": section.title,
                "anchor": anchor,
                "blocks": section.blocks.map(blockContext),
            ]
        }
        let hasMaps = report.allFigures.contains { $0.map != nil }
        return [
            "name": report.name,
            "title": report.title,
            "source": report.source,
            "sections": sections,
            "hasMethods": !report.methods.isEmpty,
            "methods": report.methods,
            "hasParameters": !report.parameters.isEmpty,
            "parameters": report.parameters.map { ["key": $0.0, "value": $0.1] },
            "hasReferences": !report.references.isEmpty,
            "references": report.references,
            "hasMaps": hasMaps,
            "mapCSS": hasMaps ? MapScript.css : "",
            "mapScript": MapScript.script,
        ]
    }

    static func blockContext(_ block: ReportBlock) -> [String: Any] {
        switch block {
        case .paragraph(let text):
            return ["paragraph": ["text": text]]
        case .bullets(let items):
            return ["bullets": ["items": items]]
        case .table(let t):
            let shown = t.displayedRows
            // A column holding any number is right-aligned throughout (dashes included).
            let numeric = t.columns.indices.map { i in t.rows.contains { i < $0.count && $0[i].isNumeric } }
            let columns = t.shownColumns
            let note = shown.isEmpty ? "\(t.rows.count) rows in" :
                shown.count < t.rows.count ? "Showing \(shown.count) of \(t.rows.count) rows; all rows in" : "Also as"
            return ["table": [
                "name": t.name, "title": t.title, "caption": t.caption + t.hiddenColumnsNote, "note": note, "shown": !shown.isEmpty,
                "columns": columns.map { i in ["name": t.columns[i], "numeric": numeric[i]] as [String: Any] },
                "rows": shown.map { row in
                    ["cells": columns.map { i in
                        ["text": i < row.count ? row[i].display : "", "numeric": i < numeric.count ? numeric[i] : (i < row.count && row[i].isNumeric)]
                    }]
                },
            ] as [String: Any]]
        case .figure(let f):
            var figure: [String: Any] = [
                "name": f.name, "title": f.title, "caption": f.caption,
                "svg": inlineSVG(f.svg), "hasNetwork": f.network != nil,
            ]
            if let map = f.map { figure["map"] = ["json": MapScript.json(map)] }
            return ["figure": figure]
        }
    }

    /// The SVG document without its XML prolog, DOCTYPE and comments, ready to inline.
    static func inlineSVG(_ bytes: [UInt8]) -> String {
        // One pass over the bytes (Graphviz writes a comment per node and edge, so
        // searching the text again for each would be quadratic).
        let open: [UInt8] = Array("<!--".utf8), close: [UInt8] = Array("-->".utf8), svg: [UInt8] = Array("<svg".utf8)
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= bytes.count && (0..<pattern.count).allSatisfy { bytes[i + $0] == pattern[$0] }
        }
        guard let start = bytes.indices.first(where: { matches(svg, at: $0) }) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x3C, matches(open, at: i) {
                var j = i + open.count
                while j < bytes.count, !matches(close, at: j) { j += 1 }
                if j < bytes.count {
                    i = j + close.count
                    continue
                }
                // An unclosed comment stays as it is.
                out.append(contentsOf: bytes[i...])
                break
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A lowercase ASCII anchor for a heading.
    static func slug(_ title: String) -> String {
        Reporting.slug(title, fallback: "section")
    }
}
