import Foundation

/// Writing a generated Price network as TSV files that `siloscope metrics` and
/// `siloscope bridging` read back.
extension PriceModel {
    /// What ``writeTSV(edgesPath:nodesPath:yearBuckets:firstYear:progress:)`` wrote.
    public struct WriteSummary: Sendable, Equatable {
        public var nodes: Int
        public var arcs: Int
        public var bytes: Int
    }

    /// The literature label of group `g` (0-based): `L1`, `L2`, ….
    public static func groupLabel(_ g: Int) -> String { "L\(g + 1)" }

    /// The year of work `i`: `i` itself when `yearBuckets` is nil, otherwise
    /// `firstYear + floor(i · yearBuckets / N)` (N works split into `yearBuckets` equal
    /// consecutive years).
    public func year(of i: Int, yearBuckets: Int?, firstYear: Int) -> Int {
        guard let yearBuckets else { return i }
        return firstYear + Int((Int64(i) * Int64(yearBuckets)) / Int64(nodeCount))
    }

    /// One comment line naming the model, its parameters and seed (no newline).
    public var parameterComment: String {
        var text = "# siloscope generate --model price (Price 1976, doi:10.1002/asi.4630270505): nodes=\(nodeCount) arcs-per-node=\(meanReferences) attachment=\(attachment)"
        if groupProportions.count > 1 {
            text += " groups=\(groupProportions.count) proportions=\(groupProportions.map { "\($0)" }.joined(separator: ",")) homophily=\(homophily)"
        }
        return text + " seed=\(seed)"
    }

    /// Generates the network and writes it as two TSV files:
    /// - `edgesPath`: the parameter comment, `# citing<TAB>cited`, then one
    ///   `citing<TAB>cited` line per arc, in generation order (citing work ascending);
    /// - `nodesPath`: `# id<TAB>group<TAB>year`, the parameter comment, then one line per
    ///   work `0..<N` with its literature label (``groupLabel(_:)``) and year
    ///   (``year(of:yearBuckets:firstYear:)``).
    ///
    /// Bytes are built in 4 MiB buffers and written in large chunks to temporary files in
    /// the same folders, which are renamed over the targets only when both are complete:
    /// a failure leaves earlier files untouched. O(N + A) time beyond ``generate(progress:emit:)``.
    /// Same parameters and seed → byte-identical files.
    public func writeTSV(edgesPath: String, nodesPath: String, yearBuckets: Int? = nil, firstYear: Int = 1,
                         progress: (Int) -> Void = { _ in }) throws -> WriteSummary {
        let edgesTemp = edgesPath + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let nodesTemp = nodesPath + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        defer {
            try? FileManager.default.removeItem(atPath: edgesTemp)
            try? FileManager.default.removeItem(atPath: nodesTemp)
        }
        var edges = try ChunkedWriter(path: edgesTemp)
        edges.append(parameterComment + "\n# citing\tcited\n")
        var arcs = 0
        var failure: (any Error)?
        let groups = generate(progress: progress) { citing, refs in
            guard failure == nil else { return }
            for t in refs {
                edges.appendInt(citing)
                edges.appendByte(0x09)
                edges.appendInt(Int(t))
                edges.appendByte(0x0A)
            }
            arcs += refs.count
            do { try edges.flushIfFull() } catch { failure = error }
        }
        if let failure { throw failure }
        try edges.close()

        var nodes = try ChunkedWriter(path: nodesTemp)
        nodes.append("# id\tgroup\tyear\n" + parameterComment + "\n")
        let labels = (0..<groupCount).map { Array(Self.groupLabel($0).utf8) }
        for i in 0..<nodeCount {
            nodes.appendInt(i)
            nodes.appendByte(0x09)
            nodes.appendBytes(labels[Int(groups[i])])
            nodes.appendByte(0x09)
            nodes.appendInt(year(of: i, yearBuckets: yearBuckets, firstYear: firstYear))
            nodes.appendByte(0x0A)
            try nodes.flushIfFull()
        }
        try nodes.close()
        let bytes = edges.written + nodes.written
        for (temp, path) in [(edgesTemp, edgesPath), (nodesTemp, nodesPath)] {
            guard rename(temp, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        return WriteSummary(nodes: nodeCount, arcs: arcs, bytes: bytes)
    }
}

/// Appends bytes to a buffer and writes it to a file in chunks of about 4 MiB.
struct ChunkedWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let chunk = 1 << 22
    private(set) var written = 0

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(chunk + 4096)
    }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }
    mutating func appendBytes(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }
    @inline(__always) mutating func appendByte(_ byte: UInt8) { buffer.append(byte) }

    /// Decimal digits of `value` (any sign).
    @inline(__always) mutating func appendInt(_ value: Int) {
        if value < 0 { buffer.append(0x2D) }
        var v = value.magnitude
        if v < 10 { buffer.append(0x30 + UInt8(v)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 {
                d[count] = 0x30 + UInt8(v % 10)
                v /= 10
                count += 1
            }
            while count > 0 {
                count -= 1
                buffer.append(d[count])
            }
        }
    }

    mutating func flushIfFull() throws {
        if buffer.count >= chunk { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }
}
