import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// Regression tests for issue 14, imports: a year of ±9223372036854775807 trapped in
/// the import's key matching (arithmetic overflow) for CSL-JSON, OpenAlex and Crossref.
@Suite("Hostile import input")
struct HostileImportTests {
    static let extremes = ["9223372036854775807", "-9223372036854775807", "-9223372036854775808"]

    func importing(_ name: String, _ text: String) throws -> ImportedDataset {
        let dir = NSTemporaryDirectory() + "siloscope-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let importer = Importer()
        return importer.merge(try importer.read(files: [path], format: nil))
    }

    @Test("CSL-JSON items with years at the ends of Int import without a trap and stay apart")
    func cslJSONExtremeYears() throws {
        let items = (Self.extremes + ["2001"]).map { y in
            """
            {"type": "article-journal", "title": "On \(y)", "author": [{"family": "Smith", "given": "A"}],
             "issued": {"date-parts": [[\(y)]]}}
            """
        }
        let d = try importing("items.json", "[" + items.joined(separator: ",") + "]")
        #expect(d.summary.records == 4)
        #expect(d.summary.duplicates == 0)
    }

    @Test("OpenAlex works with years at the ends of Int import without a trap")
    func openAlexExtremeYears() throws {
        let works = (Self.extremes + ["2001"]).enumerated().map { k, y in
            """
            {"id": "https://openalex.org/W\(k + 1)", "title": "On \(y)", "publication_year": \(y),
             "authorships": [{"author": {"display_name": "Ann Smith"}}], "referenced_works": []}
            """
        }
        let d = try importing("works.json", "[" + works.joined(separator: ",") + "]")
        #expect(d.summary.records == 4)
        #expect(d.summary.duplicates == 0)
    }

    @Test("Crossref references with years at the ends of Int import without a trap")
    func crossrefExtremeYears() throws {
        let references = (Self.extremes + ["2001"]).enumerated().map { k, y in
            "{\"key\": \"r\(k)\", \"author\": \"Smith\", \"year\": \"\(y)\", \"article-title\": \"On \(y)\"}"
        }
        let text = """
            {"status": "ok", "message-type": "work", "message": {
              "DOI": "10.1000/xyz", "title": ["Citing"], "author": [{"family": "Jones", "given": "B"}],
              "issued": {"date-parts": [[9223372036854775807]]},
              "reference": [\(references.joined(separator: ","))]}}
            """
        let d = try importing("work.json", text)
        #expect(d.summary.records == 1)
        #expect(d.summary.references == 4)
    }

    @Test("year distance and window saturate instead of overflowing")
    func yearArithmetic() {
        #expect(YearDistance.between(Int.max, -Int.max) == Int.max)
        #expect(YearDistance.between(Int.min, 0) == Int.max)
        #expect(YearDistance.between(2001, 1999) == 2)
        #expect(YearDistance.window(Int.max, 1) == (Int.max - 1)...Int.max)
        #expect(YearDistance.window(Int.min, 2) == Int.min...(Int.min + 2))
        #expect(YearDistance.window(2000, 1) == 1999...2001)
    }
}
