import Foundation
import GraphvizRendering
import NetworkCore
import Testing
@testable import Reporting

/// The export writers: hand-checked output on a tiny graph, and round trips through
/// Siloscope's own readers (GraphML, Pajek with .clu/.vec, CSV, edge list).
@Suite("Export writers")
struct ExportWritersTests {
    /// a → b, a → c, b → c, c → a (weights 1, 2, 3, 4), plus an isolated d.
    /// Labels are awkward on purpose.
    static func tiny(weighted: Bool = true) throws -> (Graph, NodeAttributes) {
        var b = GraphBuilder()
        for id in ["a", "b", "c", "d"] { _ = b.addNode(id) }
        _ = b.addArc(from: "a", to: "b", weight: weighted ? 1 : nil)
        _ = b.addArc(from: "a", to: "c", weight: weighted ? 2 : nil)
        _ = b.addArc(from: "b", to: "c", weight: weighted ? 3 : nil)
        _ = b.addArc(from: "c", to: "a", weight: weighted ? 4 : nil)
        let graph = b.build().graph
        var attributes = NodeAttributes(nodeCount: 4)
        attributes.set("label", ["Say \"hi\" & <b>", "Müller; Ångström, 東京", "two\nlines\there", "back\\slash"])
        attributes.set("year", ["1999", "2001", nil, "2005"])
        attributes.set("literature", ["PAM", "Sociology", "PAM", nil])
        attributes.set("score", ["0.5", "1.25", "2", "-3"])
        return (graph, attributes)
    }

    static func network(layout: Bool = false) throws -> ExportNetwork {
        let (graph, attributes) = try tiny()
        return try ExportNetwork.build(graph: graph, attributes: attributes,
                                       measures: [ExportMeasure(name: "inDegree", values: graph.inDegrees().map(Double.init), isCount: true, isPartition: false)],
                                       options: ExportOptions(colorBy: "literature", sizeBy: "inDegree", layout: layout ? .neato : nil, title: "tiny"))
    }

