import Bibliometrics
import Foundation
import GraphvizRendering
import NetworkAlgorithms
import NetworkCore

/// `metrics.json` → `claims`: each claim's statistics under the mapping as given and
/// under each alternative mapping.
struct ClaimMetrics: Encodable, Sendable {
    struct Scenario: Encodable, Sendable {
        var moved: [String]
        var rows: [String]
        var worksMoved: Int
        var test: ClaimTest
    }
    var id: String
    var statement: String
    var sources: [String]
    var samples: Int
    var seed: UInt64
    var baseline: ClaimTest
    var sensitivity: [Scenario]
}

extension DatasetReportContext {
    /// Shuffles of the claims' label-permutation test.
    static let claimPermutationSamples = 9_999

    /// "Claims, tested": for each claim of dataset.yml, the claim with its sources, the
    /// test in words, the 2×2 counts with Wilson intervals, Fisher's exact and the
    /// label-permutation p-values, the effect sizes, the works that draw on the target
    /// with the rows that show it, and the same test under each alternative of the
    /// literature mapping. Nil without claims.
    func claimsSection() throws -> (ReportSection, [ClaimMetrics])? {
        guard !dataset.manifest.claims.isEmpty else { return nil }
        var blocks: [ReportBlock] = [.paragraph(
            "Each claim below is a statement from the dataset's source, put to the data: a claimed group of works is compared with another group on whether "
            + "they draw on a target (a literature or named concepts) through the dataset's layers. The test is only as good as the layers: "
            + "it counts what the rows of this dataset record, not what the papers themselves contain.")]
        var metrics: [ClaimMetrics] = []
        let alternatives = try dataset.mappingAlternatives()
        if !alternatives.isEmpty {
            blocks.append(.table(ReportTable(
                name: "mapping-alternatives", title: "Mapping rows a reasonable analyst could assign differently",
                caption: "The rows of the mapping file that list alternatives, with the reason the file gives; rows that rest on no seed line say so (they are the analyst's judgement). Each claim below is re-tested with these rows moved.",
                columns: ["row", "works", "as given", "alternative", "why"],
                rows: alternatives.map { r in
                    [.text("\(r.key) (\(r.file):\(r.line))"), .integer(r.works), r.value.map { .text($0) } ?? .missing,
                     .text(r.alternatives.joined(separator: "; ")), .text(r.reason)]
                })))
        }
        for claim in dataset.manifest.claims {
            let evaluation = try ClaimEvaluation(claim: claim, dataset: dataset,
                                                 samples: Self.claimPermutationSamples, seed: parameters.seed)
            blocks += try claimBlocks(evaluation)
            metrics.append(ClaimMetrics(
                id: claim.id, statement: claim.statement, sources: claim.sources.map(\.text),
                samples: evaluation.samples, seed: evaluation.seed, baseline: evaluation.baseline.test,
                sensitivity: (evaluation.alternatives + (evaluation.allTogether.map { [$0] } ?? [])).map {
                    ClaimMetrics.Scenario(moved: $0.moves.map { "\($0.attribute): \($0.key) → \($0.value)" },
                                          rows: $0.rows, worksMoved: $0.worksMoved, test: $0.test)
                }))
        }
        blocks.append(.paragraph(
            "What these tests rest on and what they cannot show. They rest on three things: the rows of the layers (here, what a table entry or a line of the review's prose names), "
            + "the home literatures the vocabulary gives to concepts (only where a seed states one), and the analyst's mapping of works to literatures. "
            + "A work with no qualifying row is counted as not drawing on the target; that is absence in the record, not evidence of absence in the paper: "
            + "a one-line table entry cannot prove that a paper did not draw on a theory. The works are the ones a review selected, not a random sample, "
            + "so a p-value says how unusual the split is among these works if group labels were arbitrary, not how general it is; "
            + "and several claims and mappings are tested without correction for multiple comparisons. "
            + "The two-sided permutation p can differ from Fisher's: it ranks shuffles by the size of the difference in shares, Fisher's test ranks tables by their probability; "
            + "their one-sided p-values estimate the same tail."))
        return (ReportSection(title: "Claims, tested", blocks: blocks), metrics)
    }

