import Markdown
import Media

/// The HTML of images, figures and embedded posts in texts, from `partials/picture`,
/// `partials/figure` and `partials/embed` with their view models (`PictureView`, `FigureView`,
/// `EmbedView`), so that a designer changes it in the templates.
/// A photo the site published (`SiteImages`) gets its WebP and JPEG sizes, `width` and
/// `height` (so nothing jumps while it loads) and lazy loading after the text's first
/// image; any other image is shown as it is.
struct MediaMarkup: Sendable {
    let templates: CompiledTemplates
    let images: SiteImages
    let links: ContentLinks
    /// What site paths start with: the base path, or the whole base URL for text read elsewhere.
    let prefix: String
    let dates: DateText
    /// The interface words, which `partials/embed` reads as `{{t.embed.watch}}`.
    let strings: EntryStrings

    init(templates: CompiledTemplates, site: Site, prefix: String) {
        self.templates = templates
        images = site.images
        links = site.contentLinks
        self.prefix = prefix
        dates = DateText(strings: site.strings, siteZone: site.config.timeZone)
        strings = EntryStrings(t: TemplateStrings(site.strings))
    }

    /// An inline image.
    func image(_ request: HTMLRenderer.ImageRequest, from sourcePath: String, href: String) -> String? {
        let target = links.target(of: request.source, from: sourcePath)
        return templates.render(picture(target: target, href: href, alt: request.alt, index: request.index, displayWidth: nil),
                                with: Templates.picture)
    }

    func figure(_ request: HTMLRenderer.FigureRequest, from sourcePath: String, href: String) -> String? {
        let figure = request.figure
        let target = links.target(of: figure.source, from: sourcePath)
        let view = FigureView(
            picture: picture(target: target, href: href, alt: figure.alt ?? "", index: request.index, displayWidth: figure.width),
            caption: request.captionHTML.isEmpty ? nil : request.captionHTML,
            credit: figure.credit.isEmpty ? nil : figure.credit)
        return templates.render(view, with: Templates.figure)
    }

    /// Each ```embed block made a card (`EmbedCard`); a block with problems was reported when
    /// the text was read and stays as it is.
    func embeds(_ blocks: [BlockNode], from sourcePath: String, href: (String) -> String) -> [BlockNode] {
        blocks.rewritingBlocks { block in
            guard case .codeBlock(let info, let code, _) = block, EmbedCard.isEmbed(info),
                  let card = EmbedCard.parse(code, path: sourcePath, fenceLine: 1).0 else { return nil }
            let image = card.image.map { image in
                picture(target: links.target(of: image.value, from: sourcePath), href: HTMLEscaping.escapeURL(href(image.value)),
                        alt: card.kind == .video ? "" : card.text, index: 1, displayWidth: nil)
            }
            let view = EmbedView(
                isVideo: card.kind == .video, url: HTMLEscaping.escapeURL(card.url), platform: card.platform,
                paragraphs: card.text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init),
                author: card.author, handle: card.handle,
                date: card.date.map { TimeView(iso: dates.iso($0), text: dates.stamp($0)) }, picture: image)
            return [.trustedHTML(templates.render(EntryContext(shared: strings, own: view), with: Templates.embed))]
        }
    }

    /// What `partials/picture` shows. URLs are escaped here (`{{{src}}}`; `href` comes
    /// escaped); text is escaped by the template (`{{alt}}`).
    private func picture(target: ContentLinks.Target, href: String, alt: String, index: Int, displayWidth: Int?) -> PictureView {
        var view = PictureView(src: href, alt: alt, lazy: index > 0)
        guard case .content(let path) = target, let image = images.published[path] else { return view }
        func url(_ file: PublishedImage.File) -> String { HTMLEscaping.escapeURL(prefix + file.sitePath) }
        func srcset(_ files: [PublishedImage.File]) -> String { files.map { "\(url($0)) \($0.variant.size.width)w" }.joined(separator: ", ") }
        let jpeg = image.variants(.jpeg)
        // For browsers that read no srcset: a size that serves most screens.
        let fallback = jpeg.first(where: { $0.variant.size.width >= 960 }) ?? jpeg.last!
        let width = min(displayWidth ?? image.size.width, image.size.width)
        view.src = url(fallback)
        view.webp = srcset(image.variants(.webp))
        view.srcset = srcset(jpeg)
        view.size = ImageSizeView(width: width, height: max(1, (image.size.height * width + image.size.width / 2) / image.size.width))
        view.displayWidth = displayWidth
        return view
    }
}
