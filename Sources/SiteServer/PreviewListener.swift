import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP/1.1 server: FlyingFox's request and response types, handlers and
/// WebSocket handshake, on a listener of its own that bounds what a client can make it hold
/// (`RequestLimits`), answers only its own addresses (`AllowedHosts`), and stops at once
/// when cancelled, also in the middle of a request.
struct PreviewListener: Sendable {
    let socket: AsyncSocket
    let limits: RequestLimits
    let hosts: AllowedHosts
    let handler: any HTTPHandler

    /// Accepts connections until cancelled, serving up to `limits.connections` at once.
    func run() async throws {
        let slots = ConnectionSlots(Self.connectionCap(limits.connections))
        // Swift's timers (Task.sleep) run on libdispatch, which opens its own descriptors on
        // first use and stops the process if it cannot: have that happen now, while they are free.
        try await Task.sleep(for: .milliseconds(1))
        try await withThrowingDiscardingTaskGroup { group in
            while true {
                try await slots.take()
                let client: AsyncSocket
                do {
                    client = try await socket.accept()
                } catch SocketError.failed(_, let code, _) where code == EMFILE || code == ENFILE || code == ECONNABORTED {
                    // Out of descriptors: the connection waits in the queue until one is free.
                    slots.give()
                    try await Task.sleep(for: .milliseconds(100))
                    continue
                }
                group.addTask {
                    defer {
                        try? client.close()
                        slots.give()
                    }
                    await serve(client)
                }
            }
        }
    }

    /// Descriptors the rest of the process may need at any moment: the files a rebuild
    /// reads and writes, the watcher, libdispatch.
    static let reservedDescriptors = 32

    /// `wanted`, or fewer when the process may open too few files for that many connections
    /// and what it needs besides (`ulimit -n`).
    static func connectionCap(_ wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int.max) else { return wanted }
        return max(1, min(wanted, Int(limit.rlim_cur) - reservedDescriptors))
    }

    /// One connection: requests, one after another, until the client or a limit ends it.
    private func serve(_ client: AsyncSocket) async {
        var reader = SocketReader(client)
        while !Task.isCancelled {
            let read = try? await within(seconds: limits.idleSeconds) { [reader, limits] in
                var copy = reader
                return (try await RequestHead.read(&copy, limits: limits), copy)
            }
            guard let (outcome, rest) = read ?? nil else { return }
            reader = rest
            let head: RequestHead
            switch outcome {
            case .rejected(let status, let text):
                return await refuse(client, status, text)
            case .head(let value):
                head = value
            }
            if let refusal = hosts.refusal(for: head.headers) {
                return await refuse(client, .forbidden, refusal)
            }
            // The preview only reads: a request with a body is not one it expects.
            if head.headers[.contentLength].map({ $0 != "0" }) ?? false || head.headers[.transferEncoding] != nil {
                return await refuse(client, .payloadTooLarge, "sitegen serve takes no request bodies.")
            }
            let response: HTTPResponse
            do {
                response = try await handler.handleRequest(head.request)
            } catch {
                response = HTTPResponse(statusCode: .internalServerError)
            }
            if case .webSocket(let socketHandler) = response.payload {
                guard (try? await client.write(Self.encoded(response, body: Data(), keepAlive: true))) != nil else { return }
                return await WebSocketFrames.serve(reader, handler: socketHandler, limits: limits)
            }
            let body = (try? await response.bodyData) ?? Data()
            let encoded = Self.encoded(response, body: head.method == .HEAD ? Data() : body, length: body.count, keepAlive: head.keepsAlive)
            guard (try? await client.write(encoded)) != nil, head.keepsAlive else { return }
        }
    }

    /// Answers at once and closes, reading (and dropping) what the client still sends for a
    /// moment, so it gets the answer rather than a reset connection.
    private func refuse(_ client: AsyncSocket, _ status: HTTPStatusCode, _ text: String) async {
        let body = Data((text + "\n").utf8)
        let response = HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"])
        guard (try? await client.write(Self.encoded(response, body: body, keepAlive: false))) != nil else { return }
        shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await within(seconds: 1) {
            var dropped = 0
            while dropped < 1 << 20 { dropped += try await client.read(atMost: 4096).count }
        }
    }

    /// The status line, headers and body; `length` differs from the body's for HEAD.
    static func encoded(_ response: HTTPResponse, body: Data, length: Int? = nil, keepAlive: Bool) -> Data {
        var head = "HTTP/1.1 \(response.statusCode.code) \(response.statusCode.phrase)\r\n"
        for (name, value) in response.headers where ![.contentLength, .connection, .transferEncoding].contains(name) {
            head += "\(name.rawValue): \(value)\r\n"
        }
        if case .webSocket = response.payload {
            head += "Connection: Upgrade\r\n"
        } else {
            head += "Content-Length: \(length ?? body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n"
        }
        return Data((head + "\r\n").utf8) + body
    }
}
