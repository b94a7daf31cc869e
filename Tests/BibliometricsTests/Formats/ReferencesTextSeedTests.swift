import Foundation
import Testing
@testable import Bibliometrics

/// The parser on the four seed articles' reference lists, read in place from ../shared/seeds.
@Suite("ReferencesText on the seed lists", .enabled(if: SeedFiles.available, Comment(rawValue: SeedFiles.skipMessage)))
struct ReferencesTextSeedTests {
    func parse(_ name: String, section: ReferencesText.SectionMode = .auto) throws -> ReferenceListParse {
        let text = try #require(SeedFiles.text(name))
        return ReferencesText.parse(text, file: name, section: section)
    }

    /// Counts from the seeds README and issue 3 (41, 78, 53), checked by hand: seed 000 lists
    /// 41 entries on lines 157-203 (entry 7 wraps onto line 164; entry 16 is cut by a page
    /// break at lines 173/175; line 194 is the running head "6 Robert et al."); seed 002
    /// lists 78 on lines 391-468; seed 003 lists 53 on lines 231-283.
    @Test(arguments: [
        (SeedFiles.robert2024, 41, 155, 157, 203),
        (SeedFiles.conquer2024, 78, 389, 391, 468),
        (SeedFiles.kjellstrom2019, 53, 229, 231, 283),
    ])
    func entryCounts(name: String, count: Int, heading: Int, first: Int, last: Int) throws {
        let r = try parse(name)
        #expect(r.entries.count == count)
        #expect(r.summary.references == count)
        #expect(r.headingLine == heading)
        #expect(r.firstLine == first)
        #expect(r.lastLine == last)
        let parsed = try #require(r.summary.parsed)
        #expect(parsed.fully + parsed.partly + parsed.notAtAll == count)
        #expect(r.summary.skipped == 0)
        // Printed numbers, where printed, are the entry's position in the list.
        for e in r.entries {
            if let n = e.reference.number { #expect(n == e.ordinal, "\(name) entry \(e.ordinal) prints \(n)") }
        }
    }

    /// Seed 001 (the author manuscript) has no reference list: no `References` heading
    /// anywhere in its 592 lines (it ends with the typology table, lines 534-592), so
    /// looking for the list after a heading gives 0 entries.
    @Test func seed001HasNoList() throws {
        let r = try parse(SeedFiles.robert2024Manuscript, section: .afterHeading)
        #expect(r.headingLine == nil)
        #expect(r.entries.isEmpty)
        #expect(r.summary.references == 0)
    }

    @Test func runningHeadIsReportedNotJoined() throws {
        let r = try parse(SeedFiles.robert2024)
        #expect(r.ignoredLines == [IgnoredLine(line: 194, text: "6 Robert et al.", reason: "running page head")])
        let e33 = r.entries[32]
        #expect(e33.reference.source == SourceSpan(file: SeedFiles.robert2024, firstLine: 192, lastLine: 192))
        #expect(!e33.reference.raw.contains("Robert et al."))
    }

    @Test(arguments: [
        (SeedFiles.robert2024, SeedDOIs.seed000),
        (SeedFiles.conquer2024, SeedDOIs.seed002),
        (SeedFiles.kjellstrom2019, SeedDOIs.seed003),
    ])
    func everyPrintedDOIExtracted(name: String, expected: [(line: Int, printed: String)]) throws {
        let r = try parse(name)
        var found: [(line: Int, doi: String)] = []
        for e in r.entries {
            guard let doi = e.reference.doi, let span = e.reference.source else { continue }
            // The DOI is printed on the entry's last line in all three lists.
            found.append((span.lastLine, doi.value))
        }
        let want = expected.map { (line: $0.line, doi: $0.printed.replacingOccurrences(of: " ", with: "").lowercased()) }
        #expect(found.count == want.count)
        for (f, w) in zip(found, want) {
            #expect(f.line == w.line && f.doi == w.doi, "got \(f), expected \(w)")
        }
    }

    @Test func doiCounts() {
        // Seeds README: "41 entries, 38 with DOIs" for seed 000.
        #expect(SeedDOIs.seed000.count == 38)
        #expect(SeedDOIs.seed002.count == 55)
        #expect(SeedDOIs.seed003.count == 32)
    }

    @Test func summaryJSONHasDesignKeys() throws {
        let r = try parse(SeedFiles.kjellstrom2019)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(r.summary)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["format", "records", "references", "skipped", "duplicates", "matched", "parsed", "unparsed"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        let matched = try #require(object["matched"] as? [String: Any])
        #expect(Set(matched.keys) == ["byIdentifier", "byKey", "unmatched"])
        #expect(object["format"] as? String == "references-text")
        let parsed = try #require(object["parsed"] as? [String: Int])
        #expect(Set(parsed.keys) == ["fully", "partly", "notAtAll"])
    }
}
