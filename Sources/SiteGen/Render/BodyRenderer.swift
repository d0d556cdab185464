import Markdown

/// A change to a body's node tree before it is rendered, e.g. a fenced block of a known
/// kind replaced by the HTML it stands for (a `trustedHTML` node). Blocks are checked, and
/// their problems reported at their lines, in the model stage; a transform only draws.
typealias BodyTransform = @Sendable ([BlockNode]) -> [BlockNode]

/// Renders Markdown bodies for this site: heading anchors, links to content files made the
/// URLs of their pages, site links given the base path, photos in their published sizes
/// (`ImageMarkup`), notes and typography in the site's language. Works on the node tree, never on HTML strings.
struct BodyRenderer: Sendable {
    let allowsRawHTML: Bool
    /// What site paths start with: the base path, or the whole base URL.
    let prefix: String
    let links: ContentLinks
    let images: SiteImages
    let labels: HTMLRenderer.Labels
    /// The language's quotes (`typography.quotes` in the strings), nil when typography is off.
    let quotes: Typography.Quotes?
    /// The partials photos and embedded posts are drawn with; nil draws plain `<img>` elements
    /// and leaves ```embed blocks as code (feeds, exports).
    let markup: MediaMarkup?
    /// Tree transforms applied in order before rendering: ```timeline blocks into event lists
    /// (`TimelineEmbed.transform`), ```map blocks into figures (`MapEmbeds.transform`).
    /// Without them such blocks stay code blocks.
    var transforms: [BodyTransform] = []

    /// `absoluteLinks` writes site links with the whole base URL, for text read on other sites.
    init(site: Site, transforms: [BodyTransform] = [], templates: CompiledTemplates? = nil, absoluteLinks: Bool = false) {
        self.transforms = transforms
        allowsRawHTML = site.config.allowsRawHTML
        let prefix = absoluteLinks ? site.config.baseURL : site.config.basePath
        self.prefix = prefix
        links = site.contentLinks
        images = site.images
        labels = HTMLRenderer.Labels(footnotes: site.strings.text["footnotes.label"] ?? "Notes",
                                     backToText: site.strings.text["footnotes.back"] ?? "Back to the text")
        quotes = site.config.typography ? Typography.Quotes(site.strings.text["typography.quotes"] ?? "") ?? .english : nil
        markup = templates.map { MediaMarkup(templates: $0, site: site, prefix: prefix) }
    }

    /// `footnotePrefix` keeps the ids of this text's notes apart from those of other texts
    /// shown on the same page (events in the timeline).
    func render(_ body: Body, footnotePrefix: String = "") -> String {
        let source = body.sourcePath
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
        var blocks = transforms.reduce(body.document.blocks) { blocks, transform in transform(blocks) }
        if let markup { blocks = markup.embeds(blocks, from: source) { href($0, from: source) } }
        if let quotes { blocks = Typography.apply(blocks, quotes: quotes) }
        return renderer.render(MarkdownDocument(blocks: HeadingAnchors.assign(blocks)))
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

    private func escapedHref(_ destination: String, from sourcePath: String) -> String {
        HTMLEscaping.isDangerousURL(destination) ? "" : HTMLEscaping.escapeURL(href(destination, from: sourcePath))
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
