import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

struct ImporterMatchingTests {
    /// Without DOIs or shared ids, the WoS and Scopus records of the same paper are merged by
    /// the fallback key: surname `smith`, year 2020 in both, titles identical after folding
    /// (Dice 1). Counts otherwise as in the DOI case: 4 arcs from 7 references.
    @Test func citingRecordsMergeByKeyWithoutIdentifiers() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let wos = try dir.write("w.txt", ImportFixtures.wos.replacingOccurrences(of: "DI 10.1234/jhsr.2020.001\n", with: ""))
        let scopus = try dir.write("s.csv", ImportFixtures.scopus.replacingOccurrences(of: "10.1234/JHSR.2020.001", with: ""))
        let d = Importer().merge(try Importer().read(files: [wos, scopus], format: nil))
        #expect(d.summary.duplicates == 1)
        #expect(d.duplicates.first?.method == .key)
        #expect(d.citations.count == 4)
        #expect(d.works.first?.work.id == "wos:WOS:000000000000001")
    }

    /// A year further apart than the tolerance keeps two records apart (2020 vs 2022, tolerance 1).
    @Test func yearOutsideToleranceIsNotMerged() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let wos = try dir.write("w.txt", ImportFixtures.wos.replacingOccurrences(of: "DI 10.1234/jhsr.2020.001\n", with: ""))
        let scopus = try dir.write("s.csv", ImportFixtures.scopus.replacingOccurrences(of: "10.1234/JHSR.2020.001", with: "")
            .replacingOccurrences(of: "review\",2020,", with: "review\",2022,"))
        let d = Importer().merge(try Importer().read(files: [wos, scopus], format: nil))
        #expect(d.summary.duplicates == 0)
        #expect(d.citations.count == 7 - 3 + 3) // two citing works: 3 WoS arcs + 4 Scopus arcs
    }

    /// A reference printing another paper's DOI (first author Zhang, not Aria; 2019, not 2017;
    /// source ANN TOURISM RES, not Journal of Informetrics) is not merged with it: the refusal
    /// is logged and the reference becomes its own work.
    @Test func doiOnTheWrongReferenceIsRefused() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let text = ImportFixtures.wos.replacingOccurrences(of: "   Ostrom E, 1996, WORLD DEV, V24, P1073",
                                                          with: "   Ostrom E, 1996, WORLD DEV, V24, P1073\n   Zhang Q, 2019, ANN TOURISM RES, V3, P9, DOI 10.1016/j.joi.2017.08.007")
        let scopusFile = try dir.write("s.csv", ImportFixtures.scopusHeader + "\n" +
            #""Aria M.","bibliometrix: An R-tool for comprehensive science mapping analysis",2017,"Journal of Informetrics","11","4","959","975","10.1016/j.joi.2017.08.007","","2-s2.0-7""# + "\n")
        let wos = try dir.write("w.txt", text)
        let d = Importer().merge(try Importer().read(files: [scopusFile, wos], format: nil))
        // Aria (the Scopus record) is cited by the WoS paper through its DOI; Zhang is not Aria.
        let zhang = try #require(d.references.first { $0.reference.authors.first?.family == "Zhang" })
        #expect(zhang.method == .new)
        let aria = try #require(d.references.first { $0.reference.authors.first?.family == "Aria" })
        #expect(aria.method == .doi)
        #expect(aria.cited == "doi:10.1016/j.joi.2017.08.007")
        #expect(zhang.cited != aria.cited)
        #expect(d.notes.count == 1)
        #expect(d.notes.first?.contains("DOI 10.1016/j.joi.2017.08.007") == true)
    }

    /// Lenient import skips the bad record, counts it, and names it in the log.
    @Test func lenientImportCountsSkippedRecords() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let bad = ImportFixtures.scopus + #""Lee A.","Second paper","unknown","J","1","","1","2","","","2-s2.0-2""# + "\n"
        let file = try dir.write("s.csv", bad)
        #expect(throws: InputError.self) { try Importer().run(files: [file], format: nil, outputFolder: dir.path + "/strict") }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/strict"))
        let summary = try Importer(options: ImportOptions(lenient: true)).run(files: [file], format: .scopus, outputFolder: dir.path + "/lenient")
        #expect(summary.records == 1)
        #expect(summary.skipped == 1)
        let log = try String(contentsOfFile: dir.path + "/lenient/import-log.txt", encoding: .utf8)
        #expect(log.contains("## Skipped records\ns.csv:3: Year: expected a four-digit year, got 'unknown'"))
    }
}

