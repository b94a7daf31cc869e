import ArgumentParser
import Foundation
import NetworkAlgorithms
import NetworkCore
import Reporting

/// `siloscope bench [INPUT…]`: times loading and the main graph algorithms on each graph
/// file (ARCHITECTURE.md §7, issue 5 §3). `scripts/bench-peers` runs igraph, NetworKit and
/// NetworkX on the same files and compares.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time loading and the main graph algorithms on graph files, with peak memory.",
        discussion: """
            Each task is run --repeat times and its best wall-clock time (monotonic clock) is \
            reported. Tasks, their parameters and computations come from the analysis catalogue \
            (the one metrics and the reports compute through): \(BenchCommand.taskList). \
            For leiden and louvain the modularity reached (undirected simple view) is reported \
            under modularity; for the approximate betweenness tasks the pairs sampled under samples.
            peakMemoryBytes is VmHWM from /proc/self/status read after each input: the \
            process's peak resident memory so far, so for later inputs it is the peak over \
            this and every earlier input. csrBytes is the size of the CSR arrays (offsets, \
            targets, sources, arc numbers, weights) for reference.
            JSON keys: inputs [{file, nodes, arcs, tasks {name: {seconds, repeats, modularity?, samples?}}, \
            peakMemoryBytes, csrBytes}], machine {cores, os, swift}. A task skipped has \
            seconds null, repeats 0 and a reason under skipped.
            Example: siloscope bench cora.cites --reverse --format json
            """)

    @Argument(help: ArgumentHelp(
        "Graph files: Pajek .net/.paj, an edge list (.tsv/.txt/.csv) or GraphML, each possibly gzip-compressed (.gz).",
        discussion: "For a gzip file, load includes inflating it in memory; scripts/bench-peers decompresses once beforehand so every library loads the same plain file.",
        valueName: "input"))
    var inputs: [String] = []

    @Flag(help: "The files' arcs point cited → citing (Cora, CiteSeer): reverse them.")
    var reverse = false

    @Option(help: "Output format: json or table.")
    var format: BenchFormat = .table

    @Option(help: "Runs per task; the best (smallest) time is reported.")
    var `repeat`: Int = 3

    @Option(help: ArgumentHelp(
        "Comma-separated tasks to run (default all): \(BenchTask.names.joined(separator: ", ")).",
        discussion: "The file is always loaded; load is timed only when listed.",
        valueName: "list"))
    var tasks: String = BenchTask.names.joined(separator: ",")

    @Option(help: "Exact betweenness is run only on graphs with at most this many arcs.")
    var betweennessMaxArcs: Int = 400_000

    @Option(help: "Approximate betweenness is run only on graphs with at most this many arcs.")
    var approximateBetweennessMaxArcs: Int = 20_000_000

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one graph file") }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        guard betweennessMaxArcs >= 0 else { throw ValidationError("--betweenness-max-arcs must not be negative") }
        guard approximateBetweennessMaxArcs >= 0 else {
            throw ValidationError("--approximate-betweenness-max-arcs must not be negative")
        }
        _ = try selectedTasks()
    }

    /// The tasks named by `--tasks`, in the order of ``BenchTask/names``.
    func selectedTasks() throws -> [String] {
        var chosen: Set<String> = []
        for raw in tasks.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            guard BenchTask.names.contains(name) else {
                throw ValidationError("unknown task '\(name)'; expected one of: \(BenchTask.names.joined(separator: ", "))")
            }
            chosen.insert(name)
        }
        return BenchTask.names.filter { chosen.contains($0) }
    }

    /// Every task with what it runs, from the catalogue, for the help text.
    static var taskList: String {
        let p = AnalysisCatalogue.benchmarkParameters
        let limits: (BenchmarkArcLimit?) -> String = {
            switch $0 {
            case .exactBetweenness?: return ", only up to --betweenness-max-arcs arcs"
            case .approximateBetweenness?: return ", only up to --approximate-betweenness-max-arcs arcs"
            case nil: return ""
            }
        }
        return (["\(BenchTask.load): reading the file and building the CSR arrays"]
            + AnalysisCatalogue.benchmarkTasks.map { "\($0.name): \($0.describe(p))\(limits($0.arcLimit))" })
            .joined(separator: "; ")
    }

    func run() throws {
        let chosen = try selectedTasks()
        var results: [BenchInputResult] = []
        for path in inputs {
            results.append(try BenchRunner(repeats: `repeat`, betweennessMaxArcs: betweennessMaxArcs,
                                           approximateBetweennessMaxArcs: approximateBetweennessMaxArcs,
                                           progress: .standardError)
                .run(path: path, reverse: reverse, tasks: chosen))
        }
        let report = BenchReport(inputs: results, machine: .current)
        switch format {
        case .json: StandardOutput.write(try JSONOutput.encode(report))
        case .table: StandardOutput.write(report.table())
        }
    }
}

/// Output formats of `bench`.
enum BenchFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case table
}
