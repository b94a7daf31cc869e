/// The parts of a laid-out graph in Graphviz's `xdot` output that
/// ``EdgeLabelPlacement`` needs: node ellipses, each labelled arc's spline and label box
/// (with the byte range of its `lp` value, to rewrite), the bounding box and the graph's
/// own label (the legend).
///
/// The reader walks the statements of the output (`name [attributes];`, `a -> b [...]`,
/// `graph [...]`), skipping quoted strings (with `\"` escapes and `\`-newline
/// continuations) and HTML labels (`<…>`, nested). Anything it does not understand is left
/// alone: an arc without `lp`, `pos` or `_ldraw_` is simply not moved. O(text length).
struct LaidOutGraph {
    var nodes: [EdgeLabelPlacement.Ellipse] = []
    var labels: [EdgeLabelPlacement.Label] = []
    /// Byte range of each label's `lp` value (parallel to `labels`).
    var labelPositions: [Range<Int>] = []
    /// The graph's bounding box (`bb`).
    var bounds: EdgeLabelPlacement.Box?
    /// The graph's own label (`lp`, `lwidth`, `lheight`), when it has one.
    var graphLabel: EdgeLabelPlacement.Box?
    /// Byte range of the graph's `pad` value, when it sets one.
    var padValue: Range<Int>?
    /// The boxes of the arrowheads (`_hdraw_` / `_tdraw_` polygons) of every arc.
    var arrowheads: [EdgeLabelPlacement.Box] = []

