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

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(config: SiteConfig, transforms: [BodyTransform] = [], reservedIDs: Set<String> = [], absoluteLinks: Bool = false) {
        self.transforms = transforms
        self.reservedIDs = reservedIDs
        let basePath = absoluteLinks ? config.baseURL : config.basePath
        renderer = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in
            Self.resolve(destination, basePath: basePath)
        }
    }

    /// `idPrefix` starts every heading id (an event's id, since the timeline shows many events'
    /// texts on one page); `taken` are more ids the page has (the sources page's sources).
    func render(_ body: Body, idPrefix: String = "", taken: Set<String> = []) -> String {
        let blocks = transforms.reduce(body.document.blocks) { blocks, transform in transform(blocks) }
        let anchored = HeadingAnchors.assign(blocks, reserved: reservedIDs.union(taken), prefix: idPrefix)
        return renderer.render(MarkdownDocument(blocks: anchored))
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

    private static func droppingTrailingSpace(_ text: String) -> String {
        String(text.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

import Foundation
