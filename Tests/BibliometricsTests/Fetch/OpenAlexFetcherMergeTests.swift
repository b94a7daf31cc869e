import Foundation
import Testing
@testable import Bibliometrics
import NetworkCore
import TestSupport

@Suite("OpenAlex fetch: merging with works and arcs already present")
struct OpenAlexFetcherMergeTests {
    static func work(_ id: String, title: String, year: Int, author: String, refs: [String]) -> [String: Any] {
        ["id": "https://openalex.org/" + id, "title": title, "publication_year": year,
         "authorships": [["author": ["display_name": author]]], "referenced_works": refs.map { "https://openalex.org/" + $0 }]
    }

    static func page(_ results: [[String: Any]], next: String?) -> Data {
        (try? JSONSerialization.data(withJSONObject: ["meta": ["count": results.count, "next_cursor": next.map { $0 as Any } ?? NSNull()], "results": results],
                                     options: [.sortedKeys])) ?? Data()
    }

    /// Hand-made records (not data): X = W1 cites W9; W9 is the dataset's work Y by first
    /// author, year and title (no identifier); W5 and W6 cite W1 on two cursor pages; W6
    /// also cites W9.
    @Test func keyMatchedRecordsReuseTheWorkAndCursorPagesAreFollowed() throws {
        let folder = try FetchFixtures.dataset(works: """
            id,label,year,title,doi,first_author,openalex,fetched
            x,X 2015,2015,The citing paper,,Roe R,W1,
            y,Doe 2010,2010,Some shared title of a paper,,Doe J,,manual

            """)
        let transport = FakeTransport { url, _ in
            let q = url.query?.removingPercentEncoding ?? ""
            if q.contains("filter=openalex_id:W1&") {
                return HTTPResponse(status: 200, body: Self.page([Self.work("W1", title: "The citing paper", year: 2015, author: "Rita Roe", refs: ["W9"])], next: nil))
            }
            if q.contains("filter=openalex_id:W9&") {
                return HTTPResponse(status: 200, body: Self.page([Self.work("W9", title: "Some shared title of a paper", year: 2010, author: "Jane Doe", refs: [])], next: nil))
            }
            if q.contains("filter=cites:W1&") && q.contains("cursor=*") {
                return HTTPResponse(status: 200, body: Self.page([Self.work("W5", title: "Fifth", year: 2020, author: "A Five", refs: ["W1"])], next: "c2"))
            }
            if q.contains("filter=cites:W1&") && q.contains("cursor=c2") {
                return HTTPResponse(status: 200, body: Self.page([Self.work("W6", title: "Sixth", year: 2021, author: "B Six", refs: ["W1", "W9"])], next: nil))
            }
            return HTTPResponse(status: 404)
        }
        let client = FetchFixtures.client(transport, cache: nil)
        let s = try OpenAlexFetcher(client: client).run(datasetFolder: folder)
        #expect(s.written, "\(s.errors)")
        #expect(s.works == 1 && s.resolved.byOpenAlexID == 1)
        #expect(s.matchedExisting == 1)            // W9 is y
        #expect(s.worksAdded == 2)                 // W5, W6
        #expect(s.citingWorks == 2)
        #expect(s.arcsAdded == 4)                  // x→y, W5→x, W6→x, W6→y
        #expect(s.requests == 4)                   // W1, W9, two cursor pages
        let d = try Dataset.load(folder: folder)
        #expect(d.workIDs == ["x", "y", "W5", "W6"])
        let arcs = Set(d.layers.flatMap(\.arcs).map { "\($0.from)>\($0.to)" })
        #expect(arcs == ["x>y", "W5>x", "W6>x", "W6>y"])
    }

    /// A DOI holding `,` (which the filter syntax reserves) is asked for alone, by path.
    @Test func aDOIWithACommaIsResolvedByPath() throws {
        let folder = try FetchFixtures.dataset(works: """
            id,label,year,title,doi
            c,C 1998,1998,Comma paper,"10.1002/(sici)1097-4571(199806)49:8<693,aid>3.0.co;2-o"

            """)
        let transport = FakeTransport { url, _ in
            if url.path.hasPrefix("/works/doi:") {
                return HTTPResponse(status: 200, body: (try? JSONSerialization.data(withJSONObject: [
                    "id": "https://openalex.org/W77", "doi": "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693,AID>3.0.CO;2-O",
                    "title": "Comma paper", "publication_year": 1998, "referenced_works": [String]()])) ?? Data())
            }
            return HTTPResponse(status: 200, body: Self.page([], next: nil))
        }
        let client = FetchFixtures.client(transport, cache: nil)
        let s = try OpenAlexFetcher(client: client).run(datasetFolder: folder)
        #expect(s.written && s.resolved.byDOI == 1, "\(s.errors)")
        #expect(transport.urls.first == "http://127.0.0.1:9/works/doi:10.1002/%28sici%291097-4571%28199806%2949:8%3C693,aid%3E3.0.co%3B2-o?mailto=test%40example.org")
    }

    @Test(.enabled(if: SharedData.path(OpenAlexFixture.relativePath) != nil, "needs ../shared/data/formats/openalex-json"))
    func fetchingAnImportedOpenAlexDatasetAddsNoDuplicate() throws {
        // Import the real works file (410 works, 2478 references), then fetch from a server
        // serving the same file: every reference is already an arc, every work already there.
        let path = try #require(SharedData.path(OpenAlexFixture.relativePath))
        let fixture = try #require(OpenAlexFixture.load())
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-fetch-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("imported").path
        try Importer().run(files: [path], format: nil, outputFolder: folder)
        let before = try Dataset.load(folder: folder)
        let arcsBefore = before.layers.filter { $0.kind == .citation }.flatMap(\.arcs)
        let server = try LocalHTTPServer(maxRequests: 400, lifetime: 60) { fixture.respond($0) }
        defer { server.stop() }
        let client = FetchFixtures.client(URLSessionTransport(), cache: folder + "/.cache/openalex", baseURL: server.baseURL)
        let s = try OpenAlexFetcher(client: client).run(datasetFolder: folder)
        #expect(s.written, "\(s.errors)")
        #expect(s.works == before.workIDs.count)
        #expect(s.resolved.byOpenAlexID == before.workIDs.count)
        #expect(s.worksAdded == 0)
        #expect(s.arcsAdded == 0)
        #expect(s.arcsAlreadyPresent == arcsBefore.count)
        // Every work is asked for once: ⌈works/50⌉ id batches, none again as a reference,
        // and ⌈works/50⌉ cites batches of one page each (at most 20 citing works per batch).
        let batches = (before.workIDs.count + 49) / 50
        #expect(s.requests == 2 * batches)
        let after = try Dataset.load(folder: folder)
        #expect(after.workIDs == before.workIDs)
        #expect(after.layers.flatMap(\.arcs).count == arcsBefore.count)
    }
}
