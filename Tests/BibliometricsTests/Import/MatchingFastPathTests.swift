import Foundation
import Testing
@testable import Bibliometrics

/// The shortcuts of the matching stages (issue 11 part 3) give what the definitions they
/// replace give. Expected values are worked out by hand from each definition in the
/// comments, or computed with the general code path the shortcut skips.
struct MatchingFastPathTests {
    /// Surname blocking keys: one ASCII word that cannot split (no space or hyphen; no
    /// capital after the first letter, or no lower-case letter) is its folded key alone;
    /// `DeVeaux` shapes and several words still go through ``AuthorName/surnameWords(_:)``.
    @Test func surnameKeysByHand() {
        #expect(AuthorName(family: "PRICE").matchKeys == ["price"])
        #expect(AuthorName(family: "Smith").matchKeys == ["smith"])
        #expect(AuthorName(family: "O'NEIL").matchKeys == ["oneil"])
        // `Mc` is no particle: one word, whole key only.
        #expect(AuthorName(family: "McDonald").matchKeys == ["mcdonald"])
        // `De` + capitalised rest with lower-case letters: split, `veaux` added.
        #expect(AuthorName(family: "DeVeaux").matchKeys == ["deveaux", "veaux"])
        #expect(AuthorName(family: "De Veaux").matchKeys == ["deveaux", "veaux"])
        #expect(AuthorName(family: "Veaux-De").matchKeys == ["veauxde", "veaux"])
        // `Van` + `DerBerg`: `van` is a particle (never a key alone), `derberg` is added.
        #expect(AuthorName(family: "VanDerBerg").matchKeys == ["vanderberg", "derberg"])
        // All capitals never split (`DEVEAUX`: no lower-case letter after the second capital).
        #expect(AuthorName(family: "DEVEAUX").matchKeys == ["deveaux"])
        #expect(AuthorName(family: "").matchKeys == [])
        #expect(AuthorName.isSingleASCIIWord("PRICE"))
        #expect(!AuthorName.isSingleASCIIWord("DeVeaux"))
        #expect(!AuthorName.isSingleASCIIWord("De Veaux"))
        #expect(!AuthorName.isSingleASCIIWord("Kjellström"))
        // The shortcut agrees with the word list it skips.
        for family in ["PRICE", "Smith", "McDonald", "DEVEAUX", "Obrien", "X", "ab"] where AuthorName.isSingleASCIIWord(family) {
            #expect(AuthorName.surnameWords(family) == [family], "\(family)")
        }
    }

    /// The memo of source words gives what splitting the source gives: "The Journal of
    /// Animal Ecology" → `journal`, `animal`, `ecology` (stop words `the`, `of` dropped), the
    /// second call from the memo, a source never memoised computed on the spot; keys built
    /// from memoised words equal those built from the source.
    @Test func sourceWordsMemo() {
        var memo = VenueWords()
        #expect(memo.words("The Journal of Animal Ecology") == ["journal", "animal", "ecology"])
        #expect(memo.bySource.count == 1)
        #expect(memo.words("The Journal of Animal Ecology") == ["journal", "animal", "ecology"])
        #expect(memo.bySource.count == 1)
        #expect(memo.lookUp("J ANIM ECOL") == ["j", "anim", "ecol"])
        #expect(memo.bySource.count == 1)
        for (title, venue) in [("Capture-recapture models", "J ANIM ECOL"), ("", "Biometrika"), ("A title", "")] {
            let direct = MatchKeys(title: title, venue: venue), memoised = MatchKeys(title: title, venueWords: memo.words(venue))
            #expect(direct.titleSet == memoised.titleSet && direct.titleWords == memoised.titleWords && direct.venueWords == memoised.venueWords)
        }
    }

    /// "Part 1" ≠ "Part 2": numbers differ only when both titles carry numbers and not the same set.
    @Test func numbersDifferByHand() {
        func set(_ s: String) -> Set<String> { Set(TitleSimilarity.tokens(s)) }
        #expect(WorkIndex.numbersDiffer(set("Methods part 1"), set("Methods part 2")))
        #expect(!WorkIndex.numbersDiffer(set("Methods part 1"), set("Methods part 1 revisited")))
        #expect(!WorkIndex.numbersDiffer(set("Methods part 1"), set("Methods")))
        #expect(!WorkIndex.numbersDiffer(set("Methods"), set("Methods part 2")))
        #expect(!WorkIndex.numbersDiffer(set("1 and 2"), set("2 and 1")))
        #expect(WorkIndex.numbersDiffer(set("topic 1"), set("topic 1 and 2")))
        #expect(WorkIndex.numbersDiffer(set("topic 1 and 2"), set("topic 1")))
        // A non-ASCII digit counts as a number (`Character.isNumber`), as before.
        #expect(WorkIndex.isNumeric("\u{0661}\u{0662}"))
        #expect(!WorkIndex.isNumeric("1a"))
        #expect(WorkIndex.isNumeric("2020"))
    }

