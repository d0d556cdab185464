import Foundation

/// Every content file of the last build with what it decoded to, by path: a rebuild reads
/// and parses only the files whose version on disk changed (`FileVersion`). Editors save one
/// file at a time; on a big site re-reading the other ten thousand was most of a rebuild.
struct ContentFileCache: Sendable {
    var entries: [String: (version: FileVersion, loaded: ContentLoader.LoadedFile)] = [:]
}

/// What `stat` says of a file: any write changes its modification or change time, and a save
/// by renaming a new file into place changes its inode.
struct FileVersion: Sendable, Hashable {
    var size: Int
    var modified: Int
    var changed: Int
    var inode: UInt

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(info.st_ctim.tv_nsec)
        inode = UInt(info.st_ino)
    }
}
