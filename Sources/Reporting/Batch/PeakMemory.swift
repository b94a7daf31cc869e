import Foundation

/// The process's peak resident memory, as `bench` and the stage timings report it.
public enum PeakMemory {
    /// VmHWM from /proc/self/status in bytes: the peak resident set size of the process
    /// so far. Nil where /proc is unavailable (not Linux).
    public static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kb = Int(fields[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            return kb * 1024
        }
        return nil
    }
}
