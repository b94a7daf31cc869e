import Foundation
import NetworkCore

/// A claim of `dataset.yml` resolved on the data: which works are in the claimed group and
/// in the comparison group, and which works draw on the target, with the arcs that show it.
public struct ClaimDesign: Sendable, Equatable {
    public var claim: DatasetManifest.Claim
    /// Work indices (works.csv order) of the claimed group and of the comparison group.
    public var who: [Int]
    public var comparison: [Int]
    /// Works meeting both `who` and an explicit `compared_with` subset; they stay in the
    /// claimed group and are left out of the comparison group.
    public var overlap: [Int]
    /// For every work, the arcs through which it draws on the target (empty: it does not).
    public var evidence: [[DatasetArc]]

    /// Whether work `w` draws on the target.
    public func drawsOn(_ w: Int) -> Bool { !evidence[w].isEmpty }
    /// Works of the claimed / comparison group that draw on the target.
    public var whoDrawing: Int { who.filter { drawsOn($0) }.count }
    public var comparisonDrawing: Int { comparison.filter { drawsOn($0) }.count }
}

extension Dataset {
    /// Resolves `claim` on the data with the mapping `moves` applied (none: the data as
    /// loaded). Pure; O(works · conditions + arcs of the named layers).
    ///
    /// A work draws on the target when an arc of a named layer goes *from* the work to a
    /// concept whose home literature (the vocabulary's `home:` column) is one of
    /// `literatures`, to one of the named `concepts`, or to a work whose literature
    /// (`draws_on.attribute`, default `group:`, with the moves applied) is one of
    /// `literatures`. Direct arcs only: a lineage chain work → A → B counts A, not B.
    public func design(of claim: DatasetManifest.Claim, moving moves: [MappingMove] = []) -> ClaimDesign {
        let n = workIDs.count
        let who = members(claim.who, moves: moves)
        var comparison: [Int]
        var overlap: [Int] = []
        switch claim.comparedWith {
        case .complement:
            let inWho = Set(who)
            comparison = (0..<n).filter { !inWho.contains($0) }
        case .subset(let subset):
            let inWho = Set(who)
            let candidates = members(subset, moves: moves)
            overlap = candidates.filter { inWho.contains($0) }
            comparison = candidates.filter { !inWho.contains($0) }
        }
        return ClaimDesign(claim: claim, who: who, comparison: comparison, overlap: overlap,
                           evidence: evidence(claim.drawsOn, moves: moves))
    }

    /// Works meeting every condition of `subset`.
    func members(_ subset: DatasetManifest.Claim.Subset, moves: [MappingMove]) -> [Int] {
        var keep = [Bool](repeating: true, count: workIDs.count)
        for condition in subset.conditions {
            let values = workAttribute(condition.attribute, moving: moves) ?? []
            let wanted = Set(condition.values)
            for w in keep.indices where keep[w] {
                let value = w < values.count ? values[w] : nil
                let hit = value.map { wanted.contains($0) } ?? false
                keep[w] = condition.negated ? !hit : hit
            }
        }
        return keep.indices.filter { keep[$0] }
    }

    /// The arcs through which each work draws on the target.
    func evidence(_ target: DatasetManifest.Claim.DrawsOn, moves: [MappingMove]) -> [[DatasetArc]] {
        var workIndex: [String: Int] = [:]
        for (k, id) in workIDs.enumerated() { workIndex[id] = k }
        let literatures = Set(target.literatures), named = Set(target.concepts)
        var conceptHit = Set<String>()
        let homes = manifest.concepts?.home.flatMap { conceptAttributes[$0] } ?? []
        for (k, id) in conceptIDs.enumerated() {
            if named.contains(id) || (k < homes.count && homes[k].map { literatures.contains($0) } ?? false) {
                conceptHit.insert(id)
            }
        }
        let workLiterature = (target.attribute ?? group).flatMap { workAttribute($0, moving: moves) } ?? []
        var out = [[DatasetArc]](repeating: [], count: workIDs.count)
        for layer in layers where target.layers.contains(layer.kind) {
            for arc in layer.arcs {
                guard let w = workIndex[arc.from] else { continue }
                let hit: Bool
                if conceptHit.contains(arc.to) {
                    hit = true
                } else if let v = workIndex[arc.to], v < workLiterature.count, let literature = workLiterature[v] {
                    hit = literatures.contains(literature)
                } else {
                    hit = false
                }
                if hit { out[w].append(arc) }
            }
        }
        return out
    }

