/// One view of the timeline: all events, the key moments, one place or one tag. Every view
/// is a static page with links to the others, so readers can filter without JavaScript.
struct TimelineView {
    let title: String
    let intro: String
    let indices: [Int]
    let path: String

    init(job: PageJob, site: Site) {
        let strings = site.strings
        func fill(_ key: String, _ name: String) -> String { strings[key].replacingOccurrences(of: "{name}", with: name) }
        path = job.path(in: site) ?? site.routes.timeline
        switch job {
        case .keyTimeline:
            (title, intro, indices) = (strings["timeline.keyTitle"], strings["timeline.keyIntro"], site.keyEventIndices)
        case .placeTimeline(let id):
            let name = site.places[id]?.name ?? id
            (title, intro, indices) = (fill("timeline.placeTitle", name), fill("timeline.placeIntro", name), site.eventIndices(atPlace: id))
        case .tagTimeline(let index):
            let tag = site.tags[index]
            (title, intro, indices) = (fill("timeline.tagTitle", tag.name), fill("timeline.tagIntro", tag.name), tag.eventIndices)
        default:
            (title, intro, indices) = (strings["timeline.title"], strings["timeline.intro"], Array(site.events.indices))
        }
    }

    func page(_ models: ViewModels, entries: [Fragment]) -> TimelinePage {
        let site = models.site
        let routes = site.routes
        func link(_ label: String, _ target: String) -> LabelledLink {
            LabelledLink(label: label, href: models.href(target), current: target == path)
        }
        return TimelinePage(
            intro: intro,
            days: TimelineDays.group(models, indices: indices, entries: entries),
            views: [link(site.strings["timeline.all"], routes.timeline), link(site.strings["timeline.keyOnly"], routes.timelineKey)],
            places: models.eventPlaceIDs.map { link(site.places[$0]?.name ?? $0, routes.timelinePlace($0)) },
            tags: site.eventTagIndices.map { link(site.tags[$0].name, routes.timelineTag(site.tags[$0].slug)) },
            exports: [
                link(site.strings["timeline.json"], routes.timelineJSON),
                link(site.strings["timeline.csv"], routes.timelineCSV),
                link(site.strings["timeline.feed"], routes.timelineFeed),
            ],
            timelineFeed: models.href(routes.timelineFeed),
            statuses: VerificationStatus.allCases.map(models.status),
            newNote: site.strings["timeline.newExplanation"].replacingOccurrences(of: "{window}", with: windowText(site)),
            count: indices.count)
    }

    /// `newWindow` in words: "6 timer", "1 døgn", "90 minutter".
    private func windowText(_ site: Site) -> String {
        let seconds = site.config.newWindow
        let (amount, unit): (Int, String) = seconds % 86_400 == 0 ? (seconds / 86_400, "day")
            : seconds % 3_600 == 0 ? (seconds / 3_600, "hour") : (max(1, seconds / 60), "minute")
        let key = "duration.\(unit)\(amount == 1 ? "" : "s")"
        return site.strings[key].replacingOccurrences(of: "{n}", with: String(amount))
    }
}
