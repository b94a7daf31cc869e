import Foundation

/// Writes result bytes to standard output (results go to stdout, progress to stderr).
enum StandardOutput {
    static func write(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func write(_ text: String) {
        write(Array(text.utf8))
    }
}
