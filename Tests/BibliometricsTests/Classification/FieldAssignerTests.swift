import Foundation
import Testing
import TestSupport
@testable import Bibliometrics
import NetworkCore

/// Each route of ``FieldAssigner`` on hand-built works, with the expected field written out.
struct FieldAssignerTests {
    static func citing(_ venue: String, wc: [String], j9: String? = nil, issn: [String] = []) -> FieldEvidence {
        var f = SubjectFields()
        f.wosCategories = wc
        f.venueNames = j9.map { [$0] } ?? []
        f.issns = issn
        return FieldEvidence(venue: venue, volume: "1", isCiting: true, fields: f)
    }

    static func cited(_ venue: String?, volume: String? = "1") -> FieldEvidence {
        FieldEvidence(venue: venue, volume: volume, isCiting: false, fields: SubjectFields())
    }

    /// Works: 0–2 citing (Ecology ×2 in J WILDLIFE MANAGE with ISSN, Statistics in BIOMETRICS);
    /// 3 cites J WILDLIFE MANAGE (J9 of 0 → dataset-venue), 4 "J WILDLIFE" (must not match),
    /// 5 the full title "Biometrics" (title of 2), 6 "OIKOS" only in the user table,
    /// 7 no venue. Primary of 0 (Ecology, Zoology): Ecology is held by 3 works (0, 1, 3), Zoology by 2 (0, 3).
    @Test func routesAndNoGuessing() throws {
        let t = try ClassificationTables.shared.get()
        let works = [
            Self.citing("JOURNAL OF WILDLIFE MANAGEMENT", wc: ["Ecology", "Zoology"], j9: "J WILDLIFE MANAGE", issn: ["0022541X"]),
            Self.citing("JOURNAL OF WILDLIFE MANAGEMENT", wc: ["Ecology"], j9: "J WILDLIFE MANAGE"),
            Self.citing("BIOMETRICS", wc: ["Statistics & Probability"], j9: "BIOMETRICS"),
            Self.cited("J WILDLIFE MANAGE"),
            Self.cited("J WILDLIFE"),
            Self.cited("Biometrics"),
            Self.cited("Oikos"),
            Self.cited(nil),
        ]
        let user = ["venue:OIKOS": ["Ecology"]]
        let (a, c) = FieldAssigner(level: .wosCategory, tables: t, userTable: user).assign(works)
        #expect(a.map(\.source) == [.record, .record, .record, .datasetVenue, nil, .datasetVenue, .userTable, nil])
        #expect(a[0].key == "WC")
        #expect(a[3].key == "venue:J WILDLIFE MANAGE")
        #expect(a[3].categories == ["Ecology", "Zoology"])      // union of records 0 and 1 (overlapping)
        #expect(a[4].categories.isEmpty && a[4].primary == nil)  // J WILDLIFE: no prefix match
        #expect(a[5].categories == ["Statistics & Probability"])
        #expect(a[0].primary == "Ecology")
        #expect(a[3].primary == "Ecology")
        #expect(a[7].source == nil)
        #expect(c.citing.works == 3 && c.citing.assigned == 3 && c.citing.byRoute == ["record": 3])
        #expect(c.cited.works == 5 && c.cited.assigned == 3)
        #expect(c.cited.byRoute == ["dataset-venue": 2, "user-table": 1])
        #expect(c.citedWithJournalVenue.works == 4)   // work 7 has no venue
    }

    /// Two citing records give the same abbreviation disjoint categories: the key is refused.
    @Test func disjointVenueKeyIsRefused() throws {
        let t = try ClassificationTables.shared.get()
        let works = [Self.citing("A", wc: ["Ecology"], j9: "J X"), Self.citing("B", wc: ["Economics"], j9: "J X"), Self.cited("J X")]
        let (a, c) = FieldAssigner(level: .wosCategory, tables: t).assign(works)
        #expect(a[2].source == nil)
        #expect(c.ambiguousVenueKeys == 1)
    }

