import Foundation
import NetworkCore

/// Reads a text file line by line in fixed-size chunks, so memory stays bounded by the
/// longest line, not the file.
///
/// Definition: lines end at `\n`; a trailing `\r` (CRLF files) is removed; a UTF-8 byte
/// order mark at the start is skipped. A file starting with a UTF-16 or UTF-32 byte order
/// mark, or a line that is not valid UTF-8 (a Latin-1 or Windows-1252 export), is an
/// ``InputError`` naming the file, the line and the offending byte. Complexity O(file
/// size); deterministic.
struct LineReader {
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEOF = false
    private var first = true
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

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
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = try decode(buffer[start..<nl])
                start = nl + 1
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
        let b = buffer
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
            throw InputError(file: path, line: 1, message: "the file is UTF-16 (or UTF-32) encoded; save or export it as UTF-8")
        }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
    }

    private mutating func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        lineNumber += 1
        var slice = bytes
        if slice.last == 0x0D { slice = slice.dropLast() }
        if let s = String(validating: slice, as: UTF8.self) { return s }
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
                offending = slice[slice.startIndex + min(consumed, slice.count - 1)]
                break loop
            }
        }
        throw InputError(file: path, line: lineNumber,
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
        if data.count >= 2, (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF) {
            throw InputError(file: path, line: 1, message: "the file is UTF-16 (or UTF-32) encoded; save or export it as UTF-8")
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
        let data = (try? h.read(upToCount: limit)) ?? nil
        return data ?? Data()
    }
}
