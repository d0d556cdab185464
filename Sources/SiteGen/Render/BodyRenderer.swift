import Foundation
import Markdown

/// A change to a body's node tree before it is rendered, e.g. a fenced block of a known
/// kind replaced by the HTML it stands for (a `trustedHTML` node). Blocks are checked, and
/// their problems reported at their lines, in the model stage; a transform only draws.
typealias BodyTransform = @Sendable ([BlockNode]) -> [BlockNode]

/// Renders Markdown bodies for this site: heading and note ids unique on the page, links to
/// content files made the URLs of their pages, site links given the base path, photos in their
/// published sizes (`MediaMarkup`), notes and typography in the site's language. Works on the
/// node tree, never on HTML strings.
struct BodyRenderer: Sendable {
    let allowsRawHTML: Bool
    /// What site paths start with: the base path, or the whole base URL.
    private(set) var prefix: String
    /// The whole base URL, which the exports' copy of an event's text starts site paths with.
    private let baseURL: String
    let links: ContentLinks
    let images: SiteImages
    let labels: HTMLRenderer.Labels
    /// The language's quotes (`typography.quotes` in the strings), nil when typography is off.
    let quotes: Typography.Quotes?
    /// The partials photos and embedded posts are drawn with; nil draws plain `<img>` elements
    /// and leaves ```embed blocks as code (feeds, exports).
    private(set) var markup: MediaMarkup?
    /// Tree transforms applied in order before rendering: ```timeline blocks into event lists
    /// (`TimelineEmbed.transform`), ```map blocks into figures (`MapEmbeds.transform`).
    /// Without them such blocks stay code blocks. Only a body whose `embeds` holds one goes through them.
    var transforms: [BodyTransform] = []
    /// Ids the templates write themselves (`TemplateSet.reservedIDs`), which no heading or note may take.
    var reservedIDs: Set<String> = []

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(site: Site, transforms: [BodyTransform] = [], templates: CompiledTemplates? = nil, reservedIDs: Set<String> = [],
         absoluteLinks: Bool = false) {
        self.transforms = transforms
        self.reservedIDs = reservedIDs
        allowsRawHTML = site.config.allowsRawHTML
        baseURL = site.config.baseURL
        let prefix = absoluteLinks ? site.config.baseURL : site.config.basePath
        self.prefix = prefix
        links = site.contentLinks
        images = site.images
        labels = HTMLRenderer.Labels(footnotes: site.strings.text["footnotes.label"] ?? "Notes",
                                     backToText: site.strings.text["footnotes.back"] ?? "Back to the text")
        quotes = site.config.typography ? Typography.Quotes(site.strings.text["typography.quotes"] ?? "") ?? .english : nil
        markup = templates.map { MediaMarkup(templates: $0, site: site, prefix: prefix) }
    }

    /// `idPrefix` starts every heading and note id (an event's id, since the timeline shows many
    /// events' texts on one page); `taken` are more ids the page has (the sources page's sources).
    func render(_ body: Body, idPrefix: String = "", taken: Set<String> = []) -> String {
        String(decoding: renderBytes(body, idPrefix: idPrefix, taken: taken), as: UTF8.self)
    }

    /// The same HTML in UTF-8, for a page written as bytes.
    func renderBytes(_ body: Body, idPrefix: String = "", taken: Set<String> = []) -> [UInt8] {
        let source = body.sourcePath
        // The transforms draw ```timeline and ```map blocks, the markup ```embed cards: a text
        // without any (most) skips their walks.
        var blocks = body.embeds.isDisjoint(with: [.timeline, .map]) ? body.document.blocks
            : transforms.reduce(body.document.blocks) { blocks, transform in transform(blocks) }
        if let markup, body.embeds.contains(.card) { blocks = markup.embeds(blocks, from: source) { href($0, from: source) } }
        // Ids before typography, so a heading's `{#id}` is read as it was written; notes take
        // theirs after the headings, from the same ids of the page.
        var ids = PageIDs(taken: taken.isEmpty ? reservedIDs : reservedIDs.union(taken))
        var renderer = htmlRenderer(from: source, footnotePrefix: idPrefix)
        if let headingIDs = HeadingAnchors.ids(of: blocks, ids: ids, prefix: idPrefix) {
            (renderer.headingIDs, ids) = headingIDs
        } else {
            blocks = HeadingAnchors.assign(blocks, ids: &ids, prefix: idPrefix)
        }
        for id in renderer.footnoteIDs(in: blocks) {
            let claimed = ids.claim(id)
            if claimed != id { renderer.renamedFootnoteIDs[id] = claimed }
        }
        if let quotes { blocks = Typography.apply(blocks, quotes: quotes) }
        return renderer.renderBytes(MarkdownDocument(blocks: blocks))
    }

