import Foundation
import Markdown

/// Where a link an editor writes to a file in `content/` lands on the site: a Markdown file
/// is its page (`../articles/lpg-prisen.md#fragment` → `/artikler/lpg-prisen/#fragment`), any
/// other file is where it is published. Relative links are read from the folder of the file
/// that holds them, as an editor's Markdown preview reads them.
struct ContentLinks: Sendable {
    /// Changes when a page or a published file comes or goes: a text's links depend on it.
    var fingerprint: Int {
        var fingerprint = Fingerprint()
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) { fingerprint.add(path); fingerprint.add(page) }
        for file in files.sorted() { fingerprint.add(file) }
        return fingerprint.value
    }

    /// Content path (`content/articles/lpg-prisen.md`) → site path of its page (`artikler/lpg-prisen/`).
    let pages: [String: String]
    /// Content paths of the files published as they are, at their path below `content/`.
    let files: Set<String>

    static let none = ContentLinks(pages: [:], files: [])

    private init(pages: [String: String], files: Set<String>) {
        self.pages = pages
        self.files = files
    }

    init(site: Site, assets: [String]) {
        let routes = site.routes
        var pages = [site.frontPage.location.path: routes.home]
        pages.reserveCapacity(1 + site.pages.count + site.articles.count + site.events.count + site.terms.count)
        // By index: a `for` over them copied every article and event whole, on one core.
        for index in site.pages.indices { pages[site.pages[index].location.path] = routes.page(site.pages[index].slug) }
        for index in site.articles.indices { pages[site.articles[index].location.path] = routes.article(site.articles[index].slug) }
        for index in site.events.indices where site.events[index].location.path.isMarkdownPath {
            pages[site.events[index].location.path] = routes.event(site.events[index].id)
        }
        for index in site.terms.indices { pages[site.terms[index].location.path] = routes.term(site.terms[index].slug) }
        self.pages = pages
        files = Set(assets)
    }

    /// What `destination`, written in the file at `sourcePath`, is on the site.
    enum Target: Equatable {
        /// A site path from the root (`/artikler/x/#y`): a content file's page or a published file.
        case site(String)
        /// A file in content/ (`content/articles/foto.jpg`) that is not published as it is:
        /// an image the site publishes resized.
        case content(String)
        /// A Markdown file that is not a page of this site (missing, a draft, a data file).
        case missingPage(String)
        /// Not a file in content/: external, a fragment, or a site path as written.
        case asWritten
    }

    func target(of destination: String, from sourcePath: String) -> Target {
        guard let (path, suffix) = Self.localPath(destination) else { return .asWritten }
        let candidate: String
        if path.hasPrefix("/") {
            // `/content/events/y.md`, or `/articles/x.md` for the same without `content`.
            let rooted = path.hasPrefix("/content/") ? String(path.dropFirst()) : "content" + path
            guard rooted.isMarkdownPath || files.contains(rooted) || ImageFiles.isPhoto(rooted) else { return .asWritten }
            candidate = rooted
        } else {
            candidate = Self.joined(sourcePath.parentFolder, path)
        }
        if let page = pages[candidate] { return .site("/" + page + suffix) }
        if files.contains(candidate) { return .site("/" + candidate.dropFirst("content/".count) + suffix) }
        if candidate.isMarkdownPath { return .missingPage(candidate) }
        if candidate.hasPrefix("content/"), ImageFiles.isPhoto(candidate) { return .content(candidate) }
        return .asWritten
    }

    /// The path of a destination that may name a file (no scheme, not only a fragment), and
    /// what follows it (`?query#fragment`).
    private static func localPath(_ destination: String) -> (String, String)? {
        // By bytes: every mark looked for is ASCII, and this runs for every link of every body.
        let utf8 = destination.utf8
        guard let first = utf8.first, first != UInt8(ascii: "#"), !destination.hasPrefix("//") else { return nil }
        // A scheme is letters, digits, `+`, `-`, `.` before a `:` that comes before any `/`.
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")), !utf8[..<colon].contains(UInt8(ascii: "/")) { return nil }
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        // A folder (`/tidslinje/`, most links of a site) is no file: nothing to look up.
        guard end > utf8.startIndex, utf8[utf8.index(before: end)] != UInt8(ascii: "/") else { return nil }
        let path = String(Substring(utf8[..<end]))
        // Foundation's decoding went through CFString for every link of every body; a path
        // without a `%` has nothing to decode.
        let decoded = path.containsASCII(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        return (decoded, String(destination[end...]))
    }

    /// `folder/relative` with `.` and `..` taken out; `..` above the site stays in (and matches nothing).
    static func joined(_ folder: String, _ relative: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty { parts.append("..") } else { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

extension String {
    var isMarkdownPath: Bool { hasSuffix(".md") || hasSuffix(".markdown") }

    /// `content/articles/x.md` → `content/articles`.
    var parentFolder: String {
        guard let slash = lastIndex(of: "/") else { return "" }
        return String(self[..<slash])
    }
}
