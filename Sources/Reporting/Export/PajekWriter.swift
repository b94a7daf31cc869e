/// Writes Pajek files (Batagelj & Mrvar, *Pajek manual*; de Nooy, Mrvar & Batagelj 2011,
/// doi:10.1017/CBO9780511996368): the network `.net`, one partition `.clu` per
/// grouping attribute and one vector `.vec` per numeric attribute.
///
/// - `.net`: `*Vertices n`, then `k "label"` for every vertex (with `x y 0.5` scaled into
///   the unit square when a layout is carried), then `*Arcs` lines `u v [weight]` in the
///   graph's arc order. Pajek numbers vertices `1…n` in node-index order, so node ids
///   survive only as labels; a reader gets ids `"1"…"n"`.
/// - Pajek labels are one line between double quotes with no escape (igraph rejects
///   `\"`), so a double quote in a label is written as an apostrophe and a tab or line
///   break as a space; ``Output/changedLabels`` counts the labels so changed.
/// - `.clu`: `*Vertices n` then one class number per vertex: groups numbered `1…k` in
///   order of first appearance, `0` for a node without a value; `%` comment lines after
///   the header name each class.
/// - `.vec`: `*Vertices n` then one number per vertex; written only for numeric
///   attributes every node has (Pajek has no missing value), the others are listed in
///   ``Output/skippedVectors``.
/// Deterministic. Time O(n · attributes + m).
public enum PajekWriter {
    /// The files written, as (suffix appended to the stem, text).
    public struct Output: Sendable {
        /// `("", net)` first, then `("-NAME.clu", …)` and `("-NAME.vec", …)` files.
        public var files: [(suffix: String, text: String)]
        /// Labels changed because Pajek cannot hold them (quotes, tabs, line breaks).
        public var changedLabels: Int
        /// Numeric attributes not written because some node has no value.
        public var skippedVectors: [String]
    }

    /// Every Pajek file for `network`.
    public static func write(_ network: ExportNetwork) -> Output {
        var changed = 0
        var net = "*Vertices \(network.nodeCount)\n"
        let unit = network.positions.map(unitSquare)
        for v in 0..<network.nodeCount {
            let label = network.labels[v]
            let safe = ExportText.oneLine(label).replacingQuotes()
            if safe != label { changed += 1 }
            net += "\(v + 1) \"\(safe)\""
            if let unit {
                net += " \(fixed(unit[v].x)) \(fixed(unit[v].y)) 0.5"
            }
            net += "\n"
        }
        net += "*Arcs\n"
        for a in 0..<network.arcCount {
            net += "\(network.tails[a] + 1) \(network.heads[a] + 1)"
            if let w = network.weights?[a] { net += " \(ExportText.number(w))" }
            net += "\n"
        }
        var files: [(suffix: String, text: String)] = [("", net)]
        var skipped: [String] = []
        for attribute in network.attributes {
            let stem = "-" + fileStem(attribute.name)
            if attribute.isPartition || attribute.kind == .text {
                guard attribute.isPartition else { continue }
                var number: [String: Int] = [:]
                var names: [String] = []
                var lines = ""
                for value in attribute.values {
                    guard let value else { lines += "0\n"; continue }
                    if let k = number[value] {
                        lines += "\(k)\n"
                    } else {
                        names.append(value)
                        number[value] = names.count
                        lines += "\(names.count)\n"
                    }
                }
                var header = "*Vertices \(network.nodeCount)\n"
                header += "% \(ExportText.oneLine(attribute.name)): 0 = no value"
                for (k, name) in names.enumerated() { header += "; \(k + 1) = \(ExportText.oneLine(name))" }
                files.append((stem + ".clu", header + "\n" + lines))
            } else {
                guard !attribute.values.contains(where: { $0 == nil }) else { skipped.append(attribute.name); continue }
                let lines = attribute.values.map { ($0 ?? "") + "\n" }.joined()
                files.append((stem + ".vec", "*Vertices \(network.nodeCount)\n" + lines))
            }
        }
        return Output(files: files, changedLabels: changed, skippedVectors: skipped)
    }

    /// Positions scaled into [0, 1]², the same factor on both axes (aspect kept), y
    /// flipped (Pajek's y grows downwards).
    static func unitSquare(_ points: [ExportPoint]) -> [ExportPoint] {
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return points }
        let span = max(maxX - minX, maxY - minY)
        guard span > 0 else { return points.map { _ in ExportPoint(x: 0.5, y: 0.5) } }
        return points.map { ExportPoint(x: ($0.x - minX) / span, y: (maxY - $0.y) / span) }
    }

    static func fixed(_ x: Double) -> String {
        let scaled = Int64((x * 10_000).rounded())
        let whole = scaled / 10_000, frac = scaled % 10_000
        let digits = String(frac)
        return "\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// A file-name-safe form of an attribute name: letters, digits, `-` and `_` kept,
    /// anything else `_`.
    static func fileStem(_ name: String) -> String {
        String(name.unicodeScalars.map { s -> Character in
            let ok = (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
            return ok ? Character(s) : "_"
        })
    }
}

private extension String {
    func replacingQuotes() -> String {
        String(unicodeScalars.map { $0 == "\"" ? "'" : Character($0) })
    }
}
