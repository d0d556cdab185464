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
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        let server = HTTPServer(address: address, logger: .disabled)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(await actualPort(server))/"
            // Links must work on this machine, whatever baseURL the site is published at. A link
            // being typed points nowhere for a while: the preview shows the page and warns.
            var options = BuildOptions(source: site, output: output, baseURL: url, includeDrafts: includeDrafts)
            options.allowsBrokenLinks = true
            let session = PreviewSession(options: options)
            await server.appendRoute("*", to: PreviewHandler(session: session))
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

    /// The port the server listens on, which the system picks when asked for port 0.
    private func actualPort(_ server: HTTPServer) async -> UInt16 {
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): port
        default: port
        }
    }
}
