import Foundation
import NetworkCore

/// Reader of Web of Science tab-delimited exports ("Tab-delimited file").
///
/// Format: a header row of field tags separated by tabs (`PT AU BA … CR … UT …`), then one
/// record per line with the same number of tab-separated cells; no quoting. Multi-valued
/// cells (`AU`, `AF`, `CR`) separate values with `; `. Fields are then read as in
/// ``WoSPlainText`` (same tags). Streams line by line.
///
/// Errors: a header without `PT` or `UT`/`TI`; a row with more cells than the header
/// (a tab inside a value: the export is damaged). Shorter rows are padded (WoS drops
/// trailing empty cells).
public enum WoSTabDelimited {
    public static func read(path: String, lenient: Bool = false) throws -> FileReadResult {
        var lines = try LineReader(path: path)
        var collector = RecordCollector(file: path, format: .wosTab, lenient: lenient)
        guard let headerLine = try lines.next() else { throw InputError(file: path, line: 1, message: "empty file: expected a header row of WoS field tags") }
        let header = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.contains("PT"), header.contains("UT") || header.contains("TI") else {
            throw InputError(file: path, line: 1, field: "PT", message: "header must name WoS field tags including PT and UT or TI (got: \(header.prefix(8).joined(separator: " ")))")
        }
        while let line = try lines.next() {
            let n = lines.lineNumber
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            try collector.add {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cells.count <= header.count + 1 else {
                    throw InputError(file: path, line: n, message: "expected at most \(header.count) tab-separated cells as in the header, found \(cells.count)")
                }
                var fields: [(String, Int, [String])] = []
                for (i, tag) in header.enumerated() where i < cells.count && !tag.isEmpty {
                    let v = cells[i].trimmingCharacters(in: .whitespaces)
                    guard !v.isEmpty else { continue }
                    let values = ["AU", "AF", "CR"].contains(tag) ? v.components(separatedBy: "; ") : [v]
                    fields.append((tag, n, values))
                }
                return try WoSFields.record(WoSStringFields(fields), path: path, span: SourceSpan(file: path, firstLine: n, lastLine: n), format: .wosTab)
            }
        }
        collector.result.repairs += lines.repairs
        return collector.result
    }
}
