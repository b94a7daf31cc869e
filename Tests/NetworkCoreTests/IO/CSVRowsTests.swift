import Foundation
import Testing
@testable import NetworkCore

@Suite("CSV rows with line numbers")
struct CSVRowsTests {
    @Test("header, BOM, CRLF, blank rows, quoted multi-line cell, line numbers")
    func rows() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let text = "id,note\r\na,\"one\r\ntwo\"\r\n\r\nb,plain\r\n"
        let path = try dir.write("t.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let t = try CSVRows(path: path, hasHeader: true, comments: false)
        #expect(t.header == ["id", "note"])
        #expect(t.headerLine == 1)
        #expect(t.rows.map(\.line) == [2, 5])
        #expect(t.rows[0][1] == "one\r\ntwo")
        #expect(t.rows[1][5] == "")
        #expect(try t.column("note") == 1)
        #expect(t.optionalColumn("year") == nil)
    }

    @Test("missing column lists the columns; repeated header name; empty file; invalid UTF-8")
    func errors() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("t.csv", "id,label\nx,y\n")
        let t = try CSVRows(path: path, hasHeader: true)
        let e = #expect(throws: InputError.self) { _ = try t.column("year", role: "year") }
        #expect(e?.description == "\(path):1: year: year column 'year' not found in the header (columns: id, label)")
        let repeated = try dir.write("r.csv", "id,a,a\n")
        let e2 = #expect(throws: InputError.self) { _ = try CSVRows(path: repeated, hasHeader: true) }
        #expect(e2?.message == "column name repeated (columns 2 and 3)")
        let empty = try dir.write("e.csv", "\n")
        let e3 = #expect(throws: InputError.self) { _ = try CSVRows(path: empty, hasHeader: true) }
        #expect(e3?.message == "is empty: expected a header row naming the columns")
        let latin1 = try dir.write("l.csv", bytes: [0x69, 0x64, 0x0A, 0xE9, 0x0A])
        let e4 = #expect(throws: InputError.self) { _ = try CSVRows(path: latin1, hasHeader: true) }
        #expect(e4?.message == "is not valid UTF-8 text")
    }
}