    /// Parameter rows of the claims section.
    func claimParameterRows() -> [(String, String)] {
        guard !dataset.manifest.claims.isEmpty else { return [] }
        return [("claims", "Fisher's exact test (two-sided: ties within 1e-7 relative); label permutation, \(Self.claimPermutationSamples) shuffles, seed \(parameters.seed); 95% Wilson, Newcombe and Woolf intervals")]
    }

    private func claimBlocks(_ e: ClaimEvaluation) throws -> [ReportBlock] {
        let claim = e.claim
        let base = e.baseline
        let stem = "claim-\(claim.id)"
        var blocks: [ReportBlock] = []
        blocks.append(.paragraph("Claim '\(claim.id)': “\(claim.statement)” (source: \(claim.sources.map(\.text).joined(separator: "; ")))."))
        let comparisonWords: String
        switch claim.comparedWith {
        case .complement: comparisonWords = "every other work"
        case .subset(let s): comparisonWords = "works with " + describe(s) + (base.design.overlap.isEmpty ? "" : " (not in the claimed group)")
        }
        blocks.append(.paragraph(
            "Test: the claimed group is the works with \(describe(claim.who)) (\(base.design.who.count) works); it is compared with \(comparisonWords) "
            + "(\(base.design.comparison.count) works). A work draws on the target when \(describe(claim.drawsOn))."
            + (claim.expect.map { " The claim says the claimed group draws on it \($0.rawValue) than the comparison group." } ?? "")))
        blocks.append(.table(ReportTable(
            name: "\(stem)-counts", title: "Claim '\(claim.id)': who draws on the target",
            caption: "Works of each group and how many draw on the target, with the share and its 95% Wilson interval (mapping as given).",
            columns: ["group", "works", "draw on target", "share (%)", "95% interval (%)"],
            rows: [("claimed group", base.test.table.n1, base.test.table.a, base.test.whoShare),
                   ("comparison group", base.test.table.n2, base.test.table.c, base.test.comparisonShare)].map { name, works, drawing, share in
                [.text(name), .integer(works), .integer(drawing),
                 share.map { .number($0.estimate * 100, digits: 1) } ?? .missing,
                 share.map { .text(ClaimFormat.interval($0.lower, $0.upper, percent: true)) } ?? .missing]
            })))
        var testRows: [[ReportCell]] = []
        if let rd = base.test.riskDifference {
            testRows.append([.text("difference in shares, claimed − comparison (percentage points)"), .number(rd.estimate * 100, digits: 1), .text(ClaimFormat.interval(rd.lower, rd.upper, percent: true))])
        }
        if let or = base.test.oddsRatio {
            testRows.append([.text("odds ratio" + (base.test.oddsRatioCorrected ? " (0.5 added to every cell)" : "")), .number(or.estimate, digits: 3), .text(ClaimFormat.interval(or.lower, or.upper, percent: false))])
        }
        if let p = base.test.fisherTwoSided { testRows.append([.text("Fisher's exact test, two-sided p"), .number(p, digits: 4), .missing]) }
        if let p = base.test.fisherOneSided, let d = claim.expect { testRows.append([.text("Fisher's exact test, one-sided p (claimed: \(d.rawValue))"), .number(p, digits: 4), .missing]) }
        if let perm = base.test.permutation {
            testRows.append([.text("label permutation, two-sided p (\(perm.samples) shuffles, seed \(perm.seed))"), .number(perm.twoSided, digits: 4), .missing])
            if let p = base.test.permutationOneSided, let d = claim.expect {
                testRows.append([.text("label permutation, one-sided p (claimed: \(d.rawValue))"), .number(p, digits: 4), .missing])
            }
        }
        blocks.append(.table(ReportTable(
            name: "\(stem)-test", title: "Claim '\(claim.id)': effect size and tests",
            caption: "Difference in shares with Newcombe's 95% interval, odds ratio with Woolf's 95% interval, and the p-values (mapping as given).",
            columns: ["statistic", "value", "95% interval"], rows: testRows)))
        blocks.append(.paragraph(reading(e)))

        // The works that draw on the target, and the rows that show it.
        let group = Dictionary(uniqueKeysWithValues: base.design.who.map { ($0, "claimed") } + base.design.comparison.map { ($0, "comparison") })
        let drawing = (base.design.who + base.design.comparison).filter { base.design.drawsOn($0) }.sorted()
        blocks.append(.table(ReportTable(
            name: "\(stem)-evidence", title: "Claim '\(claim.id)': the works that draw on the target",
            caption: "Each work counted as drawing on the target, its group, and the rows that show it (layer file:line, with the seed line the row cites).",
            columns: ["work", "group", groupTitle, "through"],
            rows: drawing.map { w in
                let through = base.design.evidence[w].map { arc in "→ \(conceptLabel(arc.to)) [\(arc.provenance)]" }
                return [.text(labelWithYear(w)), .text(group[w] ?? ""), .text(groupName(w)), .text(through.joined(separator: "; "))]
            })))

        // Sensitivity over the mapping.
        let scenarioCount = e.alternatives.count + (e.allTogether == nil ? 0 : 1)
        if !e.mappingRows.isEmpty && !(e.alternatives + (e.allTogether.map { [$0] } ?? [])).contains(where: \.changesTable) {
            blocks.append(.paragraph(
                "Sensitivity to the literature mapping: none of the \(scenarioCount) alternative mappings (each listed row moved alone, and all together) changes this claim's 2×2 table, "
                + "so the result above holds under every one of them (metrics.json lists each)."))
        } else if !e.mappingRows.isEmpty {
            let scenarios = [e.baseline] + e.alternatives + (e.allTogether.map { [$0] } ?? [])
            blocks.append(.table(ReportTable(
                name: "\(stem)-sensitivity", title: "Claim '\(claim.id)': sensitivity to the literature mapping",
                caption: "The same test with each listed mapping row moved to its alternative, one at a time, then every row moved to its first alternative together. "
                    + "Counts are drawing/works; differences in percentage points; 'changes' says whether the 2×2 table differs from the mapping as given.",
                columns: ["#", "mapping", "works moved", "claimed", "comparison", "difference, points (95% interval)", "Fisher p (two-sided)",
                          claim.expect.map { "Fisher p (one-sided, \($0.rawValue))" } ?? "Fisher p (one-sided)",
                          "permutation p (two-sided)", "direction as claimed", "changes"],
                rows: scenarios.enumerated().map { k, s in
                    let label: String
                    if k == 0 { label = "as given" }
                    else if s.moves.count == 1, let m = s.moves.first { label = "\(m.key): → \(m.value)" }
                    else { label = "all \(s.moves.count) rows to their first alternative" }
                    let t = s.test
                    return [.integer(k), .text(label), .integer(s.worksMoved),
                            .text("\(t.table.a)/\(t.table.n1)"), .text("\(t.table.c)/\(t.table.n2)"),
                            t.riskDifference.map { .text(ClaimFormat.signedPercent($0.estimate) + " (" + ClaimFormat.interval($0.lower, $0.upper, percent: true) + ")") } ?? .missing,
                            t.fisherTwoSided.map { .number($0, digits: 4) } ?? .missing,
                            t.fisherOneSided.map { .number($0, digits: 4) } ?? .missing,
                            t.permutation.map { .number($0.twoSided, digits: 4) } ?? .missing,
                            t.directionAgrees.map { .text($0 ? "yes" : "no") } ?? .missing,
                            .text(k == 0 ? "–" : (s.changesTable ? "yes" : "no"))]
                })))
            if let figure = try sensitivityFigure(e, scenarios: scenarios) { blocks.append(.figure(figure)) }
            blocks.append(.paragraph(sensitivityReading(e)))
        } else {
            blocks.append(.paragraph("No mapping row lists an alternative, so no sensitivity to the mapping is shown; list alternatives in the mapping file (README, \"Claims\") to see it."))
        }
        if let caveat = claim.caveat { blocks.append(.paragraph("On this claim: \(caveat)")) }
        return blocks
    }

