import Foundation
import Testing
import TestSupport
@testable import Bibliometrics

/// Whole real exports (`../shared/data/corpora`, issue 11): every file imports with the
/// counts its PROVENANCE.md states and no skipped record; the cited references are parsed
/// (year and first author on ≥ 95 %); WoS + Scopus of one search merge into one record
/// per paper without counting a citation twice; the reference clustering is measured
/// against the hand-made gold standard `manualdupes.txt`.
///
/// Independent figures: PROVENANCE.md, and `scripts/corpora/dse_citan_counts.py` (plain
/// Python on the same files), whose output on 2026-12-03 was:
///   dse-citan/wos.txt: 1 files, 146 records, 146 distinct UT, 5050 CR lines, NR sum 5058
///   capture-recapture-wos: 11 files, 5022 records, 5022 distinct UT, 252473 CR lines, NR sum 252475
///   dse-citan/scopus.csv: 318 rows, 303 with references, 10431 '; '-pieces
///   dse-citan both exports: 127 by DOI, 13 more by title+year+first author (2 of them print two
///   different DOIs: [('10.1109/cloudcom.2016.105', '10.1109/cloudcom.2016.0108'), …]), 138 without a DOI conflict
@Suite(.serialized)
struct CorpusImportTests {
    static let wos = "corpora/dse-citan/wos.txt"
    static let scopus = "corpora/dse-citan/scopus.csv"
    static let gold = "corpora/dse-citan/manualdupes.txt"

    static func read(_ relative: String) throws -> FileReadResult {
        let path = try #require(SharedData.path(relative))
        return try FormatDetector.read(path: path, format: FormatDetector.detect(path: path), lenient: false)
    }

    @Test(.enabled(if: SharedData.path(wos) != nil, "needs ../shared/data/corpora"))
    func dseCitanWoS() throws {
        let r = try Self.read(Self.wos)
        #expect(r.format == .wos && r.skipped.isEmpty)
        #expect(r.records.count == 146)
        #expect(r.records.allSatisfy { $0.nativeIDs.count == 1 })
        // NR sum 5,058 (PROVENANCE); 5,050 CR lines are printed (4 records print fewer than they declare).
        #expect(r.records.compactMap(\.declaredReferences).reduce(0, +) == 5058)
        #expect(r.referenceCount == 5050)
        let refs = r.records.flatMap(\.references).map(\.reference)
        let p = ImportSummary.ParseCounts(references: refs)
        #expect((p.year ?? 0) >= 0.95, "year parse rate \(p.year ?? 0)")
        // WoS prints "[Anonymous]" for 267 references (5.3 %): every other one has a first author.
        let anonymous = refs.filter { $0.raw.hasPrefix("[Anonymous]") }.count
        #expect(anonymous == 267)
        #expect(refs.filter { $0.firstAuthor == nil }.allSatisfy { $0.raw.hasPrefix("[Anonymous]") })
        #expect(p.firstAuthor == (Double(5050 - 267) / 5050 * 10_000).rounded() / 10_000)
    }

