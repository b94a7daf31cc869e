import Testing
@testable import Bibliometrics

@Suite("DOI and identifier normalisation")
struct DOITests {
    @Test(arguments: [
        ("10.1111/HEX.13470", "10.1111/hex.13470"),
        ("https://doi.org/10.1111/hex.13470", "10.1111/hex.13470"),
        ("http://dx.doi.org/10.1111/hex.13470.", "10.1111/hex.13470"),
        ("doi:10.1111/hex.13470;", "10.1111/hex.13470"),
        ("DOI: 10.1111/hex.13470", "10.1111/hex.13470"),
        ("<https://doi.org/10.1111/hex.13470>", "10.1111/hex.13470"),
        ("https://doi.org/10.1111%2Fhex.13470", "10.1111/hex.13470"),
        ("10.1186/1478-4505-7-S1-S15)", "10.1186/1478-4505-7-s1-s15"),
        ("10.1002/(SICI)1097-4571", "10.1002/(sici)1097-4571"),
    ])
    func normalises(_ input: String, _ expected: String) throws {
        let doi = try #require(DOI(input))
        #expect(doi.value == expected)
        #expect(doi.url == "https://doi.org/" + expected)
    }

    @Test(arguments: ["", "10.1/x", "11.1111/hex", "10.1111/", "https://example.org/10.1111", "10.abcd/x", "10.1111/a b"])
    func rejects(_ input: String) {
        #expect(DOI(input) == nil)
    }

    @Test func equalityIsCaseInsensitive() {
        #expect(DOI("10.1056/NEJMp1011024") == DOI("https://doi.org/10.1056/nejmp1011024"))
    }

    @Test func otherIdentifiers() {
        #expect(Identifiers.pmid("PMID: 12345678") == "12345678")
        #expect(Identifiers.pmid("https://pubmed.ncbi.nlm.nih.gov/12345678/") == "12345678")
        #expect(Identifiers.pmid("12a") == nil)
        #expect(Identifiers.pmcid("pmc1234567") == "PMC1234567")
        #expect(Identifiers.openAlexWork("https://openalex.org/W2741809807") == "W2741809807")
        #expect(Identifiers.openAlexWork("A123") == nil)
    }

    @Test func surnameMatchKeyFoldsDiacriticsAndPunctuation() {
        #expect(AuthorName(family: "O’Donnell").matchKey == "odonnell")
        #expect(AuthorName(family: "Kjellström").matchKey == "kjellstrom")
        #expect(AuthorName(family: "van de Bovenkamp").matchKey == "vandebovenkamp")
    }
}
