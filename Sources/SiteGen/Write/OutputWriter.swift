import Foundation

/// Stage 4: the site is written into a folder beside the output and swapped in at the end,
/// so a reader (or a web server) never sees half a site and a failed build leaves the old
/// one as it was.
///
/// The previous output is kept as a spare (`.public.sitegen-spare`) and becomes the next
/// build's staging folder: files are overwritten in place, unchanged ones not at all, and
/// what the new build does not produce is removed before the swap. Creating and deleting
/// tens of thousands of files on every build cost more than rendering them, and unchanged
/// files keep their dates, which keeps uploads with rsync small.
struct StagingFolder: Sendable {
    let output: URL
    let folder: URL
    let site: SiteFiles
    /// True when the folder holds a previous build, which must be pruned before the swap.
    let reused: Bool
    /// For `sitegen serve`: the output itself, written file by file, never swapped.
    var inPlace = false
    /// In place: the files the last build left, by path; nil when unknown.
    var previous: Set<String>? = nil

    /// Refuses outputs that would overwrite the editors' own work.
    static func check(output: URL, site: URL) -> Diagnostic? {
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let sitePath = site.standardizedFileURL.resolvingSymlinksInPath().path
        let location = SourceLocation(path: "site.yaml")
        if outputPath == sitePath || sitePath.hasPrefix(outputPath.hasSuffix("/") ? outputPath : outputPath + "/") {
            return .error(location, "refusing to write the site to \(output.path): it is the site folder or one of its parents; use a folder such as public/")
        }
        let sourceFolders = ["content", "Templates"].map { site.appendingPathComponent($0).standardizedFileURL.resolvingSymlinksInPath().path }
        if sourceFolders.contains(where: { $0 == outputPath || $0.hasPrefix(outputPath + "/") || outputPath.hasPrefix($0 + "/") }) {
            return .error(location, "refusing to write the site to \(output.path): it holds or lies inside the site's content or templates")
        }
        if FileManager.default.fileExists(atPath: output.appendingPathComponent("content").path)
            || FileManager.default.fileExists(atPath: output.appendingPathComponent("site.yaml").path) {
            return .error(location, "refusing to replace \(output.path): it holds a content/ folder or a site.yaml, so it looks like a site, not a build")
        }
        return nil
    }

