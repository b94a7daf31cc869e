import Foundation
import Testing
@testable import Bibliometrics
import NetworkCore
import TestSupport

@Suite("fetch --openalex stores fields, against a local server serving real OpenAlex records",
       .enabled(if: SharedData.path(OpenAlexFixture.relativePath) != nil, "needs ../shared/data/formats/openalex-json"))
struct OpenAlexFetcherFieldsTests {
    static let fixture = OpenAlexFixture.load()

    /// The four works of ``FetchFixtures/realWorks`` as an import at level openalex-concept
    /// would write them (no field yet), with literatures.csv and `group: literature`. The real
    /// records are 2022 schema: level-0 concepts, no topics. Expected, read from the fixture
    /// by hand here: each downloaded work's `concepts` = its level-0 concepts in file order,
    /// `category` the first of them, `field_source` openalex; literatures.csv gains each new category.
    @Test func fetchedWorksGetTheirConceptsAndALiterature() throws {
        let fixture = try #require(Self.fixture)
        let header = "id,label,year,title,doi,first_author,categories,category,field_source,field_key,field_level"
        let rows = FetchFixtures.realWorks.split(separator: "\n").dropFirst().map { String($0) + ",,,,,openalex-concept" }
        let folder = try FetchFixtures.dataset(
            works: ([header] + rows).joined(separator: "\n") + "\n",
            extraManifest: "mappings:\n  - file: literatures.csv\n    from: category\n    key: category\n    value: literature\n    as: literature\ngroup: literature\n",
            files: ["literatures.csv": "category,literature,works,note\nMedicine,Health,0,analyst's choice\n"])
        let server = try LocalHTTPServer(maxRequests: 200, lifetime: 30) { fixture.respond($0) }
        defer { server.stop() }
        let client = FetchFixtures.client(URLSessionTransport(), cache: folder + "/.cache/openalex", maxRetries: 2, baseURL: server.baseURL)
        let s = try OpenAlexFetcher(client: client).run(datasetFolder: folder)
        #expect(s.complete && s.written, "\(s.errors)")

        let d = try Dataset.load(folder: folder)
        let concepts = d.workAttributes["concepts"] ?? []
        let category = d.workAttributes["category"] ?? []
        let source = d.workAttributes["field_source"] ?? []
        let literature = d.workAttributes["literature"] ?? []
        func level0(_ id: String) -> [String] {
            ((fixture.work(id)?["concepts"] as? [[String: Any]]) ?? [])
                .filter { ($0["level"] as? Int) == 0 }.compactMap { $0["display_name"] as? String }
        }
        var checked = 0
        for (i, id) in d.workIDs.enumerated() {
            let resolved = ["zenodo2021": "W3214045118", "burger2020": "W2082173067"]
            guard let oa = id.hasPrefix("W") ? id : resolved[id], fixture.work(oa) != nil else { continue }
            let expected = level0(oa)
            guard !expected.isEmpty else { continue }
            #expect(concepts[i] == expected.joined(separator: "; "), "\(id)")
            #expect(category[i] == expected[0], "\(id)")
            #expect(source[i] == "openalex")
            checked += 1
        }
        // The two resolved works; the 147 added ones are absent from the file (no metadata).
        #expect(checked == 2)
        // Both have the single level-0 concept "Computer science" (the fixture): the
        // analyst's row is kept and one row is added for the new category.
        let z = try #require(d.workIDs.firstIndex(of: "zenodo2021"))
        #expect(level0("W3214045118") == ["Computer science"] && level0("W2082173067") == ["Computer science"])
        #expect(literature[z] == "Computer science")
        let lit = try String(contentsOfFile: folder + "/literatures.csv", encoding: .utf8)
        #expect(lit == "category,literature,works,note\nMedicine,Health,0,analyst's choice\nComputer science,Computer science,,added by siloscope fetch --openalex\n")
        // Every category used has a literature row: the mapping leaves nothing unmapped.
        #expect(d.mappings.first?.unmapped == 0)
    }
}
