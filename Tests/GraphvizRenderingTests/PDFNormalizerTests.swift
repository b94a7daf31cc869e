import Foundation
import Testing
@testable import GraphvizRendering

/// Structural checks on a PDF, independent of the normaliser's own parser: `startxref`
/// names the offset of `xref`; every in-use entry `k` lands on `k G obj`; every
/// `N G obj` line in the body has an in-use entry pointing at it.
/// Returns a list of problems (empty when the structure is valid).
func pdfStructureProblems(_ pdf: [UInt8]) -> [String] {
    let bytes = pdf
    func find(_ s: String, from: Int = 0, backwards: Bool = false) -> Int? {
        let p = Array(s.utf8)
        guard p.count <= bytes.count, from <= bytes.count - p.count else { return nil }
        let range = Array(from...(bytes.count - p.count))
        for i in backwards ? range.reversed() : range where bytes[i..<(i + p.count)].elementsEqual(p) { return i }
        return nil
    }
    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    guard let sx = find("startxref", backwards: true) else { return ["no startxref"] }
    let digits = bytes[(sx + 9)...].drop { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }.prefix(while: isDigit)
    guard let xref = Int(String(decoding: digits, as: UTF8.self)) else { return ["startxref has no number"] }
    guard xref < bytes.count, bytes[xref...].starts(with: Array("xref".utf8)) else { return ["startxref \(xref) does not point at xref"] }
    var problems: [String] = []
    // One or more subsections "first count", each followed by 20-byte entries.
    var i = xref + 4
    func skipSpace() { while i < bytes.count, bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x20 { i += 1 } }
    func readInt() -> Int? {
        skipSpace()
        let start = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        return Int(String(decoding: bytes[start..<i], as: UTF8.self))
    }
    var inUse: [Int: Int] = [:]
    while true {
        skipSpace()
        guard i < bytes.count else { return problems + ["no trailer"] }
        if bytes[i...].starts(with: Array("trailer".utf8)) { break }
        guard let first = readInt(), let count = readInt() else { return problems + ["bad xref subsection"] }
        for k in 0..<count {
            skipSpace()
            guard i + 18 <= bytes.count else { return problems + ["xref cut short"] }
            let entry = String(decoding: bytes[i..<(i + 18)], as: UTF8.self)
            let parts = entry.split(separator: " ")
            guard parts.count == 3, let offset = Int(parts[0]), parts[0].count == 10, parts[1].count == 5 else {
                return problems + ["bad xref entry \(entry)"]
            }
            if parts[2] == "n" {
                inUse[first + k] = offset
                let header = Array("\(first + k) \(Int(parts[1]) ?? -1) obj".utf8)
                if !(offset < bytes.count && bytes[offset...].starts(with: header)) {
                    problems.append("entry \(first + k) offset \(offset) is not its object header")
                }
            }
            i += 20
        }
    }
    // Every `N 0 obj` at the start of a line before the table is indexed at its offset.
    var at = 0
    while let hit = find(" 0 obj", from: at), hit < xref {
        var s = hit
        while s > 0, isDigit(bytes[s - 1]) { s -= 1 }
        if s < hit, s == 0 || bytes[s - 1] == 0x0A, let n = Int(String(decoding: bytes[s..<hit], as: UTF8.self)), inUse[n] != s {
            problems.append("object \(n) at \(s) not indexed (xref says \(inUse[n].map(String.init) ?? "none"))")
        }
        at = hit + 6
    }
    return problems
}

