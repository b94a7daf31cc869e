import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A request as the test server saw it.
public struct LocalHTTPRequest: Sendable, Equatable {
    public var method: String
    /// Path and query as sent (still percent-encoded).
    public var target: String
    /// The path, percent-decoded.
    public var path: String
    /// Query parameters, percent-decoded (`+` is not a space: OpenAlex clients escape it).
    public var query: [String: String]
    /// Header fields, names lower-cased.
    public var headers: [String: String]

    public init(method: String = "GET", target: String = "", path: String, query: [String: String] = [:], headers: [String: String] = [:]) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.headers = headers
    }
}

/// What the test server does with a request.
public enum LocalHTTPResponse: Sendable {
    case respond(status: Int, headers: [String: String], body: Data)
    /// Accept and never answer (until the server stops): the client times out.
    case hang

    public static func json(_ status: Int, _ body: Data, headers: [String: String] = [:]) -> LocalHTTPResponse {
        .respond(status: status, headers: headers.merging(["Content-Type": "application/json"]) { a, _ in a }, body: body)
    }
}

/// A minimal HTTP/1.1 server on 127.0.0.1 for tests: POSIX sockets, one background thread,
/// one request per connection (`Connection: close`).
///
/// It binds 127.0.0.1 port 0 (the kernel picks a free port) — never another address —,
/// reads the request line and headers, asks `handler` and writes the answer. It is bounded:
/// it stops by itself after `maxRequests` connections or `lifetime` seconds, and ``stop()``
/// (also on deinit) closes every socket it opened.
public final class LocalHTTPServer: @unchecked Sendable {
    public let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (LocalHTTPRequest) -> LocalHTTPResponse
    private let lock = NSLock()
    private var seen: [LocalHTTPRequest] = []
    private var hung: [Int32] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    public enum Failure: Error { case socket(String) }

    public init(maxRequests: Int = 1000, lifetime: TimeInterval = 30,
                handler: @escaping @Sendable (LocalHTTPRequest) -> LocalHTTPResponse) throws {
        self.handler = handler
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure.socket("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw Failure.socket("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in
            self.serve(maxRequests: maxRequests, deadline: deadline)
            self.finished.signal()
        }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests served so far, in order.
    public var requests: [LocalHTTPRequest] {
        lock.lock(); defer { lock.unlock() }
        return seen
    }

    /// Stops the server and closes every socket (idempotent).
    public func stop() {
        lock.lock()
        let first = !stopping
        stopping = true
        lock.unlock()
        guard first else { return }
        finished.wait()
        lock.lock()
        for fd in hung { close(fd) }
        hung = []
        lock.unlock()
        close(listener)
    }

    private var isStopping: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopping
    }

    private func serve(maxRequests: Int, deadline: Date) {
        var served = 0
        while !isStopping, served < maxRequests, Date() < deadline {
            var p = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            served += 1
            handle(client)
        }
    }

    private func handle(_ fd: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65536 {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
            if data.count >= 4, data.suffix(4) == [13, 10, 13, 10] { break }
        }
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let parts = (lines.first ?? "").split(separator: " ")
        guard parts.count >= 2 else { close(fd); return }
        let target = String(parts[1])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let pathPart = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        var query: [String: String] = [:]
        if let q = target.split(separator: "?", maxSplits: 1).dropFirst().first {
            for pair in q.split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                let key = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
                query[key] = value
            }
        }
        let request = LocalHTTPRequest(method: String(parts[0]), target: target, path: pathPart.removingPercentEncoding ?? pathPart,
                                       query: query, headers: headers)
        lock.lock()
        seen.append(request)
        lock.unlock()
        switch handler(request) {
        case .hang:
            lock.lock()
            hung.append(fd)
            lock.unlock()
        case .respond(let status, let extra, let body):
            var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Status")\r\nContent-Length: \(body.count)\r\nConnection: close\r\n"
            for (k, v) in extra.sorted(by: { $0.key < $1.key }) { head += "\(k): \(v)\r\n" }
            head += "\r\n"
            var bytes = Data(head.utf8)
            bytes.append(body)
            bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                guard let base = raw.baseAddress else { return }
                var sent = 0
                while sent < raw.count {
                    let n = send(fd, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                    if n <= 0 { break }
                    sent += n
                }
            }
            close(fd)
        }
    }
}
