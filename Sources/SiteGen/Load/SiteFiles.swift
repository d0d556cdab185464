import Foundation

/// Reading the site folder from disk. Paths handed out are relative to the site folder
/// and use `/`, so diagnostics and output never depend on where the site lives.
public struct SiteFiles: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }

    public func read(_ relativePath: String) -> [UInt8]? {
        FileManager.default.contents(atPath: url(relativePath).path).map { [UInt8]($0) }
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
        FolderWalk.walk(url(folder).path) { path, isFolder in
            let name = path.split(separator: "/").last ?? ""
            if name.hasPrefix(".") { return false }
            if !isFolder, !name.hasSuffix("~"), !name.hasSuffix(".swp"), !name.hasPrefix("#") {
                paths.append(folder + "/" + path)
            }
            return true
        }
        return paths.sorted()
    }
}
