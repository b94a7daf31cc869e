import Foundation

/// Reads Pajek network files (`.net`, and the first network of a `.paj` project with its
/// `*Partition` and `*Vector` blocks).
///
/// Format (Batagelj & Mrvar, *Pajek manual*; de Nooy, Mrvar & Batagelj 2011,
/// *Exploratory Social Network Analysis with Pajek*, doi:10.1017/CBO9780511996368):
/// - `*Vertices n` declares vertices `1…n`; optional lines `k "label" [x y z] [shape …]`
///   give labels (quoted or a single unquoted token; coordinates and drawing tokens are
///   ignored). A two-mode header `*Vertices n n1` is read as `n` vertices.
/// - `*Arcs` lines `u v [weight] […]`; `*Edges` the same for undirected edges;
///   `*Arcslist` / `*Edgeslist` lines `u v1 v2 …`.
/// - Section names in any case; `%` starts a comment line; blank lines, CRLF and a UTF-8
///   byte-order mark are accepted.
///
/// Node ids are the vertex numbers `"1"…"n"` (node index `k-1`), so ids stay unique even
/// when labels repeat (HistCite files have repeated labels); labels become the `label`
/// attribute. An `*Edges` line `u v` is stored as the single arc `u → v` and flagged in
/// ``ArcList/fromEdgeSection`` so callers that care can treat it as undirected; it is
/// not doubled into two arcs (arc counts then match Pajek's and Batagelj's tables).
///
/// Time O(file size); memory O(n + m), with n at most ``vertexLimit(fileSize:)``.
public enum PajekReader {
    /// Fewest vertices a `*Vertices` header may always declare (100,000: a 33-byte file
    /// declaring 792,248 cost `metrics` 4 s and 132 MB under the old 1,000,000).
    public static let minimumVertexLimit = 100_000
    /// Declared vertices accepted per byte of file beyond ``minimumVertexLimit``.
    public static let verticesPerByte = 16

    /// Most vertices a file of `fileSize` bytes may declare: a header count is never
    /// trusted for allocation beyond what the file can back (issue 14: `*Vertices
    /// 10000000` with one arc took 3.9 GB). Real files list their vertices or arcs, so
    /// they stay far below 16 vertices per byte. O(1).
    public static func vertexLimit(fileSize: Int) -> Int {
        let (scaled, overflow) = fileSize.multipliedReportingOverflow(by: verticesPerByte)
        return Swift.max(minimumVertexLimit, overflow ? Int.max : scaled)
    }

    /// Reads a `.net` / `.paj` file. Throws ``InputError`` with the line for a missing or
    /// malformed `*Vertices` header, vertex numbers outside `1…n`, non-numeric weights,
    /// unknown sections, and partition/vector blocks whose count differs from `n`.
    public static func read(path: String) throws -> ArcList {
        try read(InputFile(path: path))
    }

    /// Reads Pajek content already in memory (see ``read(path:)``).
    public static func read(_ file: InputFile) throws -> ArcList {
        try file.data.withUnsafeBytes { raw in
            var parser = Parser(file: file.path, bytes: raw)
            return try parser.run()
        }
    }

    /// Reads a Pajek partition (`.clu`: `*Vertices n` then one integer per vertex).
    /// Values are returned as written (integers as text, e.g. `"1973"`).
    public static func readPartition(path: String) throws -> [String] {
        try readValues(InputFile(path: path), integers: true)
    }

    /// Reads a Pajek vector (`.vec`: `*Vertices n` then one number per vertex).
    public static func readVector(path: String) throws -> [Double] {
        let values = try readValues(InputFile(path: path), integers: false)
        return values.map { Double($0) ?? .nan }
    }

    /// Shared reader for `.clu` / `.vec` files. The `*Vertices n` header is optional;
    /// when present the number of values must equal `n`.
    static func readValues(_ file: InputFile, integers: Bool) throws -> [String] {
        try file.data.withUnsafeBytes { raw -> [String] in
            var lines = ByteLines(raw)
            var declared: (count: Int, line: Int)?
            var values: [String] = []
            while let span = lines.next() {
                let line = raw.trimmed(span)
                if line.isEmpty || raw[line.start] == Byte.percent { continue }
                if raw[line.start] == Byte.star {
                    guard let keyword = raw.token(from: line.start + 1, limit: line.end),
                          raw.equalsIgnoringCase(keyword, "vertices") else {
                        throw InputError(file: file.path, line: lines.lineNumber,
                                         message: "unexpected section '\(raw.string(line))'; a partition or vector file holds `*Vertices n` then one value per line")
                    }
                    guard declared == nil, values.isEmpty else {
                        throw InputError(file: file.path, line: lines.lineNumber,
                                         message: "a second *Vertices header; a partition or vector file holds one block")
                    }
                    guard let countToken = raw.token(from: keyword.end, limit: line.end),
                          let n = raw.integer(countToken) else {
                        throw InputError(file: file.path, line: lines.lineNumber,
                                         message: "bad *Vertices header: expected `*Vertices <count>`")
                    }
                    declared = (n, lines.lineNumber)
                    continue
                }
                var position = line.start
                while let token = raw.token(from: position, limit: line.end) {
                    position = token.end
                    if integers {
                        guard let v = raw.signedInteger(token) else {
                            throw InputError(file: file.path, line: lines.lineNumber,
                                             message: "expected an integer class number, found '\(raw.string(token))'")
                        }
                        values.append(String(v))
                    } else {
                        guard raw.number(token) != nil else {
                            throw InputError(file: file.path, line: lines.lineNumber,
                                             message: "expected a number, found '\(raw.string(token))'")
                        }
                        values.append(raw.string(token))
                    }
                }
            }
            if let declared, declared.count != values.count {
                throw InputError(file: file.path, line: declared.line,
                                 message: "*Vertices announces \(declared.count) values but the file has \(values.count)")
            }
            return values
        }
    }

