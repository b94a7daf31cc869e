import ArgumentParser
import Bibliometrics
import Foundation
import NetworkCore
import Reporting

/// A command's INPUT resolved into a graph with node attributes.
struct LoadedGraph {
    var graph: Graph
    var attributes: NodeAttributes
    var selfLoops: Int
    var duplicateArcs: Int
    /// Where the attributes came from (the --nodes table, else the input), for messages.
    var attributeSource: String

    /// Label of each node: its `label` attribute where it has one, else its id.
    var labels: [String] {
        attributes["label"].map { zip($0, graph.ids).map { $0 ?? $1 } } ?? graph.ids
    }

    /// The values of node attribute `name`, or an error naming the attributes there are.
    func column(_ name: String) throws -> [String?] {
        guard let values = attributes[name] else {
            let known = attributes.names
            throw ValidationError("no node attribute '\(name)' in \(attributeSource); "
                + (known.isEmpty ? "there are no node attributes (give a --nodes table)" : "attributes: \(known.joined(separator: ", "))"))
        }
        return values
    }

    /// Attribute `name` read as whole years (`nil` where absent or not a whole number).
    func years(_ name: String) throws -> [Int?] {
        MainPathFigure.years(from: try column(name), count: graph.nodeCount)
    }
}

/// Resolves INPUT: a dataset folder (its works and citation layer, with every work
/// attribute) or a graph file (through NetworkInput, with an optional --nodes table).
enum InputLoader {
    static func load(_ options: GraphInputOptions, progress: ProgressLog = .standardError) throws -> LoadedGraph {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.input, isDirectory: &isDirectory) else {
            throw InputError(file: options.input, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            if options.nodes != nil {
                throw InputError(file: options.input, field: "--nodes",
                                 message: "a dataset folder carries its own work attributes; --nodes applies to graph files")
            }
            if !options.partitions.isEmpty || !options.vectors.isEmpty {
                throw InputError(file: options.input, field: "--partition",
                                 message: "--partition and --vector apply to Pajek networks, not dataset folders")
            }
            if options.reverse {
                throw InputError(file: options.input, field: "--reverse",
                                 message: "a dataset's citation layer is always citing → cited; --reverse applies to graph files")
            }
            progress("loading dataset \(options.input)")
            let dataset = try Dataset.load(folder: options.input)
            let built = dataset.citationGraph(duplicates: options.duplicates, selfLoops: options.selfLoops)
            progress("read \(built.graph.nodeCount) works, \(built.graph.arcCount) citation arcs")
            return LoadedGraph(graph: built.graph, attributes: built.attributes,
                               selfLoops: built.selfLoops, duplicateArcs: built.duplicateArcs, attributeSource: options.input)
        }
        progress("reading \(options.input)")
        var input = try NetworkInput.load(
            path: options.input, reverse: options.reverse, nodes: options.nodes,
            duplicates: options.duplicates, selfLoops: options.selfLoops)
        for path in options.partitions { try input.attachPartition(path: path) }
        for path in options.vectors { try input.attachVector(path: path) }
        progress("read \(input.graph.nodeCount) nodes, \(input.graph.arcCount) arcs")
        return LoadedGraph(graph: input.graph, attributes: input.attributes,
                           selfLoops: input.selfLoops, duplicateArcs: input.duplicateArcs,
                           attributeSource: options.nodes ?? options.input)
    }
}
