import Foundation
import NetworkCore

/// Options of ``Importer``.
public struct ImportOptions: Sendable {
    /// Skip bad records (counted in `skipped`, listed in the log) instead of failing.
    public var lenient: Bool
    /// Thresholds of the fallback key (year tolerance, title similarity).
    public var match: MatchOptions
    /// `title:` of the written `dataset.yml`; default names the files.
    public var title: String?
    /// The level whose categories become literatures; `nil` = the first file's format default.
    public var literatures: LiteratureLevel?
    /// The analyst's venue table (`--venues`), see ``VenueTable``.
    public var venueTable: String?
    /// Told the name of each stage as it starts (reading, matching, the final merge pass,
    /// fields, writing), for progress lines and `--timings`; `nil` = silent.
    public var progress: (@Sendable (String) -> Void)?
    /// `true`: ``Importer/run(files:format:outputFolder:)`` leaves the merged dataset (and the
    /// rows of `references.csv`, once written) in memory when it returns instead of freeing
    /// it — for a process that exits right after (the CLI): freeing ~10⁵ works and ~10⁵ rows
    /// and their Strings one by one costs a noticeable share of the import (~0.1–0.3 s on
    /// capture-recapture), which the OS does at once at exit. Default `false` (a program
    /// running several imports wants its memory back).
    public var keepsDatasetUntilExit = false

    public init(lenient: Bool = false, match: MatchOptions = MatchOptions(), title: String? = nil) {
        self.lenient = lenient
        self.match = match
        self.title = title
    }
}

/// One work of an imported dataset.
public struct ImportedWork: Sendable {
    public var work: Work
    /// Export-native ids (`wos:WOS:…`, `scopus:2-s2.0-…`, `lens:…`).
    public var nativeIDs: [String]
    /// `true` when at least one citing record describes it (its reference list was read).
    public var isCiting: Bool
    /// Citation arcs pointing to it.
    public var citedBy: Int
}

/// One citation arc: `citing` cites `cited`, with every reference that states it.
public struct ImportedCitation: Sendable, Equatable {
    public var citing: String
    public var cited: String
    /// Provenance of each reference giving this arc (`file:line#k`), in reading order.
    public var sources: [String]
}

/// One cited reference as read, and the work it was matched to.
public struct ImportedReferenceRow: Sendable {
    public var citing: String
    /// 1-based position in the citing record's reference list.
    public var position: Int
    public var cited: String
    public var method: ImportMatchMethod
    public var reference: CitedReference
    public var nativeID: String?
    /// `file:line#k`.
    public var source: String
    /// Why no arc was written for it (`self-citation`, `repeated citation`), else `nil`.
    public var note: String?
    /// What the match rests on (``WorkIndex/evidence(_:_:method:)``); empty for a new work.
    public var evidence: String = ""
}

/// A citing record recognised as a duplicate of an earlier one (same work from two
/// exports, or twice in one export): the work keeps the record read first.
public struct DuplicateRecord: Sendable, Equatable {
    public var work: String
    public var kept: String
    public var merged: String
    public var method: ImportMatchMethod
    /// What the match rests on (``WorkIndex/evidence(_:_:method:)``).
    public var evidence: String = ""
}

/// The merged result of an import, before it is written.
public struct ImportedDataset: Sendable {
    public var works: [ImportedWork]
    public var citations: [ImportedCitation]
    public var references: [ImportedReferenceRow]
    public var duplicates: [DuplicateRecord]
    public var files: [FileReadResult]
    public var summary: ImportSummary
    /// Refused identifier matches and other notes for the log.
    public var notes: [String]
    /// For each file, the position in `works` of each of its records' work (in reading order).
    var recordWorkIndices: [[Int]] = []
    /// For each file, the work id of each of its records (in reading order), read from
    /// ``recordWorkIndices``.
    public var recordWorks: [[String]] {
        recordWorkIndices.map { $0.map { works.indices.contains($0) ? works[$0].work.id : "" } }
    }
    /// For each file, the number of cited references read from each of its records. The
    /// records in `files` no longer hold their references after ``Importer/merge(_:)``: each
    /// reference lives once, in its row of `references` (memory).
    public var referencesPerRecord: [[Int]] = []
    /// The field of each work (parallel to `works`), once ``Importer/classify(_:)`` ran.
    public var fields: [FieldAssignment] = []
    /// The level of `fields`.
    public var literatureLevel: LiteratureLevel?
    /// What the records of each work state about its field (parallel to `works`).
    public var subjectFields: [SubjectFields] = []
}

