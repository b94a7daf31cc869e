import Testing
@testable import GraphvizRendering

@Suite struct DOTWriterTests {
    @Test func writesSmallDigraphExactly() {
        var g = DOTGraph(name: "G", directed: true)
        g.graphAttributes["rankdir"] = "LR"
        g.nodeDefaults = ["shape": "box", "fontname": "Helvetica"]
        g.edgeDefaults = ["color": "#333333"]
        g.nodes = [DOTNode(id: "a", attributes: ["label": "A"]), DOTNode(id: "b")]
        g.edges = [DOTEdge(from: "a", to: "b", attributes: ["penwidth": "2", "label": "x"])]
        // Hand-written: defaults first, attributes sorted by key, every id quoted.
        let expected = """
            digraph "G" {
              graph [rankdir="LR"];
              node [fontname="Helvetica", shape="box"];
              edge [color="#333333"];
              "a" [label="A"];
              "b";
              "a" -> "b" [label="x", penwidth="2"];
            }

            """
        #expect(g.text == expected)
    }

    @Test func undirectedStrictUsesDoubleDash() {
        let g = DOTGraph(name: "U", directed: false, strict: true, edges: [DOTEdge(from: "x", to: "y")])
        #expect(g.text == "strict graph \"U\" {\n  \"x\" -- \"y\";\n}\n")
    }

    @Test func attributeOrderDoesNotDependOnInsertionOrder() {
        var a = DOTAttributes()
        a["zeta"] = "1"; a["alpha"] = "2"; a["mid"] = "3"
        var b = DOTAttributes()
        b["mid"] = "3"; b["alpha"] = "2"; b["zeta"] = "1"
        #expect(DOTGraph.attributeList(a) == " [alpha=\"2\", mid=\"3\", zeta=\"1\"]")
        #expect(DOTGraph.attributeList(a) == DOTGraph.attributeList(b))
    }

    @Test func subgraphsRankSameAndCluster() {
        var g = DOTGraph(name: "S", directed: true)
        g.subgraphs = [
            .sameRank(name: "year2001", nodeIDs: ["p1", "p2"]),
            .cluster(name: "pam", label: "PAM \"core\"", nodeIDs: ["p3"]),
        ]
        let expected = """
            digraph "S" {
              subgraph "year2001" {
                graph [rank="same"];
                "p1";
                "p2";
              }
              subgraph "cluster_pam" {
                graph [label="PAM \\"core\\""];
                "p3";
              }
            }

            """
        #expect(g.text == expected)
    }

    @Test func quotedEscapesQuotesAndBackslashes() {
        #expect(DOTEscaping.quoted("say \"hi\"") == #""say \"hi\"""#)
        // Graphviz would expand \N to the node name and \l to a left-justified break.
        #expect(DOTEscaping.quoted(#"\N and \G and \l"#) == #""\\N and \\G and \\l""#)
        // A trailing backslash must not swallow the closing quote.
        #expect(DOTEscaping.quoted(#"C:\dir\"#) == #""C:\\dir\\""#)
        #expect(DOTEscaping.quoted("") == "\"\"")
    }

    @Test func quotedTurnsLineBreaksIntoEscapesAndDropsControls() {
        #expect(DOTEscaping.quoted("a\nb") == #""a\nb""#)
        #expect(DOTEscaping.quoted("a\r\nb") == #""a\nb""#)  // CRLF is one break
        #expect(DOTEscaping.quoted("a\rb") == #""a\nb""#)
        #expect(DOTEscaping.quoted("a\tb") == "\"a b\"")
        #expect(DOTEscaping.quoted("a\u{0}b\u{7}c\u{1B}d") == "\"abcd\"")
        #expect(DOTEscaping.quoted("Müller – 北京") == "\"Müller – 北京\"")
    }

    @Test func quotedEscapesAmpersandSoEntitiesStayLiteral() {
        #expect(DOTEscaping.quoted("R&D &lt;x&gt;") == "\"R&amp;D &amp;lt;x&amp;gt;\"")
    }

    @Test func xmlEscapesMarkupCharacters() {
        #expect(DOTEscaping.xml(#"<b>"A" & 'B'</b>"#) == "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;")
        #expect(DOTEscaping.xml("line1\nline2\u{0}") == "line1 line2")
    }

    @Test func htmlLabelEscapesOnlyUserText() {
        let label = HTMLLabel.markup("<B>") + .text("</B><TABLE>&") + .markup("</B>")
        #expect(label.markup == "<B>&lt;/B&gt;&lt;TABLE&gt;&amp;</B>")
        let node = DOTNode(id: "n", attributes: ["label": .html(label)])
        let g = DOTGraph(name: "H", directed: true, nodes: [node])
        #expect(g.text.contains("\"n\" [label=<<B>&lt;/B&gt;&lt;TABLE&gt;&amp;</B>>];"))
    }

    @Test func identifiersAreBareOnlyWhenPlain() {
        #expect(DOTEscaping.identifier("URL") == "URL")
        #expect(DOTEscaping.identifier("font_name2") == "font_name2")
        #expect(DOTEscaping.identifier("2x") == "\"2x\"")
        #expect(DOTEscaping.identifier("a b") == "\"a b\"")
        #expect(DOTEscaping.identifier("x\"] ; y=[") == #""x\"] ; y=[""#)
    }

    @Test func hostileIDsStayInsideTheirQuotes() {
        let hostile = "a\" -> \"b\"; c [label=\"pwn"
        let g = DOTGraph(name: "G", directed: true, nodes: [DOTNode(id: hostile)])
        // One node statement line, with every quote escaped.
        #expect(g.text == "digraph \"G\" {\n  \"a\\\" -> \\\"b\\\"; c [label=\\\"pwn\";\n}\n")
    }
}
