import Foundation
import NetworkCore
import Yams

/// The parsed `dataset.yml` of a dataset folder (schema in the README, "Dataset format").
///
/// Parsed with Yams' `compose`, which keeps the line of every node, so each error names
/// the line of the offending key in `dataset.yml`: unknown keys, missing required keys,
/// values of the wrong type, unknown layer kinds. Column names are checked later, against
/// the files, by ``Dataset/load(folder:)``.
public struct DatasetManifest: Sendable, Equatable {
    /// `works:` — the node table of works.
    public struct Works: Sendable, Equatable {
        public var file: String
        /// Id column (default `id`).
        public var id: String
        /// Label column; `nil` = the default `label`, used when the file has it.
        public var label: String?
        /// Year column; `nil` = the default `year`, used when the file has it.
        public var year: String?
        /// DOI column; `nil` = the default `doi`, used when the file has it.
        public var doi: String?
        /// Line of the `works:` key.
        public var line: Int
    }

    /// One entry of `mappings:` — derive a work attribute through a lookup table.
    public struct Mapping: Sendable, Equatable {
        public var file: String
        /// Column of works.csv whose value is looked up.
        public var from: String
        /// Column of the mapping file matched against it (default: `from`).
        public var key: String
        /// Column of the mapping file giving the new value (default: `as`).
        public var value: String
        /// Name of the new work attribute.
        public var `as`: String
        public var line: Int
        /// Column of the mapping file listing each row's alternative values (`;`-separated),
        /// for the sensitivity of claims to the mapping (README, "Claims").
        public var alternatives: String? = nil
        /// Column of the mapping file saying why a row's alternatives are reasonable.
        public var alternativesReason: String? = nil
    }

    /// `concepts:` — the concept / model vocabulary.
    public struct Concepts: Sendable, Equatable {
        public var file: String
        public var id: String
        public var label: String?
        /// Column with the concept's home literature (only where a seed states it).
        public var home: String?
        public var line: Int
    }

    /// Kinds of arc layers (DESIGN §2).
    public enum LayerKind: String, Sendable, CaseIterable {
        /// work → work: *cites*.
        case citation
        /// work → concept: *uses / adopts*.
        case concept
        /// concept/model → concept/model: *derives from / extends*.
        case lineage
        /// work → literature (free text).
        case membership

        /// Default `(from, to)` column names.
        public var defaultColumns: (from: String, to: String) {
            switch self {
            case .citation: return ("citing", "cited")
            case .concept: return ("work", "concept")
            case .lineage: return ("from", "to")
            case .membership: return ("work", "literature")
            }
        }
    }

    /// One entry of `layers:`.
    public struct Layer: Sendable, Equatable {
        public var kind: LayerKind
        public var file: String
        public var from: String
        public var to: String
        /// Relation column; `nil` = the default `relation`, used when the file has it.
        public var relation: String?
        public var line: Int
    }

    /// One entry of `imports:` (raw exports turned into a citation layer, issue 4).
    public struct Import: Sendable, Equatable {
        public var format: String
        public var file: String
        public var line: Int
    }

    /// One entry of `tables:`: a CSV file of the dataset shown in its report as it is
    /// (e.g. a match report), optionally summarised by counting the values of a column.
    public struct Table: Sendable, Equatable {
        public var file: String
        public var title: String
        public var caption: String?
        /// A column whose values are counted in a summary table shown before the file.
        public var countBy: String?
        public var line: Int
    }

    /// Path of the `dataset.yml` read.
    public var path: String
    /// `name:` — must equal the folder name; used as `Reports/<name>/`.
    public var name: String
    /// `title:`, `source:` (required) and `description:` (optional) free text.
    public var title: String
    public var source: String
    public var description: String?
    public var works: Works
    public var mappings: [Mapping]
    /// Default partition attribute for reports, and the line of the `group:` key.
    public var group: String?
    public var groupLine: Int?
    public var concepts: Concepts?
    public var layers: [Layer]
    public var imports: [Import]
    public var tables: [Table] = []
    /// `claims:` — claims tested in the report (``Claim``).
    public var claims: [Claim] = []

    /// Reads and validates `path` (a `dataset.yml`).
    public static func read(path: String) throws -> DatasetManifest {
        let text = try InputFile(path: path).text()
        return try parse(yaml: text, path: path)
    }

