import Bibliometrics
import NetworkCore

extension DatasetReportContext {
    /// Attributes shown as cross-tabulations with the grouping: every work column with
    /// 2 to 12 distinct values other than the grouping itself, ids, labels, years,
    /// DOIs, provenance and free text.
    func categoricalAttributes() -> [String] {
        let manifest = dataset.manifest
        let excluded = Set([groupAttribute, manifest.works.label, manifest.works.year, manifest.works.doi,
                            dataset.labelColumn, "source", "label", "id", "doi", "year"].compactMap { $0 })
        return dataset.workAttributes.names.filter { name in
            guard !excluded.contains(name), let values = dataset.workAttributes[name] else { return false }
            let distinct = Set(values.compactMap { $0 })
            // Numbers (counts, scores) are not categories.
            let numeric = !distinct.isEmpty && distinct.allSatisfy { Double($0) != nil }
            return !numeric && distinct.count >= 2 && distinct.count <= 12
        }
    }

    /// Most groups a composition table has as columns; with more (and more groups than
    /// attribute values) the table is turned, one row per group.
    static let widestComposition = 12

    /// Groups "Works by <group>" shows readers when there are more (the CSV has them all).
    static let widestWorksTable = 16

    /// "Composition": works per group, and each categorical attribute by group.
    func compositionSection() -> ReportSection? {
        guard let g = groupAttribute else { return nil }
        var blocks: [ReportBlock] = []
        let sizes = partition.groupSizes()
        var order = Array(partition.groupNames.indices)  // by size, the missing group last
        // Many groups (an import's WoS categories): readers see the largest, then (missing)
        // and the total, the CSV has every group.
        let many = order.count > Self.widestWorksTable
        if many, let m = partition.missingGroup {
            order.removeAll { $0 == Int(m) }
            order.insert(Int(m), at: Self.widestWorksTable - 1)
        }
        func row(_ k: Int) -> [ReportCell] {
            [.text(partition.groupNames[k]), .integer(sizes[k]), .number(Double(sizes[k]) / Double(max(1, workCount)), digits: 3)]
        }
        let total: [ReportCell] = [.text("total"), .integer(workCount), .number(workCount > 0 ? 1 : 0, digits: 3)]
        // "95 groups: the 15 largest, (missing) and the total first, then the others".
        let missing = partition.missingGroup == nil ? 0 : 1
        let manyNote = "\(order.count - missing) groups: the \(Self.widestWorksTable - missing) largest"
            + (missing == 0 ? "" : ", \(Partition.missingLabel)") + " and the total first, then the others"
        let rows = many ? order.prefix(Self.widestWorksTable).map(row) + [total] + order.dropFirst(Self.widestWorksTable).map(row)
                        : order.map(row) + [total]
        blocks.append(.table(ReportTable(
            name: "works-by-\(slug(g))", title: "Works by \(g)",
            caption: "Number and share of the \(workCount) works in each group of '\(g)'" + (many ? " (\(manyNote))." : "."),
            columns: [g, "works", "share"],
            rows: rows,
            displayLimit: many ? Self.widestWorksTable + 1 : nil)))

        // How the grouping was derived, value by value.
        if let mapping = dataset.manifest.mappings.first(where: { $0.as == g }), let from = dataset.workAttributes[mapping.from] {
            var counts: [String: Int] = [:]
            var target: [String: String] = [:]
            for w in 0..<workCount {
                let key = from[w] ?? "(no value)"
                counts[key, default: 0] += 1
                target[key] = groupName(w)
            }
            let keys = counts.keys.sorted { (target[$0] ?? "", $0) < (target[$1] ?? "", $1) }
            blocks.append(.table(ReportTable(
                name: "\(slug(mapping.from))-to-\(slug(g))", title: "\(mapping.from.capitalized) as reported → \(g)",
                caption: "Each reported value of '\(mapping.from)', the group the mapping file \(mapping.file) assigns to it, and how many works carry it. Edit \(mapping.file) to regroup.",
                columns: [mapping.from, g, "works"],
                rows: keys.map { [.text($0), .text(target[$0] ?? Partition.missingLabel), .integer(counts[$0] ?? 0)] },
                displayLimit: 40)))
        }

        for attribute in categoricalAttributes() {
            guard let values = dataset.workAttributes[attribute] else { continue }
            let rowsPartition = Partition(values: values)
            var table = [[Int]](repeating: [Int](repeating: 0, count: partition.groupCount), count: rowsPartition.groupCount)
            for w in 0..<workCount { table[Int(rowsPartition.groupOf[w])][Int(partition.groupOf[w])] += 1 }
            let columnTotals = (0..<partition.groupCount).map { c in table.reduce(0) { $0 + $1[c] } }
            let columns = order.filter { columnTotals[$0] > 0 }
            if columns.count > Self.widestComposition && columns.count > rowsPartition.groupCount {
                // Many groups (an import's ~100 WoS categories): one row per group instead of
                // one column, so the table stays readable.
                let rowTotals = table.map { $0.reduce(0, +) }
                let values = (0..<rowsPartition.groupCount).filter { rowTotals[$0] > 0 }
                blocks.append(.table(ReportTable(
                    name: "\(slug(attribute))-by-\(slug(g))", title: "Works by \(g) and \(attribute)",
                    caption: "Cross-tabulation of the works by '\(g)' (rows, largest first) and '\(attribute)' (columns), with totals.",
                    columns: [g] + values.map { rowsPartition.groupNames[$0] } + ["total"],
                    rows: columns.map { c in
                        [.text(partition.groupNames[c])] + values.map { .integer(table[$0][c]) } + [.integer(columnTotals[c])]
                    } + [[.text("total")] + values.map { .integer(rowTotals[$0]) } + [.integer(workCount)]],
                    displayLimit: 40)))
                continue
            }
            var rows: [[ReportCell]] = []
            for r in 0..<rowsPartition.groupCount {
                rows.append([.text(rowsPartition.groupNames[r])] + columns.map { .integer(table[r][$0]) } + [.integer(table[r].reduce(0, +))])
            }
            rows.append([.text("total")] + columns.map { .integer(columnTotals[$0]) } + [.integer(workCount)])
            blocks.append(.table(ReportTable(
                name: "\(slug(attribute))-by-\(slug(g))", title: "Works by \(attribute) and \(g)",
                caption: "Cross-tabulation of the works by '\(attribute)' (rows) and '\(g)' (columns), with totals.",
                columns: [attribute] + columns.map { partition.groupNames[$0] } + ["total"], rows: rows)))
        }
        return ReportSection(title: "Composition", blocks: blocks)
    }
}
