import Foundation
import Testing
@testable import GraphvizRendering

@Suite struct GraphvizRendererTests {
    static let small = "digraph G { a -> b; b -> c; c -> a; a [label=\"Alpha\"]; }"

    func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func rendersSVGInProcess() throws {
        let svg = string(try GraphvizRenderer.render(dot: Self.small, engine: .dot, format: .svg))
        #expect(svg.contains("<svg"))
        #expect(svg.contains(">Alpha</text>"))
    }

    @Test func badDOTGivesTypedParseErrorWithGraphvizMessage() throws {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph { a -> ; }", engine: .dot, format: .svg)
        }
        #expect(error?.kind == .parse)
        #expect(error?.engine == .dot)
        #expect(error?.format == .svg)
        // Graphviz's own text, with the line counted from this DOT text only.
        #expect(error?.message == "could not parse the DOT text: Error: syntax error in line 1 near ';'")
        let multiline = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph {\n a -> b;\n b -> ;\n}", engine: .dot, format: .svg)
        }
        #expect(multiline?.message.hasSuffix("syntax error in line 3 near ';'") == true)
        // The parser recovers: the next good graph still renders.
        let svg = string(try GraphvizRenderer.render(dot: Self.small, engine: .dot, format: .svg))
        #expect(svg.contains("Alpha"))
    }

    @Test func syntaxErrorLinesCountFromThisTextOnly() throws {
        // The scanner's line counter is process-global; earlier multi-line parses and
        // failed parses must not shift the line Graphviz reports.
        _ = try GraphvizRenderer.render(dot: "digraph A {\n x\n y\n}\n", engine: .dot, format: .svg)
        _ = try? GraphvizRenderer.render(dot: "digraph B {\n\n\n x -> }\n\n", engine: .dot, format: .svg)
        _ = try? GraphvizRenderer.render(dot: "digraph B {\n\n\n x -> }\n\n", engine: .dot, format: .svg)
        _ = try GraphvizRenderer.render(dot: "digraph D {\n x [label=\"a\nb\"]\n}\n", engine: .dot, format: .svg)
        _ = try GraphvizRenderer.render(dot: "digraph E {\n x [label=<<B>a</B>>]\n}\n", engine: .dot, format: .svg)
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph C { a -> ; }", engine: .dot, format: .svg)
        }
        #expect(error?.message.hasSuffix("syntax error in line 1 near ';'") == true)
    }

    @Test func nulInDOTIsRejectedBeforeGraphviz() {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizRenderer.render(dot: "digraph { a\u{0} }", engine: .dot, format: .svg)
        }
        #expect(error?.kind == .invalidInput)
    }

    @Test func pngHasSignatureAndDPIScalesIt() throws {
        let low = try GraphvizRenderer.render(dot: Self.small, engine: .dot, format: .png, pngDPI: 72)
        let high = try GraphvizRenderer.render(dot: Self.small, engine: .dot, format: .png, pngDPI: 144)
        #expect(Array(low.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func width(_ png: [UInt8]) -> Int { png[16..<20].reduce(0) { $0 << 8 | Int($1) } }
        // Twice the resolution: twice the pixel width (±1 for rounding).
        #expect(abs(width(high) - 2 * width(low)) <= 2)
    }

    @Test func pdfBytesAreIdenticalAcrossSecondsAndDateIsFixed() throws {
        let first = try GraphvizRenderer.render(dot: Self.small, engine: .dot, format: .pdf)
        Thread.sleep(forTimeInterval: 1.1)  // cairo stamps the date to the second
        let second = try GraphvizRenderer.render(dot: Self.small, engine: .dot, format: .pdf)
        #expect(first == second, "PDF bytes differ")
        let text = String(decoding: first, as: Unicode.ASCII.self)
        #expect(text.hasPrefix("%PDF"))
        #expect(text.contains("/CreationDate (D:19700101000000Z)"))
    }

    @Test func pdfNormalizerKeepsLengthAndRewritesDates() {
        let raw = Array("x /CreationDate (D:20261122191441Z) y /ModDate (D:20261122191441+01'00) z".utf8)
        let out = OutputNormalizer.normalizeDates(raw)
        #expect(out.count == raw.count)
        #expect(String(decoding: out, as: UTF8.self) == "x /CreationDate (D:19700101000000Z) y /ModDate (D:00000000000000+00'00) z")
    }

    @Test func sfdpIsReproducible() throws {
        let dot = (0..<80).map { "n\($0) -> n\(($0 * 7 + 3) % 80); n\($0) -> n\(($0 * 13 + 1) % 80);" }.joined()
        let text = "digraph { \(dot) }"
        let a = string(try GraphvizRenderer.render(dot: text, engine: .sfdp, format: .svg))
        let b = string(try GraphvizRenderer.render(dot: text, engine: .sfdp, format: .svg))
        let c = string(try GraphvizRenderer.render(dot: text, engine: .sfdp, format: .svg))
        // Anonymous graph: Graphviz's process-wide counter name is normalised to %0.
        #expect(a.contains("<title>%0</title>"))
        #expect(a == b, "first and second sfdp SVG differ")
        #expect(b == c, "second and third sfdp SVG differ")
    }

    @Test func concurrentRendersAreSerialisedAndIdentical() async throws {
        let dot = "digraph { " + (0..<60).map { "n\($0) -> n\(($0 * 11 + 5) % 60);" }.joined() + " }"
        let reference = try GraphvizRenderer.render(dot: dot, engine: .sfdp, format: .png)
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for i in 0..<8 {
                group.addTask {
                    // Interleave other work (a different graph and format) to stress the lock.
                    if i % 2 == 0 { _ = try GraphvizRenderer.render(dot: "graph { x -- y }", engine: .neato, format: .svg) }
                    return try GraphvizRenderer.render(dot: dot, engine: .sfdp, format: .png)
                }
            }
            var all: [[UInt8]] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == reference }, "renders differ")
    }

    @Test func hostileLabelsAreShownLiterallyInSVG() throws {
        let hostile = #"\N \G \l "quoted" <script>alert(1)</script> & trailing\"#
        let g = DOTGraph(name: "G", directed: true, nodes: [DOTNode(id: "n1", attributes: ["label": .text(hostile), "tooltip": .text(hostile)])])
        let svg = string(try GraphvizRenderer.render(g, engine: .dot, format: .svg))
        #expect(!svg.contains("<script>"))
        // The label text arrives literally (XML-escaped by Graphviz's SVG writer).
        #expect(svg.contains(#"\N \G \l &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; trailing\"#))
    }

    @Test func formatFromFileExtension() {
        #expect(FigureFormat(fileExtensionOf: "out/fig.SVG") == .svg)
        #expect(FigureFormat(fileExtensionOf: "a.b/fig.pdf") == .pdf)
        #expect(FigureFormat(fileExtensionOf: "fig.png") == .png)
        #expect(FigureFormat(fileExtensionOf: "fig.jpg") == nil)
        #expect(FigureFormat(fileExtensionOf: "dir.svg/fig") == nil)
        #expect(FigureFormat(fileExtensionOf: "fig") == nil)
    }

    @Test func missingPluginsBecomeAnInstallHint() {
        // What Graphviz prints when config6a is absent (ARCHITECTURE.md §5).
        let e = GraphvizError.fromGraphviz(
            kind: .layout, what: "layout with dot failed",
            messages: ["Error: Layout type: \"dot\" not recognized. Use one of:"], engine: .dot, format: .svg)
        #expect(e.kind == .pluginsMissing)
        #expect(e.message.contains("install the Debian packages libgraphviz-dev and graphviz"))
        let other = GraphvizError.fromGraphviz(kind: .render, what: "rendering png failed", messages: [], engine: .dot, format: .png)
        #expect(other.kind == .render && other.message == "rendering png failed")
    }

    @Test func errorDescriptionNamesEngineAndFormat() {
        let e = GraphvizError(kind: .layout, message: "boom", engine: .sfdp, format: .png)
        #expect(e.description == "Graphviz layout error (engine sfdp, format png): boom")
    }
}
