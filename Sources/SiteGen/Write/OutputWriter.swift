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
///
/// Only folders `OutputFolder` finds to be sitegen's are ever replaced or adopted, and only
/// files an `OutputManifest` lists are ever removed from them.
struct StagingFolder: Sendable {
    let output: URL
    let folder: URL
    let site: SiteFiles
    /// The output as messages name it: `public`, or its full path.
    let shown: String
    /// The files an earlier build left in `folder`, from its manifest: the only ones a commit removes.
    let previous: Set<String>
    /// True when the folder holds an earlier build, whose files are compared before being rewritten.
    let reused: Bool
    /// For `sitegen serve`: the output itself, written file by file, never swapped.
    var inPlace = false
    /// `folder.path`, asked once: Foundation made it anew for every file and folder written.
    private let root: String

    private init(output: URL, folder: URL, site: SiteFiles, shown: String, previous: Set<String>, reused: Bool, inPlace: Bool = false) {
        (self.output, self.folder, self.site, self.shown, self.previous, self.reused, self.inPlace) = (output, folder, site, shown, previous, reused, inPlace)
        root = folder.path
    }

    /// The staging folder next to `output` (same file system, so the swap is a rename): the
    /// spare from the last build if sitegen made it, else a new folder. The output itself is
    /// checked before (`OutputFolder`) and again before the swap.
    static func create(for output: URL, site: SiteFiles) throws -> StagingFolder {
        let shown = OutputFolder.displayPath(output, site: site.root)
        let working = WorkingFolders(output: output)
        do {
            try FileManager.default.createDirectory(at: working.parent, withIntermediateDirectories: true)
        } catch {
            throw FileError(error, path: working.parent.path, "cannot create the folder to write the site in")
        }
        working.clearStale()
        let folder = working.staging
        if let spare = OutputManifest.read(in: working.spare.path), rename(working.spare.path, folder.path) == 0 {
            return StagingFolder(output: output, folder: folder, site: site, shown: shown, previous: spare.files, reused: true)
        }
        // A new folder, never one found there: what is in a folder sitegen did not make is not its to delete.
        guard mkdir(folder.path, 0o755) == 0 else {
            throw FileAccessError(code: errno).at(folder.path, "cannot create sitegen's staging folder")
        }
        let staging = StagingFolder(output: output, folder: folder, site: site, shown: shown, previous: [], reused: false)
        // Marked at once, so a build that is killed leaves a folder the next build knows to remove.
        try staging.writeManifest([])
        return staging
    }

    /// Writes into `output` itself, as `OutputFolder` found it. `previous` is what the last
    /// build's memo says is there; an empty one (the first build, or after a failure) means
    /// the manifest on disk says it.
    static func inPlace(_ output: URL, site: SiteFiles, state: OutputFolder.State, previous: RenderMemo) throws -> StagingFolder {
        let shown = OutputFolder.displayPath(output, site: site.root)
        func staging(_ files: Set<String>) -> StagingFolder {
            StagingFolder(output: output, folder: output, site: site, shown: shown, previous: files, reused: true, inPlace: true)
        }
        switch state {
        case .owned(let manifest):
            return staging(previous.isFilled ? Set(previous.files.keys) : manifest.files)
        case .absent, .empty:
            do {
                try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            } catch {
                throw FileError(error, path: shown, "cannot create this folder")
            }
            try staging([]).writeManifest([])
            return staging([])
        }
    }

    /// Writes files; safe to call from several tasks at once for different files. Gives each
    /// file's version as the write left it (nil when written in place, where no manifest
    /// lists them), so the build's manifest need not walk the output again for it.
    func write(_ files: [OutputFile]) throws -> [(path: String, version: FileVersion?)] {
        try files.map { file in
            try makeFolders(for: file.path)
            let target = root + "/" + file.path
            switch file.contents {
            case .text(let text):
                return (file.path, try writeText(text, to: target, as: file.path))
            case .bytes(let bytes):
                return (file.path, try writeBytes(bytes, to: target, as: file.path))
            case .copy(let source):
                let bytes: [UInt8]
                switch site.contents(of: source) {
                case .success(let read): bytes = read
                case .failure(let error): throw error.at(source, "cannot copy this file into the site")
                }
                return (file.path, try writeBytes(bytes, to: target, as: file.path))
            }
        }
    }

