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

    /// Appends one field, empty for `nil`.
    mutating func field(_ s: String?) {
        if let s { withUTF8Bytes(s) { field(utf8: $0) } } else { field(utf8: UnsafeBufferPointer(start: nil, count: 0)) }
    }

    /// Appends one field (quoted when needed).
    mutating func field(_ s: String) {
        withUTF8Bytes(s) { field(utf8: $0) }
    }

    /// Appends one field given as UTF-8 bytes (quoted when needed).
    mutating func field(utf8 u: UnsafeBufferPointer<UInt8>) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        guard let base = u.baseAddress, let first = u.first, let last = u.last else { return }
        var needs = ByteScan.containsQuoteTrigger(u)
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
        // Quoted: the runs between `"` copied whole, each `"` doubled.
        bytes.append(0x22)
        var start = 0
        while start < u.count, let hit = memchr(base + start, 0x22, u.count - start) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<end]))
            bytes.append(0x22)
            start = end
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...]))
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

    /// Appends `n` empty fields (what `n` calls of ``field(_:)-(String)`` with `""` append).
    mutating func emptyFields(_ n: Int) {
        guard n > 0 else { return }
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        for _ in 1..<n { bytes.append(0x2C) }
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

    mutating func flush() throws {
        do { try handle.write(contentsOf: csv.bytes) } catch {
            throw InputError(file: temp.path, message: "cannot write: \(error.localizedDescription)")
        }
        csv.removeAll()
    }

    /// Appends rows `0..<count` on both cores: rows are rendered in chunks of `rowsPerChunk`
    /// by `render` (which appends the rows of the range it is given, each ended by
    /// ``CSVBytes/endRow()``). Each core claims the next chunk, renders it into its own
    /// buffer, then writes it (`pwrite` at its offset) once every earlier chunk is written:
    /// the chunks are written one at a time, in row order, while the other core renders —
    /// so two writes never contend for the file's lock and a core that is not writing is
    /// rendering. The file's bytes are the chunks in row order — the same bytes as one loop
    /// over the rows — whatever the schedule. Memory: one chunk buffer per core, reused.
    /// When a write fails, no later chunk is written and that error is thrown.
    /// O(text length).
    mutating func appendRows(count: Int, rowsPerChunk: Int,
                             render: @Sendable (_ rows: Range<Int>, _ csv: inout CSVBytes) -> Void) throws {
        try flush()
        let fd = handle.fileDescriptor
        let path = temp.path
        let end = lseek(fd, 0, SEEK_END)
        guard end >= 0 else { throw InputError(file: path, message: "cannot write: seek failed (errno \(errno))") }
        let turns = CSVChunkTurns(count: count, rowsPerChunk: rowsPerChunk, fileEnd: Int(end))
        let lanes = [CSVChunkLane(), CSVChunkLane()]
        _ = try Importer.inParallel(lanes.count) { j in
            let lane = lanes[j]
            while let (k, rows) = turns.claim() {
                lane.csv.removeAll()
                render(rows, &lane.csv)
                guard let offset = turns.waitForTurn(k, length: lane.csv.bytes.count) else { return }
                do {
                    try CSVTableFile.writeAll(fd: fd, lane.csv.bytes, at: offset, path: path)
                } catch {
                    turns.fail()
                    throw error
                }
                turns.written(k)
            }
        }
        guard lseek(fd, off_t(turns.fileEnd), SEEK_SET) >= 0 else {
            throw InputError(file: path, message: "cannot write: seek failed (errno \(errno))")
        }
    }

    /// `bytes` written at `offset` of `fd` (repeating short writes).
    private static func writeAll(fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, base + done, raw.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError(file: path, message: "cannot write: errno \(errno)")
                }
                guard n > 0 else { throw InputError(file: path, message: "cannot write: no progress writing") }
                done += n
            }
        }
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

/// One core's chunk buffer in ``CSVTableFile/appendRows(count:rowsPerChunk:render:)``,
/// touched only by the job that owns it.
private final class CSVChunkLane: @unchecked Sendable {
    var csv = CSVBytes(capacity: CSVTableFile.chunk + (1 << 16))
}

/// The schedule of ``CSVTableFile/appendRows(count:rowsPerChunk:render:)``, behind one
/// condition lock: which chunk is claimed next (chunks are claimed in row order), which
/// chunk may be written now (`turn`: all earlier ones are written), where it goes
/// (`fileEnd`), and whether a write failed (then nothing more is claimed or written).
/// A chunk is claimed only by a running job, which renders and writes it before claiming
/// another, so a job waiting for its turn always waits for a running job: no deadlock,
/// whatever number of jobs actually run at once.
private final class CSVChunkTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let step: Int
    /// The first row of the next chunk to claim (chunk `nextRow / step`: all but the last
    /// chunk hold `step` rows).
    private var nextRow = 0
    private var turn = 0
    private var failed = false
    /// The file's length once every chunk so far is placed (read after the jobs finished).
    private(set) var fileEnd: Int

    init(count: Int, rowsPerChunk: Int, fileEnd: Int) {
        self.count = max(0, count)
        step = max(1, rowsPerChunk)
        self.fileEnd = fileEnd
    }

    /// The next chunk's number and rows, or `nil` when all are claimed or a write failed.
    func claim() -> (Int, Range<Int>)? {
        condition.lock()
        defer { condition.unlock() }
        guard !failed else { return nil }
        let lo = nextRow
        guard lo < count else { return nil }
        nextRow = lo + min(step, count - lo)
        return (lo / step, lo..<nextRow)
    }

    /// Waits until chunk `k` is the next to write; returns its offset (and places its
    /// `length` bytes there), or `nil` when a write failed meanwhile.
    func waitForTurn(_ k: Int, length: Int) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while turn != k && !failed { condition.wait() }
        guard !failed else { return nil }
        let offset = fileEnd
        fileEnd += length
        return offset
    }

    /// Chunk `k` is written: the next one may be.
    func written(_ k: Int) {
        condition.lock()
        turn = k + 1
        condition.broadcast()
        condition.unlock()
    }

    /// A write failed: nothing more is claimed or written.
    func fail() {
        condition.lock()
        failed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Byte scans of the writers, eight bytes at a time (a word has a zero byte iff
/// `(w - 0x01…01) & ~w & 0x80…80` is non-zero; XOR with a repeated byte finds that byte).
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func zeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }

    /// Whether `u` holds `,`, `"`, `\n` or `\r` (the bytes that make a CSV field quoted).
    static func containsQuoteTrigger(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = u.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= u.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if zeroByte(w ^ (ones &* 0x2C)) | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x0A)) | zeroByte(w ^ (ones &* 0x0D)) != 0 {
                return true
            }
            i += 8
        }
        while i < u.count {
            let b = base[i]
            if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return true }
            i += 1
        }
        return false
    }

    /// Whether every byte of `u` is ASCII (< 0x80).
    static func isASCII(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = u.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= u.count {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & highs != 0 { return false }
            i += 8
        }
        while i < u.count {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
