import Foundation
import Testing
@testable import GraphvizRendering

/// Arc labels moved off nodes (``EdgeLabelPlacement``), on hand-made geometry and on the
/// quotient figure of the capture-recapture import, where Graphviz's `circo` drew labels
/// inside the large "(missing)" and "Biodiversity Conservation" groups.
@Suite struct EdgeLabelPlacementTests {
    typealias P = EdgeLabelPlacement.Point

    /// A straight arc from (0, 0) to (200, 0), its control points evenly spaced: the point
    /// at parameter t is (200 t, 0).
    static let straight: [P] = [P(x: 0, y: 0), P(x: 200.0 / 3, y: 0), P(x: 400.0 / 3, y: 0), P(x: 200, y: 0)]
    static let node = EdgeLabelPlacement.Ellipse(center: P(x: 0, y: 0), rx: 50, ry: 50)
    static let bounds = EdgeLabelPlacement.Box(center: P(x: 0, y: 0), width: 1000, height: 1000)

    static func label(at x: Double) -> EdgeLabelPlacement.Label {
        .init(box: .init(center: P(x: x, y: 0), width: 40, height: 12), curve: straight)
    }

    @Test func pointOnCurveIsTheBezierPoint() throws {
        // Evenly spaced control points: the cubic is the straight line itself.
        #expect(Self.close(EdgeLabelPlacement.pointOnCurve(Self.straight, at: 0.74).map { [$0] } ?? [], [P(x: 148, y: 0)]))
        // Two pieces, each taking half of t: t = 0.5 is the joint, t = 0.75 the middle of the second
        // piece, (1/8)(p3 + 3 p4 + 3 p5 + p6) = (1/8)(10 + 30 + 30 + 10, 0 + 30 + 30 + 0) = (10, 7.5).
        let two = [P(x: 0, y: 0), P(x: 0, y: 10), P(x: 10, y: 10), P(x: 10, y: 0), P(x: 10, y: 10), P(x: 10, y: 10), P(x: 10, y: 0)]
        #expect(Self.close(EdgeLabelPlacement.pointOnCurve(two, at: 0.5).map { [$0] } ?? [], [P(x: 10, y: 0)]))
        #expect(Self.close(EdgeLabelPlacement.pointOnCurve(two, at: 0.75).map { [$0] } ?? [], [P(x: 10, y: 7.5)]))
        #expect(EdgeLabelPlacement.pointOnCurve(Array(two.prefix(3)), at: 0.5) == nil)
    }

    @Test func labelClearOfEverythingStays() {
        let placed = EdgeLabelPlacement.place(labels: [Self.label(at: 150)], nodes: [Self.node], obstacles: [], bounds: Self.bounds)
        #expect(placed == [P(x: 150, y: 0)])
    }

    /// A 40 × 12 label centred at (30, 0), inside the node of radius 50 around the origin,
    /// goes to the arc's middle (100, 0): its box spans x 80…120, and the box's point nearest
    /// the node's centre, (80, 0), is 80 > 50 + 2 (margin) away.
    @Test func labelInsideANodeMovesToTheArcsMiddle() {
        let placed = EdgeLabelPlacement.place(labels: [Self.label(at: 30)], nodes: [Self.node], obstacles: [], bounds: Self.bounds)
        #expect(Self.close(placed, [P(x: 100, y: 0)]))
    }

    /// Two labels of one arc, both at (100, 0): the first stays; the second tries the arc at
    /// t = 0.5, 0.42, 0.58, 0.34, 0.66, 0.26 (x = 100, 84, 116, 68, 132, 52) — each box, grown
    /// by the 2-point margin, meets the first label's box (x 80…120) or the node — and takes
    /// t = 0.74: x = 148, box 128…168 (grown 126…170), clear of both.
    @Test func secondLabelSkipsThePlacedOneAndTheNode() {
        let placed = EdgeLabelPlacement.place(labels: [Self.label(at: 100), Self.label(at: 100)], nodes: [Self.node], obstacles: [], bounds: Self.bounds)
        #expect(Self.close(placed, [P(x: 100, y: 0), P(x: 148, y: 0)]))
    }

