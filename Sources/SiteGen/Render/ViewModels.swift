import Markdown

/// Builds the values templates see (Render/Contract/): every value is text or HTML sitegen
/// made safe, so templates need no logic.
struct ViewModels: Sendable {
    let site: Site
    private(set) var bodies: RenderedBodies
    let dates: DateText
    let routes: Routes
    /// The strings as templates read them, built once.
    let strings: TemplateStrings
    /// Renders the key facts' lines of Markdown as texts are: links, base path, typography.
    private let inlineRenderer: BodyRenderer
    /// What `preparingItems` made once for every page that shows it; nil until then.
    private var prepared: Prepared?

    private struct Prepared: Sendable {
        /// Each event's view without its text.
        var eventViews: [EventView]
        var articleSummaries: [ArticleSummaryView]
        /// `Site.eventPlaceIDs`: every view of the timeline links every place, and each asked every event again.
        var placeIDs: [String]
        /// The overview map, which the front page and the map page both show.
        var overviewSVG: String?
    }

    var eventPlaceIDs: [String] { prepared?.placeIDs ?? site.eventPlaceIDs }

    func overviewSVG(_ map: SiteMap) -> String { prepared?.overviewSVG ?? MapPages.overviewSVG(site, map: map) }

    init(site: Site, bodies: RenderedBodies) {
        self.site = site
        self.bodies = bodies
        dates = DateText(strings: site.strings, siteZone: site.config.timeZone)
        routes = site.routes
        strings = TemplateStrings(site.strings)
        inlineRenderer = BodyRenderer(site: site)
    }

    /// The same models with other bodies: building the strings again for each chunk of
    /// articles was a good share of their pages' time.
    func with(_ bodies: RenderedBodies) -> ViewModels {
        var models = self
        models.bodies = bodies
        return models
    }

    /// The same models with these bodies made too (`RenderedBodies.setting`).
    func setting(_ rendered: [(owner: BodyOwner, fragment: Fragment)]) -> ViewModels {
        with(bodies.setting(rendered))
    }

    /// The same models with every event's and article's view made once, in parallel: an
    /// event's list entry, timeline entry and page show the same view, an article's list entry
    /// and page the same summary, and making them again for each was a good share of a large build.
    func preparingItems() async -> ViewModels {
        var models = self
        async let overview = site.map.map { [site] in MapPages.overviewSVG(site, map: $0) }
        models.prepared = Prepared(eventViews: await Array(site.events.indices).concurrentMap { [self] in eventView($0) },
                                   articleSummaries: await Array(site.articles.indices).concurrentMap { [self] in articleSummary($0) },
                                   placeIDs: site.eventPlaceIDs, overviewSVG: await overview)
        return models
    }

    /// What every list entry's partial has besides its item.
    var entryStrings: EntryStrings {
        EntryStrings(t: strings, contentLanguage: site.config.contentLanguageIfOther)
    }

    func href(_ path: String) -> String { routes.href(path) }

    func time(_ date: ContentDate, text: String) -> TimeView {
        TimeView(iso: date.iso8601, text: text)
    }

    /// Each tag by its name for readers (content/tags.yaml), linked to its page.
    func tagLinks(_ names: [String]) -> [NamedLink] {
        names.map { name in
            let slug = Slug.make(name)
            return NamedLink(name: site.tagNames[slug] ?? name, href: href(routes.tag(slug)))
        }
    }

    /// The head of a story: its byline (its own `authors`, else the site's), key facts (each
    /// a line of Markdown; may have **bold** words and links, read from the story's file at
    /// `sourcePath`), dates and corrections.
    func storyHead(_ story: StoryHead, from sourcePath: String, date: ContentDate?, updated: ContentDate?,
                   corrections: [Correction]) -> StoryHeadView {
        let authors = story.authors.isEmpty ? site.config.authors : story.authors
        return StoryHeadView(
            byline: ListText.join(authors, strings: site.strings), authors: authors,
            keyFacts: story.keyFacts.map { RenderedEntry(fragment: Fragment(inlineRenderer.renderLine($0, from: sourcePath))) }, corrections: self.corrections(corrections),
            date: date.map { time($0, text: dates.stamp($0)) }, updated: updated.map { time($0, text: dates.stamp($0)) })
    }


    func corrections(_ corrections: [Correction]) -> [CorrectionView] {
        corrections.sorted { $0.date < $1.date }.map { correction in
            CorrectionView(date: time(correction.date, text: dates.stamp(correction.date)), text: correction.text)
        }
    }

