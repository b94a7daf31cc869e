import Foundation

/// How one group is drawn: fill colour, node shape and a readable label colour.
public struct GroupStyle: Sendable, Equatable, Hashable {
    /// Fill colour, `#RRGGBB`.
    public let fill: String
    /// Human name of the colour (for legends and alt text), e.g. "orange".
    public let colorName: String
    /// Graphviz node shape (`circle` for the first 8 groups).
    public let shape: String
    /// Text colour with enough contrast on ``fill`` (`#000000` or `#FFFFFF`).
    public let fontColor: String
}

/// The Okabe–Ito colour-blind-safe palette and the deterministic group → style mapping
/// used by every figure.
///
/// Source: Okabe, M. & Ito, K. (2008), *Color Universal Design (CUD): How to make
/// figures and presentations that are friendly to colorblind people*,
/// https://jfly.uni-koeln.de/color/ (first published at jfly.iam.u-tokyo.ac.jp/color/;
/// eight colours distinguishable under protanopia,
/// deuteranopia and tritanopia).
///
/// Mapping: group `i` gets colour `i mod 8` (in the order of ``colors``) and shape
/// `shapes[(i / 8) mod shapes.count]`; so groups 0–7 are circles of eight colours, groups
/// 8–15 repeat the colours as squares, and so on. Legends say so whenever
/// ``needsShapes(groupCount:)`` is true. The missing-value group is always
/// ``missing`` (grey), whatever its index. Pure and deterministic.
public enum Palette {
    /// The eight Okabe–Ito colours, in the order groups receive them. Black comes last
    /// because it hides labels and arcs best.
    public static let colors: [(name: String, hex: String)] = [
        ("orange", "#E69F00"),
        ("sky blue", "#56B4E9"),
        ("bluish green", "#009E73"),
        ("yellow", "#F0E442"),
        ("blue", "#0072B2"),
        ("vermillion", "#D55E00"),
        ("reddish purple", "#CC79A7"),
        ("black", "#000000"),
    ]

    /// Node shapes cycled through once the colours run out (every 8 groups).
    public static let shapes: [String] = ["circle", "square", "triangle", "diamond", "pentagon", "hexagon", "invtriangle", "octagon"]

    /// The style of the "(missing)" group: light grey (not an Okabe–Ito colour, so it
    /// never collides with a real group), circle.
    public static let missing = GroupStyle(fill: "#BBBBBB", colorName: "grey", shape: "circle", fontColor: "#000000")
    /// Style of a node standing for several merged groups ("other 87 groups"): white, so it
    /// never borrows a colour a named group has. Figures draw its outline dashed.
    public static let merged = GroupStyle(fill: "#FFFFFF", colorName: "white", shape: "circle", fontColor: "#000000")

    /// Style of group `index` in a figure that may have one merged node (``merged``) besides
    /// the missing group. O(1).
    public static func style(group index: Int, isMissing: Bool, isMerged: Bool) -> GroupStyle {
        isMerged && !isMissing ? merged : style(group: index, isMissing: isMissing)
    }

    /// Whether `groupCount` groups need shapes as well as colours (more than 8).
    public static func needsShapes(groupCount: Int) -> Bool { groupCount > colors.count }

    /// Style of group `index`; `isMissing` selects ``missing``. O(1).
    public static func style(group index: Int, isMissing: Bool = false) -> GroupStyle {
        if isMissing { return missing }
        let i = max(index, 0)
        let c = colors[i % colors.count]
        let shape = shapes[(i / colors.count) % shapes.count]
        return GroupStyle(fill: c.hex, colorName: c.name, shape: shape, fontColor: contrastingText(on: c.hex))
    }

    /// `#FFFFFF` on dark fills, `#000000` on light ones (WCAG relative luminance < 0.2). Pure.
    public static func contrastingText(on hex: String) -> String {
        let digits = Array(hex.utf8.dropFirst())
        guard digits.count == 6 else { return "#000000" }
        func channel(_ k: Int) -> Double {
            let s = String(decoding: digits[(2 * k)..<(2 * k + 2)], as: UTF8.self)
            let v = Double(Int(s, radix: 16) ?? 0) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
        return l < 0.2 ? "#FFFFFF" : "#000000"
    }
}
