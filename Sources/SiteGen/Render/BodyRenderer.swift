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
    private let config: SiteConfig

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(config: SiteConfig, transforms: [BodyTransform] = [], absoluteLinks: Bool = false) {
        self.transforms = transforms
        self.config = config
        let basePath = absoluteLinks ? config.baseURL : config.basePath
        renderer = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in
            Self.resolve(destination, basePath: basePath)
        }
    }

    func render(_ body: Body) -> String {
        let blocks = transforms.reduce(body.document.blocks) { blocks, transform in transform(blocks) }
        return renderer.render(MarkdownDocument(blocks: HeadingAnchors.assign(blocks)))
    }

    /// An event's text for its pages and, with site links from the whole base URL, for the
    /// exports other sites show, from one rendering: the renderer leaves a mark where the base
    /// goes, and each copy puts its base there. A body with embedded blocks (drawn for pages
    /// only), or whose text happens to hold the mark, is rendered twice.
    func renderForPagesAndExports(_ body: Body) -> (page: String, export: String) {
        let exportRenderer = BodyRenderer(config: config, absoluteLinks: true)
        guard body.embeds.isEmpty else { return (render(body), exportRenderer.render(body)) }
        let mark = "\u{E000}"
        let marked = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in Self.resolve(destination, basePath: mark) }
            .render(MarkdownDocument(blocks: HeadingAnchors.assign(body.document.blocks)))
        var siteLinks = 0
        body.document.blocks.forEachInline { inline in
            switch inline {
            case .link(let destination, _, _, _), .image(let destination, _, _, _):
                if destination.hasPrefix("/"), !destination.hasPrefix("//") { siteLinks += 1 }
            default: break
            }
        }
        let escapedMark = HTMLEscaping.escapeURL(mark)
        guard marked.components(separatedBy: escapedMark).count - 1 == siteLinks else { return (render(body), exportRenderer.render(body)) }
        return (marked.replacingOccurrences(of: escapedMark, with: HTMLEscaping.escapeURL(config.basePath)),
                marked.replacingOccurrences(of: escapedMark, with: HTMLEscaping.escapeURL(config.baseURL)))
    }

    /// Site-absolute links (`/tidslinje/`) get the base path so they work under a subpath;
    /// everything else (relative, external, `#fragment`) is left as written.
    static func resolve(_ destination: String, basePath: String) -> String {
        guard destination.hasPrefix("/"), !destination.hasPrefix("//") else { return destination }
        return basePath + destination.dropFirst()
    }
}

/// Gives every heading an id from its text, unique within the page (`hvad-skete-der`,
/// `hvad-skete-der-2`), so readers can link to a section.
enum HeadingAnchors {
    static func assign(_ blocks: [BlockNode]) -> [BlockNode] {
        var used: [String: Int] = [:]
        return blocks.rewritingBlocks { block in
            guard case .heading(let level, let content, let id, let position) = block, id.isEmpty else { return nil }
            let slug = Slug.make(content.plainText)
            let base = slug.isEmpty ? "afsnit" : slug
            let count = used[base, default: 0] + 1
            used[base] = count
            return [.heading(level: level, content: content, id: count == 1 ? base : "\(base)-\(count)", position: position)]
        }
    }
}
