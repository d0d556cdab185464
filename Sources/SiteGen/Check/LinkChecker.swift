import Foundation
import Markdown

/// Checks every link and image an editor wrote in Markdown against the pages and files the
/// build produces, reporting each broken one at its place in the Markdown file. `build`
/// runs it on what it is about to publish, `check` on what a build would publish.
struct LinkChecker: Sendable {
    let site: Site
    /// The texts' links, as the load found and resolved them.
    let links: TextLinks
    /// Every file of the finished site, by output path.
    let written: Set<String>
    /// The `id`s on an output file's page, for `#fragment` links; asked only of the files
    /// `fragmentTargets` names.
    let ids: @Sendable (String) -> Set<String>
    /// `.warning` with `--allow-broken-links`.
    var severity: Diagnostic.Severity = .error

    /// Body by body in parallel: a large site has tens of thousands of links, and the check
    /// stands between the render and the swap.
    func check() async -> [Diagnostic] {
        let numbers = site.bodyNumbers
        var diagnostics = await Array(links.byBody.indices).concurrentMap { number in
            let pagePath = site.path(of: numbers.owner(of: number))
            // Each link lent from the list where it lies: handed over by index or by `compactMap`,
            // every link was copied, each of its strings counted in and out.
            return links.byBody[number].withUnsafeBufferPointer { bodyLinks in
                bodyLinks.indices.compactMap { place in
                    problem(with: bodyLinks[place], from: pagePath).map { Diagnostic(severity, at: bodyLinks[place].location, $0) }
                }
            }
        }.flatMap { $0 }
        if let share = ShareImages.defaultReference(site.config), site.images.published[share.contentPath] == nil {
            diagnostics.append(Diagnostic(severity, at: share.location, "`image` points to nothing the site has (no \(share.contentPath)); it is a photo below content/"))
        }
        return diagnostics
    }

    /// The output files a `#fragment` link in the texts may land on: the only pages whose ids
    /// the check reads, so the render hands over the ids of these and no others.
    /// Body by body in parallel: it reads every link of the site, between two stages that use
    /// both cores.
    static func fragmentTargets(of links: TextLinks, in site: Site) async -> Set<String> {
        let numbers = site.bodyNumbers
        let targets = await Array(links.byBody.indices).concurrentMap { number in
            // Few links have a fragment: a `#` in what was written is looked for before anything
            // else, by index, not on a copy of each link.
            links.byBody[number].withUnsafeBufferPointer { bodyLinks in
                bodyLinks.indices.flatMap { place -> [String] in
                    guard bodyLinks[place].destination.containsASCII(UInt8(ascii: "#")), let destination = local(bodyLinks[place]),
                          case (let target, let fragment?) = split(destination), !fragment.isEmpty else { return [] }
                    let (file, page) = candidates(target, from: site.path(of: numbers.owner(of: number)))
                    return [file, page].compactMap { $0 }
                }
            }
        }
        return Set(targets.joined())
    }

    /// What is wrong with a link written in a body whose page is at `pagePath`, or nil.
    private func problem(with link: TextLink, from pagePath: String) -> String? {
        let what = link.isImage ? "image" : "link"
        switch link.target {
        case .content(let photo):
            // A photo the image step published, or reported as damaged; else it is not there.
            guard site.images.published[photo] == nil else { return nil }
            return "\(what) `\(link.destination)` points to nothing the site has (no \(photo))"
        case .missingPage(let file):
            let pages = site.contentLinks.pages.keys.map { "/" + $0 }
            return "\(what) `\(link.destination)` points to \(file), which is no page of the site (missing, or a draft)\(Suggestion.didYouMean("/" + file, among: pages))"
        case .site, .asWritten:
            return Self.local(link).flatMap { problem(with: $0, written: link.destination, from: pagePath, what: what) }
        }
    }

    /// Where a link points as a site path (its content file's page, or as written), or nil
    /// for one that leaves the site or is empty.
    private static func local(_ link: TextLink) -> String? {
        let destination: String
        switch link.target {
        case .site(let path): destination = path
        case .asWritten: destination = link.destination
        case .content, .missingPage: return nil
        }
        // A path from the root, most links, is local without a look at its scheme.
        let utf8 = destination.utf8
        if utf8.first == UInt8(ascii: "/"), utf8.dropFirst().first != UInt8(ascii: "/") { return destination }
        // Only the head is lowered: lowering a whole long URL was most of the cost of a link.
        let head = destination.prefix(8).lowercased()
        let external = ["http:", "https:", "mailto:", "tel:", "//"]
        return external.contains(where: head.hasPrefix) || destination.isEmpty ? nil : destination
    }

    private func problem(with destination: String, written: String, from pagePath: String, what: String) -> String? {
        let (target, fragment) = Self.split(destination)
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

    /// The path and the `#fragment` of a destination, without its `?query`. By bytes: `?` and
    /// `#` are ASCII, and most links have neither.
    private static func split(_ destination: String) -> (String, String?) {
        let utf8 = destination.utf8
        let query = utf8.firstIndex(of: UInt8(ascii: "?"))
        guard destination.containsASCII(UInt8(ascii: "#")) || query != nil else { return (destination, nil) }
        let withoutQuery = utf8[..<(query ?? utf8.endIndex)]
        guard let hash = withoutQuery.firstIndex(of: UInt8(ascii: "#")) else { return (String(Substring(withoutQuery)), nil) }
        return (String(Substring(withoutQuery[..<hash])), String(Substring(withoutQuery[utf8.index(after: hash)...])))
    }

    /// The output file a destination lands on, or nil when there is none.
    private func resolve(_ target: String, from pagePath: String) -> String? {
        // `#fragment` alone: the page the link is on.
        if target.isEmpty { return Routes.outputFile(pagePath) }
        let (file, page) = Self.candidates(target, from: pagePath)
        if let file, written.contains(file) { return file }
        return written.contains(page) ? page : nil
    }

    /// The output files a destination may land on, in the order they are tried: a file, then a
    /// folder's page (only the page for a path that ends in `/`). Two values, not a list: a
    /// list was made for every link of the site.
    private static func candidates(_ target: String, from pagePath: String) -> (file: String?, page: String) {
        if target.isEmpty { return (nil, Routes.outputFile(pagePath)) }
        let path = sitePath(target, from: pagePath)
        return (target.hasSuffix("/") ? nil : path, path.isEmpty ? "index.html" : path + "/index.html")
    }

    /// `target` as a path from the site's root, with `.` and `..` taken out and percent
    /// escapes decoded.
    private static func sitePath(_ target: String, from pagePath: String) -> String {
        // Most links are written from the root as the site serves them (`/tidslinje/x/`):
        // nothing to join or decode, and splitting each took a tenth of the link check.
        if target.hasPrefix("/"), !target.containsASCII(UInt8(ascii: "%")), !target.containsASCII("/."), !target.containsASCII("//") {
            var path = target.dropFirst()
            if path.hasSuffix("/") { path = path.dropLast() }
            return String(path)
        }
        let joined = ContentLinks.joined(target.hasPrefix("/") ? "" : pagePath, target)
        return joined.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }.joined(separator: "/")
    }

    private func suggestion(for target: String) -> String {
        let pages = written.filter { $0.hasSuffix("index.html") }.map { "/" + $0.dropLast("index.html".count) }
        return Suggestion.didYouMean(target, among: pages)
    }
}
