import Bibliometrics
import NetworkAlgorithms
import NetworkCore

extension DatasetReportContext {
    /// "How concepts travelled": for every concept named by works of two or more groups,
    /// the first year each group named it and the lag from its home literature (as a
    /// seed states it, else the group that named it first).
    func diffusionSection() throws -> ReportSection? {
        guard hasConceptLayer, years.contains(where: { $0 != nil }) else { return nil }
        var workIndex: [String: Int] = [:]
        for (k, id) in dataset.workIDs.enumerated() { workIndex[id] = k }
        var conceptIndex: [String: Int] = [:]
        for (k, id) in dataset.conceptIDs.enumerated() { conceptIndex[id] = k }
        var uses: [(work: Int, concept: Int)] = []
        for layer in dataset.layers where layer.kind == .concept {
            for arc in layer.arcs {
                if let w = workIndex[arc.from], let c = conceptIndex[arc.to] { uses.append((w, c)) }
                else if let w = workIndex[arc.to], let c = conceptIndex[arc.from] { uses.append((w, c)) }
            }
        }
        let knownGroups = Set(partition.groupNames)
        let homes: [String?] = dataset.conceptIDs.map { id in conceptHome(id).flatMap { knownGroups.contains($0) ? $0 : nil } }
        let intYears = years.map { $0.flatMap { Int($0) } }
        let diffusion = try ConceptLineage.diffusion(
            concepts: dataset.conceptIDs, workIDs: dataset.workIDs, uses: uses,
            years: intYears, literature: partition, home: homes)
        let travelled = diffusion.filter { $0.adoptions.count >= 2 }
            .sorted { ($0.adoptions.count, conceptLabel($1.concept)) > ($1.adoptions.count, conceptLabel($0.concept)) }
        var blocks: [ReportBlock] = [.paragraph(
            "\(travelled.count) of \(diffusion.filter { !$0.adoptions.isEmpty }.count) concepts named by dated works were named in two or more groups of '\(groupTitle)'. "
            + "For each, the first year each group named it, and the lag in years from its home literature: the one a seed names as its origin "
            + "where one does (marked 'stated'), otherwise the group that named it first (marked 'first use'). "
            + "Years are the publication years of the works in this dataset, so a lag measures when these works took the concept up, not when the idea first appeared.")]
        blocks.append(.table(ReportTable(
            name: "concept-diffusion", title: "How concepts travelled between groups",
            caption: "Concepts named in at least two groups: home literature, and each group's first year (lag from home in brackets).",
            columns: ["concept", "home", "home is", "groups", "first use by group (lag)"],
            rows: travelled.map { d in
                let steps = d.adoptions.map { a in
                    "\(a.literature) \(a.firstYear)" + (a.lagFromHome.map { $0 == 0 ? "" : " (\($0 > 0 ? "+" : "")\($0))" } ?? "")
                }
                return [.text(conceptLabel(d.concept)), d.homeLiterature.map { .text($0) } ?? .missing,
                        .text(d.homeSupplied ? "stated" : "first use"), .integer(d.adoptions.count), .text(steps.joined(separator: "; "))]
            },
            displayLimit: parameters.topRows)))
        return ReportSection(title: "How concepts travelled", blocks: blocks)
    }
}
