import Foundation
import Testing
@testable import NetworkCore

/// Regression tests for issue 14: inputs an attacker (or a fuzzer) wrote must give a
/// clean ``InputError`` — never a trap, an abort or a message echoing binary or
/// unbounded input.
@Suite("Hostile graph input")
struct HostileInputTests {
    static let graphML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <graph edgedefault="directed">
        <node id="a"/><node id="b"/>
        <edge source="a" target="b"/>
        </graph>
        </graphml>

        """

    /// Foundation's XMLParser traps (SIGILL) on a non-UTF-8 byte in a name; the reader
    /// now refuses the file first, naming the line of the byte.
    @Test("GraphML with a non-UTF-8 byte in an element or attribute name is a clean error")
    func graphMLNonUTF8Name() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        for (needle, replacement) in [("<node id=\"a\"/>", "<no\u{FFFF}de id=\"a\"/>"), ("<edge source", "<edge sou\u{FFFF}rce")] {
            var bytes = Array(Self.graphML.replacingOccurrences(of: needle, with: replacement).utf8)
            // U+FFFF is EF BF BF in UTF-8; turn it into the lone byte 0xFF.
            let marker: [UInt8] = [0xEF, 0xBF, 0xBF]
            let at = try #require((0...(bytes.count - 3)).first { Array(bytes[$0..<($0 + 3)]) == marker })
            bytes.replaceSubrange(at..<(at + 3), with: [0xFF])
            let path = try dir.write("bad.graphml", bytes: bytes)
            let e = #expect(throws: InputError.self) { _ = try NetworkInput.load(path: path) }
            let expectedLine = needle.hasPrefix("<node") ? 4 : 5
            #expect(e?.line == expectedLine)
            #expect(e?.message.hasPrefix("not UTF-8: byte 0xFF at offset") == true)
        }
        // The same file without the stray byte reads.
        let good = try dir.write("good.graphml", Self.graphML)
        #expect(try NetworkInput.load(path: good).graph.arcCount == 1)
    }

    @Test("UTF-8 validation: hand-made well- and ill-formed sequences (Unicode table 3-7)")
    func utf8Validation() {
        func first(_ b: [UInt8]) -> Int? { b.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) } }
        #expect(first(Array("plain ascii".utf8)) == nil)
        #expect(first(Array("é € 𝄞".utf8)) == nil)          // 2-, 3- and 4-byte forms
        #expect(first([0x41, 0xC0, 0x80]) == 1)             // overlong NUL
        #expect(first([0xE0, 0x80, 0x80]) == 0)             // overlong 3-byte
        #expect(first([0xED, 0xA0, 0x80]) == 0)             // surrogate U+D800
        #expect(first([0xF4, 0x90, 0x80, 0x80]) == 0)       // above U+10FFFF
        #expect(first([0x41, 0x42, 0xE2, 0x82]) == 2)       // truncated at the end
        #expect(first([0x80]) == 0)                         // lone continuation byte
        #expect(first([0xF0, 0x9D, 0x84, 0x9E, 0xFF]) == 4)
    }

    /// `*Vertices 10000000` and one arc used to allocate per declared vertex (3.9 GB in
    /// `metrics`); a declared count the file cannot back is refused, naming the limit.
    @Test("Pajek *Vertices far beyond what the file holds is refused with line and limit")
    func pajekHugeVertexCount() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("huge.net", "*Vertices 10000000\n*Arcs\n1 2\n")
        let e = #expect(throws: InputError.self) { _ = try NetworkInput.load(path: path) }
        #expect(e?.line == 1)
        #expect(e?.message.contains("10000000") == true)
        #expect(e?.message.contains("\(PajekReader.minimumVertexLimit)") == true)
        // The fuzzer's slow input (session 4): 33 bytes declaring 792,248 vertices took 4 s
        // and 132 MB under the old floor of 1,000,000; the floor is now 100,000.
        let slow = try dir.write("slow.net", "*vertices  792248 2+@2\n*Arcs\n1 2\n")
        let refused = #expect(throws: InputError.self) { _ = try NetworkInput.load(path: slow) }
        #expect(refused?.message.contains("at most 100000 are accepted") == true)
        // Within the limit, isolated declared vertices are still read (Pajek semantics).
        let ok = try dir.write("ok.net", "*Vertices 1000\n*Arcs\n1 2\n")
        #expect(try NetworkInput.load(path: ok).graph.nodeCount == 1000)
    }

    /// An error about a huge header line quoted all of it; binary input was echoed with
    /// its NUL bytes. Quotes are now at most 200 printable characters.
    @Test("errors quote at most 200 printable characters of input")
    func boundedPrintableQuotes() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let long = String(repeating: "x", count: 2_000_000)
        let net = try dir.write("long.net", "*Vertices \(long)\n")
        let e1 = #expect(throws: InputError.self) { _ = try NetworkInput.load(path: net) }
        let binary = try dir.write("binary.net", bytes: Array("*Arcs\u{0}\u{1B}[31m\r\n".utf8) + [0x00, 0x01, 0xFF])
        let e2 = #expect(throws: InputError.self) { _ = try NetworkInput.load(path: binary) }
        for e in [e1, e2] {
            let text = try #require(e).description
            #expect(text.count < InputError.maximumMessageLength + 200)
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
        #expect(e2?.message.contains("\\u{0}") == true)
        #expect(e2?.message.contains("\\u{1B}") == true)
        // The quote helper itself.
        #expect(InputError.quote(String(repeating: "y", count: 250)) == String(repeating: "y", count: 200) + "… (50 more characters)")
        #expect(InputError.quote("a\nb\u{0}") == "a\\u{A}b\\u{0}")
    }
}
