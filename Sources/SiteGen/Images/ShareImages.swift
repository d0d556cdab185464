/// The picture a page is shared with (`og:image`): the 1200x630 crop of the first photo of
/// its text, else the site's `image` from site.yaml.
enum ShareImages {
    struct Choice: Sendable {
        var contentPath: String
        var alt: String
    }

    /// The share image of the page showing `owner`'s text (nil for a list page).
    static func choice(for owner: BodyOwner?, in site: Site) -> Choice? {
        if let owner, let first = site.images.firstPhotos[owner] { return first }
        return siteDefault(site)
    }

    /// The first published figure of each text that has one, from the texts' links: the
    /// render lets go of the articles' trees before their pages are made.
    static func firstPhotos(in site: Site, links: TextLinks) -> [BodyOwner: Choice] {
        let numbers = site.bodyNumbers
        var found: [BodyOwner: Choice] = [:]
        for (number, bodyLinks) in links.byBody.enumerated() {
            for link in bodyLinks {
                guard case .figure(let alt) = link.kind, case .content(let path) = link.target, site.images.published[path] != nil else { continue }
                found[numbers.owner(of: number)] = Choice(contentPath: path, alt: alt)
                break
            }
        }
        return found
    }

    /// Every photo some page is shared with: only their crops are published.
    static func used(in site: Site) -> Set<String> {
        Set(site.images.firstPhotos.values.map(\.contentPath) + [siteDefault(site)?.contentPath].compactMap { $0 })
    }

    /// The site's `image:` as a reference for the image step.
    static func defaultReference(_ config: SiteConfig) -> SiteImagesBuilder.Reference? {
        guard let image = config.shareImage else { return nil }
        return SiteImagesBuilder.Reference(contentPath: contentPath(image.value), written: image.value, location: image.location)
    }

    private static func siteDefault(_ site: Site) -> Choice? {
        guard let image = site.config.shareImage, site.images.published[contentPath(image.value)] != nil else { return nil }
        return Choice(contentPath: contentPath(image.value), alt: "")
    }

    /// `image: forside.jpg` names content/forside.jpg.
    private static func contentPath(_ written: String) -> String {
        ContentLinks.joined("content", written.hasPrefix("/") ? String(written.dropFirst()) : written)
    }
}
