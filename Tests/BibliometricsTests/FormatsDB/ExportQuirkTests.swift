import Foundation
import NetworkCore
import Testing
import TestSupport
@testable import Bibliometrics

/// The quirks of real exports (issue 11 §1): each is read like the clean file, and what was
/// repaired is listed with file and line.
struct ExportQuirkTests {
    typealias M = MalformedInputTests

    // MARK: Line endings

    @Test func risRecordsSeparatedByLoneCR() throws {
        // Two records, every line ended by a lone CR (old Mac / some reference managers).
        let clean = try M.read("a.ris", M.ris)
        let cr = try M.read("cr.ris", M.ris.replacingOccurrences(of: "\n", with: "\r"))
        #expect(cr.records.count == 2)
        #expect(cr.records.map(\.work.title) == clean.records.map(\.work.title))
        #expect(cr.records.map { $0.work.sources.first?.firstLine } == clean.records.map { $0.work.sources.first?.firstLine })
        // 12 lone CRs, named as a repair with the counts.
        let note = try #require(cr.repairs.first { $0.message.hasPrefix("line endings") })
        #expect(note.message.contains("12 lone CR"))
        #expect(clean.repairs.isEmpty)
    }

    @Test func wosWithMixedLineEndings() throws {
        // LF, CRLF and lone CR alternating line by line: the same record and references.
        let lines = ImportFixtures.wos.components(separatedBy: "\n")
        var mixed = ""
        for (i, l) in lines.enumerated() where i < lines.count - 1 { mixed += l + ["\n", "\r\n", "\r"][i % 3] }
        let clean = try M.read("clean.txt", ImportFixtures.wos)
        let r = try M.read("mixed.txt", mixed)
        #expect(r.records.count == 1)
        #expect(r.records[0].references.map(\.reference.raw) == clean.records[0].references.map(\.reference.raw))
        #expect(r.records[0].references.map { $0.reference.source?.firstLine } == clean.records[0].references.map { $0.reference.source?.firstLine })
        // The fixture has 22 line ends (23 pieces): i = 0…21 → i % 3 gives 8 LF, 7 CRLF, 7 lone CR.
        #expect(lines.count == 23)
        #expect(r.repairs.contains { $0.message == "line endings: 8 LF, 7 CRLF, 7 lone CR (each read as one line end)" })
    }

    // MARK: Encodings

    @Test func wosUTF16LittleAndBigEndianReadLikeUTF8() throws {
        let text = ImportFixtures.wos.replacingOccurrences(of: "Jones, Karl", with: "Müller, Karl")
        let clean = try M.read("utf8.txt", text)
        let le = try M.read("le.txt", M.utf16(text)) // Foundation writes a BOM and little-endian
        var be = Data([0xFE, 0xFF])
        for unit in text.utf16 { be.append(UInt8(unit >> 8)); be.append(UInt8(unit & 0xFF)) }
        let bigEndian = try M.read("be.txt", be)
        for r in [le, bigEndian] {
            #expect(r.format == .wos)
            #expect(r.records.count == 1)
            #expect(r.records[0].work.authors.map(\.family) == ["Smith", "Müller"])
            #expect(r.records[0].references.map(\.reference.raw) == clean.records[0].references.map(\.reference.raw))
            #expect(r.repairs.contains { $0.line == 1 && $0.message.contains("UTF-16") && $0.message.contains("transcoded") })
        }
        // An unpaired high surrogate on line 3 is an error naming that line.
        var bad = Data([0xFF, 0xFE])
        for unit in Array("FN x\nVR 1.0\nPT ".utf16) + [0xD800] + Array("J\n".utf16) { bad.append(UInt8(unit & 0xFF)); bad.append(UInt8(unit >> 8)) }
        let e = try #require(M.error("bad16.txt", bad, format: .wos))
        #expect(e.line == 3 && e.message.contains("unpaired surrogate"))
    }

    @Test func utf8ByteOrderMarkIsSkippedInEveryReader() throws {
        #expect(try M.read("b.txt", M.bom(ImportFixtures.wos)).records[0].work.title == "Co-production in health care: a review")
        #expect(try M.read("b.csv", M.bom(ImportFixtures.scopus)).records[0].work.title == "Co-production in health care: a review")
        #expect(try M.read("b.bib", M.bom(M.bib)).records.count == 2)
    }