struct CSVTableTests {
    /// Fields with commas, quotes, line breaks and edge spaces read back unchanged with CSV.swift.
    @Test func roundTripsThroughCSVReader() throws {
        let rows = [["a,b", "say \"hi\"", "line1\nline2"], [" lead", "trail ", "plain"], ["", "=1+1", "x\r\ny"]]
        let text = CSVTable.text(header: ["h1", "h2", "h3"], rows: rows)
        #expect(text.hasPrefix("h1,h2,h3\n\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\"\n"))
        let dir = try TempFolder()
        defer { dir.remove() }
        let path = try dir.write("t.csv", text)
        let back = try CSVRows(path: path, hasHeader: true, comments: false)
        #expect(back.header == ["h1", "h2", "h3"])
        #expect(back.rows.map(\.cells) == rows)
    }
}

struct WorkIndexGuardTests {
    /// Two records of one database (different WoS accession numbers) with near-identical
    /// titles that differ only by a number stay apart; by hand: "Paper number 65 about
    /// things" vs "… 90 …" has Dice 2·4/10 = 0.8, the threshold, but the numbers differ.
    @Test func numberedTitlesAndDistinctAccessionNumbersStayApart() throws {
        let one = ImportFixtures.wos.replacingOccurrences(of: "DI 10.1234/jhsr.2020.001\n", with: "")
        let record = one.components(separatedBy: "\n")[2..<20]
        let second = record.map { $0.replacingOccurrences(of: "WOS:000000000000001", with: "WOS:000000000000002") }
        let a = Array(record).map { $0.replacingOccurrences(of: "TI Co-production in health care: a review", with: "TI Paper number 65 about things") }
        let b = second.map { $0.replacingOccurrences(of: "TI Co-production in health care: a review", with: "TI Paper number 90 about things") }
        let c = second.map { $0.replacingOccurrences(of: "WOS:000000000000002", with: "WOS:000000000000003") }
        let text = (["FN x", "VR 1.0"] + a + b + c + ["EF", ""]).joined(separator: "\n")
        let dir = try TempFolder()
        defer { dir.remove() }
        let d = Importer().merge(try Importer().read(files: [try dir.write("w.txt", text)], format: nil))
        // a/b: numbers differ; b/c: same title but different accession numbers. No merge.
        #expect(d.summary.duplicates == 0)
        #expect(d.works.filter(\.isCiting).count == 3)
    }
}

/// Which work the key rule picks among several that match (``WorkIndex/keyMatch(_:nativeIDs:exclude:probe:)``).
struct KeyRuleChoiceTests {
    /// Works 0–3, all "Smith", source "Journal of Informetrics", and a reference "Smith A,
    /// 2000, J INFORMETR" (the abbreviation matches the source: two words, strong; year
    /// tolerance 1). By the definition the lowest index of the exact year wins over a lower
    /// index of a neighbouring year, so: with works of 1999 (0), 2000 (1), 2000 (2) and 2001
    /// (3) it is work 1 (work 2 when 1 is excluded); without works of 2000, work 0 (1999, the
    /// lowest index within the tolerance); a work of the exact year in another journal (not a
    /// match) is passed over; years 1998 and 2002 are outside the tolerance.
    @Test func exactYearThenLowestIndex() {
        func index(_ works: [(Int, String)]) -> WorkIndex {
            var index = WorkIndex(options: MatchOptions())
            for (year, venue) in works {
                _ = index.add(WorkIndex.Node(work: Work(id: "", authors: [AuthorName(family: "Smith", initials: "A")], year: year, venue: venue),
                                             nativeIDs: [], isCiting: false))
            }
            return index
        }
        let reference = CitedReference(raw: "Smith A, 2000, J INFORMETR", authors: [AuthorName(family: "SMITH", initials: "A")],
                                       year: 2000, venue: "J INFORMETR")
        let all = index([(1999, "Journal of Informetrics"), (2000, "Journal of Informetrics"), (2000, "Journal of Informetrics"), (2001, "Journal of Informetrics")])
        #expect(all.keyMatch(reference, nativeIDs: [], exclude: nil) == 1)
        #expect(all.keyMatch(reference, nativeIDs: [], exclude: 1) == 2)
        let neighbours = index([(1999, "Journal of Informetrics"), (2001, "Journal of Informetrics")])
        #expect(neighbours.keyMatch(reference, nativeIDs: [], exclude: nil) == 0)
        #expect(neighbours.keyMatch(reference, nativeIDs: [], exclude: 0) == 1)
        let otherJournal = index([(2000, "Research Policy"), (2001, "Journal of Informetrics"), (2000, "Journal of Informetrics")])
        #expect(otherJournal.keyMatch(reference, nativeIDs: [], exclude: nil) == 2)
        let tooFar = index([(1998, "Journal of Informetrics"), (2002, "Journal of Informetrics")])
        #expect(tooFar.keyMatch(reference, nativeIDs: [], exclude: nil) == nil)
    }
}

