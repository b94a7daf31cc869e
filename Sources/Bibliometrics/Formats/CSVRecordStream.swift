import CSV
import Foundation
import NetworkCore

/// Streams the records of a CSV export (Scopus, Lens, OpenAlex CSV) with their line numbers.
///
/// Definition: physical lines are read by ``LineReader``; a record ends at the first line
/// end where the number of `"` characters read so far for the record is even (RFC 4180:
/// quoted fields may span lines). Each complete record is parsed into cells by CSV.swift.
/// The first record is the header. Cells are mapped to columns by header position, so a
/// record with *more* cells than the header (real Scopus exports end data rows with an
/// extra `,`) keeps its first cells and drops the extra ones, and a record with *fewer*
/// cells reads the missing trailing columns as empty; either repair is listed in
/// ``repairs`` with the line and the dropped text. A quote still open at the end of the
/// file (a truncated export) is an ``InputError`` with the record's first line.
/// O(file size); memory bounded by one record.
struct CSVRecordStream {
    struct Record {
        var firstLine: Int
        var lastLine: Int
        var cells: [String]
    }

    private var lines: LineReader
    let path: String
    private(set) var header: [String] = []
    /// Rows repaired (longer or shorter than the header), plus ``LineReader/repairs``.
    private var rowRepairs: [InputError] = []
    var repairs: [InputError] { lines.repairs + rowRepairs }
    private var index: [String: Int] = [:]

    init(path: String) throws {
        self.path = path
        lines = try LineReader(path: path)
        guard let first = try nextRaw() else { throw InputError(file: path, line: 1, message: "empty file: expected a CSV header row") }
        header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        for (i, h) in header.enumerated() where index[h] == nil { index[h] = i }
    }

    /// Throws unless every column in `required` is in the header.
    func require(_ required: [String], format: String) throws {
        for column in required where index[column] == nil {
            throw InputError(file: path, line: 1, field: column,
                             message: "missing column '\(column)' of a \(format) export (header has: \(header.prefix(12).joined(separator: ", "))\(header.count > 12 ? ", …" : ""))")
        }
    }

    func column(_ name: String) -> Int? { index[name] }

    /// The next data record (blank lines skipped), or `nil` at the end.
    mutating func next() throws -> Record? {
        while let r = try nextRaw() {
            if r.cells.count == 1, r.cells[0].isEmpty { continue }
            var r = r
            if r.cells.count > header.count {
                let extra = r.cells[header.count...]
                let dropped = extra.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                rowRepairs.append(InputError(file: path, line: r.firstLine, message: "row has \(r.cells.count) fields, the header \(header.count): "
                    + (dropped.isEmpty ? "\(extra.count) trailing empty field(s) dropped"
                                       : "\(extra.count) trailing field(s) dropped, not empty: '\(dropped.joined(separator: "', '").prefix(120))'")))
                r.cells.removeLast(r.cells.count - header.count)
            } else if r.cells.count < header.count {
                rowRepairs.append(InputError(file: path, line: r.firstLine, message: "row has \(r.cells.count) fields, the header \(header.count): missing trailing columns read as empty (\(header[r.cells.count...].prefix(6).joined(separator: ", "))\(header.count - r.cells.count > 6 ? ", …" : ""))"))
                r.cells += Array(repeating: "", count: header.count - r.cells.count)
            }
            return r
        }
        return nil
    }

    private mutating func nextRaw() throws -> Record? {
        guard var text = try lines.next() else { return nil }
        let first = lines.lineNumber
        var quotes = text.utf8.reduce(0) { $0 + ($1 == 0x22 ? 1 : 0) }
        while quotes % 2 == 1 {
            guard let more = try lines.next() else {
                throw InputError(file: path, line: first, message: "a quoted field opened in the record starting here is never closed (truncated file?)")
            }
            text += "\n" + more
            quotes += more.utf8.reduce(0) { $0 + ($1 == 0x22 ? 1 : 0) }
        }
        if text.isEmpty { return Record(firstLine: first, lastLine: first, cells: [""]) }
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            var cells: [String] = []
            if let row = reader.next() { cells = row }
            if let error = reader.error { throw error }
            return Record(firstLine: first, lastLine: lines.lineNumber, cells: cells)
        } catch {
            throw InputError(file: path, line: first, message: "malformed CSV record: \(error)")
        }
    }
}

extension CSVRecordStream.Record {
    /// Cell of `column` trimmed, or `""` when the column is absent.
    func value(_ column: Int?) -> String {
        guard let c = column, c < cells.count else { return "" }
        return cells[c].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
