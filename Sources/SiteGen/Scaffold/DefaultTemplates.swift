import Foundation

/// sitegen's own templates, built into the program (from Templates/ by
/// scripts/embed-templates.py) so `sitegen init` works wherever sitegen is installed.
public enum DefaultTemplates {
    /// Writes every template below `folder` (the new site's Templates/).
    static func write(to folder: URL) throws {
        for file in files {
            let target = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: target)
        }
    }
}
