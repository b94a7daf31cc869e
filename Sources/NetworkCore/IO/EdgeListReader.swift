import CSV
import Foundation

/// Whether the first row of an edge list names its columns.
public enum HeaderMode: String, Sendable, CaseIterable {
    /// A header is present when the first cell of the first data row is a
    /// conventional column name (see ``EdgeListReader/isHeaderName(_:)``).
    case auto
    /// The first data row is always a header.
    case present
    /// There is no header row.
    case absent
}

/// Reads edge lists: one arc `citing cited [weight]` per line.
///
/// - `.tsv` / `.txt` (and any other extension): cells separated by runs of spaces or
///   tabs, scanned as bytes (no `String` per line). Lines whose first non-blank byte is
///   `#` or `%` are comments; blank lines are skipped; CRLF and a byte-order mark are
///   accepted. Columns after the third are ignored.
/// - `.csv`: parsed with CSV.swift (RFC 4180 quoting); `#` comment lines and blank
///   rows are skipped.
///
/// A third column, when present, must be numeric (the arc weight); otherwise the
/// reader throws ``InputError`` naming the line. With ``HeaderMode/auto`` the first
/// data row is a header when its first cell is a conventional name such as `citing`,
/// `source`, `from`, `tail`, `src`, `node1` or `id1` (any case); pass
/// ``HeaderMode/present`` or ``HeaderMode/absent`` to decide explicitly.
///
/// Node ids are the cells as written (`"0001001"` and `"1001"` are different ids);
/// nodes are numbered in first-seen order. Time O(file size), one `String` per distinct id.
public enum EdgeListReader {
    /// First-cell names that mark a header row under ``HeaderMode/auto``.
    public static let headerNames: Set<String> = [
        "citing", "source", "from", "tail", "src", "u", "node1", "id1", "citing_id",
        "source_id", "from_id", "citing_paper", "citing_paper_id", "paper", "paper_id",
    ]

    /// Whether `cell` is a conventional first-column name (case-insensitive).
    public static func isHeaderName(_ cell: String) -> Bool {
        headerNames.contains(cell.trimmingWhitespace().lowercased())
    }

    /// Reads an edge list, choosing the CSV parser for `.csv` files.
    public static func read(path: String, header: HeaderMode = .auto) throws -> ArcList {
        let file = try InputFile(path: path)
        if Gzip.uncompressedName(path).lowercased().hasSuffix(".csv") { return try readCSV(file, header: header) }
        return try readWhitespace(file, header: header)
    }

    /// Reads a whitespace/tab-separated edge list from bytes.
    public static func readWhitespace(_ file: InputFile, header: HeaderMode = .auto) throws -> ArcList {
        try file.data.withUnsafeBytes { raw -> ArcList in
            var interner = ByteInterner(expected: max(1024, raw.count / 40))
            var arcs = ArcList(ids: [], declaresNodes: false)
            let estimate = raw.count / 12
            arcs.tails.reserveCapacity(estimate)
            arcs.heads.reserveCapacity(estimate)
            arcs.lines.reserveCapacity(estimate)
            var lines = ByteLines(raw)
            var firstRow = true
            while let span = lines.next() {
                guard let a = raw.token(from: span.start, limit: span.end) else { continue }
                let c = raw[a.start]
                if c == Byte.hash || c == Byte.percent { continue }
                if firstRow {
                    firstRow = false
                    if header == .present || (header == .auto && isHeaderName(raw.string(a))) { continue }
                }
                guard let b = raw.token(from: a.end, limit: span.end) else {
                    throw InputError(file: file.path, line: lines.lineNumber,
                                     message: "expected two columns (citing, cited), found one: '\(raw.string(a))'")
                }
                var weight: Double?
                if let w = raw.token(from: b.end, limit: span.end) {
                    guard let value = raw.number(w) else {
                        throw InputError(file: file.path, line: lines.lineNumber, field: "weight",
                                         message: "non-numeric weight '\(raw.string(w))' (the third column must be a number)")
                    }
                    weight = value
                }
                let u = interner.intern(raw, a)
                let v = interner.intern(raw, b)
                arcs.append(u, v, weight: weight, line: lines.lineNumber)
            }
            arcs.ids = interner.ids
            return arcs
        }
    }

    /// Reads a comma-separated edge list through CSV.swift.
    public static func readCSV(_ file: InputFile, header: HeaderMode = .auto) throws -> ArcList {
        let table = try CSVRows(file: file)
        var interner = ByteInterner()
        var arcs = ArcList(ids: [], declaresNodes: false)
        var firstRow = true
        for row in table.rows {
            let cells = row.cells
            if firstRow {
                firstRow = false
                if header == .present || (header == .auto && isHeaderName(cells[0])) { continue }
            }
            guard cells.count >= 2 else {
                throw InputError(file: file.path, line: row.line,
                                 message: "expected two columns (citing, cited), found one: '\(cells[0])'")
            }
            let from = cells[0].trimmingWhitespace(), to = cells[1].trimmingWhitespace()
            guard !from.isEmpty, !to.isEmpty else {
                throw InputError(file: file.path, line: row.line, message: "empty node id")
            }
            var weight: Double?
            if cells.count >= 3 {
                let text = cells[2].trimmingWhitespace()
                if !text.isEmpty {
                    guard let value = Double(text), value.isFinite else {
                        throw InputError(file: file.path, line: row.line, field: "weight",
                                         message: "non-numeric weight '\(text)' (the third column must be a number)")
                    }
                    weight = value
                }
            }
            arcs.append(interner.intern(from), interner.intern(to), weight: weight, line: row.line)
        }
        arcs.ids = interner.ids
        return arcs
    }
}
