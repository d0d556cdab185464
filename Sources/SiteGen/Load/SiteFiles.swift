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

    /// Every regular file below `folder`, sorted, skipping hidden files and editors' backups.
    public func files(under folder: String) -> [String] {
        let base = url(folder)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let prefix = base.standardizedFileURL.path.count + 1
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = file.lastPathComponent
            guard !name.hasSuffix("~"), !name.hasSuffix(".swp"), !name.hasPrefix("#") else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(prefix))
            paths.append(folder + "/" + relative)
        }
        return paths.sorted()
    }
}