    /// The staging folder next to `output` (same file system, so the swap is a rename): the
    /// spare from the last build if there is one, else a new empty folder.
    static func create(for output: URL, site: SiteFiles) throws -> StagingFolder {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-new-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: folder)
        let spare = spareFolder(for: output)
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: spare.path, isDirectory: &isFolder), isFolder.boolValue,
           (try? manager.moveItem(at: spare, to: folder)) != nil {
            return StagingFolder(output: output, folder: folder, site: site, reused: true)
        }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        return StagingFolder(output: output, folder: folder, site: site, reused: false)
    }

    /// Writes into `output` itself. `previous` is what the last build's memo says is there;
    /// an empty one (the first build) means the folder's contents are unknown.
    static func inPlace(_ output: URL, site: SiteFiles, previous: RenderMemo) throws -> StagingFolder {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        return StagingFolder(output: output, folder: output, site: site, reused: true, inPlace: true,
                             previous: previous.isFilled ? Set(previous.files.keys) : nil)
    }

    static func spareFolder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).sitegen-spare")
    }

    /// Writes files; safe to call from several tasks at once for different files.
    func write(_ files: [OutputFile]) throws {
        for file in files {
            let target = folder.appendingPathComponent(file.path)
            try makeFolders(for: file.path)
            switch file.contents {
            case .text(let text):
                try writeText(text, to: target.path)
            case .copy(let source):
                guard let bytes = site.read(source) else { throw WriteError(path: source, reason: "cannot read it") }
                try writeBytes(bytes, to: target.path)
            }
        }
    }

    private func writeText(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try writeBytes($0, to: path) }
    }

    /// Writes unless the file already holds exactly these bytes. A plain write: Foundation's
    /// `Data.write` also syncs each file to disk, which buys nothing before the swap.
    private func writeBytes(_ bytes: some Collection<UInt8>, to path: String) throws {
        if inPlace { return try replace(path, with: Array(bytes)) }
        var descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        if descriptor < 0, errno == EISDIR, reused {
            // The last build had a folder where this build writes a file.
            try FileManager.default.removeItem(atPath: path)
            descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let contents = Array(bytes)
        if reused, Self.holds(descriptor, contents) { return }
        guard ftruncate(descriptor, 0) == 0, Self.writeAll(descriptor, contents) else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// A served folder is read while it is written: a new file is written beside the old one
    /// and renamed over it, so a request gets one or the other, never half of one.
    /// Files reach it only when their key changed, so they are not compared first.
    private func replace(_ path: String, with contents: [UInt8]) throws {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            try FileManager.default.removeItem(atPath: path)
        }
        let temporary = path + ".sitegen-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        let written = Self.writeAll(descriptor, contents)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private static func holds(_ descriptor: Int32, _ contents: [UInt8]) -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == contents.count else { return false }
        var existing = [UInt8](repeating: 0, count: contents.count)
        let count = existing.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, contents.count, 0) }
        return count == contents.count && existing == contents
    }

    private static func writeAll(_ descriptor: Int32, _ contents: [UInt8]) -> Bool {
        contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = pwrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                if result < 0 { return false }
                offset += result
            }
            return true
        }
    }

    /// `mkdir -p` that tolerates another task creating the same folder at the same moment.
    private func makeFolders(for path: String) throws {
        var current = folder.path
        for component in path.split(separator: "/").dropLast() {
            current += "/" + component
            if mkdir(current, 0o755) == 0 { continue }
            guard errno == EEXIST else { throw WriteError(path: current, reason: String(cString: strerror(errno))) }
            var info = stat()
            if stat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { continue }
            // The last build wrote a file where this build needs a folder.
            guard reused, unlink(current) == 0 || errno == ENOENT, mkdir(current, 0o755) == 0 || errno == EEXIST else {
                throw WriteError(path: current, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Removes what the last build wrote and this one did not, then puts the new site in
    /// place of the old one, which becomes the spare for the next build.
    func commit(keeping written: Set<String>) throws {
        if inPlace, let previous {
            // The memo knows what is there: no need to walk tens of thousands of folders.
            for path in previous.subtracting(written).sorted() { removeWithEmptyFolders(path) }
            return
        }
        if reused { try prune(keeping: written) }
        if inPlace { return }
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: folder, to: output)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).sitegen-old-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: old)
        try manager.moveItem(at: output, to: old)
        do {
            try manager.moveItem(at: folder, to: output)
        } catch {
            try? manager.moveItem(at: old, to: output)
            throw error
        }
        let spare = Self.spareFolder(for: output)
        try? manager.removeItem(at: spare)
        if (try? manager.moveItem(at: old, to: spare)) == nil { try? manager.removeItem(at: old) }
    }

    /// A page that is gone leaves no empty folder behind (`tidslinje/old-id/`).
    private func removeWithEmptyFolders(_ path: String) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty, rmdir(folder.path + "/" + parts.joined(separator: "/")) == 0 {
            parts = parts.dropLast()
        }
    }

    /// Deletes every file and folder in the staging folder that is not one of `written`
    /// or a folder holding one of them.
    private func prune(keeping written: Set<String>) throws {
        var folders = Set<String>()
        for path in written {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        let manager = FileManager.default
        var doomed: [String] = []
        FolderWalk.walk(folder.path) { path, isFolder in
            if isFolder, folders.contains(path) { return true }
            if !isFolder, written.contains(path) { return false }
            doomed.append(path)
            return false
        }
        for path in doomed {
            try manager.removeItem(at: folder.appendingPathComponent(path))
        }
    }

    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    func discard() {
        guard !inPlace else { return }
        try? FileManager.default.removeItem(at: folder)
    }
}
