import Bibliometrics
import Foundation
import NetworkCore

/// The files an `import` reads, from the paths the user gave: a file as given, a folder as
/// the regular files directly inside it (a search exported in several files, as Web of
/// Science exports 500 or 1,000 records per file).
///
/// A folder's files are taken in byte order of their names (deterministic whatever the
/// file system lists first); hidden files (name starting with `.`) and sub-folders are not
/// read. With format detection (`format == nil`) a folder's file whose format cannot be
/// detected — a README, a PROVENANCE.md beside the export — is left out and named in
/// ``skipped``; a file named on the command line is never left out (its error stops the
/// import, as before). O(files · detection prefix).
struct ImportInputs {
    /// The files to read, in order.
    var files: [String] = []
    /// The format detected for each file of ``files`` that was detected here (a folder's
    /// file, with detection on); `nil` for a file named on the command line.
    var detected: [ImportFormat?] = []
    /// Files of a folder left out, with the reason.
    var skipped: [(path: String, reason: String)] = []

    /// - Throws: ``NetworkCore/InputError`` for a path that does not exist, a folder that
    ///   cannot be listed, or a folder with no importable file.
    init(paths: [String], detect: Bool) throws {
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw InputError(file: path, message: "no such file")
            }
            guard isFolder.boolValue else { files.append(path); detected.append(nil); continue }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw InputError(file: path, message: "cannot list the folder: \(error.localizedDescription)")
            }
            let before = files.count
            for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where !name.hasPrefix(".") {
                let file = (path as NSString).appendingPathComponent(name)
                var isSubfolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: file, isDirectory: &isSubfolder), !isSubfolder.boolValue else { continue }
                var format: ImportFormat?
                if detect {
                    do {
                        format = try FormatDetector.detect(path: file)
                    } catch {
                        skipped.append((file, "not a recognised bibliographic export"))
                        continue
                    }
                }
                files.append(file)
                detected.append(format)
            }
            if files.count == before {
                throw InputError(file: path, message: "the folder holds no bibliographic export to import")
            }
        }
    }
}