    /// The difference in shares with its 95% interval under each mapping of the
    /// sensitivity table (numbered as its `#` column), against a dashed line at 0. Drawn
    /// with ``TrajectoryFigure``: scenarios at x = 0, 1, 2, … with an empty window on each
    /// side, so each is a point with its whisker and no line joins them.
    private func sensitivityFigure(_ e: ClaimEvaluation, scenarios: [ClaimEvaluation.Scenario]) throws -> ReportFigure? {
        guard scenarios.count >= 2 else { return nil }
        var x: [Double] = [], values: [Double?] = [], lower: [Double?] = [], upper: [Double?] = []
        for (k, s) in scenarios.enumerated() {
            // An empty window before every point (and after the last) keeps points apart
            // and off the axes.
            x.append(Double(k) - 0.5); values.append(nil); lower.append(nil); upper.append(nil)
            x.append(Double(k))
            values.append(s.test.riskDifference.map { $0.estimate * 100 })
            lower.append(s.test.riskDifference.map { $0.lower * 100 })
            upper.append(s.test.riskDifference.map { $0.upper * 100 })
        }
        x.append(Double(scenarios.count) - 0.5); values.append(nil); lower.append(nil); upper.append(nil)
        var options = TrajectoryFigure.Options()
        options.xTitle = "Mapping (# of the sensitivity table; 0 = as given)"
        options.yTitle = "Difference in shares (points)"
        options.referenceLine = 0
        options.referenceName = "no difference"
        options.intervalName = "95% interval (Newcombe)"
        options.plotHeight = 200
        options.noteGaps = false
        let figure = try TrajectoryFigure(
            x: x, series: [TrajectoryFigure.Series(name: "claimed − comparison", values: values, lower: lower, upper: upper)],
            options: options)
        let id = e.claim.id
        return try .rendered(
            name: "claim-\(id)-sensitivity", title: "Claim '\(id)': the difference under each mapping",
            caption: "Difference in the share of works drawing on the target (claimed group minus comparison group, percentage points) with its 95% Newcombe interval, "
                + "under the mapping as given (0), each single move (1–\(e.alternatives.count))"
                + (e.allTogether != nil ? " and all rows moved together (\(scenarios.count - 1))" : "")
                + "; the numbers are the rows of the sensitivity table. A whisker that crosses the dashed line at 0 means the interval includes no difference.",
            dot: figure.dotGraph, engine: figure.engine)
    }

