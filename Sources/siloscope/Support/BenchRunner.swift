import Foundation
import NetworkAlgorithms
import NetworkCore
import Reporting

/// The tasks `siloscope bench` times, in the order they run and are reported: `load`
/// (reading the file and building the CSR arrays), then the tasks of the analysis
/// catalogue (``AnalysisCatalogue/benchmarkTasks``), which defines their names, parameters
/// and computations.
enum BenchTask {
    static let load = "load"
    /// Every task name, in run order.
    static let names: [String] = [load] + AnalysisCatalogue.benchmarkTasks.map(\.name)
}

/// The time of one task: best of `repeats` runs, or why it was skipped.
struct BenchTiming: Encodable, Equatable {
    /// Best wall-clock seconds over the runs; nil when skipped.
    var seconds: Double?
    /// Runs made (0 when skipped).
    var repeats: Int
    /// Why the task was not run, if it was not.
    var skipped: String?
    /// What was run when it differs from the task name (e.g. the condensation of a cyclic graph).
    var note: String?
    /// Modularity reached (community tasks: undirected simple view, resolution 1).
    var modularity: Double?
    /// Pairs sampled (approximate betweenness).
    var samples: Int?

    enum CodingKeys: String, CodingKey { case seconds, repeats, skipped, note, modularity, samples }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let seconds { try c.encode(seconds, forKey: .seconds) } else { try c.encodeNil(forKey: .seconds) }
        try c.encode(repeats, forKey: .repeats)
        try c.encodeIfPresent(skipped, forKey: .skipped)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(modularity, forKey: .modularity)
        try c.encodeIfPresent(samples, forKey: .samples)
    }
}

/// The measurements of one input file.
struct BenchInputResult: Encodable {
    var file: String
    var nodes: Int
    var arcs: Int
    /// Task name → timing.
    var tasks: [String: BenchTiming]
    /// VmHWM after this input: the process's peak resident memory so far (nil off Linux).
    var peakMemoryBytes: Int?
    /// Bytes of the graph's CSR arrays.
    var csrBytes: Int
}

/// Where the benchmark ran.
struct BenchMachine: Encodable {
    var cores: Int
    var os: String
    var swift: String

    /// This machine and the compiler that built the binary.
    static var current: BenchMachine {
        BenchMachine(cores: ProcessInfo.processInfo.activeProcessorCount,
                     os: ProcessInfo.processInfo.operatingSystemVersionString,
                     swift: compilerVersion)
    }

    /// The Swift compiler version this binary was built with (to the minor version).
    static var compilerVersion: String {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}

/// The `bench` JSON document.
struct BenchReport: Encodable {
    var inputs: [BenchInputResult]
    var machine: BenchMachine

    /// A plain-text table: one block per input, one row per task.
    func table() -> String {
        var out = "machine: \(machine.cores) cores, \(machine.os), Swift \(machine.swift)\n"
        for input in inputs {
            out += "\n\(input.file): \(input.nodes) nodes, \(input.arcs) arcs, CSR \(Self.megabytes(input.csrBytes))"
            if let peak = input.peakMemoryBytes { out += ", peak RSS so far \(Self.megabytes(peak))" }
            out += "\n"
            out += Self.pad("task", 24) + Self.pad("seconds", 14, right: true) + "  repeats\n"
            for task in BenchTask.names {
                guard let t = input.tasks[task] else { continue }
                let seconds = t.seconds.map { String(format: "%.6f", $0) } ?? "-"
                var line = Self.pad(task, 24) + Self.pad(seconds, 14, right: true) + "  " + String(t.repeats)
                if let skipped = t.skipped { line += "  (skipped: \(skipped))" }
                if let q = t.modularity { line += String(format: "  (modularity %.6f)", q) }
                if let r = t.samples { line += "  (\(r) samples)" }
                if let note = t.note { line += "  (\(note))" }
                out += line + "\n"
            }
        }
        return out
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    private static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }
}

/// Runs the tasks on one file and times them.
struct BenchRunner {
    var repeats: Int
    var betweennessMaxArcs: Int
    var approximateBetweennessMaxArcs: Int
    var progress: ProgressLog
    /// The parameters of every task (``AnalysisCatalogue/benchmarkParameters``).
    var parameters = AnalysisCatalogue.benchmarkParameters

