import Foundation
import Testing
@testable import NetworkCore

@Suite("Node attribute table")
struct NodeTableTests {
    @Test("leading # line names the columns (first word of each tab-separated cell)")
    func commentNames() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("labels.tsv", "# paper_id\tclass_name  (from somewhere)\n35\tGenetic Algorithms\n40\t\n# trailing comment\n")
        let table = try NodeTable.read(path: path)
        #expect(table.idColumn == "paper_id")
        #expect(table.columns == ["class_name"])
        #expect(table.ids == ["35", "40"])
        #expect(table.values == [["Genetic Algorithms", nil]])
        #expect(table.lines == [2, 3])
    }

    @Test("header row in CSV, quoted cells, CRLF")
    func csvHeader() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("n.csv", "id,label,year\r\nw1,\"Smith, J\",2001\r\nw2,Jones\r\n")
        let table = try NodeTable.read(path: path)
        #expect(table.columns == ["label", "year"])
        #expect(table.values == [["Smith, J", "Jones"], ["2001", nil]])
        #expect(table.lines == [2, 3])
    }

    @Test("CSV with a # line naming the columns")
    func csvComment() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("n.csv", "#id,group\na,x\n")
        let table = try NodeTable.read(path: path)
        #expect(table.idColumn == "id")
        #expect(table.columns == ["group"])
        #expect(table.ids == ["a"])
    }

    @Test("space-separated table without tabs")
    func spaces() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("n.txt", "id  year\nA 1990\n")
        let table = try NodeTable.read(path: path)
        #expect(table.columns == ["year"])
        #expect(table.values == [["1990"]])
    }

    @Test("duplicate id names both lines")
    func duplicate() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("n.tsv", "id\tg\na\tx\nb\ty\na\tz\n")
        let e = #expect(throws: InputError.self) { _ = try NodeTable.read(path: path) }
        #expect(e?.description == "\(path):4: id: duplicate node id 'a' (first on line 2)")
    }

    @Test("row with more cells than names")
    func tooManyCells() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("n.tsv", "id\tg\na\tx\ty\n")
        let e = #expect(throws: InputError.self) { _ = try NodeTable.read(path: path) }
        #expect(e?.line == 2)
        #expect(e?.message == "row has 3 cells but the header names 2 columns (id, g)")
    }

    @Test("empty file, empty id, repeated column name, missing file")
    func otherErrors() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let empty = try dir.write("e.tsv", "\n\n")
        let e1 = #expect(throws: InputError.self) { _ = try NodeTable.read(path: empty) }
        #expect(e1?.message == "is empty: expected a header row or a `#` line naming the columns")
        let noID = try dir.write("i.csv", "id,g\n,x\n")
        let e2 = #expect(throws: InputError.self) { _ = try NodeTable.read(path: noID) }
        #expect(e2?.line == 2)
        #expect(e2?.message == "empty node id")
        let repeated = try dir.write("r.tsv", "id\tg\tg\n")
        let e3 = #expect(throws: InputError.self) { _ = try NodeTable.read(path: repeated) }
        #expect(e3?.field == "g")
        #expect(e3?.message == "column name repeated (columns 2 and 3)")
        let e4 = #expect(throws: InputError.self) { _ = try NodeTable.read(path: dir.path + "/none.tsv") }
        #expect(e4?.message == "file not found")
    }
}