    static func temporary(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("siloscope-export-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test("kinds are inferred: integers, reals, text; colours follow group size")
    func kindsAndColours() throws {
        let n = try Self.network()
        #expect(n.attribute("year")?.kind == .integer)
        #expect(n.attribute("score")?.kind == .real)
        #expect(n.attribute("literature")?.kind == .text)
        #expect(n.attribute("literature")?.isPartition == true)
        // PAM (2 works) is the largest group: first palette colour; Sociology second; d has none: grey.
        #expect(n.colors == [Palette.style(group: 0).fill, Palette.style(group: 1).fill, Palette.style(group: 0).fill, Palette.missing.fill])
        // inDegree a 1, b 1, c 2, d 0 → sizes 4 + 36·sqrt(x/2).
        // 4 + 36·sqrt(1/2) = 29.4558… → 29.46; 4 + 36·1 = 40; 0 → 4.
        #expect(n.sizes == [29.46, 29.46, 40, 4])
    }

    @Test("undirected links sum both directions and drop self-loops")
    func undirectedLinks() throws {
        let n = try Self.network()
        let links = n.undirectedLinks()
        // a–b 1; a–c 2 + 4 = 6; b–c 3.
        #expect(links.map { "\($0.a)-\($0.b):\($0.strength)" } == ["0-1:1.0", "0-2:6.0", "1-2:3.0"])
    }

    @Test("VOSviewer map and network files, by hand")
    func vosviewerFiles() throws {
        let files = try VOSviewerWriter.mapFiles(try Self.network())
        let lines = files.map.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "id\tlabel\tdescription\turl\tcluster\tscore<score>\tweight<inDegree>")
        #expect(lines[1] == "1\t\"Say \"\"hi\"\" & <b>\"\tid: a<br>literature: PAM\t\t1\t0.5\t1")
        #expect(lines[2] == "2\t\"Müller; Ångström, 東京\"\tid: b<br>literature: Sociology\t\t2\t1.25\t1")
        #expect(lines[3] == "3\ttwo lines here\tid: c<br>literature: PAM\t\t1\t2\t2")
        #expect(lines[4] == "4\tback\\slash\tid: d\t\t3\t-3\t0")
        #expect(files.skippedColumns == ["year"])
        #expect(files.changedLabels == 1)
        #expect(files.network == "1\t2\t1\n1\t3\t6\n2\t3\t3\n")
    }

    @Test("VOSviewer JSON has the documented keys and keeps every label")
    func vosviewerJSON() throws {
        let bytes = try VOSviewerWriter.json(try Self.network())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let network = try #require(object["network"] as? [String: Any])
        let items = try #require(network["items"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(items.map { $0["label"] as? String } == ["Say \"hi\" & <b>", "Müller; Ångström, 東京", "two\nlines\there", "back\\slash"])
        #expect(items[0]["cluster"] as? Int == 1 && items[3]["cluster"] as? Int == 3)
        #expect((items[0]["scores"] as? [String: Double])?["year"] == 1999)
        #expect((items[2]["scores"] as? [String: Double])?["year"] == nil)
        let links = try #require(network["links"] as? [[String: Any]])
        #expect(links.count == 3)
        #expect(links[1]["source_id"] as? Int == 1 && links[1]["target_id"] as? Int == 3 && links[1]["strength"] as? Double == 6)
        let clusters = try #require(network["clusters"] as? [[String: Any]])
        #expect(clusters.map { $0["label"] as? String } == ["PAM", "Sociology", "(no value)"])
    }

    @Test("GraphML reads back through GraphMLReader: ids, arcs, weights, labels and attributes")
    func graphMLRoundTrip() throws {
        let (graph, attributes) = try Self.tiny()
        let path = Self.temporary("tiny.graphml")
        _ = try NetworkExport.write(try Self.network(), to: .graphML, path: path)
        let back = try NetworkInput.load(path: path)
        #expect(back.graph.ids == graph.ids)
        #expect(back.graph.outTargets == graph.outTargets && back.graph.outOffsets == graph.outOffsets)
        #expect(back.graph.weights == graph.weights)
        for name in ["label", "year", "literature", "score"] {
            #expect(back.attributes[name] == attributes[name], "\(name)")
        }
        #expect(back.attributes["inDegree"] == ["1", "1", "2", "0"])
    }

    @Test("Pajek reads back through PajekReader with its .clu and .vec files")
    func pajekRoundTrip() throws {
        let (graph, _) = try Self.tiny()
        let path = Self.temporary("tiny.net")
        let written = try NetworkExport.write(try Self.network(), to: .pajek, path: path)
        #expect(written.files.map { ($0 as NSString).lastPathComponent } == ["tiny.net", "tiny-literature.clu", "tiny-score.vec", "tiny-inDegree.vec"])
        #expect(written.notes.contains { $0.contains("no .vec for year") })
        var back = try NetworkInput.load(path: path)
        try back.attachPartition(path: written.files[1])
        try back.attachVector(path: written.files[3])
        #expect(back.graph.ids == ["1", "2", "3", "4"])
        #expect(back.graph.outTargets == graph.outTargets && back.graph.weights == graph.weights)
        #expect(back.attributes["label"] == ["Say 'hi' & <b>", "Müller; Ångström, 東京", "two lines here", "back\\slash"])
        // Classes: PAM 1, Sociology 2, no value 0.
        #expect(back.attributes["tiny-literature"] == ["1", "2", "1", "0"])
        #expect(back.attributes["tiny-inDegree"]?.map { $0.flatMap(Double.init) } == [1, 1, 2, 0])
    }

    @Test("CSV node and arc tables read back as an edge list with --nodes")
    func csvRoundTrip() throws {
        let (graph, attributes) = try Self.tiny()
        let path = Self.temporary("tiny.csv")
        let written = try NetworkExport.write(try Self.network(), to: .csv, path: path)
        let back = try NetworkInput.load(path: written.files[0], nodes: written.files[1])
        // The isolated d is in the node table only, so it is not a node of the arc list.
        #expect(Array(back.graph.ids.prefix(3)) == ["a", "b", "c"])
        #expect(back.graph.arcCount == graph.arcCount && back.graph.weights == graph.weights)
        #expect(Array(back.attributes["label"]?.prefix(3) ?? []) == Array(attributes["label"]?.prefix(3) ?? []))
        #expect(Array(back.attributes["year"]?.prefix(3) ?? []) == ["1999", "2001", nil])
    }

    @Test("edge list: tab-separated, reads back; ids with spaces are refused")
    func edgeList() throws {
        let n = try Self.network()
        let list = try EdgeListWriter.edgeList(n)
        #expect(list.text == "a\tb\t1\na\tc\t2\nb\tc\t3\nc\ta\t4\n")
        #expect(list.isolated == 1)
        var b = GraphBuilder()
        _ = b.addArc(from: "x y", to: "z")
        let bad = ExportNetwork(graph: b.build().graph, labels: ["x y", "z"], attributes: [])
        #expect(throws: EdgeListWriter.UnwritableID.self) { try EdgeListWriter.edgeList(bad) }
    }

    @Test("GEXF: typed attributes, viz colour and size, edge weights, escaped newline")
    func gexf() throws {
        let text = GEXFWriter.write(try Self.network())
        #expect(text.contains("<attribute id=\"0\" title=\"year\" type=\"long\"/>"))
        #expect(text.contains("<attribute id=\"2\" title=\"score\" type=\"double\"/>"))
        #expect(text.contains("<node id=\"c\" label=\"two&#10;lines&#9;here\">"))
        #expect(text.contains("<node id=\"a\" label=\"Say &quot;hi&quot; &amp; &lt;b&gt;\">"))
        #expect(text.contains("<viz:color r=\"230\" g=\"159\" b=\"0\"/>"))  // #E69F00, the first palette colour
        #expect(text.contains("<edge id=\"3\" source=\"c\" target=\"a\" weight=\"4\"/>"))
        // c has no year: no attvalue for attribute 0 inside its node.
        let cNode = try #require(text.range(of: "<node id=\"c\"")).upperBound
        let cEnd = try #require(text.range(of: "</node>", range: cNode..<text.endIndex)).lowerBound
        #expect(!text[cNode..<cEnd].contains("for=\"0\""))
    }

    @Test("DOT parses in Graphviz and keeps pinned positions; layout is deterministic")
    func dotAndLayout() throws {
        let first = try Self.network(layout: true), second = try Self.network(layout: true)
        #expect(first.positions != nil && first.positions == second.positions)
        let dot = first.dotGraph().text
        #expect(dot.contains("label=\"two\\nlines"))
        let svg = try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }

    @Test("companion file names")
    func companions() {
        #expect(NetworkExport.companion(of: "/x/cora.net", suffix: "-class.clu") == "/x/cora-class.clu")
        #expect(NetworkExport.companion(of: "/x/map.txt", suffix: "-network") == "/x/map-network.txt")
        #expect(NetworkExport.companion(of: "arcs.csv", suffix: "-nodes") == "arcs-nodes.csv")
        #expect(NetworkExport.companion(of: "noext", suffix: "-nodes") == "noext-nodes")
    }
}

/// The interactive map's data in `index.html` and the network files beside a figure.
@Suite("Interactive map in index.html")
struct InteractiveMapHTMLTests {
    static func report() -> Report {
        var figure = ReportFigure(name: "net", title: "A map", caption: "Caption.",
                                  svg: Array("<svg viewBox=\"0 0 10 10\"><g class=\"node\"><title>n0</title></g></svg>".utf8), pdf: [], png: [])
        figure.map = InteractiveMap(groupTitle: "literature", measure: "PageRank",
                                    groups: [.init(name: "PAM", color: "#E69F00")],
                                    nodes: [.init(key: "n0", label: "</script><script>alert(1)</script> & Co", year: "2001", group: 0, value: 0.5, doi: "10.1/x")])
        return Report(name: "r", title: "T", source: "S", sections: [ReportSection(title: "One", blocks: [.figure(figure)])])
    }

