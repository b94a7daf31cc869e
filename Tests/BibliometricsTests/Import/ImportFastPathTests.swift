import Foundation
import NetworkCore
import Synchronization
import Testing
@testable import Bibliometrics

/// The byte-level fast paths of the import give what the general (Foundation / Character)
/// definitions give. Expected values are written out by hand from each definition, or
/// computed with the Foundation call the fast path replaces.
struct ImportFastPathTests {
    /// Provenance paths: the prefix rule and the replace-everywhere rule, on bytes, equal the
    /// Foundation `replacingOccurrences` loop written out here.
    @Test func provenancePathsMatchTheFoundationDefinition() {
        let display = ["../data/a/x.txt": "x.txt", "../data/b/x2.txt": "x2.txt", "/abs/y.csv": "y.csv"]
        let paths = ProvenancePaths(display: display)
        func foundation(_ s: String) -> String {
            var out = s
            for (p, short) in display.sorted(by: { ($0.key.count, $0.key) > ($1.key.count, $1.key) }) {
                out = out.replacingOccurrences(of: p, with: short)
            }
            return out
        }
        // Prefix rule by hand: "../data/a/x.txt:12#3" → "x.txt:12#3".
        #expect(paths.show("../data/a/x.txt:12#3") == "x.txt:12#3")
        #expect(paths.show("") == "")
        #expect(paths.show("no path here") == "no path here")
        for s in ["../data/a/x.txt:12#3", "../data/b/x2.txt:7-9#1 ../data/a/x.txt:1 /abs/y.csv:3",
                  "repeated citation: arc already stated by ../data/a/x.txt:4#2", "/abs/y.csv:1/../data/a/x.txt",
                  "Kjellström ../data/a/x.txt:5", "../data/a/x.txt:5 and /abs/y.csv"] {
            #expect(paths.show(s) == foundation(s), "\(s)")
        }
    }

    /// CSV bytes: quoting as the rule states; `quoted` by hand.
    @Test func csvQuotingByHand() {
        #expect(CSVTable.quoted("plain") == "plain")
        #expect(CSVTable.quoted("a,b") == "\"a,b\"")
        #expect(CSVTable.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quoted(" lead") == "\" lead\"")
        #expect(CSVTable.quoted("trail ") == "\"trail \"")
        #expect(CSVTable.quoted("x\r\ny") == "\"x\r\ny\"")
        #expect(CSVTable.quoted("Kjellström") == "Kjellström")
        var t = CSVBytes(capacity: 0)
        t.field("a"); t.field(42); t.field("b,c"); t.endRow()
        #expect(String(decoding: t.bytes, as: UTF8.self) == "a,42,\"b,c\"\n")
    }

