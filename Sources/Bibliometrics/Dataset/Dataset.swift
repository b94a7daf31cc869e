import Foundation
import NetworkCore

/// One arc of a dataset layer, with its provenance.
public struct DatasetArc: Sendable, Equatable {
    /// Tail id (a work or concept id; for membership, a work id).
    public var from: String
    /// Head id (a work or concept id; for membership, the literature name).
    public var to: String
    /// The row's relation, when the layer has a relation column and the cell is not empty.
    public var relation: String?
    /// Layer file (relative to the dataset folder, as named in `dataset.yml`) and line.
    public var file: String
    public var line: Int
    /// The row's `source` cell (seed file and line), when the file has a `source` column.
    public var source: String?

    /// `file:line`, plus the row's source when present: `concepts.csv:12 (001_x.txt:214)`.
    public var provenance: String {
        source.map { "\(file):\(line) (\($0))" } ?? "\(file):\(line)"
    }
}

/// The arcs of one `layers:` entry.
public struct DatasetLayer: Sendable, Equatable {
    public var kind: DatasetManifest.LayerKind
    public var file: String
    public var arcs: [DatasetArc]
}

/// What a mapping did (reported in the load summary; unmapped values are never errors).
public struct MappingResult: Sendable, Equatable {
    /// The derived attribute (`as`).
    public var attribute: String
    /// The mapping file.
    public var file: String
    /// Works whose value found a row.
    public var mapped: Int
    /// Works whose value had no row in the mapping file (they get the missing group).
    public var unmapped: Int
    /// Works with no value in the `from` column.
    public var emptySource: Int
    /// The distinct values with no row, sorted.
    public var unmappedValues: [String]
}

/// A dataset folder loaded and validated (DESIGN §3): works with their attributes,
/// the concept vocabulary, and every layer's arcs with provenance.
///
/// Validation (each error an ``InputError`` naming file and line): everything
/// ``DatasetManifest`` checks; files named but absent; columns named but missing from a
/// header; duplicate work or concept ids (line of the second occurrence, naming the
/// first); ids shared by a work and a concept; duplicate keys in a mapping file; arcs whose
/// endpoints are unknown (citation: both works; membership: `from` a work; concept and
/// lineage: works or concepts); `group` naming no attribute.
public struct Dataset: Sendable {
    /// The folder as given.
    public let folder: String
    public let manifest: DatasetManifest
    /// Work ids in works.csv order (node order of every work graph).
    public let workIDs: [String]
    /// 1-based line of each work in works.csv.
    public let workLines: [Int]
    /// Every works.csv column except the id, plus each mapping's derived attribute,
    /// aligned with ``workIDs``. Empty cells are missing (`nil`).
    public let workAttributes: NodeAttributes
    /// Concept ids in vocabulary order (empty without `concepts:`).
    public let conceptIDs: [String]
    /// Every vocabulary column except the id, aligned with ``conceptIDs``.
    public let conceptAttributes: NodeAttributes
    /// The layers in manifest order.
    public let layers: [DatasetLayer]
    /// One result per mapping, in manifest order.
    public let mappings: [MappingResult]

    /// The work attribute used to group works by default (`group:`), if any.
    public var group: String? { manifest.group }

    /// Label of each work (label column; the id when missing).
    public var workLabels: [String] {
        let labels = workAttributes[labelColumn] ?? []
        return workIDs.indices.map { k in (k < labels.count ? labels[k] : nil) ?? workIDs[k] }
    }

    /// Name of the label column among ``workAttributes``.
    public let labelColumn: String

    /// Integer years a works table may hold (reports lay out years as a range, so an
    /// absurd year would ask for an absurd allocation); others are refused at load.
    public static let plausibleYears = -9999...9999

    /// Loads `folder/dataset.yml` and the files it names.
    ///
    /// Containment: every file `dataset.yml` names must resolve, after following links,
    /// to a file inside the folder; a name leading out (`../x.csv`, an absolute path, a
    /// link to elsewhere) is refused with the manifest line, before anything is read.
    public static func load(folder: String) throws -> Dataset {
        try load(folder: folder, containedIn: folder)
    }

