import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// Malformed variants of each format, made in a temporary folder: truncated files, wrong
/// encodings, byte order marks, CRLF line ends and missing fields. Each either reads the
/// same as the clean file (BOM, CRLF) or fails with an ``InputError`` naming the file,
/// the line and the field, whose message is checked.
struct MalformedInputTests {
    /// Reads `text` saved as `name` (format detected from content unless given).
    static func read(_ name: String, _ bytes: Data, format: ImportFormat? = nil, lenient: Bool = false) throws -> FileReadResult {
        let dir = try TempFolder()
        defer { dir.remove() }
        let path = try dir.write(name, bytes)
        return try FormatDetector.read(path: path, format: format ?? FormatDetector.detect(path: path), lenient: lenient)
    }

    static func read(_ name: String, _ text: String, format: ImportFormat? = nil, lenient: Bool = false) throws -> FileReadResult {
        try read(name, Data(text.utf8), format: format, lenient: lenient)
    }

    /// The error thrown by reading `text`; fails the test when there is none.
    static func error(_ name: String, _ bytes: Data, format: ImportFormat? = nil) -> InputError? {
        do {
            _ = try read(name, bytes, format: format)
            Issue.record("expected an InputError for \(name)")
            return nil
        } catch let e as InputError {
            #expect(e.file.hasSuffix("/" + name), "error names the file: \(e)")
            return e
        } catch {
            Issue.record("expected an InputError, got \(error)")
            return nil
        }
    }

    static func error(_ name: String, _ text: String, format: ImportFormat? = nil) -> InputError? {
        error(name, Data(text.utf8), format: format)
    }

