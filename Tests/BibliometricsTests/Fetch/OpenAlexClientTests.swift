import Foundation
import Testing
@testable import Bibliometrics
import TestSupport

@Suite("OpenAlex client: cache, retries, rate limit")
struct OpenAlexClientTests {
    static let work = Data(#"{"id":"https://openalex.org/W1","title":"T","referenced_works":[]}"#.utf8)

    @Test func sha256MatchesTheFIPSExamples() {
        // FIPS 180-4 examples (NIST CSRC "Examples with intermediate values").
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func backoffScheduleIsExponentialWithSeededJitter() {
        let policy = RetryPolicy(maxRetries: 4, base: 1, maxDelay: 60, jitter: 0.5, seed: 7)
        // Hand rule: delay_k = 2^k · (1 + 0.5·u_k), u_k = (SplitMix64(7) output k >> 11) / 2^53.
        var rng = SplitMix64(seed: 7)
        let expected = (0..<4).map { k -> Double in
            let u = Double(rng.next() >> 11) / Double(UInt64(1) << 53)
            return pow(2, Double(k)) * (1 + 0.5 * u)
        }
        let schedule = policy.schedule()
        #expect(schedule == expected)
        #expect(schedule == policy.schedule())
        for (k, d) in schedule.enumerated() { #expect(d >= pow(2, Double(k)) && d < 1.5 * pow(2, Double(k))) }
        #expect(RetryPolicy(maxRetries: 4, base: 1, maxDelay: 60, jitter: 0.5, seed: 8).schedule() != schedule)
        // Capped at maxDelay.
        #expect(RetryPolicy(maxRetries: 10, base: 1, maxDelay: 5, jitter: 0.5, seed: 7).schedule().allSatisfy { $0 <= 5 })
    }

    @Test func retryAfterIsReadAsSecondsOrHTTPDate() throws {
        #expect(RetryPolicy.retryAfterSeconds("3") == 3)
        #expect(RetryPolicy.retryAfterSeconds(nil) == nil)
        #expect(RetryPolicy.retryAfterSeconds("soon") == nil)
        let now = try #require(ISO8601DateFormatter().date(from: "2015-10-21T07:28:00Z"))
        #expect(RetryPolicy.retryAfterSeconds("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
    }

    @Test func a429WithRetryAfterIsRetriedAfterThatDelay() throws {
        let transport = FakeTransport { _, n in
            n == 0 ? HTTPResponse(status: 429, headers: ["Retry-After": "2"]) : HTTPResponse(status: 200, body: Self.work)
        }
        let recorder = SleepRecorder()
        let client = FetchFixtures.client(transport, cache: nil, recorder: recorder)
        let o = try client.get(path: "/works/W1")
        #expect((o?["title"] as? String) == "T")
        #expect(client.requests == 2 && client.retries == 1)
        #expect(recorder.delays == [2])
    }

    @Test func a500IsRetriedWithTheSeededBackoffThenFails() throws {
        let transport = FakeTransport { _, _ in HTTPResponse(status: 503, body: Data("busy".utf8)) }
        let recorder = SleepRecorder()
        let client = FetchFixtures.client(transport, cache: nil, maxRetries: 3, recorder: recorder)
        #expect(throws: FetchError.http(url: "http://127.0.0.1:9/works/W1?mailto=test%40example.org", status: 503, body: "busy")) {
            try client.get(path: "/works/W1")
        }
        #expect(client.requests == 4)
        #expect(recorder.delays == RetryPolicy(maxRetries: 3, base: 0.01, maxDelay: 5, jitter: 0.5, seed: 42).schedule())
    }

    @Test func malformedJSONNamesTheURLAndIsNotRetriedOrCached() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("oa-cache-\(UUID().uuidString)").path
        let transport = FakeTransport { _, _ in HTTPResponse(status: 200, body: Data("{\"id\": ".utf8)) }
        let client = FetchFixtures.client(transport, cache: cache)
        do {
            _ = try client.get(path: "/works", query: [("filter", "doi:10.1/x|10.2/y")])
            Issue.record("expected an error")
        } catch let e as FetchError {
            guard case .malformed(let url, _) = e else { Issue.record("\(e)"); return }
            #expect(url == "http://127.0.0.1:9/works?filter=doi:10.1/x%7C10.2/y&mailto=test%40example.org")
            #expect(e.description.contains(url))
        }
        #expect(client.requests == 1)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).isEmpty)
    }

    @Test func cacheHitsMakeNoRequestsAndOfflineReportsMisses() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("oa-cache-\(UUID().uuidString)").path
        let transport = FakeTransport { url, _ in
            url.path.hasSuffix("W404") ? HTTPResponse(status: 404) : HTTPResponse(status: 200, body: Self.work)
        }
        let first = FetchFixtures.client(transport, cache: cache)
        #expect(try first.get(path: "/works/W1") != nil)
        #expect(try first.get(path: "/works/W404") == nil)
        #expect(first.requests == 2 && first.cacheHits == 0)
        // The key leaves mailto out: a client with another address still hits.
        let second = OpenAlexClient(options: OpenAlexClientOptions(mailto: "other@example.org", offline: true), transport: transport,
                                    cache: OpenAlexCache(folder: cache))
        #expect((try second.get(path: "/works/W1"))?["title"] as? String == "T")
        #expect(try second.get(path: "/works/W404") == nil)
        #expect(second.requests == 0 && second.cacheHits == 2)
        #expect(throws: FetchError.notCached(url: "https://api.openalex.org/works/W2?mailto=other%40example.org")) {
            try second.get(path: "/works/W2")
        }
        #expect(transport.urls.count == 2)
        #expect(transport.urls.allSatisfy { $0.hasPrefix("http://127.0.0.1:9/") })
    }

    @Test func requestBudgetStopsTheClient() throws {
        let transport = FakeTransport { _, _ in HTTPResponse(status: 200, body: Self.work) }
        let client = FetchFixtures.client(transport, cache: nil, maxRequests: 1)
        _ = try client.get(path: "/works/W1")
        #expect(throws: FetchError.budgetExhausted(url: "http://127.0.0.1:9/works/W2?mailto=test%40example.org", limit: 1)) {
            try client.get(path: "/works/W2")
        }
    }

    @Test func rateLimiterSpacesRequests() {
        // Loose: 6 slots at 20/s need at least 5 gaps of 50 ms.
        var limiter = RateLimiter(rate: 20)
        let start = Date()
        for _ in 0..<6 { limiter.wait() }
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed >= 0.25 * 0.9)
        #expect(elapsed < 5)
    }

    @Test func politeHeadersAndMailtoAreSent() throws {
        let server = try LocalHTTPServer(maxRequests: 5, lifetime: 10) { _ in .json(200, Self.work) }
        defer { server.stop() }
        let client = FetchFixtures.client(URLSessionTransport(), cache: nil, baseURL: server.baseURL)
        _ = try client.get(path: "/works/W1")
        let r = try #require(server.requests.first)
        #expect(r.query["mailto"] == "test@example.org")
        #expect(r.headers["user-agent"]?.hasPrefix("Siloscope/") == true)
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let server = try LocalHTTPServer(maxRequests: 5, lifetime: 10) { _ in .hang }
        defer { server.stop() }
        let client = FetchFixtures.client(URLSessionTransport(), cache: nil, maxRetries: 1, timeout: 0.5, baseURL: server.baseURL)
        let start = Date()
        #expect(throws: FetchError.timeout(url: server.baseURL + "/works/W1?mailto=test%40example.org")) {
            try client.get(path: "/works/W1")
        }
        #expect(client.requests == 2 && client.retries == 1)
        #expect(Date().timeIntervalSince(start) < 4)
    }
}
