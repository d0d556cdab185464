import Markdown
import Mustache

/// Every Markdown body rendered to HTML once, in parallel, before any page uses it:
/// an event's text shows on its own page and in the timeline.
struct RenderedBodies: Sendable {
    var frontPage: Fragment
    var pages: [Fragment]
    var articles: [Fragment]
    var events: [Fragment]
    var terms: [Fragment]

    /// No bodies: for the list entries, which never show one.
    static let none = RenderedBodies(frontPage: Fragment(""), pages: [], articles: [], events: [], terms: [])

    /// `transforms` are the body tree transforms for embedded blocks (see `BodyRenderer`);
    /// `templates` draw the photos (`ImageMarkup`).
    /// A body `memo` holds under the same file version and site is reused, unless it embeds a
    /// timeline or a map whose events or places changed since.
    static func render(
        _ site: Site, transforms: [BodyTransform] = [], templates: MustacheLibrary? = nil, keys: ReuseKeys, memo: RenderMemo,
        into next: inout [Int: Fragment]
    ) async -> RenderedBodies {
        let renderer = BodyRenderer(site: site, transforms: transforms, templates: templates)
        let bodies = site.bodies
        // Notes get ids of their own per text: an event's show in the timeline beside others'.
        let notePrefixes = [""] + site.pages.map { $0.slug + "-" } + site.articles.map { $0.slug + "-" }
            + site.events.map { $0.id + "-" } + site.terms.map { $0.slug + "-" }
        let memoKeys = bodies.map { Fingerprint.of("body", $0.stamp, keys.global) }
        var html = await memo.fragments(memoKeys, into: &next, isCurrent: { $0.embedsKey == keys.embeds($0.embeds) }) { chunk in
            chunk.map { number in
                let kinds = bodies[number].embeds
                return Fragment(renderer.render(bodies[number], footnotePrefix: notePrefixes[number]), embeds: kinds, embedsKey: keys.embeds(kinds))
            }
        }[...]
        func take(_ count: Int) -> [Fragment] {
            defer { html = html.dropFirst(count) }
            return Array(html.prefix(count))
        }
        let front = take(1)[0]
        return RenderedBodies(frontPage: front, pages: take(site.pages.count), articles: take(site.articles.count),
                              events: take(site.events.count), terms: take(site.terms.count))
    }
}
