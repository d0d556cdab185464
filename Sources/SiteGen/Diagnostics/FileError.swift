import Foundation

/// A failed file system call, with the reason in words an editor reads in a message.
public struct FileAccessError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int32

    public init(code: Int32) {
        self.code = code
    }

    /// `permission denied`, `no such file or directory`: strerror, in lower case to follow a colon.
    public var reason: String {
        switch code {
        case ELOOP: return "it is a symbolic link, and sitegen never writes through links"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }

    public var description: String { reason }

    /// This failure as a problem with the file at `path`: `cannot write this file: permission denied`.
    func at(_ path: String, _ doing: String) -> FileError {
        FileError(path: path, doing: doing, why: reason)
    }
}

/// A file operation that failed, naming the file: what the write stage, `new` and `init`
/// report instead of Foundation's "NSCocoaErrorDomain error 513".
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// What failed, in words: `cannot write this file`.
    public var doing: String
    /// The system's reason: `permission denied`.
    public var why: String

    public init(path: String, doing: String, why: String) {
        self.path = path
        self.doing = doing
        self.why = why
    }

    /// Foundation's file errors in words: the path they carry (else `path`) and the system's reason.
    public init(_ error: any Error, path fallback: String, _ doing: String) {
        if let error = error as? FileError {
            self = error
            return
        }
        let info = (error as NSError).userInfo
        path = (info[NSFilePathErrorKey] as? String) ?? (info[NSURLErrorKey] as? URL)?.path ?? fallback
        self.doing = doing
        if let code = Self.posixCode(info[NSUnderlyingErrorKey]) {
            why = FileAccessError(code: code).reason
        } else if let error = error as? CocoaError {
            why = Self.words(error.code) ?? error.localizedDescription
        } else if let error = error as? POSIXError {
            why = FileAccessError(code: error.code.rawValue).reason
        } else {
            why = "\(error)"
        }
    }

    /// For a diagnostic located at `path`: `cannot write this file: permission denied`.
    public var reason: String { "\(doing): \(why)" }

    /// On its own: `cannot create /srv/site: permission denied`.
    public var description: String { "\(doing) \(path): \(why)" }

    /// The system's error number under a Foundation error, which Linux keeps as a `POSIXError`.
    private static func posixCode(_ underlying: Any?) -> Int32? {
        if let error = underlying as? POSIXError { return error.code.rawValue }
        if let error = underlying as? NSError, error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        return nil
    }

    private static func words(_ code: CocoaError.Code) -> String? {
        switch code {
        case .fileNoSuchFile, .fileReadNoSuchFile: "it does not exist"
        case .fileWriteFileExists: "it already exists"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "the disk is full"
        case .fileWriteVolumeReadOnly: "the disk is read-only"
        case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: "it is not UTF-8 text"
        default: nil
        }
    }
}
