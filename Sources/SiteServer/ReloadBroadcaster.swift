import FlyingFox
import Foundation

/// The open live-reload connections of browser tabs; tells them all to reload.
public actor ReloadBroadcaster {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    public init() {}

    public var connectionCount: Int { clients.count }

    public func broadcast(_ message: String) {
        for client in clients.values { client.yield(.text(message)) }
    }

    func add(_ id: UUID, _ continuation: AsyncStream<WSMessage>.Continuation) {
        clients[id] = continuation
    }

    func remove(_ id: UUID) {
        clients[id] = nil
    }
}

/// The WebSocket end of live reload: each tab gets its own stream of messages.
struct ReloadSocket: WSMessageHandler {
    let broadcaster: ReloadBroadcaster

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let id = UUID()
        let (messages, continuation) = AsyncStream.makeStream(of: WSMessage.self)
        await broadcaster.add(id, continuation)
        // The tab's own messages are ignored; when it goes away, stop sending to it.
        Task { [broadcaster] in
            for await _ in client {}
            await broadcaster.remove(id)
            continuation.finish()
        }
        return messages
    }
}
