import Foundation
import Testing
import TestSupport
@testable import Bibliometrics

struct ImporterMergeTests {
    /// Arcs from rows, by hand. Works 0 (citing A), 1 (cited X), 2 (X', joined into 1 by the
    /// final merge pass), 3 (citing B). Rows: A→X (made X), A→X' (made X': takes the merge's
    /// method, and its arc is A→X again: repeated), B→X (by DOI), B→B (self-citation).
    /// Expected: arcs A→X with sources s0, s1 and B→X with s2; X cited by 2; one row of a joined work.
    @Test func arcsFromRowsByHand() {
        func row(_ source: String, _ method: ImportMatchMethod) -> ImportedReferenceRow {
            ImportedReferenceRow(citing: "", position: 1, cited: "", method: method, reference: CitedReference(raw: source),
                                 nativeID: nil, source: source, note: nil)
        }
        let rows = [row("s0", .new), row("s1", .new), row("s2", .doi), row("s3", .key)]
        let arcs = Importer.makeArcs(rows: rows, rowNodes: [(0, 1), (0, 2), (3, 1), (3, 3)], root: [0, 1, 1, 3],
                                     ids: ["A", "X", "X2", "B"], merges: [2: WorkMergePass.Merge(method: .key, evidence: "e")])
        #expect(arcs.citations == [ImportedCitation(citing: "A", cited: "X", sources: ["s0", "s1"]),
                                   ImportedCitation(citing: "B", cited: "X", sources: ["s2"])])
        #expect(arcs.citedBy == [0, 2, 0, 0])
        #expect(arcs.rowsOfJoinedWorks == 1)
        #expect(arcs.rows.map(\.method) == [.new, .key, .doi, .key])
        #expect(arcs.rows[1].evidence == "e")
        #expect(arcs.rows.map(\.cited) == ["X", "X", "X", "B"])
        #expect(arcs.rows.map { $0.note ?? "" } == ["", "repeated citation: arc already stated by s0", "",
                                                    "self-citation: the reference matches its own citing work; no arc"])
    }

    /// The same citing paper exported from WoS (3 CR lines) and Scopus (4 references, three of
    /// them the WoS ones printed differently). Hand count: 2 records, 7 references, 1 duplicate
    /// record; WoS references come first and make 3 new works; in Scopus, Aria / Osborne /
    /// Ostrom match them by key (surname, year, `J INFORMETR` ~ `J Informetr`, volume, first
    /// page) and Batalden is new: byKey 3, unmatched 4. Works: 1 citing + 4 cited = 5. Arcs:
    /// 4, not 7 — each citation counted once — and each of the three shared arcs names both files.
    @Test func wosAndScopusCountEachCitationOnce() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let wos = try dir.write("savedrecs.txt", ImportFixtures.wos)
        let scopus = try dir.write("scopus.csv", ImportFixtures.scopus)
        let importer = Importer()
        let results = try importer.read(files: [wos, scopus], format: nil)
        #expect(results.map(\.format) == [.wos, .scopus])
        let d = importer.merge(results)
        #expect(d.summary.records == 2)
        #expect(d.summary.references == 7)
        #expect(d.summary.duplicates == 1)
        #expect(d.summary.matched == ImportSummary.MatchCounts(byIdentifier: 0, byKey: 3, unmatched: 4))
        #expect(d.works.count == 5)
        #expect(d.citations.count == 4)
        #expect(d.duplicates.first?.method == .doi)
        // The WoS record spans lines 3 (PT) to 20 (ER); its first CR is on line 15.
        #expect(d.duplicates.first?.kept == "\(wos):3-20")
        let citing = try #require(d.works.first)
        #expect(citing.work.id == "doi:10.1234/jhsr.2020.001")
        #expect(citing.nativeIDs == ["wos:WOS:000000000000001", "scopus:2-s2.0-1"])
        let aria = try #require(d.citations.first)
        #expect(aria.cited == "doi:10.1016/j.joi.2017.08.007")
        #expect(aria.sources == ["\(wos):15#1", "\(scopus):2#1"])
        // The merged Aria work gained the title only Scopus prints.
        #expect(d.works[1].work.title == "bibliometrix: An R-tool for comprehensive science mapping analysis")
        #expect(d.references.filter { $0.note != nil }.count == 3)
        #expect(d.references.map(\.method) == [.new, .new, .new, .key, .key, .key, .new])
    }

    /// OpenAlex JSON Lines (streamed): W2 cites W1 and W9; W3 cites W1, W9, W2. Hand count:
    /// 3 records, 5 references; W9 is new once (unmatched 1) and the other 4 match by id;
    /// works W1, W2, W3, W9 = 4; arcs 5.
    /// A WoS reference with no personal author and no title ("[Anonymous], 2019, GUARDIAN",
    /// as in dse-citan's wos.txt line 172) is labelled by its venue, "GUARDIAN 2019", not "? 2019".
    @Test func anonymousReferenceIsLabelledByItsVenue() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let wos = try dir.write("savedrecs.txt", ImportFixtures.wos.replacingOccurrences(
            of: "   Ostrom E, 1996, WORLD DEV, V24, P1073\n", with: "   Ostrom E, 1996, WORLD DEV, V24, P1073\n   [Anonymous], 2019, GUARDIAN\n"))
        try Importer().run(files: [wos], format: nil, outputFolder: dir.path + "/out")
        let works = try String(contentsOfFile: dir.path + "/out/works.csv", encoding: .utf8)
        #expect(works.contains(",GUARDIAN 2019,"), "\(works)")
        #expect(!works.contains(",? 2019,"))
    }

    @Test func openAlexJSONLinesMatchByIdentifier() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let file = try dir.write("works.jsonl", ImportFixtures.openAlexLines)
        #expect(try FormatDetector.detect(path: file) == .openAlex)
        let d = Importer().merge(try Importer().read(files: [file], format: nil))
        #expect(d.summary.records == 3)
        #expect(d.summary.references == 5)
        #expect(d.summary.matched == ImportSummary.MatchCounts(byIdentifier: 4, byKey: 0, unmatched: 1))
        #expect(d.works.map(\.work.id) == ["W1", "W2", "W3", "W9"])
        #expect(d.citations.count == 5)
        #expect(d.works[0].citedBy == 2)
        #expect(d.works[1].work.venue == "J B")
        #expect(d.works[0].work.venue == "J A")
        #expect(d.works[0].work.authors.first == AuthorName(family: "Lee", initials: "A"))
        #expect(d.citations.first?.sources == ["\(file):2#1"])
    }

    /// The written folder loads with the dataset loader, and a second run writes the same bytes.
    @Test func writtenFolderLoadsAndIsDeterministic() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let wos = try dir.write("savedrecs.txt", ImportFixtures.wos)
        let scopus = try dir.write("scopus.csv", ImportFixtures.scopus)
        let out1 = dir.path + "/run1/merged", out2 = dir.path + "/run2/merged"
        let summary = try Importer().run(files: [wos, scopus], format: nil, outputFolder: out1)
        try Importer().run(files: [wos, scopus], format: nil, outputFolder: out2)
        #expect(summary.works == 5)
        #expect(summary.citations == 4)
        #expect(summary.format == "scopus+wos")
        #expect(summary.files?.map(\.records) == [1, 1])
        let dataset = try Dataset.load(folder: out1)
        #expect(dataset.workIDs.count == 5)
        #expect(dataset.layers.count == 1)
        #expect(dataset.layers.first?.kind == .citation)
        #expect(dataset.layers.first?.arcs.count == 4)
        #expect(dataset.layers.first?.arcs.first?.source == "savedrecs.txt:15#1; scopus.csv:2#1")
        for name in ["dataset.yml", "works.csv", "citations.csv", "references.csv", "import-log.txt", "README.md"] {
            let a = FileManager.default.contents(atPath: out1 + "/" + name)
            let b = FileManager.default.contents(atPath: out2 + "/" + name)
            #expect(a != nil && a == b, "\(name)")
        }
        let log = try String(contentsOfFile: out1 + "/import-log.txt", encoding: .utf8)
        #expect(log.contains("kept savedrecs.txt:3-20 (read first); merged scopus.csv:2 (same doi)"))
        let refs = try String(contentsOfFile: out1 + "/references.csv", encoding: .utf8)
        #expect(refs.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1 + 7)
        // The summary encodes the ARCHITECTURE.md §6 keys.
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any]
        for key in ["format", "records", "references", "skipped", "duplicates", "matched"] { #expect(json?[key] != nil, "\(key)") }
        let matched = json?["matched"] as? [String: Any]
        #expect(matched?["byIdentifier"] as? Int == 0 && matched?["byKey"] as? Int == 3 && matched?["unmatched"] as? Int == 4)
    }

    /// Every shared export imports in one run and the result loads.
    @Test(.enabled(if: SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt") != nil, "needs ../shared/data/formats"))
    func allSharedFilesImportTogether() throws {
        let root = try #require(SharedData.path("formats"))
        let files = [
            "wos-plaintext/bibliometrix-wos_sample.txt", "wos-plaintext/metaknowledge-savedrecs.txt",
            "scopus-csv/bibliometrix-scopus_sample.csv", "openalex-json/institutions-id-tu9--type-selection--py-diophila.json",
            "openalex-csv/bibliometrix-openalex_sample.csv", "csl-json/crossref-csl-10.1126_science.169.3946.635.json",
            "csl-json/citation-js-bibtex-csl.json", "csl-json/citation-js-biblatex-csl.json", "ris/rispy-example_full.ris",
            "bibtex/pybibx-wos_m.bib", "bibtex/pybibx-scopus_m.bib", "bibtex/citation-js-bibtex-input.bib",
            "bibtex/citation-js-biblatex-input.bib", "pubmed-medline/metaknowledge-medline_test.medline",
            "lens-csv/bibliometrix-lens_sample.csv",
        ] + SharedFormatFileTests.crossrefCounts.map { "crossref-json/crossref-work-\($0.0).json" }
        let dir = try TempFolder()
        defer { dir.remove() }
        let out = dir.path + "/all-formats"
        let summary = try Importer().run(files: files.map { root + "/" + $0 }, format: nil, outputFolder: out)
        // Records: 8 + 32 + 8 + 410 + 8 + 1 + 16 + 28 + 2 + 29 + 24 + 16 + 28 + 175 + 8 + 6 (PROVENANCE).
        #expect(summary.records == 8 + 32 + 8 + 410 + 8 + 1 + 16 + 28 + 2 + 29 + 24 + 16 + 28 + 175 + 8 + 6)
        #expect(summary.skipped == 0)
        let m = summary.matched
        #expect(m.byIdentifier + m.byKey + m.unmatched == summary.references)
        let dataset = try Dataset.load(folder: out)
        #expect(dataset.workIDs.count == summary.works)
        #expect(dataset.layers.first?.arcs.count == summary.citations)
        #expect((summary.citations ?? 0) <= summary.references)
    }
}
