import Foundation
import SiteGenTestSupport
import Testing

/// `sitegen serve` as a process: it says where it serves, and Ctrl-C stops it cleanly.
@Suite("sitegen serve")
struct SitegenServeTests {
    @Test func ctrlCStopsTheServerCleanly() async throws {
        let site = try TestSite("""
            -- site.yaml --
            title: Uroen i Kasakhstan
            language: da
            baseURL: https://example.org/
            -- content/index.md --
            ---
            title: Uroen i Kasakhstan
            ---
            Tekst.
            """)
        let output = site.folder.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = try SitegenBinary.url()
        process.arguments = ["serve", "--source", site.source.path, "--port", "0"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait (bounded) for the line that says where it serves.
        var log = ""
        for _ in 0..<200 where !log.contains("Serving") {
            try await Task.sleep(for: .milliseconds(50))
            log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        }
        #expect(log.range(of: #"Serving site at http://127\.0\.0\.1:[0-9]+/ \(Ctrl-C to stop\)"#, options: .regularExpression) != nil, "\(log)")
        #expect(log.range(of: #"^Built [0-9]+ pages \([0-9]+ files rendered\) in [0-9]+ ms; reload sent\n"#, options: .regularExpression) != nil, "\(log)")

        process.interrupt()
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        #expect(process.terminationStatus == 0)
        log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(log.hasSuffix("Stopped.\n"), "\(log)")
        #expect(!FileManager.default.fileExists(atPath: site.source.appendingPathComponent("public").path), "serve leaves public/ alone")
    }
}
