import Foundation

/// Lists a folder tree with readdir, which, unlike FileManager's enumerator, does not stat
/// every entry: the content folder and the output of a big site hold tens of thousands.
public enum FolderWalk {
    /// Visits every entry below `root` depth-first with its path relative to `root` and
    /// whether it is a folder; `visit` returns whether to descend into a folder.
    public static func walk(_ root: String, relative: String = "", visit: (String, Bool) -> Bool) {
        guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { return }
        var entries: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            entries.append((path, isFolder(entry.pointee.d_type, path: root + "/" + path)))
        }
        closedir(directory)
        for (path, isFolder) in entries where visit(path, isFolder) && isFolder {
            walk(root, relative: path, visit: visit)
        }
    }

    /// Some file systems leave `d_type` unknown; only then is a stat needed.
    private static func isFolder(_ type: UInt8, path: String) -> Bool {
        if type == UInt8(DT_DIR) { return true }
        guard type == UInt8(DT_UNKNOWN) else { return false }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
