import CSV
import Foundation

/// The rows of a CSV (or other delimited) file parsed by CSV.swift, each with the
/// 1-based line on which it starts, so every later error can name its line.
///
/// Blank rows are skipped; with `comments` rows whose first cell starts with `#` are
/// skipped too. A quoted cell spanning several lines advances the line count by the
/// line feeds it contains. O(file size).
public struct CSVRows: Sendable {
    /// One data row.
    public struct Row: Sendable, Equatable {
        /// 1-based line where the row starts.
        public let line: Int
        /// The cells, as written (quotes removed, not trimmed). Never empty.
        public let cells: [String]

        /// Cell `index`, or `""` when the row is shorter.
        public subscript(index: Int) -> String { index < cells.count ? cells[index] : "" }
    }

    /// The file's path as given.
    public let file: String
    /// The header cells (trimmed), when the reader was asked for a header.
    public let header: [String]?
    /// The line of the header row.
    public let headerLine: Int
    /// The data rows in file order.
    public let rows: [Row]

    /// Reads `path`. Throws ``InputError`` when it is missing, not UTF-8, empty while a
    /// header is required, or has a repeated header name.
    public init(path: String, hasHeader: Bool = false, comments: Bool = true, delimiter: UnicodeScalar = ",") throws {
        try self.init(file: InputFile(path: path), hasHeader: hasHeader, comments: comments, delimiter: delimiter)
    }

    /// Reads an already loaded file (see ``init(path:hasHeader:comments:delimiter:)``).
    public init(file: InputFile, hasHeader: Bool = false, comments: Bool = true, delimiter: UnicodeScalar = ",") throws {
        self.file = file.path
        let text = try file.text()
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw InputError(file: file.path, message: "cannot be parsed as CSV (\(error))")
        }
        var rows: [Row] = []
        var line = 1
        var header: [String]?
        var headerLine = 0
        while let cells = reader.next() {
            let start = line
            var feeds = 0
            for cell in cells { for b in cell.utf8 where b == 0x0A { feeds += 1 } }
            line += 1 + feeds
            if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            if comments, cells[0].trimmingWhitespace().hasPrefix("#") { continue }
            if hasHeader && header == nil {
                header = cells.map { $0.trimmingWhitespace() }
                headerLine = start
                continue
            }
            rows.append(Row(line: start, cells: cells))
        }
        if let error = reader.error {
            throw InputError(file: file.path, line: line, message: "cannot be parsed as CSV (\(error))")
        }
        if hasHeader {
            guard let header else {
                throw InputError(file: file.path, line: 1, message: "is empty: expected a header row naming the columns")
            }
            var seen: [String: Int] = [:]
            for (k, name) in header.enumerated() {
                if let first = seen[name], !name.isEmpty {
                    throw InputError(file: file.path, line: headerLine, field: name,
                                     message: "column name repeated (columns \(first + 1) and \(k + 1))")
                }
                seen[name] = k
            }
        }
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The index of the header column `name`, or an ``InputError`` naming the file, the
    /// header line and the columns that do exist.
    public func column(_ name: String, role: String? = nil) throws -> Int {
        if let k = header?.firstIndex(of: name) { return k }
        let what = role.map { "\($0) column" } ?? "column"
        throw InputError(file: file, line: headerLine == 0 ? 1 : headerLine, field: name,
                         message: "\(what) '\(name)' not found in the header (columns: \((header ?? []).joined(separator: ", ")))")
    }

    /// Like ``column(_:role:)`` but `nil` when the column is absent.
    public func optionalColumn(_ name: String) -> Int? { header?.firstIndex(of: name) }
}