    /// ``load(folder:)`` with the containment check made against `root` (a folder holding
    /// `folder`): `fetch` loads a staged copy in `root/.cache/` whose files are links to
    /// the dataset's own files.
    static func load(folder: String, containedIn root: String) throws -> Dataset {
        let manifestPath = (folder as NSString).appendingPathComponent("dataset.yml")
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw InputError(file: manifestPath, message: "file not found: a dataset folder needs a dataset.yml")
        }
        let manifest = try DatasetManifest.read(path: manifestPath)
        let folderName = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        if manifest.name != folderName {
            throw InputError(file: manifestPath, line: 1, field: "name",
                             message: "name '\(manifest.name)' differs from the folder name '\(folderName)'")
        }
        let loader = Loader(folder: folder, manifest: manifest)
        try loader.checkContainment(root: root)
        let dataset = try loader.load()
        try dataset.validateClaims()
        return dataset
    }

    init(folder: String, manifest: DatasetManifest, workIDs: [String], workLines: [Int],
         workAttributes: NodeAttributes, conceptIDs: [String], conceptAttributes: NodeAttributes,
         layers: [DatasetLayer], mappings: [MappingResult], labelColumn: String) {
        self.folder = folder
        self.manifest = manifest
        self.workIDs = workIDs
        self.workLines = workLines
        self.workAttributes = workAttributes
        self.conceptIDs = conceptIDs
        self.conceptAttributes = conceptAttributes
        self.layers = layers
        self.mappings = mappings
        self.labelColumn = labelColumn
    }
}

/// The loading steps, kept apart from the public type.
private struct Loader {
    let folder: String
    let manifest: DatasetManifest

    func path(_ file: String) -> String { (folder as NSString).appendingPathComponent(file) }

