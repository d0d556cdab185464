import Foundation
import SiteGen
import Testing

/// A whole small site written inline as one string, the way Hugo's integration tests write
/// theirs: each file starts with a line `-- path --` and runs to the next such line.
/// Text before the first marker is a comment. Each file keeps its lines as written and ends
/// with a newline.
///
///     -- site.yaml --
///     title: Test
///     baseURL: https://example.org/
///     -- content/index.md --
///     ---
///     title: Forside
///     ---
///     Tekst.
public enum TxtArchive {
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: String

        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    public static func parse(_ archive: String) -> [File] {
        var files: [File] = []
        var current: (path: String, lines: [Substring])?
        func finish() {
            guard let current else { return }
            files.append(File(path: current.path, contents: current.lines.map { $0 + "\n" }.joined()))
        }
        for line in archive.split(separator: "\n", omittingEmptySubsequences: false) {
            if let path = markerPath(line) {
                finish()
                current = (path, [])
            } else {
                current?.lines.append(line)
            }
        }
        // A Swift multi-line literal has no newline after its last line; an archive that
        // ends with "\n" would otherwise give its last file an extra empty line.
        if archive.hasSuffix("\n"), current?.lines.last == "" { current?.lines.removeLast() }
        finish()
        return files
    }

    private static func markerPath(_ line: Substring) -> String? {
        guard line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 else { return nil }
        let path = line.dropFirst(3).dropLast(3).trimmingCharacters(in: .whitespaces)
        return path.isEmpty ? nil : path
    }
}

/// A site in a fresh temporary folder, removed again when the value goes away.
///
/// The site lives in `folder/site`; builds write to `folder/public` unless told otherwise,
/// so the output never lies inside the site.
public final class TestSite: Sendable {
    public enum Templates: Sendable {
        /// The repository's `Templates/`, unless the site's own files include any under
        /// `Templates/`, in which case those are the only templates.
        case automatic
        /// The repository's `Templates/` with the site's own `Templates/` files written over them.
        case repositoryOverlaid
    }

    /// The temporary folder holding everything; deleted on deinit.
    public let folder: URL
    /// The site folder (site.yaml, content/, Templates/).
    public let source: URL
    /// Where `build` writes by default.
    public let output: URL