    private enum Section {
        case none, vertices, arcs, edges, arcsList, edgesList, skip
        case partition(name: String, header: Int), vector(name: String, header: Int)
        case awaitingBlock(name: String, isPartition: Bool, header: Int)
    }

    private struct Parser {
        let file: String
        let bytes: UnsafeRawBufferPointer
        var n: Int?
        var labels: [String?] = []
        var labelLine: [Int32] = []
        var arcs = ArcList(ids: [], declaresNodes: true)
        var section = Section.none
        var networkStarted = false
        var networkDone = false
        var blockValues: [String?] = []
        var blockCount = 0

        init(file: String, bytes: UnsafeRawBufferPointer) {
            self.file = file
            self.bytes = bytes
        }

        func error(_ line: Int, _ message: String) -> InputError {
            InputError(file: file, line: line, message: message)
        }

        mutating func run() throws -> ArcList {
            var lines = ByteLines(bytes)
            while let span = lines.next() {
                let line = bytes.trimmed(span)
                if line.isEmpty || bytes[line.start] == Byte.percent { continue }
                let number = lines.lineNumber
                if bytes[line.start] == Byte.star {
                    try header(line, number)
                } else {
                    try data(line, number)
                }
            }
            try finishBlock()
            guard let n else {
                throw error(max(lines.lineNumber, 1), "no *Vertices section: not a Pajek network (expected `*Vertices <count>`)")
            }
            arcs.ids = (0..<n).map { String($0 + 1) }
            if labels.contains(where: { $0 != nil }) {
                labels += [String?](repeating: nil, count: n - labels.count)
                arcs.attributes.insert(("label", labels), at: 0)
            }
            return arcs
        }

        /// Closes a partition/vector block, checking its count.
        mutating func finishBlock() throws {
            switch section {
            case .partition(let name, let header), .vector(let name, let header):
                guard blockCount == n else {
                    throw error(header, "*Vertices announces \(n ?? 0) values for '\(name)' but \(blockCount) follow")
                }
                arcs.attributes.append((name, blockValues))
            case .awaitingBlock(let name, _, let header):
                throw error(header, "'\(name)' has no `*Vertices <count>` line")
            default:
                break
            }
        }

        mutating func header(_ line: ByteSpan, _ number: Int) throws {
            let keyword = bytes.token(from: line.start + 1, limit: line.end) ?? ByteSpan(start: line.start + 1, end: line.start + 1)
            let rest = bytes.trimmed(ByteSpan(start: keyword.end, end: line.end))
            func named(_ word: String) -> Bool { bytes.equalsIgnoringCase(keyword, word) }
            var awaiting = false
            if case .awaitingBlock = section { awaiting = true }
            if !(awaiting && named("vertices")) { try finishBlock() }
            if named("network") {
                if networkStarted { networkDone = true; section = .skip } else { section = .none }
            } else if named("vertices") {
                if case .awaitingBlock(let name, let isPartition, _) = section {
                    guard let countToken = bytes.token(from: rest.start, limit: rest.end),
                          let count = bytes.integer(countToken) else {
                        throw error(number, "bad *Vertices header: expected `*Vertices <count>`")
                    }
                    guard count == n else {
                        throw error(number, "'\(name)' has \(count) values but the network has \(n ?? 0) vertices")
                    }
                    blockValues = []
                    blockValues.reserveCapacity(count)
                    blockCount = 0
                    section = isPartition ? .partition(name: name, header: number) : .vector(name: name, header: number)
                } else if networkStarted {
                    networkDone = true
                    section = .skip
                } else {
                    guard let countToken = bytes.token(from: rest.start, limit: rest.end),
                          let count = bytes.integer(countToken) else {
                        throw error(number, "bad *Vertices header: expected `*Vertices <count>`, found '\(bytes.string(line))'")
                    }
                    guard count < Int(Int32.max) else { throw error(number, "too many vertices (\(count))") }
                    let limit = PajekReader.vertexLimit(fileSize: bytes.count)
                    guard count <= limit else {
                        throw error(number, "*Vertices declares \(count) vertices, more than this \(bytes.count)-byte file can back: at most \(limit) are accepted (\(PajekReader.verticesPerByte) per byte of file, at least \(PajekReader.minimumVertexLimit))")
                    }
                    n = count
                    // Per-vertex label storage grows with the vertex lines actually read,
                    // not with the declared count.
                    labels = []
                    labelLine = []
                    networkStarted = true
                    section = .vertices
                }
            } else if named("arcs") || named("edges") || named("arcslist") || named("edgeslist") {
                if networkDone { section = .skip; return }
                guard n != nil else { throw error(number, "*\(bytes.string(keyword)) before *Vertices") }
                section = named("arcs") ? .arcs : named("edges") ? .edges : named("arcslist") ? .arcsList : .edgesList
            } else if named("partition") || named("vector") {
                guard n != nil else { throw error(number, "*\(bytes.string(keyword)) before any network") }
                var name = bytes.string(rest)
                for ext in [".clu", ".vec"] where name.lowercased().hasSuffix(ext) { name = String(name.dropLast(4)) }
                if name.isEmpty { name = named("partition") ? "partition" : "vector" }
                section = .awaitingBlock(name: name, isPartition: named("partition"), header: number)
            } else if named("matrix") {
                throw error(number, "*Matrix sections are not supported; write the network with *Arcs or *Edges")
            } else {
                throw error(number, "unknown Pajek section '\(bytes.string(line))' (expected *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Network, *Partition or *Vector)")
            }
        }

