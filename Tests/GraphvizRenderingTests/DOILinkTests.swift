import Testing
@testable import GraphvizRendering

@Suite struct DOILinkTests {
    @Test func plainDOIBecomesDOIOrgURL() {
        #expect(DOILink.url(forDOI: "10.1111/j.1540-6210.2006.00682.x") == "https://doi.org/10.1111/j.1540-6210.2006.00682.x")
    }

    @Test func acceptsCommonPrefixesAndWhitespace() {
        let expected = "https://doi.org/10.1080/14719037.2015.1111927"
        #expect(DOILink.url(forDOI: "  doi:10.1080/14719037.2015.1111927 ") == expected)
        #expect(DOILink.url(forDOI: "https://doi.org/10.1080/14719037.2015.1111927") == expected)
        #expect(DOILink.url(forDOI: "HTTP://DX.DOI.ORG/10.1080/14719037.2015.1111927") == expected)
    }

    @Test func percentEncodesEverythingOutsideUnreserved() {
        // SICI-style DOIs contain < > ; ( ) #.
        #expect(DOILink.url(forDOI: "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O")
            == "https://doi.org/10.1002/%28SICI%291097-4571%28199806%2949%3A8%3C693%3A%3AAID-ASI4%3E3.0.CO%3B2-O")
        #expect(DOILink.url(forDOI: "10.1234/café") == "https://doi.org/10.1234/caf%C3%A9")
    }

    @Test func hostileValuesCannotBreakOutOfTheAttribute() throws {
        let url = try #require(DOILink.url(forDOI: #"10.1000/x"onload="alert(1)"\&"#))
        #expect(url == "https://doi.org/10.1000/x%22onload%3D%22alert%281%29%22%5C%26")
        #expect(!url.contains("\"") && !url.contains("\\") && !url.contains("<") && !url.contains("&"))
    }

    @Test func rejectsNonDOIs() {
        #expect(DOILink.url(forDOI: "javascript:alert(1)") == nil)
        #expect(DOILink.url(forDOI: "https://evil.example/10.1000/x") == nil)
        #expect(DOILink.url(forDOI: "10.12/abc") == nil)  // registrant needs ≥ 4 digits
        #expect(DOILink.url(forDOI: "10.1000/") == nil)  // empty suffix
        #expect(DOILink.url(forDOI: "10.1000/a b") == nil)  // whitespace inside
        #expect(DOILink.url(forDOI: "10.1000/a\u{0}b") == nil)
        #expect(DOILink.url(forDOI: "10.10x0/abc") == nil)
        #expect(DOILink.url(forDOI: "") == nil)
    }
}
