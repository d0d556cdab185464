import Foundation

/// What a run of a program printed and how it ended.
public struct ProcessOutput: Sendable, CustomStringConvertible {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public var description: String {
        "exit code \(exitCode)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}

public struct SitegenNotFound: Error, CustomStringConvertible {
    public var searched: [String]
    public var description: String {
        "no sitegen binary next to the test bundle (looked in \(searched.joined(separator: ", "))); "
            + "build with `swift build --build-tests`, or set SITEGEN_BINARY"
    }
}

/// Runs the `sitegen` executable that SwiftPM built beside the test bundle, as a user would.
public enum SitegenBinary {
    /// The built binary: `$SITEGEN_BINARY`, or `sitegen` in the products folder of this test run.
    public static func url() throws -> URL {
        let manager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["SITEGEN_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var folders: [URL] = []
        // Linux: the test bundle is an executable in the products folder (…/debug/sitegenPackageTests.xctest).
        folders.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        // macOS: the bundle is …/debug/sitegenPackageTests.xctest/Contents/MacOS/….
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for folder in folders {
            let candidate = folder.appendingPathComponent("sitegen")
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               manager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw SitegenNotFound(searched: folders.map(\.path))
    }

    /// Runs `sitegen arguments...` in `directory` and waits for it to end.
    /// `environment` is added to this process's own.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) async throws -> ProcessOutput {
        try await run(url(), arguments, in: directory, environment: environment)
    }

    /// Runs any program; output goes to temporary files so a chatty program never blocks on a full pipe.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:]) async throws -> ProcessOutput {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("sitegen-run-\(UUID().uuidString)")
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = manager.createFile(atPath: outURL.path, contents: nil)
        _ = manager.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return ProcessOutput(
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            exitCode: status)
    }
}