    /// ASJC levels: a citing record by its own ISSN (record route, key issn:…), a cited work
    /// by the NLM catalogue (title "Biometrics"); the WoS levels never use the catalogue.
    @Test(.enabled(if: SharedData.path("classification/scopus-asjc") != nil, "needs ../shared/data/classification"))
    func asjcByISSNAndCatalogue() throws {
        let t = try ClassificationTables.shared.get()
        var jasa = SubjectFields()
        jasa.issns = ["01621459"]
        let works = [FieldEvidence(venue: "Journal of the American Statistical Association", isCiting: true, fields: jasa),
                     Self.cited("Biometrics"), Self.cited("Biometrika and Friends")]
        let (a, _) = FieldAssigner(level: .asjcArea, tables: t).assign(works)
        #expect(a[0].source == .record && a[0].key == "issn:0162-1459")
        #expect(a[0].categories == ["Decision Sciences", "Mathematics"])
        // Decision Sciences is held by 1 work (JASA), Mathematics by 2 (JASA and Biometrics,
        // whose raw codes include 2600): Mathematics is primary.
        #expect(try Self.rawAreas("0006341X", t).contains("Mathematics"))
        #expect(a[0].primary == "Mathematics")
        #expect(a[1].source == .catalogue && a[1].key == "venue:BIOMETRICS")
        let raw = try ClassificationTablesTests.rawCodes(issn: "0006341X")
        #expect(a[1].categories == WorkCategories.asjc(raw, tables: t).asjcArea)
        #expect(a[2].source == nil)
        let (w, _) = FieldAssigner(level: .wosCategory, tables: t).assign(works)
        #expect(w.allSatisfy { $0.source == nil })
    }

    /// The catalogue matches the NLM MEDLINE abbreviation as a whole key: "Ecol Lett"
    /// (Ecology letters, NLM; Scopus source 14599, ISSN 1461-023X, code 1100 Agricultural
    /// and Biological Sciences in the raw subject-areas.tsv) is placed; "Ecol" (a prefix of
    /// it and of every other Ecol… abbreviation), "Ecol Lett J" (longer) and "J Wildl" (a
    /// prefix of "J Wildl Dis") are not.
    @Test(.enabled(if: SharedData.path("classification/scopus-asjc") != nil, "needs ../shared/data/classification"))
    func catalogueAbbreviationAndNearMissesThatMustNotMatch() throws {
        let t = try ClassificationTables.shared.get()
        let works = [Self.cited("ECOL LETT"), Self.cited("Ecol"), Self.cited("Ecol Lett J"), Self.cited("J WILDL")]
        let (a, c) = FieldAssigner(level: .asjcArea, tables: t).assign(works)
        #expect(a[0].source == .catalogue && a[0].key == "venue:ECOL LETT")
        #expect(a[0].categories == (try Self.rawAreas("1461023X", t)))
        #expect(a[0].categories == ["Agricultural and Biological Sciences"])
        #expect(a[1].source == nil && a[2].source == nil && a[3].source == nil)
        #expect(c.cited.assigned == 1 && c.cited.byRoute == ["catalogue": 1])
    }

    /// The catalogue by ISSN: a record of the Journal of the Association for Information
    /// Science and Technology prints ISSN 2330-1635, which the 2017 Scopus table does not list
    /// (it lists 2330-1643 for source 21100307484). The raw NLM catalogue gives 2330-1635 as
    /// the print ISSN of NLM id 101623951, which pubmed-map.tsv maps to Scopus source
    /// 21100307484: codes 1700, 1800, 3300 → Computer Science, Decision Sciences, Social
    /// Sciences. Its venue is given as "JASIST", which no catalogue title matches, so only
    /// the ISSN can place it. An ISSN in no table places nothing.
    @Test(.enabled(if: SharedData.path("classification/scopus-asjc") != nil, "needs ../shared/data/classification"))
    func catalogueByISSN() throws {
        let t = try ClassificationTables.shared.get()
        #expect(t.asjcByISSN["23301635"] == nil)
        func record(_ issn: String) -> FieldEvidence {
            var f = SubjectFields()
            f.issns = [issn]
            return FieldEvidence(venue: "JASIST", isCiting: true, fields: f)
        }
        let (a, c) = FieldAssigner(level: .asjcArea, tables: t).assign([record("23301635"), record("23301630")])
        #expect(a[0].source == .catalogue && a[0].key == "issn:23301635")
        #expect(a[0].categories == ["Computer Science", "Decision Sciences", "Social Sciences"])
        #expect(a[1].source == nil)
        #expect(c.citing.byRoute == ["catalogue": 1])
    }

    /// A cited work that states an ISSN (Crossref, CSL-JSON references do) meets a citing
    /// record of the same ISSN whatever its venue is called: dataset-venue, key issn:….
    /// An ISSN one digit away does not.
    @Test func citedWorkMatchesACitingRecordByISSN() throws {
        let t = try ClassificationTables.shared.get()
        func cited(_ venue: String, issn: String) -> FieldEvidence {
            var f = SubjectFields()
            f.issns = [issn]
            return FieldEvidence(venue: venue, volume: "3", isCiting: false, fields: f)
        }
        let works = [Self.citing("JOURNAL OF WILDLIFE MANAGEMENT", wc: ["Ecology"], issn: ["0022541X"]),
                     cited("Wildl. Mgmt", issn: "0022541X"), cited("Wildl. Mgmt", issn: "00225418")]
        let (a, _) = FieldAssigner(level: .wosCategory, tables: t).assign(works)
        #expect(a[1].source == .datasetVenue && a[1].key == "issn:0022541X" && a[1].categories == ["Ecology"])
        #expect(a[2].source == nil)
    }

