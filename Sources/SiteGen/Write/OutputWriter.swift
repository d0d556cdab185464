import Foundation

/// Stage 4: writes the site to a fresh folder beside the output, then swaps it in, so a
/// reader (or a web server) never sees half a site and a failed build leaves the old one.
enum OutputWriter {
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

    /// Writes every file, then swaps the new folder in for the old one.
    static func write(_ files: [OutputFile], to output: URL, site: SiteFiles) async throws {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-new-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        do {
            try createFolders(for: files, in: staging)
            let failures = await files.concurrentMap { file in writeFile(file, into: staging, site: site) }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            try swap(staging, into: output)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// Folders first, once each, so parallel writers never race to create the same one.
    private static func createFolders(for files: [OutputFile], in root: URL) throws {
        var folders = Set<String>()
        for file in files {
            guard let slash = file.path.lastIndex(of: "/") else { continue }
            folders.insert(String(file.path[..<slash]))
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    private struct WriteFailure: Error, CustomStringConvertible {
        var description: String
    }

    private static func writeFile(_ file: OutputFile, into root: URL, site: SiteFiles) -> WriteFailure? {
        let target = root.appendingPathComponent(file.path)
        do {
            switch file.contents {
            case .text(let text):
                try Data(text.utf8).write(to: target)
            case .copy(let source):
                try FileManager.default.copyItem(at: site.url(source), to: target)
            }
            return nil
        } catch {
            return WriteFailure(description: "cannot write \(file.path): \(error.localizedDescription)")
        }
    }

    private static func swap(_ staging: URL, into output: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            try manager.moveItem(at: staging, to: output)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).sitegen-old-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: old)
        try manager.moveItem(at: output, to: old)
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: old, to: output)
            throw error
        }
        try? manager.removeItem(at: old)
    }
}
