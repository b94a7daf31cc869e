import Foundation
import Testing
@testable import Bibliometrics
import NetworkCore
import TestSupport

@Suite("OpenAlex fetch against a local server serving real OpenAlex records",
       .enabled(if: SharedData.path(OpenAlexFixture.relativePath) != nil, "needs ../shared/data/formats/openalex-json"))
struct OpenAlexFetcherTests {
    static let fixture = OpenAlexFixture.load()

    func serve(_ wrap: (@Sendable (LocalHTTPRequest, OpenAlexFixture) -> LocalHTTPResponse?)? = nil) throws -> LocalHTTPServer {
        let fixture = try #require(Self.fixture)
        return try LocalHTTPServer(maxRequests: 200, lifetime: 30) { r in wrap?(r, fixture) ?? fixture.respond(r) }
    }

    func fetch(_ folder: String, server: LocalHTTPServer, offline: Bool = false, maxRetries: Int = 2) throws -> FetchSummary {
        let client = FetchFixtures.client(URLSessionTransport(), cache: folder + "/.cache/openalex", offline: offline,
                                          maxRetries: maxRetries, baseURL: server.baseURL)
        return try OpenAlexFetcher(client: client).run(datasetFolder: folder)
    }

    @Test func resolvesDownloadsAndAddsWorksAndArcsOnce() throws {
        let fixture = try #require(Self.fixture)
        let folder = try FetchFixtures.dataset(works: FetchFixtures.realWorks)
        let server = try serve()
        defer { server.stop() }
        let s = try fetch(folder, server: server)
        #expect(s.complete && s.written, "\(s.errors)")
        // Hand count from the file: W3214045118 has 19 references, W2082173067 129, no
        // reference shared and none in the file; W120141331 is the first reference of
        // W3214045118; the only work of the file citing any of the three is W3214045118.
        let a = try #require(fixture.work("W3214045118")), b = try #require(fixture.work("W2082173067"))
        #expect(fixture.references(a).count == 19 && fixture.references(b).count == 129)
        #expect(fixture.references(a).first == "W120141331")
        #expect(s.works == 4)
        #expect(s.resolved == FetchSummary.Resolved(total: 3, byOpenAlexID: 1, byDOI: 1, byTitle: 1))
        #expect(s.unresolved == 1)
        #expect(s.referencedWorks == 148)
        #expect(s.citingWorks == 1)
        #expect(s.metadataMissing == 147)   // 148 references, one of them the dataset's W120141331
        #expect(s.worksAdded == 147)
        #expect(s.arcsAdded == 148)         // 19 from W3214045118 (one to W120141331) + 129
        // 1 id batch + 1 DOI batch + 2 title searches + ⌈148/50⌉ = 3 reference batches + 1 cites page.
        #expect(s.requests == 8)
        #expect(s.cacheHits == 0)

        let d = try Dataset.load(folder: folder)
        #expect(d.workIDs.count == 4 + 147)
        #expect(Set(d.workIDs).count == d.workIDs.count)
        let arcs = d.layers.filter { $0.kind == .citation }.flatMap(\.arcs)
        #expect(arcs.count == 148)
        #expect(Set(arcs.map { $0.from + ">" + $0.to }).count == 148)
        #expect(arcs.contains { $0.from == "zenodo2021" && $0.to == "W120141331" && $0.source == "OpenAlex W3214045118 referenced_works" })
        #expect(arcs.filter { $0.from == "burger2020" }.count == 129)
        let log = try String(contentsOfFile: folder + "/openalex-fetch.csv", encoding: .utf8)
        #expect(log.contains("zenodo2021,doi,W3214045118"))
        #expect(log.contains("burger2020,title,W2082173067,1.000"))
        #expect(log.contains("nowhere2020,unresolved"))
        let row = try #require(try String(contentsOfFile: folder + "/works.csv", encoding: .utf8).split(separator: "\n").dropFirst().first { $0.contains(",openalex,") })
        #expect(row.contains("OpenAlex W") && row.contains("https://openalex.org/W"))

        // Second run: every answer from the cache, nothing new.
        let before = FetchFixtures.contents(folder)
        let again = try fetch(folder, server: server)
        #expect(again.requests == 0)
        #expect(again.cacheHits == 8)
        #expect(again.worksAdded == 0 && again.arcsAdded == 0 && again.arcsAlreadyPresent == 148)
        #expect(FetchFixtures.contents(folder) == before)
        #expect(server.requests.count == 8)
    }

