import Foundation
import SiteGenTestSupport
import Testing

/// `sitegen serve` as a process: it says where it serves, Ctrl-C stops it cleanly, and
/// clients cannot stop it or reach what it builds (issue 14, items 8 and 11).
@Suite("sitegen serve")
struct SitegenServeTests {
    static let site = """
        -- site.yaml --
        \(SitegenCLITests.siteYAML)
        -- content/index.md --
        ---
        title: Uroen i Kasakhstan
        ---
        Tekst.
        """

    @Test func ctrlCStopsTheServerCleanly() async throws {
        let site = try TestSite(Self.site)
        let serve = try await ServeProcess.start(site)
        #expect(serve.log.range(of: #"Serving site at http://127\.0\.0\.1:[0-9]+/ \(Ctrl-C to stop\)"#, options: .regularExpression) != nil, "\(serve.log)")
        #expect(serve.log.range(of: #"^Built [0-9]+ pages \([0-9]+ files rendered\) in [0-9]+ ms; reload sent\n"#, options: .regularExpression) != nil, "\(serve.log)")

        let log = try await serve.interrupt()
        #expect(serve.process.terminationStatus == 0)
        #expect(log.hasSuffix("Stopped.\n"), "\(log)")
        #expect(!FileManager.default.fileExists(atPath: site.source.appendingPathComponent("public").path), "serve leaves public/ alone")
    }

    /// Two clients sending huge headers used to keep it busy for minutes, deaf to Ctrl-C.
    @Test(arguments: [10_000, 300_000])
    func ctrlCStopsTheServerInTheMiddleOfARequest(headerBytes: Int) async throws {
        let site = try TestSite(Self.site)
        let serve = try await ServeProcess.start(site)
        let clients = try (0..<2).map { _ in try LoopbackClient(port: serve.port) }
        for client in clients { await client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + String(repeating: "a", count: headerBytes)) }

        let log = try await serve.interrupt()
        #expect(!serve.process.isRunning)
        #expect(log.hasSuffix("Stopped.\n"), "\(log)")
    }

    /// 100 idle connections with 64 file descriptors used to end it (`Accept(24): Too many open files`).
    @Test func idleConnectionsBeyondItsFileLimitWaitTheirTurn() async throws {
        let site = try TestSite(Self.site)
        let serve = try await ServeProcess.start(site, fileLimit: 64)
        var idle = try (0..<100).map { _ in try LoopbackClient(port: serve.port) }
        try await Task.sleep(for: .milliseconds(500))
        #expect(serve.process.isRunning, "\(serve.readLog())")
        idle.removeAll()

        #expect(try await serve.get("/", host: "127.0.0.1").hasPrefix("HTTP/1.1 200 OK\r\n"))
        _ = try await serve.interrupt()
    }

    /// A fixed `$TMPDIR/sitegen-serve-<pid>` could be made by someone else beforehand, with a
    /// link where the site goes; the folder is now new, randomly named and private.
    @Test func itBuildsIntoANewPrivateFolder() async throws {
        let site = try TestSite(Self.site)
        let temporary = site.folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let serve = try await ServeProcess.start(site, environment: ["TMPDIR": temporary.path])

        let made = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(made.count == 1)
        let name = try #require(made.first)
        #expect(name.hasPrefix("sitegen-serve-") && name != "sitegen-serve-\(serve.process.processIdentifier)", "\(name)")
        let mode = try FileManager.default.attributesOfItem(atPath: temporary.appendingPathComponent(name).path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        _ = try await serve.interrupt()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [], "the folder outlives the server")
    }

    @Test func hostLocalhostServesOnLoopback() async throws {
        let site = try TestSite(Self.site)
        let serve = try await ServeProcess.start(site, arguments: ["--host", "localhost"])
        #expect(serve.log.contains("Serving site at http://localhost:\(serve.port)/ (Ctrl-C to stop)"), "\(serve.log)")
        #expect(try await serve.get("/", host: "localhost").hasPrefix("HTTP/1.1 200 OK\r\n"))
        _ = try await serve.interrupt()
    }

    @Test func aHostThatIsNotAnAddressSaysWhatToWrite() async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(["serve", "--source", site.source.path, "--host", "example.org"])
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.stderr.hasPrefix(
            "Error: --host takes an address (127.0.0.1, ::1, or 0.0.0.0 to let other machines in) or localhost, not `example.org`\n"), "\(result)")
    }
}

/// A running `sitegen serve --port 0`, with what it printed.
struct ServeProcess {
    let process: Process
    let output: URL
    let log: String
    let port: UInt16

    /// Starts it and waits (bounded) for the line that says where it serves.
    static func start(_ site: TestSite, arguments: [String] = [], fileLimit: Int? = nil, environment: [String: String] = [:]) async throws -> ServeProcess {
        let output = site.folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        let serve = [try SitegenBinary.url().path, "serve", "--source", site.source.path, "--port", "0"] + arguments
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$@\"", "sh"] + serve
        } else {
            process.executableURL = URL(fileURLWithPath: serve[0])
            process.arguments = Array(serve.dropFirst())
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        var log = ""
        for _ in 0..<200 where !log.contains("Serving") {
            try await Task.sleep(for: .milliseconds(50))
            log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }
        let port = log.firstMatch(of: /:([0-9]+)\/ \(Ctrl-C/).flatMap { UInt16($0.1) }
        guard let port else {
            process.terminate()
            throw ServeDidNotStart(log: log)
        }
        return ServeProcess(process: process, output: output, log: log, port: port)
    }

    struct ServeDidNotStart: Error, CustomStringConvertible {
        var log: String
        var description: String { "sitegen serve did not start:\n\(log)" }
    }

    /// The whole response to a GET, as a browser at `http://host:port/` would ask.
    func get(_ path: String, host: String) async throws -> String {
        let client = try LoopbackClient(port: port)
        await client.send("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n")
        return await client.receiveAll()
    }

    func readLog() -> String {
        (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    /// Ctrl-C, then waits (bounded) for it to end; kills it if it does not. Returns the log.
    func interrupt() async throws -> String {
        process.interrupt()
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            process.terminate()
            Issue.record("sitegen serve did not stop on Ctrl-C")
        }
        return readLog()
    }
}

/// A plain blocking TCP connection to 127.0.0.1, closed when it goes away. Its blocking
/// calls run on a dispatch thread: Swift Testing runs the tests on the few cooperative
/// threads (two on a two-core machine), which a blocked call would take from every other test.
final class LoopbackClient: Sendable {
    let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED) }
    }

    deinit {
        close(descriptor)
    }

    func send(_ text: String) async {
        await offThePool { [descriptor] in
            _ = Array(text.utf8).withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }

    /// What arrives until the server closes (or 20 s pass without a byte).
    func receiveAll() async -> String {
        await offThePool { [descriptor] in
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while bytes.count < 1 << 20 {
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                bytes += chunk.prefix(count)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}