    /// "model_type practice-oriented and literature HSR/QI".
    private func describe(_ subset: DatasetManifest.Claim.Subset) -> String {
        subset.conditions.map { c in
            let values = c.values.count == 1 ? "'\(c.values[0])'" : "one of " + c.values.map { "'\($0)'" }.joined(separator: ", ")
            return c.negated ? "\(c.attribute) not \(values)" : "\(c.attribute) \(values)"
        }.joined(separator: " and ")
    }

    private func describe(_ target: DatasetManifest.Claim.DrawsOn) -> String {
        let layers = target.layers.map(\.rawValue).joined(separator: " or ")
        var parts: [String] = []
        if !target.literatures.isEmpty {
            let names = target.literatures.joined(separator: " or ")
            parts.append("a concept whose home literature the vocabulary gives as \(names)")
            if target.layers.contains(.citation) || target.layers.contains(.lineage) {
                parts.append("a work whose \(target.attribute ?? groupTitle) is \(names)")
            }
        }
        if !target.concepts.isEmpty { parts.append("one of the concepts " + target.concepts.map(conceptLabel).joined(separator: ", ")) }
        return "one of its rows in the \(layers) layer (an arc from the work) reaches " + parts.joined(separator: ", or ")
    }

    /// The plain-words reading of the test under the mapping as given.
    private func reading(_ e: ClaimEvaluation) -> String {
        let t = e.baseline.test
        guard let s1 = t.whoShare, let s2 = t.comparisonShare, let rd = t.riskDifference else {
            return "One of the groups is empty, so nothing can be tested."
        }
        var text = "Reading: \(s1.successes) of \(s1.trials) works of the claimed group (\(ClaimFormat.percent(s1.estimate)), 95% interval \(ClaimFormat.interval(s1.lower, s1.upper, percent: true))%) draw on the target, "
            + "against \(s2.successes) of \(s2.trials) of the comparison group (\(ClaimFormat.percent(s2.estimate)), \(ClaimFormat.interval(s2.lower, s2.upper, percent: true))%): "
            + "a difference of \(ClaimFormat.signedPercent(rd.estimate)) points (95% interval \(ClaimFormat.interval(rd.lower, rd.upper, percent: true)))."
        if let p = t.fisherTwoSided {
            text += " Fisher's exact test gives p = \(ClaimFormat.p(p)) two-sided"
            if let one = t.fisherOneSided { text += " and \(ClaimFormat.p(one)) one-sided in the claimed direction" }
            text += "; the label permutation test p = \(t.permutation.map { ClaimFormat.p($0.twoSided) } ?? "–") two-sided."
        }
        let includesZero = rd.lower <= 0 && rd.upper >= 0
        text += " The 95% interval of the difference \(includesZero ? "includes" : "excludes") 0."
        if let agrees = t.directionAgrees {
            if !agrees {
                text += " The difference does not point the way the claim says."
            } else if let p = t.fisherTwoSided, p < 0.05 {
                text += " The difference points the way the claim says, and a split this uneven would be rare (two-sided p < 0.05) if group membership were unrelated to drawing on the target."
            } else {
                text += " The difference points the way the claim says, but with two-sided p ≥ 0.05 a split this uneven is not rare among so few works even if group membership were unrelated to drawing on the target."
            }
        }
        return text
    }

