import Foundation
import Testing
@testable import NetworkCore

@Suite("GraphML reader")
struct GraphMLReaderTests {
    static let header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d0" for="node" attr.name="literature" attr.type="string"/>
          <key id="d1" for="edge" attr.name="weight" attr.type="double"/>

        """

    @Test("nodes, data attributes, weighted directed edges")
    func basic() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.graphml", Self.header + """
              <graph id="G" edgedefault="directed">
                <node id="a"><data key="d0">PAM</data></node>
                <node id="b"/>
                <node id="c"><data key="d0">HSR/QI</data></node>
                <edge source="a" target="b"><data key="d1">2.5</data></edge>
                <edge source="c" target="a"/>
              </graph>
            </graphml>
            """)
        let input = try NetworkInput.load(path: path)
        #expect(input.format == .graphML)
        #expect(input.graph.ids == ["a", "b", "c"])
        #expect(input.graph.arcCount == 2)
        #expect(input.graph.weights == [2.5, 1])
        #expect(input.attributes["literature"] == ["PAM", nil, "HSR/QI"])
        #expect(input.undirectedArcs == nil)
    }

    @Test("edge to an undeclared node names the line")
    func undeclared() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let path = try dir.write("g.graphml", Self.header + """
              <graph edgedefault="undirected">
                <node id="a"/>
                <edge source="a" target="zz"/>
              </graph>
            </graphml>
            """)
        let e = #expect(throws: InputError.self) { _ = try GraphMLReader.read(path: path) }
        #expect(e?.line == 7)
        #expect(e?.message == "edge to undeclared node 'zz'")
    }

    @Test("duplicate node, non-numeric weight, malformed XML, no graph")
    func errors() throws {
        let dir = try TempDirectory()
        defer { dir.remove() }
        let dup = try dir.write("d.graphml", Self.header + "<graph><node id=\"a\"/>\n<node id=\"a\"/></graph></graphml>")
        let e1 = #expect(throws: InputError.self) { _ = try GraphMLReader.read(path: dup) }
        #expect(e1?.message == "duplicate node id 'a' (first on line 5)")
        let weight = try dir.write("w.graphml", Self.header + "<graph><node id=\"a\"/><edge source=\"a\" target=\"a\"><data key=\"d1\">x</data></edge></graph></graphml>")
        let e2 = #expect(throws: InputError.self) { _ = try GraphMLReader.read(path: weight) }
        #expect(e2?.message == "non-numeric weight 'x'")
        let broken = try dir.write("b.graphml", "<graphml><graph><node id=\"a\"/></graph>\n<oops")
        let e3 = #expect(throws: InputError.self) { _ = try GraphMLReader.read(path: broken) }
        #expect(e3?.message.hasPrefix("not well-formed GraphML") == true)
        let none = try dir.write("n.graphml", "<graphml/>")
        let e4 = #expect(throws: InputError.self) { _ = try GraphMLReader.read(path: none) }
        #expect(e4?.message == "no <graph> element: not a GraphML file")
    }
}
