import Markdown

/// Stage 2: checks the references between content files and arranges everything in
/// reading order. Returns every problem it finds, not just the first.
enum SiteModelBuilder {
    /// `terms` are `content`'s glossary in the site's order (`glossary`), and `routes` the
    /// site's: the glossary's index is made from both while the model is built.
    static func build(_ content: SiteContent, glossary terms: [GlossaryTerm], routes: Routes, config: SiteConfig, strings: Strings,
                      includeDrafts: Bool) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let places = placesByID(content.places)
        let articles = newestFirst(content.articles.filter { includeDrafts || !$0.draft })
        let events = EventOrder.chronological(content.events.filter { includeDrafts || !$0.draft }, places: places, siteZone: config.timeZone)
        diagnostics += checkPlaces(articles: articles, events: events, places: places)
        diagnostics += checkEvents(events)
        // Without content/index.md (already reported) the rest is still checked, as a site with an empty front page.
        let frontPage = content.frontPage ?? emptyPage(at: "content/index.md")
        let tagSlugs = tagSlugs(articles: articles, events: events)
        let (tagNames, tagNameProblems) = TagNames.byslug(content.tagNames, used: Set(tagSlugs.values))
        diagnostics += tagNameProblems
        var site = Site(
            config: config, strings: strings, routes: routes, frontPage: frontPage,
            sourcesPage: content.sourcesPage ?? emptyPage(at: "content/sources.md"), pages: content.pages,
            articles: articles, events: events, terms: terms, places: places,
            sources: SourceIndex.entries(events: events, descriptions: content.sources, language: config.language),
            tags: tags(articles: articles, events: events, slugs: tagSlugs, names: tagNames, language: config.language),
            lastUpdated: newestDate(frontPage: frontPage, articles: articles, events: events))
        site.tagNames = tagNames
        diagnostics += OutputPaths.collisions(site)
        diagnostics += TimelineEmbed.check(site.bodies { _, body in body.embeds.contains(.timeline) }, events: events, places: places)
        return (content.frontPage == nil ? nil : site, diagnostics)
    }

    /// The glossary in the site's order, alphabetical in its language: `Site.terms`.
    static func glossary(_ terms: [GlossaryTerm], config: SiteConfig) -> [GlossaryTerm] {
        Collation.sorted(terms, language: config.language) { $0.title }
    }

    private static func emptyPage(at path: String) -> Page {
        Page(slug: "", title: "", summary: "", body: Body(document: MarkdownDocument(blocks: []), firstLine: 1), location: SourceLocation(path: path))
    }

    /// Newest first, the slug breaking ties. The keys are computed once and indices sorted,
    /// so a big site's articles are not copied on every swap.
    private static func newestFirst(_ articles: [Article]) -> [Article] {
        let keys = articles.map { ($0.date.instant(), $0.date.precision.rawValue) }
        return articles.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] { return keys[lhs] > keys[rhs] }
            return articles[lhs].slug < articles[rhs].slug
        }.map { articles[$0] }
    }

    private static func placesByID(_ places: [Place]) -> [String: Place] {
        var result: [String: Place] = [:]
        for place in places where result[place.id] == nil {
            result[place.id] = place
        }
        return result
    }

    private static func checkPlaces(articles: [Article], events: [Event], places: [String: Place]) -> [Diagnostic] {
        let ids = places.keys.sorted()
        let references = articles.flatMap(\.placeIDs) + events.flatMap(\.placeIDs)
        return references.filter { places[$0.value] == nil }.map { reference in
            // "; did you mean `y`?" ends a sentence itself; without it the sentence needs its full stop.
            let hint = Suggestion.didYouMean(reference.value, among: ids)
            return .error(reference.location,
                "unknown place `\(reference.value)`\(hint.isEmpty ? "." : hint) Places are defined in content/places.yaml.")
        }
    }

    private static func checkEvents(_ events: [Event]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for event in events {
            if let end = event.end, end.value < event.date {
                diagnostics.append(.error(end.location, "`end` (\(end.value.iso8601)) is before `date` (\(event.date.iso8601)); check the day and the time zone"))
            }
            if event.sources.isEmpty {
                diagnostics.append(.warning(event.location, "event `\(event.id)` has no sources; add `sources: [Reuters]` so readers see who reported it"))
            }
        }
        return diagnostics
    }

    /// Every tag name an article or event has, with its slug: a big site names the same few
    /// tags tens of thousands of times, and each name is folded once.
    private static func tagSlugs(articles: [Article], events: [Event]) -> [String: String] {
        var slugs: [String: String] = [:]
        for tags in articles.lazy.map(\.tags) + events.lazy.map(\.tags) {
            for name in tags where slugs[name] == nil { slugs[name] = Slug.make(name) }
        }
        return slugs
    }

    private static func tags(articles: [Article], events: [Event], slugs: [String: String], names: [String: String], language: String) -> [Tag] {
        var bySlug: [String: Tag] = [:]
        // By index here and below: a `for` over the articles copied each, every string counted in and out.
        for index in articles.indices {
            for name in articles[index].tags.firstOccurrences(by: { $0 }) {
                let slug = slugs[name]!
                bySlug[slug, default: Tag(name: name, slug: slug, articleIndices: [], eventIndices: [])].articleIndices.append(index)
            }
        }
        for index in events.indices {
            for name in events[index].tags.firstOccurrences(by: { $0 }) {
                let slug = slugs[name]!
                bySlug[slug, default: Tag(name: name, slug: slug, articleIndices: [], eventIndices: [])].eventIndices.append(index)
            }
        }
        let tags = bySlug.values.filter { !$0.slug.isEmpty }.map { tag in
            var sorted = tag
            sorted.name = names[tag.slug] ?? tag.name
            sorted.articleIndices.sort()
            sorted.eventIndices.sort()
            return sorted
        }
        return Collation.sorted(tags, language: language) { $0.name }
    }

    /// The newest date written anywhere: publication, update or correction (an event's own
    /// `date` is when it happened, not when it was written).
    private static func newestDate(frontPage: Page, articles: [Article], events: [Event]) -> ContentDate? {
        var newest: ContentDate?
        func consider(_ date: ContentDate?) {
            if let date, newest.map({ $0 < date }) ?? true { newest = date }
        }
        consider(frontPage.date)
        consider(frontPage.updated)
        frontPage.corrections.forEach { consider($0.date) }
        for index in articles.indices {
            consider(articles[index].date)
            consider(articles[index].updated)
            articles[index].corrections.forEach { consider($0.date) }
        }
        for index in events.indices {
            consider(events[index].updated)
            events[index].corrections.forEach { consider($0.date) }
        }
        return newest
    }
}

