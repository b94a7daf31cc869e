import Bibliometrics
import NetworkCore

extension DatasetReportContext {
    /// "The data": counts, coverage and what could not be matched.
    func overviewSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        if let description = dataset.manifest.description { blocks.append(.paragraph(description)) }
        let withYear = years.filter { $0 != nil }.count
        let withDOI = dois.filter { $0 != nil }.count
        var rows: [[ReportCell]] = [
            [.text("works"), .integer(workCount), .text(dataset.manifest.works.file)],
            [.text("works with a year"), .integer(withYear), .text(dataset.manifest.works.file)],
            [.text("works with a DOI"), .integer(withDOI), .text(dataset.manifest.works.file)],
        ]
        if let concepts = dataset.manifest.concepts {
            rows.append([.text("concepts and models in the vocabulary"), .integer(dataset.conceptIDs.count), .text(concepts.file)])
        }
        for layer in dataset.layers {
            rows.append([.text("\(layer.kind.rawValue) arcs"), .integer(layer.arcs.count), .text(layer.file)])
        }
        if citationArcCount == 0 {
            rows.append([.text("citation arcs"), .integer(0), .text("no citation layer")])
        }
        blocks.append(.table(ReportTable(
            name: "data-summary", title: "What the dataset holds",
            caption: "Counts of the rows read from each file of the dataset folder.",
            columns: ["item", "count", "file"], rows: rows)))

        for m in dataset.mappings {
            var text = "The attribute '\(m.attribute)' was derived through \(m.file): \(m.mapped) of \(workCount) works found a row"
            if m.unmapped > 0 {
                text += "; \(m.unmapped) works had values with no row (\(m.unmappedValues.joined(separator: "; "))) and form the group \(Partition.missingLabel)"
            }
            if m.emptySource > 0 { text += "; \(m.emptySource) works had no value to look up" }
            blocks.append(.paragraph(text + "."))
        }
        if citationArcCount == 0 {
            let empty = dataset.layers.filter { $0.kind == .citation }.map(\.file)
            blocks.append(.paragraph(
                (empty.isEmpty ? "This dataset has no citation layer" : "The citation layer (\(empty.joined(separator: ", "))) holds no arcs")
                + ", so the report analyses the other layers only; no citation statistics, central works or citation communities are shown or implied."))
        }
        return ReportSection(title: "The data", blocks: blocks)
    }
}
