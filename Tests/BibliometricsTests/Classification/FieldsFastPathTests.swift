import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import Bibliometrics

/// The byte-level paths of the readers and the classification tables give what the general
/// (Character / Foundation) definitions give. Expected values are written out by hand from
/// each definition, or computed with the general code the fast path stands in for.
struct FieldsFastPathTests {
    /// Names as WoS `CR` strings print them, with the shapes that leave the simple
    /// `Surname IN` rule: dotted initials, multi-word surnames, organisations, commas.
    static let shortNames = ["Hosmer D. W.", "Acorn J.", "Thomas Chris D.", "Forman R. T. T", "CONRAD K F", "MITCHELL RODGER",
                             "Van Dyck H", "de Bruyn PJN", "*HOKK NOPP FOR PAR", "Nathan Ran", "AF Arnsten", "[Anonymous]",
                             "ANONYMOUS", "The anonymous reviewer", "Smith,", "Smith , J", ",", " ", "  Lead  Space  ", "O'Brien J.-P.",
                             "Kim J-H", "Lee A.B.C.D.E.", "IUCN", "US EPA", "Smith J. R. R.", "Al-Hassan M", "2005", "A. B.",
                             "COSEWIC (Committee on the Status of Endangered Wildlife in Canada)", "Hori S.", "Westfall M. J."]

    /// `parseShort`'s ASCII path against its general path, name by name, and by hand.
    @Test func shortNamesOnBytesAgreeWithTheGeneralPath() throws {
        var names = Self.shortNames
        // The first parts of every CR string of one capture-recapture file, when the data is present.
        if let file = SharedData.path("corpora/capture-recapture-wos/savedrecs.txt"), let text = try? String(contentsOfFile: file, encoding: .utf8) {
            var inCR = false
            for line in text.split(separator: "\n") {
                if line.hasPrefix("CR ") { inCR = true } else if !line.hasPrefix("   ") { inCR = false }
                if inCR, let first = line.dropFirst(3).split(separator: ",").first { names.append(String(first)) }
            }
            #expect(names.count > 1000)
        } else {
            print(SharedData.skipMessage("corpora/capture-recapture-wos/savedrecs.txt") + " (hand-written names only)")
        }
        for n in names {
            guard let ascii = AuthorName.parseShortASCII(n) else { continue }
            #expect(ascii == AuthorName.parseShortGeneral(n), "\(n)")
        }
        // By hand, from the rule (final words of one to four capitals are initials, at most two
        // such words, or up to four when each is one letter).
        #expect(AuthorName.parseShortASCII("Seber G. A. F") == AuthorName(family: "Seber", initials: "GAF"))
        #expect(AuthorName.parseShortGeneral("Seber G. A. F") == AuthorName(family: "Seber", initials: "GAF"))
        #expect(AuthorName.parseShortASCII("Smith JA B C") == AuthorName(family: "Smith JA", initials: "BC"))
        #expect(AuthorName.parseShort("Hosmer D. W.") == AuthorName(family: "Hosmer", initials: "DW"))
        #expect(AuthorName.parseShort("CONRAD K F") == AuthorName(family: "CONRAD", initials: "KF"))
        #expect(AuthorName.parseShort("Van Dyck H") == AuthorName(family: "Van Dyck", initials: "H"))
        #expect(AuthorName.parseShort("AF Arnsten") == AuthorName(family: "Arnsten", initials: "AF"))
        #expect(AuthorName.parseShort("[Anonymous]") == nil)
        #expect(AuthorName.parseShort("Smith,") == AuthorName(family: "Smith ", initials: ""))
        // Non-ASCII stays on the general path.
        #expect(AuthorName.parseShortASCII("Cáceres Nilton Carlos") == nil)
    }

    /// `initials(ofGiven:)` on bytes against the general path, and by hand.
    @Test func givenNameInitialsOnBytesAgreeWithTheGeneralPath() {
        for g in ["Ming Liang", "S. C.", "Jean-Paul", "ML", "Chris D.", "j.-p.", "ABCD", "a b c", "-", "Mary-", "", "  ", "O'Neil", "DeAnn"] {
            #expect(AuthorName.initialsASCII(ofGiven: g) == AuthorName.initialsGeneral(ofGiven: g), "\(g)")
        }
        #expect(AuthorName.initials(ofGiven: "Ming Liang") == "ML")
        #expect(AuthorName.initials(ofGiven: "S. C.") == "SC")
        #expect(AuthorName.initials(ofGiven: "Jean-Paul") == "J-P")
        #expect(AuthorName.initialsASCII(ofGiven: "Mónica") == nil)
    }

    /// The venue key built in one byte pass equals the word-list definition written out here.
    @Test func venueKeyOnBytesAgreesWithTheWordDefinition() {
        func words(_ venue: String) -> String? {
            let folded = venue.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).uppercased()
            let kept = folded.split(whereSeparator: { !(("A"..."Z").contains($0) || ("0"..."9").contains($0)) })
                .map(String.init).filter { !["THE", "OF", "AND"].contains($0) }
            return kept.isEmpty ? nil : kept.joined(separator: " ")
        }
        for v in ["The Journal of Wildlife Management", "J. Wildl. Manage.", "Ecology & Evolution", "THE", "of the and", "Annals of the",
                  "The The", "and Ecology", "Ecology and", "PLoS ONE", "  --  ", "", "Theory of Probability", "OFFICE", "ANDES", "J WILDLIFE MANAGE",
                  "Écologie", "Oecologia (Berlin)", "Bulletin de la Société", "A&A"] {
            #expect(VenueKey.make(v) == words(v), "\(v)")
            if v.utf8.allSatisfy({ $0 < 0x80 }) { #expect(VenueKey.make(ascii: Array(v.utf8)) == words(v), "\(v)") }
        }
    }

    /// Similarity cells read on bytes equal `Double(String)` (strtod), including shapes that
    /// must fall back to it or give `nil`.
    @Test func decimalCellsEqualDoubleInit() {
        var cells = ["0.2505", "1.0000", "-0.0000", "0.0001", "0012.50", "1.", ".5", "abc", "", "-", "1e3", "inf", "nan", "0.1", "0.3",
                     "123456789012345", "1234567890123456", "0.12345678901234", "9.9999", " 1.0", "1.0 ", "--1", "1.2.3"]
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2000 { cells.append(String(format: "%.4f", Double(rng.next() % 10_001) / 10_000)) }
        for c in cells {
            let fast = ClassificationTables.decimal(Array(c.utf8)[...])
            let slow = Double(c)
            #expect(fast == slow || (fast?.isNaN == true && slow?.isNaN == true), "\(c)")
            if let f = fast, let s = slow, f == 0 { #expect(f.sign == s.sign, "\(c)") }
        }
    }
}
