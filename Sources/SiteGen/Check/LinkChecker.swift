import Foundation
import Markdown

/// Checks every link and image an editor wrote in Markdown against the pages and files the
/// build produces, reporting each broken one at its place in the Markdown file. `build`
/// runs it on what it is about to publish, `check` on what a build would publish.
struct LinkChecker: Sendable {
    let site: Site
    /// Every file of the finished site, by output path.
    let written: Set<String>
    /// The `id`s on an output file's page, for `#fragment` links.
    let ids: @Sendable (String) -> Set<String>
    /// `.warning` with `--allow-broken-links`.
    var severity: Diagnostic.Severity = .error

    /// Body by body in parallel: a large site has tens of thousands of links, and the check
    /// stands between the render and the swap.
    func check() async -> [Diagnostic] {
        var diagnostics = await site.bodies.concurrentMap { problems(in: $0) }.flatMap { $0 }
        if let share = ShareImages.defaultReference(site.config), site.images.published[share.contentPath] == nil {
            diagnostics.append(Diagnostic(severity, at: share.location, "`image` points to nothing the site has (no \(share.contentPath)); it is a photo below content/"))
        }
        return diagnostics
    }

    private func problems(in entry: SiteBody) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let (body, pagePath) = (entry.body, site.path(of: entry.owner))
        for link in Self.links(in: body.document.blocks) {
            guard let problem = problem(with: link.destination, in: body, from: pagePath, isImage: link.isImage) else { continue }
            diagnostics.append(Diagnostic(severity, at: body.location(link.position, path: entry.location.path), problem))
        }
        for block in EmbedCard.blocks(in: body) {
            guard let image = EmbedCard.parse(block.code, path: body.sourcePath, fenceLine: block.fenceLine).0?.image,
                  let problem = problem(with: image.value, in: body, from: pagePath, isImage: true) else { continue }
            diagnostics.append(Diagnostic(severity, at: image.location, problem))
        }
        return diagnostics
    }

    /// What is wrong with a destination written in `body`, whose page is at `pagePath`, or nil.
    private func problem(with destination: String, in body: Body, from pagePath: String, isImage: Bool) -> String? {
        let what = isImage ? "image" : "link"
        switch site.contentLinks.target(of: destination, from: body.sourcePath) {
        case .site(let path):
            return problem(with: path, written: destination, from: pagePath, what: what)
        case .content(let photo):
            // A photo the image step published, or reported as damaged; else it is not there.
            guard site.images.published[photo] == nil else { return nil }
            return "\(what) `\(destination)` points to nothing the site has (no \(photo))"
        case .missingPage(let file):
            let pages = site.contentLinks.pages.keys.map { "/" + $0 }
            return "\(what) `\(destination)` points to \(file), which is no page of the site (missing, or a draft)\(Suggestion.didYouMean("/" + file, among: pages))"
        case .asWritten:
            return problem(with: destination, written: destination, from: pagePath, what: what)
        }
    }

    private func problem(with destination: String, written: String, from pagePath: String, what: String) -> String? {
        let lowered = destination.lowercased()
        let external = ["http:", "https:", "mailto:", "tel:", "//"]
        if external.contains(where: lowered.hasPrefix) || destination.isEmpty { return nil }
        let (target, fragment) = split(destination)
        guard let file = resolve(target, from: pagePath) else {
            let hint = target.hasPrefix("/") ? "" : "; write site links from the root, e.g. `/\(site.routes.timeline)`, or link to the file: `../articles/x.md`"
            return "\(what) `\(written)` points to nothing the site has\(suggestion(for: target))\(hint)"
        }
        if let fragment, !fragment.isEmpty {
            let found = ids(file)
            guard !found.contains(fragment) else { return nil }
            let hint = Suggestion.closest(to: fragment, among: found.sorted()).map { "; did you mean `#\($0)`?" } ?? ""
            return "link `\(written)`: the page has no `#\(fragment)`\(hint)"
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
        let joined = ContentLinks.joined(target.hasPrefix("/") ? "" : pagePath, target)
        let path = joined.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }.joined(separator: "/")
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
        blocks.forEachBlock { block in
            if case .figure(let figure) = block {
                links.append(Link(destination: figure.source, position: figure.position, isImage: true))
            }
        }
        blocks.forEachInline { inline in
            switch inline {
            case .link(let destination, _, _, let position):
                // Glossary links are made by sitegen and have no place in the text.
                if position.line > 0 { links.append(Link(destination: destination, position: position, isImage: false)) }
            case .image(let source, _, _, let position):
                links.append(Link(destination: source, position: position, isImage: true))
            default: break
            }
        }
        return links
    }
}