/// Turns bibliographic exports into a dataset with a citation layer (`siloscope import`).
///
/// Definition (``merge(_:)``), in reading order (files as given, records in file order):
/// 1. **Citing records** are deduplicated: a record that matches an earlier work
///    (``WorkIndex``: DOI, OpenAlex id, PMID, native id, then the fallback key) is merged
///    into it — the work keeps the earlier record's fields, fills gaps from the later one,
///    and both records are listed (a `DuplicateRecord` says which was kept and why).
/// 2. **References** of every record are matched to the works (identifiers, key, raw
///    text); a reference that matches nothing becomes a new, cited-only work.
/// 3. **Arcs**: one arc per (citing work, cited work) pair, however many references state
///    it — so the same paper exported from WoS and from Scopus, or a reference repeated
///    in one list, never counts a citation twice; each arc lists every reference that
///    gives it. A reference matched to its own citing work is kept in `references.csv`
///    with the note `self-citation` and gives no arc.
///
/// Counts (``ImportSummary``): `records` citing records read, `references` cited
/// references read, `skipped` bad records (lenient), `duplicates` citing records merged
/// into an earlier one, `matched.byIdentifier`/`byKey` references attached to an existing
/// work (a citing record or an earlier reference) by identifier / by key or raw text,
/// `matched.unmatched` references that became a new work.
///
/// Complexity: O(R + r·b) for R records and r references, b the works sharing a surname.
/// Deterministic: the same files in the same order give byte-identical output.
public struct Importer: Sendable {
    public var options: ImportOptions

    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// Reads each file with `format` (or the detected format when `nil`).
    public func read(files: [String], format: ImportFormat?) throws -> [FileReadResult] {
        guard !files.isEmpty else { throw InputError(file: "(arguments)", message: "no input files given") }
        // Files are read on both cores; results (and the first error) in the order given.
        let lenient = options.lenient
        return try Importer.inParallel(files.count) { i in
            let f = try format ?? FormatDetector.detect(path: files[i])
            return try FormatDetector.read(path: files[i], format: f, lenient: lenient)
        }
    }

    /// Reads, merges and writes the dataset folder; returns the ARCHITECTURE.md §6 summary.
    @discardableResult
    public func run(files: [String], format: ImportFormat?, outputFolder: String) throws -> ImportSummary {
        options.progress?("reading \(files.count) file\(files.count == 1 ? "" : "s")")
        // The bundled classification tables (~0.2 s to inflate and parse) are loaded on the
        // other core during the final merge pass, once the lookup indexes are freed there, so
        // that the works can be placed in fields while the tables of rows are written. Not
        // earlier: loaded at the start of the import, they raised its peak memory by their
        // size (447 against 400 MiB on capture-recapture).
        var merged = merge(try read(files: files, format: format), alsoDuringPass: { _ = ClassificationTables.shared })
        // `citations.csv` first (on both cores), and the citations freed; then the other tables
        // of rows are written on another thread while the works are placed in fields on this one
        // (each reads the merged dataset, neither changes it). Placed here, the fields' arrays
        // reuse the memory the citations held (peak memory).
        options.progress?("writing citations")
        let citationCount = try writeCitationTable(merged, to: outputFolder)
        merged.citations = []
        options.progress?("writing references and matches; placing works in fields")
        let written: Result<WrittenReferenceTables, any Error>, classified: Result<Classification, any Error>
        do {
            let dataset = merged, importer = self
            (written, classified) = Importer.whileElsewhere({
                Result { try importer.writeRowTables(dataset, citationCount: citationCount, to: outputFolder) }
            }, here: { Result { try importer.classification(of: dataset) } })
        }
        let tables = try written.get()
        try classified.get().apply(to: &merged)
        // The rows are not read again: freed here unless the process exits right after
        // (``ImportOptions/keepsDatasetUntilExit``: releasing 2.5·10⁵ rows string by string costs
        // ~0.1 s, which the OS does at once at exit; they are kept with the dataset below).
        if !options.keepsDatasetUntilExit { merged.references = [] }
        options.progress?("writing works and the log")
        try write(merged, to: outputFolder, after: tables)
        if options.keepsDatasetUntilExit {
            _ = Unmanaged.passRetained(Handoff((merged, tables)))
        }
        return merged.summary
    }

