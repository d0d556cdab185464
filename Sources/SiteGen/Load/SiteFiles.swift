import Foundation

/// Reading the site folder from disk. Paths handed out are relative to the site folder
/// and use `/`, so diagnostics and output never depend on where the site lives.
public struct SiteFiles: Sendable {
    public let root: URL
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
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
        let descriptor = open(path(relativePath), O_RDONLY)
        guard descriptor >= 0 else { return .failure(FileAccessError(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(FileAccessError(code: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(FileAccessError(code: (info.st_mode & S_IFMT) == S_IFDIR ? EISDIR : EINVAL)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(FileAccessError(code: errno)) }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk.prefix(count))
        }
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
        var paths: [String] = []
        FolderWalk.walk(path(folder)) { path, kind in
            let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
            if name.hasPrefix(".") { return false }
            if kind != .folder, !name.hasSuffix("~"), !name.hasSuffix(".swp"), !name.hasPrefix("#") {
                paths.append(folder + "/" + path)
            }
            return true
        }
        return paths.sorted()
    }
}
