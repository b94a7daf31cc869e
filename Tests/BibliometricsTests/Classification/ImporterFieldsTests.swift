import Foundation
import Testing
import TestSupport
@testable import Bibliometrics
import NetworkCore

/// `siloscope import` places works in literatures end to end: works.csv columns,
/// literatures.csv, dataset.yml `group: literature`, and the loaded attribute.
struct ImporterFieldsTests {
    /// Two WoS records (Ecology in J WILDLIFE MANAGE; Statistics & Probability in BIOMETRICS).
    /// Record 1 cites BIOMETRICS (→ dataset-venue via J9 of record 2), "J WILDLIFE" (no
    /// match), and an ANN STAT paper (no record of the dataset: missing).
    static let wos = """
    FN Clarivate Analytics Web of Science
    VR 1.0
    PT J
    AU Smith, J
    TI Survival of deer
    SO JOURNAL OF WILDLIFE MANAGEMENT
    J9 J WILDLIFE MANAGE
    PY 2001
    VL 65
    BP 1
    WC Ecology; Zoology
    SC Environmental Sciences & Ecology; Zoology
    CR Jolly GM, 1965, BIOMETRIKA, V52, P225
       Pollock KH, 1990, WILDLIFE MONOGR, V107, P1
       Seber GAF, 1970, BIOMETRICS, V26, P13
       Brown A, 1999, J WILDLIFE, V3, P1
    UT WOS:000000000000011
    ER

    PT J
    AU Seber, GAF
    TI Capture recapture models
    SO BIOMETRICS
    J9 BIOMETRICS
    PY 1970
    VL 26
    BP 13
    WC Biology; Statistics & Probability
    SC Life Sciences & Biomedicine - Other Topics; Mathematics
    UT WOS:000000000000012
    ER

    EF

    """

    @Test func wosImportWritesFieldsAndLiteratures() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let file = try dir.write("savedrecs.txt", Self.wos)
        let out = dir.path + "/crr"
        let summary = try Importer().run(files: [file], format: nil, outputFolder: out)
        let c = try #require(summary.fields)
        #expect(c.level == "wos-category")
        #expect(c.citing.works == 2 && c.citing.assigned == 2)
        // Cited-only works: Jolly (BIOMETRIKA), Pollock (WILDLIFE MONOGR), Brown (J WILDLIFE); Seber matched record 2.
        #expect(c.cited.works == 3 && c.cited.assigned == 0)
        let d = try Dataset.load(folder: out)
        #expect(d.manifest.group == "literature")
        let lit = d.workAttributes["literature"] ?? []
        let idx = try #require(d.workIDs.firstIndex(of: "wos:WOS:000000000000011"))
        // Ecology held by 1 work, Zoology by 1: alphabetical first → Ecology.
        #expect(lit[idx] == "Ecology")
        let seber = try #require(d.workIDs.firstIndex(of: "wos:WOS:000000000000012"))
        // Biology 1, Statistics & Probability 1 → Biology.
        #expect(lit[seber] == "Biology")
        let works = try String(contentsOfFile: out + "/works.csv", encoding: .utf8)
        #expect(works.contains("Ecology; Zoology"))
        #expect(works.split(separator: "\n").first?.hasSuffix("categories,category,field_source,field_key,field_level") == true)
        let literatures = try String(contentsOfFile: out + "/literatures.csv", encoding: .utf8)
        #expect(literatures.hasPrefix("category,literature,works,note\n"))
        // An analyst's edit survives a re-import.
        try literatures.replacingOccurrences(of: "Biology,Biology", with: "Biology,Statistics").write(toFile: out + "/literatures.csv", atomically: true, encoding: .utf8)
        _ = try Importer().run(files: [file], format: nil, outputFolder: out)
        let again = try Dataset.load(folder: out)
        #expect(again.workAttributes["literature"]?[seber] ?? nil == "Statistics")
    }

    /// A third record from WILDLIFE MONOGR's journal would place Pollock by dataset-venue;
    /// here a user table does it instead, and `--literatures wos-area` switches level.
    @Test func userTableAndAnotherLevel() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let file = try dir.write("savedrecs.txt", Self.wos)
        let venues = try dir.write("venues.csv", "venue,categories\nWILDLIFE MONOGR,Environmental Sciences & Ecology\n")
        var options = ImportOptions()
        options.literatures = .wosArea
        options.venueTable = venues
        let summary = try Importer(options: options).run(files: [file], format: nil, outputFolder: dir.path + "/out")
        let c = try #require(summary.fields)
        #expect(c.level == "wos-area")
        #expect(c.cited.byRoute == ["user-table": 1])
        let works = try String(contentsOfFile: dir.path + "/out/works.csv", encoding: .utf8)
        #expect(works.contains("user-table,venue:WILDLIFE MONOGR,wos-area"))
    }

    /// Done-when figures on the real Scopus export (see README "Fields and literatures"):
    /// 127 of the 318 records carry an ISSN that the 2017 Scopus table knows (counted from
    /// the raw scopus.csv and issn.tsv/subject-areas.tsv by scripts/classification/coverage.py).
    @Test(.enabled(if: SharedData.path("corpora/dse-citan/scopus.csv") != nil, "needs ../shared/data/corpora/dse-citan"))
    func dseCitanScopusCoverage() throws {
        let path = try #require(SharedData.path("corpora/dse-citan/scopus.csv"))
        let importer = Importer()
        var d = importer.merge(try importer.read(files: [path], format: nil))
        try importer.classify(&d)
        let c = try #require(d.summary.fields)
        #expect(c.level == "asjc-area")
        #expect(c.citing.works == 318)
        #expect(c.citing.byRoute["record"] == 127)
    }
}