    @Test("map data cannot close its script element; the script and controls are included once")
    func escapedData() throws {
        let html = try HTMLWriter.html(Self.report())
        #expect(!html.contains("</script><script>alert"))
        #expect(html.contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 Co"))
        #expect(html.contains("<figure id=\"figure-net\" data-map=\"net\">"))
        #expect(html.components(separatedBy: "figure[data-map]").count == 2)  // the script, once
        #expect(html.contains(".map-controls"))
    }

    @Test("a report without maps has no map script; HTML is deterministic")
    func noMapNoScript() throws {
        var plain = Self.report()
        if case .figure(var f) = plain.sections[0].blocks[0] { f.map = nil; plain.sections[0].blocks[0] = .figure(f) }
        let html = try HTMLWriter.html(plain)
        #expect(!html.contains("figure[data-map]") && !html.contains("map-data"))
        #expect(try HTMLWriter.html(Self.report()) == HTMLWriter.html(Self.report()))
    }

    @Test("a figure with its network gets .gexf and .vosviewer.json beside it, linked from the caption")
    func networkFiles() throws {
        var report = Self.report()
        if case .figure(var f) = report.sections[0].blocks[0] {
            f.network = try ExportWritersTests.network()
            report.sections[0].blocks[0] = .figure(f)
        }
        let files = try ReportFiles.files(for: report).map(\.0)
        #expect(files.contains("figures/net.gexf") && files.contains("figures/net.vosviewer.json"))
        let html = try HTMLWriter.html(report)
        #expect(html.contains("<a href=\"figures/net.gexf\">Gephi (GEXF)</a>"))
        #expect(html.contains("<a href=\"figures/net.vosviewer.json\">VOSviewer (JSON)</a>"))
    }

    @Test("the network behind a figure keeps the drawn nodes and the arcs among them")
    func induced() throws {
        let n = try ExportWritersTests.network()
        let sub = n.induced(by: [2, 0])  // c, a: arcs a→c and c→a remain
        #expect(sub.ids == ["c", "a"])
        #expect(sub.labels == ["two\nlines\there", "Say \"hi\" & <b>"])
        #expect(zip(sub.tails, sub.heads).map { "\($0)>\($1)" } == ["1>0", "0>1"])
        #expect(sub.weights == [2, 4])
        #expect(sub.attribute("year")?.values == [nil, "1999"])
    }
}
