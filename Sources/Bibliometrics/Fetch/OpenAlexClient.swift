import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Settings of ``OpenAlexClient``.
public struct OpenAlexClientOptions: Sendable {
    /// The API root; `https://api.openalex.org` by default (tests point it at 127.0.0.1).
    public var baseURL: URL
    /// The address sent as `mailto` (OpenAlex's "polite pool"), if any.
    public var mailto: String?
    /// Answer only from the cache; a request not cached fails with ``FetchError/notCached(url:)``.
    public var offline: Bool
    /// Most network requests (retries included) one run may send; `nil` = no limit.
    public var maxRequests: Int?
    /// Most requests per second (default 10, OpenAlex's stated limit); 0 = no limit.
    public var rate: Double
    /// Seconds to wait for an answer.
    public var timeout: Double
    public var retry: RetryPolicy
    /// The `User-Agent` header.
    public var userAgent: String

    /// `https://api.openalex.org`.
    public static let openAlexAPI: URL = URL(string: "https://api.openalex.org") ?? URL(fileURLWithPath: "/")

    public init(baseURL: URL? = nil, mailto: String? = nil, offline: Bool = false, maxRequests: Int? = nil,
                rate: Double = 10, timeout: Double = 30, retry: RetryPolicy = RetryPolicy(), userAgent: String? = nil) {
        self.baseURL = baseURL ?? OpenAlexClientOptions.openAlexAPI
        self.mailto = mailto
        self.offline = offline
        self.maxRequests = maxRequests
        self.rate = rate
        self.timeout = timeout
        self.retry = retry
        self.userAgent = userAgent ?? "Siloscope/0.1 (citation network analysis)" + (mailto.map { "; mailto:\($0)" } ?? "")
    }
}

/// A polite, caching, retrying client of the OpenAlex `/works` API.
///
/// Each ``get(path:query:)`` is answered from the cache when it can be (a *cache hit*, no
/// network), else — unless offline or over the request budget — sent through the
/// ``HTTPTransport`` after the rate limiter's wait, with the `User-Agent` and `mailto`;
/// 429, 5xx, timeouts and connection errors are retried per the ``RetryPolicy`` (honouring
/// `Retry-After`); 200 bodies must be JSON objects; 200 and 404 are cached. Counters
/// (`requests` sent, `cacheHits`, `retries`) feed the fetch summary.
///
/// Not thread-safe: one client serves one sequential fetch.
public final class OpenAlexClient {
    public let options: OpenAlexClientOptions
    let transport: any HTTPTransport
    let cache: OpenAlexCache?
    /// How waits are made (tests record them instead of sleeping).
    let sleep: (Double) -> Void
    let progress: (String) -> Void
    private var limiter: RateLimiter
    private var rng: FetchRandom
    public private(set) var requests = 0
    public private(set) var cacheHits = 0
    public private(set) var retries = 0
    /// Every delay slept before a retry, in order.
    public private(set) var retryDelays: [Double] = []

    public init(options: OpenAlexClientOptions, transport: any HTTPTransport, cache: OpenAlexCache?,
                sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                progress: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.transport = transport
        self.cache = cache
        self.sleep = sleep
        self.progress = progress
        limiter = RateLimiter(rate: options.rate)
        rng = FetchRandom(seed: options.retry.seed)
    }

    /// The cache key of a request: path and query, `mailto` left out.
    public static func key(path: String, query: [(String, String)]) -> String {
        query.isEmpty ? path : path + "?" + query.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    /// Percent-encodes a query value, keeping the characters OpenAlex's filter syntax uses
    /// literally (`:` `,` `/`); `|`, `&`, `+`, spaces and the rest are escaped.
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:,/*")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// The full URL of a request.
    public func url(path: String, query: [(String, String)]) -> String {
        var all = query
        if let m = options.mailto { all.append(("mailto", m)) }
        var base = options.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + OpenAlexClient.key(path: path, query: all)
    }

    /// The JSON object answering `path?query`, or `nil` when OpenAlex answers 404.
    /// Throws ``FetchError`` naming the URL.
    public func get(path: String, query: [(String, String)] = []) throws -> [String: Any]? {
        let key = OpenAlexClient.key(path: path, query: query)
        let urlText = url(path: path, query: query)
        if let cache, let entry = cache.lookup(key) {
            cacheHits += 1
            guard entry.status == 200, let body = entry.body else { return nil }
            return try OpenAlexClient.object(body, url: urlText)
        }
        if options.offline { throw FetchError.notCached(url: urlText) }
        guard let url = URL(string: urlText) else { throw FetchError.malformed(url: urlText, message: "not a valid URL") }
        var headers = ["User-Agent": options.userAgent, "Accept": "application/json"]
        headers["Connection"] = "close"
        var attempt = 0
        while true {
            if let limit = options.maxRequests, requests >= limit { throw FetchError.budgetExhausted(url: urlText, limit: limit) }
            limiter.wait(sleep: sleep)
            requests += 1
            var failure: FetchError
            var retryAfter: Double?
            do {
                let response = try transport.get(url, headers: headers, timeout: options.timeout)
                switch response.status {
                case 200:
                    let object = try OpenAlexClient.object(response.body, url: urlText)
                    try cache?.store(key, status: 200, body: response.body)
                    return object
                case 404:
                    try cache?.store(key, status: 404, body: nil)
                    return nil
                default:
                    failure = .http(url: urlText, status: response.status, body: String(decoding: response.body.prefix(300), as: UTF8.self))
                    retryAfter = RetryPolicy.retryAfterSeconds(response.headers["retry-after"])
                }
            } catch let error as FetchError {
                failure = error
            }
            guard failure.isTransient, attempt < options.retry.maxRetries else { throw failure }
            let delay = options.retry.delay(attempt: attempt, retryAfter: retryAfter, rng: &rng)
            progress("\(failure); retry \(attempt + 1) of \(options.retry.maxRetries) in \(String(format: "%.2f", delay)) s")
            retries += 1
            retryDelays.append(delay)
            sleep(delay)
            attempt += 1
        }
    }

    /// Parses a body that must be a JSON object.
    static func object(_ body: Data, url: String) throws -> [String: Any] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: body, options: [])
        } catch {
            let ns = error as NSError
            let detail = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
            throw FetchError.malformed(url: url, message: "not valid JSON (\(detail))")
        }
        guard let object = value as? [String: Any] else { throw FetchError.malformed(url: url, message: "expected a JSON object") }
        return object
    }
}
