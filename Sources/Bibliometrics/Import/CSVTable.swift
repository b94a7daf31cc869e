import Foundation
import NetworkCore

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
/// soon as it is known. O(total text length); no Foundation calls, no allocation per cell
/// (a field is scanned once on its contiguous UTF-8 and copied in one call; a field built
/// from pieces goes through a reused scratch buffer, ``field(building:)``).
struct CSVBytes {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true
    /// Reused by ``field(building:)``.
    private var scratch: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
        scratch.reserveCapacity(256)
    }

    /// Bits 0x0A, 0x0D, 0x22, 0x2C: the bytes that force quotes (`\n`, `\r`, `"`, `,`).
    private static let quoteMask: UInt64 = 1 << 0x0A | 1 << 0x0D | 1 << 0x22 | 1 << 0x2C

    /// Appends one field (quoted when needed).
    mutating func field(_ s: String) {
        withUTF8Bytes(s) { field(utf8: $0) }
    }

    /// Appends one field given as UTF-8 bytes (quoted when needed).
    mutating func field(utf8 u: UnsafeBufferPointer<UInt8>) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        guard let first = u.first, let last = u.last else { return }
        var needs = false
        for b in u where b < 64 && (CSVBytes.quoteMask >> UInt64(b)) & 1 != 0 {
            needs = true
            break
        }
        // An edge space needs quotes when it is a whole Character, as the rule states: a
        // space followed by a non-ASCII byte may start a longer grapheme (combining mark),
        // and one preceded by a non-ASCII byte may end one (prepended mark); those few are
        // decided by String itself.
        if !needs, first == 0x20 {
            needs = u.count == 1 || u[1] < 0x80 || String(decoding: u, as: UTF8.self).first == " "
        }
        if !needs, last == 0x20 {
            needs = u.count == 1 || u[u.count - 2] < 0x80 || String(decoding: u, as: UTF8.self).last == " "
        }
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

    /// Appends one field whose text `build` appends to the (emptied) buffer it is given —
    /// for fields made of pieces (a list joined by `; `, a shortened provenance) without
    /// building a String. Quoted as ``field(_:)-(String)`` would quote the same text.
    mutating func field(building build: (inout [UInt8]) -> Void) {
        var b = scratch
        scratch = []
        b.removeAll(keepingCapacity: true)
        build(&b)
        b.withUnsafeBufferPointer { field(utf8: $0) }
        scratch = b
    }

    /// Appends an integer field (never quoted), its decimal digits written directly.
    mutating func field(_ n: Int) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        CSVBytes.appendDecimal(n, to: &bytes)
    }

    /// The decimal digits of `n` (with `-` when negative), as `String(n)` prints them.
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n < 0 { out.append(0x2D) }
        let v = n.magnitude
        var divisor: UInt = 1
        while v / divisor >= 10 { divisor &*= 10 }
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: (v / divisor) % 10) &+ 0x30)
            divisor /= 10
        }
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

    /// Forgets the bytes (keeping the capacity), after they were written.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

/// A CSV table streamed to `folder/name`: rows go to a temporary file `.name.tmp` in
/// chunks of about 1 MiB, renamed over `name` by ``finish()`` (so the table's text never
/// sits in memory whole, and a reader never sees a half-written file).
struct CSVTableFile {
    let url: URL
    private let temp: URL
    private let handle: FileHandle
    var csv = CSVBytes(capacity: CSVTableFile.chunk + (1 << 16))
    static let chunk = 1 << 20

    init(folder: URL, name: String, header: [String]) throws {
        url = folder.appendingPathComponent(name)
        temp = folder.appendingPathComponent("." + name + ".tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil),
              let h = FileHandle(forWritingAtPath: temp.path) else {
            throw InputError(file: temp.path, message: "cannot write: the file cannot be created")
        }
        handle = h
        csv.row(header)
    }

    /// Ends the current row; writes the buffered rows out once they pass the chunk size.
    mutating func endRow() throws {
        csv.endRow()
        if csv.bytes.count >= CSVTableFile.chunk { try flush() }
    }

    private mutating func flush() throws {
        do { try handle.write(contentsOf: csv.bytes) } catch {
            throw InputError(file: temp.path, message: "cannot write: \(error.localizedDescription)")
        }
        csv.removeAll()
    }

    /// Writes the rest, closes the file and renames it to its name.
    mutating func finish() throws {
        try flush()
        do { try handle.close() } catch {
            throw InputError(file: temp.path, message: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temp.path, url.path) == 0 else {
            throw InputError(file: url.path, message: "cannot write: renaming \(temp.lastPathComponent) failed (errno \(errno))")
        }
    }
}

/// Calls `body` with the contiguous UTF-8 bytes of `s` (native Strings, small or large, are
/// contiguous: no copy; a bridged one is copied once).
@inline(__always)
func withUTF8Bytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = s
    return try copy.withUTF8(body)
}
