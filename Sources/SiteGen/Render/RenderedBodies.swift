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
    static func render(
        _ site: Site, transforms: [BodyTransform] = [], keys: ReuseKeys, memo: RenderMemo, into next: inout [Int: Fragment]
    ) async -> RenderedBodies {
        let renderer = BodyRenderer(config: site.config, transforms: transforms)
        let bodies = site.bodies.map(\.body)
        let memoKeys = bodies.map { Fingerprint.of("body", $0.stamp, keys.global) }
        let fragments = await memo.fragments(memoKeys, into: &next, isCurrent: { $0.embedsKey == keys.embeds($0.embeds) }) { chunk in
            chunk.map { number in
                let kinds = bodies[number].embeds
                return Fragment(renderer.render(bodies[number]), embeds: kinds, embedsKey: keys.embeds(kinds))
            }
        }
        return RenderedBodies(fragments: fragments, numbers: site.bodyNumbers)
    }
}
