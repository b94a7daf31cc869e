#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Moving arc labels off the nodes they are drawn under.
///
/// Graphviz's `circo` (and the other force-directed engines) put an arc's label near the
/// middle of its curve without looking at the nodes: between two large, close nodes the
/// label lands inside one of them and its number cannot be read (the quotient figure of an
/// imported search, where a large "(missing)" group sits beside every other). This pass runs
/// between the layout and the drawing: the graph is laid out once and written as `xdot`
/// (node centres and sizes, each arc's spline, each label's centre and text width), every
/// label that overlaps a node, an arrowhead, the graph's own label (the legend) or a label
/// placed before it is moved to the first free place of a fixed list of candidates, and the graph is drawn
/// from those positions (`nop2`: the layout is kept, only `lp` changed).
///
/// Definition (``place(labels:nodes:obstacles:bounds:)``): labels are taken in the order
/// given. A label whose box is inside `bounds`, clear of every node (each node an ellipse of
/// its drawn width and height, grown by ``margin``), of every obstacle and of every label
/// already placed stays where Graphviz put it. Otherwise the candidates are tried in order —
/// points of its arc at curve parameters 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18,
/// 0.82; then rings around the arc's middle point at radii of 1, 2, … 12 label heights, each
/// at 16 angles starting straight up and going anticlockwise — and the label goes to the
/// first clear one. When none is clear it goes to the candidate whose box overlaps the
/// least area of node boxes, obstacles and placed labels (ties: earliest candidate), which
/// is never worse than where it was.
///
/// Guarantees: pure and deterministic (fixed candidate order, ties to the earliest); a
/// figure whose labels overlap nothing is drawn from an unchanged layout. A label is never
/// moved off the figure (`bounds` is the layout's bounding box). Complexity: O(L · C ·
/// (N + L + O)) for L labels, C = 9 + 12·16 candidates, N nodes and O obstacles —
/// microseconds for a quotient of a dozen groups.
///
/// The ellipse–box test is the usual clamp of the ellipse's centre onto the box, exact for
/// circles. Label boxes are measured by Graphviz itself (the text width of the label's
/// `T` operation in `_ldraw_`, xdot format: https://graphviz.org/docs/outputs/canon/#xdot).
enum EdgeLabelPlacement {
    /// Clearance kept around nodes and labels, in points.
    static let margin = 2.0

    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// An axis-aligned box by its centre and size (points).
    struct Box: Equatable {
        var center: Point
        var width: Double
        var height: Double

        var minX: Double { center.x - width / 2 }
        var maxX: Double { center.x + width / 2 }
        var minY: Double { center.y - height / 2 }
        var maxY: Double { center.y + height / 2 }

        /// The area shared with `b` (0 when apart).
        func overlap(_ b: Box) -> Double {
            let w = min(maxX, b.maxX) - max(minX, b.minX)
            let h = min(maxY, b.maxY) - max(minY, b.minY)
            return w > 0 && h > 0 ? w * h : 0
        }

        /// Whether the box lies inside `b` (edges may touch).
        func isInside(_ b: Box) -> Bool {
            minX >= b.minX && maxX <= b.maxX && minY >= b.minY && maxY <= b.maxY
        }

        func moved(to p: Point) -> Box { Box(center: p, width: width, height: height) }
    }

    /// A node as drawn: an ellipse of half-axes `rx`, `ry` around `center`.
    struct Ellipse: Equatable {
        var center: Point
        var rx: Double
        var ry: Double

        /// Whether the ellipse, grown by `margin`, meets `box` (the point of the box nearest
        /// the centre lies inside the grown ellipse).
        func meets(_ box: Box, margin: Double) -> Bool {
            let a = rx + margin, b = ry + margin
            guard a > 0, b > 0 else { return false }
            let px = min(max(center.x, box.minX), box.maxX)
            let py = min(max(center.y, box.minY), box.maxY)
            let dx = (px - center.x) / a, dy = (py - center.y) / b
            return dx * dx + dy * dy < 1
        }

        var bounds: Box { Box(center: center, width: 2 * rx, height: 2 * ry) }
    }

    /// One arc's label: where Graphviz put it, its size, and the arc's spline (the control
    /// points of its piecewise cubic Bézier curve, `3k + 1` of them).
    struct Label: Equatable {
        var box: Box
        var curve: [Point]
    }