    /// Parses manifest text; `path` names the file in errors.
    public static func parse(yaml: String, path: String) throws -> DatasetManifest {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.inputError(error, path: path)
        } catch {
            throw InputError(file: path, message: "cannot be parsed as YAML (\(error))")
        }
        guard let root else { throw InputError(file: path, line: 1, message: "is empty: expected the keys name, title, source, works") }
        let top = try YAMLMap(root, path: path, context: "dataset.yml",
                              allowed: ["name", "title", "source", "description", "works", "mappings", "group",
                                        "concepts", "layers", "imports", "tables", "claims"])
        let worksMap = try YAMLMap(try top.required("works"), path: path, context: "works",
                                   allowed: ["file", "id", "label", "year", "doi"])
        let works = Works(
            file: try worksMap.requiredText("file"), id: try worksMap.text("id") ?? "id",
            label: try worksMap.text("label"), year: try worksMap.text("year"), doi: try worksMap.text("doi"),
            line: top.line(of: "works"))
        var mappings: [Mapping] = []
        for item in try top.list("mappings") {
            let m = try YAMLMap(item, path: path, context: "mappings entry",
                                allowed: ["file", "from", "key", "value", "as", "alternatives", "alternatives_reason"])
            let from = try m.requiredText("from"), target = try m.requiredText("as")
            mappings.append(Mapping(file: try m.requiredText("file"), from: from, key: try m.text("key") ?? from,
                                    value: try m.text("value") ?? target, as: target, line: m.line,
                                    alternatives: try m.text("alternatives"), alternativesReason: try m.text("alternatives_reason")))
        }
        var concepts: Concepts?
        if let node = top.node("concepts") {
            let c = try YAMLMap(node, path: path, context: "concepts", allowed: ["file", "id", "label", "home"])
            concepts = Concepts(file: try c.requiredText("file"), id: try c.text("id") ?? "id",
                                label: try c.text("label"), home: try c.text("home"), line: top.line(of: "concepts"))
        }
        var layers: [Layer] = []
        for item in try top.list("layers") {
            let l = try YAMLMap(item, path: path, context: "layers entry", allowed: ["kind", "file", "from", "to", "relation"])
            let kindText = try l.requiredText("kind")
            guard let kind = LayerKind(rawValue: kindText) else {
                throw InputError(file: path, line: l.line(of: "kind"), field: "kind",
                                 message: "unknown layer kind '\(kindText)' (expected citation, concept, lineage or membership)")
            }
            let defaults = kind.defaultColumns
            layers.append(Layer(kind: kind, file: try l.requiredText("file"), from: try l.text("from") ?? defaults.from,
                                to: try l.text("to") ?? defaults.to, relation: try l.text("relation"), line: l.line))
        }
        var imports: [Import] = []
        for item in try top.list("imports") {
            let i = try YAMLMap(item, path: path, context: "imports entry", allowed: ["format", "file"])
            imports.append(Import(format: try i.requiredText("format"), file: try i.requiredText("file"), line: i.line))
        }
        var tables: [Table] = []
        for item in try top.list("tables") {
            let t = try YAMLMap(item, path: path, context: "tables entry", allowed: ["file", "title", "caption", "count_by"])
            tables.append(Table(file: try t.requiredText("file"), title: try t.requiredText("title"),
                                caption: try t.text("caption"), countBy: try t.text("count_by"), line: t.line))
        }
        var manifest = DatasetManifest(
            path: path, name: try top.requiredText("name"), title: try top.requiredText("title"),
            source: try top.requiredText("source"), description: try top.text("description"),
            works: works, mappings: mappings, group: try top.text("group"),
            groupLine: top.node("group") != nil ? top.line(of: "group") : nil,
            concepts: concepts, layers: layers, imports: imports)
        manifest.tables = tables
        manifest.claims = try parseClaims(top, path: path)
        return manifest
    }

    /// An ``InputError`` with the line libyaml reported.
    static func inputError(_ error: YamlError, path: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return InputError(file: path, line: mark.line, message: "invalid YAML: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(file: path, line: context.mark.line,
                              message: "invalid YAML: repeated key \(duplicates.joined(separator: ", "))")
        default:
            return InputError(file: path, message: "invalid YAML: \(error)")
        }
    }
}

/// A YAML mapping node with the checks the manifest needs: allowed keys, required keys,
/// value types, each reported with the line of the key in the file.
struct YAMLMap {
    let path: String
    let context: String
    let line: Int
    private var entries: [(key: String, line: Int, value: Node)] = []

    init(_ node: Node, path: String, context: String, allowed: [String]) throws {
        self.path = path
        self.context = context
        self.line = node.mark?.line ?? 1
        guard let mapping = node.mapping else {
            throw InputError(file: path, line: line, field: context,
                             message: "expected a mapping of keys (\(allowed.joined(separator: ", "))), found \(YAMLMap.describe(node))")
        }
        for (k, v) in mapping {
            guard let key = k.scalar?.string else {
                throw InputError(file: path, line: k.mark?.line ?? line, field: context, message: "keys must be plain text")
            }
            let keyLine = k.mark?.line ?? line
            guard allowed.contains(key) else {
                throw InputError(file: path, line: keyLine, field: key,
                                 message: "unknown key '\(key)' in \(context) (expected one of: \(allowed.joined(separator: ", ")))")
            }
            entries.append((key, keyLine, v))
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "the text '\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The value of `key` unless absent or null.
    func node(_ key: String) -> Node? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar = entry.value, entry.value.null != nil { return nil }
        return entry.value
    }

    func line(of key: String) -> Int { entries.first { $0.key == key }?.line ?? line }

    func required(_ key: String) throws -> Node {
        guard let node = node(key) else {
            throw InputError(file: path, line: line, field: key, message: "missing required key '\(key)' in \(context)")
        }
        return node
    }

    func text(_ key: String) throws -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let s) = node else {
            throw InputError(file: path, line: line(of: key), field: key,
                             message: "expected text for '\(key)' in \(context), found \(YAMLMap.describe(node))")
        }
        return s.string
    }

    func requiredText(_ key: String) throws -> String {
        _ = try required(key)
        guard let value = try text(key), !value.trimmingWhitespace().isEmpty else {
            throw InputError(file: path, line: line(of: key), field: key, message: "'\(key)' in \(context) must not be empty")
        }
        return value
    }

    func list(_ key: String) throws -> [Node] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let s) = node else {
            throw InputError(file: path, line: line(of: key), field: key,
                             message: "expected a list for '\(key)', found \(YAMLMap.describe(node))")
        }
        return Array(s)
    }
}
