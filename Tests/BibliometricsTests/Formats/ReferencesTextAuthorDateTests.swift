import Testing
@testable import Bibliometrics

/// Author–date entries (APA, Harvard), which lists copied from social-science articles use.
@Suite("ReferencesText author-date styles")
struct ReferencesTextAuthorDateTests {
    @Test func patternsCompile() {
        #expect(ReferencesText.authorDatePatternsValid)
    }

    /// Seed 000 line 13 prints the review's own citation in APA style (cut at the journal
    /// name): "Robert, G., Donetto, S., Masterson, D., & Kjellstrom, S. (2024). Applying models
    /// of co-production in the context of health and wellbeing. A narrative review to guide
    /// future practice. *International Journal for Quality in Health*".
    @Test(.enabled(if: SeedFiles.available, Comment(rawValue: SeedFiles.skipMessage)))
    func seed000Line13() throws {
        let line = try #require(SeedFiles.line(SeedFiles.robert2024, 13))
        let e = ReferencesText.splitFields(line)
        let r = e.reference
        #expect(r.authors.map(\.display) == ["Robert G", "Donetto S", "Masterson D", "Kjellstrom S"])
        #expect(r.year == 2024)
        #expect(r.title == "Applying models of co-production in the context of health and wellbeing. A narrative review to guide future practice")
        #expect(r.venue == "International Journal for Quality in Health")
        #expect(r.volume == nil)
        #expect(r.type == .article)
        #expect(e.notes.contains { $0.contains("last sentence taken as the journal") })
    }

    @Test func apaArticle() {
        let e = ReferencesText.splitFields("Brandsen, T., & Honingh, M. (2016). Distinguishing different types of coproduction: A conceptual analysis based on the classical definitions. Public Administration Review, 76(3), 427–435. https://doi.org/10.1111/puar.12465")
        let r = e.reference
        #expect(r.authors.map(\.display) == ["Brandsen T", "Honingh M"])
        #expect(r.year == 2016)
        #expect(r.title == "Distinguishing different types of coproduction: A conceptual analysis based on the classical definitions")
        #expect(r.venue == "Public Administration Review")
        #expect(r.volume == "76")
        #expect(r.issue == "3")
        #expect(r.pages == "427–435")
        #expect(r.doi?.value == "10.1111/puar.12465")
        #expect(e.status == .full)
    }

    @Test func apaBookAndChapter() {
        let book = ReferencesText.splitFields("Alford, J. (2009). Engaging public sector clients: From service-delivery to co-production. Basingstoke: Palgrave Macmillan.").reference
        #expect(book.type == .book)
        #expect(book.title == "Engaging public sector clients: From service-delivery to co-production")
        #expect(book.place == "Basingstoke")
        #expect(book.publisher == "Palgrave Macmillan")
        let chapter = ReferencesText.splitFields("Loeffler, E. (2021). Co-delivering public services and public outcomes. In E. Loeffler & T. Bovaird (Eds.), The Palgrave handbook of co-production of public services and outcomes (pp. 363–386). Palgrave Macmillan.").reference
        #expect(chapter.type == .chapter)
        #expect(chapter.title == "Co-delivering public services and public outcomes")
        #expect(chapter.venue == "The Palgrave handbook of co-production of public services and outcomes")
        #expect(chapter.pages == "363–386")
        #expect(chapter.publisher == "Palgrave Macmillan")
        #expect(chapter.editors.map(\.family) == ["E. Loeffler", "T. Bovaird"])
    }

    @Test func harvardNamesBeforeYear() {
        let r = ReferencesText.splitFields("Ostrom E, Parks RB, Whitaker GP (1978) The public service production process. Policy Studies Journal, 7(4), 381–389.").reference
        #expect(r.authors.map(\.display) == ["Ostrom E", "Parks RB", "Whitaker GP"])
        #expect(r.year == 1978)
        #expect(r.title == "The public service production process")
        #expect(r.venue == "Policy Studies Journal")
    }

    @Test func yearInsideAVancouverTitleIsNotAuthorDate() {
        let r = ReferencesText.splitFields("Smith J. Reform of the Health Act (2012). Health Policy 2013;5:1-9.").reference
        #expect(r.authors.map(\.display) == ["Smith J"])
        #expect(r.title == "Reform of the Health Act (2012)")
        #expect(r.venue == "Health Policy")
        #expect(r.year == 2013)
    }
}