/// When a shared DOI is believed (``WorkIndex/doiPlausible(_:_:)``): the first authors agree
/// once folded, else the titles reach Dice 0.5, else (no titles) the years are within the
/// tolerance or the sources match.
struct DOIPlausibilityTests {
    @Test func sharedDOIByHand() {
        let index = WorkIndex(options: MatchOptions())
        func work(_ family: String, year: Int, title: String? = nil, venue: String? = nil) -> Work {
            Work(id: "", authors: [AuthorName(family: family)], year: year, title: title, venue: venue)
        }
        func ref(_ family: String, year: Int, title: String? = nil, venue: String? = nil) -> CitedReference {
            CitedReference(raw: family, authors: [AuthorName(family: family)], year: year, title: title, venue: venue)
        }
        // The same surname as printed, and the same once folded ("SMITH" → "smith").
        #expect(index.doiPlausible(ref("Smith", year: 2000), work("Smith", year: 1990)))
        #expect(index.doiPlausible(ref("SMITH", year: 2000), work("Smith", year: 1990)))
        // Different surnames, titles "Citation networks of reviews" and "Silos in health
        // services research": no common token, Dice 0 < 0.5: refused; the same title: believed.
        #expect(!index.doiPlausible(ref("Jones", year: 2000, title: "Citation networks of reviews"),
                                    work("Smith", year: 2000, title: "Silos in health services research")))
        #expect(index.doiPlausible(ref("Jones", year: 2000, title: "Citation networks of reviews"),
                                   work("Smith", year: 2000, title: "Citation networks of reviews")))
        // No titles: years 2000/2005 (more than 1 apart) and sources that do not match: refused;
        // years 2000/2001: believed; far years but the same source: believed.
        #expect(!index.doiPlausible(ref("Jones", year: 2000, venue: "J INFORMETR"), work("Smith", year: 2005, venue: "Research Policy")))
        #expect(index.doiPlausible(ref("Jones", year: 2000, venue: "J INFORMETR"), work("Smith", year: 2001, venue: "Research Policy")))
        #expect(index.doiPlausible(ref("Jones", year: 2000, venue: "J INFORMETR"), work("Smith", year: 2005, venue: "Journal of Informetrics")))
    }
}

