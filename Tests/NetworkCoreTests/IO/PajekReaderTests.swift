import Foundation
import Testing
@testable import NetworkCore

@Suite("Pajek reader")
struct PajekReaderTests {
    @Test("vertices with quoted and unquoted labels, coordinates ignored, arcs with weights, edges flagged")
    func basic() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.net", """
            % a comment line
            *Vertices 4
              1 "Small H"   0.1 0.2 0.5 ic Red
              2 Garfield
              3 "C"

            *Arcs
              1 2 2.5
              2 3
            *Edges
              3 4
            """)
        let arcs = try PajekReader.read(path: path)
        #expect(arcs.ids == ["1", "2", "3", "4"])
        // Vertex 4 has no line: its label is missing.
        #expect(arcs.attributes.first?.name == "label")
        #expect(arcs.attributes.first?.values == ["Small H", "Garfield", "C", nil])
        #expect(arcs.tails == [0, 1, 2])
        #expect(arcs.heads == [1, 2, 3])
        #expect(arcs.weights == [2.5, 1, 1])
        #expect(arcs.fromEdgeSection == [false, false, true])
        #expect(arcs.lines == [8, 9, 11])
    }

    @Test("section names in any case, arcslist/edgeslist, CRLF and byte-order mark")
    func listsCaseCRLFBOM() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let text = "*VERTICES 3\r\n1 \"a\"\r\n*arcsList\r\n1 2 3\r\n*EdgesList\r\n2 3\r\n"
        let path = try dir.write("g.net", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let arcs = try PajekReader.read(path: path)
        #expect(arcs.tails == [0, 0, 1])
        #expect(arcs.heads == [1, 2, 2])
        #expect(arcs.weights == nil)
        #expect(arcs.fromEdgeSection == [false, false, true])
        #expect(arcs.attributes.first?.values == ["a", nil, nil])
    }

    @Test(".paj project: first network read, second network skipped, partition and vector attached")
    func project() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("p.paj", """
            *Network first.net
            *Vertices 2
            1 "x"
            2 "y"
            *Arcs
            1 2
            *Network second.net
            *Vertices 3
            *Arcs
            1 3
            *Partition years.clu
            *Vertices 2
            1990
            1991
            *Vector gcs.vec
            *Vertices 2
            0.5
            7
            """)
        let arcs = try PajekReader.read(path: path)
        #expect(arcs.ids == ["1", "2"])
        #expect(arcs.count == 1)
        #expect(arcs.attributes.map(\.name) == ["label", "years", "gcs"])
        #expect(arcs.attributes[1].values == ["1990", "1991"])
        #expect(arcs.attributes[2].values == ["0.5", "7"])
    }

    @Test("standalone .clu and .vec files")
    func partitionAndVector() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let clu = try dir.write("y.clu", "*Vertices 3\r\n 1973\r\n 1974\r\n -1\r\n")
        let vec = try dir.write("v.vec", "*vertices 2\n0.25\n  16\n")
        #expect(try PajekReader.readPartition(path: clu) == ["1973", "1974", "-1"])
        #expect(try PajekReader.readVector(path: vec) == [0.25, 16])
    }

    // MARK: errors

    func error(_ content: String, name: String = "bad.net") throws -> InputError? {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write(name, content)
        return #expect(throws: InputError.self) { _ = try PajekReader.read(path: path) }
    }

    @Test("bad *Vertices header names the line")
    func badHeader() throws {
        let e = try error("% x\n*Vertices many\n1 2\n")
        #expect(e?.line == 2)
        #expect(e?.message.contains("bad *Vertices header") == true)
        #expect(e?.description.hasSuffix("bad.net:2: bad *Vertices header: expected `*Vertices <count>`, found '*Vertices many'") == true)
    }

    @Test("vertex number out of range in *Arcs")
    func outOfRange() throws {
        let e = try error("*Vertices 2\n*Arcs\n1 2\n1 3\n")
        #expect(e?.line == 4)
        #expect(e?.message == "expected a vertex number in 1…2, found '3'")
    }

    @Test("vertex line numbered beyond the count")
    func vertexBeyondCount() throws {
        let e = try error("*Vertices 1\n1 \"a\"\n2 \"b\"\n")
        #expect(e?.line == 3)
        #expect(e?.message == "expected a vertex number in 1…1, found '2'")
    }

    @Test("non-numeric weight")
    func nonNumericWeight() throws {
        let e = try error("*Vertices 2\n*Arcs\n1 2 heavy\n")
        #expect(e?.line == 3)
        #expect(e?.message == "non-numeric weight 'heavy'")
    }

    @Test("arc line with one vertex")
    func oneVertex() throws {
        let e = try error("*Vertices 2\n*Arcs\n1\n")
        #expect(e?.line == 3)
        #expect(e?.message == "expected `tail head [weight]`, found '1'")
    }

    @Test("unknown section")
    func unknownSection() throws {
        let e = try error("*Vertices 2\n*Bogus\n")
        #expect(e?.line == 2)
        #expect(e?.message.hasPrefix("unknown Pajek section '*Bogus'") == true)
    }

    @Test("*Matrix is refused with a hint")
    func matrix() throws {
        let e = try error("*Vertices 2\n*Matrix\n0 1\n1 0\n")
        #expect(e?.message == "*Matrix sections are not supported; write the network with *Arcs or *Edges")
    }

    @Test("*Arcs before *Vertices")
    func arcsFirst() throws {
        let e = try error("*Arcs\n1 2\n")
        #expect(e?.line == 1)
        #expect(e?.message == "*Arcs before *Vertices")
    }

    @Test("data before any section and a file with no *Vertices")
    func noVertices() throws {
        let e = try error("1 2\n")
        #expect(e?.message == "data before the first section header (expected `*Vertices <count>`)")
        let empty = try error("% only a comment\n")
        #expect(empty?.message == "no *Vertices section: not a Pajek network (expected `*Vertices <count>`)")
    }

    @Test("vertex listed twice names both lines")
    func vertexTwice() throws {
        let e = try error("*Vertices 2\n1 \"a\"\n1 \"b\"\n")
        #expect(e?.line == 3)
        #expect(e?.message == "vertex 1 is listed twice (first on line 2)")
    }

    @Test("unterminated quoted label")
    func unterminated() throws {
        let e = try error("*Vertices 1\n1 \"abc\n")
        #expect(e?.message == "unterminated quoted label for vertex 1")
    }

    @Test("partition block count differs from the network")
    func partitionMismatch() throws {
        let e = try error("*Vertices 2\n*Partition p.clu\n*Vertices 3\n1\n2\n3\n", name: "p.paj")
        #expect(e?.line == 3)
        #expect(e?.message == "'p' has 3 values but the network has 2 vertices")
        let short = try error("*Vertices 2\n*Vector v\n*Vertices 2\n1.5\n", name: "p.paj")
        #expect(short?.line == 3)
        #expect(short?.message == "*Vertices announces 2 values for 'v' but 1 follow")
    }

    @Test(".clu with fewer values than announced, non-integer class")
    func cluErrors() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let short = try dir.write("s.clu", "*Vertices 3\n1\n2\n")
        let e = #expect(throws: InputError.self) { _ = try PajekReader.readPartition(path: short) }
        #expect(e?.line == 1)
        #expect(e?.message == "*Vertices announces 3 values but the file has 2")
        let bad = try dir.write("b.clu", "*Vertices 2\n1\nx\n")
        let e2 = #expect(throws: InputError.self) { _ = try PajekReader.readPartition(path: bad) }
        #expect(e2?.line == 3)
        #expect(e2?.message == "expected an integer class number, found 'x'")
        let badVec = try dir.write("b.vec", "*Vertices 1\nabc\n")
        let e3 = #expect(throws: InputError.self) { _ = try PajekReader.readVector(path: badVec) }
        #expect(e3?.message == "expected a number, found 'abc'")
    }

    @Test("missing file")
    func missing() {
        let e = #expect(throws: InputError.self) { _ = try PajekReader.read(path: "/nonexistent/x.net") }
        #expect(e?.description == "/nonexistent/x.net: file not found")
    }
}
