import Foundation
import Testing
import TestSupport
@testable import Bibliometrics
import NetworkCore

/// The bundled tables agree with the raw tables they were built from (read here
/// independently, straight from ../shared/data/classification), and the venue key.
struct ClassificationTablesTests {
    static let asjcFolder = "classification/scopus-asjc"

    /// Raw `issn.tsv` ⋈ `subject-areas.tsv`: the ASJC codes of one ISSN.
    static func rawCodes(issn: String) throws -> [String] {
        let root = try #require(SharedData.path(asjcFolder))
        func rows(_ f: String) throws -> [[String]] {
            try String(contentsOfFile: root + "/" + f, encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        let sources = Set(try rows("issn.tsv").filter { $0.count == 3 && $0[2].replacingOccurrences(of: "-", with: "").uppercased() == issn }.map { $0[0] })
        return Set(try rows("subject-areas.tsv").filter { $0.count >= 2 && sources.contains($0[0]) }.map { $0[1] }).sorted()
    }

    @Test(.enabled(if: SharedData.path(asjcFolder) != nil, "needs ../shared/data/classification"))
    func issnTableMatchesTheRawScopusTables() throws {
        let t = try ClassificationTables.shared.get()
        // J Wildlife Manage, Biometrics, JASA, Ecology.
        for issn in ["0022541X", "0006341X", "01621459", "00129658"] {
            let raw = try Self.rawCodes(issn: issn)
            #expect(!raw.isEmpty)
            #expect(t.asjcByISSN[issn] == raw, "\(issn)")
        }
        // Hand look-up in subject-areas.tsv: JASA (01621459) is 1800 Decision Sciences and 2600 Mathematics.
        let jasa = WorkCategories.asjc(t.asjcByISSN["01621459"] ?? [], tables: t)
        #expect(jasa.asjcArea == ["Decision Sciences", "Mathematics"])
        #expect(jasa.asjcCategory == ["General Decision Sciences", "General Mathematics"])
        #expect(t.asjc["1204"]?.category == "Archaeology (Arts and Humanities)")
    }

    /// NLM: "Biometrics" (title = ISO = MEDLINE abbreviation, ISSN 0006-341X) reaches the
    /// same codes as its ISSN.
    @Test(.enabled(if: SharedData.path(asjcFolder) != nil, "needs ../shared/data/classification"))
    func catalogueFindsBiometricsByTitle() throws {
        let t = try ClassificationTables.shared.get()
        #expect(t.asjcByCatalogueVenue["BIOMETRICS"] == (try Self.rawCodes(issn: "0006341X")))
    }

    /// Two entries of the raw matrix file (AA Acoustics × AC Automation & Control Systems:
    /// 0.250532207168734, first data row) rounded to 4 decimals, and a diagonal.
    @Test func wosSimilarityMatrix() throws {
        let t = try ClassificationTables.shared.get()
        #expect(t.wosCategories.count == 247)
        let d = try #require(t.wosDistances(["Acoustics", "automation & control systems"]))
        #expect(abs(d[0][1] - (1 - 0.2505)) < 1e-9)
        #expect(d[1][1] == 0)
        #expect(t.wosDistances(["Acoustics", "Not A Category"]) == nil)
    }

    @Test func venueKeys() {
        #expect(VenueKey.make("The Journal of Wildlife Management") == "JOURNAL WILDLIFE MANAGEMENT")
        #expect(VenueKey.make("JOURNAL OF WILDLIFE MANAGEMENT") == "JOURNAL WILDLIFE MANAGEMENT")
        #expect(VenueKey.make("J. Wildl. Manage.") == "J WILDL MANAGE")
        #expect(VenueKey.make("Ecology & Evolution") == "ECOLOGY EVOLUTION")
        #expect(VenueKey.make("Écologie") == "ECOLOGIE")
        #expect(VenueKey.make(" -- ") == nil)
        // Never a prefix: an abbreviation cut short is another key.
        #expect(VenueKey.make("J WILDLIFE") != VenueKey.make("J WILDLIFE MANAGE"))
    }
}