    /// Creates the site from files given as bytes, relative to the site folder.
    public init(files: [(path: String, bytes: Data)], templates: Templates = .automatic) throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory
            .appendingPathComponent("sitegen-test-\(UUID().uuidString)", isDirectory: true)
            .standardizedFileURL
        source = folder.appendingPathComponent("site", isDirectory: true)
        output = folder.appendingPathComponent("public", isDirectory: true)
        try manager.createDirectory(at: source, withIntermediateDirectories: true)
        let suppliesTemplates = files.contains { $0.path.hasPrefix("Templates/") }
        if templates == .repositoryOverlaid || !suppliesTemplates {
            try manager.copyItem(at: RepositoryPaths.templates, to: source.appendingPathComponent("Templates"))
        }
        for file in files {
            try write(file.path, data: file.bytes)
        }
    }

    /// Creates the site from an inline archive (see `TxtArchive`).
    public convenience init(_ archive: String, templates: Templates = .automatic) throws {
        try self.init(files: TxtArchive.parse(archive).map { ($0.path, Data($0.contents.utf8)) }, templates: templates)
    }

    /// Creates the site from a folder on disk, e.g. a fixture, leaving out the named top-level
    /// files (such as `expected.txt`).
    public convenience init(copying directory: URL, excluding excluded: Set<String> = [], templates: Templates = .repositoryOverlaid) throws {
        let files = try FileTree.files(under: directory)
            .filter { !excluded.contains($0) }
            .map { (path: $0, bytes: try Data(contentsOf: directory.appendingPathComponent($0))) }
        try self.init(files: files, templates: templates)
    }

    /// The example site of the repository: its site.yaml, content/ and Templates/.
    public static func exampleSite() throws -> TestSite {
        let site = try TestSite(files: [], templates: .automatic)
        let manager = FileManager.default
        try manager.copyItem(at: RepositoryPaths.root.appendingPathComponent("site.yaml"), to: site.source.appendingPathComponent("site.yaml"))
        try manager.copyItem(at: RepositoryPaths.root.appendingPathComponent("content"), to: site.source.appendingPathComponent("content"))
        return site
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Changing the site

    public func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    public func write(_ path: String, bytes: [UInt8]) throws {
        try write(path, data: Data(bytes))
    }

    public func write(_ path: String, data: Data) throws {
        let url = source.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: source.appendingPathComponent(path))
    }

    // MARK: Building

    /// `allowsBrokenLinks`: as `sitegen serve` builds (`--allow-broken-links`).
    public func options(baseURL: String? = nil, drafts: Bool = false, strict: Bool = false, output: URL? = nil,
                        allowsBrokenLinks: Bool = false) -> BuildOptions {
        var options = BuildOptions(source: source, output: output ?? self.output, baseURL: baseURL, includeDrafts: drafts, strict: strict)
        options.allowsBrokenLinks = allowsBrokenLinks
        return options
    }

    /// Builds the site; a failure throws the `BuildFailure`, whose description lists every diagnostic.
    @discardableResult
    public func build(baseURL: String? = nil, drafts: Bool = false, strict: Bool = false, output: URL? = nil,
                      allowsBrokenLinks: Bool = false) async throws(BuildFailure) -> BuildSummary {
        try await SiteBuilder.build(options(baseURL: baseURL, drafts: drafts, strict: strict, output: output, allowsBrokenLinks: allowsBrokenLinks))
    }

    public func buildResult(baseURL: String? = nil, drafts: Bool = false, strict: Bool = false, output: URL? = nil) async -> Result<BuildSummary, BuildFailure> {
        do {
            return .success(try await build(baseURL: baseURL, drafts: drafts, strict: strict, output: output))
        } catch {
            return .failure(error)
        }
    }

    /// Builds a site that must fail and gives back its diagnostics as users see them,
    /// `path:line:col: error: message`, in the order `BuildFailure` sorts them.
    /// Records an issue (and returns nil) when the build succeeds.
    public func buildFailure(baseURL: String? = nil, drafts: Bool = false, strict: Bool = false, output: URL? = nil,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> [String]? {
        switch await buildResult(baseURL: baseURL, drafts: drafts, strict: strict, output: output) {
        case .success(let summary):
            Issue.record("the build succeeded (\(summary.pages) pages) but should have failed", sourceLocation: sourceLocation)
            return nil
        case .failure(let failure):
            return failure.diagnostics.map(\.description)
        }
    }

    // MARK: Reading the output

    /// The text of an output file; a path ending in `/` (a page URL) reads its `index.html`.
    public func outputText(_ path: String, in folder: URL? = nil) throws -> String {
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        return try String(contentsOf: (folder ?? output).appendingPathComponent(file), encoding: .utf8)
    }

    public func outputExists(_ path: String, in folder: URL? = nil) -> Bool {
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        return FileManager.default.fileExists(atPath: (folder ?? output).appendingPathComponent(file).path)
    }

    /// Every file of the output, relative and sorted.
    public func outputFiles(in folder: URL? = nil) throws -> [String] {
        try FileTree.files(under: folder ?? output)
    }
}

/// Reading whole folders, for comparing outputs.
public enum FileTree {
    /// Every regular file below `directory` (hidden ones too), relative with `/`, sorted.
    public static func files(under directory: URL) throws -> [String] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        var paths: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(prefix) else { continue }
            paths.append(String(path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }

    /// Every file's bytes by relative path.
    public static func contents(of directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try files(under: directory) {
            result[path] = try Data(contentsOf: directory.appendingPathComponent(path))
        }
        return result
    }
}