        func vertex(_ token: ByteSpan, _ number: Int) throws -> Int32 {
            guard let n, let k = bytes.integer(token), k >= 1, k <= n else {
                throw error(number, "expected a vertex number in 1…\(n ?? 0), found '\(bytes.string(token))'")
            }
            return Int32(k - 1)
        }

        mutating func data(_ line: ByteSpan, _ number: Int) throws {
            switch section {
            case .none:
                throw error(number, "data before the first section header (expected `*Vertices <count>`)")
            case .skip, .awaitingBlock:
                if case .awaitingBlock(let name, _, _) = section {
                    throw error(number, "'\(name)' values before its `*Vertices <count>` line")
                }
            case .vertices:
                guard let first = bytes.token(from: line.start, limit: line.end) else { return }
                let v = Int(try vertex(first, number))
                if v >= labelLine.count {
                    let grown = Swift.min(n ?? 0, Swift.max(v + 1, 2 * labelLine.count))
                    labelLine += [Int32](repeating: 0, count: grown - labelLine.count)
                    labels += [String?](repeating: nil, count: grown - labels.count)
                }
                if labelLine[v] != 0 {
                    throw error(number, "vertex \(v + 1) is listed twice (first on line \(labelLine[v]))")
                }
                labelLine[v] = Int32(clamping: number)
                var s = first.end
                while s < line.end && Byte.isBlank(bytes[s]) { s += 1 }
                guard s < line.end else { return }
                if bytes[s] == Byte.quote {
                    var e = s + 1
                    while e < line.end && bytes[e] != Byte.quote { e += 1 }
                    guard e < line.end else { throw error(number, "unterminated quoted label for vertex \(v + 1)") }
                    labels[v] = bytes.string(ByteSpan(start: s + 1, end: e))
                } else if let token = bytes.token(from: s, limit: line.end) {
                    labels[v] = bytes.string(token)
                }
            case .arcs, .edges:
                guard let a = bytes.token(from: line.start, limit: line.end) else { return }
                guard let b = bytes.token(from: a.end, limit: line.end) else {
                    throw error(number, "expected `tail head [weight]`, found '\(bytes.string(line))'")
                }
                let u = try vertex(a, number), v = try vertex(b, number)
                var weight: Double?
                if let w = bytes.token(from: b.end, limit: line.end) {
                    guard let value = bytes.number(w) else {
                        throw error(number, "non-numeric weight '\(bytes.string(w))'")
                    }
                    weight = value
                }
                if case .edges = section {
                    arcs.append(u, v, weight: weight, line: number, edge: true)
                } else {
                    arcs.append(u, v, weight: weight, line: number)
                }
            case .arcsList, .edgesList:
                guard let a = bytes.token(from: line.start, limit: line.end) else { return }
                let u = try vertex(a, number)
                var edge = false
                if case .edgesList = section { edge = true }
                var position = a.end
                while let b = bytes.token(from: position, limit: line.end) {
                    position = b.end
                    arcs.append(u, try vertex(b, number), weight: nil, line: number, edge: edge)
                }
            case .partition, .vector:
                var isPartition = false
                if case .partition = section { isPartition = true }
                var position = line.start
                while let token = bytes.token(from: position, limit: line.end) {
                    position = token.end
                    if blockCount >= (n ?? 0) {
                        throw error(number, "more values than the \(n ?? 0) announced by *Vertices")
                    }
                    if isPartition {
                        guard let value = bytes.signedInteger(token) else {
                            throw error(number, "expected an integer class number, found '\(bytes.string(token))'")
                        }
                        blockValues.append(String(value))
                    } else {
                        guard bytes.number(token) != nil else {
                            throw error(number, "expected a number, found '\(bytes.string(token))'")
                        }
                        blockValues.append(bytes.string(token))
                    }
                    blockCount += 1
                }
            }
        }
    }
}
