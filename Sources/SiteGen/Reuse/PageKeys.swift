/// The key of every page and file: a fingerprint of everything it shows. A page whose key
/// is the one the last build wrote under its path is not rendered again. Lists are keyed by
/// the hashes of the entries they show, so an edit to an event's text changes the timeline's
/// key but not the article list's, whose entry of it stays the same.
struct PageKeys: Sendable {
    let site: Site
    let keys: ReuseKeys
    let bodies: RenderedBodies
    let fragments: ListFragments
    /// Every timeline view links to the others: the places and tags that have events.
    private let timelineNavigation: Int

    init(site: Site, keys: ReuseKeys, bodies: RenderedBodies, fragments: ListFragments) {
        self.site = site
        self.keys = keys
        self.bodies = bodies
        self.fragments = fragments
        timelineNavigation = Fingerprint.of(site.eventPlaceIDs, site.eventTagIndices.map { site.tags[$0].name })
    }

    func key(for job: PageJob) -> Int {
        var key = Fingerprint()
        key.add(keys.global)
        key.add(job.template)
        switch job {
        case .home:
            key.add(site.frontPage.body.stamp.meta)
            key.add(bodies[.frontPage].hash)
            key.add(site.articles.indices.prefix(10).map { fragments.articles[$0].hash })
            key.add(site.keyEventIndices.map { fragments.events[$0].hash })
        case .page(let index):
            key.add(site.pages[index].body.stamp.meta)
            key.add(bodies[.page(index)].hash)
        case .articles:
            key.add(fragments.articles.map(\.hash))
        case .article(let index):
            key.add(site.articles[index].body.stamp.meta)
            key.add(bodies[.article(index)].hash)
        case .event(let index):
            // The page names the events before and after it.
            key.add(eventMeta(index - 1))
            key.add(site.events[index].body.stamp.meta)
            key.add(bodies[.event(index)].hash)
            key.add(eventMeta(index + 1))
        case .timeline, .keyTimeline, .placeTimeline, .tagTimeline:
            key.add(timelineNavigation)
            for index in TimelineView(job: job, site: site).indices {
                key.add(site.events[index].body.stamp.meta)
                key.add(fragments.timeline[index].hash)
            }
        case .glossary, .notFound:
            break // the terms and the site are in `keys.global`
        case .term(let index):
            key.add(site.terms[index].body.stamp.meta)
            key.add(bodies[.term(index)].hash)
            for mention in site.glossary.mentions.indices.contains(index) ? site.glossary.mentions[index] : [] {
                switch mention {
                case .article(let number): key.add(fragments.articleMentions[number].hash)
                case .event(let number): key.add(fragments.eventMentions[number].hash)
                }
            }
        case .sources:
            for entry in site.sources {
                key.add(entry.name)
                key.add(entry.eventIndices.map(eventMeta))
            }
        case .tags:
            for tag in site.tags {
                key.add(tag.name)
                key.add(tag.articleIndices.count + tag.eventIndices.count)
            }
        case .tag(let index):
            let tag = site.tags[index]
            key.add(tag.name)
            key.add(tag.articleIndices.map { fragments.articles[$0].hash })
            key.add(tag.eventIndices.map { fragments.events[$0].hash })
        case .map:
            key.add(keys.markers)
            for entry in site.map?.places ?? [] { add(entry, to: &key) }
        case .mapPlace(let index):
            key.add(keys.markers)
            if let entry = site.map?.places[index] { add(entry, to: &key) }
        }
        return key.value
    }

    /// The place's list beside a map: its events and articles, by title and date.
    private func add(_ entry: MapPlace, to key: inout Fingerprint) {
        key.add(entry.place.id)
        key.add(entry.eventIndices.map(eventMeta))
        key.add(entry.articleIndices.map { site.articles[$0].body.stamp.meta })
    }

    private func eventMeta(_ index: Int) -> Int {
        site.events.indices.contains(index) ? site.events[index].body.stamp.meta : 0
    }

    /// Feeds and exports: every item's front matter (which picks and orders the entries)
    /// and text.
    func feedKey(eventsOnly: Bool) -> Int {
        var key = Fingerprint()
        key.add(keys.global)
        key.add(eventsOnly)
        if !eventsOnly {
            for index in site.articles.indices {
                key.add(site.articles[index].body.stamp.meta)
                key.add(bodies[.article(index)].hash)
            }
        }
        for index in site.events.indices {
            key.add(site.events[index].body.stamp.meta)
            key.add(bodies[.event(index)].hash)
        }
        return key.value
    }
}
