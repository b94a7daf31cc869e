import Foundation
import NetworkCore

/// The dataset folder named by `--out` (`import`): created when missing, refused with a plain
/// message when the path is a file or cannot be created.
enum DatasetFolderArgument {
    /// Creates `path` (and its parents) unless it is already a folder. Throws an
    /// ``InputError`` naming `--out` when `path` exists as something else than a folder, or when
    /// the folder cannot be created (permissions, a parent that is a file).
    static func prepare(_ path: String, option: String = "--out") throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw InputError(file: path, field: option, message: "exists and is not a folder: give the path of a dataset folder (new or existing)")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(file: path, field: option, message: "cannot create the dataset folder (\(error.localizedDescription))")
        }
    }
}
