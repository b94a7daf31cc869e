import Foundation
import NetworkCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a completed fetch into the dataset folder, atomically per file and validated first.
///
/// Files: the works file (every existing row kept, cell for cell; columns `title`,
/// `openalex`, `fetched`, `source` added when missing; one new row per added work with `fetched` = `openalex`); the first
/// citation layer's file (rows kept, `source` column added when missing, new arcs
/// appended) or, when the manifest has no citation layer, a new `citations.csv`
/// (`openalex-citations.csv` if that name is taken) declared in `dataset.yml`; and
/// `openalex-fetch.csv` (each seed work: how it was resolved, or why not). Existing rows
/// are not edited (a resolved work's OpenAlex id is recorded in `openalex-fetch.csv`, not in
/// its row), so a rerun sends exactly the same requests and is answered from the cache.
/// Steps: build every file in memory → write them into `.cache/fetch-staging/<name>/`
/// beside links to the untouched files → ``Dataset/load(folder:)`` the staged folder →
/// rename each file into place (works, layer, log, manifest). Any failure before the
/// renames leaves the dataset as it was.
struct FetchWriter {
    let dataset: Dataset
    let state: FetchState
    let resolution: [Int: OpenAlexFetcher.Resolution]
    let notes: [Int: String]
    let seeds: [Int]

    var folder: String { dataset.folder }