/// The timeline's order: by the day as written, undated-by-clock events first in a day,
/// then by instant; the file order breaks ties so equal times never swap between builds.
enum EventOrder {
    static func chronological(_ events: [Event], places: [String: Place], siteZone: String) -> [Event] {
        // Keys once, then indices sorted: comparing recomputed dates and swapping whole
        // events was most of the model stage on a big site.
        let keys = events.map { event in
            let local = localDate(event, places: places)
            return (day: local.dayNumber, timed: local.hasTime, instant: local.instant())
        }
        return events.indices.sorted { lhs, rhs in
            let (a, b) = (keys[lhs], keys[rhs])
            if a.day != b.day { return a.day < b.day }
            if a.timed != b.timed { return !a.timed }
            if a.instant != b.instant { return a.instant < b.instant }
            return (events[lhs].location.path, lhs) < (events[rhs].location.path, rhs)
        }.map { events[$0] }
    }

    /// A timed event seen on the clock of its zone (its `timezone`, else its place's), so
    /// "09:00+01:00 in Almaty" reads as 14:00 local time and files under Almaty's day.
    static func localDate(_ event: Event, places: [String: Place]) -> ContentDate {
        onLocalClock(event.date, of: event, places: places)
    }

    /// Any date of an event (its `date`, its `end`) on the event's local clock.
    static func onLocalClock(_ date: ContentDate, of event: Event, places: [String: Place]) -> ContentDate {
        guard date.hasTime else { return date }
        var zone = event.timeZone
        if zone == nil, case .id(let id) = event.placeReference { zone = places[id.value]?.timeZone }
        guard let zone, let offset = ZoneOffsets.offset(of: zone, atInstant: date.instant()) else { return date }
        return date.converted(toOffset: offset)
    }
}

