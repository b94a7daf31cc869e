import Foundation
import Testing
import NetworkCore
import TestSupport

/// Gzip-compressed inputs. Every compressed fixture is made by the system `gzip -n`
/// (an implementation independent of ours), so a loaded `.gz` file must equal the plain
/// file it was made from; tests needing it are disabled when `/bin/gzip` is absent.
@Suite("Gzip input")
struct GzipInputTests {
    static let gzipTool = "/bin/gzip"
    static let hasGzip = FileManager.default.isExecutableFile(atPath: gzipTool)

    /// Compresses `path` with `gzip -n -c` into `output` (default `path + ".gz"`).
    @discardableResult
    static func gzip(_ path: String, to output: String? = nil) throws -> String {
        let target = output ?? path + ".gz"
        try #require(FileManager.default.createFile(atPath: target, contents: nil), "cannot create \(target)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzipTool)
        process.arguments = ["-n", "-c", path]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "gzip -n -c \(path) failed")
        return target
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The parts of a loaded network that must not depend on compression.
    static func expectSame(_ a: NetworkInput, _ b: NetworkInput) {
        #expect(a.graph.ids == b.graph.ids)
        #expect(a.graph.outOffsets == b.graph.outOffsets)
        #expect(a.graph.outTargets == b.graph.outTargets)
        #expect(a.graph.weights == b.graph.weights)
        #expect(a.arcLines == b.arcLines)
        #expect(a.arcsRead == b.arcsRead && a.selfLoops == b.selfLoops && a.duplicateArcs == b.duplicateArcs)
        #expect(a.format == b.format)
        #expect(a.attributes.names == b.attributes.names)
        for name in a.attributes.names { #expect(a.attributes[name] == b.attributes[name], "attribute \(name)") }
    }

    static let edgeList = """
        # citing cited weight
        a\tb\t2
        a\tc\t1
        b\tc\t1
        c\tc\t1
        d\ta\t3
        a\tb\t1
        """

    @Test("format comes from the name without .gz")
    func formatIgnoresGzSuffix() {
        #expect(NetworkFormat.of(path: "CiteB.net.gz") == .pajek)
        #expect(NetworkFormat.of(path: "x/CiteB.NET.GZ") == .pajek)
        #expect(NetworkFormat.of(path: "edges.csv.gz") == .csvEdgeList)
        #expect(NetworkFormat.of(path: "g.graphml.gz") == .graphML)
        #expect(NetworkFormat.of(path: "cora.cites.gz") == .edgeList)
        #expect(NetworkFormat.of(path: "edges.gz") == .edgeList)
        #expect(Gzip.uncompressedName("a.tsv.Gz") == "a.tsv")
        #expect(Gzip.uncompressedName("a.tsv") == "a.tsv")
    }

    @Test("a gzip edge list loads exactly like the plain file", .enabled(if: hasGzip, "needs /bin/gzip to make the compressed fixtures"))
    func edgeListMatchesPlain() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let plain = try dir.write("edges.tsv", Self.edgeList)
        let packed = try Self.gzip(plain)
        #expect(try Self.bytes(packed).prefix(2) == [0x1F, 0x8B])
        let a = try NetworkInput.load(path: plain), b = try NetworkInput.load(path: packed)
        Self.expectSame(a, b)
        // Hand count of the list above: 4 nodes, 6 arcs, one self-loop (c c), one repeat (a b).
        #expect(b.graph.nodeCount == 4 && b.graph.arcCount == 6 && b.selfLoops == 1 && b.duplicateArcs == 1)
        #expect(b.source == packed)
    }

