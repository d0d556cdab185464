import Foundation
import SiteGen

extension FileAccess {
    /// The disk, except that the folders and files at these absolute paths cannot be listed or
    /// read, as for a user without permission: what `chmod 000` does, also when tests run as root.
    public static func denying(_ paths: [URL]) -> FileAccess {
        let denied = Set(paths.map(\.standardizedFileURL.path))
        let disk = FileAccess.disk
        return FileAccess(
            list: { denied.contains($0) ? .failure(FileAccessError(code: EACCES)) : disk.list($0) },
            read: { denied.contains($0) ? .failure(FileAccessError(code: EACCES)) : disk.read($0) })
    }
}
