import Markdown

/// Markdown bodies rendered to HTML once, in parallel: an event's text shows on its own page
/// and in the timeline. The articles' are made with their pages instead (the `render` with
/// `then`): only its own page shows an article's text, and holding every one at once was a
/// large build's peak memory.
struct RenderedBodies: Sendable {
    /// In the order of `Site.bodies`.
    private var fragments: [Fragment]
    /// Those made after the rest (`setting`), by their place in `fragments`: for a few
    /// articles' pages at a time, which would otherwise each copy the whole list.
    private var later: [Int: Fragment] = [:]
    private let numbers: BodyNumbers

    /// No bodies: for the list entries, which never show one.
    static let none = RenderedBodies(fragments: [], numbers: BodyNumbers(pages: 0, articles: 0, events: 0))

    private init(fragments: [Fragment], numbers: BodyNumbers) {
        self.fragments = fragments
        self.numbers = numbers
    }

    subscript(_ owner: BodyOwner) -> Fragment {
        let number = numbers.number(of: owner)
        return later.isEmpty ? fragments[number] : later[number] ?? fragments[number]
    }

    /// The same bodies with these made too.
    func setting(_ rendered: [(owner: BodyOwner, fragment: Fragment)]) -> RenderedBodies {
        var bodies = self
        for (owner, fragment) in rendered { bodies.later[numbers.number(of: owner)] = fragment }
        return bodies
    }

    /// Every body of `site` but those `Maker.withPage` picks, which are rendered with their
    /// pages (the `render` with `then`) and left empty here.
    static func render(_ site: Site, maker: Maker, memo: RenderMemo, into next: inout [Int: Fragment]) async -> RenderedBodies {
        let numbers = site.bodyNumbers
        let picked = site.owners { owner, _ in !maker.withPage(owner) }
        var fragments = [Fragment](repeating: Fragment(""), count: site.bodyCount)
        for (owner, fragment) in zip(picked, await render(picked, maker: maker, memo: memo, into: &next, then: { $0.map(\.fragment) })) {
            fragments[numbers.number(of: owner)] = fragment
        }
        return RenderedBodies(fragments: fragments, numbers: numbers)
    }

    /// Renders the bodies of `owners` in parallel chunks. In the task that made them, `then`
    /// gets each chunk's owners with their HTML and returns what is kept of each: all of it, or
    /// (for articles, whose pages it makes) less. Keeping every article's HTML to the end grew
    /// a large build's memory with every article. Each body is read where it lies in the site,
    /// by the task that renders it: copying them out first was one core's pass over every tree.
    static func render<Kept: Sendable>(
        _ owners: [BodyOwner], maker: Maker, memo: RenderMemo, into next: inout [Int: Fragment],
        then: @escaping @Sendable (_ chunk: [(owner: BodyOwner, fragment: Fragment)]) -> [Kept]
    ) async -> [Kept] {
        // A plain build has no memo to look in or fill, and each key was a pass over the body's
        // stamp, on one core.
        let memoKeys = memo.needsFragmentKeys ? owners.map { maker.memoKey($0) } : []
        let recordsNext = memo.recordsNext
        let made = await [BodyOwner].inOrder([BodyOwner].chunks(owners.count)) { _, places in
            let fragments = places.map { (memoKeys.isEmpty ? nil : memo.fragment(memoKeys[$0], isCurrent: maker.isCurrent)) ?? maker.fragment(for: owners[$0]) }
            return zip(fragments, then(Array(zip(owners[places], fragments)))).map { made, kept in
                (kept: kept, made: recordsNext ? made : nil)
            }
        }
        if recordsNext {
            for (key, fragment) in zip(memoKeys, made) { next[key] = fragment.made }
        }
        return made.map(\.kept)
    }

    /// How a body becomes its fragment in this build. `transforms` are the body tree transforms
    /// for embedded blocks (see `BodyRenderer`); `templates` draw photos and embedded posts
    /// (`MediaMarkup`). A body `memo` holds under the same file version and site is reused,
    /// unless it embeds a timeline or a map whose events or places changed since.
    /// `reservedIDs` are the ids the templates write (`TemplateSet.reservedIDs`), which no
    /// heading takes. `withPage`: whose bodies are rendered with their pages, not beforehand.
    struct Maker: Sendable {
        let site: Site
        let renderer: BodyRenderer
        let keys: ReuseKeys
        let sourceAnchors: Set<String>
        let withPage: @Sendable (BodyOwner) -> Bool

        init(site: Site, transforms: [BodyTransform] = [], templates: CompiledTemplates? = nil, reservedIDs: Set<String> = [], keys: ReuseKeys,
             withPage: @escaping @Sendable (BodyOwner) -> Bool = { _ in false }) {
            self.site = site
            renderer = BodyRenderer(site: site, transforms: transforms, templates: templates, reservedIDs: reservedIDs)
            self.keys = keys
            sourceAnchors = Set(site.sources.map(\.anchor))
            self.withPage = withPage
        }

        func memoKey(_ owner: BodyOwner) -> Int {
            site.withBody(of: owner) { body, _ in Fingerprint.of("body", body.stamp, keys.global) }
        }

        func isCurrent(_ fragment: Fragment) -> Bool {
            fragment.embedsKey == keys.embeds(fragment.embeds)
        }

        func fragment(for owner: BodyOwner) -> Fragment {
            site.withBody(of: owner) { body, _ in fragment(for: owner, body) }
        }

        private func fragment(for owner: BodyOwner, _ body: Body) -> Fragment {
            let kinds = body.embeds
            let fragment = { (html: [UInt8]) in Fragment(bytes: html, embeds: kinds, embedsKey: keys.embeds(kinds)) }
            switch owner {
            case .event(let index):
                // An event's text is also in the exports, with absolute links: rendered once for both. The
                // timeline shows many events' texts on one page: each event's heading and note ids start with its own.
                let (page, export) = renderer.renderForPagesAndExports(body, idPrefix: site.events[index].id + "-")
                var rendered = fragment(Array(page.utf8))
                rendered.export = export
                return rendered
            case .sourcesPage:
                // The sources page's text keeps clear of the sources' anchors.
                return fragment(renderer.renderBytes(body, taken: sourceAnchors))
            default:
                return fragment(renderer.renderBytes(body))
            }
        }
    }
}
