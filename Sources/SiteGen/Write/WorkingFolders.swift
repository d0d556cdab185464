import Foundation

/// The folders sitegen keeps beside an output `public`: `.public.sitegen-new-<pid>`, the
/// build being written; `.public.sitegen-old-<pid>`, the last site for the moment of the swap;
/// `.public.sitegen-spare`, the last site kept to become the next staging folder; and the file
/// `.public.sitegen-manifest`, what the last build read and wrote (`BuildManifest`).
struct WorkingFolders {
    let output: URL
    var parent: URL { output.deletingLastPathComponent() }

    var staging: URL { sibling("new-\(getpid())") }
    var old: URL { sibling("old-\(getpid())") }
    var spare: URL { sibling("spare") }
    var manifest: URL { sibling("manifest") }

    private func sibling(_ suffix: String) -> URL {
        parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-\(suffix)")
    }

    /// Clears up after builds that were killed: their `-new-` and `-old-` folders, when the
    /// process that made them is gone and they hold a manifest (folders sitegen did not make
    /// are left alone). A staging folder holds only what sitegen wrote and goes whole; a site
    /// killed in the middle of its swap is put back when the output is missing, else kept as
    /// the spare, else removed file by listed file, as it was an output.
    func clearStale() {
        let prefix = ".\(output.lastPathComponent).sitegen-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let kind = rest.prefix(4)
            guard kind == "new-" || kind == "old-", let process = Int32(rest.dropFirst(4)), !Self.isRunning(process) else { continue }
            let folder = parent.appendingPathComponent(name)
            guard let manifest = OutputManifest.read(in: folder.path) else { continue }
            if kind == "new-" {
                try? FileManager.default.removeItem(at: folder)
            } else if rename(folder.path, output.path) != 0, rename(folder.path, spare.path) != 0 {
                manifest.removeListed(from: folder.path)
            }
        }
    }

    /// Whether another process with this id runs; this process's own id is a leftover of an
    /// earlier process that had it, since a build makes its folders only once.
    private static func isRunning(_ process: Int32) -> Bool {
        process != getpid() && (kill(process, 0) == 0 || errno == EPERM)
    }
}