    @Test("gzip Pajek (with labels), CSV edge list, GraphML and node table load like the plain files",
          .enabled(if: hasGzip, "needs /bin/gzip to make the compressed fixtures"))
    func everyReaderAcceptsGzip() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let pajek = try dir.write("g.net", """
            *Vertices 3
            1 "Alpha"
            2 "Beta"
            3 "Gamma"
            *Arcs
            1 2
            2 3 2.5
            """)
        let csv = try dir.write("g.csv", "citing,cited\nx,y\ny,z\n")
        let graphML = try dir.write("g.graphml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="year" attr.type="string"/>
              <graph edgedefault="directed">
                <node id="p"><data key="d0">2001</data></node>
                <node id="q"/>
                <edge source="p" target="q"/>
              </graph>
            </graphml>
            """)
        let table = try dir.write("nodes.tsv", "id\tfield\nx\tPAM\nz\tSociology\nw\tHSR\n")
        let tableCSV = try dir.write("nodes.csv", "id,field\nx,PAM\nz,Sociology\n")
        for path in [pajek, csv, graphML] {
            Self.expectSame(try NetworkInput.load(path: path), try NetworkInput.load(path: try Self.gzip(path)))
        }
        var pajekGz = try NetworkInput.load(path: pajek + ".gz")
        #expect(pajekGz.format == .pajek && pajekGz.attributes["label"] == ["Alpha", "Beta", "Gamma"])
        // A compressed partition is attached under the name without .clu.gz.
        let partition = try Self.gzip(try dir.write("year.clu", "*Vertices 3\n1999\n2001\n2001\n"))
        try pajekGz.attachPartition(path: partition)
        #expect(pajekGz.attributes["year"] == ["1999", "2001", "2001"])
        #expect(try NetworkInput.load(path: csv + ".gz").format == .csvEdgeList)
        // Node tables: compressed network and compressed table together.
        for nodes in [table, tableCSV] {
            let plain = try NetworkInput.load(path: csv, nodes: nodes)
            let packed = try NetworkInput.load(path: csv + ".gz", nodes: try Self.gzip(nodes))
            Self.expectSame(plain, packed)
            #expect(packed.attributes["field"] == plain.attributes["field"])
            #expect(packed.nodeTable?.matched == plain.nodeTable?.matched)
        }
        #expect(try NetworkInput.load(path: csv + ".gz", nodes: table + ".gz").nodeTable?.addedNodes == 1)  // w
    }

    @Test("gzip is detected by its magic bytes, not by the name", .enabled(if: hasGzip, "needs /bin/gzip to make the compressed fixtures"))
    func detectedByMagic() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let plain = try dir.write("edges.tsv", Self.edgeList)
        let disguised = try Self.gzip(plain, to: dir.path + "/disguised.tsv")
        Self.expectSame(try NetworkInput.load(path: plain), try NetworkInput.load(path: disguised))
    }

    @Test("concatenated gzip members inflate to the concatenated text, across buffer growth",
          .enabled(if: hasGzip, "needs /bin/gzip to make the compressed fixtures"))
    func multiMemberAndLargeOutput() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // 20,000 seeded random arcs (≈ 200 KB of text, several times the first buffer),
        // split in two files compressed separately and concatenated (`cat a.gz b.gz`).
        let arcs = randomArcs(nodes: 3_000, arcs: 20_000, seed: 7)
        let lines = arcs.map { "n\($0.0)\tn\($0.1)\n" }
        let whole = try dir.write("all.tsv", lines.joined())
        let first = try dir.write("first.tsv", lines[..<7_000].joined())
        let second = try dir.write("second.tsv", lines[7_000...].joined())
        let joined = try Self.bytes(try Self.gzip(first)) + Self.bytes(try Self.gzip(second))
        let concatenated = try dir.write("all-two-members.tsv.gz", bytes: joined)
        let inflated = try InputFile(path: concatenated)
        #expect(inflated.data == (try Data(contentsOf: URL(fileURLWithPath: whole))))
        Self.expectSame(try NetworkInput.load(path: whole), try NetworkInput.load(path: concatenated))
        // Zero padding after the last member is ignored, as gzip itself does.
        let padded = try dir.write("padded.tsv.gz", bytes: joined + [UInt8](repeating: 0, count: 512))
        #expect(try InputFile(path: padded).data == inflated.data)
    }

    @Test("truncated gzip data is a typed error naming the file", .enabled(if: hasGzip, "needs /bin/gzip to make the compressed fixtures"))
    func truncated() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let lines = randomArcs(nodes: 500, arcs: 3_000, seed: 3).map { "\($0.0) \($0.1)\n" }.joined()
        let packed = try Self.bytes(try Self.gzip(try dir.write("edges.txt", lines)))
        // Cut inside the deflate data, and cut only the 8-byte trailer (CRC-32 + length).
        for keep in [packed.count / 2, packed.count - 8, 12] {
            let path = try dir.write("cut-\(keep).txt.gz", bytes: Array(packed.prefix(keep)))
            let error = try #require(throws: InputError.self) { try NetworkInput.load(path: path) }
            #expect(error.file == path)
            #expect(error.message.contains("truncated"), "\(error)")
        }
    }

    @Test("corrupt gzip data, trailing garbage and a non-gzip .gz file are typed errors",
          .enabled(if: hasGzip, "needs /bin/gzip to make the compressed fixtures"))
    func corrupt() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let packed = try Self.bytes(try Self.gzip(try dir.write("edges.tsv", Self.edgeList)))
        // A wrong CRC-32 in the trailer (bytes count-8 ..< count-4): zlib's data check fails.
        var badCRC = packed
        badCRC[packed.count - 6] ^= 0xFF
        let crcPath = try dir.write("crc.tsv.gz", bytes: badCRC)
        let crcError = try #require(throws: InputError.self) { try NetworkInput.load(path: crcPath) }
        #expect(crcError.file == crcPath)
        #expect(crcError.message.contains("corrupt") && crcError.message.contains("incorrect data check"), "\(crcError)")
        // A bad compression method in the header (byte 2 must be 8, deflate).
        var badMethod = packed
        badMethod[2] = 7
        let methodPath = try dir.write("method.tsv.gz", bytes: badMethod)
        let methodError = try #require(throws: InputError.self) { try NetworkInput.load(path: methodPath) }
        #expect(methodError.message.contains("corrupt"), "\(methodError)")
        // Bytes after the member that are not another member.
        let garbagePath = try dir.write("garbage.tsv.gz", bytes: packed + Array("trailing".utf8))
        let garbageError = try #require(throws: InputError.self) { try NetworkInput.load(path: garbagePath) }
        #expect(garbageError.message.contains("8 bytes after gzip member 1"), "\(garbageError)")
        // A plain file named .gz, and an empty .gz.
        let fake = try dir.write("plain.tsv.gz", Self.edgeList)
        let fakeError = try #require(throws: InputError.self) { try NetworkInput.load(path: fake) }
        #expect(fakeError.file == fake && fakeError.message.contains("not gzip data"), "\(fakeError)")
        let empty = try dir.write("empty.net.gz", bytes: [])
        let emptyError = try #require(throws: InputError.self) { try NetworkInput.load(path: empty) }
        #expect(emptyError.message.contains("empty"), "\(emptyError)")
    }

    @Test("Gzip.inflate accepts a zlib (RFC 1950) stream too (window bits 15 + 32)")
    func zlibStream() throws {
        // zlib stream of "hello\n" as Python's zlib.compress(b"hello\n") writes it: header
        // 78 9c, fixed-Huffman data, then the Adler-32 checked by hand (RFC 1950 §8.2):
        // a = 1 + (104+101+108+108+111+10) = 543 = 0x21f, b = Σ running a = 2123 = 0x84b.
        let hello: [UInt8] = [0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xE7, 0x02, 0x00, 0x08, 0x4B, 0x02, 0x1F]
        #expect(try Gzip.inflate(Data(hello), file: "hello.z") == Data("hello\n".utf8))
        #expect(Gzip.isCompressed(Data(hello)) == false)
        #expect(Gzip.isCompressed(Data([0x1F, 0x8B, 0x08])))
    }
}