    /// Refuses any file of the manifest that resolves outside `root` (see
    /// ``Dataset/load(folder:)``). Files that do not exist are left to the readers,
    /// which report them as missing.
    func checkContainment(root: String) throws {
        guard let base = Loader.realPath(root) else {
            throw InputError(file: root, message: "dataset folder cannot be resolved")
        }
        var named: [(file: String, line: Int, key: String)] = [(manifest.works.file, manifest.works.line, "works")]
        named += manifest.mappings.map { ($0.file, $0.line, "mappings") }
        if let c = manifest.concepts { named.append((c.file, c.line, "concepts")) }
        named += manifest.layers.map { ($0.file, $0.line, "layers") }
        named += manifest.imports.map { ($0.file, $0.line, "imports") }
        named += manifest.tables.map { ($0.file, $0.line, "tables") }
        for entry in named {
            let full = path(entry.file)
            let quoted = InputError.quote(entry.file)
            if entry.file.hasPrefix("/") || entry.file.hasPrefix("~") {
                throw InputError(file: manifest.path, line: entry.line, field: entry.key,
                                 message: "file '\(quoted)' is an absolute path: files named in dataset.yml must lie inside the dataset folder")
            }
            // A dangling link or a missing file: not found (reported by the reader), unless
            // the name itself climbs out.
            guard let real = Loader.realPath(full) else {
                if entry.file.split(separator: "/").contains("..") {
                    throw InputError(file: manifest.path, line: entry.line, field: entry.key,
                                     message: "file '\(quoted)' leads outside the dataset folder: files named in dataset.yml must lie inside it")
                }
                continue
            }
            guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
                throw InputError(file: manifest.path, line: entry.line, field: entry.key,
                                 message: "file '\(quoted)' leads outside the dataset folder (through '..' or a link): files named in dataset.yml must lie inside it")
            }
        }
    }

    /// The canonical absolute path of an existing file (links followed), or `nil`.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a CSV named in dataset.yml at `line`; a missing file is reported at that line.
    func table(_ file: String, line: Int, key: String) throws -> CSVRows {
        let full = path(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputError(file: manifest.path, line: line, field: key, message: "file '\(file)' not found in \(folder)")
        }
        return try CSVRows(path: full, hasHeader: true, comments: false)
    }

    /// The column named in the manifest: must exist when given explicitly; the default is
    /// used only when present.
    func column(_ rows: CSVRows, explicit: String?, default name: String, role: String) throws -> Int? {
        if let explicit { return try rows.column(explicit, role: role) }
        return rows.optionalColumn(name)
    }

    func load() throws -> Dataset {
        // Works.
        let w = manifest.works
        let works = try table(w.file, line: w.line, key: "works")
        let idColumn = try works.column(w.id, role: "id")
        let labelColumn = try column(works, explicit: w.label, default: "label", role: "label")
        let yearColumn = try column(works, explicit: w.year, default: "year", role: "year")
        _ = try column(works, explicit: w.doi, default: "doi", role: "doi")
        var workIDs: [String] = []
        var workLines: [Int] = []
        var workIndex: [String: Int] = [:]
        for row in works.rows {
            let id = row[idColumn].trimmingWhitespace()
            guard !id.isEmpty else {
                throw InputError(file: works.file, line: row.line, field: w.id, message: "empty work id")
            }
            if let first = workIndex[id] {
                throw InputError(file: works.file, line: row.line, field: w.id,
                                 message: "duplicate work id '\(id)' (first on line \(workLines[first]))")
            }
            if let yearColumn, let year = Int(row[yearColumn].trimmingWhitespace()), !Dataset.plausibleYears.contains(year) {
                throw InputError(file: works.file, line: row.line, field: w.year ?? "year",
                                 message: "year \(year) is outside \(Dataset.plausibleYears.lowerBound)…\(Dataset.plausibleYears.upperBound): not a publication year")
            }
            workIndex[id] = workIDs.count
            workIDs.append(id)
            workLines.append(row.line)
        }
        var attributes = NodeAttributes(nodeCount: workIDs.count)
        for (c, name) in (works.header ?? []).enumerated() where c != idColumn && !name.isEmpty {
            attributes.set(name, works.rows.map { row in
                let value = row[c].trimmingWhitespace()
                return value.isEmpty ? nil : value
            })
        }

        // Mappings.
        var results: [MappingResult] = []
        for m in manifest.mappings {
            let lookup = try table(m.file, line: m.line, key: "mappings")
            let keyColumn = try lookup.column(m.key, role: "key")
            let valueColumn = try lookup.column(m.value, role: "value")
            guard let fromValues = attributes[m.from] else {
                throw InputError(file: works.file, line: works.headerLine, field: m.from,
                                 message: "column '\(m.from)' named by the mapping at \(manifest.path):\(m.line) not found in the header (columns: \((works.header ?? []).joined(separator: ", ")))")
            }
            if attributes.has(m.as) {
                throw InputError(file: manifest.path, line: m.line, field: "as",
                                 message: "mapping target '\(m.as)' is already a work attribute")
            }
            var map: [String: (value: String?, line: Int)] = [:]
            for row in lookup.rows {
                let key = row[keyColumn].trimmingWhitespace()
                if key.isEmpty { continue }
                if let first = map[key] {
                    throw InputError(file: lookup.file, line: row.line, field: m.key,
                                     message: "duplicate key '\(key)' (first on line \(first.line))")
                }
                let value = row[valueColumn].trimmingWhitespace()
                map[key] = (value.isEmpty ? nil : value, row.line)
            }
            var result = MappingResult(attribute: m.as, file: m.file, mapped: 0, unmapped: 0, emptySource: 0, unmappedValues: [])
            var unmappedValues = Set<String>()
            let derived: [String?] = fromValues.map { value in
                guard let value else { result.emptySource += 1; return nil }
                if let hit = map[value], let target = hit.value {
                    result.mapped += 1
                    return target
                }
                result.unmapped += 1
                unmappedValues.insert(value)
                return nil
            }
            result.unmappedValues = unmappedValues.sorted()
            attributes.set(m.as, derived)
            results.append(result)
        }
        if let group = manifest.group, !attributes.has(group) {
            throw InputError(file: manifest.path, line: manifest.groupLine, field: "group",
                             message: "group '\(group)' is neither a column of \(w.file) nor a mapping's 'as' (attributes: \(attributes.names.joined(separator: ", ")))")
        }

        // Concepts.
        var conceptIDs: [String] = []
        var conceptIndex: [String: Int] = [:]
        var conceptAttributes = NodeAttributes(nodeCount: 0)
        if let c = manifest.concepts {
            let vocabulary = try table(c.file, line: c.line, key: "concepts")
            let id = try vocabulary.column(c.id, role: "id")
            _ = try column(vocabulary, explicit: c.label, default: "label", role: "label")
            if let home = c.home { _ = try vocabulary.column(home, role: "home") }
            var lines: [Int] = []
            for row in vocabulary.rows {
                let value = row[id].trimmingWhitespace()
                guard !value.isEmpty else {
                    throw InputError(file: vocabulary.file, line: row.line, field: c.id, message: "empty concept id")
                }
                if let first = conceptIndex[value] {
                    throw InputError(file: vocabulary.file, line: row.line, field: c.id,
                                     message: "duplicate concept id '\(value)' (first on line \(lines[first]))")
                }
                if let work = workIndex[value] {
                    throw InputError(file: vocabulary.file, line: row.line, field: c.id,
                                     message: "concept id '\(value)' is also a work id (\(works.file):\(workLines[work]))")
                }
                conceptIndex[value] = conceptIDs.count
                conceptIDs.append(value)
                lines.append(row.line)
            }
            conceptAttributes = NodeAttributes(nodeCount: conceptIDs.count)
            for (k, name) in (vocabulary.header ?? []).enumerated() where k != id && !name.isEmpty {
                conceptAttributes.set(name, vocabulary.rows.map { row in
                    let value = row[k].trimmingWhitespace()
                    return value.isEmpty ? nil : value
                })
            }
        }

        // Layers.
        var layers: [DatasetLayer] = []
        for layer in manifest.layers {
            let rows = try table(layer.file, line: layer.line, key: "layers")
            let from = try rows.column(layer.from, role: "from")
            let to = try rows.column(layer.to, role: "to")
            let relation = try column(rows, explicit: layer.relation, default: "relation", role: "relation")
            let source = rows.optionalColumn("source")
            var arcs: [DatasetArc] = []
            arcs.reserveCapacity(rows.rows.count)
            for row in rows.rows {
                let a = row[from].trimmingWhitespace(), b = row[to].trimmingWhitespace()
                for (value, column) in [(a, layer.from), (b, layer.to)] where value.isEmpty {
                    throw InputError(file: rows.file, line: row.line, field: column, message: "empty endpoint")
                }
                try check(a, side: layer.from, isTail: true, layer: layer, rows: rows, line: row.line,
                          works: workIndex, concepts: conceptIndex)
                try check(b, side: layer.to, isTail: false, layer: layer, rows: rows, line: row.line,
                          works: workIndex, concepts: conceptIndex)
                let rel = relation.map { row[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
                let src = source.map { row[$0].trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
                arcs.append(DatasetArc(from: a, to: b, relation: rel, file: layer.file, line: row.line, source: src))
            }
            layers.append(DatasetLayer(kind: layer.kind, file: layer.file, arcs: arcs))
        }

        // Imports: the raw files must exist (issue 4 reads them).
        for i in manifest.imports where !FileManager.default.fileExists(atPath: path(i.file)) {
            throw InputError(file: manifest.path, line: i.line, field: "imports",
                             message: "file '\(i.file)' not found in \(folder)")
        }
        for t in manifest.tables {
            guard FileManager.default.fileExists(atPath: path(t.file)) else {
                throw InputError(file: manifest.path, line: t.line, field: "tables",
                                 message: "file '\(t.file)' not found in \(folder)")
            }
            if let column = t.countBy {
                let header = try CSVRows(path: path(t.file), hasHeader: true, comments: false).header ?? []
                guard header.contains(column) else {
                    throw InputError(file: path(t.file), line: 1, field: column,
                                     message: "count_by names column '\(column)', which the header lacks (columns: \(header.joined(separator: ", ")))")
                }
            }
        }

        return Dataset(folder: folder, manifest: manifest, workIDs: workIDs, workLines: workLines,
                       workAttributes: attributes, conceptIDs: conceptIDs, conceptAttributes: conceptAttributes,
                       layers: layers, mappings: results,
                       labelColumn: labelColumn.flatMap { works.header?[$0] } ?? (w.label ?? "label"))
    }

    /// Checks that a layer endpoint is a known node of the right kind.
    func check(_ id: String, side: String, isTail: Bool, layer: DatasetManifest.Layer, rows: CSVRows, line: Int,
               works: [String: Int], concepts: [String: Int]) throws {
        switch layer.kind {
        case .citation:
            if works[id] == nil {
                throw InputError(file: rows.file, line: line, field: side,
                                 message: "'\(id)' is not a work id of \(manifest.works.file)")
            }
        case .membership:
            if isTail && works[id] == nil {
                throw InputError(file: rows.file, line: line, field: side,
                                 message: "'\(id)' is not a work id of \(manifest.works.file)")
            }
        case .concept, .lineage:
            if works[id] == nil && concepts[id] == nil {
                let where_ = manifest.concepts.map { "\(manifest.works.file) or \($0.file)" } ?? manifest.works.file
                throw InputError(file: rows.file, line: line, field: side,
                                 message: "'\(id)' is neither a work nor a concept id (\(where_))")
            }
        }
    }
}
