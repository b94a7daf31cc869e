import Foundation

/// The bytes of an input file, read once (memory-mapped when the platform allows) and
/// scanned in place by the graph readers. Gzip-compressed files (first bytes `1f 8b`,
/// whatever the name) are inflated here, so every reader accepts them (``Gzip``).
///
/// Readers never build a `String` per line: they walk the bytes with ``ByteLines`` and
/// create strings only for the ids and labels they keep.
public struct InputFile: Sendable {
    /// The path as the user gave it (used in every ``InputError``).
    public let path: String
    /// The file's content (inflated when the file is gzip-compressed).
    public let data: Data

    /// Reads `path`, inflating it when it starts with the gzip magic bytes `1f 8b`.
    /// Throws an ``InputError`` naming the file when it is missing or unreadable (a
    /// directory, no permission), when its gzip data is corrupt or truncated, and when
    /// its name ends in `.gz` but its content is not gzip data.
    public init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, message: "file not found")
        }
        if isDirectory.boolValue {
            throw InputError(file: path, message: "is a directory, expected a file")
        }
        let raw: Data
        do {
            raw = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw InputError(file: path, message: "cannot be read (\(error.localizedDescription))")
        }
        if Gzip.isCompressed(raw) {
            data = try Gzip.inflate(raw, file: path)
        } else if Gzip.hasSuffix(path) {
            throw InputError(file: path, message: raw.isEmpty
                ? "is empty: expected gzip-compressed data"
                : "has a .gz name but is not gzip data (it does not start with the bytes 1f 8b)")
        } else {
            data = raw
        }
    }

    /// Wraps in-memory content (tests, stdin) under the record name `path`.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    /// The content decoded as UTF-8 text without a leading byte-order mark.
    /// Throws when the bytes are not valid UTF-8.
    public func text() throws -> String {
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let string = String(data: body, encoding: .utf8) else {
            throw InputError(file: path, message: "is not valid UTF-8 text")
        }
        return string
    }
}

/// ASCII byte constants used by the scanners.
enum Byte {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let star: UInt8 = 0x2A

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab || b == cr }
}

/// A byte range inside a buffer: one token or one line.
struct ByteSpan: Sendable, Equatable {
    var start: Int
    var end: Int
    var count: Int { end - start }
    var isEmpty: Bool { end <= start }
}

/// Splits a byte buffer into lines (LF or CRLF; a final line without LF counts),
/// skipping a UTF-8 byte-order mark at the start. Line numbers are 1-based.
struct ByteLines {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private(set) var lineNumber = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            position = 3
        } else {
            position = 0
        }
    }

    /// The next line's span (without its CR/LF) or `nil` at the end.
    mutating func next() -> ByteSpan? {
        let n = bytes.count
        guard position < n else { return nil }
        let start = position
        var i = start
        if let base = bytes.baseAddress {
            // memchr is far faster than a Swift byte loop in debug builds.
            if let hit = memchr(base + start, Int32(Byte.lf), n - start) {
                i = base.distance(to: UnsafeRawPointer(hit))
            } else {
                i = n
            }
        }
        position = i + 1
        lineNumber += 1
        var end = i
        if end > start && bytes[end - 1] == Byte.cr { end -= 1 }
        return ByteSpan(start: start, end: end)
    }
}

extension UnsafeRawBufferPointer {
    /// The span with leading and trailing spaces, tabs and CRs removed.
    func trimmed(_ span: ByteSpan) -> ByteSpan {
        var s = span.start, e = span.end
        while s < e && Byte.isBlank(self[s]) { s += 1 }
        while e > s && Byte.isBlank(self[e - 1]) { e -= 1 }
        return ByteSpan(start: s, end: e)
    }

    /// The next whitespace-delimited token at or after `from` within `limit`, or `nil`.
    func token(from: Int, limit: Int) -> ByteSpan? {
        var s = from
        while s < limit && Byte.isBlank(self[s]) { s += 1 }
        guard s < limit else { return nil }
        var e = s
        while e < limit && !Byte.isBlank(self[e]) { e += 1 }
        return ByteSpan(start: s, end: e)
    }

    /// The bytes of `span` decoded as UTF-8 (invalid sequences repaired).
    func string(_ span: ByteSpan) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: self[span.start..<span.end]), as: UTF8.self)
    }

    /// `span` read as a non-negative decimal integer (optional leading `+`), or `nil`.
    func integer(_ span: ByteSpan) -> Int? {
        var i = span.start
        if i < span.end && self[i] == 0x2B { i += 1 }
        guard i < span.end, span.end - i <= 18 else { return nil }
        var value = 0
        while i < span.end {
            let d = Int(self[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            i += 1
        }
        return value
    }

    /// `span` read as a signed integer, or `nil`.
    func signedInteger(_ span: ByteSpan) -> Int? {
        if !span.isEmpty && self[span.start] == 0x2D {
            return integer(ByteSpan(start: span.start + 1, end: span.end)).map { -$0 }
        }
        return integer(span)
    }

    /// `span` read as a finite decimal number (`Double` syntax), or `nil`.
    func number(_ span: ByteSpan) -> Double? {
        if let i = integer(span) { return Double(i) }
        guard let d = Double(string(span)), d.isFinite else { return nil }
        return d
    }

    /// Whether `span` equals `word` ignoring ASCII case.
    func equalsIgnoringCase(_ span: ByteSpan, _ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard utf8.count == span.count else { return false }
        for k in 0..<utf8.count where (self[span.start + k] | 0x20) != (utf8[k] | 0x20) {
            return false
        }
        return true
    }
}
