import Foundation

/// The file sitegen writes into every folder it builds into: it marks the folder as
/// sitegen's, and lists the files the build wrote. sitegen replaces only a folder that holds
/// it and deletes only the files it lists, so a mistyped `--output` can never cost a file.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = ".sitegen-output"
    /// The first line; a file that does not start with it is not sitegen's.
    static let header = "sitegen output: sitegen made this folder and replaces it on every build. The files it wrote:"

    /// Paths relative to the folder, with `/`.
    public var files: Set<String>

    public init(files: Set<String>) {
        self.files = files
    }

    /// The manifest of `folder` when the folder is a real folder (not a link) holding one.
    static func read(in folder: String) -> OutputManifest? {
        guard FolderWalk.kind(of: folder) == .folder, FolderWalk.kind(of: folder + "/" + fileName) == .file,
              let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header else { return nil }
        return OutputManifest(files: Set(lines.dropFirst().filter { !$0.isEmpty }.map { ManifestLine.unescape($0) }))
    }

    /// The manifest's text: the header, then the files, sorted.
    var text: String {
        ([Self.header] + files.sorted().map(ManifestLine.escape)).joined(separator: "\n") + "\n"
    }

    /// Writes a manifest's `text` beside the files, replacing the old one in one step.
    static func write(_ text: String, into folder: String) throws(FileAccessError) {
        let path = folder + "/" + Self.fileName
        let temporary = path + ".sitegen-tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileAccessError(code: errno) }
        let written = StagingFolder.writeAll(descriptor, Array(text.utf8))
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            let failure = FileAccessError(code: errno)
            unlink(temporary)
            throw failure
        }
    }

    /// Removes the listed files of `folder`, the folders they leave empty and, when nothing
    /// else is left, the folder: for a former output, where someone may have put a file of
    /// their own since the check.
    func removeListed(from folder: String) {
        for path in files.sorted() { Self.remove(path, from: folder) }
        unlink(folder + "/" + Self.fileName)
        rmdir(folder)
    }

    /// Removes a listed file and the folders it leaves empty (`tidslinje/old-id/`). `unlink`:
    /// a listed path that is now a folder is not sitegen's to remove.
    static func remove(_ path: String, from folder: String) {
        unlink(folder + "/" + path)
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty, rmdir(folder + "/" + parts.joined(separator: "/")) == 0 {
            parts = parts.dropLast()
        }
    }
}