    // MARK: CSV rows longer or shorter than the header

    @Test func scopusRowsLongerAndShorterThanTheHeaderAreMappedByName() throws {
        // Row 2: one extra empty field (real Scopus exports end data rows with ','); row 3:
        // one extra non-empty field; row 4: the last column (EID) missing.
        let row = ImportFixtures.scopusRow
        let short = #""Lee A.","A short row",2019,"J Short","3","","1","9","","""#
        let text = ImportFixtures.scopusHeader + "\n" + row + ",\n" + row.replacingOccurrences(of: "2-s2.0-1", with: "2-s2.0-2") + ",\"stray\"\n" + short + "\n"
        let r = try M.read("rows.csv", text)
        #expect(r.records.count == 3)
        // Mapped by header name: the EID and References columns are the right cells.
        #expect(r.records[0].nativeIDs == ["scopus:2-s2.0-1"])
        #expect(r.records[1].nativeIDs == ["scopus:2-s2.0-2"])
        #expect(r.records[0].references.count == 4)
        #expect(r.records[2].work.title == "A short row" && r.records[2].nativeIDs.isEmpty && r.records[2].work.pages == "1-9")
        #expect(r.repairs.map(\.line) == [2, 3, 4])
        #expect(r.repairs[0].message == "row has 12 fields, the header 11: 1 trailing empty field(s) dropped")
        #expect(r.repairs[1].message.contains("not empty: 'stray'"))
        #expect(r.repairs[2].message.contains("row has 10 fields, the header 11") && r.repairs[2].message.contains("EID"))
    }

