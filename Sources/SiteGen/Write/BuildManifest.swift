import Foundation

/// What a build read and wrote, kept beside the output (`.public.sitegen-manifest`): the
/// build's options and sitegen itself, every input file (site.yaml, Templates/, content/)
/// and every output file, each with its `FileVersion`. A build whose inputs and output are
/// exactly as the last one left them has nothing to do, and says so after a few thousand
/// `stat`s instead of rendering the site again. Any edit, added or removed file, other
/// option, other sitegen or touched output file makes a full build.
struct BuildManifest: Equatable {
    var inputs: [String]
    var outputs: [String]
    var pages: Int
    var warnings: [Diagnostic]

    static func url(for output: URL) -> URL {
        WorkingFolders(output: output).manifest
    }

    /// What a build with `options` reads besides the content, as it is now: its options,
    /// sitegen itself, site.yaml and every file in Templates/. Taken before anything is read,
    /// so an edit made while the site builds makes the next build build again.
    static func settings(of options: BuildOptions, files: SiteFiles) -> [String] {
        let lines = [
            "source\t\(files.root.path)",
            "baseURL\t\(options.baseURL ?? "")",
            "drafts\t\(options.includeDrafts)",
            "strict\t\(options.strict)",
            "brokenLinks\t\(options.allowsBrokenLinks)",
            "now\t\(options.now?.iso8601 ?? "")",
            "sitegen\t\(sitegenVersion.map(describe) ?? "")",
        ]
        return lines + (["site.yaml"] + files.files(under: "Templates")).map { inputLine($0, FileVersion(path: files.path($0))) }
    }

    /// sitegen's own binary as it is now: another build of it builds everything again. Through
    /// `/proc/self/exe` where there is one: `Bundle.main` first reads the whole folder the binary
    /// is in, thousands of files in `.build`, on every build.
    private static var sitegenVersion: FileVersion? {
        FileVersion(path: "/proc/self/exe") ?? Bundle.main.executablePath.flatMap { FileVersion(path: $0) }
    }

    /// Every file in content/ as it is now: a `stat` per file, in parallel (a large site has
    /// tens of thousands), for comparing with the last build's before anything is read.
    static func content(_ files: SiteFiles) async -> [String] {
        await files.files(under: "content").concurrentMap { path in inputLine(path, FileVersion(path: files.path(path))) }
    }

    /// The content files as the load found them, each `stat`ed just before it was read: what a
    /// build with no last manifest to compare lists, without asking every file a second time.
    static func content(_ versions: [(path: String, version: FileVersion?)]) -> [String] {
        versions.map { inputLine($0.path, $0.version) }
    }

    private static func inputLine(_ path: String, _ version: FileVersion?) -> String {
        "\(path)\t\(version.map(describe) ?? "")"
    }

    /// Every file in the output folder with its version, sorted; nil when there is no folder.
    static func outputs(in folder: URL) async -> [String]? {
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        var entries: [(path: String, kind: FolderWalk.Kind)] = []
        // Links and odd entries count too: any change to what is there means a real build.
        _ = FolderWalk.walk(folder.path) { path, kind in
            if kind != .folder { entries.append((path, kind)) }
            return kind == .folder
        }
        let root = folder.path
        return await entries.concurrentMap { outputLine($0.path, kind: $0.kind, FileVersion(path: root + "/" + $0.path)) }.sorted()
    }

    /// An output file as `outputs(in:)` lists it, for a build that records its files as it writes them.
    static func outputLine(_ path: String, kind: FolderWalk.Kind = .file, _ version: FileVersion?) -> String {
        "\(path)\t\(kind.name)\t\(version.map(describe) ?? "")"
    }

    private static func describe(_ version: FileVersion) -> String {
        "\(version.size)\t\(version.modified)\t\(version.changed)\t\(version.inode)"
    }

    // MARK: The file

    private static let header = "sitegen build manifest 1"

    static func read(from url: URL) -> BuildManifest? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        guard lines.popFirst() == header, let pages = lines.popFirst().flatMap({ Int($0) }) else { return nil }
        func section(_ name: String) -> [String]? {
            guard lines.popFirst() == "[\(name)]" else { return nil }
            let section = lines.prefix { !$0.hasPrefix("[") }
            lines = lines.dropFirst(section.count)
            return Array(section)
        }
        guard let inputs = section("inputs"), let outputs = section("outputs"), let warnings = section("warnings") else { return nil }
        return BuildManifest(inputs: inputs, outputs: outputs, pages: pages, warnings: warnings.compactMap(diagnostic))
    }

    /// As bytes, line by line: joining a list of the lines (one per input and output file, tens
    /// of thousands) into one text was the last thing a build did, on one core.
    func write(to url: URL) throws {
        let warningLines = warnings.map { warning in
            [warning.location.path, String(warning.location.line), String(warning.location.column), ManifestLine.escape(warning.message)].joined(separator: "\t")
        }
        let sections = [[Self.header, String(pages), "[inputs]"], inputs, ["[outputs]"], outputs, ["[warnings]"], warningLines]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sections.reduce(0) { total, lines in lines.reduce(total) { $0 + $1.utf8.count + 1 } })
        for lines in sections {
            for line in lines {
                if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
                bytes.append(contentsOf: line.utf8)
            }
        }
        try Data(bytes).write(to: url, options: .atomic)
    }

    private static func diagnostic(_ line: String) -> Diagnostic? {
        let parts = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let number = Int(parts[1]), let column = Int(parts[2]) else { return nil }
        return .warning(SourceLocation(path: parts[0], line: number, column: column), ManifestLine.unescape(parts[3]))
    }
}
