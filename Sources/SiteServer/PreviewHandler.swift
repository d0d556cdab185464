import FlyingFox
import Foundation
import SiteGen

/// Answers the browser: the built site's files (folders serve their index.html), the
/// live-reload socket, and, while the last build failed, the error overlay for pages.
struct PreviewHandler: HTTPHandler {
    static let reloadPath = "/__sitegen/reload"

    let session: PreviewSession
    let reload: WebSocketHTTPHandler

    init(session: PreviewSession) {
        self.session = session
        reload = .webSocket(ReloadSocket(broadcaster: session.broadcaster))
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == Self.reloadPath { return try await reload.handleRequest(request) }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        let state = await session.state
        if case .failed(let diagnostics, let sources) = state, SiteFolder.isPage(request.path) {
            let page = ErrorOverlay.page(diagnostics: diagnostics, sources: sources)
            return html(LiveReload.inject(into: page), status: .internalServerError)
        }
        let folder = SiteFolder(root: session.output)
        if let file = folder.file(for: request.path), let data = FileManager.default.contents(atPath: file.path) {
            return response(data, for: file, status: .ok)
        }
        let missing = folder.root.appendingPathComponent("404.html")
        let body = FileManager.default.contents(atPath: missing.path) ?? Data("Not found".utf8)
        return response(body, for: missing, status: .notFound)
    }

    private func response(_ data: Data, for file: URL, status: HTTPStatusCode) -> HTTPResponse {
        let type = ContentTypes.type(for: file.pathExtension)
        guard type.hasPrefix("text/html") else {
            return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
        }
        return html(LiveReload.inject(into: String(decoding: data, as: UTF8.self)), status: status)
    }

    private func html(_ text: String, status: HTTPStatusCode) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(text.utf8))
    }
}

/// Maps URL paths to files of the output folder, and never to anything outside it.
struct SiteFolder {
    let root: URL

    func file(for path: String) -> URL? {
        let parts = path.split(separator: "/").map(String.init)
        // `..` never leaves the folder; hidden files (the spare, editors' files) are not served.
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
        var file = root
        for part in parts { file.appendPathComponent(part) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { file.appendPathComponent("index.html") }
        // A symbolic link inside the output may point anywhere: follow it only if it stays inside.
        let resolved = file.resolvingSymlinksInPath().path
        let base = root.resolvingSymlinksInPath().path + "/"
        guard resolved.hasPrefix(base), FileManager.default.fileExists(atPath: resolved) else { return nil }
        return file
    }

    /// Paths that name a page rather than a file (`/`, `/tidslinje/`, `/x.html`).
    static func isPage(_ path: String) -> Bool {
        path.hasSuffix("/") || path.hasSuffix(".html") || !(path.split(separator: "/").last ?? "").contains(".")
    }
}

enum ContentTypes {
    static func type(for fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "geojson": "application/geo+json"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}

/// The script that reloads the tab when the site is rebuilt; added only when serving.
enum LiveReload {
    static let script = """
        <script>(()=>{const u=(location.protocol==="https:"?"wss://":"ws://")+location.host+"\(PreviewHandler.reloadPath)";\
        const c=()=>{const s=new WebSocket(u);s.onmessage=e=>{if(e.data==="reload")location.reload()};\
        s.onclose=()=>setTimeout(c,500)};c()})();</script>
        """

    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: script)
    }
}
