import Foundation

/// Runs one target on one input: writes the input to a per-process scratch file, calls
/// the reader, and checks any error it throws (``ErrorOracle``).
struct FuzzHarness: Sendable {
    let target: FuzzTarget
    let scratch: String

    init(target: FuzzTarget) {
        self.target = target
        let base = ProcessInfo.processInfo.environment["SILOSCOPE_FUZZ_SCRATCH"] ?? NSTemporaryDirectory()
        scratch = (base as NSString).appendingPathComponent("siloscope-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    var inputPath: String { scratch + "/input." + target.fileExtension }

    func run(_ data: Data) {
        let path = inputPath
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            FileHandle.standardError.write(Data("SiloscopeFuzz: cannot write \(path)\n".utf8))
            exit(2)
        }
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = write(fd, base + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        close(fd)
        do {
            try target.body(path, data)
        } catch {
            ErrorOracle.check(error, target: target.name)
        }
    }

    /// Removes the scratch folder (replay mode; a fuzzing process is killed, so
    /// `scripts/fuzz` removes its scratch base instead).
    func cleanUp() { try? FileManager.default.removeItem(atPath: scratch) }
}
