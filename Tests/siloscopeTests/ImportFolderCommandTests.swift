import Foundation
import Testing
import TestSupport

/// `siloscope import FOLDER`: a search exported in several files, read from its folder.
@Suite("import of a folder", .enabled(if: CLI.binary != nil && SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt") != nil, "needs the executable and ../shared/data/formats"))
struct ImportFolderCommandTests {
    /// A folder holding the WoS sample, a README (not an export) and a hidden file imports
    /// exactly as the WoS file alone: same works.csv and citations.csv; the README is named
    /// as left out, the hidden file is not read.
    @Test func folderReadsItsExportsAndNamesWhatItLeavesOut() throws {
        let wos = try #require(SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt"))
        let dir = try CLI.temporaryFolder()
        let folder = dir.appendingPathComponent("search")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: wos, toPath: folder.appendingPathComponent("savedrecs.txt").path)
        try "Exported from Web of Science on 3 December.\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "junk".write(to: folder.appendingPathComponent(".DS_Store"), atomically: true, encoding: .utf8)

        let fromFolder = try CLI.run(["import", folder.path, "--out", dir.appendingPathComponent("a").path])
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")
        #expect(fromFolder.stderr.contains("README.md: left out, not a recognised bibliographic export"))
        #expect(!fromFolder.stderr.contains(".DS_Store"))
        let fromFile = try CLI.run(["import", folder.appendingPathComponent("savedrecs.txt").path, "--out", dir.appendingPathComponent("b").path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        for name in ["works.csv", "citations.csv"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: dir.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between the folder and the file")
        }
    }

    @Test func folderWithoutExportsIsAnError() throws {
        let dir = try CLI.temporaryFolder()
        let folder = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["import", folder.path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("the folder holds no bibliographic export to import"))
    }

    /// `--out` naming a file: a plain error naming the option and the path, no Foundation error
    /// domain, and the file is left as it was.
    @Test func outputPathThatIsAFileIsAPlainError() throws {
        let wos = try #require(SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt"))
        let dir = try CLI.temporaryFolder()
        let file = dir.appendingPathComponent("taken")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["import", wos, "--out", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--out"), "\(r.stderr)")
        #expect(r.stderr.contains("exists and is not a folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"), "\(r.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
    }
}
