import Foundation
import Testing
@testable import Bibliometrics

/// The final merge pass (``WorkMergePass/run(nodes:rows:rowNodes:options:)``) called directly on
/// works as the reading pass leaves them, its outcome worked out by hand (issue 11 part 3: the
/// pass's comparisons now borrow the pass instead of copying it, ``WorkMergePass/decide(_:_:rule:)``).
struct MergePassOutcomeTests {
    /// Six works as the reading pass leaves them (two citing papers, four cited works) and five
    /// reference rows, the strings from `corpora/dse-citan` (as in ``ImporterMergePassTests``).
    /// Worked out by hand from the pass's definition:
    /// - rows 0 and 1 (works 2 and 3): first-author key `benjamini`, year 1995, volume 57 and
    ///   first page 289 on both, no title on the WoS side → rule 1 joins work 3 into work 2
    ///   (smaller index kept), method `volume-page`, the Scopus string (work 3's) absorbed;
    /// - row 2 (work 4, `[Anonymous]`, source `DATA USE MIDDLE SECO`) and row 4 (work 5, Lee's
    ///   full title, which the reading pass had put with row 3): no shared surname, same year,
    ///   title start `dat|use` on both; the abbreviation's words `data use middle seco` are the
    ///   prefixes of the title's first four significant words → rule 4 joins work 5 into work 4,
    ///   method `title`; work 5's variant (row 4, the first of its rows that meets work 4's
    ///   cell) is the absorbed string;
    /// - the citing papers (Doe 2022, Roe 2022) share no cell with another work: untouched.
    @Test func mergePassOutcomeByHand() {
        let benjaminiWoS = WoSCitedReference.parse("BENJAMINI Y, 1995, J R STAT SOC B, V57, P289")
        let benjaminiScopus = CitedReference(
            raw: "Benjamini Y., Hochberg Y., Controlling the false discovery rate: a practical and powerful approach to multiple testing, J. R. Stat. Soc. Ser. B, 57, pp. 289-300, (1995)",
            authors: [AuthorName(family: "Benjamini", initials: "Y"), AuthorName(family: "Hochberg", initials: "Y")], year: 1995,
            title: "Controlling the false discovery rate: a practical and powerful approach to multiple testing",
            venue: "J. R. Stat. Soc. Ser. B", volume: "57", pages: "289-300")
        let anonymous = WoSCitedReference.parse("[Anonymous], 2018, DATA USE MIDDLE SECO")
        let leeWoS = WoSCitedReference.parse("Lee V.R., 2018, DATA USE MIDDLE SECO")
        let leeScopus = CitedReference(
            raw: "Lee V. R., Wilkerson M., Data use by middle and secondary students in the digital age: A status report and future prospects, (2018)",
            authors: [AuthorName(family: "Lee", initials: "VR"), AuthorName(family: "Wilkerson", initials: "M")], year: 2018,
            title: "Data use by middle and secondary students in the digital age: A status report and future prospects")
        func citing(_ family: String, _ title: String) -> WorkIndex.Node {
            WorkIndex.Node(work: Work(id: "", authors: [AuthorName(family: family, initials: "J")], year: 2022, title: title, venue: "TEST JOURNAL"),
                           nativeIDs: [], isCiting: true)
        }
        func cited(_ r: CitedReference) -> WorkIndex.Node {
            WorkIndex.Node(work: Importer.citedWork(r), nativeIDs: [], isCiting: false)
        }
        let nodes = [citing("Doe", "A study"), citing("Roe", "Another study"),
                     cited(benjaminiWoS), cited(benjaminiScopus), cited(anonymous), cited(leeWoS)]
        let refs = [benjaminiWoS, benjaminiScopus, anonymous, leeWoS, leeScopus]
        let rowNodes: [(citing: Int, cited: Int)] = [(0, 2), (1, 3), (0, 4), (0, 5), (1, 5)]
        let rows = refs.enumerated().map { k, r in
            ImportedReferenceRow(citing: "", position: k + 1, cited: "", method: .new, reference: r, nativeID: nil, source: "", note: nil)
        }
        #expect(benjaminiWoS.volume == "57" && benjaminiWoS.pages == "289")
        let o = WorkMergePass.run(nodes: nodes, rows: rows, rowNodes: rowNodes, options: MatchOptions())
        #expect(o.root == [0, 1, 2, 2, 4, 4])
        #expect(Set(o.merges.keys) == [3, 5])
        #expect(o.merges[3]?.method == .volumePage)
        #expect(o.merges[3]?.evidence.hasPrefix("final merge pass: '\(benjaminiScopus.raw.prefix(70))' ~ '\(benjaminiWoS.raw.prefix(70))'; first author ") == true)
        #expect(o.merges[3]?.evidence.contains("volume 57/57; first page 289") == true)
        #expect(o.merges[5]?.method == .title)
        #expect(o.merges[5]?.evidence.hasPrefix("final merge pass: '\(leeScopus.raw.prefix(70))' ~ '\(anonymous.raw)'; ") == true)

        // The same pass with the rows' blocking keys prepared ahead, as the matching does
        // (``PreparedReference``, chunks of two rows through ``Lookahead``): the same outcome.
        var prepared = rows
        let keys = prepared.withUnsafeMutableBufferPointer { rb -> RowBlockKeys in
            let view = RowsView(rows: UnsafeBufferPointer(rb), rowRecord: [0, 1, 0, 0, 1], fallbacks: ["a.txt:1", "a.txt:9"])
            let pipeline = Lookahead(count: 3, depth: 1) { c in view.prepare(2 * c..<min(5, 2 * c + 2)) }
            let sources = (0..<3).flatMap { pipeline.take($0).map(\.source) }
            pipeline.finish()
            #expect(sources == ["a.txt:1#1", "a.txt:9#2", "a.txt:1#3", "a.txt:1#4", "a.txt:9#5"])
            return view.finishedBlockKeys()
        }
        // Every row has a year: its first author's keys and its title start (none for the WoS
        // strings with a personal author and no title; Lee's Scopus title starts `dat|use`).
        #expect(keys.start.count == 5 && keys.surnameStart.count == 6)
        #expect(keys.surnames(ofRow: 0).map { keys.strings.names[Int($0)] } == ["benjamini"])
        #expect(keys.start[0] == -1 && keys.start[3] == -1)
        #expect(keys.strings.names[Int(keys.start[4])] == "dat|use")
        #expect(keys.strings.names[Int(keys.start[2])] == "dat|use")
        let withKeys = WorkMergePass.run(nodes: nodes, rows: rows, rowNodes: rowNodes, options: MatchOptions(), rowKeys: keys)
        #expect(withKeys.root == o.root)
        #expect(withKeys.merges.mapValues(\.evidence) == o.merges.mapValues(\.evidence))
        #expect(withKeys.merges.mapValues(\.method) == o.merges.mapValues(\.method))
    }
}
