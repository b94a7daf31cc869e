import Foundation
import Testing
@testable import Bibliometrics

/// The final merge pass over works (``WorkMergePass``, run by ``Importer/merge(_:)``) on tiny hand-made exports.
/// The reference strings are copied from `corpora/dse-citan` (WoS `CR` and Scopus
/// `References`), where the reading pass left them as two works.
struct ImporterMergePassTests {
    /// One WoS record with the given `CR` lines.
    static func wosRecord(ut: Int, title: String, refs: [String]) -> String {
        """
        PT J
        AU Doe, J
        TI \(title)
        SO TEST JOURNAL
        PY 2022
        CR \(refs.joined(separator: "\n   "))
        NR \(refs.count)
        UT WOS:00000000000000\(ut)
        ER

        """
    }

    static func wos(_ records: [String]) -> String {
        "FN Clarivate Analytics Web of Science\nVR 1.0\n" + records.joined() + "\nEF\n"
    }

    /// One Scopus row (old style: a reference's authors separated by `, `).
    static func scopus(title: String, refs: [String]) -> String {
        ImportFixtures.scopusHeader + "\n" +
            "\"Roe R.\",\"\(title)\",2022,\"Other Journal\",\"1\",\"\",\"1\",\"9\",\"\",\"\(refs.joined(separator: "; "))\",\"2-s2.0-9\"\n"
    }

    static func importing(wos: String, scopus: String) throws -> ImportedDataset {
        let dir = try TempFolder()
        defer { dir.remove() }
        let w = try dir.write("w.txt", wos), s = try dir.write("s.csv", scopus)
        return Importer().merge(try Importer().read(files: [w, s], format: nil))
    }

    /// WoS read first prints `BENJAMINI Y, 1995, J R STAT SOC B, V57, P289`; Scopus prints the
    /// title and `J. R. Stat. Soc. Ser. B, 57, pp. 289-300`. The reading pass cannot match the
    /// sources (`B` against `Ser.`); the final pass joins them by first author `benjamini`,
    /// year 1995, volume 57 and first page 289 (method `volume-page`). Two citing papers cite
    /// it: one work with two arcs, and the Scopus row says why.
    @Test func wosAbbreviationMeetsScopusByVolumeAndPage() throws {
        let d = try Self.importing(
            wos: Self.wos([Self.wosRecord(ut: 1, title: "A study", refs: ["BENJAMINI Y, 1995, J R STAT SOC B, V57, P289"])]),
            scopus: Self.scopus(title: "Another study", refs: [
                "Benjamini Y., Hochberg Y., Controlling the false discovery rate: a practical and powerful approach to multiple testing, J. R. Stat. Soc. Ser. B, 57, pp. 289-300, (1995)",
            ]))
        let rows = d.references
        #expect(rows.count == 2)
        #expect(rows[0].cited == rows[1].cited)
        #expect(rows[0].method == .new)
        #expect(rows[1].method == .volumePage)
        #expect(rows[1].evidence.hasPrefix("final merge pass:"))
        #expect(rows[1].evidence.contains("volume 57/57") && rows[1].evidence.contains("first page 289"))
        let cited = try #require(d.works.first { $0.work.id == rows[0].cited })
        #expect(cited.citedBy == 2)
        // The work read first keeps its fields and takes the title from the absorbed one.
        #expect(cited.work.venue == "J R STAT SOC B")
        #expect(cited.work.title?.hasPrefix("Controlling the false discovery rate") == true)
        #expect(d.works.count == 3) // two citing papers, one cited work
        #expect(d.citations.count == 2)
        #expect(d.summary.matched.unmatched == 1 && d.summary.matched.byKey == 1)
    }