    /// The plain-words reading of the sensitivity table.
    private func sensitivityReading(_ e: ClaimEvaluation) -> String {
        let all = e.alternatives
        let changing = all.filter(\.changesTable)
        let ps = all.compactMap(\.test.fisherTwoSided)
        var text = "Across the \(all.count) single moves, \(changing.count) change the 2×2 table"
        if let lo = ps.min(), let hi = ps.max() {
            text += "; the two-sided Fisher p ranges from \(ClaimFormat.p(lo)) to \(ClaimFormat.p(hi))"
            text += " (below 0.05 in \(ps.filter { $0 < 0.05 }.count) of \(ps.count))"
        }
        let agreeing = all.compactMap(\.test.directionAgrees)
        if !agreeing.isEmpty {
            text += ", and the difference points the way the claim says in \(agreeing.filter { $0 }.count) of \(agreeing.count)"
        }
        text += "."
        if let together = e.allTogether {
            let t = together.test
            text += " With all \(together.moves.count) rows moved together: \(t.table.a) of \(t.table.n1) against \(t.table.c) of \(t.table.n2)"
            if let p = t.fisherTwoSided { text += ", two-sided Fisher p = \(ClaimFormat.p(p))" }
            text += "."
        }
        return text
    }
}

/// Number formats of the claims section.
enum ClaimFormat {
    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    static func signedPercent(_ x: Double) -> String {
        let s = String(format: "%+.1f", x * 100)
        return s.hasPrefix("-") ? "−" + s.dropFirst() : s
    }

    static func interval(_ lo: Double, _ hi: Double, percent: Bool) -> String {
        func f(_ x: Double) -> String {
            let s = percent ? String(format: "%.1f", x * 100) : String(format: "%.3g", x)
            return s.hasPrefix("-") ? "−" + s.dropFirst() : s
        }
        return "\(f(lo)) to \(f(hi))"
    }

    /// A p-value for prose: three significant digits, "< 0.0001" below.
    static func p(_ x: Double) -> String { x < 0.0001 ? "< 0.0001" : String(format: "%.3g", x) }
}
