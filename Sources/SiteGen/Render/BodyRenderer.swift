import Markdown

/// Renders Markdown bodies for this site: heading anchors, links rewritten for the base
/// path. Works on the node tree, never on HTML strings.
struct BodyRenderer: Sendable {
    let renderer: HTMLRenderer
    /// The HTML of an embedded timeline (a ```timeline block); nil leaves such blocks as code.
    var timeline: (@Sendable (TimelineFilter) -> String)?

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(config: SiteConfig, timeline: (@Sendable (TimelineFilter) -> String)? = nil, absoluteLinks: Bool = false) {
        self.timeline = timeline
        let basePath = absoluteLinks ? config.baseURL : config.basePath
        renderer = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in
            Self.resolve(destination, basePath: basePath)
        }
    }

    func render(_ body: Body) -> String {
        var blocks = body.document.blocks
        if let timeline { blocks = TimelineEmbed.replace(blocks, render: timeline) }
        return renderer.render(MarkdownDocument(blocks: HeadingAnchors.assign(blocks)))
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
        return blocks.map { assign($0, used: &used) }
    }

    private static func assign(_ block: BlockNode, used: inout [String: Int]) -> BlockNode {
        switch block {
        case .heading(let level, let content, let id, let position) where id.isEmpty:
            let base = Slug.make(content.plainText).isEmpty ? "afsnit" : Slug.make(content.plainText)
            let count = used[base, default: 0] + 1
            used[base] = count
            return .heading(level: level, content: content, id: count == 1 ? base : "\(base)-\(count)", position: position)
        case .blockQuote(let children):
            return .blockQuote(children.map { assign($0, used: &used) })
        case .list(let kind, let tight, let items):
            return .list(kind: kind, tight: tight, items: items.map { $0.map { assign($0, used: &used) } })
        default:
            return block
        }
    }
}
