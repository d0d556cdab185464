import Markdown

/// A link, image or figure an editor wrote in a text, with where it lands on the site.
struct TextLink: Sendable {
    enum Kind: Sendable {
        case link, image
        /// A photo set apart with its caption; `alt` is empty for a decorative one.
        case figure(alt: String)
    }

    var destination: String
    var location: SourceLocation
    var kind: Kind
    var target: ContentLinks.Target

    var isImage: Bool {
        if case .link = kind { false } else { true }
    }
}

/// The links every text holds, found as each body was read (`Body.written`) and resolved
/// once, before the photos are made: the image step takes its photos from them and the link
/// check, after the render, the rest; share images take each text's first figure. Each walked
/// and resolved every link of every body on its own.
struct TextLinks: Sendable {
    /// One list per body, in the order of `Site.bodies`.
    let byBody: [[TextLink]]

    static let none = TextLinks(byBody: [])

    /// Body by body in parallel: a large site has tens of thousands of links.
    static func collect(in site: Site) async -> TextLinks {
        let (contentLinks, numbers) = (site.contentLinks, site.bodyNumbers)
        // Each body read where it lies in the site, not copied into a list first on one core.
        return TextLinks(byBody: await Array(0..<site.bodyCount).concurrentMap { number in
            site.withBody(of: numbers.owner(of: number)) { body, location in links(in: body, path: location.path, resolving: contentLinks) }
        })
    }

    /// The embedded posts' pictures, then the figures, then the links and images in the text.
    static func links(in body: Body, path: String, resolving contentLinks: ContentLinks) -> [TextLink] {
        var links: [TextLink] = []
        func add(_ destination: String, at location: SourceLocation, _ kind: TextLink.Kind) {
            links.append(TextLink(destination: destination, location: location, kind: kind,
                                  target: contentLinks.target(of: destination, from: body.sourcePath)))
        }
        for block in EmbedCard.blocks(in: body) {
            if let image = EmbedCard.parse(block.code, path: path, fenceLine: block.fenceLine).0?.image {
                add(image.value, at: image.location, .image)
            }
        }
        for written in body.written {
            add(written.destination, at: body.location(written.position, path: path), written.kind)
        }
        return links
    }
}