    /// One line of Markdown (a key fact) as HTML without its paragraph, with the texts' links
    /// and typography.
    func renderLine(_ line: String, from sourcePath: String) -> String {
        var blocks = MarkdownParser.parse(line).blocks
        if let quotes { blocks = Typography.apply(blocks, quotes: quotes) }
        let renderer = htmlRenderer(from: sourcePath, footnotePrefix: "")
        var html = ""
        for block in blocks {
            if case .paragraph(let inlines) = block { html += renderer.render(inlines: inlines) }
        }
        return html
    }

    /// An event's text for its pages and, with site links from the whole base URL, for the
    /// exports other sites show, from one rendering: the renderer leaves a mark where the base
    /// goes, and each copy puts its base there. Both copies have the same heading and note ids.
    /// A body with embedded blocks, photos or ```embed cards (drawn for pages only), or whose text
    /// happens to hold the mark, is rendered twice.
    func renderForPagesAndExports(_ body: Body, idPrefix: String = "") -> (page: String, export: String) {
        var exports = self
        exports.prefix = baseURL
        exports.markup = nil
        exports.transforms = []
        let separately = { (render(body, idPrefix: idPrefix), exports.render(body, idPrefix: idPrefix)) }
        guard body.embeds.isEmpty, !Self.drawsMedia(body.document.blocks) else { return separately() }
        let mark = "\u{E000}"
        var marking = exports
        marking.prefix = mark
        let marked = marking.render(body, idPrefix: idPrefix)
        var siteLinks = 0
        body.document.blocks.forEachInline { inline in
            guard case .link(let destination, _, _, _) = inline, !HTMLEscaping.isDangerousURL(destination) else { return }
            if marking.href(destination, from: body.sourcePath).hasPrefix(mark) { siteLinks += 1 }
        }
        let pieces = Self.pieces(of: marked, between: HTMLEscaping.escapeURL(mark))
        guard pieces.count - 1 == siteLinks else { return separately() }
        return (Self.joined(pieces, with: HTMLEscaping.escapeURL(prefix)),
                Self.joined(pieces, with: HTMLEscaping.escapeURL(baseURL)))
    }

    /// Where a link or image written in the file at `sourcePath` points on the site.
    func href(_ destination: String, from sourcePath: String) -> String {
        switch links.target(of: destination, from: sourcePath) {
        case .site(let path):
            return Self.resolve(path, basePath: prefix)
        case .content(let photo):
            // A link to a photo opens its largest published size.
            guard let largest = images.published[photo]?.variants(.jpeg).last else { return destination }
            return prefix + largest.sitePath
        case .missingPage, .asWritten:
            return Self.resolve(destination, basePath: prefix)
        }
    }

    private func htmlRenderer(from source: String, footnotePrefix: String) -> HTMLRenderer {
        var renderer = HTMLRenderer(allowsRawHTML: allowsRawHTML) { [self] destination in href(destination, from: source) }
        renderer.labels = labels
        renderer.footnotePrefix = footnotePrefix
        if let markup {
            renderer.imageHTML = { [self] request in
                markup.image(request, from: source, href: escapedHref(request.source, from: source))
            }
            renderer.figureHTML = { [self] request in
                markup.figure(request, from: source, href: escapedHref(request.figure.source, from: source))
            }
        }
        return renderer
    }

    private func escapedHref(_ destination: String, from sourcePath: String) -> String {
        HTMLEscaping.isDangerousURL(destination) ? "" : HTMLEscaping.escapeURL(href(destination, from: sourcePath))
    }

    /// Whether the text has what only pages draw through the partials: photos, figures, ```embed cards.
    private static func drawsMedia(_ blocks: [BlockNode]) -> Bool {
        var found = false
        blocks.forEachBlock { block in
            switch block {
            case .figure: found = true
            case .codeBlock(let info, _, _) where EmbedCard.isEmbed(info): found = true
            default: break
            }
        }
        blocks.forEachInline { inline in
            if case .image = inline { found = true }
        }
        return found
    }

    /// `text` cut at each `separator` (ASCII, as an escaped mark is), left to right: what
    /// Foundation's `components(separatedBy:)` gives, by bytes, since every event's text goes through here.
    private static func pieces(of text: String, between separator: String) -> [Substring] {
        let utf8 = text.utf8
        let mark = Array(separator.utf8)
        var pieces: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while let found = utf8[index...].firstIndex(of: mark[0]) {
            guard let end = utf8.index(found, offsetBy: mark.count, limitedBy: utf8.endIndex), utf8[found..<end].elementsEqual(mark) else {
                index = utf8.index(after: found)
                continue
            }
            pieces.append(text[start..<found])
            (start, index) = (end, end)
        }
        pieces.append(text[start...])
        return pieces
    }

