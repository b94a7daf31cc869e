import Foundation
import NetworkCore
import Testing
@testable import Bibliometrics

/// The byte writers of the import tables give the bytes of the String definitions they
/// replace; each expected value is computed here by that definition (written out in the
/// test) or by hand.
struct ImportWritingTests {
    /// The quoting rule as CSVTable states it, on Strings and Characters.
    private func quotedByDefinition(_ s: String) -> String {
        let needs = s.first == " " || s.last == " " || s.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        return needs ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Every trigger byte at every position of a 19-byte field (the scan reads eight bytes
    /// at a time: the word boundaries and the tail), and edge spaces that are or are not a
    /// whole Character.
    @Test func quotingEqualsTheCharacterRule() {
        var cases: [String] = ["", " ", "  ", "plain", "\"", "\"\"", "a\"b\"c", String(repeating: "x", count: 64)]
        for trigger in [",", "\"", "\n", "\r"] {
            for k in 0..<19 {
                var chars = Array(repeating: Character("a"), count: 19)
                chars[k] = Character(trigger)
                cases.append(String(chars))
            }
        }
        // Hand-checked edge spaces: " \u{301}x" starts with the Character " ́" (not a space):
        // no quotes; "é " ends with a space Character: quotes; "\u{600} " is one Character
        // (U+0600 is a prepended mark): no quotes; "x \u{301}" ends with " ́": no quotes.
        #expect(CSVTable.quoted(" \u{301}x") == " \u{301}x")
        #expect(CSVTable.quoted("é ") == "\"é \"")
        #expect(CSVTable.quoted("\u{600} ") == "\u{600} ")
        #expect(CSVTable.quoted("x \u{301}") == "x \u{301}")
        cases += [" \u{301}x", "é ", "\u{600} ", "x \u{301}", " a", "a ", "Kjellström, S", "say \"hi\", twice \"\""]
        for s in cases {
            #expect(CSVTable.quoted(s) == quotedByDefinition(s), "\(s.debugDescription)")
        }
    }

    /// Integer cells: the digits `String(n)` prints.
    @Test func decimalDigitsEqualString() {
        for n in [0, 1, 9, 10, 99, 100, 1234567, -1, -10, -987, Int.max, Int.min] {
            var out: [UInt8] = []
            CSVBytes.appendDecimal(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(n))
        }
    }

    /// Rows appended in chunks on both cores: the file is the header and the rows in order,
    /// for chunk sizes that divide the rows or not, and for no rows.
    @Test func chunkedRowsKeepOrder() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        for (count, step) in [(0, 5), (1, 5), (10_001, 7), (4_096, 1_024), (30_000, 50_000)] {
            var file = try CSVTableFile(folder: URL(fileURLWithPath: dir.path), name: "t.csv", header: ["n", "text"])
            try file.appendRows(count: count, rowsPerChunk: step) { rows, csv in
                for i in rows {
                    csv.field(i)
                    csv.field("row \(i), \"quoted\"")
                    csv.endRow()
                }
            }
            try file.finish()
            var expected = "n,text\n"
            for i in 0..<count { expected += "\(i),\"row \(i), \"\"quoted\"\"\"\n" }
            #expect(try String(contentsOfFile: dir.path + "/t.csv", encoding: .utf8) == expected, "\(count) rows by \(step)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.csv"])
        }
    }

    /// Many small chunks of uneven length (rows of 0 to ~3,000 bytes, chunks of 1 to 64 rows),
    /// after rows buffered before the chunks and across two calls on one file: the file is
    /// byte for byte the one-loop rendering of the same rows (``CSVBytes``), so the order in
    /// which the cores render and write the chunks never shows.
    @Test func manySmallChunksEqualOneLoop() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        @Sendable func render(_ i: Int, _ csv: inout CSVBytes) {
            csv.field(i)
            // Lengths vary with i (some rows empty of text, some past a page), quoting too.
            let n = (i &* 7_919) % 3_001
            csv.field(n % 5 == 0 ? "" : String(repeating: i % 3 == 0 ? "a,\"b" : "xyz", count: n / 3))
            csv.endRow()
        }
        for (count, step) in [(1_500, 1), (4_000, 3), (6_000, 64), (3, 1)] {
            var expected = CSVBytes(capacity: 1 << 16)
            expected.row(["n", "text"])
            var file = try CSVTableFile(folder: URL(fileURLWithPath: dir.path), name: "t.csv", header: ["n", "text"])
            for i in 1...10 {
                for c in ["pre \(i)", "a \"b\""] { file.csv.field(c); expected.field(c) }
                try file.endRow()
                expected.endRow()
            }
            try file.appendRows(count: count, rowsPerChunk: step) { rows, csv in for i in rows { render(i, &csv) } }
            try file.appendRows(count: count / 2, rowsPerChunk: step + 1) { rows, csv in for i in rows { render(i + count, &csv) } }
            try file.finish()
            for i in 0..<count { render(i, &expected) }
            for i in 0..<(count / 2) { render(i + count, &expected) }
            let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.path + "/t.csv")))
            #expect(written.count == expected.bytes.count, "\(count) rows by \(step)")
            #expect(written == expected.bytes, "\(count) rows by \(step)")
        }
    }

    /// The field cells of `works.csv`: a work with no field and nothing stated (the short
    /// path) gives fifteen empty cells and the level, as the general path does for each list;
    /// one non-empty list anywhere (own categories, stated subjects, the assignment) takes the
    /// general path. Expected rows written out by hand (columns of `fieldHeader`).
    @Test func fieldCellsByHand() {
        func cells(_ a: FieldAssignment, _ f: SubjectFields, level: String = "asjc-area") -> String {
            var a = a, f = f
            var csv = CSVBytes(capacity: 256)
            csv.field("w1")
            Importer.appendFieldCells(&a, &f, level: level, to: &csv)
            csv.endRow()
            return String(decoding: csv.bytes, as: UTF8.self)
        }
        #expect(Importer.fieldHeader.count == 16)
        #expect(cells(FieldAssignment(), SubjectFields()) == "w1,,,,,,,,,,,,,,,,asjc-area\n")
        var mesh = SubjectFields()
        mesh.mesh = ["Animals", "Mice, Inbred"]
        #expect(cells(FieldAssignment(), mesh) == "w1,,,,,,,,,,\"Animals; Mice, Inbred\",,,,,,asjc-area\n")
        var own = WorkCategories()
        own.wosArea = ["Zoology"]
        #expect(cells(FieldAssignment(own: own), SubjectFields()) == "w1,,Zoology,,,,,,,,,,,,,,asjc-area\n")
        let assigned = FieldAssignment(categories: ["Ecology", "Zoology"], primary: "Ecology", source: .catalogue, key: "venue:J ZOOL")
        #expect(cells(assigned, SubjectFields(), level: "wos-category")
                == "w1,,,,,,,,,,,,Ecology; Zoology,Ecology,catalogue,venue:J ZOOL,wos-category\n")
    }

    /// Provenance shown into bytes equals `show` (prefix rule, replace-everywhere rule,
    /// non-ASCII text, a non-ASCII path).
    @Test func shownBytesEqualShow() {
        for display in [["../data/a/x.txt": "x.txt", "/abs/y.csv": "y.csv"], ["../dåta/x.txt": "x.txt"], [:]] {
            let paths = ProvenancePaths(display: display)
            for s in ["../data/a/x.txt:12#3", "/abs/y.csv:3-9#1 ../data/a/x.txt:1", "../data/a/x.txt:4/5", "Kjellström ../data/a/x.txt:5",
                      "../dåta/x.txt:7#2", "", "no path", "/abs/y.csv"] {
                var out: [UInt8] = []
                paths.appendShown(s, to: &out)
                #expect(String(decoding: out, as: UTF8.self) == paths.show(s), "\(s)")
            }
        }
    }

    /// Labels and names as bytes equal `labelFamily`, `display` and `String(prefix(40))`.
    @Test func nameAndLabelBytesEqualTheStringDefinitions() {
        let names = [AuthorName(family: "PRICE", initials: "DJD"), AuthorName(family: "O'NEIL"), AuthorName(family: "VAN RAAN", initials: "AFJ"),
                     AuthorName(family: "van Raan", initials: "A"), AuthorName(family: "Barabási", initials: "AL"), AuthorName(family: "BARABÁSI"),
                     AuthorName(family: "WHO", isOrganisation: true), AuthorName(family: "123"), AuthorName(family: "")]
        for a in names {
            var label: [UInt8] = [], display: [UInt8] = []
            Importer.appendLabelFamily(a, to: &label)
            Importer.appendDisplay(a, to: &display)
            #expect(String(decoding: label, as: UTF8.self) == a.labelFamily)
            #expect(String(decoding: display, as: UTF8.self) == a.display)
        }
        let forty = String(repeating: "t", count: 39)
        for s in ["short", String(repeating: "abcdefghij", count: 6), forty + "\r\nrest", forty + "e\u{301}rest", forty + "é", "Ärger " + forty, ""] {
            var out: [UInt8] = []
            Importer.appendPrefix40(s, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(s.prefix(40)), "\(s.debugDescription)")
        }
    }

    /// First mentions equal "insert if absent" by content in row order, also when a row's id
    /// is an equal String made separately (identity misses, contents decide) and for an id
    /// that is no work's.
    @Test func firstMentionsEqualTheDictionaryDefinition() {
        let longID = "wos:WOS:000123456789000-long-enough"
        let ids = ["doi:10.1/a", longID, "pmid:1", "anon-2001-word"]
        let works = ids.map { ImportedWork(work: Work(id: $0), nativeIDs: [], isCiting: false, citedBy: 0) }
        func row(_ cited: String, _ source: String) -> ImportedReferenceRow {
            ImportedReferenceRow(citing: "c", position: 1, cited: cited, method: .new, reference: CitedReference(raw: "r"), nativeID: nil, source: source)
        }
        // A separately built copy of the long id (different storage, same contents).
        let rebuilt = String(decoding: Array(longID.utf8), as: UTF8.self)
        let rows = [row(ids[2], "f:1#1"), row(rebuilt, "f:2#1"), row(ids[1], "f:3#1"), row("not-a-work", "f:4#1"), row(ids[2], "f:5#1"), row("not-a-work", "f:6#1")]
        var expected: [String: String] = [:]
        for r in rows where expected[r.cited] == nil { expected[r.cited] = r.source }
        let mentions = FirstMentions(rows: rows, works: works)
        #expect(mentions.forWorks(works) == ids.map { expected[$0] })
        #expect(mentions.forWorks(works) == [nil, "f:2#1", "f:1#1", nil])
        for k in rows.indices { #expect(mentions.forRow(k, cited: rows[k].cited) == expected[rows[k].cited]) }
        // Works given in another order (ids rebuilt): found by contents.
        let reordered = ids.reversed().map { ImportedWork(work: Work(id: String(decoding: Array($0.utf8), as: UTF8.self)), nativeIDs: [], isCiting: false, citedBy: 0) }
        #expect(mentions.forWorks(reordered) == ids.reversed().map { expected[$0] })
    }
}