    /// Loads `path` (best of `repeats` loads when `load` is among `tasks`, else once)
    /// and times every task of `tasks` (names of ``BenchTask/names``) on the graph.
    /// - Throws: ``InputError`` when the file cannot be read.
    func run(path: String, reverse: Bool, tasks: [String]) throws -> BenchInputResult {
        progress("bench: loading \(path)")
        var timings: [String: BenchTiming] = [:]
        let loadRuns = tasks.contains(BenchTask.load) ? repeats : 1
        var best = Double.infinity
        var graph: Graph?
        for _ in 0..<loadRuns {
            graph = nil  // drop the previous copy first, so the peak holds one graph
            let start = ContinuousClock.now
            let input = try NetworkInput.load(path: path, reverse: reverse)
            best = min(best, Self.seconds(ContinuousClock.now - start))
            graph = input.graph
        }
        guard let graph else { throw InputError(file: path, message: "could not be loaded") }
        if tasks.contains(BenchTask.load) { timings[BenchTask.load] = BenchTiming(seconds: best, repeats: loadRuns) }
        progress("bench: \(graph.nodeCount) nodes, \(graph.arcCount) arcs")

        for name in tasks where name != BenchTask.load {
            guard let task = AnalysisCatalogue.benchmarkTask(name) else { continue }
            progress("bench: \(name)")
            timings[name] = time(task, on: graph)
        }
        return BenchInputResult(file: path, nodes: graph.nodeCount, arcs: graph.arcCount, tasks: timings,
                                peakMemoryBytes: Self.peakResidentBytes(), csrBytes: Self.csrBytes(graph))
    }

    /// Times one catalogue task on `graph`: skipped above its arc limit, else best of
    /// `repeats` runs with the outcome's modularity or samples and the task's note.
    func time(_ task: BenchmarkTask, on graph: Graph) -> BenchTiming {
        switch task.arcLimit {
        case .exactBetweenness? where graph.arcCount > betweennessMaxArcs:
            return BenchTiming(seconds: nil, repeats: 0,
                               skipped: "\(graph.arcCount) arcs > --betweenness-max-arcs \(betweennessMaxArcs)")
        case .approximateBetweenness? where graph.arcCount > approximateBetweennessMaxArcs:
            return BenchTiming(seconds: nil, repeats: 0,
                               skipped: "\(graph.arcCount) arcs > --approximate-betweenness-max-arcs \(approximateBetweennessMaxArcs)")
        default:
            break
        }
        var last: BenchmarkOutcome?
        var timing = measure {
            let outcome = task.run(graph, parameters)
            last = outcome
            return outcome.size
        }
        timing.modularity = last?.modularity
        timing.samples = last?.samples
        timing.note = task.note(graph, parameters)
        return timing
    }

    /// Best wall-clock time (monotonic `ContinuousClock`) of `repeats` runs of `body`;
    /// the value `body` returns is kept so the work cannot be optimised away.
    private func measure(_ body: () -> Int) -> BenchTiming {
        var best = Double.infinity
        var sink = 0
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            sink &+= body()
            best = min(best, Self.seconds(ContinuousClock.now - start))
        }
        Self.keep(sink)
        return BenchTiming(seconds: best, repeats: repeats)
    }

    @inline(never)
    private static func keep(_ value: Int) {
        if value == Int.min { FileHandle.standardError.write(Data()) }
    }

    private static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }

    /// Bytes of the CSR arrays of `graph`: offsets (8 bytes each), targets, sources and
    /// arc numbers (4 bytes each), weights (8 bytes each) when weighted. O(1).
    static func csrBytes(_ graph: Graph) -> Int {
        8 * (graph.outOffsets.count + graph.inOffsets.count)
            + 4 * (graph.outTargets.count + graph.inSources.count + graph.inArcs.count)
            + 8 * (graph.weights?.count ?? 0)
    }

    /// VmHWM: the peak resident set size of the process so far (nil off Linux).
    static func peakResidentBytes() -> Int? { PeakMemory.residentBytes() }
}
