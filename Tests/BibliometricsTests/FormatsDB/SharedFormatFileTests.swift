import Foundation
import Testing
import TestSupport
@testable import Bibliometrics

/// Every sample export in `../shared/data/formats` is detected from its content and read
/// with the counts its PROVENANCE.md states (records, cited references, DOIs), or — where
/// PROVENANCE gives no figure — counts measured independently with a Python one-liner on
/// the file (written next to each expectation).
struct SharedFormatFileTests {
    static let root = "formats/"

    static func read(_ relative: String) throws -> FileReadResult {
        let path = try #require(SharedData.path(root + relative))
        let format = try FormatDetector.detect(path: path)
        return try FormatDetector.read(path: path, format: format, lenient: false)
    }

    @Test(.enabled(if: SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt") != nil, "needs ../shared/data/formats"))
    func wosPlainTextBibliometrix() throws {
        let r = try Self.read("wos-plaintext/bibliometrix-wos_sample.txt")
        #expect(r.format == .wos)
        // PROVENANCE: 8 records, 252 CR lines.
        #expect(r.records.count == 8)
        #expect(r.referenceCount == 252)
        #expect(r.skipped.isEmpty)
        let first = try #require(r.records.first)
        #expect(first.work.title == "Mapping the application of Geographic Information System (GIS) in real estate: a bibliometric analysis using bibliometrix and QGIS")
        #expect(first.work.doi?.value == "10.1080/00396265.2026.2635057")
        #expect(first.nativeIDs == ["wos:WOS:001702577900001"])
        #expect(first.work.authors.first == AuthorName(family: "Toh", initials: "ML"))
        // File line 18: "   Anselin L, 2006, GEOGR ANAL, V38, P5, DOI 10.1111/j.0016-7363.2005.00671.x"
        let anselin = first.references[1].reference
        #expect(anselin.source?.firstLine == 18)
        #expect(anselin.authors.first?.family == "Anselin")
        #expect(anselin.year == 2006)
        #expect(anselin.venue == "GEOGR ANAL")
        #expect(anselin.volume == "38")
        #expect(anselin.pages == "5")
        #expect(anselin.doi?.value == "10.1111/j.0016-7363.2005.00671.x")
        // NR 53 on line 70 equals the CR lines of the first record.
        #expect(first.declaredReferences == first.references.count)
    }

    @Test(.enabled(if: SharedData.path("formats/wos-plaintext/metaknowledge-savedrecs.txt") != nil, "needs ../shared/data/formats"))
    func wosPlainTextMetaknowledge() throws {
        let r = try Self.read("wos-plaintext/metaknowledge-savedrecs.txt")
        #expect(r.format == .wos)
        // PROVENANCE: 32 records, 958 CR lines, DI on 17.
        #expect(r.records.count == 32)
        #expect(r.referenceCount == 958)
        #expect(r.records.filter { $0.work.doi != nil }.count == 17)
    }

    @Test(.enabled(if: SharedData.path("formats/scopus-csv/bibliometrix-scopus_sample.csv") != nil, "needs ../shared/data/formats"))
    func scopusCSV() throws {
        let r = try Self.read("scopus-csv/bibliometrix-scopus_sample.csv")
        #expect(r.format == .scopus)
        // PROVENANCE: 8 records, 1196 ';'-separated references. Newer Scopus exports also
        // separate the authors of one reference with ';', so the 1196 pieces hold fewer
        // references: the reader joins author-only pieces to the reference they head.
        #expect(r.records.count == 8)
        #expect(r.notes["referencePieces"] == 1196)
        // Every reference ends with its year in parentheses: pieces ending in "(dddd)",
        // measured with Python (re.search(r'\(\d{4}\)$', piece)), number 381, and no other
        // piece has a comma (the rest are author names).
        #expect(r.referenceCount == 381)
        let first = try #require(r.records.first)
        #expect(first.work.doi?.value == "10.1177/20552076261415846")
        #expect(first.work.year == 2026)
        // Cell starts: "The global epidemic of low back pain, Lancet Rheumatol, 5, (2023); Cheng M.; Xue Y.; Cui M., Global, …"
        let refs = first.references.map(\.reference)
        #expect(refs[0].raw == "The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)")
        #expect(refs[1].authors.map(\.family) == ["Cheng", "Xue", "Cui"])
        #expect(refs[1].year == 2025)
        #expect(refs[1].venue == "Spine (Phila Pa 1976)")
        #expect(refs[1].volume == "50")
        #expect(refs[1].pages == "E128-E139")
        #expect(refs[1].title == "Global, regional, and national burden of low back pain: findings from the global burden of disease study 2021 and projections to 2050")
    }

    @Test(.enabled(if: SharedData.path("formats/openalex-json/institutions-id-tu9--type-selection--py-diophila.json") != nil, "needs ../shared/data/formats"))
    func openAlexJSON2022() throws {
        let r = try Self.read("openalex-json/institutions-id-tu9--type-selection--py-diophila.json")
        #expect(r.format == .openAlex)
        // PROVENANCE: 410 works, referenced_works non-empty on 20, 2478 references; types
        // 207 book, 143 proceedings, 44 monograph, 14 dissertation, 2 reference-book.
        #expect(r.records.count == 410)
        #expect(r.records.filter { !$0.references.isEmpty }.count == 20)
        #expect(r.referenceCount == 2478)
        #expect(r.records.filter { $0.work.type == .thesis }.count == 14)
        #expect(r.records.filter { $0.work.type == .book }.count == 207 + 44 + 2)
        let first = try #require(r.records.first)
        #expect(first.work.openAlexID == "W4200035428")
        #expect(first.work.venue == "Series in computer vision")
        #expect(first.work.authors.first?.family == "Hänsch")
        #expect(r.records.allSatisfy { $0.references.allSatisfy { $0.reference.openAlexID != nil } })
    }

    @Test(.enabled(if: SharedData.path("formats/openalex-csv/bibliometrix-openalex_sample.csv") != nil, "needs ../shared/data/formats"))
    func openAlexCSV() throws {
        let r = try Self.read("openalex-csv/bibliometrix-openalex_sample.csv")
        #expect(r.format == .openAlexCSV)
        // PROVENANCE: 8 records, no referenced_works column.
        #expect(r.records.count == 8)
        #expect(r.referenceCount == 0)
        #expect(r.records.first?.work.openAlexID == "W2755950973")
        #expect(r.records.first?.work.authors.map(\.family) == ["Aria", "Cuccurullo"])
    }

    static let crossrefCounts: [(String, Int)] = [
        ("10.1371_journal.pone.0033693", 70), ("10.1016_j.neurobiolaging.2010.03.024", 57), ("10.1002_jor.1100150407", 36),
        ("10.1038_srep16696", 62), ("10.1109_icdcsw.2003.1203662", 13), ("10.3892_ijo_00000353", 0),
    ]

    @Test(.enabled(if: SharedData.path("formats/crossref-json") != nil, "needs ../shared/data/formats"))
    func crossrefWorks() throws {
        // PROVENANCE: reference arrays of 70 (10.1371/journal.pone.0033693), 57, 36, 62, 13 and 0
        // (which file holds which measured with Python: len(message['reference'])).
        for (name, count) in Self.crossrefCounts {
            let r = try Self.read("crossref-json/crossref-work-\(name).json")
            #expect(r.format == .crossref)
            #expect(r.records.count == 1)
            #expect(r.referenceCount == count, "\(name)")
            #expect(r.records.first?.declaredReferences == count)
            #expect(r.records.first?.work.doi?.value == String(name.replacing(/_/, with: "/", maxReplacements: 1)).lowercased())
        }
        let plos = try Self.read("crossref-json/crossref-work-10.1371_journal.pone.0033693.json")
        let ref1 = try #require(plos.records.first?.references.first?.reference)
        // {"key": "ref1", "DOI": "10.1038/sj.npp.1301164", "author": "AF Arnsten", "year": "2006", …}
        #expect(ref1.doi?.value == "10.1038/sj.npp.1301164")
        #expect(ref1.authors.first?.family == "Arnsten")
        #expect(ref1.year == 2006)
        #expect(ref1.venue == "Neuropsychopharmacology")
        #expect(plos.records.first?.work.year == 2012)
        #expect(plos.records.first?.work.venue == "PLoS ONE")
    }

    @Test(.enabled(if: SharedData.path("formats/csl-json") != nil, "needs ../shared/data/formats"))
    func cslJSON() throws {
        let science = try Self.read("csl-json/crossref-csl-10.1126_science.169.3946.635.json")
        #expect(science.format == .cslJSON)
        #expect(science.records.count == 1)
        #expect(science.referenceCount == 76) // PROVENANCE: reference (76)
        #expect(science.records.first?.work.doi?.value == "10.1126/science.169.3946.635")
        let bibtex = try Self.read("csl-json/citation-js-bibtex-csl.json")
        #expect(bibtex.format == .cslJSON)
        #expect(bibtex.records.count == 16) // PROVENANCE: 16
        #expect(bibtex.records.first?.work.authors.map(\.family) == ["Adams", "Brody"])
        #expect(bibtex.records.first?.work.year == 2020)
        let biblatex = try Self.read("csl-json/citation-js-biblatex-csl.json")
        #expect(biblatex.records.count == 28) // PROVENANCE: 28
    }

    @Test(.enabled(if: SharedData.path("formats/bibtex") != nil, "needs ../shared/data/formats"))
    func bibtex() throws {
        let wos = try Self.read("bibtex/pybibx-wos_m.bib")
        #expect(wos.format == .bibtex)
        #expect(wos.records.count == 29) // PROVENANCE: 29
        // Cited-References lines, measured with Python (non-blank lines of each field): 1053.
        #expect(wos.referenceCount == 1053)
        let first = try #require(wos.records.first)
        #expect(first.nativeIDs.contains("wos:WOS:000278542800018"))
        #expect(first.work.doi?.value == "10.1016/j.amc.2010.04.009")
        // "ACZEL J, 1983, J MATH PSYCHOL, V27, P93, DOI 10.1016/0022-2496(83)90028-7." (line 62)
        let aczel = first.references[0].reference
        #expect(aczel.authors.first?.family == "ACZEL")
        #expect(aczel.year == 1983)
        #expect(aczel.venue == "J MATH PSYCHOL")
        #expect(aczel.doi?.value == "10.1016/0022-2496(83)90028-7")
        #expect(aczel.source?.firstLine == 62)
        // "{[}Anonymous], 2005, NEURAL NETWORKS COMP." has no author.
        #expect(first.references[1].reference.authors.isEmpty)
        #expect(first.references[1].reference.year == 2005)
        let scopus = try Self.read("bibtex/pybibx-scopus_m.bib")
        #expect(scopus.records.count == 24) // PROVENANCE: 24, no references
        #expect(scopus.referenceCount == 0)
        #expect(scopus.records.first?.work.pages == "79-88")
        #expect(try Self.read("bibtex/citation-js-bibtex-input.bib").records.count == 16)
        #expect(try Self.read("bibtex/citation-js-biblatex-input.bib").records.count == 28)
    }

    @Test(.enabled(if: SharedData.path("formats/ris/rispy-example_full.ris") != nil, "needs ../shared/data/formats"))
    func ris() throws {
        let r = try Self.read("ris/rispy-example_full.ris")
        #expect(r.format == .ris)
        #expect(r.records.count == 2) // PROVENANCE: 2
        #expect(r.records[0].work.title == "Title of reference")
        #expect(r.records[0].work.authors.map(\.family) == ["Marx", "Lindgren"])
        #expect(r.records[0].work.year == 2014)
        #expect(r.records[1].work.year == 2006)
    }

    @Test(.enabled(if: SharedData.path("formats/pubmed-medline/metaknowledge-medline_test.medline") != nil, "needs ../shared/data/formats"))
    func medline() throws {
        let r = try Self.read("pubmed-medline/metaknowledge-medline_test.medline")
        #expect(r.format == .medline)
        #expect(r.records.count == 175) // PROVENANCE: 175
        let first = try #require(r.records.first)
        #expect(first.work.pmid == "26524502")
        #expect(first.work.doi?.value == "10.1016/j.gene.2015.10.064")
        #expect(first.work.year == 2016)
        #expect(first.work.title == "Bioinformatic survey of ABC transporters in dermatophytes.")
        #expect(first.work.authors.first == AuthorName(family: "Gadzalski", initials: "M"))
    }

    @Test(.enabled(if: SharedData.path("formats/lens-csv/bibliometrix-lens_sample.csv") != nil, "needs ../shared/data/formats"))
    func lens() throws {
        let r = try Self.read("lens-csv/bibliometrix-lens_sample.csv")
        #expect(r.format == .lens)
        #expect(r.records.count == 8) // PROVENANCE: 8 records, 517 references
        #expect(r.referenceCount == 517)
        #expect(r.records.first?.nativeIDs == ["lens:000-360-106-493-122"])
        #expect(r.records.first?.work.authors.first?.family == "Radanliev")
    }
}
