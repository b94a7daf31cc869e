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

    @Test func scopusFullGivenNamesAndOtherStyles() {
        // Style 3 (full given names, authors separated by '; '): two references in one cell.
        let cell = "Ahlström, Anders; Raupach, Michael R.; Zeng, Ning, The dominant role of semi-arid ecosystems in the trend and variability of the land CO2 sink, Science, 348, 6237, pp. 895-899, (2015); Price, Derek J., Networks of scientific papers, Science, 149, 3683, pp. 510-515, (1965)"
        let s = ScopusReference.split(cell)
        #expect(s.pieces == 4 && s.references.count == 2)
        let a = ScopusReference.parse(s.references[0])
        #expect(a.authors.map(\.family) == ["Ahlström", "Raupach", "Zeng"])
        #expect(a.authors.map(\.initials) == ["A", "MR", "N"])
        #expect(a.title == "The dominant role of semi-arid ecosystems in the trend and variability of the land CO2 sink")
        #expect(a.venue == "Science" && a.volume == "348" && a.issue == "6237" && a.pages == "895-899" && a.year == 2015)
        let b = ScopusReference.parse(s.references[1])
        #expect(b.authors.map(\.family) == ["Price"] && b.title == "Networks of scientific papers" && b.year == 1965)
        // Older comma-separated cells keep a lone name as a reference of its own.
        let old = ScopusReference.split("Neuhauser A.; Nguyen A., Lugo-Ocando J., The state of data, Journalism, 1, pp. 1-2, (2016)")
        #expect(old.references.count == 2)
        // A lone name with only a year; surname + given name without a comma.
        let lone = ScopusReference.parse("Chase H., (2022)")
        #expect(lone.authors.map(\.display) == ["Chase H"] && lone.year == 2022 && lone.title == nil)
        let donoho = ScopusReference.parse("Donoho David, 50 Years of Data Science, Journal of Computational and Graphical Statistics, 26, 4, pp. 745-766, (2017)")
        #expect(donoho.authors.map(\.display) == ["Donoho D"] && donoho.title == "50 Years of Data Science" && donoho.volume == "26")
        // A year printed as a bare part.
        let amtul = ScopusReference.parse("Amtul Z., Active learning pedagogy: do we need to revisit?, Interchange (revision), 2024, pp. 1-20")
        #expect(amtul.year == 2024 && amtul.authors.map(\.display) == ["Amtul Z"] && amtul.pages == "1-20")
    }

    @Test func labelsUseOneCaseStyle() {
        #expect(AuthorName(family: "PRICE", initials: "DJD").labelFamily == "Price")
        #expect(AuthorName(family: "O'NEIL").labelFamily == "O'Neil")
        #expect(AuthorName(family: "VAN RAAN").labelFamily == "Van Raan")
        #expect(AuthorName(family: "Barabási").labelFamily == "Barabási")
        #expect(AuthorName(family: "van Raan").labelFamily == "van Raan")
        #expect(AuthorName(family: "WHO", isOrganisation: true).labelFamily == "WHO")
    }

    @Test func authorNameShapes() {
        #expect(AuthorName.parseFamilyFirst("Toh, Ming Liang") == AuthorName(family: "Toh", initials: "ML"))
        #expect(AuthorName.parseFamilyFirst("Antonio Gomez-Ruiz, Jose") == AuthorName(family: "Antonio Gomez-Ruiz", initials: "J"))
        #expect(AuthorName.parseGivenFamily("David De Roure") == AuthorName(family: "De Roure", initials: "D"))
        #expect(AuthorName.parseGivenFamily("Jason R. C. Nurse") == AuthorName(family: "Nurse", initials: "JRC"))
        #expect(AuthorName.parseShort("Chapra S. C.") == AuthorName(family: "Chapra", initials: "SC"))
        #expect(AuthorName.parseShort("AF Arnsten") == AuthorName(family: "Arnsten", initials: "AF"))
        // WoS CR authors printed with one initial per word (capture-recapture-wos: "Seber G. A. F,
        // 1982, ESTIMATION ANIMAL AB"; "Beverton R. J. H.") are the same authors as "SEBER GAF".
        #expect(AuthorName.parseShort("Seber G. A. F") == AuthorName(family: "Seber", initials: "GAF"))
        #expect(AuthorName.parseShort("Beverton R. J. H.") == AuthorName(family: "Beverton", initials: "RJH"))
        #expect(AuthorName.parseShort("SEBER G. A. F") == AuthorName(family: "SEBER", initials: "GAF"))
        // More than two words of initials only when each is one letter, four at most.
        #expect(AuthorName.parseShort("Smith JA B C") == AuthorName(family: "Smith JA", initials: "BC"))
        #expect(AuthorName.parseShort("Doe A. B. C. D. E.") == AuthorName(family: "Doe A.", initials: "BCDE"))
        #expect(AuthorName.parseShort("[Anonymous]") == nil)
    }

    @Test func sourceSimilarity() {
        #expect(WorkIndex.sourcesMatch("J INFORMETR", "Journal of Informetrics") == .strong)
        #expect(WorkIndex.sourcesMatch("J MATH PSYCHOL", "Journal of Mathematical Psychology") == .strong)
        #expect(WorkIndex.sourcesMatch("SPINE", "Spine (Phila Pa 1976)") == .weak)
        #expect(WorkIndex.sourcesMatch("J INFORMETR", "J Interdiscip Hist") == .none)
        // Equal word counts: either side may be the abbreviation.
        #expect(WorkIndex.sourcesMatch("The American Statistician", "AM STAT") == .strong)
        #expect(WorkIndex.sourcesMatch("Education for Information", "EDUC INFORM") == .strong)
        // A WoS 20-character truncated book title inside the full title.
        #expect(WorkIndex.sourcesMatch("GUIDELINES ASSESSMEN", "Pre-K-12 Guidelines for Assessment and Instruction in Statistics Education") == .strong)
        #expect(WorkIndex.sourcesMatch("STAT EDUC", "Journal of Statistics Education Research") == .strong)
        #expect(WorkIndex.sourcesMatch("AM STAT", "Journal of Applied Statistics") == .none)
        #expect(WorkIndex.firstPage("E128-E139") == "E128")
        #expect(WorkIndex.number("V38") == "38")
    }
}