    /// Merges the records of `results` (see the type's definition). The records keep their
    /// fields; their references move into the rows of ``ImportedDataset/references``
    /// (counts in ``ImportedDataset/referencesPerRecord``).
    public func merge(_ results: consuming [FileReadResult]) -> ImportedDataset {
        merge(results, alsoDuringPass: {})
    }

    /// ``merge(_:)``, running `alsoDuringPass` on the other core during the final merge pass
    /// (after the ids are made there).
    func merge(_ results: consuming [FileReadResult], alsoDuringPass: @escaping @Sendable () -> Void) -> ImportedDataset {
        options.progress?("matching records and references")
        let referencesPerRecord = results.map { $0.records.map(\.references.count) }
        let fileCounts = results.map { ImportSummary.FileCounts(file: $0.file, format: $0.format.rawValue, records: $0.records.count,
                                                                 references: $0.referenceCount, skipped: $0.skipped.count) }
        // 1. Citing records (``indexCitingRecords``), on another thread, from what it reads of
        // each record, while the references move into rows here.
        let citingRecords = results.map { file in
            file.records.map { CitingRecord(work: $0.work, nativeIDs: $0.nativeIDs, span: $0.work.sources.first?.description ?? file.file) }
        }
        // 2. References (arcs are made once the final merge pass has joined works).
        var matched = ImportSummary.MatchCounts()
        // One row per reference, built once; the work ids are filled in when known (`rowNodes`).
        var rows: [ImportedReferenceRow] = []
        let referenceCount = fileCounts.reduce(0) { $0 + $1.references }
        rows.reserveCapacity(referenceCount)
        // Each row's record provenance (`record span`, else the file's name), for its `source`.
        var fallbacks: [String] = []
        var rowRecord: [Int32] = []
        rowRecord.reserveCapacity(referenceCount)
        // Counts that read the references, taken as they move into rows.
        var tally = ImportSummary.ParseCounts.Tally()
        let matchOptions = options.match
        var index: WorkIndex
        let duplicates: [DuplicateRecord], recordNode: [[Int]]
        do {
            let (citingIndex, _) = Importer.whileElsewhere({ Importer.indexCitingRecords(citingRecords, options: matchOptions) }, here: {
                for f in results.indices {
                    for r in results[f].records.indices {
                        // The record's references move into the rows (one copy of each reference in memory).
                        var references = results[f].records[r].references
                        results[f].records[r].references = []
                        fallbacks.append(citingRecords[f][r].span)
                        for k in references.indices {
                            // Moved out of the list, not copied (a copy retains every field).
                            var ref = CitedReference(raw: "")
                            swap(&ref, &references[k].reference)
                            tally.add(author: ref.firstAuthor != nil, year: ref.year != nil, title: ref.title != nil,
                                      source: ref.venue != nil, doi: ref.doi != nil)
                            rows.append(ImportedReferenceRow(citing: "", position: k + 1, cited: "", method: .new, reference: consume ref,
                                                             nativeID: references[k].nativeID, source: "", note: nil))
                            rowRecord.append(Int32(truncatingIfNeeded: fallbacks.count - 1))
                        }
                    }
                }
            })
            (index, duplicates, recordNode) = (citingIndex.index, citingIndex.duplicates, citingIndex.recordNode)
        }
        let parsed = ImportSummary.ParseCounts(tally: tally)
        // Each reference may become a work (an upper bound: on capture-recapture 134,723 works from 252,473 references).
        index.reserve(works: index.nodes.count + referenceCount)
        let recordNodes = recordNode.flatMap { $0 }
        var rowNodes: [(citing: Int, cited: Int)] = rowRecord.map { (recordNodes[Int($0)], -1) }
        // What each row's matching needs of its reference alone is computed on the other core,
        // a chunk ahead (``PreparedReference``, ``Lookahead``), with the rows' blocking keys for
        // the final merge pass; the rows are matched here, in reading order.
        let blockKeys = rows.withUnsafeMutableBufferPointer { rb -> RowBlockKeys in
            let view = RowsView(rows: UnsafeBufferPointer(rb), rowRecord: rowRecord, fallbacks: fallbacks)
            let chunkSize = Importer.matchingChunk
            let chunks = (rb.count + chunkSize - 1) / chunkSize
            let pipeline = Lookahead(count: chunks, depth: 2) { c in view.prepare(c * chunkSize..<min(view.rows.count, (c + 1) * chunkSize)) }
            for c in 0..<chunks {
                var prepared = pipeline.take(c)
                for (j, k) in (c * chunkSize..<min(rb.count, (c + 1) * chunkSize)).enumerated() {
                    let citing = rowNodes[k].citing
                    // Moved out of the row while it is matched, not copied (a copy retains every field).
                    var ref = CitedReference(raw: "")
                    swap(&ref, &rb[k].reference)
                    let nativeIDs = rb[k].nativeID.map { [$0] } ?? []
                    let target: Int, method: ImportMatchMethod
                    var evidence = ""
                    let rawKey = prepared[j].rawKey
                    if let (i, m) = index.find(ref, nativeIDs: nativeIDs, rawKey: rawKey, probe: &prepared[j].probe) {
                        target = i
                        method = m
                        // Title token sets as the matching computed them (a node's keys always describe its current title).
                        // The work read in place through the buffer (passing `index.nodes[i].work` copied it).
                        let titleSet = prepared[j].probe.computedKeys?.titleSet
                        evidence = index.nodes.withUnsafeBufferPointer { nb in
                            index.keys.withUnsafeBufferPointer { kb in
                                WorkIndex.evidence(ref, nb[i].work, method: m, titleSets: (titleSet, kb[i].titleSet))
                            }
                        }
                        if m.isIdentifier { matched.byIdentifier += 1 } else { matched.byKey += 1 }
                        // The reference fills the gaps as the work it describes (``Importer/citedWork(_:)``), without building it.
                        index.enrich(i, with: ref, nativeIDs: nativeIDs)
                    } else {
                        // The new work's title and source keys and surname keys are those of the reference, computed once.
                        // Built in the call (a local node handed to `add` was copied, every field retained).
                        let surnames = ref.year == nil ? nil : prepared[j].probe.surnames(ref)
                        target = index.add(WorkIndex.Node(work: Importer.citedWork(ref), nativeIDs: nativeIDs, isCiting: false),
                                           rawKey: rawKey, keys: prepared[j].probe.computedKeys, surnames: surnames)
                        method = .new
                        matched.unmatched += 1
                    }
                    // Back into its row (the empty placeholder is dropped).
                    swap(&ref, &rb[k].reference)
                    rb[k].method = method
                    rb[k].evidence = evidence
                    swap(&rb[k].source, &prepared[j].source)
                    rowNodes[k] = (citing, target)
                }
                pipeline.giveBack(consume prepared)
            }
            pipeline.finish()
            return view.finishedBlockKeys()
        }
        fallbacks = []
        rowRecord = []
        // 3. The final merge pass (``WorkMergePass``) over the works as read.
        options.progress?("final merge pass over \(index.nodes.count) works")
        // On the other core meanwhile: the lookup indexes are freed (their deallocation is a
        // noticeable share of the stage) and the ids made; both jobs only read the works as
        // read. The copies made for the jobs (`spent`, `nodes`, `passRows`, `pairs`) are gone
        // at the end of the block, before the nodes and rows change again (no copy on write).
        let joined: WorkMergePass.Outcome, ids: [String]
        do {
            let spent = Handoff(index)
            index.releaseLookups()
            let nodes = index.nodes, passRows = rows, pairs = rowNodes, match = options.match
            // The pass runs here, not as one iteration of a `concurrentPerform`: libdispatch runs
            // an apply nested in another one serially, so the pass's own two-halves steps
            // (``inHalves(_:splitAt:_:)``) had one core (measured: the second core idle for
            // ~0.4 s of the pass once the ids were made).
            (ids, joined) = Importer.whileElsewhere({
                spent.release()
                let ids = WorkIDs.make(for: nodes)
                alsoDuringPass()
                return ids
            }, here: {
                WorkMergePass.run(nodes: nodes, rows: passRows, rowNodes: pairs, options: match, rowKeys: blockKeys)
            })
        }
        let root = joined.root
        // 4. Arcs (``makeArcs``) here while the works are finished on another thread, from the
        // index handed over whole (no copy): kept works fill their gaps from the works they
        // absorbed, in work order, and take their ids. (The arcs are made here because their
        // arrays then reuse the memory the freed lookups left in this thread's malloc arena:
        // made on the other thread, they raised the peak by ~12 MiB.)
        let indexHanded = Handoff(index)
        index = WorkIndex(options: options.match)
        let arcs: Arcs, conflicts: [String]
        var works: [ImportedWork]
        do {
            let pairs = rowNodes, merges = joined.merges
            rowNodes = []
            ((works, conflicts), arcs) = Importer.whileElsewhere({ () -> ([ImportedWork], [String]) in
                guard var index = indexHanded.take() else { return ([], []) }
                for i in index.nodes.indices where root[i] != i {
                    index.absorb(i, into: root[i])
                }
                // The works: the index's nodes, taken, with the kept ones moved to the front in
                // work order and the absorbed ones dropped — in place, so no second array of works
                // is built beside the nodes (that was the import's peak memory).
                let notes = index.conflicts
                var works = index.takeNodes()
                var kept = 0
                for i in works.indices where root[i] == i {
                    // Entries before `kept` are the kept works so far, those in kept..<i absorbed ones.
                    if kept != i { works.swapAt(kept, i) }
                    works[kept].work.id = ids[i]
                    kept += 1
                }
                works.removeSubrange(kept..<works.count)
                return (works, notes)
            }, here: {
                let taken = rows
                rows = []
                return Importer.makeArcs(rows: taken, rowNodes: pairs, root: root, ids: ids, merges: merges)
            })
        }
        // The position in `works` of each record's work (records' works are few: a map, not an
        // array per node); each record's joined work is a root, so it is among the kept works.
        var recordPosition: [Int: Int] = [:]
        for nodes in recordNode { for n in nodes { recordPosition[root[n]] = -1 } }
        var kept = 0
        for i in root.indices where root[i] == i {
            works[kept].citedBy += Int(arcs.citedBy[i])
            if recordPosition[i] != nil { recordPosition[i] = kept }
            kept += 1
        }
        let citations = arcs.citations
        rows = arcs.rows
        var notes = conflicts
        matched.unmatched -= arcs.rowsOfJoinedWorks
        matched.byKey += arcs.rowsOfJoinedWorks
        let dups = duplicates.map { d in
            DuplicateRecord(work: Int(d.work).map { ids[root[$0]] } ?? d.work, kept: d.kept, merged: d.merged, method: d.method, evidence: d.evidence)
        }
        let formats = Array(Set(results.map { $0.format.rawValue })).sorted()
        var summary = ImportSummary(format: formats.joined(separator: "+"),
                                    records: results.reduce(0) { $0 + $1.records.count },
                                    references: fileCounts.reduce(0) { $0 + $1.references },
                                    skipped: results.reduce(0) { $0 + $1.skipped.count },
                                    duplicates: dups.count, matched: matched)
        summary.parsed = parsed
        summary.works = works.count
        summary.citations = citations.count
        summary.files = fileCounts
        if !joined.merges.isEmpty {
            notes.append("Final merge pass: \(joined.merges.count) works joined an earlier work (method and evidence in matches.csv, evidence starting 'final merge pass').")
        }
        var dataset = ImportedDataset(works: works, citations: citations, references: rows, duplicates: dups,
                                      files: results, summary: summary, notes: notes)
        dataset.recordWorkIndices = recordNode.map { $0.map { recordPosition[root[$0]] ?? -1 } }
        dataset.referencesPerRecord = referencesPerRecord
        return dataset
    }
}

