import Foundation

/// The CPU time the process has used, as the stage timings report it.
public enum ProcessCPU {
    /// User plus system seconds of all the process's threads so far (`getrusage`), or `nil`
    /// where it cannot be read.
    public static func seconds() -> Double? {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
