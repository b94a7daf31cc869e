import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP response: status, headers (names lower-cased) and body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
    }
}

/// Why a request to OpenAlex failed. Every case names the URL.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer within the timeout.
    case timeout(url: String)
    /// The connection failed (refused, reset, DNS).
    case connection(url: String, message: String)
    /// An HTTP status other than 200 and 404 (after retries, for 429 and 5xx).
    case http(url: String, status: Int, body: String)
    /// The body is not the JSON expected.
    case malformed(url: String, message: String)
    /// `--offline` and the response is not in the cache.
    case notCached(url: String)
    /// `--max-requests` reached before this request.
    case budgetExhausted(url: String, limit: Int)

    public var url: String {
        switch self {
        case .timeout(let u), .connection(let u, _), .http(let u, _, _), .malformed(let u, _), .notCached(let u), .budgetExhausted(let u, _): return u
        }
    }

    /// `true` for failures worth retrying: timeouts, connection errors, 429 and 5xx.
    public var isTransient: Bool {
        switch self {
        case .timeout, .connection: return true
        case .http(_, let status, _): return status == 429 || (500...599).contains(status)
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .timeout(let u): return "\(u): no answer within the timeout"
        case .connection(let u, let m): return "\(u): connection failed (\(m))"
        case .http(let u, let s, let b): return "\(u): HTTP \(s)\(b.isEmpty ? "" : ": \(b.prefix(200))")"
        case .malformed(let u, let m): return "\(u): malformed response: \(m)"
        case .notCached(let u): return "\(u): not in the cache (--offline)"
        case .budgetExhausted(let u, let n): return "\(u): not requested, --max-requests \(n) reached"
        }
    }
}

/// The network seam: everything the fetcher sends goes through one `get`.
///
/// Implementations: ``URLSessionTransport`` (Foundation's URLSession) and in-memory fakes
/// in tests. A transport returns every HTTP status as a response (retry decisions are the
/// client's) and throws ``FetchError/timeout(url:)`` or ``FetchError/connection(url:message:)``.
public protocol HTTPTransport: Sendable {
    func get(_ url: URL, headers: [String: String], timeout: TimeInterval) throws -> HTTPResponse
}

/// ``HTTPTransport`` over `URLSession`, made synchronous with a semaphore (the CLI is
/// synchronous). One request at a time per call; the session has no URL cache (the
/// fetcher keeps its own on disk) and sends no cookies.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    public func get(_ url: URL, headers: [String: String], timeout: TimeInterval) throws -> HTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                let ns = error as NSError
                if ns.domain == NSURLErrorDomain && ns.code == NSURLErrorTimedOut {
                    box.set(.failure(.timeout(url: url.absoluteString)))
                } else {
                    box.set(.failure(.connection(url: url.absoluteString, message: ns.localizedDescription)))
                }
            } else if let http = response as? HTTPURLResponse {
                var fields: [String: String] = [:]
                for (k, v) in http.allHeaderFields {
                    if let k = k as? String, let v = v as? String { fields[k.lowercased()] = v }
                }
                box.set(.success(HTTPResponse(status: http.statusCode, headers: fields, body: data ?? Data())))
            } else {
                box.set(.failure(.connection(url: url.absoluteString, message: "no HTTP response")))
            }
            semaphore.signal()
        }
        task.resume()
        // URLSession on Linux does not always honour short request timeouts: the wait is bounded here.
        if semaphore.wait(timeout: .now() + timeout) == .timedOut {
            task.cancel()
            throw FetchError.timeout(url: url.absoluteString)
        }
        guard let result = box.get() else { throw FetchError.connection(url: url.absoluteString, message: "no result") }
        return try result.get()
    }
}

/// Carries the completion handler's result to the waiting thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<HTTPResponse, FetchError>?
    func set(_ v: Result<HTTPResponse, FetchError>) { lock.lock(); value = v; lock.unlock() }
    func get() -> Result<HTTPResponse, FetchError>? { lock.lock(); defer { lock.unlock() }; return value }
}