/// What the citing-record stage reads of one record (``Importer/indexCitingRecords(_:options:)``).
struct CitingRecord: Sendable {
    var work: Work
    var nativeIDs: [String]
    /// The record's provenance (`file:lines`), else its file's name.
    var span: String
}

/// The works of the citing records (``Importer/indexCitingRecords(_:options:)``).
struct CitingIndex: Sendable {
    var index: WorkIndex
    var duplicates: [DuplicateRecord]
    /// The work of each record, per file.
    var recordNode: [[Int]]
}

/// The arcs of an import (``Importer/makeArcs(rows:rowNodes:root:ids:merges:)``).
struct Arcs: Sendable {
    /// The rows with their citing and cited ids, notes, and the merge's method and evidence.
    var rows: [ImportedReferenceRow]
    var citations: [ImportedCitation]
    /// Arcs pointing to each work, by work index of the reading pass (non-zero only for roots).
    var citedBy: [Int32]
    /// Rows that created a work the final merge pass joined to another (now matched by key).
    var rowsOfJoinedWorks: Int
}

extension Importer {
    /// Step 1 of ``merge(_:)``: the citing records of `files`, in reading order, each matched
    /// against the works of the records before it (``WorkIndex/find(_:nativeIDs:rawKey:exclude:)``):
    /// a match is a duplicate record (when the work is a citing one already) that fills the
    /// work's gaps; else the record is a new work. O(records · b), b as in ``WorkIndex``.
    static func indexCitingRecords(_ files: [[CitingRecord]], options: MatchOptions) -> CitingIndex {
        var index = WorkIndex(options: options)
        var duplicates: [DuplicateRecord] = []
        var recordNode: [[Int]] = []
        for records in files {
            var nodesOfFile: [Int] = []
            for record in records {
                let span = record.span
                let probe = record.work.asReference
                if let (i, method) = index.find(probe, nativeIDs: record.nativeIDs, rawKey: nil) {
                    let kept = index.records[i].first ?? index.nodes[i].work.sources.first?.description ?? "?"
                    if index.nodes[i].isCiting {
                        duplicates.append(DuplicateRecord(work: String(i), kept: kept, merged: span, method: method,
                                                          evidence: WorkIndex.evidence(probe, index.nodes[i].work, method: method)))
                    }
                    index.enrich(i, with: record.work, nativeIDs: record.nativeIDs)
                    index.withNode(i) { node, records in
                        node.isCiting = true
                        records.append(span)
                        node.work.sources.append(contentsOf: record.work.sources)
                    }
                    nodesOfFile.append(i)
                } else {
                    nodesOfFile.append(index.add(WorkIndex.Node(work: record.work, nativeIDs: record.nativeIDs, isCiting: true), records: [span]))
                }
            }
            recordNode.append(nodesOfFile)
        }
        return CitingIndex(index: index, duplicates: duplicates, recordNode: recordNode)
    }

