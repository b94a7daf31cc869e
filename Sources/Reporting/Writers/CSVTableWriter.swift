
/// Writes a ``ReportTable`` as RFC 4180 CSV (UTF-8, LF line ends, header row).
///
/// Cells are written at full precision (``ReportCell/raw``). Text cells that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR, and
/// not a plain number) are prefixed with an apostrophe, as OWASP's guidance on CSV
/// injection recommends. A field is quoted when it holds a double quote, comma, CR or LF,
/// with its double quotes doubled (RFC 4180); rows end with LF, the last one too.
///
/// Complexity O(total characters). Deterministic.
public enum CSVTableWriter {
    /// The CSV bytes of `table`.
    public static func csv(_ table: ReportTable) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (table.rows.count + 1))
        append(header: table.columns, to: &out)
        append(rows: table.rows, to: &out)
        return out
    }

    /// Appends the header row of `columns` to `out`. O(characters).
    public static func append(header columns: [String], to out: inout [UInt8]) {
        write(columns.map(neutralised), to: &out)
    }

    /// Appends `rows` to `out` as CSV lines, so a long table can be written in batches
    /// (header once, then each batch) with the same bytes as ``csv(_:)``. O(characters).
    public static func append(rows: some Sequence<[ReportCell]>, to out: inout [UInt8]) {
        for row in rows {
            write(row.map { cell in
                if case .text(let s) = cell { return neutralised(s) }
                return cell.raw
            }, to: &out)
        }
    }

    private static func write(_ row: [String], to out: inout [UInt8]) {
        for (k, field) in row.enumerated() {
            if k > 0 { out.append(0x2C) }
            let utf8 = field.utf8
            if utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0D || $0 == 0x0A }) {
                out.append(0x22)
                for byte in utf8 {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: utf8)
            }
        }
        out.append(0x0A)
    }

    private static let riskyFirst: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` made safe to open in a spreadsheet (see the type's comment).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        guard riskyFirst.contains(first) else { return text }
        if Double(text) != nil { return text }  // a plain negative number is data, not a formula
        return "'" + text
    }
}
