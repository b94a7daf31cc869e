import Foundation

/// Writes RFC 4180 CSV text (the importer's tables can hold hundreds of thousands of
/// rows; building the text directly is an order of magnitude faster than a stream writer).
///
/// Definition: fields joined by `,`, rows ended by `\n`; a field containing `,`, `"`,
/// `\r` or `\n`, or starting or ending with a space, is enclosed in `"` with every `"`
/// doubled. Reading the text back with CSV.swift gives the same cells (tested).
/// O(total text length); deterministic.
enum CSVTable {
    static func text(header: [String], rows: [[String]]) -> String {
        var out = CSVBytes(capacity: rows.count * 64)
        out.row(header)
        for row in rows { out.row(row) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func quoted(_ field: String) -> String {
        var out = CSVBytes(capacity: field.utf8.count + 2)
        out.field(field)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// The bytes of a CSV table built field by field (``CSVTable``'s quoting rules), so a table
/// of a million cells never exists as `[[String]]`: each cell is appended as UTF-8 bytes as
/// soon as it is known. O(total text length); no Foundation calls.
struct CSVBytes {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends one field (quoted when needed).
    mutating func field(_ s: String) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        let u = s.utf8
        // An edge space needs quotes; `first`/`last` as Characters, as the rule states.
        var needs = (u.first == 0x20 && s.first == " ") || (u.last == 0x20 && s.last == " ")
        if !needs { needs = u.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
        guard needs else {
            bytes.append(contentsOf: u)
            return
        }
        bytes.append(0x22)
        for b in u {
            bytes.append(b)
            if b == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
    }

    /// Appends an integer field (never quoted).
    mutating func field(_ n: Int) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        bytes.append(contentsOf: String(n).utf8)
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(0x0A)
        atRowStart = true
    }

    /// Appends a whole row.
    mutating func row(_ cells: [String]) {
        for c in cells { field(c) }
        endRow()
    }

    /// Writes the bytes to `url` atomically (a temporary file renamed), without copying them.
    func write(to url: URL) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, raw.count > 0 else {
                try Data().write(to: url, options: .atomic)
                return
            }
            try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: raw.count, deallocator: .none)
                .write(to: url, options: .atomic)
        }
    }
}
