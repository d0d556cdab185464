/// The template context of each page: what every page shares (site, strings, navigation,
/// meta tags) plus what the page's own template lists.
struct PageContexts {
    let models: ViewModels
    let fragments: ListFragments
    /// The strings as templates read them, built once per renderer rather than per page.
    let strings: [String: Any]

    init(models: ViewModels, fragments: ListFragments) {
        self.models = models
        self.fragments = fragments
        strings = models.site.strings.templateValue
    }

    private func articleItems(_ indices: some Sequence<Int>) -> [[String: Any]] {
        indices.map { ["html": fragments.articles[$0].html] }
    }

    private func eventItems(_ indices: some Sequence<Int>) -> [[String: Any]] {
        indices.map { ["html": fragments.events[$0].html] }
    }

    private var site: Site { models.site }

    func context(for job: PageJob) -> [String: Any] {
        let (meta, own) = content(for: job)
        var context = own
        context["site"] = siteValues
        context["t"] = strings
        context["page"] = pageValues(job: job, meta: meta)
        context["nav"] = navigation(current: job.path(in: site))
        if let updated = site.lastUpdated {
            context["lastUpdated"] = models.time(updated, text: models.dates.stamp(updated))
        }
        return context
    }

    private struct Meta {
        var title: String
        var description: String
        var type = "website"
    }

    private func content(for job: PageJob) -> (Meta, [String: Any]) {
        let strings = site.strings
        switch job {
        case .home:
            let page = site.frontPage
            return (Meta(title: page.title, description: page.summary), [
                "title": page.title, "summary": page.summary, "body": models.bodies.frontPage.html,
                "articles": articleItems(site.articles.indices.prefix(10)),
                "keyEvents": eventItems(site.events.indices.filter { site.events[$0].isKey }),
                "timelineHref": models.href(site.routes.timeline),
            ])
        case .page(let index):
            let page = site.pages[index]
            return (Meta(title: page.title, description: page.summary),
                    ["title": page.title, "summary": page.summary, "body": models.bodies.pages[index].html])
        case .articles:
            return (Meta(title: strings["articles.title"], description: site.config.description),
                    ["articles": articleItems(site.articles.indices)])
        case .article(let index):
            let article = site.articles[index]
            return (Meta(title: article.title, description: article.summary, type: "article"), ["article": models.article(index)])
        case .event(let index):
            let event = site.events[index]
            let date = site.localDate(of: event)
            var own: [String: Any] = ["event": models.event(index, withBody: true), "timelineHref": models.href(site.routes.timeline),
                                      "jsonLD": EventJSONLD.json(index, site: site)]
            if index > 0 { own["previous"] = models.eventMention(index - 1) }
            if index + 1 < site.events.count { own["next"] = models.eventMention(index + 1) }
            return (Meta(title: event.title, description: "\(models.dates.day(date)): \(event.title)", type: "article"), own)
        case .timeline, .keyTimeline, .placeTimeline, .tagTimeline:
            let view = TimelineView(job: job, site: site)
            return (Meta(title: view.title, description: view.intro), view.context(models, entries: fragments.timeline.map(\.html)))
        case .glossary:
            let (letters, groups) = models.glossaryIndex()
            return (Meta(title: strings["glossary.title"], description: site.config.description),
                    ["letters": letters, "groups": groups, "jsonLD": StructuredData.definedTermSet(site)])
        case .term(let index):
            let term = site.terms[index]
            return (Meta(title: term.title, description: term.short),
                    ["term": models.term(index, withBody: true, mentions: fragments), "glossaryHref": models.href(site.routes.glossary),
                     "jsonLD": StructuredData.definedTerm(index, site: site)])
        case .sources:
            return (Meta(title: strings["sources.title"], description: site.config.description), ["sources": sources()])
        case .tags:
            return (Meta(title: strings["tags.title"], description: site.config.description), ["tags": site.tags.map(tagSummary)])
        case .tag(let index):
            let tag = site.tags[index]
            return (Meta(title: tag.name, description: site.config.description), [
                "tag": tagSummary(tag),
                "articles": articleItems(tag.articleIndices),
                "events": eventItems(tag.eventIndices),
            ])
        case .notFound:
            return (Meta(title: strings["notFound.title"], description: site.config.description), [:])
        case .map:
            return (Meta(title: strings["map.title"], description: strings["map.intro"]), models.mapOverview())
        case .mapPlace(let index):
            let name = site.map!.places[index].place.name
            return (Meta(title: name, description: "\(strings["map.title"]): \(name)"), models.mapPlacePage(index))
        }
    }