    @Test func recordsMatchingExistingWorksAreNotAddedAgain() throws {
        // W2082173067 is already a work (by DOI-less title + author + year, id 'burger'),
        // and W3214045118 is resolved by id: its citing search finds nothing new, but the
        // dataset's own copy of a referenced record must be reused. Here the dataset lists
        // W3214045118 twice-removed: by id, and a second row with its DOI marked fetched.
        let folder = try FetchFixtures.dataset(works: """
            id,label,year,title,doi,first_author,fetched
            W3214045118,Zenodo 2021,2021,,,,
            copy,Copy 2021,2021,Securing Runtime Memory via MMU Manipulation,10.5281/zenodo.5834070,,earlier
            W120141331,W120141331,,,,,

            """)
        let server = try serve()
        defer { server.stop() }
        let s = try fetch(folder, server: server)
        #expect(s.works == 2)                    // the row marked fetched is not expanded
        #expect(s.resolved.byOpenAlexID == 2)
        #expect(s.worksAdded == 18)              // 19 references, one of them W120141331
        #expect(s.arcsAdded == 19)
        let d = try Dataset.load(folder: folder)
        #expect(d.workIDs.filter { $0.hasPrefix("W3214045118") }.count == 1)
    }

    @Test func aFailingServerLeavesTheDatasetIntactAndTheRerunResumes() throws {
        let folder = try FetchFixtures.dataset(works: FetchFixtures.realWorks)
        let before = FetchFixtures.contents(folder)
        let failing = try serve { r, _ in r.query["filter"]?.hasPrefix("cites:") == true ? .json(500, Data("{}".utf8)) : nil }
        let s = try fetch(folder, server: failing, maxRetries: 1)
        failing.stop()
        #expect(!s.complete && !s.written)
        #expect(s.errorCount == 1)
        #expect(s.errors.first?.contains("HTTP 500") == true)
        #expect(s.errors.first?.contains("filter=cites:") == true)
        #expect(FetchFixtures.contents(folder) == before)
        // Rerun against a healthy server: only the failed request goes out.
        let healthy = try serve()
        defer { healthy.stop() }
        let t = try fetch(folder, server: healthy)
        #expect(t.written && t.requests == 1 && t.cacheHits == 7)
        #expect(t.arcsAdded == 148)
    }

    @Test func retriesA429AndA500FromTheServer() throws {
        let folder = try FetchFixtures.dataset(works: FetchFixtures.realWorks)
        let counter = Counter()
        let server = try serve { r, _ in
            switch counter.next() {
            case 0: return .json(429, Data("{}".utf8), headers: ["Retry-After": "0"])
            case 1: return .json(500, Data("{}".utf8))
            default: return nil
            }
        }
        defer { server.stop() }
        let s = try fetch(folder, server: server)
        #expect(s.written && s.retries == 2 && s.requests == 10)
    }

    @Test func malformedJSONIsAnErrorNamingTheURL() throws {
        let folder = try FetchFixtures.dataset(works: FetchFixtures.realWorks)
        let before = FetchFixtures.contents(folder)
        let server = try serve { r, _ in r.query["filter"]?.hasPrefix("doi:") == true ? .json(200, Data("{\"results\": [".utf8)) : nil }
        defer { server.stop() }
        let s = try fetch(folder, server: server)
        #expect(!s.written)
        let e = try #require(s.errors.first)
        #expect(e.contains(server.baseURL + "/works?filter=doi:10.5281/zenodo.5834070"))
        #expect(e.contains("malformed"))
        #expect(FetchFixtures.contents(folder) == before)
    }

