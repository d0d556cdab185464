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

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(config: SiteConfig, transforms: [BodyTransform] = [], absoluteLinks: Bool = false) {
        self.transforms = transforms
        let basePath = absoluteLinks ? config.baseURL : config.basePath
        renderer = HTMLRenderer(allowsRawHTML: config.allowsRawHTML) { destination in
            Self.resolve(destination, basePath: basePath)
        }
    }

    func render(_ body: Body) -> String {
        let blocks = transforms.reduce(body.document.blocks) { blocks, transform in transform(blocks) }
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
        return blocks.rewritingBlocks { block in
            guard case .heading(let level, let content, let id, let position) = block, id.isEmpty else { return nil }
            let base = Slug.make(content.plainText).isEmpty ? "afsnit" : Slug.make(content.plainText)
            let count = used[base, default: 0] + 1
            used[base] = count
            return [.heading(level: level, content: content, id: count == 1 ? base : "\(base)-\(count)", position: position)]
        }
    }
}
