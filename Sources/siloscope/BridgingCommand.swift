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

    @Option(help: "Output format: json or csv (csv writes the mixing matrix).")
    var format: TableFormat = .json

    func run() throws {
        let loaded = try InputLoader.load(input)
        guard let values = loaded.attributes[group] else {
            let known = loaded.attributes.names
            throw ValidationError("no node attribute '\(group)' in \(input.nodes ?? input.input); "
                + (known.isEmpty ? "there are no node attributes (give a --nodes table)" : "attributes: \(known.joined(separator: ", "))"))
        }
        let partition = Partition(values: values)
        let result = loaded.graph.bridging(by: partition, attribute: group, missing: missing)
        switch format {
        case .json:
            StandardOutput.write(try JSONOutput.encode(result))
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
