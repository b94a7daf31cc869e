import Foundation
import NetworkCore
import Testing

/// Two ids that differ only in bytes that are not UTF-8 decode to the same text; the
/// edge-list fuzzer found that this merged two nodes and crashed the graph builder.
@Suite("Edge lists: ids that collide after UTF-8 repair")
struct InvalidUTF8IDTests {
    @Test("two non-UTF-8 ids that read as the same text are refused with the file named")
    func collidingIDsAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-utf8-\(UUID().uuidString).tsv").path
        // 0xFF and 0xFE are both invalid UTF-8 and both decode to U+FFFD.
        let bytes: [UInt8] = [0xFF, 0x09, 0x61, 0x0A, 0xFE, 0x09, 0x62, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: InputError.self) { try NetworkInput.load(path: path) }
        #expect(error.description.contains(path))
        #expect(error.description.contains("same text"))
    }
}
