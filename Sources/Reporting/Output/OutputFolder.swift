import Foundation

/// Writes a set of files into a folder atomically: everything is first written into a
/// hidden staging folder beside the target, and only when every file is written is the
/// staging folder swapped in place of the target. A failed run therefore leaves the
/// previous report untouched (DESIGN §6, §8).
///
/// Relative paths are checked to stay inside the folder: no absolute paths, no `..`
/// components, no empty components.
///
/// A run killed midway leaves its staging folder; the next run for the same folder
/// removes it (``cleanStale(parent:name:)``).
///
/// The swap is two renames (old → backup, staging → target) followed by removing the
/// backup; on POSIX file systems each rename is atomic. Complexity O(total bytes).
public struct OutputFolder: Sendable {
    /// The final folder, e.g. `Reports/coproduction-models`.
    public let path: String

    public init(path: String) { self.path = path }

    /// Writes `files` (relative path → bytes) as the complete new contents of the folder.
    public func replaceContents(with files: [(String, [UInt8])]) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let backup = parent.appendingPathComponent(".\(name).previous-\(pid)")
        OutputFolder.cleanStale(parent: parent, name: name)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw ReportError.io(path: staging.path, message: "cannot create the staging folder: \(error.localizedDescription)")
        }
        do {
            for (relative, bytes) in files {
                try OutputFolder.checkRelative(relative)
                let url = staging.appendingPathComponent(relative)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard fm.createFile(atPath: url.path, contents: Data(bytes)) else {
                    throw ReportError.io(path: url.path, message: "cannot write the file")
                }
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        do {
            let hadPrevious = fm.fileExists(atPath: target.path)
            if hadPrevious { try fm.moveItem(at: target, to: backup) }
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                if hadPrevious { try? fm.moveItem(at: backup, to: target) }
                throw error
            }
            if hadPrevious { try fm.removeItem(at: backup) }
        } catch let error as ReportError {
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw ReportError.io(path: target.path, message: "cannot replace the folder: \(error.localizedDescription)")
        }
    }

    /// Throws unless `relative` is a plain relative path that stays inside the folder.
    public static func checkRelative(_ relative: String) throws {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.isEmpty, !relative.hasPrefix("/"),
              parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else {
            throw ReportError.unsafePath(relative)
        }
    }

    /// Writes one file atomically (write to a temporary beside it, then rename).
    public static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw ReportError.io(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }
}
