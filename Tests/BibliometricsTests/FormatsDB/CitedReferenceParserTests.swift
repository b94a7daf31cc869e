import Testing
@testable import Bibliometrics

/// Hand-split cited-reference strings: each expected field was read off the string by eye.
struct CitedReferenceParserTests {
    @Test func wosCRFullForm() {
        let r = WoSCitedReference.parse("Aria M, 2017, J INFORMETR, V11, P959, DOI 10.1016/j.joi.2017.08.007")
        #expect(r.authors == [AuthorName(family: "Aria", initials: "M")])
        #expect(r.year == 2017)
        #expect(r.venue == "J INFORMETR")
        #expect(r.volume == "11")
        #expect(r.pages == "959")
        #expect(r.doi?.value == "10.1016/j.joi.2017.08.007")
        #expect(r.raw == "Aria M, 2017, J INFORMETR, V11, P959, DOI 10.1016/j.joi.2017.08.007")
        #expect(r.type == .article)
    }

    @Test func wosCRShortAndOddForms() {
        let book = WoSCitedReference.parse("Burden R.L., 2011, NUMERICAL ANAL.")
        #expect(book.authors == [AuthorName(family: "Burden", initials: "RL")])
        #expect(book.year == 2011)
        #expect(book.venue == "NUMERICAL ANAL")
        #expect(book.volume == nil && book.pages == nil && book.doi == nil)
        let anon = WoSCitedReference.parse("{[}Anonymous], 2005, NEURAL NETWORKS COMP.")
        #expect(anon.authors.isEmpty)
        #expect(anon.year == 2005)
        #expect(anon.venue == "NEURAL NETWORKS COMP")
        // DOI alternatives in brackets: the first is taken.
        let alt = WoSCitedReference.parse("Adnan Menderes Üniversitesi, 2019, International Journal of Progressive Education, V15, P44, DOI [10.29329/ijpe.2019.189.4, 10.29329/ijpe.2019.189.4, DOI 10.29329/IJPE.2019.189.4]")
        #expect(alt.doi?.value == "10.29329/ijpe.2019.189.4")
        #expect(alt.authors.first?.family == "Adnan Menderes Üniversitesi")
        #expect(alt.venue == "International Journal of Progressive Education")
        #expect(alt.volume == "15" && alt.pages == "44")
        // "DOI DOI" and an escaped underscore (WoS BibTeX).
        let dd = WoSCitedReference.parse("CHEN Q, 2001, ENCY OPTIMIZATION, P567, DOI DOI 10.1007/0-306-48332-7\\_123.")
        #expect(dd.doi?.value == "10.1007/0-306-48332-7_123")
        #expect(dd.pages == "567")
        let noYear = WoSCitedReference.parse("Amponsah M., 2024, INT J MULTIDISCIPLIN, V6")
        #expect(noYear.authors.first == AuthorName(family: "Amponsah", initials: "M"))
        #expect(noYear.volume == "6")
        let thesis = WoSCitedReference.parse("LEVY Y, 1974, THESIS")
        #expect(thesis.venue == "THESIS" && thesis.year == 1974)
    }

    @Test func scopusSplitJoinsAuthorPieces() {
        let cell = "Lambin P.; Rios-Velazquez E.; van Stiphout R.G.; Granton P., Radiomics: extracting more information from medical images using advanced feature analysis, Eur J Cancer, 48, 4, pp. 441-446, (2012); Calin GA; Ferracin M; Cimmino A, A microRNA signature, N Engl J Med, 353, pp. 1793-801, (2005)"
        let s = ScopusReference.split(cell)
        #expect(s.pieces == 7)
        #expect(s.references.count == 2)
        let r = ScopusReference.parse(s.references[0])
        #expect(r.authors.map(\.family) == ["Lambin", "Rios-Velazquez", "van Stiphout", "Granton"])
        #expect(r.authors[2].initials == "RG")
        #expect(r.title == "Radiomics: extracting more information from medical images using advanced feature analysis")
        #expect(r.venue == "Eur J Cancer")
        #expect(r.volume == "48" && r.issue == "4" && r.pages == "441-446" && r.year == 2012)
        let c = ScopusReference.parse(s.references[1])
        #expect(c.authors.map(\.display) == ["Calin GA", "Ferracin M", "Cimmino A"])
        #expect(c.title == "A microRNA signature" && c.venue == "N Engl J Med" && c.volume == "353" && c.pages == "1793-801")
    }

    @Test func scopusOlderCommaSeparatedAuthors() {
        let r = ScopusReference.parse("Aria M., Cuccurullo C., bibliometrix: An R-tool for comprehensive science mapping analysis, J Informetr, 11, 4, pp. 959-975, (2017)")
        #expect(r.authors.map(\.display) == ["Aria M", "Cuccurullo C"])
        #expect(r.title == "bibliometrix: An R-tool for comprehensive science mapping analysis")
        #expect(r.venue == "J Informetr")
        #expect(r.volume == "11" && r.issue == "4" && r.pages == "959-975" && r.year == 2017)
        let noAuthor = ScopusReference.parse("The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)")
        #expect(noAuthor.authors.isEmpty)
        #expect(noAuthor.title == "The global epidemic of low back pain" && noAuthor.venue == "Lancet Rheumatol" && noAuthor.volume == "5")
        let book = ScopusReference.parse("Saaty T.L., The Analytic Hierarchy Process, (1980)")
        #expect(book.title == "The Analytic Hierarchy Process" && book.venue == nil && book.year == 1980)
    }

    @Test func authorNameShapes() {
        #expect(AuthorName.parseFamilyFirst("Toh, Ming Liang") == AuthorName(family: "Toh", initials: "ML"))
        #expect(AuthorName.parseFamilyFirst("Antonio Gomez-Ruiz, Jose") == AuthorName(family: "Antonio Gomez-Ruiz", initials: "J"))
        #expect(AuthorName.parseGivenFamily("David De Roure") == AuthorName(family: "De Roure", initials: "D"))
        #expect(AuthorName.parseGivenFamily("Jason R. C. Nurse") == AuthorName(family: "Nurse", initials: "JRC"))
        #expect(AuthorName.parseShort("Chapra S. C.") == AuthorName(family: "Chapra", initials: "SC"))
        #expect(AuthorName.parseShort("AF Arnsten") == AuthorName(family: "Arnsten", initials: "AF"))
        #expect(AuthorName.parseShort("[Anonymous]") == nil)
    }

    @Test func sourceSimilarity() {
        #expect(WorkIndex.sourcesMatch("J INFORMETR", "Journal of Informetrics") == .strong)
        #expect(WorkIndex.sourcesMatch("J MATH PSYCHOL", "Journal of Mathematical Psychology") == .strong)
        #expect(WorkIndex.sourcesMatch("SPINE", "Spine (Phila Pa 1976)") == .weak)
        #expect(WorkIndex.sourcesMatch("J INFORMETR", "J Interdiscip Hist") == .none)
        #expect(WorkIndex.firstPage("E128-E139") == "E128")
        #expect(WorkIndex.number("V38") == "38")
    }
}
