import Foundation
import Testing
@testable import Bibliometrics

/// The list shapes the issue names, on small hand-written inputs.
@Suite("ReferencesText list shapes")
struct ReferencesTextShapeTests {
    @Test func patternsCompile() {
        #expect(ReferencesText.allPatternsValid)
    }

    @Test func bracketedNumbersAndWrappedLines() {
        let text = """
        References
        [1] Smith J, Jones K. A study of things. J Things 2001;3:10–20.
        [2] Brown A. Another study that
            wraps onto a second line. Ann Stuff 1999;12(2):5-9. doi:10.1000/ABC.123.
        """
        let r = ReferencesText.parse(text, file: "list.txt")
        #expect(r.entries.count == 2)
        #expect(r.entries.map(\.reference.number) == [1, 2])
        let second = r.entries[1].reference
        #expect(second.source == SourceSpan(file: "list.txt", firstLine: 3, lastLine: 4))
        #expect(second.title == "Another study that wraps onto a second line")
        #expect(second.venue == "Ann Stuff")
        #expect(second.volume == "12")
        #expect(second.issue == "2")
        #expect(second.pages == "5-9")
        #expect(second.doi?.value == "10.1000/abc.123")
        #expect(r.entries[1].confidence[.doi] == 1.0)
    }

    @Test func crlfAndParenthesisedNumbers() {
        let text = "1) Smith J. Title one. J One 2001;3:1-2.\r\n2) Doe A. Title two. J Two 2002;4:3-4.\r\n"
        let r = ReferencesText.parse(text, file: "crlf.txt")
        #expect(r.entries.count == 2)
        #expect(r.entries[1].reference.venue == "J Two")
        #expect(r.entries[1].reference.year == 2002)
    }

    @Test func unsplittableEntryIsKeptWholeAndListed() {
        let text = "1. Smith J. Title. J One 2001;3:1-2.\n2. ???\n3. Doe A. Title two. J Two 2002;4:3-4.\n"
        let r = ReferencesText.parse(text, file: "odd.txt")
        #expect(r.entries.count == 3)
        #expect(r.entries[1].status == .unparsed)
        #expect(r.entries[1].reference.raw == "???")
        #expect(r.summary.parsed == ImportSummary.ParseCounts(fully: 2, partly: 0, notAtAll: 1))
        #expect(r.summary.unparsed == [ImportSummary.UnparsedEntry(source: "odd.txt:2", text: "???")])
    }

    @Test func unnumberedLinesWithoutMarkers() {
        let text = "Smith J. Title one. J One 2001;3:1-2.\nDoe A. Title two. J Two 2002;4:3-4.\n"
        let r = ReferencesText.parse(text, file: "plain.txt")
        #expect(r.entries.count == 2)
        #expect(r.entries.allSatisfy { $0.reference.number == nil })
    }

    @Test func unnumberedAPAListWithWrappedLines() {
        let text = """
        References
        Alford, J. (2014). The multiple facets of co-production: Building on the work of
        Elinor Ostrom. Public Management Review, 16(3), 299–316.
        Brandsen, T., & Honingh, M. (2016). Distinguishing different types of coproduction.
        Public Administration Review, 76(3), 427–435. https://doi.org/10.1111/puar.12465
        Ostrom, E. (1996). Crossing the great divide. World Development, 24(6), 1073–1087.
        """
        let r = ReferencesText.parse(text, file: "apa.txt")
        #expect(r.entries.count == 3)
        #expect(r.entries.map { $0.reference.source?.description } == ["apa.txt:2-3", "apa.txt:4-5", "apa.txt:6"])
        #expect(r.entries[0].reference.title == "The multiple facets of co-production: Building on the work of Elinor Ostrom")
        #expect(r.entries[1].reference.doi?.value == "10.1111/puar.12465")
        #expect(r.entries[2].reference.venue == "World Development")
    }

    @Test func listEndsAtFollowingSection() {
        let text = "References\n• 1. Smith J. Title one. J One 2001;3:1-2. [PubMed] [Google Scholar]\n\nAssociated Data\nSome text.\n"
        let r = ReferencesText.parse(text, file: "x.txt")
        #expect(r.entries.count == 1)
        #expect(r.entries[0].tails == ["PubMed", "Google Scholar"])
        #expect(r.lastLine == 2)
    }

    @Test func summaryJSONText() throws {
        let r = ReferencesText.parse("1. Smith J. Title. J One 2001;3:1-2.\n2. ???\n", file: "s.txt")
        let json = try r.summary.jsonString()
        #expect(json == """
        {
          "duplicates" : 0,
          "format" : "references-text",
          "matched" : {
            "byIdentifier" : 0,
            "byKey" : 0,
            "unmatched" : 2
          },
          "parsed" : {
            "fully" : 1,
            "notAtAll" : 1,
            "partly" : 0
          },
          "records" : 1,
          "references" : 2,
          "skipped" : 0,
          "unparsed" : [
            {
              "source" : "s.txt:2",
              "text" : "???"
            }
          ]
        }

        """)
    }

    @Test func detection() {
        #expect(ReferencesText.looksLikeReferenceList("1. Smith J. Title one. J One 2001;3:1-2.\n2. Doe A. Title two. J Two 2002;4:3-4.\n"))
        #expect(!ReferencesText.looksLikeReferenceList("TY  - JOUR\nTI  - Title\nER  - \n"))
        #expect(!ReferencesText.looksLikeReferenceList("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n"))
        #expect(!ReferencesText.looksLikeReferenceList("@article{key,\n title={T}\n}\n"))
        #expect(!ReferencesText.looksLikeReferenceList("{\"results\": []}"))
        #expect(!ReferencesText.looksLikeReferenceList("Authors,Title,Year,Source title,Volume,Issue,DOI\nA,B,2001,C,1,2,10.1/x\n"))
        #expect(!ReferencesText.looksLikeReferenceList("Just some prose without any references in it at all.\n"))
    }

    @Test(.enabled(if: SeedFiles.available, Comment(rawValue: SeedFiles.skipMessage)), arguments: [SeedFiles.robert2024, SeedFiles.conquer2024, SeedFiles.kjellstrom2019])
    func seedsAreDetected(name: String) throws {
        #expect(ReferencesText.looksLikeReferenceList(try #require(SeedFiles.text(name))))
    }

    @Test func emptyInput() {
        let r = ReferencesText.parse("", file: "empty.txt")
        #expect(r.entries.isEmpty)
        #expect(r.summary.references == 0)
    }
}
