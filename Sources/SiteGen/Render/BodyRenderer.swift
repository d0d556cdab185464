import Foundation
import Markdown

/// A change to a body's node tree before it is rendered, e.g. a fenced block of a known
/// kind replaced by the HTML it stands for (a `trustedHTML` node). Blocks are checked, and
/// their problems reported at their lines, in the model stage; a transform only draws.
typealias BodyTransform = @Sendable ([BlockNode]) -> [BlockNode]

/// Renders Markdown bodies for this site: heading anchors, links rewritten for the base
/// path. Works on the node tree, never on HTML strings.
struct BodyRenderer: Sendable {
    let renderer: HTMLRenderer
    /// Tree transforms applied in order before rendering: ```timeline blocks into event lists
    /// (`TimelineEmbed.transform`), ```map blocks into figures (`MapEmbeds.transform`).
    /// Without them such blocks stay code blocks.
    var transforms: [BodyTransform] = []
    /// Ids the templates write themselves (`TemplateSet.reservedIDs`), which no heading may take.
    var reservedIDs: Set<String> = []
    private let config: SiteConfig

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(config: SiteConfig, transforms: [BodyTransform] = [], reservedIDs: Set<String> = [], absoluteLinks: Bool = false) {
        self.transforms = transforms
        self.reservedIDs = reservedIDs
        self.config = config
        let basePath = absoluteLinks ? config.baseURL : config.basePath
        renderer = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in
            Self.resolve(destination, basePath: basePath)
        }
    }

    /// `idPrefix` starts every heading id (an event's id, since the timeline shows many events'
    /// texts on one page); `taken` are more ids the page has (the sources page's sources).
    func render(_ body: Body, idPrefix: String = "", taken: Set<String> = []) -> String {
        let blocks = transforms.reduce(body.document.blocks) { blocks, transform in transform(blocks) }
        return renderer.render(MarkdownDocument(blocks: anchored(blocks, idPrefix: idPrefix, taken: taken)))
    }

    private func anchored(_ blocks: [BlockNode], idPrefix: String, taken: Set<String> = []) -> [BlockNode] {
        HeadingAnchors.assign(blocks, reserved: reservedIDs.union(taken), prefix: idPrefix)
    }

    /// An event's text for its pages and, with site links from the whole base URL, for the
    /// exports other sites show, from one rendering: the renderer leaves a mark where the base
    /// goes, and each copy puts its base there. A body with embedded blocks (drawn for pages
    /// only), or whose text happens to hold the mark, is rendered twice.
    func renderForPagesAndExports(_ body: Body, idPrefix: String = "") -> (page: String, export: String) {
        let exportRenderer = BodyRenderer(config: config, reservedIDs: reservedIDs, absoluteLinks: true)
        let separately = { (render(body, idPrefix: idPrefix), exportRenderer.render(body, idPrefix: idPrefix)) }
        guard body.embeds.isEmpty else { return separately() }
        let mark = "\u{E000}"
        let marked = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in Self.resolve(destination, basePath: mark) }
            .render(MarkdownDocument(blocks: anchored(body.document.blocks, idPrefix: idPrefix)))
        var siteLinks = 0
        body.document.blocks.forEachInline { inline in
            switch inline {
            case .link(let destination, _, _, _), .image(let destination, _, _, _):
                if destination.hasPrefix("/"), !destination.hasPrefix("//") { siteLinks += 1 }
            default: break
            }
        }
        let pieces = Self.pieces(of: marked, between: HTMLEscaping.escapeURL(mark))
        guard pieces.count - 1 == siteLinks else { return separately() }
        return (Self.joined(pieces, with: HTMLEscaping.escapeURL(config.basePath)),
                Self.joined(pieces, with: HTMLEscaping.escapeURL(config.baseURL)))
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

/// Gives every heading an id, so readers can link to a section: the one written after it
/// (`## Status {#status-nu}`), else one made from its text (`hvad-skete-der`). Ids are unique
/// on the page and never one the templates use: a taken id gets `-2`, `-3`, ...
enum HeadingAnchors {
    static func assign(_ blocks: [BlockNode], reserved: Set<String> = [], prefix: String = "") -> [BlockNode] {
        var used = reserved
        return blocks.rewritingBlocks { block in
            guard case .heading(let level, var content, let id, let position) = block, id.isEmpty else { return nil }
            let written = ExplicitID.take(from: &content)
            let slug = Slug.make(content.plainText)
            let base = prefix + (written ?? (slug.isEmpty ? "section" : slug))
            var candidate = base
            var count = 1
            while used.contains(candidate) {
                count += 1
                candidate = "\(base)-\(count)"
            }
            used.insert(candidate)
            return [.heading(level: level, content: content, id: candidate, position: position)]
        }
    }
}

/// `{#id}` at the end of a heading's text: the id an editor chose, taken off the text.
enum ExplicitID {
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

