/// Every Markdown body rendered to HTML once, in parallel, before any page uses it:
/// an event's text shows on its own page and in the timeline.
struct RenderedBodies: Sendable {
    var frontPage: String
    var pages: [String]
    var articles: [String]
    var events: [String]
    var terms: [String]

    /// No bodies: for the list entries, which never show one.
    static let none = RenderedBodies(frontPage: "", pages: [], articles: [], events: [], terms: [])

    /// `transforms` are the body tree transforms for embedded blocks (see `BodyRenderer`).
    static func render(_ site: Site, transforms: [BodyTransform] = []) async -> RenderedBodies {
        let renderer = BodyRenderer(config: site.config, transforms: transforms)
        let bodies = [site.frontPage.body] + site.pages.map(\.body) + site.articles.map(\.body)
            + site.events.map(\.body) + site.terms.map(\.body)
        var html = await bodies.concurrentMap { renderer.render($0) }[...]
        func take(_ count: Int) -> [String] {
            defer { html = html.dropFirst(count) }
            return Array(html.prefix(count))
        }
        let front = take(1)[0]
        return RenderedBodies(frontPage: front, pages: take(site.pages.count), articles: take(site.articles.count),
                              events: take(site.events.count), terms: take(site.terms.count))
    }
}
