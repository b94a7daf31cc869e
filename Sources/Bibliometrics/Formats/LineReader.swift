import Foundation
import NetworkCore

/// Reads a text file line by line in fixed-size chunks, so memory stays bounded by the
/// longest line, not the file.
///
/// Definition: a line ends at `\n` (LF), `\r\n` (CRLF) or a lone `\r` (CR, old Mac and
/// some RIS exports); one file may mix them. A UTF-8 byte order mark at the start is
/// skipped. A file starting with a UTF-16 byte order mark (Web of Science's "UTF-16"
/// exports) is transcoded to UTF-8 as a whole when first read (memory: the file once).
/// A UTF-32 byte order mark, a broken UTF-16 surrogate, or a line that is not valid UTF-8
/// (a Latin-1 or Windows-1252 export) is an ``InputError`` naming the file, the line and
/// the offending byte. ``lineEndings`` counts the endings of each kind seen, for the import
/// log. Complexity O(file size); deterministic.
struct LineReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    private var first = true
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0
    /// Line endings seen so far: LF, CRLF and lone CR.
    private(set) var lineEndings = (lf: 0, crlf: 0, cr: 0)
    /// The encoding the file was transcoded from (`"UTF-16LE"`, `"UTF-16BE"`), or `nil` for UTF-8.
    private(set) var transcodedFrom: String?

    static let chunkSize = 1 << 16

    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "file not found")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, message: "is a folder, expected a file") }
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, message: "cannot be opened for reading")
        }
        handle = h
    }

    /// The next line without its terminator, or `nil` at the end of the file.
    mutating func next() throws -> String? {
        while true {
            if let end = buffer[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                if buffer[end] == 0x0D, end + 1 == buffer.count, !atEOF {
                    // A CR at the end of the buffer: the next chunk says whether LF follows.
                    try fill()
                    continue
                }
                let line = try decode(buffer[start..<end])
                start = buffer.withUnsafeBufferPointer { Self.passLineEnding(in: $0, at: end, counting: &lineEndings) }
                return line
            }
            if atEOF {
                guard start < buffer.count else { return nil }
                let line = try decode(buffer[start...])
                start = buffer.count
                return line
            }
            try fill()
        }
    }

    /// What the reader repaired, for the import log: mixed or lone-CR line endings, a
    /// UTF-16 file transcoded. Empty for plain UTF-8 files with LF or CRLF endings.
    var repairs: [InputError] { Self.repairs(path: path, transcodedFrom: transcodedFrom, lineEndings: lineEndings) }

    /// The index after the line end at `end` of `bytes` (an LF, a CR LF, or a lone CR: a CR
    /// whose next byte is not in `bytes` counts as lone), counted in `counts`. Shared by
    /// ``LineReader`` and ``LineRanges``. O(1).
    @inline(__always)
    static func passLineEnding(in bytes: UnsafeBufferPointer<UInt8>, at end: Int, counting counts: inout (lf: Int, crlf: Int, cr: Int)) -> Int {
        if bytes[end] == 0x0A {
            counts.lf += 1
            return end + 1
        }
        if end + 1 < bytes.count, bytes[end + 1] == 0x0A {
            counts.crlf += 1
            return end + 2
        }
        counts.cr += 1
        return end + 1
    }

    static func repairs(path: String, transcodedFrom: String?, lineEndings e: (lf: Int, crlf: Int, cr: Int)) -> [InputError] {
        var out: [InputError] = []
        if let t = transcodedFrom { out.append(InputError(file: path, line: 1, message: "encoding: \(t) transcoded to UTF-8")) }
        let kinds = [(e.lf, "LF"), (e.crlf, "CRLF"), (e.cr, "lone CR")].filter { $0.0 > 0 }
        if kinds.count > 1 || e.cr > 0 {
            out.append(InputError(file: path, message: "line endings: " + kinds.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + " (each read as one line end)"))
        }
        return out
    }

    private mutating func fill() throws {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: Self.chunkSize) } catch {
            throw InputError(file: path, message: "read failed: \(error.localizedDescription)")
        }
        guard let chunk, !chunk.isEmpty else {
            atEOF = true
            try? handle.close()
            return
        }
        buffer.append(contentsOf: chunk)
        if first {
            first = false
            try checkByteOrderMark()
        }
    }

    private mutating func checkByteOrderMark() throws {
        if let bigEndian = try TextEncoding.utf16ByteOrder(buffer, path: path) {
            // Read the rest and transcode the whole file.
            while let more = try? handle.read(upToCount: 1 << 20), !more.isEmpty { buffer.append(contentsOf: more) }
            atEOF = true
            try? handle.close()
            buffer = try TextEncoding.utf8(fromUTF16: buffer[2...], bigEndian: bigEndian, path: path)
            transcodedFrom = bigEndian ? "UTF-16BE" : "UTF-16LE"
            start = 0
            return
        }
        let b = buffer
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
    }

    private mutating func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        lineNumber += 1
        var slice = bytes
        if slice.last == 0x0D { slice = slice.dropLast() }
        // ASCII (most lines of an export) is valid UTF-8: no validation pass needed.
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        if let s = String(validating: slice, as: UTF8.self) { return s }
        throw Self.invalidUTF8(slice, path: path, line: lineNumber)
    }

    /// Throws the error ``next()`` gives for `bytes` (line `line`) when they are not valid UTF-8.
    static func checkUTF8(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int) throws {
        if String(validating: bytes, as: UTF8.self) == nil { throw invalidUTF8(bytes, path: path, line: line) }
    }

    /// The error for invalid UTF-8 `slice` (line `line`): the first invalid byte and the characters before it.
    static func invalidUTF8<C: Collection>(_ slice: C, path: String, line: Int) -> InputError where C.Element == UInt8 {
        // Locate the first invalid byte for the message.
        var column = 0
        var offending: UInt8 = 0
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += String(scalar).utf8.count
                column += 1
            case .emptyInput: break loop
            case .error:
                offending = Array(slice)[min(consumed, slice.count - 1)]
                break loop
            }
        }
        return InputError(file: path, line: line,
                          message: "not valid UTF-8 (byte 0x\(String(offending, radix: 16, uppercase: true)) after character \(column)); the file looks like Latin-1/Windows-1252: export or save it as UTF-8")
    }
}

