import Foundation
import NetworkAlgorithms
import NetworkCore
import Reporting

/// The tasks `siloscope bench` times, in the order they run and are reported.
enum BenchTask: String, CaseIterable, Sendable {
    case load
    case weakComponents
    case strongComponents
    case pagerank
    case kcore
    case kcoreAll
    case topologicalOrder
    case betweenness
    case approximateBetweenness
    case approximateBetweennessRK
    case leiden
    case louvain
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
            for task in BenchTask.allCases {
                guard let t = input.tasks[task.rawValue] else { continue }
                let seconds = t.seconds.map { String(format: "%.6f", $0) } ?? "-"
                var line = Self.pad(task.rawValue, 24) + Self.pad(seconds, 14, right: true) + "  " + String(t.repeats)
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

    /// Loads `path` (best of `repeats` loads when `.load` is among `tasks`, else once)
    /// and times every task of `tasks` on the graph.
    /// - Throws: ``InputError`` when the file cannot be read.
    func run(path: String, reverse: Bool, tasks: [BenchTask]) throws -> BenchInputResult {
        progress("bench: loading \(path)")
        var timings: [String: BenchTiming] = [:]
        let loadRuns = tasks.contains(.load) ? repeats : 1
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
        if tasks.contains(.load) { timings[BenchTask.load.rawValue] = BenchTiming(seconds: best, repeats: loadRuns) }
        progress("bench: \(graph.nodeCount) nodes, \(graph.arcCount) arcs")

        for task in tasks where task != .load {
            progress("bench: \(task.rawValue)")
            timings[task.rawValue] = time(task, on: graph)
        }
        return BenchInputResult(file: path, nodes: graph.nodeCount, arcs: graph.arcCount, tasks: timings,
                                peakMemoryBytes: Self.peakResidentBytes(), csrBytes: Self.csrBytes(graph))
    }

    /// Times one task (not `.load`) on `graph`.
    func time(_ task: BenchTask, on graph: Graph) -> BenchTiming {
        switch task {
        case .load:
            return BenchTiming(seconds: nil, repeats: 0, skipped: "load is timed by run(path:)")
        case .weakComponents:
            return measure { graph.weakComponents().count }
        case .strongComponents:
            return measure { graph.strongComponents().count }
        case .pagerank:
            var timing = measure { graph.pageRank(damping: 0.85, tolerance: 1e-10).scores.count }
            let sweeps = graph.pageRank(damping: 0.85, tolerance: 1e-10).iterations
            timing.note = "Gauss–Seidel by strong component: at most \(sweeps) sweeps per component"
            return timing
        case .kcore:
            return measure { graph.coreNumbers().count }
        case .kcoreAll:
            return measure { graph.coreNumbers(.all).count }
        case .topologicalOrder:
            let cyclic = graph.topologicalOrder().order == nil
            var timing = measure {
                switch graph.topologicalOrder() {
                case .order(let order): return order.count
                case .cycle: return graph.condensation().components.count
                }
            }
            if cyclic { timing.note = "cyclic: topological order attempt plus condensation" }
            return timing
        case .betweenness:
            guard graph.arcCount <= betweennessMaxArcs else {
                return BenchTiming(seconds: nil, repeats: 0,
                                   skipped: "\(graph.arcCount) arcs > --betweenness-max-arcs \(betweennessMaxArcs)")
            }
            return measure { graph.betweenness().count }
        case .approximateBetweenness:
            guard graph.arcCount <= approximateBetweennessMaxArcs else {
                return BenchTiming(seconds: nil, repeats: 0,
                                   skipped: "\(graph.arcCount) arcs > --approximate-betweenness-max-arcs \(approximateBetweennessMaxArcs)")
            }
            return approximate(on: graph, method: .kadabra)
        case .approximateBetweennessRK:
            guard graph.arcCount <= betweennessMaxArcs else {
                return BenchTiming(seconds: nil, repeats: 0,
                                   skipped: "\(graph.arcCount) arcs > --betweenness-max-arcs \(betweennessMaxArcs)")
            }
            return approximate(on: graph, method: .riondatoKornaropoulos)
        case .leiden, .louvain:
            var q = 0.0
            var timing = measure {
                let found = task == .leiden ? graph.leiden(resolution: 1, seed: 1, iterations: 2)
                                            : graph.louvain(resolution: 1, seed: 1)
                q = found.modularity
                return found.partition.groupCount
            }
            timing.modularity = q
            return timing
        }
    }

    /// Times approximate betweenness (ε 0.01, δ 0.1, seed 1) by `method`, with the samples drawn.
    private func approximate(on graph: Graph, method: ApproximateBetweennessMethod) -> BenchTiming {
        var samples = 0
        var timing = measure {
            let a = graph.approximateBetweenness(epsilon: 0.01, delta: 0.1, seed: 1, method: method)
            samples = a.samples
            return a.scores.count
        }
        timing.samples = samples
        timing.note = "\(method.rawValue), ε 0.01, δ 0.1"
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

    /// VmHWM from /proc/self/status in bytes: the peak resident set size of the process
    /// so far. Nil where /proc is unavailable.
    static func peakResidentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kb = Int(fields[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return kb * 1024
        }
        return nil
    }
}
