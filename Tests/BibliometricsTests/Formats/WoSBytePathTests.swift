import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import Bibliometrics

/// The byte path of the WoS plain-text reader (whole-file lines as byte ranges, fields as
/// ranges, `CR` strings parsed on their bytes, DOIs canonicalised on bytes) against the
/// String definitions it stands in for: every line, record and `CR` string of one
/// capture-recapture file, and hand-made files for the line-reading edge cases.
struct WoSBytePathTests {
    static let crFile = "corpora/capture-recapture-wos/savedrecs.txt"

    /// The `CR` parser as defined on Strings and arrays (session 7's implementation, kept
    /// here as the specification the byte parser must reproduce).
    enum Definition {
        static func parse(_ raw: String, source: SourceSpan?) -> CitedReference {
            var bytes = Array(raw.utf8)
            let trimmedRaw = trim(bytes[...])
            var ref = CitedReference(raw: trimmedRaw.count == bytes.count ? raw : String(decoding: trimmedRaw, as: UTF8.self),
                                     source: source, type: .unknown)
            if bytes.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "\\") || $0 == 0x0A || $0 == 0x09 }) {
                bytes = Array(AuthorName.clean(raw).utf8)
            }
            var text = trim(bytes[...])
            if text.last == UInt8(ascii: ".") { text = text.dropLast() }
            let marker = Array(", DOI ".utf8)
            var doiCut: (cut: Int, value: Int)?
            if let r = (text.startIndex..<max(text.startIndex, text.endIndex - marker.count + 1)).first(where: { text[$0..<($0 + marker.count)].elementsEqual(marker) }) {
                doiCut = (r, r + marker.count)
            } else if text.starts(with: marker.dropFirst(2)) {
                doiCut = (text.startIndex, text.startIndex + 4)
            }
            if let (cut, value) = doiCut {
                var doiText = text[value...]
                text = text[..<cut]
                if doiText.first == UInt8(ascii: "[") {
                    doiText = doiText.dropFirst().prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "]") }
                }
                while doiText.count >= 4, String(decoding: doiText.prefix(4), as: UTF8.self).uppercased() == "DOI " { doiText = doiText.dropFirst(4) }
                ref.doi = DOI(String(decoding: doiText.filter { $0 != UInt8(ascii: "\\") }, as: UTF8.self))
            }
            // Parts separated by ", ", each trimmed.
            var parts: [ArraySlice<UInt8>] = []
            var start = text.startIndex, i = text.startIndex
            while i < text.endIndex {
                if text[i] == UInt8(ascii: ","), i + 1 < text.endIndex, text[i + 1] == 0x20 {
                    parts.append(trim(text[start..<i])); i += 2; start = i
                } else { i += 1 }
            }
            parts.append(trim(text[start..<text.endIndex]))
            func year(_ p: ArraySlice<UInt8>) -> Int? {
                guard p.count == 4, p.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let y = Int(String(decoding: p, as: UTF8.self)) else { return nil }
                return (1000...2100).contains(y) ? y : nil
            }
            func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            func isUpper(_ b: UInt8?) -> Bool { b.map { $0 >= 0x41 && $0 <= 0x5A } ?? false }
            let first = parts[0]
            var rest = parts.dropFirst()
            if let y = year(first) { ref.year = y } else if let a = author(first) { ref.authors = [a] }
            if ref.year == nil, let p = rest.first, let y = year(p) { ref.year = y; rest = rest.dropFirst() }
            for p in rest {
                guard let c = p.first else { continue }
                let second = p.dropFirst().first
                if p.count > 1, c == UInt8(ascii: "V"), p.dropFirst().allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") }) || (p.count < 8 && isDigit(second)) {
                    ref.volume = String(decoding: p.dropFirst(), as: UTF8.self)
                } else if p.count > 1, c == UInt8(ascii: "P"), ref.venue != nil, isDigit(second) || (isUpper(second) && p.count < 10) {
                    ref.pages = String(decoding: p.dropFirst(), as: UTF8.self)
                } else if ref.venue == nil {
                    ref.venue = String(decoding: p, as: UTF8.self)
                }
            }
            if ref.volume != nil || ref.pages != nil { ref.type = .article }
            return ref
        }

        static func trim(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var a = s.startIndex, b = s.endIndex
            while a < b, s[a] == 0x20 || s[a] == 0x09 { a += 1 }
            while b > a, s[b - 1] == 0x20 || s[b - 1] == 0x09 { b -= 1 }
            return s[a..<b]
        }

        static func author(_ p: ArraySlice<UInt8>) -> AuthorName? {
            guard !p.isEmpty else { return nil }
            let text = String(decoding: p, as: UTF8.self)
            if p.first == UInt8(ascii: "[") || p.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: ".") }) { return AuthorName.parseShort(text) }
            guard let space = p.lastIndex(of: 0x20) else { return AuthorName(family: text) }
            let initials = p[(space + 1)...], family = trim(p[..<space])
            if (1...3).contains(initials.count), initials.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }), !family.isEmpty, !family.contains(0x20) {
                return AuthorName(family: String(decoding: family, as: UTF8.self), initials: String(decoding: initials, as: UTF8.self))
            }
            return AuthorName.parseShort(text)
        }

        /// The fields of each record of a plain-text export, read line by line as Strings
        /// (the reader's definition, for well-formed files): tag, line, trimmed values.
        static func records(_ path: String) throws -> [(start: Int, end: Int, fields: [(String, Int, [String])])] {
            var lines = try LineReader(path: path)
            var out: [(Int, Int, [(String, Int, [String])])] = []
            var fields: [(String, Int, [String])] = []
            var start = 0
            while let line = try lines.next() {
                let n = lines.lineNumber
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
                if line.hasPrefix("\t") || line.hasPrefix("   ") {
                    if !fields.isEmpty { fields[fields.count - 1].2.append(WoSPlainText.trimmed(line)) }
                    continue
                }
                let tag = String(line.prefix(2))
                let value = WoSPlainText.trimmed(String(line.dropFirst(3)))
                switch tag {
                case "FN", "VR", "EF": continue
                case "PT": start = n; fields = [(tag, n, [value])]
                case "ER": out.append((start, n, fields)); fields = []
                default: fields.append((tag, n, [value]))
                }
            }
            return out
        }
    }

    /// Every `CR` string of one capture-recapture file parsed on its bytes equals the String
    /// definition; a few hand-made strings too (slow path, DOI shapes, trimming).
    @Test func citedReferencesOnBytesAgreeWithTheStringDefinition() throws {
        var strings = ["Seber G. A. F, 1982, ESTIMATION ANIMAL AB, P1", "  SMITH J, 2001, ECOLOGY, V82, P1, DOI 10.1890/0012-9658(2001)082[0001:X]2.0.CO;2  ",
                       "Otis DL, 1978, WILDLIFE MONOGR, P1", "[Anonymous], 2005, REP, V3", "DOI 10.1/abc", "Smith J, 1999, J {\\&} X, V1, DOI 10.1234/A\\_B.",
                       "Pollock KH, 1990, WILDLIFE MONOGR, V107, P1, DOI [10.2307/3830560, 10.2307/1234]", "2001, SOME REPORT", "Cáceres NC, 2010, ZOOLOGIA, V27",
                       "X, 2000, Y, DOI doi 10.1577/1548-8675(2001)021<0521:TRREAE>2.0.CO;2", "", " ", ".", "A, , , P12", "Lee K\tM, 2003, T"]
        if let file = SharedData.path(Self.crFile) {
            for record in try Definition.records(file) {
                for (tag, _, values) in record.fields where tag == "CR" { strings += values }
            }
            #expect(strings.count > 20_000)
        } else {
            print(SharedData.skipMessage(Self.crFile) + " (hand-written strings only)")
        }
        let source = SourceSpan(file: "f", firstLine: 3, lastLine: 3)
        for s in strings {
            let expected = Definition.parse(s, source: source)
            var copy = s
            let onBytes = copy.withUTF8 { WoSCitedReference.parse(utf8: $0, source: source) }
            #expect(onBytes == expected, "\(s)")
            #expect(WoSCitedReference.parse(s, source: source) == expected, "\(s)")
        }
        // By hand: the SICI DOI keeps its '<…>' part, lower-cased; the first of bracketed alternatives.
        let sici = WoSCitedReference.parse("X, 2000, Y, DOI 10.1577/1548-8675(2001)021<0521:TRREAE>2.0.CO;2")
        #expect(sici.doi?.value == "10.1577/1548-8675(2001)021<0521:trreae>2.0.co;2")
        #expect(WoSCitedReference.parse("Pollock KH, 1990, WILDLIFE MONOGR, V107, P1, DOI [10.2307/3830560, 10.2307/1234]").doi?.value == "10.2307/3830560")
    }

    /// `AU`/`AF` names read on their bytes equal ``AuthorName/parseFamilyFirst(_:)`` on the
    /// String, for every such value of one capture-recapture file and hand-made shapes.
    @Test func familyFirstNamesOnBytesAgreeWithTheStringPath() throws {
        var names = ["Smith, J", "Van  Dyck, H", "Smith,", ", J", "O'Brien, J.-P.", "de Bruyn, PJN", "Müller, K", "Lee, Ming-Liang", "Smith",
                     "  Smith ,  John  Paul ", "Smith, J{\\'e}", "A,B,C", "Smith, -", "Smith, Mary-", "Chao, Anne", "Seber, G. A. F.", "", " ", ",",
                     "Kim, J-H", "Lee, ABCD", "Lee, abc", "Lee, a b c", "Lee, ML", "X, DeAnn", "X, j.-p."]
        if let file = SharedData.path(Self.crFile) {
            for record in try Definition.records(file) {
                for (tag, _, values) in record.fields where tag == "AU" || tag == "AF" { names += values }
            }
            #expect(names.count > 5_000)
        } else {
            print(SharedData.skipMessage(Self.crFile) + " (hand-written names only)")
        }
        for name in names {
            var copy = name
            #expect(copy.withUTF8 { AuthorName.parseFamilyFirst(utf8: $0) } == AuthorName.parseFamilyFirst(name), "\(name)")
        }
        // By hand, from the definition (surname before the first comma, initials of the given names).
        // 'J.-P.' splits at the dot into words 'J' and '-P' (initials JP); 'Jean-Paul' is one word of two parts (J-P).
        var jp = "O'Brien, J.-P."
        #expect(jp.withUTF8 { AuthorName.parseFamilyFirst(utf8: $0) } == AuthorName(family: "O'Brien", initials: "JP"))
        var jeanPaul = "O'Brien, Jean-Paul"
        #expect(jeanPaul.withUTF8 { AuthorName.parseFamilyFirst(utf8: $0) } == AuthorName(family: "O'Brien", initials: "J-P"))
        var spaced = "  Smith ,  John  Paul "
        #expect(spaced.withUTF8 { AuthorName.parseFamilyFirst(utf8: $0) } == AuthorName(family: "Smith", initials: "JP"))
    }

    /// The byte path of DOIs equals the general (Foundation) definition wherever it answers,
    /// including the SICI shapes with `<`; text it declines goes to the general path.
    @Test func doiBytePathAgreesWithTheGeneralDefinition() {
        let texts = ["10.1577/1548-8675(2001)021<0521:TRREAE>2.0.CO;2", "10.1890/0012-9658(2001)082[0001:X]2.0.CO;2.", "10.1016/J.JOI.2017.08.007",
                     "10.1000/abc>", "10.1000/a<b>", "10.123/x", "10.1234/", "10.12345.6/x)", "10.1234..5/x", "10..1234/x", "10.1234/x%2F", "10.1234/a b",
                     "10.1234/x\"", "10.1234/x'.", "10.1234/é", "doi:10.1234/x", "10.1234567890/x", "10.1234/x;:,", "10.)))", "10.1234/<>"]
        for t in texts {
            let general = DOI.generalCanonical(t)
            var copy = t
            if let fast = copy.withUTF8({ DOI.asciiCanonical($0) }) { #expect(fast == general, "\(t)") }
            #expect(copy.withUTF8({ DOI(utf8: $0) }) == DOI(t), "\(t)")
        }
        #expect(DOI.asciiCanonical("10.1000/a<b>") == "10.1000/a<b")
        #expect(DOI.asciiCanonical("10.1234/x%2F") == nil)
        #expect(DOI("10.1234/x%2F")?.value == "10.1234/x/")
    }

    /// The records read on bytes equal the records the String fields give (``WoSStringFields``
    /// over the same lines read as Strings), record by record, for one capture-recapture file.
    @Test func plainTextRecordsOnBytesAgreeWithTheStringFields() throws {
        guard let file = SharedData.path(Self.crFile) else {
            print(SharedData.skipMessage(Self.crFile))
            return
        }
        let read = try WoSPlainText.read(path: file)
        let definition = try Definition.records(file)
        #expect(read.records.count == definition.count)
        #expect(read.records.count > 400)
        for (r, d) in zip(read.records, definition) {
            let expected = try WoSFields.record(WoSStringFields(d.fields), path: file,
                                                span: SourceSpan(file: file, firstLine: d.start, lastLine: d.end), format: .wos)
            #expect(r.work == expected.work)
            #expect(r.references == expected.references)
            #expect(r.nativeIDs == expected.nativeIDs)
            #expect(r.declaredReferences == expected.declaredReferences)
            #expect(r.fields == expected.fields)
        }
        // By hand, the first record of the file (its first lines read with a text editor).
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let firstUT = text.split(separator: "\n").first(where: { $0.hasPrefix("UT ") }).map { "wos:" + $0.dropFirst(3).uppercased() }
        #expect(read.records.first?.nativeIDs == [firstUT].compactMap { $0 })
    }

    /// Whole-file byte lines give the lines, line numbers, endings, repairs and errors of
    /// ``LineReader``, for mixed endings, BOMs, UTF-16, a final line without terminator and
    /// invalid UTF-8.
    @Test func byteLinesAgreeWithLineReader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byte-lines-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
            (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + s.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        let cases: [(String, [UInt8])] = [
            ("lf", Array("PT J\nAU Smith, J\n   Lee, K\nER\n".utf8)),
            ("mixed", Array("a\r\nb\rc\n\r\nd\re".utf8)),
            ("cr-end", Array("a\rb\r".utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + Array("FN x\nPT J\n".utf8)),
            ("utf16le", utf16("FN x\r\nTI Ré\r\n", bigEndian: false)),
            ("utf16be", utf16("FN x\nTI Ré", bigEndian: true)),
            ("latin1", Array("a\nok é\n".utf8) + [0x62, 0xE9, 0x0A]),
            ("empty", []),
            ("blank", Array("\n\n  \n".utf8)),
            ("utf32", [0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0]),
        ]
        for (name, bytes) in cases {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            var expected: [String] = []
            var expectedError: String?
            var reader = try LineReader(path: path)
            do { while let l = try reader.next() { expected.append("\(reader.lineNumber):\(l)") } } catch { expectedError = "\(error)" }
            var got: [String] = []
            var gotError: String?
            var repairs = ""
            do {
                try LineRanges.withLines(path: path) { lines in
                    do {
                        while let r = try lines.next() {
                            got.append("\(lines.lineNumber):" + String(decoding: UnsafeBufferPointer(rebasing: lines.bytes[r]), as: UTF8.self))
                        }
                    } catch { gotError = "\(error)" }
                    repairs = "\(lines.repairs)"
                }
            } catch { gotError = "\(error)" }
            #expect(got == expected, "\(name)")
            #expect(gotError == expectedError, "\(name)")
            if expectedError == nil { #expect(repairs == "\(reader.repairs)", "\(name)") }
        }
        // By hand: "a\r\nb\rc\n\r\nd\re" is a, b, c, (empty), d, e — 1 CRLF + 1 CRLF, 2 lone CR, 1 LF.
        let path = folder.appendingPathComponent("mixed").path
        try LineRanges.withLines(path: path) { lines in
            var n = 0
            while try lines.next() != nil { n += 1 }
            #expect(n == 6)
            #expect(lines.lineEndings == (lf: 1, crlf: 2, cr: 2))
        }
    }

    /// A folder's files are detected once; the WoS reader's tab-delimited check answers as
    /// the full detection does.
    @Test func tabDelimitedCheckAgreesWithDetection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tab-check-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, text) in [("tab", "PT\tAU\tTI\tUT\nJ\tSmith, J\tA title\tWOS:1\n"), ("tab-bom", "\u{FEFF}\n\nPT\tTI\tUT\n"),
                             ("plain", "FN Clarivate\nVR 1.0\nPT J\n"), ("tab-not-wos", "a\tb\nc\td\n"), ("json", "{\"a\":\t1}")] {
            let p = folder.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: p))
            paths.append(p)
        }
        for f in ["formats/wos-plaintext/bibliometrix-wos_sample.txt", "formats/scopus-csv/bibliometrix-scopus_sample.csv", Self.crFile] {
            if let p = SharedData.path(f) { paths.append(p) } else { print(SharedData.skipMessage(f)) }
        }
        for p in paths {
            #expect(FormatDetector.isWoSTabDelimited(p) == ((try? FormatDetector.detect(path: p)) == .wosTab), "\(p)")
        }
        #expect(FormatDetector.isWoSTabDelimited(paths[0]))
        #expect(FormatDetector.isWoSTabDelimited(paths[1]))
        #expect(!FormatDetector.isWoSTabDelimited(paths[2]))
    }

    /// Lines for detection split on bytes: LF, CR and CRLF, blank lines dropped, as on Characters.
    @Test func detectionLinesSplitOnBytes() {
        #expect(FormatDetector.detect(text: "\r\n\r\nFN Clarivate\r\nVR 1.0\r\n") == .wos)
        #expect(FormatDetector.detect(text: "x\rPT J\r") == .wos)
        #expect(FormatDetector.detect(text: "PT\tAU\tUT\r\nJ\tA\tB") == .wosTab)
        #expect(FormatDetector.detect(text: "\n\nTY  - JOUR\nER  -") == .ris)
        #expect(FormatDetector.detect(text: "é\nPMID- 1\n") == .medline)
    }
}