    /// A label that has nowhere to go outside obstacles covering the whole figure goes to the
    /// candidate with the least overlap, never to one worse than where it was.
    @Test func noFreePlaceKeepsTheLeastOverlap() {
        let wall = EdgeLabelPlacement.Box(center: P(x: 0, y: 0), width: 2000, height: 2000)
        let placed = EdgeLabelPlacement.place(labels: [Self.label(at: 30)], nodes: [Self.node], obstacles: [wall], bounds: Self.bounds)
        // At (30, 0) the label (x 10…50) overlaps the node's box (x −50…50) over 40 × 12 = 480 and
        // the wall over 480; at the first candidate, (100, 0), only the wall (480), and no
        // candidate does better (every one lies on the wall): ties go to the earliest.
        #expect(Self.close(placed, [P(x: 100, y: 0)]))
    }

    /// The xdot reader: node ellipses from pos/width/height (inches), the label's width from
    /// its `T` operation (+2), height 1.2 × the font size, the `lp` byte range, `bb`, `pad`,
    /// the arrowhead's box, and
    /// quoted values holding `]`, `;` and a `\`-newline continuation.
    @Test func readsALaidOutGraph() throws {
        let xdot = """
        digraph q {
        \tgraph [bb="0,0,300,200",
        \t\tlabel="legend ] ; text",
        \t\tlheight=0.5,
        \t\tlp="150,20",
        \t\tlwidth=2,
        \t\tpad=0.3
        \t];
        \tg0\t[height=1,
        \t\tpos="50,100",
        \t\twidth=2];
        \tg0 -> g1\t[_hdraw_="S 5 -solid c 7 -#444444 C 7 -#444444 P 3 240 96 250 100 240 104 ",
        \t\t_ldraw_="F 10 9 -Helvetica c 7 -#000000 T 150 98 0 56 4 -12 ] ",
        \t\tlabel="12 ]",
        \t\tlp="150,100",
        \t\tpos="e,250,100 100,100 133,100 166,\\
        100 200,100"];
        }
        """
        let bytes = Array(xdot.utf8)
        let g = LaidOutGraph(xdot: bytes)
        #expect(g.nodes == [.init(center: P(x: 50, y: 100), rx: 72, ry: 36)])
        #expect(g.bounds == .init(center: P(x: 150, y: 100), width: 300, height: 200))
        #expect(g.graphLabel == .init(center: P(x: 150, y: 20), width: 144, height: 36))
        #expect(g.labels.count == 1)
        #expect(g.labels.first?.box == .init(center: P(x: 150, y: 100), width: 58, height: 12))
        #expect(g.labels.first?.curve == [P(x: 100, y: 100), P(x: 133, y: 100), P(x: 166, y: 100), P(x: 200, y: 100)])
        let lp = try #require(g.labelPositions.first)
        #expect(String(decoding: bytes[lp], as: UTF8.self) == "\"150,100\"")
        // The arrowhead polygon (240,96) (250,100) (240,104): box x 240…250, y 96…104.
        #expect(g.arrowheads == [.init(center: P(x: 245, y: 100), width: 10, height: 8)])
        let pad = try #require(g.padValue)
        #expect(String(decoding: bytes[pad], as: UTF8.self) == "0.3")
    }