    /// Checks the mapping alternatives and every claim against the data (called by
    /// ``load(folder:)``); each error names
    /// dataset.yml and the line of the offending key: unknown attributes, values no work
    /// (and no mapping alternative) has, layers the dataset lacks, unknown concepts,
    /// literatures that are neither a concept home nor a work's literature, and empty groups.
    func validateClaims() throws {
        let alternatives = try mappingAlternatives()
        guard !manifest.claims.isEmpty else { return }
        let path = manifest.path
        func knownValues(_ attribute: String) -> Set<String> {
            var values = Set((workAttributes[attribute] ?? []).compactMap { $0 })
            for a in alternatives where a.attribute == attribute { values.formUnion(a.alternatives) }
            return values
        }
        for claim in manifest.claims {
            var subsets = [("who", claim.who)]
            if case .subset(let s) = claim.comparedWith { subsets.append(("compared_with", s)) }
            for (context, subset) in subsets {
                for condition in subset.conditions {
                    guard workAttributes.has(condition.attribute) else {
                        throw InputError(file: path, line: condition.line, field: condition.attribute,
                                         message: "claim '\(claim.id)': \(context) names '\(condition.attribute)', which is not a work attribute (attributes: \(workAttributes.names.joined(separator: ", ")))")
                    }
                    let known = knownValues(condition.attribute)
                    for value in condition.values where !known.contains(value) {
                        throw InputError(file: path, line: condition.line, field: condition.attribute,
                                         message: "claim '\(claim.id)': no work has \(condition.attribute) '\(value)' (values: \(known.sorted().joined(separator: ", ")))")
                    }
                }
            }
            let target = claim.drawsOn
            let present = Set(layers.filter { !$0.arcs.isEmpty }.map(\.kind))
            for kind in target.layers where !present.contains(kind) {
                throw InputError(file: path, line: target.line, field: "layers",
                                 message: "claim '\(claim.id)': the dataset has no \(kind.rawValue) layer with arcs (layers: \(present.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            let conceptSet = Set(conceptIDs)
            for concept in target.concepts where !conceptSet.contains(concept) {
                throw InputError(file: path, line: target.conceptsLine, field: "concepts",
                                 message: "claim '\(claim.id)': '\(concept)' is not a concept id of the vocabulary")
            }
            let literatureAttribute = target.attribute ?? group
            if let a = target.attribute, !workAttributes.has(a) {
                throw InputError(file: path, line: target.line, field: "attribute",
                                 message: "claim '\(claim.id)': draws_on attribute '\(a)' is not a work attribute")
            }
            if target.layers.contains(.citation) && literatureAttribute == nil && !target.literatures.isEmpty {
                throw InputError(file: path, line: target.line, field: "attribute",
                                 message: "claim '\(claim.id)': a citation target by literature needs draws_on.attribute or the manifest's group:")
            }
            var knownLiteratures = literatureAttribute.map(knownValues) ?? []
            if let home = manifest.concepts?.home { knownLiteratures.formUnion((conceptAttributes[home] ?? []).compactMap { $0 }) }
            for literature in target.literatures where !knownLiteratures.contains(literature) {
                throw InputError(file: path, line: target.literaturesLine, field: "literatures",
                                 message: "claim '\(claim.id)': '\(literature)' is neither a concept's home literature nor a work's literature (known: \(knownLiteratures.sorted().joined(separator: ", ")))")
            }
            let d = design(of: claim)
            if d.who.isEmpty {
                throw InputError(file: path, line: claim.who.line, field: "who", message: "claim '\(claim.id)': who selects no work")
            }
            if d.comparison.isEmpty {
                throw InputError(file: path, line: claim.line, field: "compared_with", message: "claim '\(claim.id)': compared_with selects no work outside who")
            }
        }
    }
}
