import Markdown

/// Markdown bodies rendered to HTML once, in parallel: an event's text shows on its own page
/// and in the timeline. The articles' are made round by round with their pages instead
/// (`renderInRounds`): only its own page shows an article's text, and holding every one at
/// once was a large build's peak memory.
struct RenderedBodies: Sendable {
    /// In the order of `Site.bodies`.
    private var fragments: [Fragment]
    private let numbers: BodyNumbers

    /// No bodies: for the list entries, which never show one.
    static let none = RenderedBodies(fragments: [], numbers: BodyNumbers(pages: 0, articles: 0, events: 0))

    subscript(_ owner: BodyOwner) -> Fragment {
        fragments[numbers.number(of: owner)]
    }

    /// The same bodies with these made too.
    func setting(_ rendered: [(owner: BodyOwner, fragment: Fragment)]) -> RenderedBodies {
        var bodies = self
        for (owner, fragment) in rendered { bodies.fragments[numbers.number(of: owner)] = fragment }
        return bodies
    }

    /// Every body of `site` but those `Site.takeBodies` took out of it (`Maker.isTaken`), which
    /// are left empty here for `renderInRounds`.
    static func render(_ site: Site, maker: Maker, memo: RenderMemo, into next: inout [Int: Fragment]) async -> RenderedBodies {
        let all = site.bodies
        let places = all.indices.filter { !maker.isTaken(all[$0].owner) }
        var kept = places.map { all[$0] }
        var fragments = [Fragment](repeating: Fragment(""), count: all.count)
        for (place, fragment) in zip(places, await renderInRounds(&kept, maker: maker, memo: memo, into: &next, each: { $0.map(\.fragment) })) {
            fragments[place] = fragment
        }
        return RenderedBodies(fragments: fragments, numbers: site.bodyNumbers)
    }

    /// Renders `bodies` a round at a time, letting each round's trees go when it is done (see
    /// `consumingRounds`); `each` gets every round's bodies with their HTML as soon as it is made
    /// and returns what is kept of each: all of it, or (for articles, whose pages are made then)
    /// the fragment without its HTML. Keeping every article's HTML to the end grew a large
    /// build's memory with every round.
    static func renderInRounds(
        _ bodies: inout [SiteBody], maker: Maker, memo: RenderMemo, into next: inout [Int: Fragment],
        each: (_ round: [(owner: BodyOwner, fragment: Fragment)]) async throws -> [Fragment]
    ) async rethrows -> [Fragment] {
        let memoKeys = bodies.map { maker.memoKey($0.body) }
        return try await bodies.consumingRounds { round, places in
            let made = await memo.fragments(Array(memoKeys[places]), into: &next, isCurrent: maker.isCurrent) { chunk in
                chunk.map { maker.fragment(for: round[$0]) }
            }
            return try await each(Array(zip(round.map(\.owner), made)))
        }
    }

    /// How a body becomes its fragment in this build. `transforms` are the body tree transforms
    /// for embedded blocks (see `BodyRenderer`); `templates` draw photos and embedded posts
    /// (`MediaMarkup`). A body `memo` holds under the same file version and site is reused,
    /// unless it embeds a timeline or a map whose events or places changed since.
    /// `reservedIDs` are the ids the templates write (`TemplateSet.reservedIDs`), which no
    /// heading takes. `isTaken`: whose bodies `Site.takeBodies` took out of the site.
    struct Maker: Sendable {
        let site: Site
        let renderer: BodyRenderer
        let keys: ReuseKeys
        let sourceAnchors: Set<String>
        let isTaken: @Sendable (BodyOwner) -> Bool

        init(site: Site, transforms: [BodyTransform] = [], templates: CompiledTemplates? = nil, reservedIDs: Set<String> = [], keys: ReuseKeys,
             isTaken: @escaping @Sendable (BodyOwner) -> Bool = { _ in false }) {
            self.site = site
            renderer = BodyRenderer(site: site, transforms: transforms, templates: templates, reservedIDs: reservedIDs)
            self.keys = keys
            sourceAnchors = Set(site.sources.map(\.anchor))
            self.isTaken = isTaken
        }

        func memoKey(_ body: Body) -> Int {
            Fingerprint.of("body", body.stamp, keys.global)
        }

        func isCurrent(_ fragment: Fragment) -> Bool {
            fragment.embedsKey == keys.embeds(fragment.embeds)
        }

        func fragment(for entry: SiteBody) -> Fragment {
            let body = entry.body
            let kinds = body.embeds
            let fragment = { (html: String) in Fragment(html, embeds: kinds, embedsKey: keys.embeds(kinds)) }
            switch entry.owner {
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