    func write() throws {
        var files: [(name: String, text: String)] = []
        let (worksFile, newCategories) = try worksTextAndCategories()
        files.append((dataset.manifest.works.file, worksFile))
        if let literatures = try literaturesWith(newCategories) { files.append(("literatures.csv", literatures)) }
        let (layerFile, layerText, manifestText) = try layerTexts()
        files.append((layerFile, layerText))
        files.append(("openalex-fetch.csv", resolutionText()))
        if let manifestText { files.append(("dataset.yml", manifestText)) }

        let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        let stagingRoot = (folder as NSString).appendingPathComponent(".cache/fetch-staging")
        let staging = (stagingRoot as NSString).appendingPathComponent(name)
        let fm = FileManager.default
        try? fm.removeItem(atPath: stagingRoot)
        defer { try? fm.removeItem(atPath: stagingRoot) }
        do {
            try mirror("", into: staging, replacing: Set(files.map(\.name)))
            for f in files {
                let path = (staging as NSString).appendingPathComponent(f.name)
                try Data(f.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(file: staging, message: "cannot stage the fetched dataset: \(error.localizedDescription)")
        }
        do {
            _ = try Dataset.load(folder: staging, containedIn: folder)
        } catch {
            throw InputError(file: folder, message: "the fetched dataset does not load, nothing was changed: \(error)")
        }
        for f in files {
            let from = (staging as NSString).appendingPathComponent(f.name)
            let to = (folder as NSString).appendingPathComponent(f.name)
            guard rename(from, to) == 0 else {
                throw InputError(file: to, message: "cannot replace the file (errno \(errno))")
            }
        }
    }

    /// Makes `staging/relative` a real folder holding links to the entries of
    /// `folder/relative`, except `.cache` and the files to replace (folders on the way to a
    /// replaced file are mirrored the same way).
    private func mirror(_ relative: String, into staging: String, replacing: Set<String>) throws {
        let fm = FileManager.default
        let source = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
        let target = relative.isEmpty ? staging : (staging as NSString).appendingPathComponent(relative)
        try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        for entry in try fm.contentsOfDirectory(atPath: source).sorted() where !(relative.isEmpty && entry == ".cache") {
            let rel = relative.isEmpty ? entry : relative + "/" + entry
            if replacing.contains(rel) { continue }
            if replacing.contains(where: { $0.hasPrefix(rel + "/") }) {
                try mirror(rel, into: staging, replacing: replacing)
                continue
            }
            let absolute = URL(fileURLWithPath: (source as NSString).appendingPathComponent(entry)).standardizedFileURL.path
            try fm.createSymbolicLink(atPath: (target as NSString).appendingPathComponent(entry), withDestinationPath: absolute)
        }
        for rel in replacing where rel.hasPrefix(relative.isEmpty ? "" : relative + "/") {
            let rest = relative.isEmpty ? rel : String(rel.dropFirst(relative.count + 1))
            if let slash = rest.firstIndex(of: "/") {
                let sub = (relative.isEmpty ? "" : relative + "/") + rest[..<slash]
                if !fm.fileExists(atPath: (staging as NSString).appendingPathComponent(sub)) { try mirror(sub, into: staging, replacing: replacing) }
            }
        }
    }

    /// Reads a CSV file of the dataset and returns header and cells, padded to the header.
    private func table(_ file: String) throws -> (header: [String], rows: [[String]]) {
        let rows = try CSVRows(path: (folder as NSString).appendingPathComponent(file), hasHeader: true, comments: false)
        let header = rows.header ?? []
        return (header, rows.rows.map { r in (0..<max(header.count, r.cells.count)).map { r[$0] } })
    }

    func worksText() throws -> String { try worksTextAndCategories().0 }

    func worksTextAndCategories() throws -> (String, [String]) {
        var (header, rows) = try table(dataset.manifest.works.file)
        for column in ["title", "openalex", "fetched", "source"] where !header.contains(column) {
            header.append(column)
            for k in rows.indices { rows[k].append("") }
        }
        for k in rows.indices where rows[k].count < header.count { rows[k] += [String](repeating: "", count: header.count - rows[k].count) }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        let m = dataset.manifest.works
        for (k, added) in state.newWorks.enumerated() {
            let w = state.index.nodes[state.n + k].work
            guard let oa = w.openAlexID else { continue }
            var row = [String](repeating: "", count: header.count)
            func set(_ name: String?, _ value: String?) {
                if let name, let c = col(name), let value { row[c] = value }
            }
            let first = w.authors.first
            let label = [first?.family ?? (w.title.map { String($0.prefix(40)) } ?? oa), w.year.map(String.init) ?? "n.d."].joined(separator: " ")
            set(m.id, added.id)
            set(m.label ?? "label", label)
            set(m.year ?? "year", w.year.map(String.init))
            set(m.doi ?? "doi", w.doi?.value)
            set("title", w.title)
            set("first_author", first?.display)
            set("authors", w.authors.isEmpty ? nil : w.authors.map(\.display).joined(separator: "; "))
            set("venue", w.venue)
            set("volume", w.volume)
            set("issue", w.issue)
            set("pages", w.pages)
            set("pmid", w.pmid)
            set("type", w.type.rawValue)
            set("role", added.role)
            set("openalex", oa)
            set("fetched", "openalex")
            set("source", "OpenAlex \(oa) https://openalex.org/\(oa)")
            rows.append(row)
        }
        let added = fillTopics(header: &header, rows: &rows, idColumn: m.id)
        return (CSVTable.text(header: header, rows: rows), added)
    }

    /// The citation layer file's name and text, and the new manifest text when a layer is added.
    func layerTexts() throws -> (String, String, String?) {
        if let layer = dataset.manifest.layers.first(where: { $0.kind == .citation }) {
            var (header, rows) = try table(layer.file)
            if !header.contains("source") {
                header.append("source")
                for k in rows.indices { rows[k].append("") }
            }
            for k in rows.indices where rows[k].count < header.count { rows[k] += [String](repeating: "", count: header.count - rows[k].count) }
            guard let f = header.firstIndex(of: layer.from), let t = header.firstIndex(of: layer.to), let s = header.firstIndex(of: "source") else {
                throw InputError(file: layer.file, field: layer.from, message: "citation layer columns not found")
            }
            for a in state.newArcs {
                var row = [String](repeating: "", count: header.count)
                row[f] = a.from
                row[t] = a.to
                row[s] = a.source
                rows.append(row)
            }
            return (layer.file, CSVTable.text(header: header, rows: rows), nil)
        }
        let fm = FileManager.default
        let name = fm.fileExists(atPath: (folder as NSString).appendingPathComponent("citations.csv")) ? "openalex-citations.csv" : "citations.csv"
        let text = CSVTable.text(header: ["citing", "cited", "source"], rows: state.newArcs.map { [$0.from, $0.to, $0.source] })
        let manifest = try ManifestEditing.addingCitationLayer(file: name, to: dataset.manifest.path)
        return (name, text, manifest)
    }

    func resolutionText() -> String {
        let rows: [[String]] = seeds.map { i in
            let r = resolution[i]
            return [dataset.workIDs[i], r?.method ?? "unresolved", r?.id ?? "", r?.similarity.map { String(format: "%.3f", $0) } ?? "",
                    r == nil ? (notes[i] ?? "request failed") : ""]
        }
        return CSVTable.text(header: ["id", "method", "openalex", "title_similarity", "note"], rows: rows)
    }
}

/// Adding a layer to a `dataset.yml` by editing its text (comments and layout kept).
enum ManifestEditing {
    /// The text of `path` with `- kind: citation / file: <file> / from: citing / to: cited`
    /// appended to its block `layers:` list (or a new `layers:` key at the end). A flow-style
    /// `layers: [...]` is refused with an ``InputError`` asking for the entry by hand.
    static func addingCitationLayer(file: String, to path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError(file: path, message: "cannot read") }
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        func isTopLevel(_ l: String) -> Bool { !(l.first?.isWhitespace ?? true) && !l.hasPrefix("#") && !l.hasPrefix("-") }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("layers:") }) else {
            lines += ["layers:", "  - kind: citation", "    file: \(file)", "    from: citing", "    to: cited"]
            return lines.joined(separator: "\n") + "\n"
        }
        let rest = lines[start].dropFirst("layers:".count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw InputError(file: path, line: start + 1, field: "layers",
                             message: "the layers list is not in block style; add '- {kind: citation, file: \(file), from: citing, to: cited}' by hand")
        }
        var end = start + 1
        var indent = "  "
        var lastItem = start
        while end < lines.count, !isTopLevel(lines[end]) {
            let l = lines[end]
            let trimmed = l.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                indent = String(l.prefix { $0 == " " })
            }
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { lastItem = end }
            end += 1
        }
        let item = [indent + "- kind: citation", indent + "  file: \(file)", indent + "  from: citing", indent + "  to: cited"]
        lines.insert(contentsOf: item, at: lastItem + 1)
        return lines.joined(separator: "\n") + "\n"
    }
}
