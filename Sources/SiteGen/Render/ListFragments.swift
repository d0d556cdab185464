import Mustache

/// Each article's and event's list entry, rendered once by its partial
/// (`partials/article-summary`, `partials/event-summary`) and reused by every page that lists
/// it: on a big site an article shows on the article list, the front page and each of its
/// tag pages, and rendering it once per page was most of the build.
struct ListFragments: Sendable {
    var articles: [String]
    var events: [String]
    /// Each event as a timeline entry, with its text (`partials/timeline-event`): the timeline
    /// and every filtered view of it (key moments, per place, per tag) share them. Made after
    /// the bodies, which embedded timelines need the short entries for.
    var timeline: [String] = []

    static let articlePartial = "partials/article-summary"
    static let eventPartial = "partials/event-summary"
    static let timelinePartial = "partials/timeline-event"

    static func renderTimeline(_ models: ViewModels, library: MustacheLibrary) async -> [String] {
        await Array(models.site.events.indices).concurrentChunks { chunk in
            let strings = models.site.strings.templateValue
            return chunk.map { index in
                var context = models.event(index, withBody: true)
                context["t"] = strings
                // The timeline template puts each entry on a line of its own.
                let html = library.render(context, withTemplate: timelinePartial) ?? ""
                return html.hasSuffix("\n") ? String(html.dropLast()) : html
            }
        }
    }

    static func render(_ models: ViewModels, library: MustacheLibrary) async -> ListFragments {
        enum Item: Sendable { case article(Int), event(Int) }
        let items = models.site.articles.indices.map(Item.article) + models.site.events.indices.map(Item.event)
        let html = await items.concurrentChunks { chunk in
            let strings = models.site.strings.templateValue
            return chunk.map { item in
                switch item {
                case .article(let index):
                    var context = models.articleSummary(index)
                    context["t"] = strings
                    return library.render(context, withTemplate: articlePartial) ?? ""
                case .event(let index):
                    var context = models.event(index, withBody: false)
                    context["t"] = strings
                    return library.render(context, withTemplate: eventPartial) ?? ""
                }
            }
        }
        return ListFragments(articles: Array(html.prefix(models.site.articles.count)),
                             events: Array(html.dropFirst(models.site.articles.count)))
    }
}
