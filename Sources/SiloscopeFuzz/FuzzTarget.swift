import Bibliometrics
import Foundation
import NetworkCore

/// One fuzz target: a reader of user input, fed one input at a time.
///
/// Every target hands the input to the same public entry point the CLI uses (most take a
/// path, so the input is written to a scratch file first with the extension the reader
/// expects). Thrown errors are the expected outcome for bad input; only a crash, a
/// sanitizer report, a timeout or running out of memory is a finding. Errors are also
/// checked against the containment rules (``ErrorOracle``).
struct FuzzTarget: Sendable {
    /// The name given to `scripts/fuzz` and to `SILOSCOPE_FUZZ_TARGET`.
    let name: String
    /// What the target reads (shown by `--list`).
    let summary: String
    /// Extension of the scratch file (e.g. `net`, `txt.gz`).
    let fileExtension: String
    /// The dictionary file in `Fuzz/dict` (without `.dict`).
    let dictionary: String
    /// Runs the reader on the input written at `path` (for text targets, `bytes`).
    let body: @Sendable (_ path: String, _ bytes: Data) throws -> Void
}

extension FuzzTarget {
    /// Every target, in the order `scripts/fuzz` runs them.
    static let all: [FuzzTarget] = importTargets + networkTargets + referenceTargets + [dataset]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// One target per import format (`import-<format>`, the CLI's `--format` names) and
    /// `import-auto` (format detection first). Each reads then merges (the key matching
    /// of `siloscope import`); odd-length inputs are read leniently.
    static var importTargets: [FuzzTarget] {
        var targets = [FuzzTarget]()
        for format in ImportFormat.allCases {
            targets.append(FuzzTarget(
                name: "import-\(format.rawValue)", summary: "siloscope import --format \(format.rawValue)",
                fileExtension: format.fuzzExtension, dictionary: format.fuzzDictionary
            ) { path, bytes in try runImport(path: path, format: format, lenient: bytes.count % 2 == 1) })
        }
        targets.append(FuzzTarget(
            name: "import-auto", summary: "siloscope import (format detected from the content)",
            fileExtension: "txt", dictionary: "import-auto"
        ) { path, bytes in try runImport(path: path, format: nil, lenient: bytes.count % 2 == 1) })
        return targets
    }

    static func runImport(path: String, format: ImportFormat?, lenient: Bool) throws {
        let importer = Importer(options: ImportOptions(lenient: lenient))
        let read = try importer.read(files: [path], format: format)
        let merged = importer.merge(read)
        _ = try merged.summary.jsonString()
    }

    /// Graph files (every format `NetworkInput` dispatches to), Pajek partitions and
    /// vectors, node tables and gzip input.
    static let networkTargets: [FuzzTarget] = [
        FuzzTarget(name: "pajek-net", summary: "Pajek .net/.paj network", fileExtension: "net", dictionary: "pajek") { path, _ in
            try loadNetwork(path)
        },
        FuzzTarget(name: "pajek-clu", summary: "Pajek .clu partition", fileExtension: "clu", dictionary: "pajek") { path, _ in
            _ = try PajekReader.readPartition(path: path)
        },
        FuzzTarget(name: "pajek-vec", summary: "Pajek .vec vector", fileExtension: "vec", dictionary: "pajek") { path, _ in
            _ = try PajekReader.readVector(path: path)
        },
        FuzzTarget(name: "edgelist", summary: "whitespace/tab edge list (.txt, .tsv, .cites)", fileExtension: "txt", dictionary: "edgelist") { path, _ in
            try loadNetwork(path)
        },
        FuzzTarget(name: "edgelist-csv", summary: "comma-separated edge list (.csv)", fileExtension: "csv", dictionary: "edgelist") { path, _ in
            try loadNetwork(path)
        },
        FuzzTarget(name: "graphml", summary: "GraphML network", fileExtension: "graphml", dictionary: "graphml") { path, _ in
            try loadNetwork(path)
        },
        FuzzTarget(name: "nodetable", summary: "node attribute table (--nodes), matched to a fixed edge list", fileExtension: "csv", dictionary: "nodetable") { path, _ in
            _ = try NodeTable.read(path: path)
            let edges = (path as NSString).deletingLastPathComponent + "/fixed-edges.txt"
            if !FileManager.default.fileExists(atPath: edges) {
                try Data("1 2\n2 3\n3 1\nA B\n".utf8).write(to: URL(fileURLWithPath: edges))
            }
            let input = try NetworkInput.load(path: edges, nodes: path)
            _ = input.attributes.names
        },
        FuzzTarget(name: "gzip", summary: "gzip-compressed edge list (.txt.gz); any reader inflates the same way", fileExtension: "txt.gz", dictionary: "gzip") { path, _ in
            try loadNetwork(path)
        },
    ]

