import Foundation
import Synchronization

/// The wall time of every stage of a run, for `report --timings` and `batch --timings`.
/// Each progress message opens a stage that lasts until the next message, so the stages
/// are exactly the lines a timed log prints (``ProgressLog/timedStandardError(recording:)``)
/// and together they cover the run from the first message to ``stages(until:)``.
/// Thread-safe (a mutex around the list); timings go to standard error only, never into
/// reports, which stay byte-identical.
public final class StageTimings: Sendable {
    private let marks = Mutex<[Mark]>([])

    /// A stage's start: its message, the instant, and the process's CPU seconds and peak
    /// resident memory then (`nil` where unknown).
    struct Mark {
        var message: String
        var at: ContinuousClock.Instant
        var cpuSeconds: Double?
        var peakResidentBytes: Int?
    }

    public init() {}

    /// Opens the stage `message` at `instant`, when the process had used `cpuSeconds` of CPU
    /// (all threads) and reached `peakResidentBytes`; both read from the process by default.
    public func mark(_ message: String, at instant: ContinuousClock.Instant = .now,
                     cpuSeconds: Double? = ProcessCPU.seconds(), peakResidentBytes: Int? = PeakMemory.residentBytes()) {
        marks.withLock { $0.append(Mark(message: message, at: instant, cpuSeconds: cpuSeconds, peakResidentBytes: peakResidentBytes)) }
    }

    /// Every stage in order with its wall seconds: the time from its message to the next
    /// one, the last stage's up to `end`. O(stages).
    public func stages(until end: ContinuousClock.Instant = .now) -> [(stage: String, seconds: Double)] {
        let list = marks.withLock { $0 }
        return list.indices.map { k in
            let next = k + 1 < list.count ? list[k + 1].at : end
            return (list[k].message, Self.seconds(next - list[k].at))
        }
    }

    /// The stages as a plain-text table: seconds, share of the total, CPU seconds on all
    /// cores (more than the wall seconds where both cores worked), the peak resident memory
    /// at the stage's end, the stage; then the total and the process's peak resident memory.
    /// The CPU and memory columns appear where the marks carry them; `cpuSeconds` and
    /// `peakResidentBytes` are the values at `end`. Stages under 0.005 s are folded into one
    /// line so that the table stays readable. O(stages).
    public func table(until end: ContinuousClock.Instant = .now, cpuSeconds endCPU: Double? = ProcessCPU.seconds(),
                      peakResidentBytes: Int? = PeakMemory.residentBytes()) -> String {
        let list = marks.withLock { $0 }
        let all = stages(until: end)
        let total = all.reduce(0) { $0 + $1.seconds }
        let share = { (s: Double) in total > 0 ? 100 * s / total : 0 }
        func columns(_ seconds: Double, cpu: Double?, peak: Int?) -> String {
            var line = String(format: "%9.2f s %5.1f%%  ", seconds, share(seconds))
            if let cpu { line += String(format: "cpu %6.2f s  ", cpu) }
            if let peak { line += String(format: "peak %5.0f MiB  ", Double(peak) / 1_048_576) }
            return line
        }
        var out = "stage timings (wall clock; cpu: seconds on all cores; peak: resident memory at the stage's end):\n"
        var small = (count: 0, seconds: 0.0, cpu: Double?.some(0), peak: Int?.none)
        for (k, (stage, seconds)) in all.enumerated() {
            let next = k + 1 < list.count ? (list[k + 1].cpuSeconds, list[k + 1].peakResidentBytes) : (endCPU, peakResidentBytes)
            let cpu = next.0.flatMap { c in list[k].cpuSeconds.map { c - $0 } }
            guard seconds >= 0.005 else {
                small.count += 1
                small.seconds += seconds
                small.cpu = small.cpu.flatMap { s in cpu.map { s + $0 } }
                small.peak = next.1.map { max($0, small.peak ?? 0) }
                continue
            }
            out += columns(seconds, cpu: cpu, peak: next.1) + stage + "\n"
        }
        if small.count > 0 {
            out += columns(small.seconds, cpu: small.cpu, peak: small.peak) + "(\(small.count) stages under 0.005 s each)\n"
        }
        out += String(format: "%9.2f s 100.0%%  total", total)
        if let first = list.first?.cpuSeconds, let endCPU { out += String(format: " (cpu %.2f s)", endCPU - first) }
        if let peakResidentBytes { out += String(format: "; peak resident memory %.0f MiB", Double(peakResidentBytes) / 1_048_576) }
        return out + "\n"
    }

    static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }
}
