import FlyingFox
import Foundation

/// Which `Host` and `Origin` the preview answers. A page on another site can make a browser
/// send requests to 127.0.0.1, and with DNS rebinding read the answers (drafts included)
/// under its own name: so the preview answers only requests addressed to where it listens,
/// and WebSocket handshakes and other requests that carry an `Origin` only from its own pages.
struct AllowedHosts: Sendable {
    /// The names the Host header may hold, lower case (with this port, or none); nil lets any
    /// through, for `--host 0.0.0.0` or `::`, where other machines reach it under names it cannot know.
    let names: Set<String>?
    let port: UInt16
    /// For the refusal: where the preview can be reached.
    let example: String

    init(host: String, port: UInt16) {
        let shown = host.contains(":") ? "[\(host)]" : host
        self.port = port
        example = "\(shown):\(port)"
        // This machine's browsers also call the loopback address `localhost`.
        names = switch host {
        case "0.0.0.0", "::": nil
        case "localhost": ["localhost", "127.0.0.1"]
        case "127.0.0.1", "::1": [shown, "localhost"]
        default: [shown]
        }
    }

    /// Why a request is refused, or nil to answer it.
    func refusal(for headers: HTTPHeaders) -> String? {
        guard let host = headers[.host]?.lowercased(), !host.isEmpty else {
            return "A request needs a Host header."
        }
        if let names, !allows(host, names) {
            return "sitegen serve answers requests for \(example) only, not for \(host). "
                + "To let other machines in, start it with --host 0.0.0.0."
        }
        if let origin = headers[HTTPHeader("Origin")], origin.lowercased() != "http://\(host)" {
            return "sitegen serve answers only its own pages, not requests from \(origin)."
        }
        return nil
    }

    /// `name` or `name:port`, with `[…]` around an IPv6 address.
    private func allows(_ host: String, _ names: Set<String>) -> Bool {
        guard let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") else { return names.contains(host) }
        return names.contains(String(host[..<colon])) && host[host.index(after: colon)...] == "\(port)"
    }
}