    /// Dice and overlap count the common tokens without building the intersection:
    /// {a, b, c} and {b, c, d} share 2, Dice = 4/6, overlap = 2/3.
    @Test func commonTokensByHand() {
        let x: Set = ["a", "b", "c"], y: Set = ["b", "c", "d"]
        #expect(TitleSimilarity.commonCount(x, y) == 2)
        #expect(TitleSimilarity.commonCount(y, x) == 2)
        #expect(TitleSimilarity.commonCount(x, []) == 0)
        #expect(TitleSimilarity.dice(x, y) == 4.0 / 6.0)
        #expect(TitleSimilarity.overlap(x, ["b", "c"]) == 1)
    }

    /// The first title token longer than three characters (work ids), ASCII on bytes and
    /// otherwise through ``TitleSimilarity/tokens(_:)``.
    @Test func firstLongTokenByHand() {
        // Hyphen removed inside the word: "co-production" → "coproduction".
        #expect(TitleSimilarity.firstToken("A co-production of care", longerThan: 3) == "coproduction")
        #expect(TitleSimilarity.firstToken("The end", longerThan: 3) == nil)
        #expect(TitleSimilarity.firstToken("", longerThan: 3) == nil)
        #expect(TitleSimilarity.firstToken("Big data: 2020s", longerThan: 3) == "data")
        #expect(TitleSimilarity.firstToken("Über die Ökonomie", longerThan: 3) == "uber")
        for s in ["A co-production of care", "On the use of it", "Über die Ökonomie", "x.y.z longword"] {
            #expect(TitleSimilarity.firstToken(s, longerThan: 3) == TitleSimilarity.tokens(s).first { $0.count > 3 }, "\(s)")
        }
    }

    /// The title-start key without a token set equals the one from ``MatchKeys``:
    /// "The theory of island biogeography" → significant words `theory`, `island` → `the|isl`.
    @Test func titleStartKeyWithoutTokenSet() {
        #expect(WorkIndex.titleStartKey(title: "The theory of island biogeography", venue: nil, personal: true) == "the|isl")
        let cases: [(String?, String?, Bool)] = [
            ("The theory of island biogeography", "Princeton", true), (nil, "J AM STAT ASSOC", false),
            (nil, "J AM STAT ASSOC", true), ("One", nil, false), (nil, nil, false), ("Capture–recapture in Ökologie", nil, false),
        ]
        for (title, venue, personal) in cases {
            for words in [2, 4] {
                #expect(WorkIndex.titleStartKey(title: title, venue: venue, personal: personal, words: words)
                        == WorkIndex.titleStartKey(MatchKeys(title: title, venue: venue), personal: personal, words: words))
            }
        }
    }

    /// A reference fills a work's gaps as the work it describes: its editors stand in for
    /// missing authors (``Importer/citedWork(_:)``), exactly as the built work did.
    @Test func referenceFillsGapsAsItsWork() {
        let ref = CitedReference(raw: "x", editors: [AuthorName(family: "Doe", initials: "J")], year: 2001, title: "T",
                                 venue: "V", volume: "3", pages: "10-12", doi: DOI("10.1/abc"))
        var a = WorkIndex(options: MatchOptions()), b = WorkIndex(options: MatchOptions())
        _ = a.add(WorkIndex.Node(work: Work(id: ""), nativeIDs: [], isCiting: false))
        _ = b.add(WorkIndex.Node(work: Work(id: ""), nativeIDs: [], isCiting: false))
        a.enrich(0, with: ref, nativeIDs: ["wos:1"])
        b.enrich(0, with: Importer.citedWork(ref), nativeIDs: ["wos:1"])
        #expect(a.nodes[0].work == b.nodes[0].work)
        #expect(a.nodes[0].work.authors == [AuthorName(family: "Doe", initials: "J")])
        #expect(a.nodes[0].nativeIDs == ["wos:1"])
    }
}
