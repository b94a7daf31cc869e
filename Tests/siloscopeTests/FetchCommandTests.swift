import Foundation
import Testing
import TestSupport

@Suite("fetch command against a local OpenAlex stand-in on 127.0.0.1",
       .enabled(if: CLI.binary != nil && SharedData.path(OpenAlexFixture.relativePath) != nil,
                "needs the built executable and ../shared/data/formats/openalex-json"))
struct FetchCommandTests {
    /// A dataset over the real OpenAlex works file: one work by DOI (W3214045118, 19
    /// references), one by title and year (W2082173067, 129 references), one on no server,
    /// and W120141331 (W3214045118's first reference) by its id.
    func dataset() throws -> (root: URL, folder: String) {
        let root = try CLI.temporaryFolder()
        let folder = root.appendingPathComponent("oa")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        name: oa
        title: Fetch test
        source: works of the OpenAlex works file in ../shared/data/formats/openalex-json
        works:
          file: works.csv
          id: id
          label: label
          year: year
          doi: doi

        """.write(to: folder.appendingPathComponent("dataset.yml"), atomically: true, encoding: .utf8)
        try """
        id,label,year,title,doi,first_author
        zenodo2021,Zenodo 2021,2021,Securing Runtime Memory via MMU Manipulation,10.5281/zenodo.5834070,
        burger2020,Burger 2020,2020,Flexible Views for View-based Model-driven Development,,Burger E
        nowhere2020,Nowhere 2020,2020,A title that is on no server at all,,
        W120141331,W120141331,,,,

        """.write(to: folder.appendingPathComponent("works.csv"), atomically: true, encoding: .utf8)
        return (root, folder.path)
    }

    func server(_ wrap: (@Sendable (LocalHTTPRequest) -> LocalHTTPResponse?)? = nil) throws -> LocalHTTPServer {
        let fixture = try #require(OpenAlexFixture.load())
        return try LocalHTTPServer(maxRequests: 100, lifetime: 60) { r in wrap?(r) ?? fixture.respond(r) }
    }

    func summary(_ r: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "stdout: \(r.stdout) stderr: \(r.stderr)")
    }

    func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !f.hasPrefix(".") {
            out[f] = FileManager.default.contents(atPath: folder + "/" + f)
        }
        return out
    }

    @Test func fetchesThenReportsThenResumesFromTheCache() throws {
        let (root, folder) = try dataset()
        let s = try server()
        defer { s.stop() }
        let r = try CLI.run(["fetch", folder, "--openalex", "--base-url", s.baseURL, "--mailto", "test@example.org", "--rate", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try summary(r)
        #expect((j["resolved"] as? [String: Any])?["byDOI"] as? Int == 1)
        #expect((j["resolved"] as? [String: Any])?["byTitle"] as? Int == 1)
        #expect((j["resolved"] as? [String: Any])?["byOpenAlexID"] as? Int == 1)
        #expect(j["unresolved"] as? Int == 1)
        #expect(j["worksAdded"] as? Int == 147)
        #expect(j["arcsAdded"] as? Int == 148)
        #expect(j["requests"] as? Int == 8)
        #expect(j["cacheHits"] as? Int == 0)
        #expect(j["written"] as? Bool == true)
        #expect(r.stderr.contains("siloscope: resolving"))
        #expect(s.requests.allSatisfy { $0.query["mailto"] == "test@example.org" && ($0.headers["user-agent"] ?? "").hasPrefix("Siloscope/") })
        let manifest = try String(contentsOfFile: folder + "/dataset.yml", encoding: .utf8)
        #expect(manifest.contains("kind: citation") && manifest.contains("file: citations.csv"))
        #expect(FileManager.default.fileExists(atPath: folder + "/.cache/openalex"))

        let report = try CLI.run(["report", folder, "--out", root.appendingPathComponent("Reports").path])
        #expect(report.status == 0, "\(report.stderr)")

        let before = snapshot(folder)
        let again = try CLI.run(["fetch", folder, "--openalex", "--base-url", s.baseURL, "--rate", "0"])
        #expect(again.status == 0, "\(again.stderr)")
        let k = try summary(again)
        #expect(k["requests"] as? Int == 0 && k["cacheHits"] as? Int == 8)
        #expect(k["worksAdded"] as? Int == 0 && k["arcsAdded"] as? Int == 0)
        #expect(snapshot(folder) == before)
        // Offline from the full cache works too.
        let offline = try CLI.run(["fetch", folder, "--openalex", "--offline"])
        #expect(offline.status == 0, "\(offline.stderr)")
    }

    @Test func offlineWithAnEmptyCacheExitsThreeAndChangesNothing() throws {
        let (_, folder) = try dataset()
        let before = snapshot(folder)
        let r = try CLI.run(["fetch", folder, "--openalex", "--offline"])
        #expect(r.status == 3)
        let j = try summary(r)
        #expect(j["missing"] as? Int == 6)
        #expect(j["written"] as? Bool == false && j["complete"] as? Bool == false)
        #expect((j["errors"] as? [String])?.first?.contains("https://api.openalex.org/works?filter=openalex_id:W120141331") == true)
        #expect(snapshot(folder) == before)
    }

    @Test func honoursRetryAfterAndSurvivesA500() throws {
        let (_, folder) = try dataset()
        let count = CLICounter()
        let s = try server { _ in
            switch count.next() {
            case 0: return .json(429, Data(#"{"error":"slow down"}"#.utf8), headers: ["Retry-After": "1"])
            case 1: return .json(500, Data("{}".utf8))
            default: return nil
            }
        }
        defer { s.stop() }
        let start = Date()
        let r = try CLI.run(["fetch", folder, "--openalex", "--base-url", s.baseURL, "--rate", "0", "--backoff", "0.01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Date().timeIntervalSince(start) >= 1)
        let j = try summary(r)
        #expect(j["retries"] as? Int == 2 && j["requests"] as? Int == 10)
        #expect(r.stderr.contains("HTTP 429"))
    }

    @Test func malformedJSONAndTimeoutsFailCleanly() throws {
        let (_, folder) = try dataset()
        let before = snapshot(folder)
        let bad = try server { r in r.query["filter"]?.hasPrefix("doi:") == true ? .json(200, Data("not json".utf8)) : nil }
        let r = try CLI.run(["fetch", folder, "--openalex", "--base-url", bad.baseURL, "--rate", "0"])
        bad.stop()
        #expect(r.status == 3)
        #expect(((try summary(r))["errors"] as? [String])?.contains { $0.contains(bad.baseURL + "/works?filter=doi:10.5281/zenodo.5834070") && $0.contains("malformed") } == true)
        #expect(snapshot(folder) == before)

        // A fresh cache: the run above cached every answer but the malformed one.
        let hang = try server { r in r.query["filter"]?.hasPrefix("cites:") == true ? .hang : nil }
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("oa-cache-\(UUID().uuidString)").path
        let t = try CLI.run(["fetch", folder, "--cache", fresh, "--openalex", "--base-url", hang.baseURL, "--rate", "0", "--timeout", "0.5", "--retries", "1", "--backoff", "0.01"])
        hang.stop()
        #expect(t.status == 3)
        #expect(((try summary(t))["errors"] as? [String])?.contains { $0.contains("no answer within the timeout") && $0.contains("filter=cites:") } == true)
        #expect(snapshot(folder) == before)
    }

    @Test func aRequestBudgetStopsTheRunAndTheRerunResumesAtTheDefaultRate() throws {
        let (_, folder) = try dataset()
        let before = snapshot(folder)
        let s = try server()
        defer { s.stop() }
        let r = try CLI.run(["fetch", folder, "--openalex", "--base-url", s.baseURL, "--rate", "0", "--max-requests", "2"])
        #expect(r.status == 3)
        let j = try summary(r)
        #expect(j["requests"] as? Int == 2 && j["written"] as? Bool == false)
        #expect((j["errors"] as? [String])?.first?.contains("--max-requests 2 reached") == true)
        #expect(snapshot(folder) == before)
        // The rerun asks only for what the first did not get, at most 10 per second by default.
        let start = Date()
        let again = try CLI.run(["fetch", folder, "--openalex", "--base-url", s.baseURL])
        let elapsed = Date().timeIntervalSince(start)
        #expect(again.status == 0, "\(again.stderr)")
        let k = try summary(again)
        #expect(k["requests"] as? Int == 6 && k["cacheHits"] as? Int == 2)
        #expect(k["worksAdded"] as? Int == 147 && k["arcsAdded"] as? Int == 148)
        #expect(elapsed >= 0.5 * 0.9)   // six requests, five gaps of ≥ 100 ms
        #expect(s.requests.count == 8)
    }

    @Test func badArgumentsAreRefused() throws {
        let (_, folder) = try dataset()
        #expect(try CLI.run(["fetch", folder]).status != 0)
        let r = try CLI.run(["fetch", folder, "--openalex", "--base-url", "ftp://127.0.0.1/"])
        #expect(r.status != 0 && r.stderr.contains("--base-url"))
        let missing = try CLI.run(["fetch", folder + "-nope", "--openalex", "--offline"])
        #expect(missing.status != 0 && missing.stderr.contains("dataset.yml"))
    }
}

final class CLICounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int { lock.lock(); defer { n += 1; lock.unlock() }; return n }
}
