/// The files of one report folder: `index.html`, `report.md`, `metrics.json`,
/// `tables/<name>.csv` and `figures/<name>.{svg,pdf,png}` (plus `.gexf` and
/// `.vosviewer.json` for figures that carry their network), in a fixed order.
public enum ReportFiles {
    /// Every file of `report` as (relative path, bytes). Deterministic.
    public static func files(for report: Report) throws -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("index.html", Array(try HTMLWriter.html(report).utf8)),
            ("report.md", Array(MarkdownWriter.markdown(report).utf8)),
            ("metrics.json", report.metricsJSON),
        ]
        var seen = Set<String>()
        for table in report.allTables {
            let path = "tables/\(table.name).csv"
            guard seen.insert(path).inserted else { throw ReportError.io(path: path, message: "two tables of the report share this name") }
            files.append((path, try CSVTableWriter.csv(table)))
        }
        for figure in report.allFigures {
            for (ext, bytes) in [("svg", figure.svg), ("pdf", figure.pdf), ("png", figure.png)] {
                let path = "figures/\(figure.name).\(ext)"
                guard seen.insert(path).inserted else { throw ReportError.io(path: path, message: "two figures of the report share this name") }
                files.append((path, bytes))
            }
            if let network = figure.network {
                for (path, bytes) in [("figures/\(figure.name).gexf", Array(GEXFWriter.write(network).utf8)),
                                      ("figures/\(figure.name).vosviewer.json", try VOSviewerWriter.json(network))] {
                    guard seen.insert(path).inserted else { throw ReportError.io(path: path, message: "two figures of the report share this name") }
                    files.append((path, bytes))
                }
            }
        }
        return files
    }

    /// Writes `report` into `outputRoot/<report.name>/`, replacing the folder atomically.
    public static func write(_ report: Report, into outputRoot: String) throws -> String {
        try OutputFolder.checkRelative(report.name)
        let folder = outputRoot + "/" + report.name
        try OutputFolder(path: folder).replaceContents(with: try files(for: report))
        return folder
    }
}
