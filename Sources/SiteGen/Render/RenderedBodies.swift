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

    /// `taken` are bodies `Site.takeBodies` took out of `site` (none: the site still holds
    /// every tree); each tree is let go once its HTML is made.
    /// `transforms` are the body tree transforms for embedded blocks (see `BodyRenderer`);
    /// `templates` draw photos and embedded posts (`MediaMarkup`).
    /// A body `memo` holds under the same file version and site is reused, unless it embeds a
    /// timeline or a map whose events or places changed since. `reservedIDs` are the ids the
    /// templates write (`TemplateSet.reservedIDs`), which no heading takes.
    static func render(
        _ site: Site, taken: consuming [SiteBody] = [], transforms: [BodyTransform] = [], templates: CompiledTemplates? = nil,
        reservedIDs: Set<String> = [], keys: ReuseKeys, memo: RenderMemo, into next: inout [Int: Fragment]
    ) async -> RenderedBodies {
        let renderer = BodyRenderer(site: site, transforms: transforms, templates: templates, reservedIDs: reservedIDs)
        let numbers = site.bodyNumbers
        var pending = site.bodies
        for index in taken.indices {
            pending[numbers.number(of: taken[index].owner)].body.document.blocks = taken[index].body.document.blocks
            taken[index].body.document.blocks = []
        }
        let sourceAnchors = Set(site.sources.map(\.anchor))
        let memoKeys = pending.map { Fingerprint.of("body", $0.body.stamp, keys.global) }
        // In rounds, whose trees go when the round is done: the texts' trees and their HTML
        // together were a third of a large build's peak memory.
        let fragments = await pending.consumingRounds { round, places in
            await memo.fragments(Array(memoKeys[places]), into: &next, isCurrent: { $0.embedsKey == keys.embeds($0.embeds) }) { chunk in
                chunk.map { offset in
                    let body = round[offset].body
                    let kinds = body.embeds
                    let fragment = { (html: String) in Fragment(html, embeds: kinds, embedsKey: keys.embeds(kinds)) }
                    switch round[offset].owner {
                    case .event(let index):
                        // An event's text is also in the exports, with absolute links: rendered once for both. The
                        // timeline shows many events' texts on one page: each event's heading and note ids start with its own.
                        let (page, export) = renderer.renderForPagesAndExports(body, idPrefix: site.events[index].id + "-")
                        var rendered = fragment(page)
                        rendered.export = export
                        return rendered
                    case .sourcesPage:
                        // The sources page's text keeps clear of the sources' anchors.
                        return fragment(renderer.render(body, taken: sourceAnchors))
                    default:
                        return fragment(renderer.render(body))
                    }
                }
            }
        }
        return RenderedBodies(fragments: fragments, numbers: numbers)
    }
}