    /// Step 4 of ``merge(_:)``: one arc per (citing, cited) pair of joined works, rows in
    /// reading order (so the first row stating an arc is its first source, and a later one is
    /// noted `repeated citation`; a row whose works are one is noted `self-citation`); the row
    /// that created an absorbed work carries the merge's method and evidence. `rowNodes[k]`:
    /// the works of row `k` before joining, `root` the joined work of each, `ids` the ids.
    /// O(rows) expected; deterministic.
    static func makeArcs(rows: consuming [ImportedReferenceRow], rowNodes: [(citing: Int, cited: Int)], root: [Int], ids: [String],
                         merges: [Int: WorkMergePass.Merge]) -> Arcs {
        var rows = rows
        var arcIndex: [Int64: Int] = [:]
        var citations: [ImportedCitation] = []
        var citedBy = [Int32](repeating: 0, count: root.count)
        var joinedRows = 0
        arcIndex.reserveCapacity(rows.count)
        citations.reserveCapacity(rows.count)
        for k in rows.indices {
            let (c0, t0) = rowNodes[k]
            let citing = root[c0], target = root[t0]
            if rows[k].method == .new, let m = merges[t0] {
                rows[k].method = m.method
                rows[k].evidence = m.evidence
                joinedRows += 1
            }
            if target == citing {
                rows[k].note = "self-citation: the reference matches its own citing work; no arc"
            } else if let a = arcIndex[Int64(citing) << 32 | Int64(target)] {
                rows[k].note = "repeated citation: arc already stated by \(citations[a].sources[0])"
                citations[a].sources.append(rows[k].source)
            } else {
                arcIndex[Int64(citing) << 32 | Int64(target)] = citations.count
                citations.append(ImportedCitation(citing: ids[citing], cited: ids[target], sources: [rows[k].source]))
                citedBy[target] &+= 1
            }
            rows[k].citing = ids[citing]
            rows[k].cited = ids[target]
        }
        return Arcs(rows: rows, citations: citations, citedBy: citedBy, rowsOfJoinedWorks: joinedRows)
    }

