import FlyingFox
import FlyingSocks
import Foundation

/// The frames of an upgraded connection, read and written by the preview itself, so a
/// browser's frame is never held beyond `RequestLimits.webSocketFrame` (FlyingFox held a
/// 256 MB frame whole). What the frames mean is FlyingFox's `WSHandler`'s business.
enum WebSocketFrames {
    struct TooLarge: Error {}
    struct Unmasked: Error {}

    /// Serves the connection until either side closes it.
    static func serve(_ reader: SocketReader, handler: any WSHandler, limits: RequestLimits) async {
        let (incoming, continuation) = AsyncThrowingStream<WSFrame, any Error>.makeStream()
        guard let outgoing = try? await handler.makeFrames(for: incoming) else { return }
        let socket = reader.socket
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var reader = reader
                do {
                    while true {
                        let frame = try await next(&reader, limit: limits.webSocketFrame)
                        continuation.yield(frame)
                        if frame.opcode == .close { break }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
                return false
            }
            group.addTask {
                for await frame in outgoing {
                    guard (try? await socket.write(encoded(frame))) != nil, frame.opcode != .close else { break }
                }
                return true
            }
            // When the browser's side ends first, the handler still answers (its close frame).
            if await group.next() == true { group.cancelAll() }
        }
    }

    /// The next frame from the browser, unmasked; its payload is read only when it is small enough.
    static func next(_ reader: inout SocketReader, limit: Int) async throws -> WSFrame {
        try await reader.fill(to: 2)
        let head = reader.take(2)
        var length = Int(head[1] & 0x7F)
        let extra = length == 126 ? 2 : length == 127 ? 8 : 0
        if extra > 0 {
            try await reader.fill(to: extra)
            length = reader.take(extra).reduce(0) { $0 > Int.max >> 8 ? Int.max : $0 << 8 | Int($1) }
        }
        guard length <= limit else { throw TooLarge() }
        // RFC 6455 §5.1: a client masks every frame.
        guard head[1] & 0x80 != 0 else { throw Unmasked() }
        try await reader.fill(to: 4 + length)
        let mask = reader.take(4)
        let payload = reader.take(length).enumerated().map { $0.element ^ mask[$0.offset % 4] }
        return WSFrame(fin: head[0] & 0x80 != 0, rsv1: head[0] & 0x40 != 0, rsv2: head[0] & 0x20 != 0, rsv3: head[0] & 0x10 != 0,
                       opcode: WSFrame.Opcode(head[0] & 0x0F), mask: nil, payload: Data(payload))
    }

    /// A server's frame: never masked.
    static func encoded(_ frame: WSFrame) -> Data {
        var bytes: [UInt8] = [(frame.fin ? 0x80 : 0) | frame.opcode.rawValue]
        let count = frame.payload.count
        switch count {
        case ..<126: bytes.append(UInt8(count))
        case ...0xFFFF: bytes += [126, UInt8(count >> 8), UInt8(count & 0xFF)]
        default: bytes += [127] + (0..<8).reversed().map { UInt8((count >> ($0 * 8)) & 0xFF) }
        }
        return Data(bytes) + frame.payload
    }
}
