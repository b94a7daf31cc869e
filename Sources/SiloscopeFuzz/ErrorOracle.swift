import Foundation
import NetworkCore

/// The containment rules every error message must keep (issue 14): no control
/// characters (binary input is never echoed) and a bounded length (input is quoted at
/// most ~200 characters at a time). A violation is reported as a finding by aborting.
enum ErrorOracle {
    /// Longest message accepted: a few quotes of ≤ 200 characters plus the fixed text.
    static let maximumLength = InputError.maximumMessageLength + 400

    static func check(_ error: any Error, target: String) {
        let text = String(describing: error)
        var bad: String?
        if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }) {
            bad = "a control character"
        } else if text.count > maximumLength {
            bad = "\(text.count) characters (limit \(maximumLength))"
        }
        if let bad {
            let prefix = String(text.unicodeScalars.prefix(300).map { $0.value < 0x20 ? "?" : Character($0) })
            FileHandle.standardError.write(Data("SiloscopeFuzz[\(target)]: error message holds \(bad): \(prefix)\n".utf8))
            abort()
        }
    }
}
