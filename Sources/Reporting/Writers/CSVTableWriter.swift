import CSV
import Foundation

/// Writes a ``ReportTable`` as RFC 4180 CSV (UTF-8, LF line ends, header row).
///
/// Cells are written at full precision (``ReportCell/raw``). Text cells that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR, and
/// not a plain number) are prefixed with an apostrophe, as OWASP's guidance on CSV
/// injection recommends. Quoting is done by CSV.swift.
///
/// Complexity O(total characters). Deterministic.
public enum CSVTableWriter {
    /// The CSV bytes of `table`.
    public static func csv(_ table: ReportTable) throws -> [UInt8] {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: table.columns.map(neutralised))
        for row in table.rows {
            try writer.write(row: row.map { cell in
                if case .text(let s) = cell { return neutralised(s) }
                return cell.raw
            })
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw ReportError.io(path: table.name + ".csv", message: "the CSV writer returned no data")
        }
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        return bytes
    }

    /// `text` made safe to open in a spreadsheet (see the type's comment).
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        let risky: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
        guard risky.contains(first) else { return text }
        if Double(text) != nil { return text }  // a plain negative number is data, not a formula
        return "'" + text
    }
}
