import Foundation

/// The one place that decides whether sitegen may replace a folder. sitegen builds into a
/// folder only when it does not exist, is empty, or is sitegen's own: it holds the
/// `OutputManifest` of the last build and nothing sitegen did not write. Anything else (a
/// folder of other files, a file, a link, the site itself) is refused before anything moves,
/// with a diagnostic that names it.
enum OutputFolder {
    enum State: Equatable {
        case absent
        case empty
        case owned(OutputManifest)
    }

    /// At most this many files sitegen did not write are named, so a home folder passed by
    /// mistake gives a screenful, not a thousand lines.
    static let namedStrangers = 10

    /// `deep` also walks an owned folder for files sitegen did not write (which a build would
    /// lose when it replaces the folder); a rebuild of `sitegen serve`'s private folder skips it.
    static func inspect(_ output: URL, site: URL, deep: Bool = true) -> Result<State, BuildFailure> {
        let path = output.standardizedFileURL.path
        let shown = displayPath(output, site: site)
        func refuse(_ reason: String) -> Result<State, BuildFailure> {
            .failure(BuildFailure([.error(SourceLocation(path: shown), "refusing to write the site to \(path): \(reason)")]))
        }
        if let reason = overlap(output, site: site) { return refuse(reason) }
        switch FolderWalk.kind(of: path) {
        case nil:
            return .success(.absent)
        case .link?:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return refuse("it is a symbolic link (to \(target)), and sitegen never writes through links; give --output the folder itself")
        case .file?, .other?:
            return refuse("it is a file, not a folder; give --output a folder (sitegen creates it when it does not exist)")
        case .folder?:
            break
        }
        let manager = FileManager.default
        guard let manifest = OutputManifest.read(in: path) else {
            if manager.fileExists(atPath: path + "/content") || manager.fileExists(atPath: path + "/site.yaml") {
                return .failure(BuildFailure([.error(SourceLocation(path: shown),
                    "refusing to replace \(path): it holds a content/ folder or a site.yaml, so it looks like a site, not a build")]))
            }
            guard let entries = try? manager.contentsOfDirectory(atPath: path) else {
                return refuse("sitegen cannot read it; check its permissions")
            }
            if entries.isEmpty { return .success(.empty) }
            let named = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? " and \(entries.count - 3) more" : "")
            return refuse("it is not empty (\(named)), and sitegen did not make it (it has no \(OutputManifest.fileName) file), "
                + "so replacing it would delete what is in it; give --output a new or empty folder "
                + "(a folder an older sitegen made has no \(OutputManifest.fileName) either: delete it once)")
        }
        guard deep else { return .success(.owned(manifest)) }
        let strangers = self.strangers(in: path, manifest: manifest)
        guard strangers.isEmpty else {
            var diagnostics = strangers.prefix(namedStrangers).map { stranger in
                Diagnostic.error(SourceLocation(path: shown + "/" + stranger),
                    "sitegen did not write this, and a build replaces \(shown)/ whole; move it out of \(shown)/ (files to publish belong in content/), then build again")
            }
            if strangers.count > namedStrangers {
                diagnostics.append(.error(SourceLocation(path: shown), "\(strangers.count - namedStrangers) more files and folders in it that sitegen did not write"))
            }
            return .failure(BuildFailure(diagnostics))
        }
        return .success(.owned(manifest))
    }

    /// Refuses outputs that would overwrite the editors' own work: the site folder, a folder
    /// holding it, or one inside its content or templates.
    private static func overlap(_ output: URL, site: URL) -> String? {
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        let sitePath = site.standardizedFileURL.resolvingSymlinksInPath().path
        if outputPath == sitePath || sitePath.hasPrefix(outputPath.hasSuffix("/") ? outputPath : outputPath + "/") {
            return "it is the site folder or one of its parents; use a folder such as public/"
        }
        let sourceFolders = ["content", "Templates"].map { site.appendingPathComponent($0).standardizedFileURL.resolvingSymlinksInPath().path }
        if sourceFolders.contains(where: { $0 == outputPath || $0.hasPrefix(outputPath + "/") || outputPath.hasPrefix($0 + "/") }) {
            return "it holds or lies inside the site's content or templates"
        }
        return nil
    }

    /// Everything in an owned folder that its manifest does not account for: files it does
    /// not list, links, and folders holding no listed file (named once, not file by file).
    /// A folder that cannot be read counts too: what is in it is unknown.
    static func strangers(in folder: String, manifest: OutputManifest) -> [String] {
        var folders = Set<String>()
        for path in manifest.files {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted {
                parts = parts.dropLast()
            }
        }
        var found: [String] = []
        let problems = FolderWalk.walk(folder) { path, kind in
            switch kind {
            case .folder where folders.contains(path): return true
            case .file where manifest.files.contains(path) || path == OutputManifest.fileName: return false
            default:
                found.append(path)
                return false
            }
        }
        for problem in problems {
            switch problem {
            case .unreadable(let path, _), .nameNotUTF8(let path): found.append(path)
            }
        }
        return found.sorted()
    }

    /// The output as the editor knows it: `public` inside the site folder, else its full path.
    static func displayPath(_ output: URL, site: URL) -> String {
        let base = site.standardizedFileURL.path + "/"
        let path = output.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
