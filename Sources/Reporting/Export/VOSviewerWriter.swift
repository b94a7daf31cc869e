/// Writes VOSviewer map and network files and the VOSviewer (Online) JSON file, as
/// VOSviewer Online's documentation defines them (van Eck & Waltman, *VOSviewer Online
/// documentation*, "VOSviewer map and network files" and "VOSviewer JSON files";
/// VOSviewer: van Eck & Waltman 2010, doi:10.1007/s11192-009-0146-3).
///
/// VOSviewer maps are undirected: each linked pair is one link whose strength is the
/// summed weight of the arcs between the two works in either direction (self-loops left
/// out). Items are numbered `1…n` in node order; the original id is in the description.
///
/// Columns / keys:
/// - `label` (the node label; a tab or line break becomes a space in the map file, and
///   a label with a comma, semicolon or quote is quoted with quotes doubled);
/// - `description`: the id and every text attribute, HTML-escaped, `<br>`-separated;
/// - `url`: `https://doi.org/DOI` when the node has a `doi` attribute, else its `url`;
/// - `x`, `y` when a layout is carried;
/// - `cluster` from the colour attribute (a partition): its groups numbered `1…k` in
///   order of first appearance, nodes without a value in one more cluster named
///   "(no value)"; at most 1000 clusters (VOSviewer's limit) — more is an error;
/// - `weight<NAME>` for each numeric attribute whose values are all ≥ 0 and whose name is
///   not `year`, `score<NAME>` for the other numeric attributes. In the map file a numeric
///   attribute missing for some node is left out (``MapFiles/skippedColumns``); in JSON
///   the item simply has no such key.
/// Deterministic. Time O(n · attributes + m log m).
public enum VOSviewerWriter {
    /// The map file and the network file.
    public struct MapFiles: Sendable {
        public var map: String
        public var network: String
        /// Numeric attributes left out of the map file because some node has no value.
        public var skippedColumns: [String]
        /// Labels changed because a map file line cannot hold them (tabs, line breaks).
        public var changedLabels: Int
    }

    /// An error the VOSviewer formats cannot express.
    public struct TooManyClusters: Error, CustomStringConvertible {
        public var attribute: String
        public var count: Int
        public var description: String {
            "VOSviewer allows at most 1000 clusters; '\(attribute)' has \(count) groups (choose another --color-by)"
        }
    }

    /// Cluster numbers (1-based) and names of the colour attribute, or `nil`.
    static func clusters(_ network: ExportNetwork) throws(TooManyClusters) -> (number: [Int], names: [String])? {
        guard let name = network.colorAttribute, let attribute = network.attribute(name) else { return nil }
        var index: [String: Int] = [:]
        var names: [String] = []
        var number = [Int](repeating: 0, count: network.nodeCount)
        for (v, value) in attribute.values.enumerated() {
            guard let value else { continue }
            if let k = index[value] { number[v] = k } else { names.append(value); index[value] = names.count; number[v] = names.count }
        }
        if attribute.values.contains(where: { $0 == nil }) {
            names.append("(no value)")
            for v in 0..<network.nodeCount where number[v] == 0 { number[v] = names.count }
        }
        guard names.count <= 1000 else { throw TooManyClusters(attribute: name, count: names.count) }
        return (number, names)
    }

    /// Numeric attributes as (header, attribute) in map-file order.
    static func numericColumns(_ network: ExportNetwork) -> [(header: String, key: String, isWeight: Bool, attribute: ExportAttribute)] {
        network.attributes.compactMap { attribute in
            guard attribute.kind != .text, !attribute.isPartition else { return nil }
            let nonNegative = attribute.values.allSatisfy { $0.flatMap(Double.init).map { $0 >= 0 } ?? true }
            let isWeight = nonNegative && attribute.name.lowercased() != "year"
            let key = ExportText.oneLine(attribute.name).filter { $0 != "<" && $0 != ">" }
            return ((isWeight ? "weight<" : "score<") + key + ">", key, isWeight, attribute)
        }
    }

    static func description(_ network: ExportNetwork, _ v: Int) -> String {
        var parts = ["id: " + html(network.ids[v])]
        for attribute in network.attributes where attribute.kind == .text || attribute.isPartition {
            guard let value = attribute.values[v], attribute.name != "label", attribute.name != "doi", attribute.name != "url" else { continue }
            parts.append(html(attribute.name) + ": " + html(value))
        }
        return parts.joined(separator: "<br>")
    }

    static func url(_ network: ExportNetwork, _ v: Int) -> String? {
        if let doi = network.attribute("doi")?.values[v], !doi.isEmpty { return "https://doi.org/" + doi }
        return network.attribute("url")?.values[v]
    }