    private func writeText(_ text: String, to path: String, as name: String) throws -> FileVersion? {
        try text.withUTF8Bytes { try writeBytes($0, to: path, as: name) }
    }

    /// Writes unless the file already holds exactly these bytes. A plain write: Foundation's
    /// `Data.write` also syncs each file to disk, which buys nothing before the swap.
    /// `O_NOFOLLOW`: a link planted where a page goes is an error, never a way out of the folder.
    private func writeBytes(_ bytes: some Collection<UInt8>, to path: String, as name: String) throws -> FileVersion? {
        if inPlace {
            try replace(path, with: Array(bytes), as: name)
            return nil
        }
        // In a new folder a file is new (`O_TRUNC` then costs nothing, and keeps a path written
        // twice whole); in a reused one it is compared first and cut to length after.
        var descriptor = open(path, reused ? O_RDWR | O_CREAT | O_NOFOLLOW : O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o644)
        if descriptor < 0, errno == EISDIR, reused {
            // The last build had a folder where this build writes a file; the staging folder is sitegen's.
            try? FileManager.default.removeItem(atPath: path)
            descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW, 0o644)
        }
        guard descriptor >= 0 else { throw failure(at: name) }
        defer { close(descriptor) }
        let contents = Array(bytes)
        var info = stat()
        // Only a reused folder's files are asked their size first.
        if reused {
            guard fstat(descriptor, &info) == 0 else { throw failure(at: name) }
            if Self.holds(descriptor, contents, size: Int(info.st_size)) { return FileVersion(info) }
        }
        // Written over, then cut to length, never cut to nothing first: ext4 flushes a file that
        // was truncated to zero when it is closed (its safeguard for rewrites without a sync),
        // which made every page of a fresh build wait for the disk.
        guard Self.writeAll(descriptor, contents),
              Int(info.st_size) <= contents.count || ftruncate(descriptor, off_t(contents.count)) == 0,
              fstat(descriptor, &info) == 0 else { throw failure(at: name) }
        return FileVersion(info)
    }

    /// A served folder is read while it is written: a new file is written beside the old one
    /// and renamed over it, so a request gets one or the other, never half of one.
    /// Files reach it only when their key changed, so they are not compared first.
    private func replace(_ path: String, with contents: [UInt8], as name: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            try? FileManager.default.removeItem(atPath: path)
        }
        let temporary = path + ".sitegen-tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw failure(at: name) }
        let written = Self.writeAll(descriptor, contents)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            let error = failure(at: name)
            unlink(temporary)
            throw error
        }
    }

    /// The error of the call that just failed, naming the file as it will be in the output.
    private func failure(at name: String, _ doing: String = "cannot write this file") -> FileError {
        FileAccessError(code: errno).at(name.isEmpty ? shown : shown + "/" + name, doing)
    }

    private static func holds(_ descriptor: Int32, _ contents: [UInt8], size: Int) -> Bool {
        guard size == contents.count else { return false }
        var existing = [UInt8](repeating: 0, count: contents.count)
        let count = existing.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, contents.count, 0) }
        return count == contents.count && existing == contents
    }

    static func writeAll(_ descriptor: Int32, _ contents: [UInt8]) -> Bool {
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

    /// `mkdir -p` that tolerates another task creating the same folder at the same moment,
    /// and never descends through a link that was there before this build (in a new staging
    /// folder every folder is made and checked by this function).
    private func makeFolders(for path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        // In a new staging folder every folder is this build's own, made and checked by this
        // function: the file's own folder, new for most pages (`artikler/<slug>/`), is made in
        // one call. One that is there already, or a missing parent, goes the careful way.
        if !reused, mkdir(root + "/" + path[..<slash], 0o755) == 0 { return }
        var relative = ""
        for component in path.split(separator: "/").dropLast() {
            relative += (relative.isEmpty ? "" : "/") + component
            let current = root + "/" + relative
            if mkdir(current, 0o755) == 0 { continue }
            guard errno == EEXIST else { throw failure(at: relative, "cannot create this folder") }
            switch FolderWalk.kind(of: current) {
            case .folder?: continue
            case .link?: throw FileAccessError(code: ELOOP).at(shown + "/" + relative, "cannot write into this folder")
            default:
                // The last build wrote a file where this build needs a folder.
                guard reused, unlink(current) == 0 || errno == ENOENT, mkdir(current, 0o755) == 0 || errno == EEXIST else {
                    throw failure(at: relative, "cannot create this folder")
                }
            }
        }
    }

    /// Removes what the last build wrote and this one did not, then puts the new site in
    /// place of the old one, which becomes the spare for the next build.
    /// `listing`: the text of `OutputManifest(files: written)` when it was made beforehand (a
    /// plain build makes it while the links are checked); made here, if needed, when nil.
    func commit(keeping written: Set<String>, listing: String? = nil) throws {
        for path in previous.subtracting(written).sorted() { OutputManifest.remove(path, from: root) }
        if inPlace {
            if written != previous { try writeManifest(written, listing: listing) }
            return
        }
        try writeManifest(written, listing: listing)
        // The output may have been replaced while the site was rendered: look again just before
        // it moves. (A file added to it meanwhile is never deleted: only listed files are.)
        let state = try OutputFolder.inspect(output, site: site.root, deep: false).get()
        if state == .empty, rmdir(output.path) != 0 { throw failure(at: "", "cannot replace this empty folder") }
        let working = WorkingFolders(output: output)
        guard case .owned = state else {
            guard rename(folder.path, output.path) == 0 else { throw failure(at: "", "cannot put the site in place") }
            return
        }
        guard rename(output.path, working.old.path) == 0 else { throw failure(at: "", "cannot move the old site aside") }
        guard rename(folder.path, output.path) == 0 else {
            let error = failure(at: "", "cannot put the site in place")
            _ = rename(working.old.path, output.path)
            throw error
        }
        // The old site becomes the next staging folder; a spare in the way that sitegen did
        // not make stays where it is, and the old site goes, file by listed file.
        if rename(working.old.path, working.spare.path) != 0, case .owned(let manifest) = state {
            manifest.removeListed(from: working.old.path)
        }
    }

    private func writeManifest(_ files: Set<String>, listing: String? = nil) throws {
        do {
            try OutputManifest.write(listing ?? OutputManifest(files: files).text, into: folder.path)
        } catch {
            throw error.at(shown + "/" + OutputManifest.fileName, "cannot write sitegen's list of the files it wrote")
        }
    }

    /// A failed build: the staging folder goes. A served folder stays, and its manifest now
    /// also lists what this build wrote into it, so the next build may remove those files.
    func discard() {
        guard inPlace else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        var present = previous
        FolderWalk.walk(folder.path) { path, kind in
            if kind == .file, path != OutputManifest.fileName { present.insert(path) }
            return kind == .folder
        }
        try? writeManifest(present)
    }
}

extension StagingFolder {
    /// Why writing failed, naming the file: the page or file in the output (not in the hidden
    /// staging folder), or the content file that could not be copied.
    static func failure(_ error: any Error, output: URL, site: URL) -> BuildFailure {
        switch error {
        case let failure as BuildFailure: failure
        case let error as FileError: BuildFailure([.error(SourceLocation(path: error.path), error.reason)])
        default: BuildFailure([.error(SourceLocation(path: OutputFolder.displayPath(output, site: site)), "cannot write the site: \(error)")])
        }
    }
}
