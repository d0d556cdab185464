import FlyingSocks
import Foundation

/// Reads a connection through a buffer of what has arrived and not yet been used: at most
/// one read (4 KB) more than the caller asked for, so a client cannot make it hold more.
struct SocketReader: Sendable {
    let socket: AsyncSocket
    private(set) var buffer: [UInt8] = []

    init(_ socket: AsyncSocket) {
        self.socket = socket
    }

    /// Reads what has arrived (at least a byte); throws at the end of the stream.
    mutating func fill() async throws {
        buffer += try await socket.read(atMost: 4096)
    }

    /// Reads until the buffer holds `count` bytes.
    mutating func fill(to count: Int) async throws {
        while buffer.count < count { try await fill() }
    }

    /// Hands out the first `count` bytes of the buffer.
    mutating func take(_ count: Int) -> [UInt8] {
        let taken = Array(buffer.prefix(count))
        buffer.removeFirst(taken.count)
        return taken
    }
}

/// Runs `body`, or gives up after `seconds`: nil then. `body` must end when cancelled, as
/// socket reads do.
func within<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return nil
        }
        defer { group.cancelAll() }
        return try await group.next() ?? nil
    }
}
