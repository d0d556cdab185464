import FlyingFox
import FlyingSocks
import Foundation
import SiteGenTestSupport
import SiteServer
import Testing

/// `sitegen serve` end to end: a real server on a free loopback port, real files changed.
@Suite("Preview server")
struct PreviewServerTests {
    static let site = """
        -- site.yaml --
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/kasakhstan/
        -- content/index.md --
        ---
        title: Uroen i Kasakhstan
        ---
        Første udgave.
        -- content/events/regeringen.md --
        ---
        title: Regeringen går af
        date: 2022-01-05
        sources: [Ritzau]
        status: confirmed
        ---
        Tekst.
        """

    @Test func servesPagesAndRebuildsWhenAFileChanges() async throws {
        try await withPreview { preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.body.contains("Første udgave."))
            #expect(home.body.contains("/__sitegen/reload"), "the live-reload script is injected when serving")
            #expect(home.body.contains("href=\"/tidslinje/\""), "links use the local address, not the published subpath")

            let socket = try await preview.openReloadSocket()
            try preview.site.write("content/index.md", "---\ntitle: Uroen i Kasakhstan\n---\nAnden udgave.\n")
            let message = try await socket.nextText()
            #expect(message == "reload")
            let changed = try await preview.get("/")
            #expect(changed.body.contains("Anden udgave."))
        }
    }

    @Test func aBrokenFileShowsTheOverlayAndAFixClearsIt() async throws {
        try await withPreview { preview in
            let socket = try await preview.openReloadSocket()
            try preview.site.write("content/events/regeringen.md", """
                ---
                title: Regeringen går af
                date: 2022-01-05
                sources: [Ritzau]
                status: confirmd
                ---
                Tekst.
                """)
            let first = try await socket.nextText()
            #expect(first == "reload")
            let broken = try await preview.get("/tidslinje/")
            #expect(broken.status == 500)
            #expect(broken.body.contains("content/events/regeringen.md:5:9</strong> error: unknown status `confirmd`; did you mean `confirmed`?"))
            #expect(broken.body.contains("5 | status: confirmd"), "the offending line is shown")
            #expect(broken.body.contains("/__sitegen/reload"), "the overlay reloads by itself")

            try preview.site.write("content/events/regeringen.md", """
                ---
                title: Regeringen går af
                date: 2022-01-05
                sources: [Ritzau]
                status: confirmed
                ---
                Tekst.
                """)
            let second = try await socket.nextText()
            #expect(second == "reload")
            let fixed = try await preview.get("/tidslinje/")
            #expect(fixed.status == 200)
            #expect(fixed.body.contains("Regeringen går af"))
        }
    }

    @Test func nothingOutsideTheSiteIsServed() async throws {
        try await withPreview { preview in
            try "secret".write(to: preview.site.folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/../../../../etc/passwd", "/.hidden", "/nope/"] {
                let response = try await preview.get(path)
                #expect(response.status == 404, "\(path) answered \(response.status)")
                #expect(!response.body.contains("secret"), "\(path) leaked a file")
            }
        }
    }

    @Test func filesGetTheirContentTypes() async throws {
        try await withPreview { preview in
            let expected = ["/feed.xml": "application/xml; charset=utf-8", "/style.css": "text/css; charset=utf-8",
                            "/tidslinje/": "text/html; charset=utf-8", "/robots.txt": "text/plain; charset=utf-8"]
            for (path, type) in expected.sorted(by: { $0.key < $1.key }) {
                let response = try await preview.get(path)
                #expect(response.contentType == type, "\(path)")
            }
        }
    }
}

/// A running preview of an inline site, stopped when the test ends.
struct Preview {
    var site: TestSite
    var port: UInt16

    struct Response {
        var status: Int
        var contentType: String
        var body: String
    }

    /// A plain HTTP/1.1 GET read to the end. FlyingFox's client gives up after 5 s, which a
    /// test suite running hundreds of tests on two cores can take just to get a turn.
    func get(_ path: String) async throws -> Response {
        // The server closes a connection it has not heard from in 10 s; on a starved machine
        // that can happen before it reads the request. A connection closed unanswered is tried
        // again, twice at most.
        for _ in 1...2 {
            let response = try await getOnce(path)
            if response.status != 0 { return response }
        }
        return try await getOnce(path)
    }

    private func getOnce(_ path: String) async throws -> Response {
        let socket = try await Self.connect(port)
        defer { try? socket.close() }
        try await socket.write(Data("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        var bytes: [UInt8] = []
        while let chunk = try? await socket.read(atMost: 65_536), !chunk.isEmpty { bytes += chunk }
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        let contentType = head.dropFirst().first { $0.lowercased().hasPrefix("content-type:") }
            .map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
        return Response(status: status, contentType: contentType, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    static func connect(_ port: UInt16) async throws -> AsyncSocket {
        try await AsyncSocket.connected(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 60)
    }

    /// Connects to the live-reload WebSocket as a browser tab would.
    func openReloadSocket() async throws -> ReloadSocketClient {
        let socket = try await Self.connect(port)
        let handshake = "GET /__sitegen/reload HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        try await socket.write(Data(handshake.utf8))
        var header: [UInt8] = []
        while !header.suffix(4).elementsEqual([13, 10, 13, 10]) { header.append(try await socket.read()) }
        #expect(String(decoding: header, as: UTF8.self).hasPrefix("HTTP/1.1 101"))
        return ReloadSocketClient(socket: socket)
    }
}

/// Reads the server's text frames (unmasked, as servers send them; short messages only).
struct ReloadSocketClient {
    let socket: AsyncSocket

    func nextText() async throws -> String {
        let head = try await socket.read(bytes: 2)
        let length = Int(head[1] & 0x7F)
        let payload = try await socket.read(bytes: length)
        return String(decoding: payload, as: UTF8.self)
    }
}

func withPreview(_ body: (Preview) async throws -> Void) async throws {
    let site = try TestSite(PreviewServerTests.site)
    let server = PreviewServer(site: site.source, port: 0, output: site.folder.appendingPathComponent("preview"))
    let (ready, continuation) = AsyncStream.makeStream(of: UInt16.self)
    let task = Task {
        try await server.run(
            ready: { ready, _ in continuation.yield(UInt16(ready.url.split(separator: ":").last!.dropLast())!) },
            report: { _ in })
    }
    defer { task.cancel() }
    var iterator = ready.makeAsyncIterator()
    let port = try #require(await iterator.next())
    try await body(Preview(site: site, port: port))
}
