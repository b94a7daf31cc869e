import NetworkAlgorithms

extension DatasetReportContext {
    /// The categories of every work, for naming map clusters: the `categories` column that
    /// `siloscope import` writes (all the work's categories at the dataset's level, `;`-
    /// separated, each once), else — for a curated dataset — the work's group where it has
    /// one. Empty for a work with neither: it counts as a document without any category.
    var categoryFeatures: [[String]] {
        if let column = dataset.workAttributes["categories"] {
            return column.map { cell in
                guard let cell else { return [] }
                var seen = Set<String>()
                return cell.split(separator: ";").map(Self.trimmed).filter { !$0.isEmpty && seen.insert($0).inserted }
            }
        }
        if let g = groupAttribute, let values = dataset.workAttributes[g] {
            return values.map { v in v.flatMap { $0.isEmpty ? nil : [$0] } ?? [] }
        }
        return [[String]](repeating: [], count: workCount)
    }

    /// What ``categoryFeatures`` are, for the cluster table's caption.
    var categorySourceName: String {
        dataset.workAttributes["categories"] != nil ? "the works' categories ('categories')" : "the works' '\(groupTitle)'"
    }

    /// The map clusters' most over-represented categories: `items`' ``categoryFeatures``
    /// against those of the map's other items (G² at least the label threshold).
    func categoryLabels(items: [Int], clusters: [[Int]]) -> [[ClusterTerm]] {
        let categories = categoryFeatures
        return significant(ClusterLabels.label(features: items.map { categories[$0] }, members: clusters))
    }

    private static func trimmed(_ s: Substring) -> String {
        String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
