import Foundation
import SiteGen
#if canImport(Glibc)
import Glibc
#endif

/// Reports changes below the site's content/ and Templates/ folders and to site.yaml.
/// On Linux it uses inotify (one watch per folder, new folders added as they appear);
/// elsewhere it polls modification dates.
public final class FolderWatcher: Sendable {
    let root: URL
    /// Folders watched with everything below them, relative to `root`.
    let folders: [String]
    /// Files in `root` itself that are watched.
    let files: [String]

    public init(root: URL, folders: [String] = ["content", "Templates"], files: [String] = ["site.yaml"]) {
        self.root = root
        self.folders = folders
        self.files = files
    }

    /// One element per batch of changes; ends when the consuming task is cancelled.
    public func changes() -> AsyncStream<Void> {
        // Changes that arrive while a build runs collapse into one more build.
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let stop = StopFlag()
            let thread = Thread { [self] in
                #if os(Linux)
                watchWithInotify(continuation: continuation, stop: stop)
                #else
                watchByPolling(continuation: continuation, stop: stop)
                #endif
                continuation.finish()
            }
            thread.start()
            continuation.onTermination = { _ in stop.set() }
        }
    }

    #if os(Linux)
    private func watchWithInotify(continuation: AsyncStream<Void>.Continuation, stop: StopFlag) {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return watchByPolling(continuation: continuation, stop: stop) }
        defer { close(descriptor) }
        let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE_SELF)
        var watched: [Int32: String] = [:]
        func watch(_ path: String) {
            let id = inotify_add_watch(descriptor, path, mask)
            if id >= 0 { watched[id] = path }
        }
        watch(root.path)
        for folder in folders {
            for path in Self.folders(below: root.appendingPathComponent(folder).path) { watch(path) }
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending = false
        while !stop.isSet {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Editors save in several steps (write, rename, chmod): wait for 5 ms of quiet
            // after a change, then report the whole save as one.
            guard poll(&poller, 1, pending ? 5 : 200) > 0 else {
                if pending { continuation.yield() }
                pending = false
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var relevant = false
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (id, eventMask, nameLength, name) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int, String) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<nameStart + Int(event.len)].prefix { $0 != 0 }
                    return (event.wd, event.mask, Int(event.len), String(decoding: nameBytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + nameLength
                guard let folder = watched[id] else { continue }
                if folder == root.path {
                    // In the site folder itself only site.yaml matters; output and build folders live there too.
                    relevant = relevant || files.contains(name)
                    continue
                }
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    for path in Self.folders(below: folder + "/" + name) { watch(path) }
                }
                relevant = relevant || !Self.isEditorNoise(name)
            }
            pending = pending || relevant
        }
    }
    #endif

    private func watchByPolling(continuation: AsyncStream<Void>.Continuation, stop: StopFlag) {
        var last = fingerprint()
        while !stop.isSet {
            Thread.sleep(forTimeInterval: 0.25)
            let current = fingerprint()
            if current != last {
                last = current
                continuation.yield()
            }
        }
    }

    /// Every file's path and modification date, to compare between polls.
    private func fingerprint() -> [String: Date] {
        var result: [String: Date] = [:]
        let manager = FileManager.default
        let paths = files.map { root.appendingPathComponent($0).path }
            + folders.flatMap { folder in
                (manager.subpaths(atPath: root.appendingPathComponent(folder).path) ?? []).map { root.appendingPathComponent(folder).path + "/" + $0 }
            }
        for path in paths {
            result[path] = (try? manager.attributesOfItem(atPath: path)[.modificationDate]) as? Date
        }
        return result
    }

    static func folders(below path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [] }
        var found = [path]
        FolderWalk.walk(path) { child, kind in
            if kind == .folder { found.append(path + "/" + child) }
            return kind == .folder
        }
        return found
    }

    /// Swap and backup files editors write beside the real one.
    static func isEditorNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasPrefix("#") || name == "4913"
    }
}

/// A flag one thread sets and another reads.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