    @Test func repairsAreNamedInTheImportLog() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let csv = try dir.write("rows.csv", ImportFixtures.scopusHeader + "\n" + ImportFixtures.scopusRow + ",\n")
        let ris = try dir.write("cr.ris", M.ris.replacingOccurrences(of: "\n", with: "\r"))
        _ = try Importer().run(files: [csv, ris], format: nil, outputFolder: dir.path + "/out")
        let log = try String(contentsOfFile: dir.path + "/out/import-log.txt", encoding: .utf8)
        #expect(log.contains("## Repairs (2)"))
        #expect(log.contains("rows.csv:2: row has 12 fields, the header 11: 1 trailing empty field(s) dropped"))
        #expect(log.contains("cr.ris: line endings: 12 lone CR"))
    }

    // MARK: BibTeX field names

    @Test func bibtexFieldNamesWithSpacesAndDigits() throws {
        // Scopus writes `funding_text 1 = {…}`, `funding_text 2 = {…}`.
        let bib = """
        @ARTICLE{Roy2020,
        author = {Roy, B. and Lee, A.},
        title = {A title},
        journal = {J X},
        year = {2020},
        funding_text 1 = {Funded by A.},
        funding_text 2 = {Funded by B.},
        references = {Roy, B., Bouyssou, D., (1993) Aide Multicritère à la Décision: Méthodes et Cas, Economica, Paris; Saaty, T.L., The Analytic Hierarchy Process (1980) Journal of X, 11 (4), pp. 1-10.},
        }

        """
        let r = try M.read("s.bib", bib)
        #expect(r.records.count == 1 && r.skipped.isEmpty)
        let e = try #require(try BibTeX.parseEntry(bib, path: "s.bib", firstLine: 1))
        #expect(e.fields["funding_text 1"]?.value == "Funded by A.")
        #expect(e.fields["funding_text 2"]?.line == 7)
        let refs = r.records[0].references.map(\.reference)
        #expect(refs.count == 2)
        #expect(refs[0].authors.map(\.display) == ["Roy B", "Bouyssou D"] && refs[0].year == 1993)
        #expect(refs[0].title == "Aide Multicritère à la Décision: Méthodes et Cas" && refs[0].publisher == "Economica, Paris")
        #expect(refs[1].authors.map(\.display) == ["Saaty TL"] && refs[1].title == "The Analytic Hierarchy Process")
        #expect(refs[1].venue == "Journal of X" && refs[1].volume == "11" && refs[1].issue == "4" && refs[1].pages == "1-10" && refs[1].year == 1980)
    }

    // MARK: One record in two files

    @Test func sameRecordInTwoFilesIsMergedOnceAndCounted() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let a = try dir.write("savedrecs.txt", ImportFixtures.wos)
        let b = try dir.write("savedrecs(1).txt", ImportFixtures.wos)
        let d = Importer().merge(try Importer().read(files: [a, b], format: nil))
        #expect(d.summary.records == 2)
        #expect(d.summary.duplicates == 1)
        #expect(d.duplicates.first?.method == .doi)
        // 1 citing work + 3 cited works, 3 arcs (not 6): the second copy's references repeat the first's.
        #expect(d.works.count == 4)
        #expect(d.citations.count == 3)
        #expect(d.citations.allSatisfy { $0.sources.count == 2 })
    }

    // MARK: WoS plain text ≡ tab-delimited

    /// The tab-delimited twin of a WoS plain-text file, built only from the plain text's
    /// own tags and values: one header of every tag seen (in first-seen order), one row per
    /// record; `AU`, `AF`, `CR` values joined with `; `, other fields' lines with a space.
    static func tabDelimitedTwin(ofPlainText text: String) -> String {
        var tags: [String] = []
        var records: [[String: [String]]] = []
        var current: [String: [String]]?
        var lastTag = ""
        for line in text.components(separatedBy: "\n") {
            let l = line.hasSuffix("\r") ? String(line.dropLast()) : line
            if l.hasPrefix("   "), current != nil {
                current?[lastTag, default: []].append(l.trimmingCharacters(in: .whitespaces))
                continue
            }
            guard l.count >= 2 else { continue }
            let tag = String(l.prefix(2)), value = l.count > 3 ? String(l.dropFirst(3)) : ""
            switch tag {
            case "FN", "VR", "EF": continue
            case "PT": current = ["PT": [value]]; lastTag = "PT"
            case "ER": if let c = current { records.append(c) }; current = nil
            default:
                current?[tag] = [value]
                lastTag = tag
            }
            if !["FN", "VR", "EF", "ER"].contains(tag), !tags.contains(tag) { tags.append(tag) }
        }
        var out = tags.joined(separator: "\t") + "\n"
        for r in records {
            out += tags.map { t in
                let v = r[t] ?? []
                return ["AU", "AF", "CR"].contains(t) ? v.joined(separator: "; ") : v.joined(separator: " ")
            }.joined(separator: "\t") + "\n"
        }
        return out
    }

    @Test(.enabled(if: SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt") != nil, "needs ../shared/data/formats"))
    func wosPlainTextAndTabDelimitedGiveTheSameDataset() throws {
        let path = try #require(SharedData.path("formats/wos-plaintext/bibliometrix-wos_sample.txt"))
        let plainText = try String(contentsOfFile: path, encoding: .utf8)
        let dir = try TempFolder()
        defer { dir.remove() }
        let tab = try dir.write("wos_sample_tab.txt", Self.tabDelimitedTwin(ofPlainText: plainText))
        #expect(try FormatDetector.detect(path: tab) == .wosTab)
        let importer = Importer()
        let a = importer.merge(try importer.read(files: [path], format: nil))
        let b = importer.merge(try importer.read(files: [tab], format: nil))
        // PROVENANCE: 8 records, 252 CR lines.
        #expect(a.summary.records == 8 && b.summary.records == 8)
        #expect(a.summary.references == 252 && b.summary.references == 252)
        #expect(a.summary.matched == b.summary.matched)
        #expect(a.summary.works == b.summary.works && a.summary.citations == b.summary.citations)
        #expect(a.summary.parsed == b.summary.parsed)
        #expect(a.works.map(\.work.id) == b.works.map(\.work.id))
        #expect(a.works.map(\.work.title) == b.works.map(\.work.title))
        #expect(a.works.map(\.work.authors) == b.works.map(\.work.authors))
        #expect(a.citations.map { [$0.citing, $0.cited] } == b.citations.map { [$0.citing, $0.cited] })
        #expect(a.references.map(\.reference.raw) == b.references.map(\.reference.raw))
    }
}