struct ImporterReferencesTextTests {
    /// A plain-text list (named with --format references-text) is one citing record whose
    /// references are its entries; its second entry shares the Aria DOI with the WoS export,
    /// so the two citing documents point to one Aria work.
    @Test func textListJoinsAnExport() throws {
        let list = """
        References
        1. Aria M, Cuccurullo C. bibliometrix: An R-tool for comprehensive science mapping analysis. J Informetr. 2017;11(4):959-75. doi:10.1016/j.joi.2017.08.007
        2. Ostrom E. Crossing the great divide: coproduction, synergy, and development. World Dev. 1996;24(6):1073-87.

        """
        let dir = try TempFolder()
        defer { dir.remove() }
        let text = try dir.write("review.txt", list)
        let wos = try dir.write("w.txt", ImportFixtures.wos)
        let importer = Importer()
        #expect(try FormatDetector.detect(path: text) == .referencesText)
        let results = try importer.read(files: [text, wos], format: nil)
        let d = importer.merge(results)
        #expect(results[0].records.count == 1 && results[0].referenceCount == 2)
        #expect(results[0].records[0].nativeIDs == ["file:review.txt"])
        let aria = d.references.filter { $0.reference.authors.first?.family == "Aria" }
        #expect(aria.count == 2)
        #expect(Set(aria.map(\.cited)).count == 1)
        #expect(aria.map(\.method) == [.new, .doi])
        let ostrom = d.references.filter { $0.reference.authors.first?.family == "Ostrom" }
        #expect(ostrom.map(\.method) == [.new, .key])
        #expect(d.citations.count == 2 + 3)
    }

    @Test func outputPathThatIsAFileIsAnInputError() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let wos = try dir.write("w.txt", ImportFixtures.wos)
        let blocker = try dir.write("taken", "x")
        #expect(throws: InputError.self) { try Importer().run(files: [wos], format: nil, outputFolder: blocker + "/sub") }
        #expect(throws: InputError.self) { try Importer().run(files: [], format: nil, outputFolder: dir.path + "/o") }
    }
}

struct TitlesDecideTests {
    /// The title rule in a crowded block: 100 reports of one organisation in 2010 whose titles
    /// all start "Annual report …" (more than ``WorkIndex/titleBlockLimit`` share the two-word
    /// start), and a reference to the 57th. Only the works sharing the first four words'
    /// starts (annual, report, topic, 57) are compared, and the reference still finds its
    /// report by title (the reference prints no author, so the key rule cannot): 101 works
    /// (no new one), one arc to record 57, method `title`. Before the number check the title
    /// rule merged "topic 1" with "topic 2" (Dice 0.88): numbered titles now stay apart there too.
    @Test func titleRuleInACrowdedBlock() throws {
        var items: [String] = []
        for k in 1...100 {
            items.append(#"{"id": "r\#(k)", "type": "report", "title": "Annual report on topic \#(k) of the agency", "author": [{"literal": "World Health Organization"}], "issued": {"date-parts": [[2010]]}}"#)
        }
        items.append(#"{"id": "citing", "type": "article-journal", "title": "A paper", "author": [{"family": "Lee", "given": "Ann"}], "issued": {"date-parts": [[2012]]}, "reference": [{"key": "x", "year": "2010", "article-title": "Annual report on topic 57 of the agency"}]}"#)
        let dir = try TempFolder()
        defer { dir.remove() }
        let d = Importer().merge(try Importer().read(files: [try dir.write("c.json", "[" + items.joined(separator: ",\n") + "]")], format: .cslJSON))
        #expect(d.works.count == 101, "\(d.duplicates.prefix(3).map { "\($0)" })")
        #expect(d.citations.count == 1)
        let row = try #require(d.references.first)
        #expect(row.method == .title)
        let cited = try #require(d.works.first { $0.work.id == row.cited })
        #expect(cited.work.title == "Annual report on topic 57 of the agency")
    }

    /// A chapter and the book it appears in (same author, same year; the chapter's source is
    /// the book's title) are two works: when both titles are known, titles alone decide.
    /// Likewise two papers of one author, year and journal with different titles.
    @Test func chapterAndItsBookStayApart() throws {
        let bib = """
        @incollection{ch, title = {Roverandom}, author = {Tolkien, J R R}, year = {2008}, booktitle = {Tales from the Perilous Realm}}
        @book{bk, title = {Tales from the Perilous Realm}, author = {Tolkien, J R R}, year = {2008}}
        @article{p1, title = {Citation networks of reviews}, author = {Smith, A}, year = {2010}, journal = {Scientometrics}}
        @article{p2, title = {Silos in health services research}, author = {Smith, A}, year = {2010}, journal = {Scientometrics}}

        """
        let dir = try TempFolder()
        defer { dir.remove() }
        let d = Importer().merge(try Importer().read(files: [try dir.write("b.bib", bib)], format: nil))
        #expect(d.summary.duplicates == 0)
        #expect(d.works.count == 4)
    }
}
