import Markdown

/// Every Markdown body rendered to HTML once, in parallel, before any page uses it:
/// an event's text shows on its own page and in the timeline.
struct RenderedBodies: Sendable {
    /// In the order of `Site.bodies`.
    private var fragments: [Fragment]
    private let numbers: BodyNumbers

    /// No bodies: for the list entries, which never show one.
    static let none = RenderedBodies(fragments: [], numbers: BodyNumbers(pages: 0, articles: 0, events: 0))

    subscript(_ owner: BodyOwner) -> Fragment {
        fragments[numbers.number(of: owner)]
    }

    /// `transforms` are the body tree transforms for embedded blocks (see `BodyRenderer`);
    /// `templates` draw photos and embedded posts (`MediaMarkup`).
    /// A body `memo` holds under the same file version and site is reused, unless it embeds a
    /// timeline or a map whose events or places changed since.
    static func render(
        _ site: Site, transforms: [BodyTransform] = [], templates: CompiledTemplates? = nil, keys: ReuseKeys, memo: RenderMemo,
        into next: inout [Int: Fragment]
    ) async -> RenderedBodies {
        let renderer = BodyRenderer(site: site, transforms: transforms, templates: templates)
        let entries = site.bodies
        let bodies = entries.map(\.body)
        // Notes get ids of their own per text: an event's show in the timeline beside others'.
        let notePrefixes = entries.map { entry in
            switch entry.owner {
            case .frontPage: ""
            case .page(let index): site.pages[index].slug + "-"
            case .article(let index): site.articles[index].slug + "-"
            case .event(let index): site.events[index].id + "-"
            case .term(let index): site.terms[index].slug + "-"
            }
        }
        let memoKeys = bodies.map { Fingerprint.of("body", $0.stamp, keys.global) }
        let fragments = await memo.fragments(memoKeys, into: &next, isCurrent: { $0.embedsKey == keys.embeds($0.embeds) }) { chunk in
            chunk.map { number in
                let kinds = bodies[number].embeds
                return Fragment(renderer.render(bodies[number], footnotePrefix: notePrefixes[number]), embeds: kinds, embedsKey: keys.embeds(kinds))
            }
        }
        return RenderedBodies(fragments: fragments, numbers: site.bodyNumbers)
    }
}
