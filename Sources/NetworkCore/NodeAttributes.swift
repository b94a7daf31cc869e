/// Node attributes kept beside the adjacency, one column per attribute, aligned with a
/// graph's node indices (ARCHITECTURE.md §2: attributes never live inside the adjacency).
///
/// Values are kept as text exactly as read (`nil` when absent or empty); numeric
/// readings are derived on demand with ``numbers(_:)``.
public struct NodeAttributes: Sendable, Equatable {
    /// Number of nodes the columns are aligned with.
    public let nodeCount: Int
    /// Column names in the order they were added (the order of the source file).
    public private(set) var names: [String] = []
    private var columns: [String: [String?]] = [:]

    /// An empty table for `nodeCount` nodes.
    public init(nodeCount: Int) { self.nodeCount = nodeCount }

    /// The values of column `name`, or `nil` if there is no such column. O(1).
    public subscript(name: String) -> [String?]? { columns[name] }

    /// Whether the table has column `name`. O(1).
    public func has(_ name: String) -> Bool { columns[name] != nil }

    /// Sets column `name` (replacing it if present).
    /// - Precondition: `values.count == nodeCount`.
    public mutating func set(_ name: String, _ values: [String?]) {
        precondition(values.count == nodeCount, "column \(name) must have one value per node")
        if columns[name] == nil { names.append(name) }
        columns[name] = values
    }

    /// The column read as numbers; values that are missing or not numbers are `nil`.
    /// O(n).
    public func numbers(_ name: String) -> [Double?]? {
        columns[name].map { $0.map { $0.flatMap { Double($0.trimmingWhitespace()) } } }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
