import Foundation

/// A fresh temporary folder for one test; files are written into it by name.
struct TempDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "siloscope-io-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `content` (UTF-8) to `name` and returns the full path.
    @discardableResult
    func write(_ name: String, _ content: String) throws -> String {
        let full = path + "/" + name
        try Data(content.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Writes raw bytes to `name`.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

