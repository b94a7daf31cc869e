import Foundation
import Testing
import TestSupport
@testable import Bibliometrics

/// Properties that hold for any input: no trap, entries in order, inside the text, never
/// overlapping, each starting on a non-blank line; same input → same output.
@Suite("ReferencesText properties")
struct ReferencesTextPropertyTests {
    static let pieces = ["1.", "[2]", "• 3.", "- ", "Smith J, Doe A.", "et al.", "Title of a paper.", "J Stuff",
                         "2001;3(4):5–6.", "doi:10.1000/x.1", "https://doi.org/10. 1000/y", "[DOI]", "[PubMed]",
                         "In: Ed A (eds.),", "London: Press; 1999.", "References", "", "   ", "?", "\u{00A0}", "é",
                         "6 Robert et al.", "2019.", "(accessed 1 Jan 2020)", ":", ";", "\t", "\r"]

    static func randomText(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var lines: [String] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            var line = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                line += (pieces.randomElement(using: &rng) ?? "") + (Bool.random(using: &rng) ? " " : "")
            }
            lines.append(line)
        }
        return lines.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n")
    }

    @Test(arguments: 0..<200)
    func invariants(seed: Int) {
        let text = Self.randomText(seed: UInt64(seed))
        let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
        let r = ReferencesText.parse(text, file: "random.txt")
        var previousLast = 0
        for (i, e) in r.entries.enumerated() {
            #expect(e.ordinal == i + 1)
            guard let span = e.reference.source else { Issue.record("entry without source"); continue }
            #expect(span.firstLine > previousLast && span.firstLine <= span.lastLine && span.lastLine <= lineCount)
            previousLast = span.lastLine
            #expect(!e.reference.raw.isEmpty)
            for v in e.confidence.values { #expect(v > 0 && v <= 1) }
        }
        let p = r.summary.parsed ?? .init()
        #expect(p.fully + p.partly + p.notAtAll == r.entries.count)
        #expect(r.summary.unparsed?.count == p.notAtAll)
        #expect(ReferencesText.parse(text, file: "random.txt") == r)
    }

    @Test func parsedReferenceJSONKeysConfidenceByFieldName() throws {
        let e = ReferencesText.splitFields("Smith J. A title. J Stuff 2001;3:5-6. doi:10.1000/x")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(e)) as? [String: Any])
        let confidence = try #require(object["confidence"] as? [String: Double])
        #expect(confidence["doi"] == 1.0)
        #expect(confidence["venue"] != nil)
        #expect(e.status == .full)
    }
}
