import Synchronization

/// The files a plain build wrote, each as `BuildManifest` lists an output file, with its
/// version as the write left it. The manifest is made from these: walking the output and
/// asking each of its files again after the swap was a large site's last tenth of a second.
/// Renaming the staging folder into place leaves its files' versions as they were.
final class WrittenFiles: Sendable {
    private let lines = Mutex<[String]>([])

    /// Files written in place (by serve) come without versions: no manifest lists them.
    func add(_ written: [(path: String, version: FileVersion?)]) {
        let added = written.compactMap { file in file.version.map { BuildManifest.outputLine(file.path, $0) } }
        guard !added.isEmpty else { return }
        lines.withLock { $0 += added }
    }

    /// The manifest's list of outputs: these and the output's own list of files, sorted as
    /// `BuildManifest.outputs(in:)` sorts what it finds. A file that was there already and not
    /// written by this build is missing from it, so the next build then finds the output changed.
    func outputs(in folder: String) -> [String] {
        let manifest = BuildManifest.outputLine(OutputManifest.fileName, FileVersion(path: folder + "/" + OutputManifest.fileName))
        return (lines.withLock { $0 } + [manifest]).sorted()
    }
}
