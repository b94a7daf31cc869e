import Foundation

extension ProgressLog {
    /// Prints `siloscope: [   t s] <message>` to standard error, `t` the seconds since this
    /// log was made, so the time a stage took is the difference to the next line; with
    /// `timings`, also records every message there as the start of a stage
    /// (``StageTimings``). Timings go to standard error only: reports and JSON stay
    /// byte-identical.
    public static func timedStandardError(recording timings: StageTimings? = nil) -> ProgressLog {
        let start = ContinuousClock.now
        return ProgressLog { message in
            let now = ContinuousClock.now
            timings?.mark(message, at: now)
            let stamp = String(format: "%7.2f", StageTimings.seconds(now - start))
            FileHandle.standardError.write(Data(("siloscope: [\(stamp) s] " + message + "\n").utf8))
        }
    }
}
