import Foundation
import NetworkCore

/// The on-disk cache of OpenAlex answers that makes a fetch resumable and `--offline` possible.
///
/// Definition: one file per request, `<folder>/<sha256(key)>.json`, where the key is the
/// request's path and query without `mailto` (so the polite-pool address and the server
/// — `--base-url` — do not change it). The file holds `{"key": …, "status": 200|404,
/// "body": <the response JSON>}`; a file whose key differs (a hash collision) or that does
/// not parse is a miss. Only answers that settle a question are stored: 200 with valid
/// JSON, and 404 (not on OpenAlex). Writes are atomic (temporary file, then rename), so an
/// interrupted run never leaves a half-written entry. O(1) files per lookup.
public struct OpenAlexCache: Sendable {
    /// One cached answer.
    public struct Entry: Sendable {
        public var status: Int
        /// The JSON body (`nil` for a 404).
        public var body: Data?
    }

    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The file holding `key`.
    public func path(for key: String) -> String {
        (folder as NSString).appendingPathComponent(SHA256.hex(key) + ".json")
    }

    /// The cached answer for `key`, or `nil`.
    public func lookup(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(for: key)),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              object["key"] as? String == key, let status = (object["status"] as? NSNumber)?.intValue else { return nil }
        guard status == 200 else { return Entry(status: status, body: nil) }
        guard let body = object["body"], let bodyData = try? JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed]) else { return nil }
        return Entry(status: status, body: bodyData)
    }

    /// Stores an answer (`body` must be valid JSON for status 200). Throws ``InputError`` naming the file.
    public func store(_ key: String, status: Int, body: Data?) throws {
        let file = path(for: key)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let keyJSON = try JSONSerialization.data(withJSONObject: [key], options: [])
            // ["…"] → "…": the key as a JSON string literal.
            let keyLiteral = keyJSON.dropFirst().dropLast()
            var out = Data("{\"key\":".utf8)
            out.append(keyLiteral)
            out.append(Data(",\"status\":\(status),\"body\":".utf8))
            if status == 200, let body { out.append(body) } else { out.append(Data("null".utf8)) }
            out.append(Data("}\n".utf8))
            try out.write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw InputError(file: file, message: "cannot write the OpenAlex cache entry: \(error.localizedDescription)")
        }
    }
}
