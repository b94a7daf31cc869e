import Foundation
import NetworkCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a whole file as byte ranges, for readers that keep a record's lines as
/// ranges of the file's bytes and build Strings only for the fields they keep.
/// (NetworkCore's `ByteLines`, for graph files, splits on LF/CRLF only and checks no
/// encoding; bibliographic exports need ``LineReader``'s rules, hence this type.)
///
/// Definition: the lines, line numbers, line-ending counts, byte-order-mark handling,
/// UTF-16 transcoding and errors of ``LineReader`` (which see), on the file read whole:
/// ``next()`` gives the range of the next line in ``bytes`` without its terminator, after
/// checking that it is valid UTF-8 (one pass over an ASCII line; a non-ASCII line is
/// validated as ``LineReader`` does and gives its error). Memory: the file once (twice
/// while a UTF-16 file is transcoded). O(file size); deterministic.
struct LineRanges {
    let path: String
    /// The file's bytes (UTF-8: a UTF-16 file transcoded); the first line starts at ``start``.
    let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0
    /// Line endings seen so far: LF, CRLF and lone CR.
    private(set) var lineEndings = (lf: 0, crlf: 0, cr: 0)
    /// The encoding the file was transcoded from (`"UTF-16LE"`, `"UTF-16BE"`), or `nil` for UTF-8.
    let transcodedFrom: String?

    /// Reads the file at `path` and runs `body` on its lines; the byte pointer is valid
    /// only inside `body`.
    static func withLines<R>(path: String, _ body: (inout LineRanges) throws -> R) throws -> R {
        var data = try fileBytes(path)
        var transcodedFrom: String?
        var start = 0
        if !data.isEmpty {
            if let bigEndian = try TextEncoding.utf16ByteOrder(data.prefix(4), path: path) {
                data = try TextEncoding.utf8(fromUTF16: data[2...], bigEndian: bigEndian, path: path)
                transcodedFrom = bigEndian ? "UTF-16BE" : "UTF-16LE"
            } else if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
                start = 3
            }
        }
        return try data.withUnsafeBufferPointer { buffer in
            var lines = LineRanges(path: path, bytes: buffer, position: start, transcodedFrom: transcodedFrom)
            return try body(&lines)
        }
    }

    private init(path: String, bytes: UnsafeBufferPointer<UInt8>, position: Int, transcodedFrom: String?) {
        self.path = path
        self.bytes = bytes
        self.position = position
        self.transcodedFrom = transcodedFrom
    }

    /// The file's bytes, with the errors of ``LineReader`` for a missing file, a folder or
    /// a file that cannot be opened or read.
    private static func fileBytes(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "file not found")
        }
        guard !isDirectory.boolValue else { throw InputError(file: path, message: "is a folder, expected a file") }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(file: path, message: "cannot be opened for reading") }
        defer { close(fd) }
        var status = stat()
        let size = fstat(fd, &status) == 0 ? max(0, Int(status.st_size)) : 0
        // Straight into the array (no Data copy): the size stat gives, then whatever follows
        // (a file that grew meanwhile) in chunks.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let r = read(fd, base + count, size - count)
                if r < 0, errno == EINTR { continue }
                if r < 0 { failure = errno; return }
                if r == 0 { return }
                count += r
            }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let r = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if r < 0, errno == EINTR { continue }
            if r < 0 { failure = errno; break }
            if r == 0 { break }
            bytes.append(contentsOf: chunk[..<r])
        }
        guard failure == 0 else {
            throw InputError(file: path, message: "read failed: \(String(cString: strerror(failure)))")
        }
        return bytes
    }

    /// The range in ``bytes`` of the next line without its terminator, or `nil` at the end.
    mutating func next() throws -> Range<Int>? {
        let n = bytes.count
        guard position < n else { return nil }
        var i = position
        var high: UInt8 = 0
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D { break }
            high |= b
            i += 1
        }
        let line = position..<i
        lineNumber += 1
        if high >= 0x80 { try LineReader.checkUTF8(UnsafeBufferPointer(rebasing: bytes[line]), path: path, line: lineNumber) }
        position = i == n ? n : LineReader.passLineEnding(in: bytes, at: i, counting: &lineEndings)
        return line
    }

    /// What the reader repaired, for the import log (as ``LineReader/repairs``).
    var repairs: [InputError] { LineReader.repairs(path: path, transcodedFrom: transcodedFrom, lineEndings: lineEndings) }
}
