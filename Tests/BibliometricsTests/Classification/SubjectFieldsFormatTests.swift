import Foundation
import Testing
import TestSupport
@testable import Bibliometrics
import NetworkCore

/// Every format hands over what its records say about their field (hand-written records;
/// the expected values are the ones written in them).
struct SubjectFieldsFormatTests {
    func read(_ name: String, _ text: String) throws -> ImportedRecord {
        let dir = try TempFolder()
        defer { dir.remove() }
        let path = try dir.write(name, text)
        let result = try FormatDetector.read(path: path, format: try FormatDetector.detect(path: path), lenient: false)
        return try #require(result.records.first)
    }

    @Test func wosPlainTextCategoriesAreasISSNsAndAbbreviations() throws {
        let r = try read("savedrecs.txt", """
        FN Clarivate Analytics Web of Science
        VR 1.0
        PT J
        AU Smith, J
        TI Estimating survival
        SO JOURNAL OF WILDLIFE MANAGEMENT
        J9 J WILDLIFE MANAGE
        JI J. Wildl. Manage.
        PY 2001
        SN 0022-541X
        EI 1937-2817
        WC Ecology; Statistics &
           Probability; Zoology
        SC Environmental Sciences & Ecology; Mathematics; Zoology
        UT WOS:000000000000009
        ER

        EF

        """)
        #expect(r.fields.wosCategories == ["Ecology", "Statistics & Probability", "Zoology"])
        #expect(r.fields.wosAreas == ["Environmental Sciences & Ecology", "Mathematics", "Zoology"])
        #expect(r.fields.issns == ["0022541X", "19372817"])
        #expect(r.fields.venueNames == ["J WILDLIFE MANAGE", "J. Wildl. Manage."])
    }

    @Test func wosTabDelimited() throws {
        let r = try read("savedrecs.tsv", "PT\tAU\tTI\tSO\tJ9\tSN\tWC\tSC\tPY\tUT\nJ\tSmith, J\tEstimating survival\tBIOMETRICS\tBIOMETRICS\t0006-341X\tBiology; Statistics & Probability\tLife Sciences & Biomedicine - Other Topics; Mathematical & Computational Biology; Mathematics\t2001\tWOS:1\n")
        #expect(r.format == .wosTab)
        #expect(r.fields.wosCategories == ["Biology", "Statistics & Probability"])
        #expect(r.fields.wosAreas.count == 3)
        #expect(r.fields.issns == ["0006341X"])
    }

    @Test func wosBibTeXCategories() throws {
        let r = try read("wos.bib", """
        @article{ WOS:000000000000002,
        Author = {Smith, John},
        Title = {Estimating survival},
        Journal = {BIOMETRICS},
        Year = {2001},
        ISSN = {0006-341X},
        EISSN = {1541-0420},
        Research-Areas = {Life Sciences \\& Biomedicine - Other Topics; Mathematics},
        Web-of-Science-Categories  = {Biology; Statistics \\& Probability},
        Unique-ID = {WOS:000000000000002},
        }

        """)
        #expect(r.fields.wosCategories == ["Biology", "Statistics & Probability"])
        #expect(r.fields.wosAreas == ["Life Sciences & Biomedicine - Other Topics", "Mathematics"])
        #expect(r.fields.issns == ["0006341X", "15410420"])
    }

