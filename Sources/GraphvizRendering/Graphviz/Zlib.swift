// Every call into zlib lives in this file. Pointers into Swift arrays never leave the
// closure that produced them.
import CZlib

/// Inflate and deflate (RFC 1950 zlib format, as used by the PDF `/FlateDecode` filter).
enum Zlib {
    /// The default cap on inflated output (256 MiB): a larger result is treated as bad
    /// input rather than exhausting memory.
    static let defaultMaximumOutput = 256 << 20

    /// Decompresses one complete zlib stream.
    ///
    /// - Returns: the inflated bytes, or `nil` when `data` is not exactly one valid zlib
    ///   stream (corrupt data, truncated stream, bytes left over after the stream's end)
    ///   or the output would exceed `maximumOutput` bytes.
    /// - Complexity: O(input + output).
    static func inflate(_ data: [UInt8], maximumOutput: Int = defaultMaximumOutput) -> [UInt8]? {
        guard !data.isEmpty else { return nil }
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(4096, min(data.count * 4, 1 << 20)))
        let chunkSize = chunk.count
        return data.withUnsafeBufferPointer { input -> [UInt8]? in
            guard let base = input.baseAddress else { return nil }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunkSize)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = chunkSize - Int(stream.avail_out)
                    stream.next_out = nil
                    return (status, produced)
                }
                output.append(contentsOf: chunk[0..<produced])
                guard output.count <= maximumOutput else { stream.next_in = nil; return nil }
                switch status {
                case Z_STREAM_END:
                    let leftOver = stream.avail_in
                    stream.next_in = nil
                    return leftOver == 0 ? output : nil
                case Z_OK:
                    // No progress with input left and room to write means truncated data.
                    if produced == 0 && stream.avail_in == 0 { stream.next_in = nil; return nil }
                default:
                    stream.next_in = nil
                    return nil
                }
            }
        }
    }

    /// Compresses `data` into one zlib stream with fixed parameters: the given `level`
    /// (9 by default), a 32 KiB window, memory level 8 and the default strategy.
    ///
    /// Deterministic: the same bytes and level give the same output with the same zlib
    /// library (different zlib versions may choose different but equally valid encodings).
    /// - Returns: the compressed bytes, or `nil` if zlib reports an error.
    /// - Complexity: O(n).
    static func deflate(_ data: [UInt8], level: Int32 = 9) -> [UInt8]? {
        let bound = Int(compressBound(uLong(data.count)))
        var output = [UInt8](repeating: 0, count: bound)
        var length = uLongf(bound)
        let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
            data.withUnsafeBufferPointer { input -> Int32 in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(input.count), level)
            }
        }
        guard status == Z_OK, Int(length) <= bound else { return nil }
        output.removeSubrange(Int(length)...)
        return output
    }
}
