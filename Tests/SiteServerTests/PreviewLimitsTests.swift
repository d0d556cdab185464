import FlyingSocks
import Foundation
import SiteGenTestSupport
import SiteServer
import Testing

/// What a client can make `sitegen serve` do (issue 14, item 8): oversized requests are
/// answered at once, other hosts and origins are refused, a huge WebSocket frame ends the
/// connection rather than being held. Loopback only; every wait is bounded.
@Suite("Preview server limits")
struct PreviewLimitsTests {
    @Test func aLongRequestLineIsAnswered414() async throws {
        try await withPreview { preview in
            let response = try await preview.raw("GET /\(String(repeating: "a", count: 80_000)) HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\n\r\n")
            #expect(response.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"), "\(response.prefix(200))")
            #expect(response.hasSuffix("\r\n\r\nThe request line is longer than 8192 bytes.\n"), "\(response.prefix(300))")
        }
    }

    @Test func longHeadersAreAnswered431() async throws {
        try await withPreview { preview in
            let response = try await preview.raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(preview.port)\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n")
            #expect(response.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "\(response.prefix(200))")
            #expect(response.hasSuffix("\r\n\r\nThe request's headers are longer than 16384 bytes.\n"), "\(response.prefix(300))")
        }
    }

    /// DNS rebinding: a page of attacker.example, its name now pointing at 127.0.0.1, asks for drafts.
    @Test func aRequestForAnotherHostIsRefused() async throws {
        try await withPreview { preview in
            let response = try await preview.raw("GET / HTTP/1.1\r\nHost: attacker.example:\(preview.port)\r\n\r\n")
            #expect(response.hasPrefix("HTTP/1.1 403 Forbidden\r\n"), "\(response.prefix(200))")
            #expect(response.hasSuffix("\r\n\r\nsitegen serve answers requests for 127.0.0.1:\(preview.port) only, not for attacker.example:\(preview.port). "
                + "To let other machines in, start it with --host 0.0.0.0.\n"), "\(response)")
            #expect(!response.contains("Uroen i Kasakhstan"))
        }
    }

    @Test func localhostIsThisMachine() async throws {
        try await withPreview { preview in
            let response = try await preview.raw("GET / HTTP/1.1\r\nHost: localhost:\(preview.port)\r\nConnection: close\r\n\r\n")
            #expect(response.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(response.prefix(200))")
            #expect(response.contains("Første udgave."))
        }
    }

    @Test func aReloadSocketFromAnotherOriginIsRefused() async throws {
        try await withPreview { preview in
            let response = try await preview.raw(Self.handshake(port: preview.port, origin: "https://evil.example"))
            #expect(response.hasPrefix("HTTP/1.1 403 Forbidden\r\n"), "\(response.prefix(200))")
            #expect(response.hasSuffix("\r\n\r\nsitegen serve answers only its own pages, not requests from https://evil.example.\n"), "\(response)")
        }
    }

    /// A tab of the preview itself opens the socket as before.
    @Test func aReloadSocketFromThePreviewsOwnPageIsAnswered() async throws {
        try await withPreview { preview in
            let (socket, head) = try await preview.handshake(origin: "http://127.0.0.1:\(preview.port)")
            defer { try? socket.close() }
            #expect(head.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"), "\(head)")
        }
    }

    /// A frame announcing 256 MB: the connection ends without the server waiting for (and
    /// holding) the payload.
    @Test func aHugeWebSocketFrameEndsTheConnection() async throws {
        try await withPreview { preview in
            let (socket, _) = try await preview.handshake(origin: "http://127.0.0.1:\(preview.port)")
            defer { try? socket.close() }
            // A masked binary frame whose 64-bit length is 0x10000000 (256 MB), then the mask and a little payload.
            let head: [UInt8] = [0x82, 0xFF, 0, 0, 0, 0, 0x10, 0, 0, 0, 1, 2, 3, 4]
            try await socket.write(Data(head + [UInt8](repeating: 0x78, count: 1000)))
            // What the server sends before it closes: at most a close frame (opcode 8).
            let rest = try await Self.readToEnd(socket)
            #expect(rest.isEmpty || rest[0] == 0x88, "\(rest.prefix(20))")
        }
    }

    static func handshake(port: UInt16, origin: String) -> String {
        "GET /__sitegen/reload HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: \(origin)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    }

    static func readHead(_ socket: AsyncSocket) async throws -> String {
        var head: [UInt8] = []
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]), head.count < 65_536 { head.append(try await socket.read()) }
        return String(decoding: head, as: UTF8.self)
    }

    /// Everything until the server closes the connection; fails the test after 30 s, so a
    /// server that never closes cannot hang the suite.
    static func readToEnd(_ socket: AsyncSocket) async throws -> [UInt8] {
        try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                var bytes: [UInt8] = []
                while bytes.count < 1 << 20 {
                    guard let chunk = try? await socket.read(atMost: 4096) else { break }
                    bytes += chunk
                }
                return bytes
            }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            defer { group.cancelAll() }
            guard let bytes = try await group.next() ?? nil else {
                Issue.record("the server kept the connection open")
                return []
            }
            return bytes
        }
    }
}

extension Preview {
    /// Opens the reload socket as a page of `origin` would; the caller closes it.
    func handshake(origin: String) async throws -> (AsyncSocket, head: String) {
        let socket = try await Preview.connect(port)
        try await socket.write(Data(PreviewLimitsTests.handshake(port: port, origin: origin).utf8))
        return (socket, try await PreviewLimitsTests.readHead(socket))
    }

    /// Sends `request` as it is, and reads what comes back until the server closes the connection.
    func raw(_ request: String) async throws -> String {
        let socket = try await Preview.connect(port)
        defer { try? socket.close() }
        try await socket.write(Data(request.utf8))
        return String(decoding: try await PreviewLimitsTests.readToEnd(socket), as: UTF8.self)
    }
}