    /// The centre of each label (see the type's definition). Pure.
    static func place(labels: [Label], nodes: [Ellipse], obstacles: [Box], bounds: Box) -> [Point] {
        var placed: [Box] = []
        var out: [Point] = []
        placed.reserveCapacity(labels.count)
        out.reserveCapacity(labels.count)
        func clear(_ b: Box) -> Bool {
            let grown = Box(center: b.center, width: b.width + 2 * margin, height: b.height + 2 * margin)
            return b.isInside(bounds)
                && !nodes.contains(where: { $0.meets(b, margin: margin) })
                && !obstacles.contains(where: { $0.overlap(grown) > 0 })
                && !placed.contains(where: { $0.overlap(grown) > 0 })
        }
        func cost(_ b: Box) -> Double {
            var c = nodes.reduce(0) { $0 + $1.bounds.overlap(b) }
            c += obstacles.reduce(0) { $0 + $1.overlap(b) }
            c += placed.reduce(0) { $0 + $1.overlap(b) }
            if !b.isInside(bounds) { c += b.width * b.height }
            return c
        }
        for label in labels {
            var chosen = label.box
            if !clear(label.box) {
                let options = candidates(label)
                if let free = options.first(where: { clear(label.box.moved(to: $0)) }) {
                    chosen = label.box.moved(to: free)
                } else {
                    var best = (cost: cost(label.box), box: label.box)
                    for p in options {
                        let b = label.box.moved(to: p)
                        let c = cost(b)
                        // Ties (within rounding, 10⁻⁶ pt²) go to the earlier candidate.
                        if c < best.cost - 1e-6 { best = (c, b) }
                    }
                    chosen = best.box
                }
            }
            placed.append(chosen)
            out.append(chosen.center)
        }
        return out
    }

    /// The candidate centres of `label`, in the order they are tried.
    static func candidates(_ label: Label) -> [Point] {
        var out: [Point] = []
        let along = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82]
        for t in along { if let p = pointOnCurve(label.curve, at: t) { out.append(p) } }
        let middle = pointOnCurve(label.curve, at: 0.5) ?? label.box.center
        let step = max(label.box.height, 6)
        for ring in 1...12 {
            let r = Double(ring) * step
            for k in 0..<16 {
                let angle = Double.pi / 2 + Double(k) * Double.pi / 8
                out.append(Point(x: middle.x + r * cos(angle), y: middle.y + r * sin(angle)))
            }
        }
        return out
    }

    /// The point at parameter `t` ∈ [0, 1] of a piecewise cubic Bézier curve given by its
    /// `3k + 1` control points (each piece taking an equal share of `t`); `nil` for fewer
    /// than four points. A curve of a number of points that is not `3k + 1` uses its first
    /// `3k + 1`.
    static func pointOnCurve(_ c: [Point], at t: Double) -> Point? {
        let pieces = (c.count - 1) / 3
        guard pieces >= 1 else { return nil }
        let s = min(max(t, 0), 1) * Double(pieces)
        let i = min(Int(s), pieces - 1)
        let u = s - Double(i)
        let p0 = c[3 * i], p1 = c[3 * i + 1], p2 = c[3 * i + 2], p3 = c[3 * i + 3]
        let v = 1 - u
        let a = v * v * v, b = 3 * v * v * u, d = 3 * v * u * u, e = u * u * u
        return Point(x: a * p0.x + b * p1.x + d * p2.x + e * p3.x, y: a * p0.y + b * p1.y + d * p2.y + e * p3.y)
    }
}

extension EdgeLabelPlacement {
    /// `xdot` (a laid-out graph) with the `lp` of every arc label that
    /// ``place(labels:nodes:obstacles:bounds:)`` moves rewritten to its new centre (points,
    /// two decimals) and the graph's `pad` set to 0 (the layout's frame already holds it);
    /// `nil` when no label moves (the figure is then drawn as laid out).
    /// The graph's own label (the legend) and the arrowheads are obstacles. O(text length + placement).
    static func relaid(xdot: [UInt8]) -> [UInt8]? {
        let graph = LaidOutGraph(xdot: xdot)
        guard !graph.labels.isEmpty, let bounds = graph.bounds else { return nil }
        let placed = place(labels: graph.labels, nodes: graph.nodes, obstacles: (graph.graphLabel.map { [$0] } ?? []) + graph.arrowheads, bounds: bounds)
        var edits: [(Range<Int>, [UInt8])] = []
        for (k, p) in placed.enumerated() where p != graph.labels[k].box.center {
            edits.append((graph.labelPositions[k], Array("\"\(rounded(p.x)),\(rounded(p.y))\"".utf8)))
        }
        guard !edits.isEmpty else { return nil }
        // `nop2` pads the laid-out bounding box again: without this the figure would gain
        // a second margin (measured: 21.6 pt more on each side with `pad=0.3`).
        if let pad = graph.padValue { edits.append((pad, Array("0".utf8))) }
        var out = xdot
        for (range, bytes) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            out.replaceSubrange(range, with: bytes)
        }
        return out
    }

    /// `x` to two decimals, as Graphviz reads it.
    static func rounded(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return r == 0 ? "0" : String(r)
    }
}
