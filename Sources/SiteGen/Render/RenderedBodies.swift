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

    /// `transforms` are the body tree transforms for embedded blocks (see `BodyRenderer`).
    /// A body `memo` holds under the same file version and site is reused, unless it embeds a
    /// timeline or a map whose events or places changed since.
    /// `reservedIDs` are the ids the templates write (`TemplateSet.reservedIDs`), which no heading takes.
    static func render(
        _ site: Site, transforms: [BodyTransform] = [], reservedIDs: Set<String> = [], keys: ReuseKeys, memo: RenderMemo,
        into next: inout [Int: Fragment]
    ) async -> RenderedBodies {
        let renderer = BodyRenderer(config: site.config, transforms: transforms, reservedIDs: reservedIDs)
        let entries = site.bodies
        let memoKeys = entries.map { Fingerprint.of("body", $0.body.stamp, keys.global) }
        let sourceAnchors = Set(site.sources.map(\.anchor))
        let fragments = await memo.fragments(memoKeys, into: &next, isCurrent: { $0.embedsKey == keys.embeds($0.embeds) }) { chunk in
            chunk.map { number in
                let (owner, body) = (entries[number].owner, entries[number].body)
                let html: String
                switch owner {
                // The timeline shows many events' texts on one page: each event's ids start with its own.
                case .event(let index): html = renderer.render(body, idPrefix: site.events[index].id + "-")
                case .sourcesPage: html = renderer.render(body, taken: sourceAnchors)
                default: html = renderer.render(body)
                }
                return Fragment(html, embeds: body.embeds, embedsKey: keys.embeds(body.embeds))
            }
        }
        return RenderedBodies(fragments: fragments, numbers: site.bodyNumbers)
    }
}
