import Markdown
import Media
import Mustache

/// The HTML of images and figures in texts, from `partials/picture` and `partials/figure`,
/// so that a designer changes it in the templates. A photo the site published
/// (`SiteImages`) gets its WebP and JPEG sizes, `width` and `height` (so nothing jumps while
/// it loads) and lazy loading after the text's first image; any other image is shown as it is.
struct ImageMarkup: Sendable {
    let templates: MustacheLibrary
    let images: SiteImages
    /// What site paths start with: the base path, or the whole base URL for text read elsewhere.
    let prefix: String

    /// An inline image.
    func image(_ request: HTMLRenderer.ImageRequest, target: ContentLinks.Target, href: String) -> String? {
        templates.render(picture(target: target, href: href, alt: request.alt, index: request.index, displayWidth: nil),
                         withTemplate: "partials/picture")
    }

    func figure(_ request: HTMLRenderer.FigureRequest, target: ContentLinks.Target, href: String) -> String? {
        let figure = request.figure
        let value: [String: Any] = [
            "picture": picture(target: target, href: href, alt: figure.alt ?? "", index: request.index, displayWidth: figure.width),
            "caption": request.captionHTML,
            "credit": figure.credit,
            "hasCaption": !request.captionHTML.isEmpty || !figure.credit.isEmpty,
        ]
        return templates.render(value, withTemplate: "partials/figure")
    }

    /// The values `partials/picture` reads. URLs are escaped here (`{{{src}}}`, `href` comes
    /// escaped); text is escaped by the template (`{{alt}}`).
    private func picture(target: ContentLinks.Target, href: String, alt: String, index: Int, displayWidth: Int?) -> [String: Any] {
        var value: [String: Any] = ["src": href, "alt": alt, "lazy": index > 0]
        guard case .content(let path) = target, let image = images.published[path] else { return value }
        func url(_ file: PublishedImage.File) -> String { HTMLEscaping.escapeURL(prefix + file.sitePath) }
        func srcset(_ files: [PublishedImage.File]) -> String { files.map { "\(url($0)) \($0.variant.size.width)w" }.joined(separator: ", ") }
        let jpeg = image.variants(.jpeg)
        // For browsers that read no srcset: a size that serves most screens.
        let fallback = jpeg.first(where: { $0.variant.size.width >= 960 }) ?? jpeg.last!
        let width = min(displayWidth ?? image.size.width, image.size.width)
        value["src"] = url(fallback)
        value["webp"] = srcset(image.variants(.webp))
        value["srcset"] = srcset(jpeg)
        value["hasSize"] = true
        value["width"] = width
        value["height"] = max(1, (image.size.height * width + image.size.width / 2) / image.size.width)
        if let displayWidth { value["displayWidth"] = displayWidth }
        return value
    }
}
