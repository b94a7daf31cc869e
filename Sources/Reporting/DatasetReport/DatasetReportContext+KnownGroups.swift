import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// The silo statistics again over the works that have a group, when some have none
    /// (issue 12: imported datasets place only part of their cited works in a literature).
    ///
    /// With the `(missing)` group counted, a dataset whose cited works are mostly
    /// unclassified measures "classified versus unclassified" rather than how the
    /// literatures cite each other; leaving out the missing works and every arc touching
    /// them (``MissingGroupPolicy/exclude``), with the same label-permutation null over the
    /// remaining works, answers the question asked. Returns the table and the statistics
    /// with their null (kept in `metrics.json` as `citation.knownGroups` and read by the
    /// report's headline); `nil` when no work is missing or fewer than two groups remain.
    func knownGroupSiloBlock(graph: Graph) -> (block: ReportBlock, bridging: BridgingResult)? {
        guard let missingCount = worksLeftOutOfKnownGroups() else { return nil }
        let g = groupTitle
        var b = graph.bridging(by: partition, attribute: g, missing: .exclude)
        let null = graph.bridgingNull(by: partition, model: .permutation, samples: parameters.nullSamples, seed: parameters.seed, missing: .exclude)
        let kept = partition.nodeCount - missingCount
        let table = ReportBlock.table(ReportTable(
            name: "citation-silo-statistics-known", title: "How siloed the citations are among works with a \(g)",
            caption: "As above, over the \(kept) works that have a \(g) (the \(missingCount) works in (missing) and every citation touching them left out); labels shuffled over these works \(null.samples) times (seed \(null.seed)).",
            columns: ["statistic", "value", "expected under the null", "95% interval", "p"],
            rows: [
                [.text("edge homophily"), cell(b.edgeHomophily, 3), cell(null.expected.edgeHomophily, 3), intervalCell(null.intervals.edgeHomophily), cell(null.pValues.edgeHomophily, 3)],
                [.text("class-insensitive homophily"), cell(b.classInsensitiveHomophily, 3), .missing, .missing, .missing],
                [.text("E-I index"), cell(b.eiIndex, 3), cell(null.expected.eiIndex, 3), intervalCell(null.intervals.eiIndex), cell(null.pValues.eiIndex, 3)],
                [.text("nominal assortativity"), cell(b.assortativity, 3), .missing, .missing, .missing],
                [.text("modularity (directed)"), cell(b.modularity, 3), .missing, .missing, .missing],
            ]))
        b.null = null
        return (table, b)
    }

    /// The number of works without a group that the statistics over the works with a group
    /// leave out (``knownGroupSiloBlock(graph:)``, and with it the headline), or `nil` when
    /// those statistics are not computed: no work lacks a group, or fewer than two groups
    /// remain without the missing one. Every statistic that should agree with the headline
    /// reads this one condition and, when it is not `nil`, uses
    /// ``MissingGroupPolicy/exclude``. O(n).
    func worksLeftOutOfKnownGroups() -> Int? {
        guard let m = partition.missingGroup else { return nil }
        let missingCount = partition.groupOf.reduce(0) { $0 + ($1 == m ? 1 : 0) }
        guard missingCount > 0, partition.groupCount - 1 >= 2 else { return nil }
        return missingCount
    }
}
