import Markdown

/// The Atom feed (RFC 4287) of articles and events, newest first, for feed readers and
/// other newsrooms. Dated by the content, not the clock.
enum AtomFeed {
    static let entryLimit = 50

    /// `eventsOnly` gives the timeline's own feed (`/tidslinje/feed.xml`).
    static func render(_ site: Site, models: ViewModels, eventsOnly: Bool = false) -> String {
        let config = site.config
        let selfPath = eventsOnly ? site.routes.timelineFeed : site.routes.feed
        let title = eventsOnly ? site.strings["timeline.feedTitle"].replacingOccurrences(of: "{title}", with: config.title) : config.title
        let alternate = eventsOnly ? config.absoluteURL(site.routes.timeline) : config.baseURL
        let siteOffset = { (date: ContentDate) in ZoneOffsets.offset(of: config.timeZone, atInstant: date.instant()) ?? 0 }
        let newest = newest(site, eventsOnly: eventsOnly)
        // The events feed changes only when an event does.
        let feedUpdated = eventsOnly ? newest.map(\.updated).max() : site.lastUpdated ?? newest.first?.updated
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(config.language))" xml:base="\(escape(config.baseURL))">
          <title>\(escape(title))</title>
          <subtitle>\(escape(config.description))</subtitle>
          <id>\(escape(eventsOnly ? config.absoluteURL(selfPath) : config.baseURL))</id>
          <link rel="alternate" type="text/html" href="\(escape(alternate))"/>
          <link rel="self" type="application/atom+xml" href="\(escape(config.absoluteURL(selfPath)))"/>

        """
        if let feedUpdated { xml += "  <updated>\(timestamp(feedUpdated, offset: siteOffset))</updated>\n" }
        xml += "  <author><name>\(escape(config.publisher.isEmpty ? config.title : config.publisher))</name></author>\n"
        for candidate in newest {
            xml += entry(candidate.item, site: site, models: models, offset: siteOffset)
        }
        xml += "</feed>\n"
        return xml
    }

    private enum FeedItem {
        case article(Int), event(Int)
    }

    /// The articles the main feed shows, whose texts the render keeps for it.
    static func articlesShown(_ site: Site) -> Set<Int> {
        Set(newest(site, eventsOnly: false).compactMap { if case .article(let index) = $0.item { index } else { nil } })
    }

    /// The items a feed shows, newest first. Picked before any is escaped: a feed of a big site
    /// must stay cheap.
    private static func newest(_ site: Site, eventsOnly: Bool) -> ArraySlice<(updated: ContentDate, published: ContentDate, item: FeedItem)> {
        let candidates: [(updated: ContentDate, published: ContentDate, item: FeedItem)] =
            (eventsOnly ? [] : site.articles.indices.map { (site.articles[$0].updated ?? site.articles[$0].date, site.articles[$0].date, .article($0)) })
            + site.events.indices.map { (site.events[$0].updated ?? site.events[$0].date, site.events[$0].date, .event($0)) }
        return candidates.sorted { ($0.updated, $0.published) > ($1.updated, $1.published) }.prefix(entryLimit)
    }

    private static func entry(_ item: FeedItem, site: Site, models: ViewModels, offset: (ContentDate) -> Int) -> String {
        switch item {
        case .article(let index):
            let article = site.articles[index]
            return entry(title: article.title, url: site.config.absoluteURL(site.routes.article(article.slug)), summary: article.summary,
                         html: models.bodies[.article(index)].html, published: article.date, updated: article.updated ?? article.date, offset: offset)
        case .event(let index):
            let event = site.events[index]
            let summary = "\(models.dates.eventWhen(site.localDate(of: event), placeName: site.clockName(of: event))). \(site.strings["status.\(event.status.rawValue).label"])."
            return entry(title: event.title, url: site.config.absoluteURL(site.routes.event(event.id)), summary: summary,
                         html: models.bodies[.event(index)].html, published: event.date, updated: event.updated ?? event.date, offset: offset)
        }
    }

    private static func entry(title: String, url: String, summary: String, html: String, published: ContentDate,
                              updated: ContentDate, offset: (ContentDate) -> Int) -> String {
        """
          <entry>
            <title>\(escape(title))</title>
            <id>\(escape(url))</id>
            <link rel="alternate" type="text/html" href="\(escape(url))"/>
            <published>\(timestamp(published, offset: offset))</published>
            <updated>\(timestamp(updated, offset: offset))</updated>
            <summary>\(escape(summary))</summary>
            <content type="html">\(escape(html))</content>
          </entry>

        """
    }

    /// Atom needs a full timestamp; a date without a time is midnight in the site's zone.
    static func timestamp(_ date: ContentDate, offset: (ContentDate) -> Int) -> String {
        guard !date.hasTime else { return date.iso8601 }
        var full = date
        full.offset = offset(date)
        full.precision = .minute
        return full.iso8601
    }

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}

/// sitemap.xml: every page with a URL, in the order pages are listed.
enum Sitemap {
    static func render(_ site: Site, jobs: [PageJob]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for job in jobs {
            guard let path = job.path(in: site) else { continue }
            xml += "  <url><loc>\(HTMLEscaping.escape(site.config.absoluteURL(path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
