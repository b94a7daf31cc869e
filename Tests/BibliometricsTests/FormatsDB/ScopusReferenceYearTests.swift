import Testing
@testable import Bibliometrics

/// Scopus references whose year is not in brackets (strings from `corpora/dse-citan/scopus.csv`;
/// each expected field read off the string by eye).
struct ScopusReferenceYearTests {
    /// `…, Et al., 2020. TITLE`: the year and a full stop open the title's comma part.
    @Test func yearWithFullStopBeforeTheTitle() {
        let r = ScopusReference.parse("Bargagliotti A., Et al., 2020. Pre-K-12 guidelines for assessment and instruction in statistics education II (GAISE II)")
        #expect(r.year == 2020)
        #expect(r.authors.map(\.display) == ["Bargagliotti A"])
        #expect(r.authorsTruncated)
        #expect(r.title == "Pre-K-12 guidelines for assessment and instruction in statistics education II (GAISE II)")
        // `2022.,` alone: the year, and the rest is the title.
        let b = ScopusReference.parse("Bentvelzen M., Wozniak P.W., 2022., Proceedings of the ACM on Interactive, Mobile, Wearable and Ubiquitous Technologies")
        #expect(b.year == 2022)
        #expect(b.authors.map(\.display) == ["Bentvelzen M", "Wozniak PW"])
    }

    /// A year inside a title is not a year (`AI Strategy 2019 – …` does not start a part with `2019.`).
    @Test func yearInsideATitleIsNotRead() {
        #expect(ScopusReference.parse("AI Strategy 2019 – AI for All People, Industries, Regions, and Governments").year == nil)
        #expect(ScopusReference.yearFullStop("2020.5 metres") == nil)
        #expect(ScopusReference.yearFullStop("1234. Title") == nil)
        #expect(ScopusReference.yearFullStop("2020. Title")?.1 == "Title")
    }
}