    /// The work a reference describes, without provenance (a cited work's `sources` stay
    /// empty: its first mention is in `references.csv`).
    static func citedWork(_ r: CitedReference) -> Work {
        Work(id: "", authors: r.authors.isEmpty ? r.editors : r.authors, year: r.year, title: r.title,
             venue: r.venue, volume: r.volume, issue: r.issue, pages: r.pages, publisher: r.publisher,
             doi: r.doi, url: r.url, pmid: r.pmid, openAlexID: r.openAlexID, type: r.type)
    }
}

/// Node ids of imported works.
enum WorkIDs {
    /// The ids of `nodes` in order: ``base(_:nativeIDs:)``, a clash getting `-2`, `-3`, … in
    /// reading order. O(n) expected.
    static func make(for nodes: [WorkIndex.Node]) -> [String] {
        var used = Set<String>()
        var ids: [String] = []
        used.reserveCapacity(nodes.count)
        ids.reserveCapacity(nodes.count)
        for i in nodes.indices {
            // Read in place (a copy of the node retains every field).
            var id = base(nodes[i].work, nativeIDs: nodes[i].nativeIDs)
            if used.contains(id) {
                var n = 2
                while used.contains(id + "-\(n)") { n += 1 }
                id += "-\(n)"
            }
            used.insert(id)
            ids.append(id)
        }
        return ids
    }

    /// `W…` (OpenAlex), else `doi:…`, else `pmid:…`, else the first native id, else
    /// `surname-year-firstTitleWord` (folded). Clashes get `-2`, `-3` in reading order.
    static func base(_ w: Work, nativeIDs: [String]) -> String {
        if let o = w.openAlexID { return o }
        if let d = w.doi { return "doi:" + d.value }
        if let p = w.pmid { return "pmid:" + p }
        if let n = nativeIDs.first { return n }
        let surname = w.authors.first?.matchKey ?? ""
        let word = TitleSimilarity.firstToken(w.title ?? w.venue ?? "", longerThan: 3) ?? ""
        let parts = [surname.isEmpty ? "anon" : surname, w.year.map(String.init) ?? "nd", word].filter { !$0.isEmpty }
        return parts.joined(separator: "-")
    }
}

extension Importer {
    /// References per chunk prepared ahead of the matching (``PreparedReference``): large
    /// enough that waking the other thread is rare, small enough to hold two in memory (a few MiB).
    static let matchingChunk = 4096
}
