import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// Regression tests for issue 14, dataset folders: absurd years, files outside the
/// folder (by `..`, an absolute path or a link), and errors quoting outside content.
@Suite("Hostile dataset folders")
struct HostileDatasetTests {
    /// `report` tried to allocate 2.5 GB for a year of 9223372036854775807; the loader
    /// now refuses it, naming works.csv, the line and the column.
    @Test("a year of 9223372036854775807 in works.csv is refused with file, line and column")
    func absurdYear() throws {
        var works = try #require(DatasetFixture.files["works.csv"])
        works = works.replacingOccurrences(of: "Bovaird,2007", with: "Bovaird,9223372036854775807")
        let fx = try DatasetFixture(replacing: ["works.csv": works])
        defer { fx.remove() }
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        #expect(e?.file == fx.folder + "/works.csv")
        #expect(e?.line == 3)
        #expect(e?.field == "year")
        #expect(e?.message.contains("9223372036854775807") == true)
        // Four-digit years, negative ones included, still load.
        let fine = try DatasetFixture(replacing: ["works.csv": works.replacingOccurrences(of: "9223372036854775807", with: "-350")])
        defer { fine.remove() }
        #expect(try Dataset.load(folder: fine.folder).workIDs.count == 5)
    }

    /// A secret file beside the dataset folder: its first line must never reach an error.
    func withSecret(_ body: (DatasetFixture, String) throws -> Void) throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let secret = fx.root + "/secret.csv"
        try Data("citing,cited\nTOP-SECRET-LINE,x\n".utf8).write(to: URL(fileURLWithPath: secret))
        try body(fx, secret)
    }

    @Test("file: ../x.csv is refused with the manifest line, before anything is read")
    func dotDotEscape() throws {
        try withSecret { fx, _ in
            try fx.write("dataset.yml", DatasetFixture.manifest.replacingOccurrences(of: "file: cites.csv", with: "file: ../secret.csv"))
            let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
            #expect(e?.file == fx.manifestPath)
            #expect(e?.line == 19)                   // the `- kind: citation` entry (line 19 of the fixture)
            #expect(e?.field == "layers")
            #expect(e?.message.contains("leads outside the dataset folder") == true)
            #expect(e?.description.contains("TOP-SECRET") == false)
        }
    }

    @Test("an absolute path is refused with the manifest line")
    func absolutePath() throws {
        try withSecret { fx, secret in
            try fx.write("dataset.yml", DatasetFixture.manifest.replacingOccurrences(of: "file: works.csv", with: "file: \(secret)"))
            let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
            #expect(e?.line == 4)                    // the `works:` key
            #expect(e?.field == "works")
            #expect(e?.message.contains("absolute path") == true)
            #expect(e?.description.contains("TOP-SECRET") == false)
        }
    }

    @Test("a link inside the folder pointing outside is refused; one pointing inside is fine")
    func symlinkEscape() throws {
        try withSecret { fx, secret in
            try FileManager.default.removeItem(atPath: fx.folder + "/cites.csv")
            try FileManager.default.createSymbolicLink(atPath: fx.folder + "/cites.csv", withDestinationPath: secret)
            let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
            #expect(e?.line == 19)
            #expect(e?.message.contains("through '..' or a link") == true)
            #expect(e?.description.contains("TOP-SECRET") == false)
            // A link to a file inside the folder stays allowed.
            try FileManager.default.removeItem(atPath: fx.folder + "/cites.csv")
            try fx.write("real-cites.csv", "citing,cited,source\nw3,w1,s.txt:30\n")
            try FileManager.default.createSymbolicLink(atPath: fx.folder + "/cites.csv", withDestinationPath: fx.folder + "/real-cites.csv")
            #expect(try Dataset.load(folder: fx.folder).layers.count == 3)
        }
    }

    @Test("a folder reached through a link loads (containment compares resolved paths)")
    func linkedFolder() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        let alias = fx.root + "/alias"
        try FileManager.default.createDirectory(atPath: alias, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: alias + "/demo", withDestinationPath: fx.folder)
        #expect(try Dataset.load(folder: alias + "/demo").workIDs.count == 5)
    }

    @Test("a binary works.csv gives an error without control characters")
    func binaryWorks() throws {
        let fx = try DatasetFixture()
        defer { fx.remove() }
        try Data([0x69, 0x64, 0x00, 0x1B, 0x0D, 0x0A, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: fx.folder + "/works.csv"))
        let e = #expect(throws: InputError.self) { _ = try Dataset.load(folder: fx.folder) }
        let text = try #require(e).description
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }
}
