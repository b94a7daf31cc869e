import ArgumentParser

/// The parameters of the sampled and seeded per-node measures, shared by `metrics` and
/// `convert`.
struct MeasureOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "approximateBetweenness: the additive error bound ε on every node's value, 0 < ε < 1.",
        discussion: "The number of sampled pairs grows as 1/ε²: ε 0.01 draws tens of thousands of pairs.",
        valueName: "epsilon"))
    var epsilon: Double = 0.01

    @Option(help: ArgumentHelp(
        "approximateBetweenness: the probability δ that some node misses the ε bound, 0 < δ < 1.",
        valueName: "delta"))
    var delta: Double = 0.1

    @Option(help: ArgumentHelp(
        "approximateBetweenness, louvain, leiden: the seed of the pair sampler and of the community search (same seed, same values).",
        valueName: "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "louvain, leiden: the modularity resolution γ > 0 (larger: more, smaller communities).",
        valueName: "gamma"))
    var resolution: Double = 1

    /// The parameters as the library takes them.
    var values: MeasureParameters { MeasureParameters(epsilon: epsilon, delta: delta, seed: seed, resolution: resolution) }

    func validate() throws {
        guard epsilon > 0 && epsilon < 1 else {
            throw ValidationError("--epsilon must lie strictly between 0 and 1 (got \(epsilon))")
        }
        guard delta > 0 && delta < 1 else {
            throw ValidationError("--delta must lie strictly between 0 and 1 (got \(delta))")
        }
        guard resolution > 0 && resolution.isFinite else {
            throw ValidationError("--resolution must be a positive number (got \(resolution))")
        }
    }
}
