import Foundation

extension ProgressLog {
    /// Prints `siloscope: [   t s] <message>` to standard error, `t` the seconds since this
    /// log was made, so the time a stage took is the difference to the next line. Timings
    /// go to standard error only: reports and JSON stay byte-identical.
    public static func timedStandardError() -> ProgressLog {
        let start = ContinuousClock.now
        return ProgressLog { message in
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let stamp = String(format: "%7.2f", seconds)
            FileHandle.standardError.write(Data(("siloscope: [\(stamp) s] " + message + "\n").utf8))
        }
    }
}
