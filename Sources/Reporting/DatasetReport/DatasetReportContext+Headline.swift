import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "In short": the report's answer to "how siloed are these groups?", put first.
    ///
    /// Reads only what the sections already computed and stored in `metrics` — no statistic
    /// is computed twice or restated by hand. The source, in order of preference:
    /// 1. the citation statistics over the works that have a group (`citation.knownGroups`),
    ///    when some works have none — the unassigned works are left out and counted;
    /// 2. the citation statistics over all works (`citation.bridging`);
    /// 3. the concept co-use statistics (`conceptCoUse`), for datasets without citations.
    ///
    /// The reading: "more siloed than chance" when the one-sided p of the label-permutation
    /// null (the p of the section's table) is below ``headlineLevel``; "less siloed than
    /// chance" when the observed edge homophily is below the null's 95% interval; "not
    /// clearly more siloed than chance" otherwise. With no usable statistic the section says why (the sentence of
    /// ``siloStatisticsUnavailable()``), or is left out when the dataset has no network.
    ///
    /// Complexity: O(g log g) for g groups (the ranking of the table).
    func headlineSection(metrics: DatasetMetrics) -> ReportSection? {
        let g = groupTitle
        let title = "In short: how siloed are the \(groupsOf(g))?"
        if let reason = siloStatisticsUnavailable() {
            guard metrics.citation != nil || metrics.conceptCoUse != nil else { return nil }
            return ReportSection(title: title, blocks: [.paragraph(reason)])
        }
        if let citation = metrics.citation {
            let known = citation.knownGroups
            guard let b = known ?? Optional(citation.bridging), let null = b.null,
                  let h = b.edgeHomophily, let e = null.expected.edgeHomophily else { return nil }
            var blocks: [ReportBlock] = [.paragraph(answer(h: h, expected: e, null: null, edges: b.edges, subject: "pairs of works linked by a citation"))]
            var text = ""
            if known != nil, let all = citation.bridging.edgeHomophily {
                let missing = partition.missingGroup.map { partition.groupSizes()[Int($0)] } ?? 0
                text += "Counted over the \(workCount - missing) of \(workCount) works that have a \(g); the \(missing) with none that any source states, "
                    + "and every citation touching them, are left out (counting them as one more group, the share is \(percent(all))). "
                let coverage = Double(workCount - missing) / Double(max(1, workCount))
                if coverage < 0.5 {
                    text += "That is \(percent(coverage)) of the works, so the answer rests on a minority of the network. "
                }
            }
            if let ei = b.eiIndex, let eiExpected = null.expected.eiIndex {
                text += "E-I index \(ReportCell.number(ei, digits: 3).display) against \(ReportCell.number(eiExpected, digits: 3).display) by chance (−1: every link within a group, +1: every link across). "
            }
            text += "The section \"Citation network\" has the figures, the full table and the null model."
            blocks.append(.paragraph(text))
            if let table = homeTable(b, null: null) { blocks.append(.table(table)) }
            return ReportSection(title: title, blocks: blocks)
        }
        if let coUse = metrics.conceptCoUse, let h = coUse.edgeHomophily, let e = coUse.null.expected.edgeHomophily {
            return ReportSection(title: title, blocks: [
                .paragraph(answer(h: h, expected: e, null: coUse.null, edges: coUse.links, subject: "pairs of works that name a concept in common")),
                .paragraph("The dataset has no citations between its works, so the answer comes from the concepts they name. The section \"Concept co-use network\" has the figures and the full table."),
            ])
        }
        return nil
    }

    /// "literatures" for the grouping `literature`, else "groups of <attribute>".
    func groupsOf(_ g: String) -> String { g == "literature" ? "literatures" : "groups of \(g)" }

    /// The answer, verdict first: "The literatures are more siloed than chance: x% of the N
    /// pairs … join two works of the same literature, against y% on average with the labels
    /// shuffled …; p = …".
    func answer(h: Double, expected e: Double, null: NullModelResult, edges: Int, subject: String) -> String {
        let g = groupTitle
        let interval = null.intervals.edgeHomophily.flatMap { $0.count == 2 ? $0 : nil }
        let p = null.pValues.edgeHomophily
        let more = p.map { $0 < Self.headlineLevel } == true && h > e
        let less = !more && interval.map { h < $0[0] } == true
        var s = "The \(groupsOf(g)) are "
        s += more ? "more siloed than chance: " : less ? "less siloed than chance — their works link across groups more often than a random assignment would: "
            : "not clearly more siloed than chance: "
        s += "\(percent(h)) of the \(edges) \(subject) (each pair once) join two works of the same \(g), against \(percent(e)) on average "
            + "with the \(g) labels shuffled over the works \(null.samples) times"
        if let interval { s += " (95% of shuffles between \(percent(interval[0])) and \(percent(interval[1])))" }
        if more, e > 0 { s += " — \(ReportCell.number(h / e, digits: 2).display) times the share chance gives" }
        if let p { s += "; p = \(ReportCell.number(p, digits: 3).display) (one-sided: the share of shuffles at least as siloed)" }
        s += "."
        if !more && !less { s += " Shuffled labels give a share this high too often to tell." }
        return s
    }

    /// The largest groups (by citations made), each with its citations to its own group
    /// against the null's expectation. `nil` with fewer than two citing groups.
    func homeTable(_ b: BridgingResult, null: NullModelResult) -> ReportTable? {
        let made = b.mixing.map { $0.reduce(0, +) }
        let citing = b.groups.indices.filter { made[$0] > 0 && b.groups[$0] != Partition.missingLabel }
        guard citing.count >= 2 else { return nil }
        let shown = citing.sorted { (made[$0], b.groups[$1]) > (made[$1], b.groups[$0]) }.prefix(Self.headlineGroups)
        func diagonal<T>(_ m: [[T?]], _ a: Int) -> T? { a < m.count && a < m[a].count ? m[a][a] : nil }
        let g = groupTitle
        let of = citing.count > shown.count ? " (of \(citing.count) that make any)" : ""
        let caption = "The \(shown.count) \(groupsOf(g)) that make the most citations\(of): citations made, how many go to a work of the same group, "
            + "the mean of that count over the \(null.samples) label shuffles, their ratio and the two-sided p of a count this far from chance."
        var rows: [[ReportCell]] = []
        for a in shown {
            let size = a < b.groupSizes.count ? b.groupSizes[a] : 0
            let own = b.mixing[a][a]
            let share = Double(own) / Double(made[a])
            var row: [ReportCell] = [.text(b.groups[a]), .integer(size), .integer(made[a]), .integer(own), .number(share, digits: 2)]
            row.append(cell(diagonal(null.expected.mixing, a), 1))
            row.append(cell(diagonal(null.ratios.mixing, a), 2))
            row.append(cell(diagonal(null.pValues.mixing, a), 3))
            rows.append(row)
        }
        return ReportTable(
            name: "headline-own-group", title: "Citations that stay in their own \(g)", caption: caption,
            columns: [g, "works", "citations made", "to its own \(g)", "share", "expected by chance", "ratio", "p"],
            rows: rows)
    }

    /// Level below which the one-sided p of edge homophily reads "more siloed than chance".
    static let headlineLevel = 0.05

    /// Groups shown in the headline table: the largest by citations made.
    static let headlineGroups = 8
}
