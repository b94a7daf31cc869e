import Foundation
import NetworkCore

extension ReferenceListDataset {
    /// `siloscope import FILE… --format references-text --out DIR`: each text file is one
    /// citing document (its id is the file name folded to letters and digits, its list the
    /// text after its `References` heading, or the whole file when it has none); the lists
    /// are matched into works as ``build(citing:known:venues:options:)`` does (no known works,
    /// no venue mapping).
    ///
    /// Writes `dataset.yml`, `works.csv`, `citations.csv`, `references.csv`, `matches.csv`
    /// into `out` (created if needed) and returns the dataset, whose ``summary`` is the
    /// ARCHITECTURE.md §6 import JSON. Throws ``InputError`` for an unreadable or non-UTF-8 file.
    /// Deterministic: same files in the same order give byte-identical output.
    @discardableResult
    public static func importLists(files: [String], out: String, options: MatchOptions = MatchOptions()) throws -> ReferenceListDataset {
        var used = Set<String>()
        let docs = try files.map { path -> CitingDocument in
            let name = URL(fileURLWithPath: path).lastPathComponent
            let text = try readText(path)
            let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            var id = AuthorName.fold(base).isEmpty ? "list" : AuthorName.fold(base)
            if id.first?.isNumber == true { id = "list" + id }
            let stem = id
            var suffix = 2
            while used.contains(id) { id = "\(stem)-\(suffix)"; suffix += 1 }
            used.insert(id)
            let work = Work(id: id, title: name, sources: [SourceSpan(file: name, firstLine: 1, lastLine: 1)])
            return CitingDocument(work: work, list: ReferencesText.parse(text, file: name, section: .auto))
        }
        let dataset = build(citing: docs, known: [], venues: [], options: options)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try dataset.write(to: out)
        let name = URL(fileURLWithPath: out).lastPathComponent
        let manifest = DatasetManifest.citationDatasetYAML(
            name: name, title: "Citation layer imported from \(files.count) reference list(s)",
            source: files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))
        try Data(manifest.utf8).write(to: URL(fileURLWithPath: out + "/dataset.yml"), options: .atomic)
        return dataset
    }

}
