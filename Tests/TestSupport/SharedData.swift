import Foundation

/// Locates `../shared/data` (beside the clone) for tests that read the real public data.
///
/// Tests that need it call ``SharedData/path(_:)``; when the folder is absent they skip
/// with a message saying so (CI has it; a bare clone may not).
public enum SharedData {
    /// The absolute path of the shared data folder, if it exists.
    public static let root: String? = {
        let env = ProcessInfo.processInfo.environment["SILOSCOPE_SHARED_DATA"]
        var candidates: [String] = []
        if let env { candidates.append(env) }
        // This file is Tests/TestSupport/SharedData.swift: the package root is two up.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").path)
        candidates.append(FileManager.default.currentDirectoryPath + "/../shared/data")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// The absolute path of `relative` inside the shared data folder, or `nil` when the
    /// folder or the file is absent.
    public static func path(_ relative: String) -> String? {
        guard let root else { return nil }
        let full = root + "/" + relative
        return FileManager.default.fileExists(atPath: full) ? full : nil
    }

    /// The message a test prints when it skips for lack of the shared data.
    public static func skipMessage(_ relative: String) -> String {
        "skipped: ../shared/data/\(relative) is absent (set SILOSCOPE_SHARED_DATA to its folder)"
    }

    /// The package root (for tests that read `Datasets/` or fixtures).
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}

extension SharedData {
    /// The absolute path of `../shared/seeds`, if present.
    public static let seedsPath: String? = {
        guard let root else { return nil }
        let seeds = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("seeds").path
        return FileManager.default.fileExists(atPath: seeds) ? seeds : nil
    }()
}