/// Reads a whole (small) file as UTF-8 text with the same checks as ``LineReader``.
enum TextFile {
    static func data(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputError(file: path, message: "file not found")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot be opened for reading")
        }
        let bytes = [UInt8](data.prefix(4))
        if let bigEndian = try TextEncoding.utf16ByteOrder(bytes, path: path) {
            return Data(try TextEncoding.utf8(fromUTF16: [UInt8](data)[2...], bigEndian: bigEndian, path: path))
        }
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF { return data.dropFirst(3) }
        return data
    }

    /// The first `limit` bytes (for format detection), BOM removed.
    static func prefix(_ path: String, limit: Int = 1 << 16) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "file not found")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, message: "is a folder, expected a file") }
        guard let h = FileHandle(forReadingAtPath: path) else { throw InputError(file: path, message: "cannot be opened for reading") }
        defer { try? h.close() }
        let data = ((try? h.read(upToCount: limit)) ?? nil) ?? Data()
        let bytes = [UInt8](data)
        if let bigEndian = try TextEncoding.utf16ByteOrder(bytes, path: path) {
            // Transcode whole code units only (a cut surrogate pair at the end is dropped).
            var units = bytes[2...]
            if units.count % 2 == 1 { units = units.dropLast() }
            let utf8 = (try? TextEncoding.utf8(fromUTF16: units, bigEndian: bigEndian, path: path))
                ?? (try? TextEncoding.utf8(fromUTF16: units.dropLast(2), bigEndian: bigEndian, path: path)) ?? []
            return Data(utf8)
        }
        return data
    }
}

/// Byte-order-mark handling shared by ``LineReader`` and ``TextFile``.
enum TextEncoding {
    /// `true` (big-endian) / `false` (little-endian) when `bytes` start with a UTF-16 byte
    /// order mark, `nil` otherwise; a UTF-32 byte order mark is an error.
    static func utf16ByteOrder<C: Collection>(_ bytes: C, path: String) throws -> Bool? where C.Element == UInt8 {
        let b = Array(bytes.prefix(4))
        guard b.count >= 2 else { return nil }
        if b.count >= 4, (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) || (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) {
            throw InputError(file: path, line: 1, message: "the file is UTF-32 encoded; save or export it as UTF-8 or UTF-16")
        }
        if b[0] == 0xFF && b[1] == 0xFE { return false }
        if b[0] == 0xFE && b[1] == 0xFF { return true }
        return nil
    }

    /// UTF-8 bytes of UTF-16 code units (byte order mark already removed). An odd byte
    /// count or an unpaired surrogate is an error naming the line it occurs on.
    static func utf8(fromUTF16 bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws -> [UInt8] {
        guard bytes.count % 2 == 0 else {
            throw InputError(file: path, message: "UTF-16 file with an odd number of bytes (truncated?)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                out.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
            case .emptyInput: break loop
            case .error:
                throw InputError(file: path, line: line, message: "not valid UTF-16 (an unpaired surrogate): export or save it as UTF-8")
            }
        }
        return out
    }
}
