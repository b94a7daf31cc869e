import Foundation
import Testing
@testable import NetworkCore

@Suite("Network input entry point")
struct NetworkInputTests {
    @Test("reverse turns cited → citing files into citing → cited; provenance lines follow arcs")
    func reverse() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        // File lists cited → citing: B is cited by A and C.
        let path = try dir.write("g.cites", "B\tA\nB\tC\nA\tC\n")
        let input = try NetworkInput.load(path: path, reverse: true)
        #expect(input.format == .edgeList)
        let g = input.graph
        #expect(g.ids == ["B", "A", "C"])
        // Arcs citing → cited: A→B, C→B, C→A.
        let a = try #require(g.index(of: "A")), b = try #require(g.index(of: "B")), c = try #require(g.index(of: "C"))
        #expect(Array(g.successors(of: a)) == [b])
        #expect(Array(g.successors(of: c)) == [b, a])
        #expect(g.inDegree(b) == 2)
        // Arc from C: heads sorted (B=0, A=1): C→B came from line 2, C→A from line 3.
        let arcsOfC = g.outArcs(of: c)
        #expect(input.provenance(ofArc: arcsOfC.lowerBound) == "\(path):2")
        #expect(input.provenance(ofArc: arcsOfC.lowerBound + 1) == "\(path):3")
    }

    @Test("self-loops and duplicates counted under each policy")
    func policies() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.txt", "a b\na b\na a\nb c\n")
        let keep = try NetworkInput.load(path: path)
        #expect(keep.graph.arcCount == 4)
        #expect(keep.selfLoops == 1)
        #expect(keep.duplicateArcs == 1)
        let drop = try NetworkInput.load(path: path, duplicates: .drop, selfLoops: .drop)
        #expect(drop.graph.arcCount == 2)
        #expect(drop.selfLoops == 1)
        #expect(drop.duplicateArcs == 1)
        #expect(drop.droppedArcs == 2)
        #expect(drop.arcsRead == 4)
    }

    @Test("edge list + node table: isolated nodes added, missing values explicit")
    func nodesForEdgeList() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.tsv", "a\tb\nb\tc\n")
        let nodes = try dir.write("n.tsv", "# id\tfield\nb\tPAM\nz\tSociology\na\tPAM\n")
        let input = try NetworkInput.load(path: path, nodes: nodes)
        #expect(input.graph.ids == ["a", "b", "c", "z"])
        #expect(input.attributes["field"] == ["PAM", "PAM", nil, "Sociology"])
        let match = try #require(input.nodeTable)
        #expect(match.rows == 3)
        #expect(match.matched == 2)
        #expect(match.addedNodes == 1)
        #expect(match.unknownIDs == 0)
        #expect(match.nodesWithoutRow == 1)
    }

    @Test("Pajek + node table: unknown ids counted, rows matched by unique label")
    func nodesForPajek() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.net", "*Vertices 3\n1 \"x\"\n2 \"y\"\n3 \"w\"\n*Arcs\n1 2\n")
        let nodes = try dir.write("n.csv", "id,year\n1,1990\ny,1991\nq,1992\n")
        let input = try NetworkInput.load(path: path, nodes: nodes)
        #expect(input.graph.nodeCount == 3)
        #expect(input.attributes["year"] == ["1990", "1991", nil])
        #expect(input.attributes["label"] == ["x", "y", "w"])
        let match = try #require(input.nodeTable)
        #expect(match.matched == 2)
        #expect(match.matchedByLabel == 1)
        #expect(match.unknownIDs == 1)
        #expect(match.unknownExamples == ["q"])
        #expect(match.nodesWithoutRow == 1)
    }

    @Test("*Edges arcs are flagged as undirected in the graph")
    func edgesFlag() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.net", "*Vertices 3\n*Edges\n3 1\n*Arcs\n1 2\n")
        let input = try NetworkInput.load(path: path)
        // Graph arcs in CSR order: 1→2 (node 0), then 3→1 (node 2).
        #expect(input.undirectedArcs == [false, true])
        #expect(input.arcLines == [5, 3])
    }

    @Test("attach .clu/.vec: aligned values; count mismatch is an error")
    func attach() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.net", "*Vertices 2\n*Arcs\n1 2\n")
        var input = try NetworkInput.load(path: path)
        try input.attachPartition(path: dir.write("years.clu", "*Vertices 2\n1990\n1991\n"))
        #expect(input.attributes["years"] == ["1990", "1991"])
        try input.attachVector(path: dir.write("gcs.vec", "*Vertices 2\n0.5\n3\n"), name: "gcs")
        #expect(input.attributes.numbers("gcs") == [0.5, 3])
        let wrong = try dir.write("w.clu", "*Vertices 3\n1\n2\n3\n")
        let e = #expect(throws: InputError.self) { try input.attachPartition(path: wrong) }
        #expect(e?.description == "\(wrong): has 3 values but the network \(path) has 2 vertices")
    }

    @Test("a .clu given as a network is refused")
    func cluAsNetwork() throws {
        let e = #expect(throws: InputError.self) { _ = try NetworkInput.load(path: "x.clu") }
        #expect(e?.message == "is a Pajek partition/vector, not a network; give the .net file and attach it")
    }

    @Test("format by extension")
    func formats() {
        #expect(NetworkFormat.of(path: "a/B.NET") == .pajek)
        #expect(NetworkFormat.of(path: "a.paj") == .pajek)
        #expect(NetworkFormat.of(path: "a.csv") == .csvEdgeList)
        #expect(NetworkFormat.of(path: "a.graphml") == .graphML)
        #expect(NetworkFormat.of(path: "cora.cites") == .edgeList)
    }

    @Test("weighted edge list keeps weights, summing duplicates adds them")
    func weights() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.tsv", "a b 2\na b 3\nb a\n")
        let input = try NetworkInput.load(path: path, duplicates: .sum)
        #expect(input.graph.weights == [5, 1])
    }
}