    @Test func offlineWithAnEmptyCacheReportsWhatIsMissing() throws {
        let folder = try FetchFixtures.dataset(works: FetchFixtures.realWorks)
        let before = FetchFixtures.contents(folder)
        let server = try serve()
        defer { server.stop() }
        let s = try fetch(folder, server: server, offline: true)
        #expect(!s.written && !s.complete && s.offline)
        // Without answers the fetch asks for the id batch, the DOI batch, three title
        // searches (the DOI's work too, its DOI unanswered) and the works citing
        // W120141331 (known by its id); no record, so no references to ask for.
        #expect(s.missing == 6, "\(s.errors)")
        #expect(s.errors.contains { $0.contains("/works?filter=cites:W120141331&per-page=200&cursor=*") && $0.contains("not in the cache") })
        #expect(s.requests == 0)
        #expect(server.requests.isEmpty)
        #expect(FetchFixtures.contents(folder) == before)
    }

    @Test func titleMatchRule() {
        func cand(_ id: String, _ title: String, _ year: Int, _ author: String? = nil) -> [String: Any] {
            var o: [String: Any] = ["id": "https://openalex.org/" + id, "title": title, "publication_year": year]
            if let author { o["authorships"] = [["author": ["display_name": author]]] }
            return o
        }
        let title = "Flexible Views for View-based Model-driven Development"
        // Same tokens (hyphens dropped, case folded): Dice 1.
        if case .success(let (o, d)) = OpenAlexFetcher.titleMatch(title: title, year: 2020, firstAuthor: "Burger E",
                                                                   candidates: [cand("W1", "Flexible views for view-based model-driven development", 2020, "Erik Burger")]) {
            #expect(OpenAlexFetcher.id(o) == "W1" && d == 1)
        } else { Issue.record("expected a match") }
        // Other year: refused. One word of seven missing: Dice 2·6/13 = 0.92 ≥ 0.9, accepted.
        #expect(throws: (any Error).self) { try OpenAlexFetcher.titleMatch(title: title, year: 2020, firstAuthor: nil, candidates: [cand("W1", title, 2019)]).get() }
        #expect((try? OpenAlexFetcher.titleMatch(title: title, year: 2020, firstAuthor: nil, candidates: [cand("W1", "Flexible Views for View-based Model-driven", 2020)]).get()) != nil)
        // Two words missing: Dice 2·5/12 = 0.83 < 0.9, refused.
        #expect((try? OpenAlexFetcher.titleMatch(title: title, year: 2020, firstAuthor: nil, candidates: [cand("W1", "Flexible Views for View-based", 2020)]).get()) == nil)
        // Two distinct works equally good: ambiguous. Different first author: refused.
        #expect((try? OpenAlexFetcher.titleMatch(title: title, year: 2020, firstAuthor: nil, candidates: [cand("W1", title, 2020), cand("W2", title, 2020)]).get()) == nil)
        #expect((try? OpenAlexFetcher.titleMatch(title: title, year: 2020, firstAuthor: "Smith J", candidates: [cand("W1", title, 2020, "Erik Burger")]).get()) == nil)
        // Short titles need a known, equal author.
        #expect((try? OpenAlexFetcher.titleMatch(title: "Introduction", year: 2020, firstAuthor: nil, candidates: [cand("W1", "Introduction", 2020)]).get()) == nil)
    }

    @Test func manifestGainsACitationLayerInBlockStyle() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).yml").path
        try "name: x\nlayers:\n  - kind: concept\n    file: c.csv\n# trailing comment\ngroup: g\n".write(toFile: dir, atomically: true, encoding: .utf8)
        let text = try ManifestEditing.addingCitationLayer(file: "citations.csv", to: dir)
        #expect(text == "name: x\nlayers:\n  - kind: concept\n    file: c.csv\n  - kind: citation\n    file: citations.csv\n    from: citing\n    to: cited\n# trailing comment\ngroup: g\n")
        try "name: x\nlayers: []\n".write(toFile: dir, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ManifestEditing.addingCitationLayer(file: "citations.csv", to: dir) }
    }
}

/// A thread-safe counter for servers that fail the first few requests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.lock(); defer { n += 1; lock.unlock() }; return n }
}
