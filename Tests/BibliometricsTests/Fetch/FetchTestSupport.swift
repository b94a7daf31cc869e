import Foundation
@testable import Bibliometrics
import TestSupport

/// An in-memory ``HTTPTransport``: answers from a routing closure and records every URL.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String] = []
    private let route: @Sendable (URL, Int) throws -> HTTPResponse

    /// `route(url, n)` gets the URL and how many requests came before it.
    init(_ route: @escaping @Sendable (URL, Int) throws -> HTTPResponse) { self.route = route }

    var urls: [String] { lock.lock(); defer { lock.unlock() }; return seen }

    func get(_ url: URL, headers: [String: String], timeout: TimeInterval) throws -> HTTPResponse {
        lock.lock()
        let n = seen.count
        seen.append(url.absoluteString)
        lock.unlock()
        return try route(url, n)
    }
}

/// Records waits instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Double] = []
    var delays: [Double] { lock.lock(); defer { lock.unlock() }; return list }
    func sleep(_ s: Double) { lock.lock(); list.append(s); lock.unlock() }
}

enum FetchFixtures {
    /// A temporary dataset folder `<tmp>/<name>` with `dataset.yml` and `works.csv`.
    static func dataset(name: String = "fetchtest", works: String, extraManifest: String = "", files: [String: String] = [:]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-fetch-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = """
        name: \(name)
        title: Fetch test
        source: test dataset over the real OpenAlex works file
        works:
          file: works.csv
          id: id
          label: label
          year: year
          doi: doi
        \(extraManifest)
        """
        try manifest.write(to: folder.appendingPathComponent("dataset.yml"), atomically: true, encoding: .utf8)
        try works.write(to: folder.appendingPathComponent("works.csv"), atomically: true, encoding: .utf8)
        for (f, text) in files { try text.write(to: folder.appendingPathComponent(f), atomically: true, encoding: .utf8) }
        return folder.path
    }

    /// Four works over the real OpenAlex file: W3214045118 by its DOI (19 references),
    /// W2082173067 by title and year (129 references, first author Erik Burger), a title on
    /// no server, and W120141331 (the first reference of W3214045118, absent from the file)
    /// by its id.
    static let realWorks = """
    id,label,year,title,doi,first_author
    zenodo2021,Zenodo 2021,2021,Securing Runtime Memory via MMU Manipulation,https://doi.org/10.5281/ZENODO.5834070,
    burger2020,Burger 2020,2020,Flexible Views for View-based Model-driven Development,,Burger E
    nowhere2020,Nowhere 2020,2020,A title that is on no server at all,,
    W120141331,W120141331,,,,

    """

    static func client(_ transport: any HTTPTransport, cache: String?, offline: Bool = false, maxRetries: Int = 3,
                       recorder: SleepRecorder? = nil, rate: Double = 0, timeout: Double = 5, maxRequests: Int? = nil,
                       baseURL: String = "http://127.0.0.1:9") -> OpenAlexClient {
        let options = OpenAlexClientOptions(baseURL: URL(string: baseURL), mailto: "test@example.org", offline: offline,
                                            maxRequests: maxRequests, rate: rate, timeout: timeout,
                                            retry: RetryPolicy(maxRetries: maxRetries, base: 0.01, maxDelay: 5, jitter: 0.5, seed: 42))
        let sleeper: (Double) -> Void = recorder.map { r in { r.sleep($0) } } ?? { Thread.sleep(forTimeInterval: $0) }
        return OpenAlexClient(options: options, transport: transport, cache: cache.map(OpenAlexCache.init(folder:)), sleep: sleeper)
    }

    static func contents(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for f in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !f.hasPrefix(".") {
            out[f] = FileManager.default.contents(atPath: folder + "/" + f)
        }
        return out
    }
}