    /// A streamed table file holds exactly the rows given, across several chunks, and no
    /// temporary file is left behind.
    @Test func streamedTableFileIsComplete() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        var file = try CSVTableFile(folder: URL(fileURLWithPath: dir.path), name: "t.csv", header: ["n", "text"])
        var expected = "n,text\n"
        for i in 0..<60_000 {
            file.csv.field(i)
            file.csv.field("row \(i), padded to pass the chunk size")
            try file.endRow()
            expected += "\(i),\"row \(i), padded to pass the chunk size\"\n"
        }
        try file.finish()
        #expect(expected.utf8.count > CSVTableFile.chunk)
        #expect(try String(contentsOfFile: dir.path + "/t.csv", encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.csv"])
    }

    /// Parallel jobs: results in job order; the error of the first failing job is thrown.
    @Test func parallelJobsKeepOrderAndFirstError() throws {
        let squares = try Importer.inParallel(100) { i throws -> Int in i * i }
        #expect(squares == (0..<100).map { $0 * $0 })
        // The overload for jobs that cannot fail: the same order.
        let cubes: [Int] = Importer.inParallel(100) { $0 * $0 * $0 }
        #expect(cubes == (0..<100).map { $0 * $0 * $0 })
        // Two halves of a range (the middle, or where asked): the results joined in order.
        #expect(Importer.inHalves(5) { Array($0) } == [0, 1, 2, 3, 4])
        #expect(Importer.inHalves(5, splitAt: 4) { [$0.count] } == [4, 1])
        #expect(Importer.inHalves(0) { Array($0) } == [])
        // One job on another thread, one here: both results; here's error waits for the other job.
        let here = Thread.current
        let (sum, ranHere) = Importer.whileElsewhere({ (1...4).reduce(0, +) }, here: { Thread.current == here })
        #expect(sum == 10 && ranHere)
        let finished = Atomic(false)
        #expect(throws: InputError.self) {
            _ = try Importer.whileElsewhere({ Thread.sleep(forTimeInterval: 0.05); finished.store(true, ordering: .sequentiallyConsistent) },
                                            here: { throw InputError(file: "here", message: "bad") })
        }
        let done = finished.load(ordering: .sequentiallyConsistent)
        #expect(done)
        do {
            _ = try Importer.inParallel(10) { i -> Int in
                if i == 7 || i == 3 { throw InputError(file: "f\(i)", message: "bad") }
                return i
            }
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.file == "f3")
        }
    }

    /// DOI: the byte shape check accepts and refuses what the general path does.
    @Test func doiByteShapeMatchesTheGeneralPath() {
        #expect(DOI("10.1016/j.joi.2017.08.007")?.value == "10.1016/j.joi.2017.08.007")
        #expect(DOI("10.1002/ECE3.1234.")?.value == "10.1002/ece3.1234")
        #expect(DOI("10.12345.6/abc")?.value == "10.12345.6/abc")
        for bad in ["10.123/abc", "10.1234567890/abc", "10..1234/abc", "10.1234./abc", "10.12a4/abc", "10.1234/", "10.1234"] {
            #expect(DOI(bad) == nil, "\(bad)")
            #expect(DOI.isCanonicalShape(bad) == false, "\(bad)")
        }
    }

    /// Venue keys: ASCII on bytes equals the Foundation folding of the same text.
    @Test func venueKeyASCIIMatchesFolding() {
        #expect(VenueKey.make("The Journal of Wildlife Management") == "JOURNAL WILDLIFE MANAGEMENT")
        #expect(VenueKey.make("J WILDLIFE MANAGE") == "J WILDLIFE MANAGE")
        #expect(VenueKey.make("Ecology & Evolution, 2nd ed.") == "ECOLOGY EVOLUTION 2ND ED")
        #expect(VenueKey.make(" - ") == nil)
        // Non-ASCII still folds: ö → O.
        #expect(VenueKey.make("Ökologie und Umwelt") == "OKOLOGIE UND UMWELT")
    }

    /// Surname words and blocking keys on bytes, by the definition (split at spaces and
    /// hyphens; a leading particle written together with a capitalised rest is split off).
    @Test func asciiSurnameWordsByHand() {
        #expect(AuthorName.surnameWords("DeVeaux") == ["De", "Veaux"])
        #expect(AuthorName.surnameWords("VanDerBerg") == ["Van", "DerBerg"]) // "van" is a particle, "DerBerg" has lower case
        #expect(AuthorName.surnameWords("De Veaux") == ["De", "Veaux"])
        #expect(AuthorName.surnameWords("VAN RAAN") == ["VAN", "RAAN"])
        #expect(AuthorName.surnameWords("SMITH") == ["SMITH"])
        #expect(AuthorName.surnameWords("Hoda-Wilkerson") == ["Hoda", "Wilkerson"])
        #expect(AuthorName.surnameWords("DeVAUX") == ["DeVAUX"]) // no lower-case letter after the capital
        #expect(AuthorName.surnameWords(" --Lee ") == ["Lee"])
        #expect(AuthorName(family: "De Veaux").matchKeys == ["deveaux", "veaux"])
        #expect(AuthorName(family: "DeVeaux").matchKeys == ["deveaux", "veaux"])
    }

    /// First page and volume digits on bytes, by hand.
    @Test func firstPageAndVolumeByHand() {
        #expect(WorkIndex.firstPage("959-975") == "959")
        #expect(WorkIndex.firstPage("e128-e139") == "E128")
        #expect(WorkIndex.firstPage("-5") == "5")
        #expect(WorkIndex.firstPage(" 12 -13") == "12")
        #expect(WorkIndex.firstPage("---") == "---")
        #expect(WorkIndex.firstPage("12–13") == "12")
        #expect(WorkIndex.number("V38") == "38")
        #expect(WorkIndex.number("38") == "38")
    }

    /// Names: the ASCII clean collapses spaces as the general path does.
    @Test func cleanCollapsesSpaces() {
        #expect(AuthorName.clean("  Smith   J  ") == "Smith J")
        #expect(AuthorName.clean("{[}Anonymous{]}") == "[Anonymous]")
        #expect(AuthorName.parseShort("Hosmer D. W.") == AuthorName(family: "Hosmer", initials: "DW"))
        #expect(AuthorName.parseShort("CONRAD K F") == AuthorName(family: "CONRAD", initials: "KF"))
        #expect(AuthorName.parseFamilyFirst(" Pollock ,  Kenneth H ") == AuthorName(family: "Pollock", initials: "KH"))
    }
}
