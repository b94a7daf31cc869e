import Foundation

extension OutputFolder {
    /// Removes what an earlier run killed midway left beside the folder `name` in
    /// `parent`: its hidden staging folders `.<name>.staging-<pid>` and, when the swap was
    /// interrupted, its backups `.<name>.previous-<pid>` — only those whose process `pid`
    /// is no longer running (a run in progress keeps its own). A backup is moved back
    /// into place when the folder itself is missing (the kill fell between the two
    /// renames), otherwise removed. Returns the names removed or restored, sorted.
    /// O(entries of `parent`).
    @discardableResult
    public static func cleanStale(parent: URL, name: String) -> [String] {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent.path) else { return [] }
        var cleaned: [String] = []
        let target = parent.appendingPathComponent(name)
        for entry in entries.sorted() {
            for kind in ["staging", "previous"] {
                let prefix = ".\(name).\(kind)-"
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)),
                      pid > 0, !isRunning(pid) else { continue }
                let url = parent.appendingPathComponent(entry)
                if kind == "previous" && !fm.fileExists(atPath: target.path) {
                    if (try? fm.moveItem(at: url, to: target)) != nil { cleaned.append(entry) }
                } else if (try? fm.removeItem(at: url)) != nil {
                    cleaned.append(entry)
                }
            }
        }
        return cleaned
    }

    /// Whether a process `pid` exists (signal 0 delivers nothing; EPERM means it exists
    /// but belongs to someone else).
    static func isRunning(_ pid: Int32) -> Bool {
        if pid == ProcessInfo.processInfo.processIdentifier { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
