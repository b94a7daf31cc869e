import Bibliometrics

/// The document written as `Reports/<name>/metrics.json`.
struct DatasetMetrics: Encodable, Sendable {
    struct Layer: Encodable, Sendable {
        var kind: String
        var file: String
        var arcs: Int
    }
    struct Mapping: Encodable, Sendable {
        var attribute: String
        var file: String
        var mapped: Int
        var unmapped: Int
        var unmappedValues: [String]
    }
    var dataset: String
    var works: Int
    var attribute: String?
    var groups: [String]
    var groupSizes: [Int]
    var layers: [Layer]
    var mappings: [Mapping]
    var conceptCoUse: ConceptCoUseMetrics?
    var citation: CitationMetrics?
    var lineage: LineageMetrics?
    var claims: [ClaimMetrics]?

    init(context: DatasetReportContext) {
        let d = context.dataset
        dataset = d.manifest.name
        works = context.workCount
        attribute = context.groupAttribute
        groups = context.partition.groupNames
        groupSizes = context.partition.groupSizes()
        layers = d.layers.map { Layer(kind: $0.kind.rawValue, file: $0.file, arcs: $0.arcs.count) }
        mappings = d.mappings.map { Mapping(attribute: $0.attribute, file: $0.file, mapped: $0.mapped, unmapped: $0.unmapped, unmappedValues: $0.unmappedValues) }
    }
}
