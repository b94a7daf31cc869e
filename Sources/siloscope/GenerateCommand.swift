import ArgumentParser
import Foundation
import NetworkAlgorithms
import Reporting

/// `siloscope generate --model price …`: a seeded synthetic citation DAG with literature
/// labels, written as an edge list and a node table.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic citation DAG (Price's cumulative-advantage model) with literature labels and homophily.",
        discussion: """
            Price 1976 (doi:10.1002/asi.4630270505): works 0..N-1 arrive in order; each cites K distinct earlier works \
            (fewer at the start), each chosen with probability proportional to in-degree + a. Arcs point citing → cited \
            (newer → older), so the network is acyclic. A fractional K gives each work floor(K) or floor(K)+1 references, \
            the latter with probability K - floor(K). With --groups G, each work joins literature L1..LG (equal shares, or \
            --proportions); with --homophily H each reference is drawn, with probability H, from the citing work's own \
            literature (again ∝ in-degree + a; the whole network when the literature has no earlier work left to cite), \
            otherwise from the whole network.
            Output: --out FILE gets '#' comments naming the model, parameters and seed, then citing<TAB>cited lines; \
            FILE with its extension replaced by .nodes.tsv gets '# id<TAB>group<TAB>year' and one line per work. \
            Both are written atomically. Same parameters and seed → byte-identical files.
            Example: siloscope generate --model price --nodes 300000 --arcs-per-node 10 --groups 3 --homophily 0.5 --seed 1 --out price.tsv
            then: siloscope bridging price.tsv --nodes price.nodes.tsv --group group
            """)

    enum Model: String, CaseIterable, ExpressibleByArgument {
        case price
    }

    @Option(help: "Generative model: price.")
    var model: Model = .price

    @Option(help: "Number of works N.")
    var nodes: Int

    @Option(name: .customLong("arcs-per-node"), help: "Mean references per work K (a real number ≥ 1).")
    var arcsPerNode: Double

    @Option(help: "Price's attachment constant a > 0: a work is cited with probability ∝ in-degree + a.")
    var attachment: Double = 1

    @Option(help: "Number of literatures G (labels L1..LG, column 'group' of the nodes file).")
    var groups: Int = 1

    @Option(help: ArgumentHelp("Comma-separated relative sizes of the G literatures (default: equal).", valueName: "list"))
    var proportions: String?

    @Option(help: "Homophily H in [0, 1): probability that a reference is drawn within the citing work's own literature.")
    var homophily: Double = 0

    @Option(help: ArgumentHelp("Bucket the works into this many equal consecutive years starting at --first-year (default: year = arrival index).", valueName: "n"))
    var years: Int?

    @Option(name: .customLong("first-year"), help: "First year when --years is given.")
    var firstYear: Int = 1

    @Option(help: "Random seed.")
    var seed: UInt64

    @Option(help: ArgumentHelp("The edge list to write (the nodes file goes beside it, as FILE.nodes.tsv).", valueName: "file"))
    var out: String

    @Flag(help: "Print the elapsed time and peak resident memory (VmHWM) to stderr at the end.")
    var verbose = false

    /// The nodes file written beside `out`: its extension (if any) replaced by `.nodes.tsv`.
    static func nodesPath(for out: String) -> String {
        let url = URL(fileURLWithPath: out)
        let ext = url.pathExtension
        let base = ext.isEmpty ? out : String(out.dropLast(ext.count + 1))
        return base + ".nodes.tsv"
    }

    func priceModel() throws -> PriceModel {
        guard groups >= 1 else { throw ValidationError("--groups must be at least 1") }
        var shares = [Double](repeating: 1, count: groups)
        if let proportions {
            let parts = proportions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let values = parts.compactMap(Double.init)
            guard values.count == parts.count, values.count == groups else {
                throw ValidationError("--proportions must list \(groups) numbers (one per group), got '\(proportions)'")
            }
            shares = values
        }
        let model = PriceModel(nodeCount: nodes, meanReferences: arcsPerNode, attachment: attachment,
                               groupProportions: groups > 1 ? shares : [], homophily: homophily, seed: seed)
        do {
            try model.validate()
        } catch {
            throw ValidationError("--\(error.parameter) \(error.message)")
        }
        if let years, years < 1 { throw ValidationError("--years must be at least 1") }
        return model
    }

    func validate() throws {
        _ = try priceModel()
        if nodesPathCollides { throw ValidationError("--out must not end in .nodes.tsv (the nodes file would overwrite it)") }
    }

    private var nodesPathCollides: Bool { Self.nodesPath(for: out) == out }

    func run() throws {
        let model = try priceModel()
        let nodesFile = Self.nodesPath(for: out)
        let start = Date()
        let log = ProgressLog.standardError
        log("generating Price network: \(model.nodeCount) nodes, about \(Int(model.expectedArcCount.rounded())) arcs, seed \(seed)")
        let summary = try model.writeTSV(edgesPath: out, nodesPath: nodesFile, yearBuckets: years, firstYear: firstYear) { done in
            log("\(done * 100 / model.nodeCount)% (\(done) nodes)")
        }
        log("wrote \(summary.arcs) arcs to \(out) and \(summary.nodes) nodes to \(nodesFile)")
        if verbose {
            let seconds = Date().timeIntervalSince(start)
            log(String(format: "elapsed %.2f s, peak memory %@", seconds, Self.peakMemory() ?? "unknown"))
        }
    }

    /// The `VmHWM` line of /proc/self/status (Linux), e.g. "123456 kB"; nil elsewhere.
    static func peakMemory() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
