import Foundation
import Testing
@testable import Bibliometrics
import NetworkCore

@Suite("references-text import to a dataset folder")
struct ReferenceListImportTests {
    @Test func twoListsShareOneWork() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-refs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let a = dir + "/a.txt", b = dir + "/b list.txt"
        try "References\n1. Smith J. Shared paper. J One 2001;3:1-2. doi:10.1000/SHARED\n2. Doe A. Only in a. J Two 2002;4:3-4.\n"
            .write(toFile: a, atomically: true, encoding: .utf8)
        try "[1] Smith J, Roe B. Shared paper. Journal One. 2001; 3: 1–2. DOI: 10.1000/shared [DOI]\n"
            .write(toFile: b, atomically: true, encoding: .utf8)
        let out = dir + "/out"
        let d = try ReferenceListDataset.importLists(files: [a, b], out: out)
        #expect(d.summary.records == 2)
        #expect(d.summary.references == 3)
        // Both entries of the shared paper are matched by DOI; Doe is alone.
        #expect(d.summary.matched == ImportSummary.MatchCounts(byIdentifier: 2, byKey: 0, unmatched: 1))
        #expect(d.works.map(\.id) == ["a", "blist", "smith2001-shared", "doe2002-only"])
        #expect(d.citations.map { "\($0.citing)->\($0.cited)@\($0.source)" } ==
                ["a->smith2001-shared@a.txt:2", "a->doe2002-only@a.txt:3", "blist->smith2001-shared@b list.txt:1"])
        for file in ["dataset.yml", "works.csv", "citations.csv", "references.csv", "matches.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
        }
        let citations = try String(contentsOfFile: out + "/citations.csv", encoding: .utf8)
        #expect(citations == "citing,cited,source\na,smith2001-shared,a.txt:2\na,doe2002-only,a.txt:3\nblist,smith2001-shared,b list.txt:1\n")
        let manifest = try String(contentsOfFile: out + "/dataset.yml", encoding: .utf8)
        #expect(manifest.hasPrefix("name: \"out\"\n"))
        #expect(manifest.contains("  - kind: citation\n    file: citations.csv\n"))
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: InputError.self) {
            try ReferenceListDataset.importLists(files: ["/nonexistent/list.txt"], out: "/tmp/unused-siloscope-out")
        }
    }
}
