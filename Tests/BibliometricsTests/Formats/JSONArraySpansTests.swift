import Foundation
import Testing
@testable import Bibliometrics
import NetworkCore

/// The top-level-array scan that lets JSON exports be parsed one element at a time.
@Suite struct JSONArraySpansTests {
    func spans(_ text: String) -> [String]? {
        let data = Data(text.utf8)
        return JSONRecords.arraySpans(data)?.map { String(decoding: data.subdata(in: $0.bytes), as: UTF8.self) }
    }

    /// Elements, with brackets and an escaped quote inside strings, BOM and blank lines.
    @Test func wellFormedArrays() {
        #expect(spans("[]") == [])
        #expect(spans(" \n[ ]\n") == [])
        #expect(spans("[{\"a\": 1}, {\"b\": \"]}\\\"[\"}]") == ["{\"a\": 1}", "{\"b\": \"]}\\\"[\"}"])
        #expect(spans("\u{FEFF}[\n  {\"x\": [1, {\"y\": 2}]},\n  [3]\n]\n") == ["{\"x\": [1, {\"y\": 2}]}", "[3]"])
        let lines = JSONRecords.arraySpans(Data("[\n{\"a\":\n1},\n{\"b\": 2}\n]".utf8))?.map { [$0.firstLine, $0.lastLine] }
        #expect(lines == [[2, 3], [4, 4]])
    }

    /// Anything else goes to the whole-document parser (nil): scalars, missing or doubled
    /// commas, a trailing comma, an unclosed array, bytes after it, no array at all.
    @Test func everythingElseIsLeftToTheParser() {
        for bad in ["[1, {}]", "[{} {}]", "[{},, {}]", "[{},]", "[{}", "[{\"a\": \"]\"}", "[{}] x", "{\"items\": []}", "", "[,{}]"] {
            #expect(spans(bad) == nil, "\(bad)")
        }
    }

    /// Streaming gives the records the whole-document parse gives, in order, with lines.
    @Test func streamedElementsMatchTheWholeDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.json").path
        try "[\n{\"id\": 1, \"t\": \"x]\"},\n{\"id\": 2,\n \"t\": [\"y\"]}\n]\n".write(toFile: path, atomically: true, encoding: .utf8)
        var streamed: [(Int, Int, Int)] = []
        try JSONRecords.forEach(path: path, arrayKeys: []) { e in
            streamed.append((JSONRecords.int(e.object["id"]) ?? -1, e.firstLine, e.lastLine))
        }
        let whole = try JSONRecords.elements(path: path, arrayKeys: []).map { (JSONRecords.int($0.object["id"]) ?? -1, $0.firstLine, $0.lastLine) }
        #expect(streamed.map { [$0.0, $0.1, $0.2] } == whole.map { [$0.0, $0.1, $0.2] })
        #expect(streamed.map { [$0.0, $0.1, $0.2] } == [[1, 2, 2], [2, 3, 4]])
        // A broken element still fails with the file and the element's line.
        try "[\n{\"id\": 1},\n{\"id\": 2,, \"t\": 1}\n]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: InputError.self) { try JSONRecords.forEach(path: path, arrayKeys: []) { _ in } }
        #expect(error?.line == 3)
    }
}