    @Test(.enabled(if: SharedData.path(scopus) != nil, "needs ../shared/data/corpora"))
    func dseCitanScopus() throws {
        let r = try Self.read(Self.scopus)
        #expect(r.format == .scopus && r.skipped.isEmpty)
        // PROVENANCE: 318 rows, 303 with references, 10,431 '; '-separated references
        // (this export separates authors by ', ', so every piece is one reference).
        #expect(r.records.count == 318)
        #expect(r.records.filter { !$0.references.isEmpty }.count == 303)
        #expect(r.notes["referencePieces"] == 10431)
        #expect(r.referenceCount == 10431)
        let refs = r.records.flatMap(\.references).map(\.reference)
        let p = ImportSummary.ParseCounts(references: refs)
        print("dse-citan Scopus parse rates: \(p)")
        #expect((p.year ?? 0) >= 0.95, "year parse rate \(p.year ?? 0)")
        #expect((p.title ?? 0) >= 0.9, "title parse rate \(p.title ?? 0)")
        // Many references print no author (web pages, reports, software: "Julia 1.6
        // Documentation, (2021)"), so the first-author share stays below the issue's 0.95.
        // Every reference that starts with a name with initials ("Brennan P.F., …",
        // an independent pattern) has one.
        let initials = try NSRegularExpression(pattern: #"^[A-Z][A-Za-z'’-]+ ([A-Z]\.)+[ ,]"#)
        let named = refs.filter { initials.firstMatch(in: $0.raw, range: NSRange($0.raw.startIndex..., in: $0.raw)) != nil }
        #expect(named.count > 8000)
        // Two odd shapes stay without one: "Lopez M. Lisette, Wilkerson Michelle H, …" and "Ng S. J. e. a., DTK".
        let missed = named.filter { $0.firstAuthor == nil }
        #expect(missed.count <= 2, "\(missed.prefix(5).map(\.raw))")
        // Full given names, no comma inside a name ("Bart Austin Cory, Kafura Dennis G., …",
        // "Lau Kit-Ling, Lee John C. K., …"): two such names in a row, another independent pattern.
        let fullNames = try NSRegularExpression(pattern: #"^[A-Z][a-z'’-]+ [A-Z][a-z'’-]+( [A-Z][a-z'’-]+| [A-Z]\.?)*, [A-Z][a-z'’-]+ [A-Z][a-z'’-]+( [A-Z][a-z'’-]+| [A-Z]\.?)*, "#)
        let fullNamed = refs.filter { fullNames.firstMatch(in: $0.raw, range: NSRange($0.raw.startIndex..., in: $0.raw)) != nil }
        #expect(!fullNamed.isEmpty)
        // The pattern also takes one title for two names ("Berkeley Computing, Data Science, and Society
        // Curriculum Overview, (2022)"): that one rightly gets no author.
        let fullMissed = fullNamed.filter { $0.firstAuthor == nil }
        #expect(fullMissed.map(\.raw) == ["Berkeley Computing, Data Science, and Society Curriculum Overview, (2022)"], "\(fullMissed.prefix(5).map(\.raw))")
        // The share over references that print a personal name in one of the two shapes, beside the raw share.
        // (The two patterns cannot both match one string: the first needs an initial after the
        // first word, the second a lower-case given name there.)
        let printing = named + fullNamed
        let parsedAmongPrinting = printing.filter { $0.firstAuthor != nil }.count
        print("dse-citan Scopus first author: \(refs.filter { $0.firstAuthor != nil }.count) of \(refs.count) references (raw share \(p.firstAuthor ?? 0)); \(parsedAmongPrinting) of the \(printing.count) that print a personal name first by the two patterns")
        #expect(parsedAmongPrinting >= printing.count - 3)
        #expect(Double(parsedAmongPrinting) / Double(printing.count) >= 0.95)
        if let out = ProcessInfo.processInfo.environment["SILOSCOPE_NO_AUTHOR"] {
            try refs.filter { $0.firstAuthor == nil }.map(\.raw).joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
    }

    @Test(.enabled(if: SharedData.path("corpora/capture-recapture-wos/savedrecs.txt") != nil, "needs ../shared/data/corpora"))
    func captureRecaptureReadsWhole() throws {
        let names = ["savedrecs.txt"] + (1...10).map { "savedrecs-\($0).txt" }
        let results = try names.map { try Self.read("corpora/capture-recapture-wos/" + $0) }
        #expect(results.allSatisfy { $0.format == .wos && $0.skipped.isEmpty })
        let records = results.flatMap(\.records)
        // PROVENANCE: 5,022 records in 11 files, 5,022 distinct UT, NR sum 252,475; 252,473 CR lines printed.
        #expect(records.count == 5022)
        #expect(Set(records.flatMap(\.nativeIDs)).count == 5022)
        #expect(records.compactMap(\.declaredReferences).reduce(0, +) == 252_475)
        #expect(results.reduce(0) { $0 + $1.referenceCount } == 252_473)
        let refs = records.flatMap(\.references).map(\.reference)
        let p = ImportSummary.ParseCounts(references: refs)
        print("capture-recapture parse rates: \(p)")
        #expect((p.year ?? 0) >= 0.95, "year parse rate \(p.year ?? 0)")
        #expect((p.firstAuthor ?? 0) >= 0.95, "first-author parse rate \(p.firstAuthor ?? 0)")
    }

    // MARK: WoS + Scopus

    static func merged() throws -> ImportedDataset {
        let files = [try #require(SharedData.path(wos)), try #require(SharedData.path(scopus))]
        let importer = Importer()
        return importer.merge(try importer.read(files: files, format: nil))
    }

    @Test(.enabled(if: SharedData.path(scopus) != nil && SharedData.path(wos) != nil, "needs ../shared/data/corpora"))
    func wosAndScopusMergeWithoutCountingACitationTwice() throws {
        let d = try Self.merged()
        #expect(d.summary.records == 146 + 318)
        // One record per paper: 139 papers are in both exports (127 by DOI, 11 by title + year
        // + first author, and one whose first author WoS prints `Monroe-White T` and Scopus
        // `White T.M.`: same title, volume 142 and page 7, found through the shared surname
        // word; the Python count above compares whole surnames and misses it). Two more share
        // title, year and first author but each database prints a different DOI (IEEE
        // CloudCom 2016): conflicting DOIs keep records apart.
        #expect(d.summary.duplicates == 139, "duplicates \(d.summary.duplicates)")
        #expect(d.works.filter(\.isCiting).count == 146 + 318 - 139)
        // Arcs: the union of each source's arcs (in the merged ids), never their sum.
        var fromWoS = Set<[String]>(), fromScopus = Set<[String]>()
        for row in d.references where row.note == nil || row.note?.hasPrefix("repeated") == true {
            guard row.citing != row.cited else { continue }
            if row.source.contains("wos.txt:") { fromWoS.insert([row.citing, row.cited]) } else { fromScopus.insert([row.citing, row.cited]) }
        }
        let arcs = Set(d.citations.map { [$0.citing, $0.cited] })
        #expect(arcs.count == d.citations.count) // each pair once
        #expect(arcs == fromWoS.union(fromScopus))
        let overlap = fromWoS.intersection(fromScopus).count
        #expect(overlap > 0, "arcs stated by both exports: \(overlap)")
        #expect(d.citations.count == fromWoS.count + fromScopus.count - overlap)
        #expect(d.citations.count < fromWoS.count + fromScopus.count)
    }

    // MARK: Clustering against the gold standard

    /// bibliometrix-style normal form of a reference string as `manualdupes.txt` prints it:
    /// upper case, punctuation removed except `-`, `/` and `&`, spaces collapsed.
    static func goldForm(_ raw: String) -> String {
        let kept = raw.uppercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "/" || $0 == "&" }
        return kept.split(separator: " ").joined(separator: " ")
    }

    /// Rows `"", correctedCR, CR` of the gold file (RFC 4180 CSV).
    static func goldPairs(_ path: String) throws -> [(work: String, variant: String)] {
        var csv = try CSVRecordStream(path: path)
        let work = try #require(csv.column("correctedCR")), variant = try #require(csv.column("CR"))
        var out: [(String, String)] = []
        while let r = try csv.next() { out.append((r.cells[work], r.cells[variant])) }
        return out
    }

    /// The gold clusters: each row says `CR` is the work `correctedCR` names, and the
    /// canonical string is itself a reference string of the data (566 of the 584 occur in
    /// the two exports), so a cluster is the canonical string with all its variants; ten
    /// canonical strings are also listed as a variant of another canonical one (the same
    /// work filed twice, e.g. Hey 2009 *The Fourth Paradigm*), so clusters are the
    /// connected components of the `CR`–`correctedCR` rows (union–find).
    static func goldClusters(_ pairs: [(work: String, variant: String)]) -> [String: String] {
        var parent: [String: String] = [:]
        func root(_ x: String) -> String {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        for p in pairs {
            for s in [p.work, p.variant] where parent[s] == nil { parent[s] = s }
            let a = root(p.work), b = root(p.variant)
            if a != b { if a < b { parent[b] = a } else { parent[a] = b } }
        }
        var out: [String: String] = [:]
        for s in parent.keys { out[s] = root(s) }
        return out
    }

    /// Pairs of gold clusters that are one work filed under two canonical strings (read by
    /// hand from both exports, 2026-12-03; each reason is what the two strings share). The
    /// clustering is also scored against the gold with these joined ("adjudicated").
    static let goldSplits: [(String, String, reason: String)] = [
        ("ANDERSON P 2014 AN UNDERGRADUATE DEGREE IN DATA SCIENCE P145", "ANDERSON P BOWRING J MCCAULEY R POTHERING G STARR C",
         "same first author, year, title words and first page 145 (SIGCSE 2014, pp. 145-150)"),
        ("CARVER R 2016 GUIDELINES ASSESSMEN", "GUIDELINES FOR ASSESSMENT AND INSTRUCTION IN STATISTICAL EDUCATION 2016",
         "the GAISE College Report 2016 (ASA), by Carver et al.: the same title with and without its authors"),
        ("CASSEL B 2015 WORKSH DAT SCI ED FU", "CASSEL B TOPI H STRENGTHENING DATA SCIENCE EDUCATION THROUGH COLLABORATION WORKSHOP REPORT 7-27-2016 2015",
         "same authors, year and workshop report"),
        ("CURRICULUM FRAMEWORKS FOR INTRODUCTORY DATA SCIENCE 2019",
         "FISHER N ANAND A GOULD R BAILER J HESTERBERG T BAILEY J NG R BURR W ROSENBERGER J FEKETE A SHELDON N GIBBS A WILD C CURRICULUM FRAMEWORKS FOR INTRODUCTORY DATA SCIENCE 2019",
         "the IDSSP 2019 curriculum frameworks: the same title with and without its authors"),
        ("MANIERI A 2015 2015 IEEE 7 INT C CL",
         "MANIERI A BREWER S RIESTRA R DEMCHENKO Y HEMMJE M WIKTORSKI T FERRARI T FREY J DATA SCIENCE PROFESSIONAL UNCOVERED HOW THE EDISON PROJECT WILL CONTRIBUTE TO A WIDELY ACCEPTED PROFILE FOR DATA SCIENTISTS PP 588-593 2015",
         "same first author, year, conference (IEEE CloudCom 2015) and first page 588"),
        ("SALTZ J 2015 THEMES SCI TECHNOL EDUC V8 P85",
         "SALTZ J HECKMAN R BIG DATA SCIENCE EDUCATION A CASE STUDY OF A PROJECT-FOCUSED INTRODUCTORY COURSE THEMES IN SCIENCE AND TECHNOLOGY EDUCATION 8 2 PP 85-94 2016",
         "same first author, journal, volume 8 and first page 85"),
        ("SALTZ J S DEWAR N I HECKMAN R KEY CONCEPTS FOR A DATA SCIENCE ETHICS CURRICULUM ACM REFERENCE 2018",
         "SALTZ J S DEWAR N I HECKMAN R KEY CONCEPTS FOR A DATA SCIENCE ETHICS CURRICULUM PROCEEDINGS OF THE 49TH ACM TECHNICAL SYMPOSIUM ON COMPUTER SCIENCE EDUCATION PP 952-957 2018",
         "same authors, title and year"),
        ("TUKEY J EXPLORATORY DATA ANALYSIS 1977", "TUKEY JW ET AL EXPLORATORY DATA ANALYSIS 2 1977", "same author, title and year"),
        ("SCHWAB-MCCOY A ET AL 2021 JOURNAL OF STATISTICS AND DATA SCIENCE EDUCATION 29 SUP1 PP S40-S50",
         "SCHWAB-MCCOY A BAKER CM GASPER RE DATA SCIENCE IN 2020 COMPUTING CURRICULA AND CHALLENGES FOR THE NEXT 10 YEARS JOURNAL OF STATISTICS AND DATA SCIENCE EDUCATION 29 PP S40-S50 2021",
         "same first author, journal, year 2021, volume 29 and pages S40-S50 (the WoS variant also prints DOI 10.1080/10691898.2020.1851159)"),
    ]

    /// Pairwise counts of `node` (string → predicted work) against `goldWork` (string → gold cluster).
    static func pairCounts(_ found: [String], node: [String: String], goldWork: [String: String]) -> (tp: Int, fp: Int, fn: Int) {
        var tp = 0, fp = 0, fn = 0
        for i in found.indices {
            for j in found.indices where j > i {
                let sameGold = goldWork[found[i]] == goldWork[found[j]]
                let samePredicted = node[found[i]] == node[found[j]]
                if sameGold && samePredicted { tp += 1 } else if samePredicted { fp += 1 } else if sameGold { fn += 1 }
            }
        }
        return (tp, fp, fn)
    }

    @Test(.enabled(if: SharedData.path(gold) != nil && SharedData.path(wos) != nil, "needs ../shared/data/corpora"))
    func clusteringAgainstTheGoldStandard() throws {
        let pairs = try Self.goldPairs(try #require(SharedData.path(Self.gold)))
        // PROVENANCE: 1,083 variant rows of 584 canonical references.
        #expect(pairs.count == 1083)
        #expect(Set(pairs.map(\.work)).count == 584)
        let goldWork = Self.goldClusters(pairs)
        let d = try Self.merged()
        // Each gold string found among the references read → the node of its first occurrence.
        var node: [String: String] = [:]
        var row: [String: ImportedReferenceRow] = [:]
        for r in d.references {
            let g = Self.goldForm(r.reference.raw)
            if goldWork[g] != nil, node[g] == nil { node[g] = r.cited; row[g] = r }
        }
        let found = node.keys.sorted()
        // Independent count (plain Python over the same files, see the type's comment):
        // 1,020 of 1,081 distinct variant strings and 566 of 584 canonical strings occur.
        #expect(found.count >= 1500, "gold strings located: \(found.count) of \(goldWork.count)")
        var tp = 0, fp = 0, fn = 0
        var misses: [String] = []
        func describe(_ g: String) -> String {
            guard let r = row[g] else { return g }
            let c = r.reference
            return "  \(r.source) → \(r.cited) [\(r.method.rawValue)]\n    raw: \(c.raw)\n    author \(c.firstAuthor?.display ?? "-") | year \(c.year.map(String.init) ?? "-") | title \(c.title ?? "-") | venue \(c.venue ?? "-") | vol \(c.volume ?? "-") | pages \(c.pages ?? "-") | doi \(c.doi?.value ?? "-")"
        }
        for i in found.indices {
            for j in found.indices where j > i {
                let sameGold = goldWork[found[i]] == goldWork[found[j]]
                let samePredicted = node[found[i]] == node[found[j]]
                if sameGold && samePredicted {
                    tp += 1
                } else if samePredicted {
                    fp += 1
                    misses.append("FP\n" + describe(found[i]) + "\n" + describe(found[j]))
                } else if sameGold {
                    fn += 1
                    misses.append("FN\n" + describe(found[i]) + "\n" + describe(found[j]))
                }
            }
        }
        if let out = ProcessInfo.processInfo.environment["SILOSCOPE_CLUSTERING_MISSES"] {
            try misses.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
        }
        let precision = Double(tp) / Double(max(1, tp + fp)), recall = Double(tp) / Double(max(1, tp + fn))
        print("clustering on manualdupes: \(found.count) strings, TP \(tp) FP \(fp) FN \(fn), precision \(precision), recall \(recall)")
        // Against the gold with its split works joined (``goldSplits``).
        for split in Self.goldSplits { #expect(goldWork[split.0] != nil && goldWork[split.1] != nil, "\(split.0)") }
        let adjudicated = Self.goldClusters(pairs + Self.goldSplits.map { (work: $0.0, variant: $0.1) })
        let a = Self.pairCounts(found, node: node, goldWork: adjudicated)
        let aPrecision = Double(a.tp) / Double(max(1, a.tp + a.fp)), aRecall = Double(a.tp) / Double(max(1, a.tp + a.fn))
        print("clustering on manualdupes, adjudicated: TP \(a.tp) FP \(a.fp) FN \(a.fn), precision \(aPrecision), recall \(aRecall)")
        // Issue 11's targets: precision ≥ 0.99, recall ≥ 0.90. Measured 2026-12-03 with the final
        // merge pass and the Scopus `Et al., 2020. TITLE` year (1,574 gold strings located):
        // against the gold as printed TP 2,602, FP 70, FN 198 → precision 0.974, recall 0.929;
        // adjudicated TP 2,669, FP 3, FN 223 → precision 0.9989, recall 0.923. Before the pass:
        // 0.980/0.841 raw, 0.9988/0.831 adjudicated. The
        // raw FPs are the gold's own splits (``goldSplits``); the 3 adjudicated FPs are the NASEM
        // interim report that the gold files with the final one. Both targets are met once the
        // gold's splits are joined. These floors guard the figures.
        #expect(precision >= 0.973, "precision \(precision) (TP \(tp), FP \(fp))")
        #expect(recall >= 0.929, "recall \(recall) (TP \(tp), FN \(fn))")
        #expect(aPrecision >= 0.998, "adjudicated precision \(aPrecision) (TP \(a.tp), FP \(a.fp))")
        #expect(aRecall >= 0.922, "adjudicated recall \(aRecall) (TP \(a.tp), FN \(a.fn))")
    }
}