/// A small hand-made PDF in cairo's layout: two pages whose content streams are Flate
/// encoded with ``Zlib``; page 1's `/Length` is direct, page 2's indirect. Object 8 is a
/// font-program-like Flate stream (not content) whose text looks like operands.
/// `reservedNumber` adds an in-use xref entry for a never-written object pointing at
/// object 1's header, as cairo 1.16 does.
func handMadePDF(page1: String, page2: String, date: String = "D:20261122191441Z", reservedNumber: Bool = false) -> [UInt8] {
    var out = Array("%PDF-1.5\n%".utf8) + [0xB5, 0xED, 0xAE, 0xFB] + Array("\n".utf8)
    var offsets: [Int: Int] = [:]
    func add(_ number: Int, _ body: [UInt8]) {
        offsets[number] = out.count
        out += Array("\(number) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
    }
    func stream(_ dict: String, _ data: [UInt8]) -> [UInt8] {
        Array("<< \(dict) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }
    let c1 = Zlib.deflate(Array(page1.utf8)) ?? []
    let c2 = Zlib.deflate(Array(page2.utf8)) ?? []
    // Binary-looking data with operand-like text and a fake "endstream" inside.
    let font = Zlib.deflate(Array("\u{0}\u{1}1.2345678 9.8765432 Tm endstream endobj".utf8) + [0xFF, 0x00, 0x28]) ?? []
    add(1, Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
    add(2, Array("<< /Type /Pages /Kids [ 3 0 R 4 0 R ] /Count 2 >>".utf8))
    add(3, Array("<< /Type /Page % 1\n   /Parent 2 0 R /MediaBox [ 0 0 200 200 ] /Contents 5 0 R\n   /Resources << /Font << /F1 9 0 R >> >> >>".utf8))
    add(4, Array("<< /Type /Page % 2\n   /Parent 2 0 R /MediaBox [ 0 0 200 200 ] /Contents [ 6 0 R ]\n   /Resources << /Font << /F1 9 0 R >> >> >>".utf8))
    add(5, stream("/Length \(c1.count) /Filter /FlateDecode", c1))
    add(6, stream("/Length 7 0 R\n   /Filter /FlateDecode", c2))
    add(7, Array("   \(c2.count)".utf8))
    add(8, stream("/Length \(font.count) /Length1 43 /Filter /FlateDecode", font))
    add(9, Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".utf8))
    add(10, Array("<< /Producer (hand (made) 1.234567) /CreationDate (\(date)) >>".utf8))
    let size = reservedNumber ? 12 : 11
    if reservedNumber { offsets[11] = offsets[1] }
    let xref = out.count
    out += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
    for n in 1..<size {
        let o = String(offsets[n] ?? 0)
        out += Array((String(repeating: "0", count: 10 - o.count) + o + " 00000 n \n").utf8)
    }
    out += Array("trailer\n<< /Size \(size)\n   /Root 1 0 R\n   /Info 10 0 R\n>>\nstartxref\n\(xref)\n%%EOF\n".utf8)
    return out
}

/// The inflated data of every Flate stream, in file order (test helper, independent of
/// the normaliser's parser): for each `stream` keyword, the shortest run of bytes up to
/// an EOL + `endstream` that inflates (data may itself contain the word `endstream`).
func inflatedStreams(_ pdf: [UInt8]) -> [[UInt8]] {
    func find(_ pattern: [UInt8], from: Int) -> Int? {
        var i = from
        while i + pattern.count <= pdf.count {
            if pdf[i] == pattern[0], pdf[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
    let open = Array(">>\nstream\n".utf8), close = Array("\nendstream".utf8)
    var result: [[UInt8]] = []
    var search = 0
    while let s = find(open, from: search) {
        let start = s + open.count
        var end = find(close, from: start)
        search = start
        while let e = end {
            if let data = Zlib.inflate(Array(pdf[start..<e])) {
                result.append(data)
                search = e + close.count
                break
            }
            end = find(close, from: e + 1)
        }
    }
    return result
}

/// Runs `tool` with `arguments`; the exit status, or `nil` if it cannot start.
func runTool(_ tool: String, _ arguments: [String]) -> Int32? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    return process.terminationStatus
}

let pdftoppmPath = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm", "/opt/homebrew/bin/pdftoppm"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite struct ZlibTests {
    @Test func roundTripIsExactAndDeflateIsDeterministic() throws {
        let text = Array(String(repeating: "12 0 0 -12 61.398438 483.593766 Tm\n", count: 500).utf8)
        let a = try #require(Zlib.deflate(text))
        let b = try #require(Zlib.deflate(text))
        #expect(a == b)
        #expect(a.count < text.count / 10, "repetitive text compresses")
        #expect(a.first == 0x78 && a[1] == 0xDA, "zlib header for level 9 (CMF 0x78, FLG 0xDA)")
        #expect(Zlib.inflate(a) == text)
        let empty = try #require(Zlib.deflate([]))
        #expect(Zlib.inflate(empty) == [])
    }

    @Test func inflateRejectsGarbageTruncationAndTrailingBytes() throws {
        let packed = try #require(Zlib.deflate(Array("hello hello hello".utf8)))
        #expect(Zlib.inflate(Array("not zlib".utf8)) == nil)
        #expect(Zlib.inflate(Array(packed.dropLast(3))) == nil)
        #expect(Zlib.inflate(packed + [0x00]) == nil)
        #expect(Zlib.inflate([]) == nil)
        let big = try #require(Zlib.deflate([UInt8](repeating: 0, count: 100_000)))
        #expect(Zlib.inflate(big, maximumOutput: 10_000) == nil)
    }
}

@Suite struct PDFNormalizerTests {
    func rounded(_ s: String) -> String? {
        PDFNormalizer.roundedReal(ArraySlice(Array(s.utf8)), decimals: 3).map { String(decoding: $0, as: UTF8.self) }
    }
    func roundedContent(_ s: String) -> String? {
        PDFNormalizer.roundRealOperands(Array(s.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func realTokensRoundHalfAwayFromZeroOnTheDigits() {
        // The measured noise pairs (cairo, two processes) meet on one value.
        #expect(rounded("227.265637") == "227.266")
        #expect(rounded("227.265638") == "227.266")
        #expect(rounded("179.250012") == "179.25")
        #expect(rounded("179.250013") == "179.25")
        #expect(rounded("91.031262") == "91.031")
        #expect(rounded("91.031263") == "91.031")
        // Carries, signs, zeros, missing integer part.
        #expect(rounded("9.9996") == "10")
        #expect(rounded("-9.9996") == "-10")
        #expect(rounded("-0.0004") == "0")
        #expect(rounded("0.0005") == "0.001")
        #expect(rounded(".12345") == "0.123")
        #expect(rounded("+1.00049") == "1")
        #expect(rounded("0.901961") == "0.902")
        // Integers, short reals and non-numbers are left alone.
        #expect(rounded("12") == nil)
        #expect(rounded("1.5") == nil)
        #expect(rounded("1.250") == nil)
        #expect(rounded("1.2.3") == nil)
        #expect(rounded(".") == nil)
    }

    @Test func oddMultiplesOf1Over128NeverSplitAt3Decimals() {
        // Every noisy value is an exact 7-decimal tie k/128 (k odd) printed one step down
        // or up at 6 decimals; both prints must round to the same 3-decimal value.
        for k in stride(from: 1, to: 128 * 1000, by: 2) {
            let tenMillionths = k * 78_125  // k/128 in units of 1e-7
            func print6(_ units: Int) -> String {
                let whole = units / 1_000_000, frac = units % 1_000_000
                return "\(whole)." + String(repeating: "0", count: 6 - String(frac).count) + String(frac)
            }
            let low = print6((tenMillionths - 5) / 10), high = print6((tenMillionths + 5) / 10)
            if rounded(low) != rounded(high) {
                Issue.record("k=\(k): \(low) -> \(rounded(low) ?? "nil"), \(high) -> \(rounded(high) ?? "nil")")
                return
            }
        }
    }

    @Test func contentScannerRewritesOnlyOperands() {
        let input = "q 0.901961 0.623529 0 rg 69.398 496.49207 12 12 re f\n% comment 1.234567\nBT /F1.5 1 Tf\n[(1.234567 \\) (2.3456789)) -12 (x)]TJ <3.1415926> << /MCID 0.0000001 >> BDC ET Q"
        let expected = "q 0.902 0.624 0 rg 69.398 496.492 12 12 re f\n% comment 1.234567\nBT /F1.5 1 Tf\n[(1.234567 \\) (2.3456789)) -12 (x)]TJ <3.1415926> << /MCID 0 >> BDC ET Q"
        #expect(roundedContent(input) == expected)
        #expect(roundedContent("q 1 0 0 1 0 0 cm BI /W 1 /H 1 ID \u{7}\u{8} EI Q") == nil, "inline image: keep unchanged")
        #expect(roundedContent("BT (unterminated ET") == nil)
    }

    @Test func noiseInTheSixthDecimalNormalisesToIdenticalValidFiles() throws {
        let a = handMadePDF(page1: "BT /F1 9 Tf 9.000012 0 0 -9.000012 333.117187 227.265637 Tm (Hi) Tj ET",
                            page2: "0.5 w 10.123456 20.000001 m 30.5 40.4444449 l S", date: "D:20261122191441Z")
        let b = handMadePDF(page1: "BT /F1 9 Tf 9.000012 0 0 -9.000012 333.117187 227.265638 Tm (Hi) Tj ET",
                            page2: "0.5 w 10.123457 20.000002 m 30.5 40.4444451 l S", date: "D:20261122191502Z")
        #expect(a != b)
        #expect(pdfStructureProblems(a).isEmpty, "the hand-made input is valid: \(pdfStructureProblems(a))")
        let na = PDFNormalizer.normalize(a), nb = PDFNormalizer.normalize(b)
        #expect(na == nb)
        #expect(pdfStructureProblems(na) == [])
        let streams = inflatedStreams(na)
        try #require(streams.count == 3)
        #expect(String(decoding: streams[0], as: UTF8.self) == "BT /F1 9 Tf 9 0 0 -9 333.117 227.266 Tm (Hi) Tj ET")
        #expect(String(decoding: streams[1], as: UTF8.self) == "0.5 w 10.123 20 m 30.5 40.444 l S")
        // The font-like stream is not content: its bytes are copied unchanged.
        #expect(streams[2] == inflatedStreams(a)[2])
        let text = String(decoding: na, as: Unicode.ASCII.self)
        #expect(text.contains("/CreationDate (D:19700101000000Z)"))
        #expect(text.contains("/Producer (hand (made) 1.234567)"), "dictionaries are not rounded")
        // Direct and indirect lengths both match the new data.
        let c1 = try #require(Zlib.deflate(streams[0])), c2 = try #require(Zlib.deflate(streams[1]))
        #expect(text.contains("/Length \(c1.count) /Filter"))
        #expect(text.contains("7 0 obj\n   \(c2.count)\nendobj"))
        // Idempotent.
        #expect(PDFNormalizer.normalize(na) == na)
    }

    @Test func reservedButUnwrittenObjectsBecomeChainedFreeEntries() {
        let pdf = handMadePDF(page1: "1 0 0 1 0 0 cm", page2: "1.5 w", reservedNumber: true)
        #expect(pdfStructureProblems(pdf).contains { $0.hasPrefix("entry 11 ") })
        let out = PDFNormalizer.normalize(pdf)
        #expect(pdfStructureProblems(out) == [])
        let text = String(decoding: out, as: Unicode.ASCII.self)
        #expect(text.contains("xref\n0 12\n0000000011 65535 f \n"), "entry 0 heads the free list")
        #expect(text.contains("0000000000 00001 f \ntrailer"), "entry 11 is free and ends the list")
    }

    @Test func unexpectedFilesOnlyGetTheirDatesNormalised() {
        let good = handMadePDF(page1: "1.234567 w", page2: "2.345678 w")
        func unchanged(_ pdf: [UInt8], _ what: Comment) {
            #expect(PDFNormalizer.normalize(pdf) == OutputNormalizer.normalizeDates(pdf), what)
        }
        unchanged(Array(good.prefix(good.count / 2)), "truncated")
        unchanged(Array("not a pdf 1.234567".utf8), "no header")
        var badLength = String(decoding: good, as: Unicode.ASCII.self)
        if let r = badLength.range(of: "/Length ") {
            badLength.replaceSubrange(r, with: "/Length 1")  // one digit more: past endstream
        }
        unchanged(Array(badLength.utf8), "wrong /Length")
        let text = String(decoding: good, as: Unicode.ASCII.self)
        let shifted = text.replacingOccurrences(of: "startxref\n", with: "startxref\n1")
        unchanged(Array(shifted.utf8), "startxref not at xref")
        let incremental = text.replacingOccurrences(of: "/Size 11", with: "/Size 11 /Prev 9")
        unchanged(Array(incremental.utf8), "incremental update")
        let encrypted = text.replacingOccurrences(of: "/Size 11", with: "/Size 11 /Encrypt 9 0 R")
        unchanged(Array(encrypted.utf8), "encrypted")
        // The same file, well formed, is changed (so the checks above are meaningful).
        #expect(PDFNormalizer.normalize(good) != OutputNormalizer.normalizeDates(good))
    }

    static let figureDOT = """
        digraph G { fontname="DejaVu Sans"; label="Literatures and the works that bridge them"; labelloc=t;
          node [shape=box, style="rounded,filled", fillcolor="#56B4E9", fontname="DejaVu Sans", fontsize=9];
          a [label="Kjellström 2019", URL="https://doi.org/10.1136/bmjopen-2019-029723"];
          b [label="Batalden 2016", fontsize=12, fillcolor="#E69F00"]; c [label="Ostrom 1978"];
          d [label="Ünïcode ﬀ label", fontsize=10.7]; e [label="x equals pi"];
          a -> b [label="cites", fontsize=7.3]; a -> c; b -> d; c -> e; d -> e; a -> e [color="#00000040"];
        }
        """

    @Test func realRenderIsIdenticalTwiceAndStructurallyValid() throws {
        let first = try GraphvizRenderer.render(dot: Self.figureDOT, engine: .dot, format: .pdf)
        let second = try GraphvizRenderer.render(dot: Self.figureDOT, engine: .dot, format: .pdf)
        #expect(first == second)
        #expect(pdfStructureProblems(first) == [])
        // The normaliser ran: page content has no real with more than 3 decimals.
        let content = try #require(inflatedStreams(first).first)
        let text = String(decoding: content, as: UTF8.self)
        #expect(text.contains(" Tm"))
        let longReal = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { token in
            guard let dot = token.firstIndex(of: "."), Double(token) != nil else { return false }
            return token[token.index(after: dot)...].count > 3
        }
        #expect(longReal == nil, "found \(longReal ?? "")")
        #expect(PDFNormalizer.normalize(first) == first, "idempotent on real output")
    }

    @Test(.enabled(if: pdftoppmPath != nil, "pdftoppm (poppler-utils) not installed"))
    func normalisedPDFsRenderWithPoppler() throws {
        let tool = try #require(pdftoppmPath)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pdfnorm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = try GraphvizRenderer.render(dot: Self.figureDOT, engine: .dot, format: .pdf)
        let hand = PDFNormalizer.normalize(handMadePDF(page1: "BT /F1 12 Tf 20.123456 100.654321 Td (Hello) Tj ET", page2: "10.5 w 20 20 m 180.123456 180 l S"))
        for (name, bytes) in [("real", real), ("hand", hand)] {
            let pdf = dir.appendingPathComponent("\(name).pdf")
            try Data(bytes).write(to: pdf)
            let status = runTool(tool, ["-png", "-r", "30", pdf.path, dir.appendingPathComponent(name).path])
            #expect(status == 0, "pdftoppm failed on \(name)")
            let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(name) && $0.hasSuffix(".png") }
            #expect(pngs.count == (name == "hand" ? 2 : 1), "one PNG per page for \(name): \(pngs)")
        }
    }
}