    @Test func scopusISSNAndAbbreviatedTitle() throws {
        let r = try read("scopus.csv", #""Authors","Title","Year","Source title","ISSN","Abbreviated Source Title","EID""# + "\n"
                         + #""Smith J.","Estimating survival",2001,"Biometrics","0006341X","Biometrics","2-s2.0-9""# + "\n")
        #expect(r.format == .scopus)
        #expect(r.fields.issns == ["0006341X"])
        #expect(r.fields.venueNames == ["Biometrics"])
    }

    /// Current schema (`primary_topic`, `topics` with subfield/field/domain, as the OpenAlex
    /// API documents them) and 2022 `concepts` (only level 0 kept).
    @Test func openAlexTopicsConceptsAndISSNs() throws {
        let line = #"{"id": "https://openalex.org/W9", "title": "T", "publication_year": 2020, "#
            + #""primary_location": {"source": {"display_name": "Biometrics", "issn_l": "0006-341X", "issn": ["0006-341X", "1541-0420"]}}, "#
            + #""primary_topic": {"display_name": "Species Distribution Modeling", "subfield": {"id": "https://openalex.org/subfields/2303", "display_name": "Ecology"}, "field": {"id": "https://openalex.org/fields/23", "display_name": "Environmental Science"}, "domain": {"id": "https://openalex.org/domains/3", "display_name": "Physical Sciences"}}, "#
            + #""topics": [{"display_name": "Species Distribution Modeling", "subfield": {"display_name": "Ecology"}, "field": {"display_name": "Environmental Science"}, "domain": {"display_name": "Physical Sciences"}}, {"display_name": "Survival Analysis", "subfield": {"display_name": "Statistics and Probability"}, "field": {"display_name": "Mathematics"}, "domain": {"display_name": "Physical Sciences"}}], "#
            + #""concepts": [{"display_name": "Statistics", "level": 1}, {"display_name": "Biology", "level": 0}, {"display_name": "Mathematics", "level": 0}], "referenced_works": []}"#
        let r = try read("works.jsonl", line + "\n" + line.replacingOccurrences(of: "W9", with: "W10") + "\n")
        #expect(r.fields.openAlexTopics.map(\.subfield) == ["Ecology", "Statistics and Probability"])
        #expect(r.fields.openAlexTopics.map(\.field) == ["Environmental Science", "Mathematics"])
        #expect(r.fields.openAlexTopics.first?.domain == "Physical Sciences")
        #expect(r.fields.openAlexConcepts == ["Biology", "Mathematics"])
        #expect(r.fields.issns == ["0006341X", "15410420"])
    }

    @Test func crossrefISSNsAndSubjects() throws {
        let r = try read("work.json", #"{"status": "ok", "message-type": "work", "message": {"DOI": "10.1234/x", "title": ["T"], "type": "journal-article", "ISSN": ["0006-341X", "1541-0420"], "issn-type": [{"value": "0006-341X", "type": "print"}], "subject": ["Statistics and Probability", "General Medicine"], "container-title-short": ["Biometrics"]}}"#)
        #expect(r.format == .crossref)
        #expect(r.fields.issns == ["0006341X", "15410420"])
        #expect(r.fields.subjects == ["Statistics and Probability", "General Medicine"])
        #expect(r.fields.venueNames == ["Biometrics"])
    }

    @Test func cslJSONISSN() throws {
        let r = try read("items.json", #"[{"id": "a", "type": "article-journal", "title": "T", "container-title": "Biometrics", "ISSN": "0006-341X"}]"#)
        #expect(r.format == .cslJSON)
        #expect(r.fields.issns == ["0006341X"])
    }

    @Test func risSerialNumberAndAbbreviation() throws {
        let r = try read("x.ris", "TY  - JOUR\nTI  - T\nJO  - Biometrics\nJ2  - Biometrics\nSN  - 0006-341X\nPY  - 2001\nER  - \n")
        #expect(r.format == .ris)
        #expect(r.fields.issns == ["0006341X"])
        #expect(r.fields.venueNames == ["Biometrics"])
    }

    @Test func lensISSNsAndMeSH() throws {
        let r = try read("lens.csv", #""Lens ID","Title","Publication Year","Source Title","ISSNs","MeSH Terms","References""# + "\n"
                         + #""000-1","T","2001","Biometrics","0006341x; 15410420","Animals; Population Density","""# + "\n")
        #expect(r.format == .lens)
        #expect(r.fields.issns == ["0006341X", "15410420"])
        #expect(r.fields.mesh == ["Animals", "Population Density"])
    }

    @Test func medlineISSNMeSHAndAbbreviation() throws {
        let r = try read("x.medline", "PMID- 1\nIS  - 0006-341X (Print)\nIS  - 0006-341X (Linking)\nTI  - T\nDP  - 2001\nTA  - Biometrics\nJT  - Biometrics\nMH  - Animals\nMH  - *Models, Statistical\n\n")
        #expect(r.format == .medline)
        #expect(r.fields.issns == ["0006341X"])
        #expect(r.fields.mesh == ["Animals", "*Models, Statistical"])
        #expect(r.fields.venueNames == ["Biometrics"])
    }

    /// PROVENANCE of corpora/dse-citan: "`WC` on all 146" records of wos.txt.
    @Test(.enabled(if: SharedData.path("corpora/dse-citan/wos.txt") != nil, "needs ../shared/data/corpora/dse-citan"))
    func realWoSExportHasCategoriesOnEveryRecord() throws {
        let path = try #require(SharedData.path("corpora/dse-citan/wos.txt"))
        let result = try WoSPlainText.read(path: path)
        #expect(result.records.count == 146)
        #expect(result.records.filter { !$0.fields.wosCategories.isEmpty }.count == 146)
    }

    @Test func issnNormalisation() {
        #expect(ISSN.normalised("0022-541x") == "0022541X")
        #expect(ISSN.normalised("0022 541X") == "0022541X")
        #expect(ISSN.normalised("0022-54") == nil)
        #expect(ISSN.normalised("X022-5410") == nil)
        #expect(ISSN.normalised("978-3-16-148410-0") == nil)
        #expect(ISSN.display("0022541X") == "0022-541X")
    }
}