    /// The capture-recapture import's citation quotient (the groups and flows its report drew,
    /// 2026-12-04): drawn directly, `circo` puts at least one arc label's centre inside a
    /// group's circle; drawn through ``EdgeLabelPlacement`` none is, and the nodes do not move.
    @Test func quotientLabelsLeaveTheNodes() throws {
        let names = ["Ecology", "Zoology", "Marine & Freshwater Biology", "Ornithology", "Fisheries", "Multidisciplinary Sciences",
                     "Biology", "Biodiversity Conservation", "(missing)", "other 87 groups"]
        let sizes = [30956, 10894, 5528, 4077, 3622, 3571, 2086, 2008, 60694, 11287]
        var flows = [[Double]](repeating: [Double](repeating: 0, count: 10), count: 10)
        let within: [Double] = [41693, 6712, 3172, 3056, 2599, 938, 760, 608, 0, 10729]
        for i in 0..<10 { flows[i][i] = within[i] }
        for (a, b, f) in [(0, 8, 35216.0), (1, 8, 12972), (9, 8, 17287), (4, 8, 4304), (7, 8, 3791), (5, 8, 6350), (3, 8, 4625),
                          (2, 8, 6582), (0, 1, 8174), (1, 0, 9668), (0, 2, 3881), (2, 0, 3358), (0, 3, 4262), (3, 0, 3548),
                          (0, 5, 5715), (5, 0, 2095), (0, 7, 3135), (0, 6, 4287), (0, 9, 4511), (9, 0, 4273), (9, 6, 2216), (1, 2, 2363)] {
            flows[a][b] = f
        }
        var options = QuotientFigure.Options()
        options.mergedGroup = 9
        options.minimumFlow = 1821
        let figure = try QuotientFigure(groupNames: names, flows: flows, groupSizes: sizes, missingGroup: 8, options: options)
        #expect(figure.dotGraph.clearsEdgeLabels)
        let direct = String(decoding: try GraphvizRenderer.render(dot: figure.dotGraph.text, engine: figure.engine, format: .svg), as: UTF8.self)
        let cleared = String(decoding: try figure.render(format: .svg), as: UTF8.self)
        let circles = Self.ellipses(direct)
        #expect(circles.count == 10)
        #expect(Self.ellipses(cleared) == circles, "the nodes stay where the layout put them")
        let covered = Self.labelCentres(direct).filter { p in circles.contains { Self.inside(p, $0) } }
        #expect(!covered.isEmpty, "precondition: circo puts a label on a node")
        let stillCovered = Self.labelCentres(cleared).filter { p in circles.contains { Self.inside(p, $0) } }
        #expect(stillCovered.isEmpty, "labels on nodes: \(stillCovered)")
        #expect(Self.labelCentres(cleared).count == Self.labelCentres(direct).count)
        // Deterministic: the same bytes twice.
        #expect(try figure.render(format: .svg) == Array(cleared.utf8))
    }

    static func close(_ a: [P], _ b: [P]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0.x - $1.x) < 1e-9 && abs($0.y - $1.y) < 1e-9 }
    }

    // MARK: - SVG reading (Graphviz's own output: one attribute list per element)

    static func attribute(_ name: String, in element: Substring) -> Double? {
        guard let r = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<end])
    }

    static func ellipses(_ svg: String) -> [[Double]] {
        svg.components(separatedBy: "<ellipse").dropFirst().compactMap { piece in
            let e = Substring(piece.prefix { $0 != ">" })
            guard let cx = attribute("cx", in: e), let cy = attribute("cy", in: e), let rx = attribute("rx", in: e), let ry = attribute("ry", in: e) else { return nil }
            return [cx, cy, rx, ry]
        }
    }

    /// Centres of the arc labels: `<text>` elements inside `class="edge"` groups (the text's
    /// baseline sits about a third of the font size below its middle).
    static func labelCentres(_ svg: String) -> [P] {
        svg.components(separatedBy: "class=\"edge\"").dropFirst().compactMap { group in
            let body = group.components(separatedBy: "class=\"node\"")[0]
            guard let t = body.range(of: "<text") else { return nil }
            let e = Substring(body[t.upperBound...].prefix { $0 != ">" })
            guard let x = attribute("x", in: e), let y = attribute("y", in: e) else { return nil }
            return P(x: x, y: y - 10.0 / 3)
        }
    }

    static func inside(_ p: P, _ e: [Double]) -> Bool {
        let dx = (p.x - e[0]) / e[2], dy = (p.y - e[1]) / e[3]
        return dx * dx + dy * dy < 1
    }
}
