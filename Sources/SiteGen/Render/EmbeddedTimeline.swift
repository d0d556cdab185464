import Markdown

/// The HTML of a ```timeline block: the matching events' list entries (the same
/// `partials/event-summary` the timeline pages use) and a link to the whole timeline.
struct EmbeddedTimeline: Sendable {
    let site: Site
    let eventFragments: [String]

    func html(_ filter: TimelineFilter) -> String {
        let strings = site.strings
        var html = "<section class=\"embedded-timeline\" aria-label=\"\(HTMLEscaping.escape(strings["timeline.title"]))\">\n<ol class=\"timeline\">\n"
        for index in filter.eventIndices(in: site) {
            let event = site.events[index]
            html += "<li class=\"event\(event.isKey ? " key" : "")\">\n\(eventFragments[index])</li>\n"
        }
        html += "</ol>\n<p><a href=\"\(HTMLEscaping.escape(site.routes.href(site.routes.timeline)))\">\(HTMLEscaping.escape(strings["timeline.embedMore"]))</a></p>\n</section>\n"
        return html
    }
}
