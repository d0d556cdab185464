/// One page of the site to render; the list of jobs is the site map.
enum PageJob: Sendable {
    case home
    case page(Int)
    case articles
    case article(Int)
    case event(Int)
    case timeline
    /// The key moments only.
    case keyTimeline
    /// The events at one place from places.yaml, by id.
    case placeTimeline(String)
    /// The events with one tag, by index into `Site.tags`.
    case tagTimeline(Int)
    case glossary
    case term(Int)
    case sources
    case tags
    case tag(Int)
    case notFound
    case map
    case mapPlace(Int)

    static func all(for site: Site) -> [PageJob] {
        [.home, .articles, .timeline, .glossary, .sources, .tags, .notFound]
            + site.pages.indices.map(PageJob.page)
            + site.articles.indices.map(PageJob.article)
            + site.events.indices.map(PageJob.event)
            + site.terms.indices.map(PageJob.term)
            + site.tags.indices.map(PageJob.tag)
            + [.keyTimeline] + site.eventPlaceIDs.map(PageJob.placeTimeline) + site.eventTagIndices.map(PageJob.tagTimeline)
            + [.map] + (site.map?.places.indices.map(PageJob.mapPlace) ?? [])
    }

    /// A page that lists many articles or events (the timelines, tag pages, the map): each
    /// costs as much as hundreds of others, so they are rendered first, while the other cores
    /// are still busy, rather than last, by one core alone.
    var listsMany: Bool {
        switch self {
        case .home, .articles, .timeline, .keyTimeline, .placeTimeline, .tagTimeline, .glossary, .sources, .tags, .tag, .map: true
        case .page, .article, .event, .term, .notFound, .mapPlace: false
        }
    }

    /// The site path of the page; nil for the 404 page, which has no URL of its own.
    func path(in site: Site) -> String? {
        let routes = site.routes
        switch self {
        case .home: return routes.home
        case .page(let index): return routes.page(site.pages[index].slug)
        case .articles: return routes.articles
        case .article(let index): return routes.article(site.articles[index].slug)
        case .event(let index): return routes.event(site.events[index].id)
        case .timeline: return routes.timeline
        case .keyTimeline: return routes.timelineKey
        case .placeTimeline(let id): return routes.timelinePlace(id)
        case .tagTimeline(let index): return routes.timelineTag(site.tags[index].slug)
        case .glossary: return routes.glossary
        case .term(let index): return routes.term(site.terms[index].slug)
        case .sources: return routes.sources
        case .tags: return routes.tags
        case .tag(let index): return routes.tag(site.tags[index].slug)
        case .notFound: return nil
        case .map: return routes.map
        case .mapPlace(let index): return routes.mapPlace(site.map!.places[index].place.id)
        }
    }
}
