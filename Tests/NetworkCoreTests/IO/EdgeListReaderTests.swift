import Foundation
import Testing
@testable import NetworkCore
import TestSupport

@Suite("Edge list reader")
struct EdgeListReaderTests {
    @Test("whitespace list: comments, blank lines, tabs and spaces, weights, CRLF, first-seen ids")
    func whitespace() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.tsv", "# citing\tcited\r\n\r\nA\tB\r\n  B   C  2.5\r\n% konect-style comment\nA C 1e1\nC A")
        let arcs = try EdgeListReader.read(path: path)
        #expect(arcs.ids == ["A", "B", "C"])
        #expect(arcs.tails == [0, 1, 0, 2])
        #expect(arcs.heads == [1, 2, 2, 0])
        #expect(arcs.weights == [1, 2.5, 10, 1])
        #expect(arcs.lines == [3, 4, 6, 7])
    }

    @Test("ids are kept as written: 0001001 and 1001 differ")
    func idsAsWritten() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.txt", "0001001 1001\n1001 0001001\n")
        let arcs = try EdgeListReader.read(path: path)
        #expect(arcs.ids == ["0001001", "1001"])
    }

    @Test("header row detected under auto, or forced")
    func header() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.tsv", "Citing\tCited\nx\ty\n")
        #expect(try EdgeListReader.read(path: path).count == 1)
        let plain = try dir.write("h.tsv", "p\tq\nx\ty\n")
        #expect(try EdgeListReader.read(path: plain).count == 2)
        #expect(try EdgeListReader.read(path: plain, header: .present).count == 1)
        #expect(try EdgeListReader.read(path: path, header: .absent).count == 2)
    }

    @Test("CSV list with quoted ids, header, blank rows and # comments")
    func csv() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.csv", "source,target,weight\n# note\n\"a,1\",b,2\n\nb,\"a,1\",\n")
        let arcs = try EdgeListReader.read(path: path)
        #expect(arcs.ids == ["a,1", "b"])
        #expect(arcs.tails == [0, 1])
        #expect(arcs.weights == [2, 1])
        #expect(arcs.lines == [3, 5])
    }

    @Test("CSV line numbers count line feeds inside quoted cells")
    func csvMultiline() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.csv", "a,\"b\nstill b\"\nc,d,x\n")
        let e = #expect(throws: InputError.self) { _ = try EdgeListReader.read(path: path) }
        #expect(e?.line == 3)
    }

    @Test("one column only: error names the line")
    func oneColumn() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.tsv", "a b\nc\n")
        let e = #expect(throws: InputError.self) { _ = try EdgeListReader.read(path: path) }
        #expect(e?.description == "\(path):2: expected two columns (citing, cited), found one: 'c'")
        let csv = try dir.write("g.csv", "a,b\nc\n")
        let e2 = #expect(throws: InputError.self) { _ = try EdgeListReader.read(path: csv) }
        #expect(e2?.line == 2)
        #expect(e2?.message == "expected two columns (citing, cited), found one: 'c'")
    }

    @Test("non-numeric weight in TSV and CSV")
    func nonNumericWeight() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.tsv", "a b 1\na c heavy\n")
        let e = #expect(throws: InputError.self) { _ = try EdgeListReader.read(path: path) }
        #expect(e?.description == "\(path):2: weight: non-numeric weight 'heavy' (the third column must be a number)")
        let csv = try dir.write("g.csv", "a,b,x1\n")
        let e2 = #expect(throws: InputError.self) { _ = try EdgeListReader.read(path: csv) }
        #expect(e2?.line == 1)
        #expect(e2?.field == "weight")
        #expect(e2?.message == "non-numeric weight 'x1' (the third column must be a number)")
    }

    @Test("CSV empty id")
    func csvEmptyID() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let csv = try dir.write("g.csv", "a,b\n,c\n")
        let e = #expect(throws: InputError.self) { _ = try EdgeListReader.read(path: csv) }
        #expect(e?.line == 2)
        #expect(e?.message == "empty node id")
    }

    @Test("interner keeps numeric spellings apart and mixes numeric and text ids")
    func internerSpellings() {
        var interner = ByteInterner(expected: 1)
        let ids = ["0001001", "1001", "1", "01", "001", "123456789012345678", "12345678901234567", "a1", "", "99999999999999999"]
        for (k, id) in ids.enumerated() { #expect(interner.intern(id) == Int32(k)) }
        for (k, id) in ids.enumerated().reversed() { #expect(interner.intern(id) == Int32(k)) }
        #expect(interner.ids == ids)
    }

    @Test("interner agrees with a dictionary on random ids (seeded)")
    func internerProperty() throws {
        var rng = SplitMix64(seed: 7)
        var interner = ByteInterner(expected: 4)
        var reference: [String: Int32] = [:]
        for _ in 0..<5000 {
            let id = String(rng.next() % 3000, radix: 36)
            let expected = reference[id] ?? Int32(reference.count)
            reference[id] = expected
            #expect(interner.intern(id) == expected)
        }
        #expect(interner.count == reference.count)
    }
}
