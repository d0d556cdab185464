import Foundation

/// How the loader reaches the disk, as a struct of closures (like Saga's `FileIO`): a build
/// uses `.disk`; a test swaps in failures that are hard to cause for real, such as a folder
/// the build may not read when the tests run as root.
public struct FileAccess: Sendable {
    /// One folder's entries, by absolute path.
    public var list: FolderWalk.Lister
    /// A file's bytes, by absolute path; a link is followed.
    public var read: @Sendable (String) -> Result<[UInt8], FileAccessError>

    public init(list: @escaping FolderWalk.Lister, read: @escaping @Sendable (String) -> Result<[UInt8], FileAccessError>) {
        self.list = list
        self.read = read
    }

    public static let disk = FileAccess(list: FolderWalk.entries, read: readFromDisk)

    /// The whole file in one allocation of its size, read until the end (a file may grow).
    @Sendable static func readFromDisk(_ path: String) -> Result<[UInt8], FileAccessError> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(FileAccessError(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(FileAccessError(code: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(FileAccessError(code: (info.st_mode & S_IFMT) == S_IFDIR ? EISDIR : EINVAL))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(FileAccessError(code: errno)) }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk.prefix(count))
        }
    }
}