    /// The order case: WoS prints `[Anonymous], 2018, DATA USE MIDDLE SECO` (read first) and
    /// `Lee V.R., 2018, DATA USE MIDDLE SECO`; neither has a title, so the reading pass makes
    /// two works (an author-less string meets an authored one only through a title). Scopus,
    /// read last, prints Lee's full title, and matches the authored WoS work by key. In the
    /// final pass the anonymous string's 20-character abbreviation matches that title word by
    /// word (`data use middle seco…`, rule `title`): all three are one work.
    @Test func laterTitleJoinsAnonymousAndAuthoredWoSStrings() throws {
        let d = try Self.importing(
            wos: Self.wos([
                Self.wosRecord(ut: 1, title: "First paper", refs: ["[Anonymous], 2018, DATA USE MIDDLE SECO"]),
                Self.wosRecord(ut: 2, title: "Second paper", refs: ["Lee V.R., 2018, DATA USE MIDDLE SECO"]),
            ]),
            scopus: Self.scopus(title: "Third paper", refs: [
                "Lee V. R., Wilkerson M., Data use by middle and secondary students in the digital age: A status report and future prospects, (2018)",
            ]))
        let rows = d.references
        #expect(rows.count == 3)
        #expect(Set(rows.map(\.cited)).count == 1)
        #expect(rows.map(\.method) == [.new, .title, .key])
        #expect(rows[1].evidence.hasPrefix("final merge pass:"))
        let cited = try #require(d.works.first { $0.work.id == rows[0].cited })
        #expect(cited.citedBy == 3)
        #expect(cited.work.authors.first?.family == "Lee")
        #expect(d.notes.contains { $0.hasPrefix("Final merge pass: 1 works") })
    }

    /// A citing paper that cites both variants keeps one arc; the second row is a repeated citation.
    @Test func bothVariantsInOneListGiveOneArc() throws {
        let d = try Self.importing(
            wos: Self.wos([Self.wosRecord(ut: 1, title: "A study", refs: [
                "BENJAMINI Y, 1995, J R STAT SOC B, V57, P289",
                "Benjamini Y., 1995, J. R. Stat. Soc. Ser. B, V57, P289",
            ])]),
            scopus: Self.scopus(title: "Unrelated", refs: ["Ostrom E., Crossing the great divide: coproduction, synergy, and development, World Dev, 24, 6, pp. 1073-1087, (1996)"]))
        let wosRows = d.references.filter { $0.citing == "wos:WOS:000000000000001" }
        #expect(wosRows.count == 2 && wosRows[0].cited == wosRows[1].cited)
        #expect(wosRows[1].note?.hasPrefix("repeated citation") == true)
        #expect(d.citations.filter { $0.citing == "wos:WOS:000000000000001" }.count == 1)
    }

    /// Kept apart: the same first author and year in two journals with two DOIs (dse-citan:
    /// Abdullah S 2007, J OPER RES SOC V58 P1494 and OR SPECTRUM V29 P351); and a title-less
    /// `ARXIV PREPRINT ARXIV` against a titled paper of the same author and year — arXiv
    /// names a server, not a work.
    @Test func differentDOIsAndBareArXivStayApart() throws {
        let d = try Self.importing(
            wos: Self.wos([Self.wosRecord(ut: 1, title: "A study", refs: [
                "Abdullah S, 2007, J OPER RES SOC, V58, P1494, DOI 10.1057/palgrave.jors.2602258",
                "Abdullah S, 2007, OR SPECTRUM, V29, P351, DOI 10.1007/s00291-006-0034-7",
                "Krishnamurthi S., 2020, ARXIV PREPRINT ARXIV",
            ])]),
            scopus: Self.scopus(title: "Another study", refs: [
                "Krishnamurthi S., Schanzer E., Politz J.G., Lerner B.S., Fisler K., Dooman S., Data science as a route to AI for middle-and high-school students, arXiv preprint arXiv:2005.01794, (2020)",
            ]))
        #expect(Set(d.references.map(\.cited)).count == 4)
        #expect(d.references.allSatisfy { $0.method == .new })
        #expect(!d.notes.contains { $0.hasPrefix("Final merge pass") })
    }
}
