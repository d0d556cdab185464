import FlyingFox
import FlyingSocks
import Foundation
import SiteGen

/// `sitegen serve`: the HTTP server, the watcher and the rebuild loop, together.
public struct PreviewServer: Sendable {
    public let site: URL
    public let host: String
    public let port: UInt16
    public let includeDrafts: Bool
    /// A private folder to build into.
    public let output: URL
    public var limits = RequestLimits()

    public init(site: URL, host: String = "127.0.0.1", port: UInt16 = 1313, includeDrafts: Bool = false, output: URL) {
        self.site = site
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.output = output
    }

    /// What a running preview tells its caller once it listens.
    public struct Ready: Sendable {
        public var url: String
        public var session: PreviewSession
    }

    /// Serves until the task is cancelled. `ready` is called once the server listens and the
    /// first build is done; `report` hears about every build after that.
    public func run(
        ready: @escaping @Sendable (Ready, PreviewSession.Outcome) -> Void,
        report: @escaping @Sendable (PreviewSession.Outcome) -> Void
    ) async throws {
        let (socket, actualPort) = try Self.listen(host: host, port: port)
        defer { try? socket.close() }
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(actualPort)/"
        // Links must work on this machine, whatever baseURL the site is published at.
        let session = PreviewSession(options: BuildOptions(source: site, output: output, baseURL: url, includeDrafts: includeDrafts))
        let listener = PreviewListener(socket: try AsyncSocket(socket: socket, pool: pool), limits: limits,
                                       hosts: AllowedHosts(host: host, port: actualPort), handler: PreviewHandler(session: session))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { try await listener.run() }
            ready(Ready(url: url, session: session), await session.rebuild())
            group.addTask {
                for await _ in FolderWatcher(root: site).changes() {
                    report(await session.rebuild())
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Why `--host` cannot be listened on, or nil: it takes an address, or `localhost`.
    public static func problem(withHost host: String) -> String? {
        (try? address(host, port: 0)) == nil
            ? "--host takes an address (127.0.0.1, ::1, or 0.0.0.0 to let other machines in) or localhost, not `\(host)`"
            : nil
    }

    private static func address(_ host: String, port: UInt16) throws -> any SocketAddress {
        let host = host == "localhost" ? "127.0.0.1" : host
        return host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    }

    /// A listening socket, and its port (which the system picks when asked for port 0).
    private static func listen(host: String, port: UInt16) throws -> (Socket, UInt16) {
        let address = try address(host, port: port)
        let socket = try Socket(domain: Int32(type(of: address).family))
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: address)
        try socket.listen()
        switch try socket.sockname() {
        case .ip4(_, let actual), .ip6(_, let actual): return (socket, actual)
        default: return (socket, port)
        }
    }
}
