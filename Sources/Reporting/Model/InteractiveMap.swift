import GraphvizRendering
import NetworkCore

/// What `index.html` needs to make a figure explorable: for every node drawn, the key
/// Graphviz wrote as its SVG `<title>` (the DOT node id) and what to show on hover and
/// find by search; the groups of the legend with their colours.
///
/// The page stays complete without JavaScript (the static SVG is the figure); with it,
/// the map pans and zooms, finds works by label, shows details on hover or keyboard
/// focus, opens DOIs, and toggles groups from the legend. Pure data; deterministic.
public struct InteractiveMap: Sendable, Equatable {
    /// One drawn node.
    public struct Node: Sendable, Equatable {
        /// The SVG `<title>` of the node's `<g class="node">` (the DOT node id).
        public var key: String
        public var label: String
        public var year: String?
        /// The group index in ``InteractiveMap/groups``.
        public var group: Int?
        /// The figure's measure for this node (see ``InteractiveMap/measure``).
        public var value: Double?
        public var doi: String?
        public init(key: String, label: String, year: String? = nil, group: Int? = nil, value: Double? = nil, doi: String? = nil) {
            self.key = key; self.label = label; self.year = year; self.group = group; self.value = value; self.doi = doi
        }
    }

    /// A legend entry.
    public struct Group: Sendable, Equatable {
        public var name: String
        /// `#RRGGBB`, the colour the figure gives the group.
        public var color: String
        public init(name: String, color: String) { self.name = name; self.color = color }
    }

    /// What the groups are (e.g. "literature", "cluster").
    public var groupTitle: String
    /// The name of ``Node/value`` (e.g. "PageRank", "times cited"), if any.
    public var measure: String?
    public var groups: [Group]
    public var nodes: [Node]

    public init(groupTitle: String, measure: String?, groups: [Group], nodes: [Node]) {
        self.groupTitle = groupTitle; self.measure = measure; self.groups = groups; self.nodes = nodes
    }

    /// The map of a ``PartitionNetworkFigure``: its shown nodes (keys `n<index>`), their
    /// labels, years, groups (with the figure's colours), DOIs and a measure. O(shown).
    public static func partitionNetwork(
        shown: [Int32], partition: Partition, groupTitle: String, labels: [String], years: [String?]?,
        dois: [String?]?, measure: (name: String, values: [Double])?
    ) -> InteractiveMap {
        let groups = partition.groupNames.indices.map { g in
            Group(name: partition.groupNames[g],
                  color: Palette.style(group: g, isMissing: Int32(g) == partition.missingGroup).fill)
        }
        let nodes = shown.map { v32 -> Node in
            let v = Int(v32)
            return Node(key: "n\(v)", label: labels[v], year: years?[v] ?? nil,
                        group: Int(partition.groupOf[v]), value: measure?.values[v], doi: dois?[v] ?? nil)
        }
        return InteractiveMap(groupTitle: groupTitle, measure: measure?.name, groups: groups, nodes: nodes)
    }

    /// The map of a ``QuotientFigure``: one node per group (keys `g<index>`), the measure
    /// its size. O(groups).
    public static func quotient(groupNames: [String], missingGroup: Int32?, mergedGroup: Int? = nil, sizes: [Int], groupTitle: String) -> InteractiveMap {
        let groups = groupNames.indices.map { g in
            Group(name: groupNames[g], color: Palette.style(group: g, isMissing: Int32(g) == missingGroup, isMerged: g == mergedGroup).fill)
        }
        let nodes = groupNames.indices.map { g in
            Node(key: "g\(g)", label: groupNames[g], group: g, value: Double(sizes[g]))
        }
        return InteractiveMap(groupTitle: groupTitle, measure: "works", groups: groups, nodes: nodes)
    }
}

/// The figures' group colour, for code that must match a figure without drawing it.
enum GraphvizRenderingPalette {
    static func fill(group: Int, isMissing: Bool) -> String { Palette.style(group: group, isMissing: isMissing).fill }
}
