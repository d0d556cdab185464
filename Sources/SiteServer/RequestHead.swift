import FlyingFox
import Foundation

/// The request line and headers of one request, read within `RequestLimits` in one pass
/// over the bytes: a request line or headers over the limit are answered as soon as the
/// limit is passed, without reading the rest.
struct RequestHead: Sendable {
    var method: HTTPMethod
    var version: HTTPVersion
    var target: String
    var headers: HTTPHeaders

    enum Outcome: Sendable {
        case head(RequestHead)
        /// Answered with this status and text, and the connection closed.
        case rejected(HTTPStatusCode, String)
    }

    /// FlyingFox's request, whose path it decodes and standardizes as its own server does.
    var request: HTTPRequest {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequest(method: method, version: version,
                           target: HTTPRequest.Target(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : ""),
                           headers: headers, body: HTTPBodySequence(data: Data()))
    }

    /// HTTP/1.1 keeps the connection open unless told otherwise; HTTP/1.0 only when told.
    var keepsAlive: Bool {
        let tokens = (headers[.connection] ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return version == .http11 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }

    /// Reads the next head from `reader`; throws when the client goes away.
    static func read(_ reader: inout SocketReader, limits: RequestLimits) async throws -> Outcome {
        var scanned = 0
        var lineEnd: Int?
        while true {
            // Blank lines before a request are allowed (RFC 9112 §2.2).
            while lineEnd == nil, let first = reader.buffer.first, first == 13 || first == 10 {
                _ = reader.take(1)
                scanned = 0
            }
            let bytes = reader.buffer
            while scanned < bytes.count {
                defer { scanned += 1 }
                guard bytes[scanned] == 10 else { continue }
                guard let end = lineEnd else {
                    lineEnd = scanned
                    continue
                }
                // A line feed right after the last one (or after its CR) ends the headers.
                let previous = scanned > 0 && bytes[scanned - 1] == 13 ? scanned - 1 : scanned
                guard previous > end, bytes[previous - 1] == 10 else { continue }
                if scanned - end > limits.headers { return tooManyHeaders(limits) }
                let head = reader.take(scanned + 1)
                return parse(head)
            }
            if (lineEnd ?? bytes.count) > limits.requestLine {
                return .rejected(.uriTooLong, "The request line is longer than \(limits.requestLine) bytes.")
            }
            if let end = lineEnd, bytes.count - end > limits.headers { return tooManyHeaders(limits) }
            try await reader.fill()
        }
    }

    private static func tooManyHeaders(_ limits: RequestLimits) -> Outcome {
        .rejected(.requestHeaderFieldsTooLarge, "The request's headers are longer than \(limits.headers) bytes.")
    }

    private static func parse(_ bytes: [UInt8]) -> Outcome {
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 13 ? line.dropLast() : line, as: UTF8.self)
        }
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].hasPrefix("/"),
              parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            return .rejected(.badRequest, "The request line is not `METHOD /path HTTP/1.1`.")
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                return .rejected(.badRequest, "A header line is not `Name: value`.")
            }
            headers.addValue(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), for: HTTPHeader(String(line[..<colon])))
        }
        return .head(RequestHead(method: HTTPMethod(String(parts[0])), version: HTTPVersion(String(parts[2])),
                                 target: String(parts[1]), headers: headers))
    }
}
