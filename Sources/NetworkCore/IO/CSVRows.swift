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
        var parsed: [[String]]
        if delimiter.isASCII, delimiter != "\"", delimiter != "\r", delimiter != "\n" {
            parsed = Self.parse(Array(text.utf8), delimiter: UInt8(delimiter.value))
        } else {
            let reader: CSVReader
            do {
                reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
            } catch {
                throw InputError(file: file.path, message: "cannot be parsed as CSV (\(error))")
            }
            parsed = []
            while let cells = reader.next() { parsed.append(cells) }
            if let error = reader.error {
                throw InputError(file: file.path, message: "cannot be parsed as CSV (\(error))")
            }
        }
        var rows: [Row] = []
        rows.reserveCapacity(parsed.count)
        var line = 1
        var header: [String]?
        var headerLine = 0
        for cells in parsed {
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
        parsed = []
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

    /// The rows of `bytes` (UTF-8) split by `delimiter` (an ASCII byte other than `"`, CR,
    /// LF), reading fields exactly as CSV.swift's `CSVReader` does without trimming: a
    /// field opening with `"` is quoted, `""` inside it is one `"`, and a quote followed by
    /// anything but the delimiter, a line end or another quote is kept while the character
    /// after it is dropped (CSV.swift's rule); CR, LF and CR LF end a row; a row is at
    /// least one (possibly empty) field. Works on bytes (no Foundation bridging): O(size).
    static func parse(_ bytes: [UInt8], delimiter: UInt8) -> [[String]] {
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        let n = bytes.count
        var rows: [[String]] = []
        var i = 0
        var buffer: [UInt8] = []
        // Consumes a line end at `i` (CR, LF or CR LF).
        func skipLineEnd(_ i: inout Int) {
            if bytes[i] == cr, i + 1 < n, bytes[i + 1] == lf { i += 2 } else { i += 1 }
        }
        while i < n {
            var row: [String] = []
            var rowEnded = false
            while !rowEnded {
                if i >= n {
                    row.append("")
                    break
                }
                if bytes[i] == quote {
                    i += 1
                    buffer.removeAll(keepingCapacity: true)
                    var fieldEnded = false
                    while i < n {
                        let c = bytes[i]
                        i += 1
                        guard c == quote else { buffer.append(c); continue }
                        guard i < n else { rowEnded = true; fieldEnded = true; break }
                        let next = bytes[i]
                        if next == cr || next == lf {
                            skipLineEnd(&i)
                            rowEnded = true
                            fieldEnded = true
                            break
                        } else if next == delimiter {
                            i += 1
                            fieldEnded = true
                            break
                        } else if next == quote {
                            i += 1
                            buffer.append(quote)
                        } else {
                            i += 1
                            buffer.append(quote)
                        }
                    }
                    if !fieldEnded { rowEnded = true }
                    row.append(String(decoding: buffer, as: UTF8.self))
                } else {
                    let start = i
                    while i < n, bytes[i] != delimiter, bytes[i] != cr, bytes[i] != lf { i += 1 }
                    row.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    if i >= n {
                        rowEnded = true
                    } else if bytes[i] == delimiter {
                        i += 1
                        // A delimiter at the very end leaves one more, empty, field.
                        if i >= n { row.append(""); rowEnded = true }
                    } else {
                        skipLineEnd(&i)
                        rowEnded = true
                    }
                }
            }
            rows.append(row)
        }
        return rows
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