    private var siteValues: [String: Any] {
        let config = site.config
        return [
            "title": config.title, "description": config.description, "language": config.language,
            "publisher": config.publisher, "home": models.href(""), "feed": models.href(site.routes.feed),
            "stylesheet": models.href("style.css"), "locale": ogLocale(config.language),
        ]
    }

    private func pageValues(job: PageJob, meta: Meta) -> [String: Any] {
        let path = job.path(in: site)
        let isHome = path == ""
        var values: [String: Any] = [
            "title": meta.title, "description": meta.description.isEmpty ? site.config.description : meta.description,
            "fullTitle": isHome ? meta.title : "\(meta.title) – \(site.config.title)",
            "ogType": meta.type, "isHome": isHome,
        ]
        if let path { values["canonical"] = site.config.absoluteURL(path) }
        return values
    }

    private func navigation(current: String?) -> [[String: Any]] {
        let routes = site.routes
        let items = [("nav.home", routes.home), ("nav.articles", routes.articles), ("nav.timeline", routes.timeline),
                     ("nav.glossary", routes.glossary), ("nav.sources", routes.sources), ("nav.map", routes.map)]
        return items.map { key, path in
            ["label": site.strings[key], "href": models.href(path), "current": current == path]
        }
    }

    private func sources() -> [[String: Any]] {
        site.sources.map { entry in
            var value: [String: Any] = [
                "name": entry.name, "anchor": entry.anchor,
                "events": entry.eventIndices.map(models.eventMention),
            ]
            if let description = entry.description {
                value["description"] = description.description
                if let url = description.url { value["url"] = url.text }
            }
            return value
        }
    }

    private func tagSummary(_ tag: Tag) -> [String: Any] {
        ["name": tag.name, "href": models.href(site.routes.tag(tag.slug)), "count": tag.articleIndices.count + tag.eventIndices.count]
    }

    /// Open Graph wants `da_DK`, not BCP 47's `da`.
    private func ogLocale(_ language: String) -> String {
        let known = ["da": "da_DK", "en": "en_GB", "sv": "sv_SE", "nb": "nb_NO", "de": "de_DE"]
        return known[language] ?? language.replacingOccurrences(of: "-", with: "_")
    }
}

/// The timeline's day headings, each with its events in order.
enum TimelineDays {
    static func group(_ models: ViewModels, indices: [Int]? = nil, entries: [String]) -> [[String: Any]] {
        var days: [[String: Any]] = []
        var currentKey = ""
        var current: [[String: Any]] = []
        var heading: [String: Any] = [:]
        func flush() {
            guard !current.isEmpty else { return }
            var day = heading
            day["events"] = current
            days.append(day)
        }
        for index in indices ?? Array(models.site.events.indices) {
            let event = models.site.events[index]
            let date = models.site.localDate(of: event)
            let key = date.precision >= .day ? String(date.iso8601.prefix(10)) : String(date.iso8601.prefix(7))
            if key != currentKey {
                flush()
                current = []
                currentKey = key
                heading = ["heading": models.dates.dayHeading(date), "iso": key, "anchor": "d" + key]
            }
            current.append(["html": entries[index]])
        }
        flush()
        return days
    }
}
