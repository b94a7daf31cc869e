// Every zlib call of NetworkCore lives in this file. Pointers into `Data` buffers never
// leave the closure that produced them: `next_in` / `next_out` are cleared before each
// closure returns.
import CZlib
import Foundation

/// Gzip-compressed input (RFC 1952, doi:10.17487/RFC1952): detection, the name the
/// format is read from, and inflation.
///
/// ``InputFile/init(path:)`` inflates every file whose first two bytes are the gzip
/// magic `1f 8b`, whatever its name, so every reader (Pajek, edge lists, GraphML, node
/// tables, Pajek partitions/vectors) accepts `.gz` files; the format is then chosen from
/// the name without `.gz` (``uncompressedName(_:)``: `CiteB.net.gz` is Pajek).
public enum Gzip {
    /// Whether `data` starts with the gzip magic bytes `1f 8b`. O(1).
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// Whether `path` ends in `.gz` (any case).
    public static func hasSuffix(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".gz")
    }

    /// `path` without a trailing `.gz` (any case), the name whose extension says the
    /// format: `CiteB.net.gz` → `CiteB.net`. Other paths are returned unchanged.
    public static func uncompressedName(_ path: String) -> String {
        hasSuffix(path) ? String(path.dropLast(3)) : path
    }

    /// Inflates gzip data: every member of a multi-member file (the concatenation of
    /// members, as `cat a.gz b.gz` makes, inflates to the concatenation of their
    /// contents), each member's CRC-32 and length checked by zlib. Zero bytes after the
    /// last member (tape padding) are ignored; any other trailing bytes are an error.
    ///
    /// zlib is opened with window bits `15 + 32` (automatic gzip/zlib header detection),
    /// so a zlib (RFC 1950) stream is accepted too.
    ///
    /// Memory: the output buffer starts at the size the last member's trailer states
    /// (`ISIZE`, exact for a single-member file under 4 GiB, ignored when implausible) and
    /// grows by half when full; the input is not copied.
    ///
    /// - Parameters:
    ///   - data: the compressed bytes.
    ///   - file: the path named in errors.
    /// - Throws: ``InputError`` naming `file` for empty input, corrupt data (with zlib's
    ///   reason, e.g. "incorrect data check"), a truncated stream (with how many bytes
    ///   were inflated before the data ended), trailing garbage, or zlib running out of
    ///   memory.
    /// - Complexity: O(input + output).
    public static func inflate(_ data: Data, file: String) throws -> Data {
        guard !data.isEmpty else {
            throw InputError(file: file, message: "is empty: expected gzip-compressed data")
        }
        var stream = z_stream()
        let opened = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard opened == Z_OK else {
            throw InputError(file: file, message: "cannot start gzip decompression (zlib status \(opened))")
        }
        defer { inflateEnd(&stream) }

        var output = Data(count: initialCapacity(data))
        var produced = 0
        var members = 0
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) throws -> Void in
            guard let inputBase = input.baseAddress else {
                throw InputError(file: file, message: "is empty: expected gzip-compressed data")
            }
            var consumed = 0
            while true {
                if produced == output.count {
                    output.count += max(1 << 16, output.count / 2)
                }
                let offered = min(input.count - consumed, Int(UInt32.max))
                let (status, room, left, reason) = output.withUnsafeMutableBytes {
                    (out: UnsafeMutableRawBufferPointer) -> (Int32, Int, Int, String?) in
                    guard let outBase = out.baseAddress else { return (Z_MEM_ERROR, 0, 0, nil) }
                    let room = min(out.count - produced, Int(UInt32.max))
                    stream.next_in = UnsafeMutablePointer(
                        mutating: (inputBase + consumed).assumingMemoryBound(to: Bytef.self))
                    stream.avail_in = uInt(offered)
                    stream.next_out = (outBase + produced).assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(room)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let left = Int(stream.avail_out)
                    let reason = stream.msg.map { String(cString: $0) }
                    stream.next_in = nil
                    stream.next_out = nil
                    return (status, room, left, reason)
                }
                produced += room - left
                consumed += offered - Int(stream.avail_in)
                stream.avail_in = 0
                switch status {
                case Z_STREAM_END:
                    members += 1
                    if consumed == input.count { return }
                    if input.count - consumed >= 2 && input[consumed] == 0x1F && input[consumed + 1] == 0x8B {
                        guard inflateReset(&stream) == Z_OK else {
                            throw InputError(file: file, message: "cannot restart gzip decompression for member \(members + 1)")
                        }
                        continue
                    }
                    if input[consumed...].allSatisfy({ $0 == 0 }) { return }
                    throw InputError(file: file, message: "has \(input.count - consumed) bytes after gzip member \(members) that are not another gzip member (corrupt or not a gzip file)")
                case Z_OK, Z_BUF_ERROR:
                    // Room left in the output and every input byte consumed, yet the
                    // stream has not ended: the data stops early.
                    if left > 0 && (consumed == input.count || status == Z_BUF_ERROR) {
                        throw InputError(file: file, message: "gzip data is truncated: it ends after \(produced) uncompressed bytes, before the end of member \(members + 1)")
                    }
                case Z_DATA_ERROR, Z_NEED_DICT:
                    throw InputError(file: file, message: "gzip data is corrupt in member \(members + 1) after \(produced) uncompressed bytes (\(reason ?? "invalid compressed data"))")
                case Z_MEM_ERROR:
                    throw InputError(file: file, message: "out of memory while decompressing gzip data (\(produced) bytes so far)")
                default:
                    throw InputError(file: file, message: "gzip decompression failed (zlib status \(status)\(reason.map { ": " + $0 } ?? ""))")
                }
            }
        }
        output.count = produced
        return output
    }

    /// The first output allocation: the last member's `ISIZE` (uncompressed length mod
    /// 2³², little-endian in the last four bytes) for gzip data when it is plausible —
    /// positive and at most deflate's maximum ratio (1032:1) of the compressed size —,
    /// else four times the compressed size; at least 64 KiB.
    private static func initialCapacity(_ data: Data) -> Int {
        let compressed = data.count
        var guess = compressed.multipliedReportingOverflow(by: 4).overflow ? compressed : compressed * 4
        if compressed >= 18 && isCompressed(data) {
            let end = data.endIndex
            var size = 0
            for k in 1...4 { size = size << 8 | Int(data[end - k]) }
            let (limit, overflow) = compressed.multipliedReportingOverflow(by: 1032)
            if size > 0 && (overflow || size <= limit) { guess = size }
        }
        return max(1 << 16, guess)
    }
}
