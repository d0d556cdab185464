import Foundation

/// Lists a folder tree with readdir, which, unlike FileManager's enumerator, does not stat
/// every entry: the content folder and the output of a big site hold tens of thousands.
public enum FolderWalk {
    /// What an entry is, without following links: a link is reported as a link.
    public enum Kind: Sendable, Equatable {
        case file, folder, link, other
    }

    /// One entry of one folder.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// False when the name's bytes are not UTF-8; `name` then shows the odd bytes as `\xF8`.
        public var isUTF8: Bool

        public init(name: String, kind: Kind, isUTF8: Bool = true) {
            self.name = name
            self.kind = kind
            self.isUTF8 = isUTF8
        }
    }

    /// What a walk had to leave out, by path relative to its root ("" for the root itself).
    public enum Problem: Sendable, Equatable {
        /// A folder that could not be listed, with the reason in words ("permission denied").
        case unreadable(String, reason: String)
        /// An entry whose name is not UTF-8: no page address or diagnostic can name it otherwise.
        case nameNotUTF8(String)
    }

    /// Lists one folder, by absolute path; a test double can stand in for the disk.
    public typealias Lister = @Sendable (String) -> Result<[Entry], FileAccessError>

    /// Visits every entry below `root` depth-first with its path relative to `root` and its
    /// kind; `visit` returns whether to descend into a folder. A missing root is no problem (the
    /// callers say what is missing); folders that cannot be listed and names that are not
    /// UTF-8 are returned, so nothing is left out silently.
    @discardableResult
    public static func walk(_ root: String, list: Lister = entries, visit: (String, Kind) -> Bool) -> [Problem] {
        var problems: [Problem] = []
        walk(root, relative: "", list: list, problems: &problems, visit: visit)
        return problems
    }

    private static func walk(_ root: String, relative: String, list: Lister, problems: inout [Problem], visit: (String, Kind) -> Bool) {
        let entries: [Entry]
        switch list(relative.isEmpty ? root : root + "/" + relative) {
        case .success(let listed): entries = listed
        case .failure(let error):
            if !(relative.isEmpty && error.code == ENOENT) { problems.append(.unreadable(relative, reason: error.reason)) }
            return
        }
        for entry in entries {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            guard entry.isUTF8 else {
                problems.append(.nameNotUTF8(path))
                continue
            }
            if visit(path, entry.kind), entry.kind == .folder {
                walk(root, relative: path, list: list, problems: &problems, visit: visit)
            }
        }
    }

    /// The entries of one folder on disk, in readdir's order.
    @Sendable public static func entries(of path: String) -> Result<[Entry], FileAccessError> {
        guard let directory = opendir(path) else { return .failure(FileAccessError(code: errno)) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            guard bytes != [46], bytes != [46, 46] else { continue }
            let name = String(validating: bytes, as: UTF8.self)
            entries.append(Entry(name: name ?? escaped(bytes), kind: kind(entry.pointee.d_type, path: path, name: bytes), isUTF8: name != nil))
        }
        return .success(entries)
    }

    /// Some file systems leave `d_type` unknown; only then is a stat needed.
    private static func kind(_ type: UInt8, path: String, name: [UInt8]) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .link
        case Int32(DT_UNKNOWN):
            var info = stat()
            let full = Array(path.utf8) + [47] + name + [0]
            guard full.withUnsafeBufferPointer({ $0.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) } }) == 0 else { return .other }
            return Kind(mode: info.st_mode)
        default: return .other
        }
    }

    /// A name with its non-UTF-8 bytes written `\xF8`, so a message can show it.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = SourceText.validSequenceLength(bytes, at: index)
            if length == 0 {
                text += String(format: "\\x%02X", bytes[index])
                index += 1
            } else {
                text += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
            }
        }
        return text
    }
}

extension FolderWalk {
    /// What `path` is, not following a link; nil when there is nothing there.
    public static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Kind(mode: info.st_mode)
    }
}

extension FolderWalk.Kind {
    /// The kind as manifests write it. Spelt out: interpolating the case went through
    /// reflection, once for every file a build writes.
    var name: String {
        switch self {
        case .file: "file"
        case .folder: "folder"
        case .link: "link"
        case .other: "other"
        }
    }

    /// The kind `lstat` gives.
    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFREG: self = .file
        case S_IFLNK: self = .link
        default: self = .other
        }
    }
}