    static func crlf(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\r\n") }
    static func bom(_ s: String) -> Data { Data([0xEF, 0xBB, 0xBF]) + Data(s.utf8) }
    static func latin1(_ s: String) -> Data { s.data(using: .isoLatin1) ?? Data() }
    static func utf16(_ s: String) -> Data { s.data(using: .utf16) ?? Data() }

    // MARK: WoS plain text

    @Test func wosBOMAndCRLFReadLikeTheCleanFile() throws {
        let clean = try Self.read("a.txt", ImportFixtures.wos)
        for variant in [try Self.read("b.txt", Self.bom(ImportFixtures.wos)), try Self.read("c.txt", Self.crlf(ImportFixtures.wos)),
                        try Self.read("d.ris", Self.bom(Self.crlf(ImportFixtures.wos)))] {
            #expect(variant.format == .wos) // content, not the .ris name, decides
            #expect(variant.records.count == 1)
            #expect(variant.referenceCount == clean.referenceCount)
            #expect(variant.records.first?.work.title == clean.records.first?.work.title)
            #expect(variant.records.first?.references.last?.reference.raw == "Ostrom E, 1996, WORLD DEV, V24, P1073")
        }
    }

    @Test func wosTruncatedFileNamesTheOpenRecord() throws {
        // Cut after the NR line (line 18): the record opened on line 3 has no ER.
        let lines = ImportFixtures.wos.components(separatedBy: "\n")
        let truncated = lines.prefix(18).joined(separator: "\n")
        let e = try #require(Self.error("cut.txt", truncated))
        #expect(e.line == 3)
        #expect(e.field == "ER")
        #expect(e.message.contains("not closed by ER") && e.message.contains("truncated"))
    }

    @Test func wosLatin1IsRejectedWithTheLine() throws {
        let text = ImportFixtures.wos.replacingOccurrences(of: "Jones, Karl", with: "Müller, Karl")
        let e = try #require(Self.error("latin1.txt", Self.latin1(text), format: .wos))
        #expect(e.line == 7)
        #expect(e.message.contains("not valid UTF-8") && e.message.contains("0xFC"))
    }

    @Test func wosMissingFieldsAndBadValues() throws {
        let noIDs = ImportFixtures.wos.components(separatedBy: "\n")
            .filter { !$0.hasPrefix("TI ") && !$0.hasPrefix("DI ") && !$0.hasPrefix("UT ") }.joined(separator: "\n")
        let e = try #require(Self.error("noid.txt", noIDs))
        #expect(e.field == "UT")
        #expect(e.message.contains("neither UT"))
        #expect(e.line == 3)
        let badYear = ImportFixtures.wos.replacingOccurrences(of: "PY 2020", with: "PY 20x0")
        let y = try #require(Self.error("year.txt", badYear))
        #expect(y.field == "PY" && y.line == 10)
        #expect(y.message.contains("four-digit publication year") && y.message.contains("20x0"))
        let badTag = ImportFixtures.wos.replacingOccurrences(of: "VL 12", with: "volume 12")
        let t = try #require(Self.error("tag.txt", badTag, format: .wos))
        #expect(t.line == 11)
        #expect(t.message.contains("two-character field tag"))
    }

    @Test func wosLenientSkipsAndCountsTheBadRecord() throws {
        let body = ImportFixtures.wos.components(separatedBy: "\n")
        let record = Array(body[2..<20]) // PT … ER
        let bad = record.map { $0 == "PY 2020" ? "PY year" : $0 }
        let text = (Array(body[0..<2]) + bad + record + ["EF", ""]).joined(separator: "\n")
        #expect(Self.error("two.txt", text) != nil)
        let r = try Self.read("two.txt", text, lenient: true)
        #expect(r.records.count == 1)
        #expect(r.skipped.count == 1)
        #expect(r.skipped.first?.line == 10)
        #expect(r.records.first?.work.sources.first?.firstLine == 21)
    }

    // MARK: Scopus CSV

    @Test func scopusVariants() throws {
        let clean = try Self.read("s.csv", ImportFixtures.scopus)
        #expect(clean.records.count == 1 && clean.referenceCount == 4)
        for v in [try Self.read("bom.csv", Self.bom(ImportFixtures.scopus)), try Self.read("crlf.csv", Self.crlf(ImportFixtures.scopus))] {
            #expect(v.format == .scopus && v.records.count == 1 && v.referenceCount == 4)
        }
        // Truncated inside the quoted References cell.
        let cut = String(ImportFixtures.scopus.prefix(ImportFixtures.scopusHeader.count + 200))
        let e = try #require(Self.error("cut.csv", cut))
        #expect(e.line == 2)
        #expect(e.message.contains("never closed") && e.message.contains("truncated"))
        // A missing required column.
        let noTitle = ImportFixtures.scopus.replacingOccurrences(of: #""Title","#, with: #""Titel","#)
        let m = try #require(Self.error("notitle.csv", noTitle, format: .scopus))
        #expect(m.field == "Title" && m.line == 1)
        #expect(m.message.contains("missing column 'Title'"))
        // A year that is not a year.
        let year = ImportFixtures.scopus.replacingOccurrences(of: "review\",2020,", with: "review\",\"n.d.\",")
        let y = try #require(Self.error("year.csv", year))
        #expect(y.field == "Year" && y.line == 2 && y.message.contains("'n.d.'"))
    }

    // MARK: BibTeX

    static let bib = """
    @article{WOS:1,
    Author = {Smith, John and Jones, Karl},
    Title = {Co-production in health care},
    Journal = {J HEALTH},
    Year = {2020},
    DOI = {10.1234/x.1},
    Cited-References = {Aria M, 2017, J INFORMETR, V11, P959.
       Ostrom E, 1996, WORLD DEV, V24, P1073.},
    }

    @book{b2, title = "A {Book} title", author = "Ann Lee", year = 1999}

    """

    @Test func bibtexVariants() throws {
        let clean = try Self.read("x.bib", Self.bib)
        #expect(clean.format == .bibtex && clean.records.count == 2 && clean.referenceCount == 2)
        #expect(clean.records[1].work.title == "A Book title")
        #expect(clean.records[1].work.authors.first == AuthorName(family: "Lee", initials: "A"))
        for v in [try Self.read("bom.bib", Self.bom(Self.bib)), try Self.read("crlf.bib", Self.crlf(Self.bib))] {
            #expect(v.records.count == 2 && v.referenceCount == 2)
        }
        let cut = try #require(Self.error("cut.bib", String(Self.bib.prefix(120))))
        #expect(cut.line == 1 && cut.message.contains("not closed") && cut.message.contains("truncated"))
        let noEq = try #require(Self.error("noeq.bib", Self.bib.replacingOccurrences(of: "Journal = {J HEALTH}", with: "Journal {J HEALTH}")))
        #expect(noEq.field == "Journal" && noEq.line == 4 && noEq.message.contains("has no '='"))
        let year = try #require(Self.error("year.bib", Self.bib.replacingOccurrences(of: "{2020}", with: "{in press}")))
        #expect(year.field == "year" && year.line == 5)
        let lat = try #require(Self.error("latin1.bib", Self.latin1(Self.bib.replacingOccurrences(of: "Jones", with: "Jönes")), format: .bibtex))
        #expect(lat.line == 2 && lat.message.contains("UTF-8"))
    }

    // MARK: RIS

    static let ris = "1.\nTY  - JOUR\nT1  - A title\nA1  - Marx, Karl\nY1  - 2014//\nDO  - 10.1234/r.1\nER  - \n\nTY  - BOOK\nTI  - Second\nPY  - 2006\nER  - \n"

    @Test func risVariants() throws {
        #expect(try Self.read("a.ris", Self.ris).records.count == 2)
        #expect(try Self.read("b.ris", Self.crlf(Self.ris)).records.count == 2)
        #expect(try Self.read("c.txt", Self.bom(Self.ris)).records.count == 2)
        let cut = try #require(Self.error("cut.ris", String(Self.ris.dropLast(7))))
        #expect(cut.line == 9 && cut.field == "ER" && cut.message.contains("truncated"))
        let noTitle = try #require(Self.error("nt.ris", Self.ris.replacingOccurrences(of: "TI  - Second\n", with: "")))
        #expect(noTitle.line == 9 && noTitle.field == "TI")
        let year = try #require(Self.error("y.ris", Self.ris.replacingOccurrences(of: "PY  - 2006", with: "PY  - soon")))
        #expect(year.line == 11 && year.field == "PY")
    }

    // MARK: MEDLINE

    static let medline = "PMID- 26524502\nTI  - A survey of\n      transporters.\nDP  - 2016 Jan 15\nLID - 10.1016/j.gene.2015.10.064 [doi]\nFAU - Gadzalski, Marek\n\nPMID- 123\nTI  - Second\nDP  - 2015\n"

    @Test func medlineVariants() throws {
        let clean = try Self.read("m.medline", Self.medline)
        #expect(clean.format == .medline && clean.records.count == 2)
        #expect(clean.records[0].work.title == "A survey of transporters.")
        #expect(try Self.read("c.txt", Self.crlf(Self.medline)).records.count == 2)
        #expect(try Self.read("b.txt", Self.bom(Self.medline)).records.count == 2)
        let before = try #require(Self.error("x.medline", "TI  - Orphan\n" + Self.medline, format: .medline))
        #expect(before.line == 1 && before.field == "TI" && before.message.contains("before any PMID"))
        let pmid = try #require(Self.error("p.medline", Self.medline.replacingOccurrences(of: "PMID- 123", with: "PMID- abc")))
        #expect(pmid.field == "PMID" && pmid.line == 8)
        let dp = try #require(Self.error("d.medline", Self.medline.replacingOccurrences(of: "DP  - 2015", with: "DP  - unknown")))
        #expect(dp.field == "DP" && dp.line == 10)
    }

    // MARK: JSON formats

    @Test func openAlexVariants() throws {
        let array = "[\n" + ImportFixtures.openAlexLines.split(separator: "\n").joined(separator: ",\n") + "\n]\n"
        let a = try Self.read("w.json", array)
        #expect(a.format == .openAlex && a.records.count == 3 && a.referenceCount == 5)
        #expect(a.records[2].work.sources.first?.firstLine == 4) // element 3 is on line 4
        let page = try Self.read("page.json", "{\"meta\": {\"count\": 3}, \"results\": " + array + "}")
        #expect(page.records.count == 3)
        #expect(try Self.read("crlf.jsonl", Self.crlf(ImportFixtures.openAlexLines)).records.count == 3)
        #expect(try Self.read("bom.jsonl", Self.bom(ImportFixtures.openAlexLines)).records.count == 3)
        let cut = try #require(Self.error("cut.json", String(array.prefix(array.count / 2)), format: .openAlex))
        #expect(cut.message.contains("not valid JSON"))
        let noID = try #require(Self.error("noid.jsonl", ImportFixtures.openAlexLines.replacingOccurrences(of: "\"id\": \"https://openalex.org/W2\"", with: "\"id\": \"A2\"")))
        #expect(noID.line == 2 && noID.field == "id" && noID.message.contains("'A2'"))
        let badLine = ImportFixtures.openAlexLines.replacingOccurrences(of: "\"title\": \"Gamma\",", with: "\"title\": \"Gamma\"")
        let b = try #require(Self.error("bad.jsonl", badLine, format: .openAlex))
        #expect(b.line == 3 && b.message.contains("not valid JSON"))
        let refs = try #require(Self.error("refs.jsonl", ImportFixtures.openAlexLines.replacingOccurrences(of: "\"referenced_works\": []", with: "\"referenced_works\": \"W5\"")))
        #expect(refs.field == "referenced_works" && refs.line == 1)
        let lenient = try Self.read("noid.jsonl", ImportFixtures.openAlexLines.replacingOccurrences(of: "\"id\": \"https://openalex.org/W2\"", with: "\"id\": 7"), lenient: true)
        #expect(lenient.records.count == 2 && lenient.skipped.count == 1)
    }

    @Test func crossrefAndCSLVariants() throws {
        let work = #"{"status": "ok", "message-type": "work", "message": {"DOI": "10.1234/xyz", "title": ["T"], "issued": {"date-parts": [[2012, 3]]}, "reference-count": 1, "reference": [{"key": "r1", "unstructured": "Smith J (2001) A study of things. J Things 3:1-2"}]}}"#
        let r = try Self.read("w.json", work)
        #expect(r.format == .crossref && r.records.count == 1 && r.referenceCount == 1)
        #expect(r.records[0].references[0].reference.raw == "Smith J (2001) A study of things. J Things 3:1-2")
        let noDOI = try #require(Self.error("n.json", work.replacingOccurrences(of: #""DOI": "10.1234/xyz", "#, with: "")))
        #expect(noDOI.field == "DOI" && noDOI.message.contains("without a DOI"))
        let status = try #require(Self.error("s.json", #"{"status": "failed", "message-type": "work", "message-version": "1"}"#))
        #expect(status.field == "status")
        let csl = #"[{"id": "a", "type": "article-journal", "title": "X", "author": [{"family": "Adams", "given": "Alice"}], "issued": {"date-parts": [[2020]]}}, {"id": "b", "title": "Y"}]"#
        let e = try #require(Self.error("c.json", csl))
        #expect(e.field == "type" && e.line == 1 && e.message.contains("without a 'type'"))
        let ok = try Self.read("c.json", csl, lenient: true)
        #expect(ok.format == .cslJSON && ok.records.count == 1 && ok.skipped.count == 1)
        #expect(ok.records[0].work.authors == [AuthorName(family: "Adams", initials: "A")])
    }

    // MARK: Lens, tab-delimited, detection

    @Test func lensTabAndDetection() throws {
        let lens = "\"Lens ID\",\"Title\",\"Publication Year\",\"Author/s\",\"DOI\",\"References\"\n\"001\",\"A\",2020,\"Ann Lee\",\"\",\"002; 003\"\n"
        let l = try Self.read("l.csv", lens)
        #expect(l.format == .lens && l.referenceCount == 2 && l.records[0].references[0].nativeID == "lens:002")
        let noID = try #require(Self.error("nl.csv", lens.replacingOccurrences(of: "\"Lens ID\"", with: "\"ID\""), format: .lens))
        #expect(noID.field == "Lens ID" && noID.line == 1)
        let tab = "PT\tAU\tTI\tSO\tPY\tDI\tCR\tUT\nJ\tSmith, J; Jones, K\tA title\tJ X\t2020\t10.1234/t\tAria M, 2017, J INFORMETR, V11, P959; Ostrom E, 1996, WORLD DEV, V24, P1073\tWOS:2\n"
        let t = try Self.read("t.txt", tab)
        #expect(t.format == .wosTab && t.records.count == 1 && t.referenceCount == 2)
        #expect(t.records[0].work.authors.map(\.family) == ["Smith", "Jones"])
        let unknown = try #require(Self.error("u.txt", "hello\nworld\n"))
        #expect(unknown.message.contains("format not recognised") && unknown.message.contains("--format"))
        let empty = try #require(Self.error("e.txt", ""))
        #expect(empty.message.contains("empty"))
    }
}
