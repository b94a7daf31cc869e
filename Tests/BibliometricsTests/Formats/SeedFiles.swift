import Foundation

/// Locates the seed articles in `../shared/seeds` (beside the clone), like TestSupport's
/// SharedData does for `../shared/data`. Tests read the seeds in place, never copies.
enum SeedFiles {
    /// The seeds folder, if present (`SILOSCOPE_SEEDS` overrides).
    static let root: String? = {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SILOSCOPE_SEEDS"] { candidates.append(env) }
        // This file is Tests/BibliometricsTests/Formats/SeedFiles.swift: the package root is three up.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/../shared/seeds")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/000_ff49b50716e36448.txt") }
    }()

    static let available = root != nil
    static let skipMessage = "needs ../shared/seeds (set SILOSCOPE_SEEDS to the folder)"

    static let robert2024 = "000_ff49b50716e36448.txt"
    static let robert2024Manuscript = "001_ba6e7b868008b380.txt"
    static let conquer2024 = "002_9a1982dc05ab144d.txt"
    static let kjellstrom2019 = "003_395efd9858a5889f.txt"
    static let all = [robert2024, robert2024Manuscript, conquer2024, kjellstrom2019]

    /// The text of a seed file, or nil when the folder is absent.
    static func text(_ name: String) -> String? {
        guard let root else { return nil }
        return try? String(contentsOfFile: root + "/" + name, encoding: .utf8)
    }

    /// Line `n` (1-based) of a seed, for tests that quote the seed.
    static func line(_ name: String, _ n: Int) -> String? {
        guard let text = text(name) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return n >= 1 && n <= lines.count ? String(lines[n - 1]) : nil
    }

    /// The package root (for tests comparing committed dataset files).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
