import Foundation
import Testing
@testable import Reporting

/// Regression tests for issue 14, outputs: a carriage return inside a quoted CSV cell
/// split a Markdown table row; a report killed midway left its staging folder behind.
@Suite("Hostile input in outputs")
struct HostileOutputTests {
    /// In Swift "\r\n" is one Character, which the old escape's `case "\n", "\r"` missed.
    @Test("line breaks and control characters in a cell never split a Markdown table row")
    func markdownCellBreaks() {
        let cells = ["a\rb", "c\r\nd", "e\nf", "g\u{2028}h", "i\u{0B}j\u{0C}k\u{85}l", "nul\u{0}esc\u{1B}[31m"]
        let table = ReportTable(name: "t", title: "T", caption: "C.", columns: ["x"], rows: cells.map { [.text($0)] })
        let markdown = MarkdownWriter.markdownTable(table)
        let rows = markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("|") }
        #expect(rows.count == 2 + cells.count)      // header, rule, one line per cell
        #expect(!markdown.unicodeScalars.contains { $0 == "\r" || $0.value == 0 || $0.value == 0x1B })
        #expect(MarkdownWriter.escape("c\r\nd") == "c d")
        #expect(MarkdownWriter.escape("nul\u{0}x") == "nul\u{FFFD}x")
        #expect(MarkdownWriter.escape("a|b") == "a\\|b")
    }

    @Test("a stale staging folder of a dead run is removed by the next run; a live one stays")
    func staleStaging() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory() + "siloscope-stale-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let dead: Int32 = 2_147_483_000   // above any pid_max, so no such process
        let mine = ProcessInfo.processInfo.processIdentifier
        for name in [".report.staging-\(dead)", ".report.staging-\(mine)", ".other.staging-\(dead)", ".report.staging-x"] {
            try fm.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try OutputFolder(path: root.appendingPathComponent("report").path).replaceContents(with: [("index.md", Array("hi\n".utf8))])
        let left = try fm.contentsOfDirectory(atPath: root.path).sorted()
        #expect(left == [".other.staging-\(dead)", ".report.staging-x", "report"])
        #expect(fm.contents(atPath: root.appendingPathComponent("report/index.md").path) == Data("hi\n".utf8))
    }

    @Test("a backup left between the two renames is put back when the folder is missing")
    func interruptedSwap() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory() + "siloscope-stale-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let backup = root.appendingPathComponent(".report.previous-2147483000")
        try fm.createDirectory(at: backup, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: backup.appendingPathComponent("index.md"))
        let cleaned = OutputFolder.cleanStale(parent: root, name: "report")
        #expect(cleaned == [".report.previous-2147483000"])
        #expect(fm.contents(atPath: root.appendingPathComponent("report/index.md").path) == Data("old\n".utf8))
    }
}
