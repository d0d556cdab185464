import Foundation
import Synchronization

/// What one client may make `sitegen serve` hold, and for how long. FlyingFox's request
/// parser has no bounds (a 1 MB header took minutes, deaf to Ctrl-C), so the preview reads
/// requests itself (`RequestHead`) within these, and answers at once when one is passed.
public struct RequestLimits: Sendable {
    /// The request line (`GET /path HTTP/1.1`); a longer one is answered 414.
    public var requestLine = 8 * 1024
    /// All header lines together; more is answered 431.
    public var headers = 16 * 1024
    /// Connections served at once; more wait in the system's queue until one closes, rather
    /// than using up the process's file descriptors.
    public var connections = 64
    /// A WebSocket frame from a browser: the reload socket expects only close, ping and pong.
    public var webSocketFrame = 4 * 1024
    /// How long a connection may take to send a request, or stay idle between requests.
    public var idleSeconds: Double = 10

    public init() {}
}

/// Counts the connections being served; the accept loop takes a slot before it accepts.
final class ConnectionSlots: Sendable {
    private let free: Mutex<Int>

    init(_ count: Int) {
        free = Mutex(count)
    }

    /// Waits for a free slot. Polling, so a stop (cancellation) is never stuck behind it.
    func take() async throws {
        while !free.withLock({ count in
            guard count > 0 else { return false }
            count -= 1
            return true
        }) {
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    func give() {
        free.withLock { $0 += 1 }
    }
}