/// Every source named by an event, as originator or in a `via` chain.
enum SourceIndex {
    static func entries(events: [Event], descriptions: [SourceDescription], language: String) -> [SourceEntry] {
        var byAnchor: [String: SourceEntry] = [:]
        for description in descriptions {
            let anchor = Slug.make(description.name)
            byAnchor[anchor] = SourceEntry(name: description.name, anchor: anchor, description: description, eventIndices: [])
        }
        // A big site names the same few sources thousands of times: each name is folded once.
        var anchors: [String: String] = [:]
        for (index, event) in events.enumerated() {
            let names = Set(event.sources.flatMap { [$0.name] + $0.via })
            for name in names.sorted() {
                let anchor = anchors[name] ?? Slug.make(name)
                anchors[name] = anchor
                guard !anchor.isEmpty else { continue }
                byAnchor[anchor, default: SourceEntry(name: name, anchor: anchor, description: nil, eventIndices: [])]
                    .eventIndices.append(index)
            }
        }
        return Collation.sorted(Array(byAnchor.values), language: language) { $0.name }
    }
}

/// Two pieces of content that would write the same file: the later one would silently win.
enum OutputPaths {
    static func collisions(_ site: Site) -> [Diagnostic] {
        let routes = site.routes
        let reserved = [routes.timeline, routes.glossary, routes.sources, routes.tags, routes.articles, routes.map] + routes.timelineReserved
        // Every page with a text of its own; the front page's and the sources page's paths are
        // their own. By owner, the bodies left where they are: copying each out to read its
        // place counted its tree and strings in and out.
        let numbers = site.bodyNumbers
        var first: [String: (location: SourceLocation, eventID: String?)] = [:]
        first.reserveCapacity(site.bodyCount)
        var diagnostics: [Diagnostic] = []
        for number in 0..<site.bodyCount {
            let owner = numbers.owner(of: number)
            guard owner != .frontPage, owner != .sourcesPage else { continue }
            let eventID: String? = if case .event(let index) = owner { site.events[index].id } else { nil }
            let claim = (path: site.path(of: owner), location: site.withBody(of: owner) { $1 }, eventID: eventID)
            if reserved.contains(claim.path) {
                diagnostics.append(.error(claim.location, "this page would be written to /\(claim.path), which sitegen uses itself; rename the file"))
            } else if let (earlier, earlierID) = first[claim.path], let id = claim.eventID, earlierID == id {
                // The id is what the editor wrote (or the file name); say so rather than talk about paths.
                diagnostics.append(.error(claim.location,
                    "two events have the id `\(id)` (the other is \(earlier.path):\(earlier.line)); give one of them another `id` or rename its file"))
            } else if let (earlier, _) = first[claim.path] {
                diagnostics.append(.error(claim.location,
                    "this page would be written to /\(claim.path) like \(earlier.path):\(earlier.line); rename one of the files (or change its `id`)"))
            } else {
                first[claim.path] = (claim.location, claim.eventID)
            }
        }
        return diagnostics
    }
}

/// content/tags.yaml, checked: each entry names a tag some article or event has.
enum TagNames {
    /// `used`: the slugs of the tags articles and events have.
    static func byslug(_ names: [Located<TagName>], used: Set<String>) -> ([String: String], [Diagnostic]) {
        var result: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for entry in names {
            let slug = Slug.make(entry.value.tag)
            if used.contains(slug) {
                result[slug] = entry.value.name
            } else {
                diagnostics.append(.warning(entry.location, "no article or event has the tag `\(entry.value.tag)`; check its spelling in `tags:`"))
            }
        }
        return (result, diagnostics)
    }
}
