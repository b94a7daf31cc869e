import Foundation
import Synchronization

/// The wall time of every stage of a run, for `report --timings` and `batch --timings`.
/// Each progress message opens a stage that lasts until the next message, so the stages
/// are exactly the lines a timed log prints (``ProgressLog/timedStandardError(recording:)``)
/// and together they cover the run from the first message to ``stages(until:)``.
/// Thread-safe (a mutex around the list); timings go to standard error only, never into
/// reports, which stay byte-identical.
public final class StageTimings: Sendable {
    private let marks = Mutex<[(message: String, at: ContinuousClock.Instant)]>([])

    public init() {}

    /// Opens the stage `message` at `instant`.
    public func mark(_ message: String, at instant: ContinuousClock.Instant = .now) {
        marks.withLock { $0.append((message, instant)) }
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

    /// The stages as a plain-text table: seconds, share of the total, stage; then the
    /// total and, where known, the process's peak resident memory. Stages under 0.005 s
    /// are folded into one line so that the table stays readable.
    public func table(until end: ContinuousClock.Instant = .now, peakResidentBytes: Int? = PeakMemory.residentBytes()) -> String {
        let all = stages(until: end)
        let total = all.reduce(0) { $0 + $1.seconds }
        let share = { (s: Double) in total > 0 ? 100 * s / total : 0 }
        var out = "stage timings (wall clock):\n"
        var small = (count: 0, seconds: 0.0)
        for (stage, seconds) in all {
            guard seconds >= 0.005 else { small = (small.count + 1, small.seconds + seconds); continue }
            out += String(format: "%9.2f s %5.1f%%  ", seconds, share(seconds)) + stage + "\n"
        }
        if small.count > 0 {
            out += String(format: "%9.2f s %5.1f%%  ", small.seconds, share(small.seconds)) + "(\(small.count) stages under 0.005 s each)\n"
        }
        out += String(format: "%9.2f s 100.0%%  total", total)
        if let peakResidentBytes { out += String(format: "; peak resident memory %.0f MiB", Double(peakResidentBytes) / 1_048_576) }
        return out + "\n"
    }

    static func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }
}
