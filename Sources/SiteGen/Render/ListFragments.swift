import Mustache

/// Each article's and event's list entry, rendered once by its partial
/// (`partials/article-summary`, `partials/event-summary`) and reused by every page that lists
/// it: on a big site an article shows on the article list, the front page and each of its
/// tag pages, and rendering it once per page was most of the build.
struct ListFragments: Sendable {
    var articles: [Fragment]
    var events: [Fragment]
    /// Each event as a timeline entry, with its text (`partials/timeline-event`): the timeline
    /// and every filtered view of it (key moments, per place, per tag) share them. Made after
    /// the bodies, which embedded timelines need the short entries for.
    var timeline: [Fragment] = []
    /// Each article and event as a glossary entry's "Nævnt i" lists it (`partials/mention`):
    /// a much-used term is mentioned by thousands of pages on a big site.
    var articleMentions: [Fragment] = []
    var eventMentions: [Fragment] = []

    /// Mentions stand inside an `<li>` of the term page's own layout.
    private static func mentionFragment(_ rendered: String) -> Fragment {
        Fragment(rendered.hasSuffix("\n") ? String(rendered.dropLast()) : rendered)
    }

    /// An entry shows its item's front matter and, in the timeline, its text: an entry is
    /// reused while those and the site stay the same.
    static func renderTimeline(
        _ models: ViewModels, library: MustacheLibrary, keys: ReuseKeys, memo: RenderMemo, into next: inout [Int: Fragment]
    ) async -> [Fragment] {
        let events = models.site.events
        let memoKeys = events.indices.map { Fingerprint.of(Templates.timelineEvent.name, events[$0].body.stamp.meta, models.bodies[.event($0)].hash, keys.global) }
        let shared = EntryStrings(t: models.strings)
        return await memo.fragments(memoKeys, into: &next) { chunk in
            chunk.map { index in
                let html = library.render(EntryContext(shared: shared, own: models.event(index, withBody: true)), with: Templates.timelineEvent)
                // The timeline template puts each entry on a line of its own.
                return Fragment(html.hasSuffix("\n") ? String(html.dropLast()) : html)
            }
        }
    }

    static func render(
        _ models: ViewModels, library: MustacheLibrary, keys: ReuseKeys, memo: RenderMemo, into next: inout [Int: Fragment]
    ) async -> ListFragments {
        enum Item: Sendable { case article(Int), event(Int), articleMention(Int), eventMention(Int) }
        let site = models.site
        let (articles, events) = (site.articles.indices, site.events.indices)
        let items = articles.map(Item.article) + events.map(Item.event)
            + articles.map(Item.articleMention) + events.map(Item.eventMention)
        let memoKeys = items.map { item in
            switch item {
            case .article(let index): Fingerprint.of(Templates.articleSummary.name, site.articles[index].body.stamp.meta, keys.global)
            case .event(let index): Fingerprint.of(Templates.eventSummary.name, site.events[index].body.stamp.meta, keys.global)
            case .articleMention(let index): Fingerprint.of(Templates.mention.name, site.articles[index].body.stamp.meta, keys.global)
            case .eventMention(let index): Fingerprint.of(Templates.mention.name, 1, site.events[index].body.stamp.meta, keys.global)
            }
        }
        let shared = EntryStrings(t: models.strings)
        let html = await memo.fragments(memoKeys, into: &next) { chunk in
            chunk.map { number in
                switch items[number] {
                case .article(let index):
                    return Fragment(library.render(EntryContext(shared: shared, own: models.articleSummary(index)), with: Templates.articleSummary))
                case .event(let index):
                    return Fragment(library.render(EntryContext(shared: shared, own: models.event(index, withBody: false)), with: Templates.eventSummary))
                case .articleMention(let index):
                    return mentionFragment(library.render(EntryContext(shared: shared, own: models.mention(article: index)), with: Templates.mention))
                case .eventMention(let index):
                    return mentionFragment(library.render(EntryContext(shared: shared, own: models.mention(event: index)), with: Templates.mention))
                }
            }
        }
        var rest = html[...]
        func take(_ count: Int) -> [Fragment] {
            defer { rest = rest.dropFirst(count) }
            return Array(rest.prefix(count))
        }
        var fragments = ListFragments(articles: take(articles.count), events: take(events.count))
        fragments.articleMentions = take(articles.count)
        fragments.eventMentions = take(events.count)
        return fragments
    }
}
