import Foundation

/// Reading the site folder from disk. Paths handed out are relative to the site folder
/// and use `/`, so diagnostics and output never depend on where the site lives.
public struct SiteFiles: Sendable {
    public let root: URL
    private let rootPath: String
    let access: FileAccess

    public init(root: URL, access: FileAccess = .disk) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
        self.access = access
    }

    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    /// The file system path of a site file. Plain string joining: `URL` is slow enough to
    /// show when a rebuild asks for ten thousand paths.
    public func path(_ relativePath: String) -> String {
        rootPath + "/" + relativePath
    }

    public func read(_ relativePath: String) -> [UInt8]? {
        try? contents(of: relativePath).get()
    }

    /// A file's bytes, or why they cannot be read.
    public func contents(of relativePath: String) -> Result<[UInt8], FileAccessError> {
        access.read(path(relativePath))
    }

    /// The text of a file as the build saw it (for showing lines around a problem).
    public func text(_ relativePath: String) -> String? {
        read(relativePath).flatMap { try? SourceText.decode($0, path: relativePath).get() }
    }

    /// The text of every file the diagnostics name, by path, to show the lines around each problem.
    public func texts(namedIn diagnostics: [Diagnostic]) -> [String: String] {
        var texts: [String: String] = [:]
        for path in Set(diagnostics.map(\.location.path)) { texts[path] = text(path) }
        return texts
    }

    /// Every file below `folder`, sorted, skipping hidden files and editors' backups.
    public func files(under folder: String) -> [String] {
        listing(under: folder).files
    }

    /// The files below `folder`, and an error for everything that had to be left out, so no
    /// page goes missing without a word: folders that cannot be read, names that are not
    /// UTF-8, and links the build does not follow (`LinkRule`).
    public func listing(under folder: String) -> (files: [String], problems: [Diagnostic]) {
        var paths: [String] = []
        var problems: [Diagnostic] = []
        let links = LinkRule(root: rootPath)
        if FolderWalk.kind(of: path(folder)) == .link, let problem = links.problem(path(folder)) {
            return ([], [.error(SourceLocation(path: folder), problem)])
        }
        let walkProblems = FolderWalk.walk(path(folder), list: access.list) { path, kind in
            let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
            if name.hasPrefix(".") { return false }
            if kind == .folder { return true }
            guard !name.hasSuffix("~"), !name.hasSuffix(".swp"), !name.hasPrefix("#") else { return false }
            if kind == .link, let problem = links.problem(self.path(folder + "/" + path)) {
                problems.append(.error(SourceLocation(path: folder + "/" + path), problem))
            } else {
                paths.append(folder + "/" + path)
            }
            return false
        }
        for problem in walkProblems {
            switch problem {
            case .unreadable(let path, let reason):
                let shown = path.isEmpty ? folder : folder + "/" + path
                problems.append(.error(SourceLocation(path: shown),
                    "cannot read this folder (\(reason)), so its files would be missing from the site; make it readable (chmod -R a+rX \(shown))"))
            case .nameNotUTF8(let path):
                problems.append(.error(SourceLocation(path: folder + "/" + path),
                    "this name is not UTF-8 (the odd bytes are shown as \\xNN), so sitegen cannot make an address from it; rename it"))
            }
        }
        return (paths.sorted(), problems)
    }
}

/// Which links the build follows: only links to files inside the site folder. A link out of
/// the site would publish whatever it points at (`/etc/passwd`); a link to a folder can loop.
struct LinkRule {
    /// The site folder with its own links resolved, as a link's target is.
    let root: String

    init(root: String) {
        self.root = Self.resolved(root) ?? root
    }

    /// Why the link at `path` is not followed, or nil when it leads to a file in the site.
    func problem(_ path: String) -> String? {
        guard let target = Self.resolved(path) else {
            let code = errno
            if code == ELOOP { return "this link leads in a circle; replace it with the file it should point to" }
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            if code == ENOENT { return "this link points to \(destination), which does not exist; remove the link or restore the file" }
            return "cannot follow this link (\(FileAccessError(code: code).reason))"
        }
        guard target.hasPrefix(root + "/") else {
            return "this link points to \(target), outside the site folder; sitegen does not publish files from outside the site: copy the file into the site instead"
        }
        var info = stat()
        if stat(target, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return "this link points to a folder (\(target)); sitegen does not follow links to folders: move or copy the folder here instead"
        }
        return nil
    }

    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
