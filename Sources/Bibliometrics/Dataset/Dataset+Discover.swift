import Foundation
import NetworkCore

extension Dataset {
    /// The dataset folders directly inside `directory` (those holding a `dataset.yml`),
    /// as paths `directory/name`, sorted by name (Unicode scalar order, so the order is
    /// the same on every machine). Hidden folders are skipped.
    ///
    /// Throws ``InputError`` when `directory` does not exist or is not a folder.
    public static func discover(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw InputError(file: directory, message: "folder not found")
        }
        guard isDirectory.boolValue else {
            throw InputError(file: directory, message: "is not a folder of datasets")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(file: directory, message: "cannot be listed (\(error.localizedDescription))")
        }
        return names
            .filter { !$0.hasPrefix(".") }
            .filter { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0) + "/dataset.yml") }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}