    /// Reads `text` (xdot output). Never fails: what cannot be read is left out.
    init(xdot text: [UInt8]) {
        var i = 0
        var statementStart = 0
        let n = text.count
        while i < n {
            let c = text[i]
            if c == UInt8(ascii: "\"") {
                i = LaidOutGraph.skipQuoted(text, from: i)
            } else if c == UInt8(ascii: "[") {
                let header = LaidOutGraph.trimmed(text, statementStart, i)
                let (attributes, end) = LaidOutGraph.attributes(text, from: i + 1)
                take(header: header, attributes: attributes, in: text)
                i = end
                statementStart = i
            } else if c == UInt8(ascii: ";") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") || c == 0x0A {
                i += 1
                statementStart = i
            } else {
                i += 1
            }
        }
    }

    private mutating func take(header: ArraySlice<UInt8>, attributes: [String: Range<Int>], in text: [UInt8]) {
        func string(_ key: String) -> String? {
            attributes[key].map { LaidOutGraph.value(text[$0]) }
        }
        let words = header.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        let isEdge = words.contains(where: { $0.elementsEqual("->".utf8) || $0.elementsEqual("--".utf8) })
        if words.count == 1, words[0].elementsEqual("graph".utf8) {
            if let bb = string("bb").map(LaidOutGraph.numbers), bb.count == 4 {
                bounds = EdgeLabelPlacement.Box(center: .init(x: (bb[0] + bb[2]) / 2, y: (bb[1] + bb[3]) / 2),
                                                width: bb[2] - bb[0], height: bb[3] - bb[1])
            }
            if let lp = string("lp").map(LaidOutGraph.numbers), lp.count == 2,
               let w = string("lwidth").flatMap(Double.init), let h = string("lheight").flatMap(Double.init) {
                graphLabel = EdgeLabelPlacement.Box(center: .init(x: lp[0], y: lp[1]), width: w * 72, height: h * 72)
            }
            if let pad = attributes["pad"] { padValue = pad }
        } else if words.count == 1, words[0].elementsEqual("node".utf8) || words[0].elementsEqual("edge".utf8) {
            return
        } else if isEdge {
            for key in ["_hdraw_", "_tdraw_"] {
                if let draw = string(key) { arrowheads += LaidOutGraph.polygonBoxes(draw) }
            }
            guard let lpRange = attributes["lp"], let lp = string("lp").map(LaidOutGraph.numbers), lp.count == 2,
                  let pos = string("pos"), let draw = string("_ldraw_"),
                  let size = LaidOutGraph.textSize(draw) else { return }
            var curve: [EdgeLabelPlacement.Point] = []
            for piece in pos.split(separator: " ") where !piece.hasPrefix("e,") && !piece.hasPrefix("s,") {
                let xy = LaidOutGraph.numbers(String(piece))
                if xy.count == 2 { curve.append(.init(x: xy[0], y: xy[1])) }
            }
            labels.append(.init(box: .init(center: .init(x: lp[0], y: lp[1]), width: size.width, height: size.height), curve: curve))
            labelPositions.append(lpRange)
        } else if !words.isEmpty {
            guard let p = string("pos").map(LaidOutGraph.numbers), p.count >= 2,
                  let w = string("width").flatMap(Double.init), let h = string("height").flatMap(Double.init) else { return }
            nodes.append(.init(center: .init(x: p[0], y: p[1]), rx: w * 36, ry: h * 36))
        }
    }

    /// The width and height of the text an `_ldraw_` value draws: the widest `T` operation
    /// (`T x y j w n -text`), and one line of 1.2 × the font size (`F size n -font`) per `T`.
    static func textSize(_ draw: String) -> (width: Double, height: Double)? {
        let tokens = draw.split(separator: " ")
        var width = 0.0, fontSize = 14.0, lines = 0
        var k = 0
        while k < tokens.count {
            if tokens[k] == "F", k + 1 < tokens.count, let s = Double(tokens[k + 1]) {
                fontSize = s
            } else if tokens[k] == "T", k + 4 < tokens.count, let w = Double(tokens[k + 4]) {
                width = max(width, w)
                lines += 1
            }
            k += 1
        }
        guard lines > 0, width > 0 else { return nil }
        return (width + 2, Double(lines) * fontSize * 1.2)
    }

    /// The bounding boxes of the polygons (`P n x1 y1 … xn yn`, filled or not: `p`) an xdot
    /// drawing value holds.
    static func polygonBoxes(_ draw: String) -> [EdgeLabelPlacement.Box] {
        let tokens = draw.split(separator: " ")
        var out: [EdgeLabelPlacement.Box] = []
        var k = 0
        while k < tokens.count {
            if tokens[k] == "P" || tokens[k] == "p", k + 1 < tokens.count, let n = Int(tokens[k + 1]), n > 0, k + 1 + 2 * n < tokens.count {
                var xs: [Double] = [], ys: [Double] = []
                for j in 0..<n {
                    if let x = Double(tokens[k + 2 + 2 * j]), let y = Double(tokens[k + 3 + 2 * j]) { xs.append(x); ys.append(y) }
                }
                if let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() {
                    out.append(.init(center: .init(x: (x0 + x1) / 2, y: (y0 + y1) / 2), width: x1 - x0, height: y1 - y0))
                }
                k += 2 + 2 * n
            } else {
                k += 1
            }
        }
        return out
    }

    /// The numbers of `"x,y"` / `"x0,y0,x1,y1"` (a trailing `!` ignored).
    static func numbers(_ s: String) -> [Double] {
        s.split(separator: ",").compactMap { Double($0.hasSuffix("!") ? $0.dropLast() : $0) }
    }

    /// A value's text: quotes removed, `\`-newline continuations joined.
    static func value(_ bytes: ArraySlice<UInt8>) -> String {
        var b = Array(bytes)
        if b.first == UInt8(ascii: "\""), b.count >= 2 { b = Array(b[1..<(b.count - 1)]) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = 0
        while k < b.count {
            if b[k] == UInt8(ascii: "\\"), k + 1 < b.count, b[k + 1] == 0x0A { k += 2; continue }
            out.append(b[k])
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func trimmed(_ t: [UInt8], _ a: Int, _ b: Int) -> ArraySlice<UInt8> {
        var lo = a, hi = b
        while lo < hi, t[lo] == 0x20 || t[lo] == 0x09 || t[lo] == 0x0A || t[lo] == 0x0D { lo += 1 }
        while hi > lo, t[hi - 1] == 0x20 || t[hi - 1] == 0x09 || t[hi - 1] == 0x0A || t[hi - 1] == 0x0D { hi -= 1 }
        return t[lo..<hi]
    }

    /// The index after the quoted string starting at `start` (a `"`).
    static func skipQuoted(_ t: [UInt8], from start: Int) -> Int {
        var k = start + 1
        while k < t.count {
            if t[k] == UInt8(ascii: "\\") { k += 2; continue }
            if t[k] == UInt8(ascii: "\"") { return k + 1 }
            k += 1
        }
        return t.count
    }

    /// The index after the HTML label starting at `start` (a `<`), nesting counted.
    static func skipHTML(_ t: [UInt8], from start: Int) -> Int {
        var depth = 0, k = start
        while k < t.count {
            if t[k] == UInt8(ascii: "<") { depth += 1 } else if t[k] == UInt8(ascii: ">") {
                depth -= 1
                if depth == 0 { return k + 1 }
            }
            k += 1
        }
        return t.count
    }

    /// The attributes of the list starting at `start` (after `[`): each key with the byte range
    /// of its value (quotes included), and the index after the closing `]`.
    static func attributes(_ t: [UInt8], from start: Int) -> ([String: Range<Int>], Int) {
        var out: [String: Range<Int>] = [:]
        var k = start
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ",") }
        while k < t.count {
            while k < t.count, isSpace(t[k]) { k += 1 }
            guard k < t.count else { break }
            if t[k] == UInt8(ascii: "]") { return (out, k + 1) }
            let keyStart = k
            while k < t.count, t[k] != UInt8(ascii: "="), t[k] != UInt8(ascii: "]"), !isSpace(t[k]) { k += 1 }
            let key = String(decoding: t[keyStart..<k], as: UTF8.self)
            while k < t.count, t[k] == 0x20 || t[k] == 0x09 { k += 1 }
            guard k < t.count, t[k] == UInt8(ascii: "=") else { continue }
            k += 1
            while k < t.count, t[k] == 0x20 || t[k] == 0x09 { k += 1 }
            guard k < t.count else { break }
            let valueStart = k
            if t[k] == UInt8(ascii: "\"") {
                k = skipQuoted(t, from: k)
            } else if t[k] == UInt8(ascii: "<") {
                k = skipHTML(t, from: k)
            } else {
                while k < t.count, !isSpace(t[k]), t[k] != UInt8(ascii: "]") { k += 1 }
            }
            out[key] = valueStart..<k
        }
        return (out, t.count)
    }
}
