import Foundation

/// A node attribute table (`--nodes FILE`): the first column is the node id, the others
/// are attributes.
///
/// Column names come from the first non-blank line:
/// - if it starts with `#`, that comment line names the columns (the form of the Cora,
///   CiteSeer and hep-th label files: `# paper_id<TAB>class_name  (note…)`); each name is
///   the first word of its cell, so trailing notes in the comment are dropped;
/// - otherwise that line is a header row.
///
/// Later `#` lines are comments; blank lines are skipped. Gzip files (`.tsv.gz`,
/// `.csv.gz`) are inflated first and read by the name without `.gz`. `.csv` files are parsed with
/// CSV.swift; other extensions are split on tabs when the naming line contains a tab,
/// otherwise on runs of spaces. Empty cells are missing values.
public struct NodeTable: Sendable {
    /// The file as given.
    public let file: String
    /// Name of the id column (the first column).
    public let idColumn: String
    /// Names of the attribute columns, in file order.
    public let columns: [String]
    /// Node id of each row.
    public let ids: [String]
    /// 1-based line of each row.
    public let lines: [Int]
    /// `values[c][r]` = value of attribute `columns[c]` in row `r` (`nil` when empty).
    public let values: [[String?]]

    /// Reads a node table. Throws ``InputError`` for a missing file, a file with no
    /// naming line, repeated column names, rows with more cells than names, empty ids and
    /// duplicate ids (naming both lines).
    public static func read(path: String) throws -> NodeTable {
        let file = try InputFile(path: path)
        let isCSV = Gzip.uncompressedName(path).lowercased().hasSuffix(".csv")
        var names: [String] = []
        var rows: [(line: Int, cells: [String])] = []
        var namingText = ""
        var namingNumber = 0
        var fromComment = false
        try file.data.withUnsafeBytes { raw in
            var lines = ByteLines(raw)
            var found: ByteSpan?
            while let span = lines.next() {
                let trimmed = raw.trimmed(span)
                if trimmed.isEmpty { continue }
                found = trimmed
                namingNumber = lines.lineNumber
                break
            }
            guard var naming = found else {
                throw InputError(file: path, line: 1, message: "is empty: expected a header row or a `#` line naming the columns")
            }
            fromComment = raw[naming.start] == Byte.hash
            if fromComment { naming.start += 1 }
            namingText = raw.string(naming)
            if isCSV { return }
            let useTabs = (naming.start..<naming.end).contains { raw[$0] == Byte.tab }
            names = Self.cells(raw, naming, tabs: useTabs).map { fromComment ? Self.firstWord($0) : $0 }
            while let span = lines.next() {
                guard let first = raw.token(from: span.start, limit: span.end) else { continue }
                if raw[first.start] == Byte.hash { continue }
                rows.append((lines.lineNumber, Self.cells(raw, span, tabs: useTabs)))
            }
        }
        if isCSV {
            let table = try CSVRows(file: file, hasHeader: !fromComment, comments: true)
            if fromComment {
                let header = try CSVRows(file: InputFile(path: path, data: Data(namingText.utf8)))
                names = (header.rows.first?.cells ?? []).map(Self.firstWord)
            } else {
                names = table.header ?? []
            }
            rows = table.rows.map { ($0.line, $0.cells) }
        }
        names = names.map { $0.trimmingWhitespace() }
        guard let idColumn = names.first, !idColumn.isEmpty else {
            throw InputError(file: path, line: namingNumber, message: "the header names no columns; the first column must be the node id")
        }
        var seenNames: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            if let first = seenNames[name] {
                throw InputError(file: path, line: namingNumber, field: name,
                                 message: "column name repeated (columns \(first + 1) and \(k + 1))")
            }
            seenNames[name] = k
        }
        var ids: [String] = []
        var lines: [Int] = []
        var values = [[String?]](repeating: [], count: names.count - 1)
        var firstLine: [String: Int] = [:]
        for row in rows {
            guard row.cells.count <= names.count else {
                throw InputError(file: path, line: row.line,
                                 message: "row has \(row.cells.count) cells but the header names \(names.count) columns (\(names.joined(separator: ", ")))")
            }
            let id = row.cells[0].trimmingWhitespace()
            guard !id.isEmpty else {
                throw InputError(file: path, line: row.line, field: idColumn, message: "empty node id")
            }
            if let first = firstLine[id] {
                throw InputError(file: path, line: row.line, field: idColumn,
                                 message: "duplicate node id '\(id)' (first on line \(first))")
            }
            firstLine[id] = row.line
            ids.append(id)
            lines.append(row.line)
            for c in 1..<max(names.count, 1) {
                let value = c < row.cells.count ? row.cells[c].trimmingWhitespace() : ""
                values[c - 1].append(value.isEmpty ? nil : value)
            }
        }
        return NodeTable(file: path, idColumn: idColumn, columns: Array(names.dropFirst()),
                         ids: ids, lines: lines, values: values)
    }

    private static func firstWord(_ cell: String) -> String {
        cell.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
    }

    /// The cells of a line: split on every tab, or on runs of blanks when `tabs` is false.
    private static func cells(_ raw: UnsafeRawBufferPointer, _ span: ByteSpan, tabs: Bool) -> [String] {
        var result: [String] = []
        if tabs {
            var start = span.start
            var i = span.start
            while i <= span.end {
                if i == span.end || raw[i] == Byte.tab {
                    result.append(raw.string(ByteSpan(start: start, end: i)))
                    start = i + 1
                }
                i += 1
            }
        } else {
            var position = span.start
            while let token = raw.token(from: position, limit: span.end) {
                result.append(raw.string(token))
                position = token.end
            }
        }
        return result
    }
}

/// How a ``NodeTable`` matched a graph's nodes.
public struct NodeTableMatch: Sendable, Equatable {
    /// The table's file.
    public var file: String
    /// Rows in the table.
    public var rows: Int
    /// Rows whose id (or, for Pajek files, unique label) is a node of the graph.
    public var matched: Int
    /// Rows matched through the `label` attribute rather than the id.
    public var matchedByLabel: Int
    /// Rows whose id is not a node and was not added (files that declare their nodes).
    public var unknownIDs: Int
    /// Up to 5 of those ids, for the message.
    public var unknownExamples: [String]
    /// Rows added as isolated nodes (edge lists: the table completes the node set).
    public var addedNodes: Int
    /// Graph nodes with no row in the table (their attribute values are missing).
    public var nodesWithoutRow: Int
}
