import Foundation

/// Stage 4: the site is written into a fresh folder beside the output and swapped in at
/// the end, so a reader (or a web server) never sees half a site and a failed build
/// leaves the old one as it was.
struct StagingFolder: Sendable {
    let output: URL
    let folder: URL
    let site: SiteFiles

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

    /// A new, empty staging folder next to `output` (same file system, so the swap is a rename).
    static func create(for output: URL, site: SiteFiles) throws -> StagingFolder {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-new-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return StagingFolder(output: output, folder: folder, site: site)
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
                try FileManager.default.copyItem(at: site.url(source), to: target)
            }
        }
    }

    /// A plain write: Foundation's `Data.write` also syncs each file to disk, which costs
    /// more than the rendering on a big site and buys nothing before the swap.
    private func writeText(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var text = text
        let written = text.withUTF8 { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 { return false }
                offset += result
            }
            return true
        }
        if !written { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// `mkdir -p` that tolerates another task creating the same folder at the same moment.
    private func makeFolders(for path: String) throws {
        var current = folder.path
        for component in path.split(separator: "/").dropLast() {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: current])
            }
        }
    }

    /// Puts the new site in place of the old one.
    func commit() throws {
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
        try? manager.removeItem(at: old)
    }

    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
