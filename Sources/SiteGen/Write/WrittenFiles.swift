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

    /// The lines so far, sorted as `BuildManifest.outputs(in:)` sorts what it finds: made while
    /// the links are checked, not after the swap.
    func sortedLines() -> [String] {
        lines.withLock { $0 }.sorted()
    }

    /// The manifest's list of outputs: the files written (`sorted`, from `sortedLines`) and the
    /// output's own list of files, in its place. A file that was there already and not written
    /// by this build is missing from it, so the next build then finds the output changed.
    static func outputs(_ sorted: [String], in folder: String) -> [String] {
        let manifest = BuildManifest.outputLine(OutputManifest.fileName, FileVersion(path: folder + "/" + OutputManifest.fileName))
        var outputs = sorted
        // `.sitegen-output` sorts near the start: a look from there finds its place at once.
        outputs.insert(manifest, at: outputs.firstIndex { $0 >= manifest } ?? outputs.endIndex)
        return outputs
    }
}
