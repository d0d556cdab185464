import Foundation
import SiteGen

/// The private folder `sitegen serve` builds into. A fixed name in the shared temporary
/// folder (`sitegen-serve-<pid>`) could be made in advance by another user, with a link
/// where the site goes; a new folder with a random name, only its owner may enter, cannot.
public enum ScratchFolder {
    public static func make(in parent: URL = FileManager.default.temporaryDirectory) throws -> URL {
        var template = Array(parent.appendingPathComponent("sitegen-serve-XXXXXX").path.utf8CString)
        // mkdtemp creates the folder with mode 0700, and fails rather than use one that exists.
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw FileError(path: parent.path, doing: "cannot create a private folder to build the preview in", why: FileAccessError(code: errno).reason)
        }
        return URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), isDirectory: true)
    }
}