    private static func joined(_ pieces: [Substring], with separator: String) -> String {
        var result = ""
        result.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + (pieces.count - 1) * separator.utf8.count)
        for (number, piece) in pieces.enumerated() {
            if number > 0 { result += separator }
            result += piece
        }
        return result
    }

    /// Site-absolute links (`/tidslinje/`) get the base path so they work under a subpath;
    /// everything else (relative, external, `#fragment`) is left as written.
    static func resolve(_ destination: String, basePath: String) -> String {
        guard destination.hasPrefix("/"), !destination.hasPrefix("//") else { return destination }
        return basePath + destination.dropFirst()
    }
}

/// The ids a page's text takes: unique on the page and never one the templates write (or
/// the page has besides the text); a taken id gets `-2`, `-3`, ... until it is free.
struct PageIDs {
    private var used: Set<String>

    init(taken: Set<String>) {
        used = taken
    }

    mutating func claim(_ wanted: String) -> String {
        var candidate = wanted
        var count = 1
        while used.contains(candidate) {
            count += 1
            candidate = "\(wanted)-\(count)"
        }
        used.insert(candidate)
        return candidate
    }
}

/// Gives every heading an id, so readers can link to a section: the one written after it
/// (`## Status {#status-nu}`), else one made from its text (`hvad-skete-der`), claimed from
/// the page's ids (`PageIDs`).
enum HeadingAnchors {
    /// The ids `assign` would give the headings, in the order they are written, with the page's
    /// ids after them; nil when a heading has an id written after it, which `assign` takes off
    /// its text. Reads the tree without copying it: a heading is rarely more than its text.
    static func ids(of blocks: [BlockNode], ids: PageIDs, prefix: String = "") -> (headings: [String], ids: PageIDs)? {
        var ids = ids
        var headings: [String] = []
        var written = false
        blocks.forEachBlock { block in
            guard !written, case .heading(_, let content, let id, _) = block, id.isEmpty else { return }
            written = ExplicitID.isWritten(in: content)
            if !written { headings.append(claim(content, written: nil, ids: &ids, prefix: prefix)) }
        }
        return written ? nil : (headings, ids)
    }

    static func assign(_ blocks: [BlockNode], ids: inout PageIDs, prefix: String = "") -> [BlockNode] {
        blocks.rewritingBlocks { block in
            guard case .heading(let level, var content, let id, let position) = block, id.isEmpty else { return nil }
            let written = ExplicitID.take(from: &content)
            return [.heading(level: level, content: content, id: claim(content, written: written, ids: &ids, prefix: prefix), position: position)]
        }
    }

    /// The id a heading with this text gets: the one written after it, else one made from it.
    private static func claim(_ content: [InlineNode], written: String?, ids: inout PageIDs, prefix: String) -> String {
        let slug = written == nil ? Slug.make(content.plainText) : ""
        return ids.claim(prefix + (written ?? (slug.isEmpty ? "section" : slug)))
    }
}

/// `{#id}` at the end of a heading's text: the id an editor chose, taken off the text.
enum ExplicitID {
    static func isWritten(in content: [InlineNode]) -> Bool {
        var content = content
        return take(from: &content) != nil
    }

    static func take(from content: inout [InlineNode]) -> String? {
        guard case .text(let text)? = content.last else { return nil }
        let trimmed = droppingTrailingSpace(text)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{#", options: .backwards) else { return nil }
        let id = String(trimmed[open.upperBound..<trimmed.index(before: trimmed.endIndex)])
        guard !id.isEmpty, id.allSatisfy({ !$0.isWhitespace && !"\"'<>&#{}".contains($0) }) else { return nil }
        let rest = droppingTrailingSpace(String(trimmed[..<open.lowerBound]))
        content.removeLast()
        if !rest.trimmingCharacters(in: .whitespaces).isEmpty { content.append(.text(rest)) }
        return id
    }

    /// Every heading's text goes through here, so the common case is bytes, not characters:
    /// spaces after an ASCII character are characters of their own. After anything else
    /// a space may belong to the character before it, which the slow way decides.
    private static func droppingTrailingSpace(_ text: String) -> String {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        if end == utf8.endIndex { return text }
        if end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 { return String(text[..<end]) }
        return String(text.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

