import Markdown

/// Checks every link and image an editor wrote in Markdown against the pages and files the
/// build produces, reporting each broken one at its place in the Markdown file.
struct LinkChecker {
    let site: Site
    /// Output file path → the ids on that page.
    let files: [String: Set<String>]
    let written: Set<String>

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in site.bodies {
            let pagePath = site.path(of: entry.owner)
            for link in Self.links(in: entry.body.document.blocks) {
                guard let problem = problem(with: link.destination, from: pagePath, isImage: link.isImage) else { continue }
                let at = SourceLocation(path: entry.location.path, line: entry.body.firstLine + link.position.line - 1, column: link.position.column)
                diagnostics.append(.error(at, problem))
            }
        }
        return diagnostics
    }

    /// What is wrong with a destination written on the page at `pagePath`, or nil.
    private func problem(with destination: String, from pagePath: String, isImage: Bool) -> String? {
        let lowered = destination.lowercased()
        let external = ["http:", "https:", "mailto:", "tel:", "//"]
        if external.contains(where: lowered.hasPrefix) || destination.isEmpty { return nil }
        let (target, fragment) = split(destination)
        guard let file = resolve(target, from: pagePath) else {
            let what = isImage ? "image" : "link"
            let hint = target.hasPrefix("/") ? "" : "; write site links from the root, e.g. `/\(site.routes.timeline)`"
            return "\(what) `\(destination)` points to nothing the site has\(suggestion(for: target))\(hint)"
        }
        if let fragment, !fragment.isEmpty, !(files[file]?.contains(fragment) ?? false) {
            let ids = (files[file] ?? []).sorted()
            let hint = Suggestion.closest(to: fragment, among: ids).map { "; did you mean `#\($0)`?" } ?? ""
            return "link `\(destination)`: the page has no `#\(fragment)`\(hint)"
        }
        return nil
    }

    private func split(_ destination: String) -> (String, String?) {
        let withoutQuery = destination.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? destination
        guard let hash = withoutQuery.firstIndex(of: "#") else { return (withoutQuery, nil) }
        return (String(withoutQuery[..<hash]), String(withoutQuery[withoutQuery.index(after: hash)...]))
    }

    /// The output file a destination lands on, or nil when there is none.
    private func resolve(_ target: String, from pagePath: String) -> String? {
        if target.isEmpty { return Routes.outputFile(pagePath) }
        var parts = target.hasPrefix("/") ? [] : pagePath.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part.removingPercentEncoding ?? String(part)))
            }
        }
        let path = parts.joined(separator: "/")
        if written.contains(path), !target.hasSuffix("/") { return path }
        let page = path.isEmpty ? "index.html" : path + "/index.html"
        return written.contains(page) ? page : nil
    }

    private func suggestion(for target: String) -> String {
        let pages = written.filter { $0.hasSuffix("index.html") }.map { "/" + $0.dropLast("index.html".count) }
        return Suggestion.didYouMean(target, among: pages)
    }

    struct Link {
        var destination: String
        var position: SourcePosition
        var isImage: Bool
    }

    static func links(in blocks: [BlockNode]) -> [Link] {
        var links: [Link] = []
        blocks.forEachInline { inline in
            switch inline {
            case .link(let destination, _, _, let position):
                links.append(Link(destination: destination, position: position, isImage: false))
            case .image(let source, _, _, let position):
                links.append(Link(destination: source, position: position, isImage: true))
            default: break
            }
        }
        return links
    }
}

import Foundation