    static func html(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A map-file cell: one line; quoted (quotes doubled) when it holds `,` `;` or `"`.
    static func cell(_ text: String) -> String {
        let line = ExportText.oneLine(text)
        guard line.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" }) else { return line }
        return ExportText.quotedDoublingQuotes(line)
    }

    /// The map and network files for `network`.
    public static func mapFiles(_ network: ExportNetwork) throws(TooManyClusters) -> MapFiles {
        let clusters = try clusters(network)
        let numeric = numericColumns(network)
        let complete = numeric.filter { !$0.attribute.values.contains(where: { $0 == nil }) }
        let skipped = numeric.filter { $0.attribute.values.contains(where: { $0 == nil }) }.map(\.attribute.name)
        var header = ["id", "label", "description", "url"]
        if network.positions != nil { header += ["x", "y"] }
        if clusters != nil { header.append("cluster") }
        header += complete.map(\.header)
        var map = header.joined(separator: "\t") + "\n"
        var changed = 0
        for v in 0..<network.nodeCount {
            if ExportText.needsOneLine(network.labels[v]) { changed += 1 }
            var row = ["\(v + 1)", cell(network.labels[v]), cell(description(network, v)), cell(url(network, v) ?? "")]
            if let p = network.positions?[v] { row += [ExportText.coordinate(p.x), ExportText.coordinate(p.y)] }
            if let clusters { row.append("\(clusters.number[v])") }
            row += complete.map { $0.attribute.values[v] ?? "" }
            map += row.joined(separator: "\t") + "\n"
        }
        var links = ""
        for link in network.undirectedLinks() {
            links += "\(link.a + 1)\t\(link.b + 1)\t\(ExportText.number(link.strength))\n"
        }
        return MapFiles(map: map, network: links, skippedColumns: skipped, changedLabels: changed)
    }

    struct JSONFile: Encodable {
        struct Item: Encodable {
            var id: Int
            var label: String
            var description: String
            var url: String?
            var x: Double?
            var y: Double?
            var cluster: Int?
            var weights: [String: Double]?
            var scores: [String: Double]?
        }
        struct Link: Encodable {
            var source_id: Int
            var target_id: Int
            var strength: Double
        }
        struct Cluster: Encodable { var cluster: Int; var label: String }
        struct ClusterColor: Encodable { var cluster: Int; var color: String }
        struct Network: Encodable { var items: [Item]; var links: [Link]; var clusters: [Cluster]? }
        struct ColorSchemes: Encodable { var cluster_colors: [ClusterColor] }
        struct Terminology: Encodable {
            var item = "work", items = "works", link = "link", links = "links"
            var cluster: String, clusters: String
            var link_strength = "Link strength", total_link_strength = "Total link strength"
        }
        struct Config: Encodable { var terminology: Terminology; var color_schemes: ColorSchemes? }
        struct Info: Encodable { var title: String; var description: String }
        var network: Network
        var config: Config
        var info: Info
    }

    /// The VOSviewer JSON file for `network` (cluster colours from ``ExportNetwork/colors``).
    public static func json(_ network: ExportNetwork) throws -> [UInt8] {
        let clusters = try clusters(network)
        let numeric = numericColumns(network)
        var items: [JSONFile.Item] = []
        items.reserveCapacity(network.nodeCount)
        for v in 0..<network.nodeCount {
            var weights: [String: Double] = [:], scores: [String: Double] = [:]
            for column in numeric {
                guard let text = column.attribute.values[v], let x = Double(text), x.isFinite else { continue }
                if column.isWeight { weights[column.key] = x } else { scores[column.key] = x }
            }
            let p = network.positions?[v]
            items.append(JSONFile.Item(
                id: v + 1, label: network.labels[v], description: description(network, v), url: url(network, v),
                x: p.map { ($0.x * 100).rounded() / 100 }, y: p.map { ($0.y * 100).rounded() / 100 },
                cluster: clusters?.number[v],
                weights: weights.isEmpty ? nil : weights, scores: scores.isEmpty ? nil : scores))
        }
        let links = network.undirectedLinks().map { JSONFile.Link(source_id: Int($0.a) + 1, target_id: Int($0.b) + 1, strength: $0.strength) }
        var clusterList: [JSONFile.Cluster]?
        var colors: JSONFile.ColorSchemes?
        if let clusters {
            clusterList = clusters.names.enumerated().map { JSONFile.Cluster(cluster: $0.offset + 1, label: $0.element) }
            if let nodeColors = network.colors {
                var colorOf: [Int: String] = [:]
                for v in 0..<network.nodeCount where colorOf[clusters.number[v]] == nil { colorOf[clusters.number[v]] = nodeColors[v] }
                colors = JSONFile.ColorSchemes(cluster_colors: colorOf.keys.sorted().map { JSONFile.ClusterColor(cluster: $0, color: colorOf[$0] ?? "#BBBBBB") })
            }
        }
        let clusterTerm = network.colorAttribute ?? "cluster"
        let file = JSONFile(
            network: JSONFile.Network(items: items, links: links, clusters: clusterList),
            config: JSONFile.Config(terminology: JSONFile.Terminology(cluster: clusterTerm, clusters: clusterTerm), color_schemes: colors),
            info: JSONFile.Info(title: network.title, description: "Written by Siloscope. Links are undirected: a link's strength sums the citations between the two works in either direction."))
        return try JSONOutput.encode(file)
    }
}