    /// The venue look-ups run in two halves of the pending works (one per core), each with
    /// its own cache of venue outcomes. Works 1–6 are pending; the halves are 1–3 and 4–6.
    /// "J X" (dataset venue of 0), "OIKOS" (user table) and "NOWHERE" (nothing) each appear
    /// in both halves, so both caches meet them: 1, 4 → dataset-venue; 2, 5 → user-table;
    /// 3, 6 → none, in the order of the works.
    @Test func venueLookUpsInTwoHalvesAgreeWithOrder() throws {
        let t = try ClassificationTables.shared.get()
        let works = [Self.citing("A", wc: ["Ecology"], j9: "J X"),
                     Self.cited("J X"), Self.cited("Oikos"), Self.cited("Nowhere"),
                     Self.cited("J X"), Self.cited("OIKOS"), Self.cited("NOWHERE")]
        let (a, c) = FieldAssigner(level: .wosCategory, tables: t, userTable: ["venue:OIKOS": ["Zoology"]]).assign(works)
        #expect(a.map(\.source) == [.record, .datasetVenue, .userTable, nil, .datasetVenue, .userTable, nil])
        #expect(a.map(\.categories) == [["Ecology"], ["Ecology"], ["Zoology"], [], ["Ecology"], ["Zoology"], []])
        #expect(c.cited.works == 6 && c.cited.assigned == 4)
    }

    /// A user table is matched on the whole venue key too: "OIKOS SUPPL" is not "OIKOS".
    @Test func userTableDoesNotMatchALongerVenue() throws {
        let t = try ClassificationTables.shared.get()
        let (a, _) = FieldAssigner(level: .wosCategory, tables: t, userTable: ["venue:OIKOS": ["Ecology"]])
            .assign([Self.cited("Oikos"), Self.cited("OIKOS SUPPL"), Self.cited("OIK")])
        #expect(a.map(\.source) == [.userTable, nil, nil])
    }

    static func rawAreas(_ issn: String, _ t: ClassificationTables) throws -> [String] {
        WorkCategories.asjc(try ClassificationTablesTests.rawCodes(issn: issn), tables: t).asjcArea
    }

    /// OpenAlex levels: the primary topic's value is primary even when another is more common.
    @Test func openAlexPrimaryTopicWins() throws {
        let t = try ClassificationTables.shared.get()
        func work(_ fields: [String]) -> FieldEvidence {
            var f = SubjectFields()
            f.openAlexTopics = fields.map { OpenAlexTopic(field: $0) }
            return FieldEvidence(venue: nil, isCiting: true, fields: f)
        }
        let (a, _) = FieldAssigner(level: .openAlexField, tables: t).assign([work(["Mathematics", "Medicine"]), work(["Medicine"]), work(["Medicine"])])
        #expect(a.map(\.primary) == ["Mathematics", "Medicine", "Medicine"])
        #expect(a[0].key == "topics")
    }

    @Test func userTableFile() throws {
        let t = try ClassificationTables.shared.get()
        let dir = try TempFolder()
        defer { dir.remove() }
        let good = try dir.write("venues.csv", "venue,issn,categories\nOikos,,Ecology; Zoology\n")
        let table = try VenueTable.read(path: good, level: .wosCategory, tables: t)
        #expect(table["venue:OIKOS"] == ["Ecology", "Zoology"])
        // An ISSN alone (JASA) gives its ASJC areas, and nothing at a WoS level: an error.
        let byISSN = try dir.write("issn.csv", "venue,issn\nJ AM STAT ASSOC,0162-1459\n")
        if SharedData.path("classification/scopus-asjc") != nil {
            #expect(try VenueTable.read(path: byISSN, level: .asjcArea, tables: t)["issn:01621459"] == (try Self.rawAreas("01621459", t)))
        }
        #expect(throws: InputError.self) { try VenueTable.read(path: byISSN, level: .wosArea, tables: t) }
        let clash = try dir.write("clash.csv", "venue,categories\nOikos,Ecology\nOIKOS,Zoology\n")
        do {
            _ = try VenueTable.read(path: clash, level: .wosCategory, tables: t)
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.line == 3)
        }
    }
}
