import Bibliometrics
import Foundation
import NetworkCore

extension DatasetReportContext {
    /// "Additional tables": the CSV files the dataset names under `tables:` (for example a
    /// match report), each optionally summarised by counting the values of one column.
    func additionalTablesSection() throws -> ReportSection? {
        guard !dataset.manifest.tables.isEmpty else { return nil }
        var blocks: [ReportBlock] = []
        for t in dataset.manifest.tables {
            let path = (dataset.folder as NSString).appendingPathComponent(t.file)
            let csv = try CSVRows(path: path, hasHeader: true, comments: false)
            let header = csv.header ?? []
            let stem = slug((t.file as NSString).deletingPathExtension)
            if let column = t.countBy, let k = header.firstIndex(of: column) {
                var counts: [String: Int] = [:]
                for row in csv.rows { counts[row[k].isEmpty ? "(empty)" : row[k], default: 0] += 1 }
                let values = counts.keys.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
                blocks.append(.table(ReportTable(
                    name: "\(stem)-by-\(slug(column))", title: "\(t.title): rows by \(column)",
                    caption: "Rows of \(t.file) counted by their '\(column)' value.",
                    columns: [column, "rows"],
                    rows: values.map { [.text($0), .integer(counts[$0] ?? 0)] } + [[.text("total"), .integer(csv.rows.count)]])))
            }
            blocks.append(.table(ReportTable(
                name: stem, title: t.title,
                caption: (t.caption.map { $0 + " " } ?? "") + "From \(t.file).",
                columns: header,
                rows: csv.rows.map { row in header.indices.map { .text(row[$0]) } },
                displayLimit: 25)))
        }
        return ReportSection(title: "Additional tables", blocks: blocks)
    }
}
