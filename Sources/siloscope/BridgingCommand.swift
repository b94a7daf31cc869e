import ArgumentParser
import Foundation
import NetworkAlgorithms
import NetworkCore
import Reporting

/// `siloscope bridging INPUT --group ATTR`: how siloed the groups of a partition are.
struct BridgingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bridging",
        abstract: "Mixing, homophily, E-I index, assortativity and modularity of a partition (literature, discipline, …).",
        discussion: """
            JSON keys: attribute, groups, mixing (rows = citing group, columns = cited group; directed arc counts), \
            edgeHomophily, classInsensitiveHomophily, eiIndex, eiIndexByGroup, assortativity, modularity. \
            edgeHomophily and eiIndex are computed on the undirected simple view (each linked pair once, self-loops left out).
            Example: siloscope bridging cora.cites --reverse --nodes cora-labels.tsv --group class_name
            """)

    @OptionGroup var input: GraphInputOptions

    @Option(help: ArgumentHelp("The node attribute whose values are the groups.", valueName: "attr"))
    var group: String

    @Option(help: "Nodes with no value for the attribute form the group '(missing)': include it, or exclude those nodes and their arcs.")
    var missing: MissingGroupPolicy = .include

    /// The null models of `--null`.
    enum NullOption: String, CaseIterable, ExpressibleByArgument {
        case none, permutation, rewire
        case timeRewire = "time-rewire"
    }

    @Option(help: ArgumentHelp(
        "Null model for p-values and 95% intervals: none, permutation (shuffle labels), rewire (keep in/out-degrees) or time-rewire (keep degrees and never let a work cite a newer one; needs --time).",
        valueName: "name"))
    var null: NullOption = .none

    @Option(help: "Number of null samples.")
    var permutations: Int = 1000

    @Option(help: "Seed of the null model's random generator (same seed, same result).")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("A numeric node attribute (e.g. year) giving each work's time, for --null time-rewire.", valueName: "attr"))
    var time: String?

    @Option(name: .customLong("by-year"), help: ArgumentHelp(
        "A node attribute holding each work's year: adds 'trajectory' (edge homophily, E-I and mixing per year of the citing work) and 'firstLinkYears' (the first year each group cites each other group).",
        valueName: "attr"))
    var byYear: String?

    @Flag(help: "Add 'brokerage': Gould–Fernandez roles per group (coordinator, itinerant, gatekeeper, representative, liaison), observed and expected under label shuffles (--permutations, --seed).")
    var brokerage = false

    @Flag(help: "Add 'raoStirling': the Rao–Stirling diversity of each node's references and how many it counts (group distance: 1 − cosine of the groups' citation profiles).")
    var diversity = false

    @Option(help: "Output format: json or csv (csv writes the mixing matrix).")
    var format: TableFormat = .json

    func validate() throws {
        guard permutations >= 1 else { throw ValidationError("--permutations must be at least 1") }
    }

    func run() throws {
        let loaded = try InputLoader.load(input)
        let partition = Partition(values: try loaded.column(group))
        let model: BridgingNullModel?
        switch null {
        case .none: model = nil
        case .permutation: model = .permutation
        case .rewire: model = .rewire
        case .timeRewire:
            guard let time else { throw ValidationError("--null time-rewire needs --time ATTR (e.g. the year of each work)") }
            _ = try loaded.column(time)
            model = .timeRewire(times: loaded.attributes.numbers(time) ?? [])
        }
        let result: BridgingResult
        if let model {
            ProgressLog.standardError("null model \(model.name): \(permutations) samples, seed \(seed)")
            result = loaded.graph.bridging(by: partition, attribute: group, missing: missing, null: model,
                                           samples: permutations, seed: seed)
        } else {
            result = loaded.graph.bridging(by: partition, attribute: group, missing: missing)
        }
        var extended = ExtendedBridging(base: result)
        let graph = loaded.graph
        if let byYear {
            let years = try loaded.years(byYear)
            extended.trajectory = try graph.siloTrajectory(by: partition, years: years, windows: .years, missing: missing)
                .filter { $0.arcs > 0 }
                .map { YearRow(year: $0.start, arcs: $0.arcs, edgeHomophily: $0.edgeHomophily, eiIndex: $0.eiIndex, mixing: $0.mixing.counts) }
            extended.firstLinkYears = graph.firstLinkYears(by: partition, years: years, missing: missing)
        }
        if brokerage {
            ProgressLog.standardError("brokerage: \(permutations) label shuffles, seed \(seed)")
            let b = graph.brokerageNull(by: partition, samples: permutations, seed: seed, missing: missing)
            extended.brokerage = BrokerageBlock(roles: BrokerageRole.allCases.map(\.rawValue), groups: b.groupNames,
                                                observed: b.observed, expected: b.expected, pHigher: b.pHigher)
        }
        if diversity {
            let d = try graph.raoStirlingDiversity(by: partition, missing: missing)
            extended.raoStirling = RaoStirlingBlock(distance: d.distance,
                                                    nodes: graph.ids.indices.map {
                                                        NodeDiversity(id: graph.ids[$0], diversity: d.byNode[$0], countedReferences: d.countedReferences[$0])
                                                    })
        }
        switch format {
        case .json:
            StandardOutput.write(try JSONOutput.encode(extended))
        case .csv:
            let table = ReportTable(
                name: "mixing", title: "", caption: "",
                columns: ["citing \\ cited"] + result.groups,
                rows: zip(result.groups, result.mixing).map { name, row in [.text(name)] + row.map { ReportCell.integer($0) } })
            StandardOutput.write(try CSVTableWriter.csv(table))
        }
    }
}

extension MissingGroupPolicy: ExpressibleByArgument {}

/// The `bridging` JSON: ARCHITECTURE.md §6's keys (from ``BridgingResult``) plus the optional
/// blocks asked for with --by-year, --brokerage and --diversity.
struct ExtendedBridging: Encodable {
    var base: BridgingResult
    var trajectory: [YearRow]?
    var firstLinkYears: [[Int?]]?
    var brokerage: BrokerageBlock?
    var raoStirling: RaoStirlingBlock?

    enum Keys: String, CodingKey { case trajectory, firstLinkYears, brokerage, raoStirling }

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(trajectory, forKey: .trajectory)
        try c.encodeIfPresent(firstLinkYears, forKey: .firstLinkYears)
        try c.encodeIfPresent(brokerage, forKey: .brokerage)
        try c.encodeIfPresent(raoStirling, forKey: .raoStirling)
    }
}

struct YearRow: Encodable {
    var year: Int
    var arcs: Int
    var edgeHomophily: Double?
    var eiIndex: Double?
    var mixing: [[Int]]
}

struct BrokerageBlock: Encodable {
    var roles: [String]
    var groups: [String]
    /// `[group][role]` counts of middle works in each role.
    var observed: [[Int]]
    var expected: [[Double]]
    var pHigher: [[Double]]
}

struct RaoStirlingBlock: Encodable {
    var distance: [[Double]]
    var nodes: [NodeDiversity]
}

struct NodeDiversity: Encodable {
    var id: String
    var diversity: Double?
    /// The references `diversity` counts: out-arcs to works the missing-group policy keeps.
    var countedReferences: Int
}
