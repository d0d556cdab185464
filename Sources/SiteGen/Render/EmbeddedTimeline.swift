/// The HTML of a ```timeline block: the matching events' list entries (the same
/// `partials/event-summary` the front page and tag pages use), wrapped by
/// `partials/embedded-timeline` with a link to the whole timeline.
struct EmbeddedTimeline: Sendable {
    let models: ViewModels
    let eventFragments: [Fragment]
    let templates: CompiledTemplates

    func html(_ filter: TimelineFilter) -> String {
        let site = models.site
        let view = EmbeddedTimelineView(events: filter.eventIndices(in: site).map { RenderedEntry(fragment: eventFragments[$0]) },
                                        timelineHref: models.href(site.routes.timeline))
        return templates.render(EntryContext(shared: models.entryStrings, own: view), with: Templates.embeddedTimeline)
    }
}