    static func loadNetwork(_ path: String) throws {
        let input = try NetworkInput.load(path: path, duplicates: .keep, selfLoops: .keep)
        _ = input.graph.arcCount
    }

    /// The reference-string parsers: one WoS `CR` entry per line, one Scopus
    /// `References` cell, a plain-text reference list.
    static let referenceTargets: [FuzzTarget] = [
        FuzzTarget(name: "wos-cr", summary: "Web of Science CR strings (one per line)", fileExtension: "txt", dictionary: "wos-cr") { _, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                _ = WoSCitedReference.parse(String(line))
            }
        },
        FuzzTarget(name: "scopus-ref", summary: "Scopus References cell (;-separated)", fileExtension: "txt", dictionary: "scopus-ref") { _, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let (references, _) = ScopusReference.split(text)
            for r in references { _ = ScopusReference.parse(r) }
        },
        FuzzTarget(name: "references-text", summary: "plain-text reference list", fileExtension: "txt", dictionary: "references-text") { _, bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            _ = ReferencesText.looksLikeReferenceList(text)
            _ = ReferencesText.parse(text, file: "fuzz.txt")
        },
    ]

    /// A dataset folder: the input is split at lines `--8<--` into `dataset.yml`,
    /// `works.csv`, `citations.csv`, `concepts.csv`, `uses.csv` and `map.csv` (missing
    /// parts are absent files), then loaded and turned into its graphs.
    static let dataset = FuzzTarget(
        name: "dataset", summary: "dataset folder: dataset.yml with its CSV files (parts split at lines --8<--)",
        fileExtension: "txt", dictionary: "dataset"
    ) { path, bytes in
        let folder = (path as NSString).deletingLastPathComponent + "/fuzzds"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = ["dataset.yml", "works.csv", "citations.csv", "concepts.csv", "uses.csv", "map.csv"]
        for (k, part) in DatasetParts.split(bytes).prefix(names.count).enumerated() {
            try part.write(to: URL(fileURLWithPath: folder + "/" + names[k]))
        }
        let d = try Dataset.load(folder: folder)
        _ = d.citationGraph()
        _ = d.conceptGraph()
        _ = d.lineageGraph()
        _ = d.nodeAttributes(includeConcepts: true)
        _ = d.summaryLines()
    }
}

/// Splits a dataset fuzz input into files at lines reading `--8<--`.
enum DatasetParts {
    static let separator = Array("\n--8<--\n".utf8)

    static func split(_ data: Data) -> [Data] {
        let bytes = [UInt8](data)
        var parts: [Data] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count {
            if bytes[i] == separator[0] && Array(bytes[i..<(i + separator.count)]) == separator {
                parts.append(Data(bytes[start..<(i + 1)]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Data(bytes[start...]))
        return parts
    }
}

extension ImportFormat {
    var fuzzExtension: String {
        switch self {
        case .openAlex, .crossref, .cslJSON: return "json"
        case .openAlexCSV, .scopus, .lens: return "csv"
        case .bibtex: return "bib"
        case .ris: return "ris"
        case .wos, .wosTab, .medline, .referencesText: return "txt"
        }
    }

    var fuzzDictionary: String {
        switch self {
        case .openAlex, .crossref, .cslJSON: return "json"
        case .openAlexCSV, .scopus, .lens: return "csv-export"
        case .wos, .wosTab: return "wos"
        case .bibtex: return "bibtex"
        case .ris: return "ris"
        case .medline: return "medline"
        case .referencesText: return "references-text"
        }
    }
}