    func articleSummary(_ index: Int) -> ArticleSummaryView {
        if let prepared { return prepared.articleSummaries[index] }
        let article = site.articles[index]
        return ArticleSummaryView(
            title: article.title, href: href(routes.article(article.slug)), summary: article.summary,
            date: time(article.date, text: dates.stamp(article.date)), tags: tagLinks(article.tags),
            updated: article.updated.map { time($0, text: dates.stamp($0)) })
    }

    func article(_ index: Int) -> ArticleView {
        let article = site.articles[index]
        return ArticleView(
            summary: articleSummary(index), body: bodies[.article(index)], corrections: corrections(article.corrections),
            places: article.placeIDs.compactMap { site.places[$0.value] }.map { NamedLink(name: $0.name, href: href(routes.mapPlace($0.id))) },
            head: storyHead(article.story, from: article.body.sourcePath, date: article.date, updated: article.updated, corrections: article.corrections))
    }

    func event(_ index: Int, withBody: Bool) -> EventView {
        var view = prepared?.eventViews[index] ?? eventView(index)
        if withBody { view.body = bodies[.event(index)] }
        return view
    }

    private func eventView(_ index: Int) -> EventView {
        let event = site.events[index]
        let date = site.localDate(of: event)
        let clock = site.clockName(of: event)
        return EventView(
            id: event.id, title: event.title, href: href(routes.event(event.id)),
            when: time(date, text: dates.eventWhen(date, placeName: clock)),
            isNew: site.isNew(event), day: dates.day(date), isKey: event.isKey,
            status: status(event.status), sources: sources(event.sources), tags: tagLinks(event.tags),
            corrections: corrections(event.corrections),
            time: dates.eventTime(date, placeName: clock),
            end: site.localEnd(of: event).map { time($0, text: dates.eventWhen($0, placeName: clock)) },
            updated: event.updated.map { time($0, text: dates.stamp($0)) },
            // Several places (`places:`) give several; `{{#place}}` repeats for each.
            place: site.places(of: event).map { self.place($0) },
            body: nil,
            clock: dates.clock(date, hasPlace: clock != nil), siteClock: dates.siteClock(date))
    }

    /// An event named in passing (previous/next, the sources page): title, link, day, status.
    func eventMention(_ index: Int) -> EventMentionView {
        let event = site.events[index]
        return EventMentionView(title: event.title, href: href(routes.event(event.id)), day: dates.day(site.localDate(of: event)),
                                status: status(event.status))
    }

    func place(_ place: Place) -> PlaceView {
        // Every named place is on the map and has a page there; an unnamed inline one has not.
        PlaceView(name: place.name, lat: coordinate(place.latitude), lon: coordinate(place.longitude),
                  coordinates: coordinateText(place), mapHref: place.id.isEmpty ? nil : href(routes.mapPlace(place.id)),
                  description: place.description)
    }

    func status(_ status: VerificationStatus) -> StatusView {
        StatusView(value: status.rawValue, label: site.strings["status.\(status.rawValue).label"],
                   explanation: site.strings.text["status.\(status.rawValue).explanation"] ?? "")
    }

    /// "Zakon via Reuters": each name links to its entry on the sources page.
    func sources(_ sources: [SourceRef]) -> [SourceCredit] {
        sources.map { source in
            SourceCredit(name: source.name, href: href(routes.source(Slug.make(source.name))),
                         via: source.via.map { NamedLink(name: $0, href: href(routes.source(Slug.make($0)))) },
                         originalURL: source.url?.text)
        }
    }

    /// Coordinates to five decimals (about a metre), the most a locator map can show.
    func coordinate(_ value: Double) -> String {
        let rounded = (value * 100_000).rounded() / 100_000
        return rounded == rounded.rounded() ? String(format: "%.1f", rounded) : String(rounded)
    }

    private func coordinateText(_ place: Place) -> String {
        let north = place.latitude >= 0 ? site.strings["geo.north"] : site.strings["geo.south"]
        let east = place.longitude >= 0 ? site.strings["geo.east"] : site.strings["geo.west"]
        let separator = site.strings.text["number.decimal"] ?? "."
        // Not Foundation's replacing, which goes through NSString: every event shows its place's.
        func localized(_ number: String) -> String { number.split(separator: ".", omittingEmptySubsequences: false).joined(separator: separator) }
        let latitude = localized(coordinate(abs(place.latitude)))
        let longitude = localized(coordinate(abs(place.longitude)))
        return "\(latitude)° \(north), \(longitude)° \(east)"
    }
}

import Foundation
