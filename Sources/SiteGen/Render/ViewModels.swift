import Markdown

/// Builds the values templates see. Keys are documented in Templates/README.md; every
/// value is text or HTML sitegen made safe, so templates need no logic.
struct ViewModels {
    let site: Site
    let bodies: RenderedBodies
    let dates: DateText
    let routes: Routes

    init(site: Site, bodies: RenderedBodies) {
        self.site = site
        self.bodies = bodies
        dates = DateText(strings: site.strings, siteZone: site.config.timeZone)
        routes = site.routes
    }

    func href(_ path: String) -> String { routes.href(path) }

    func time(_ date: ContentDate, text: String) -> [String: Any] {
        ["iso": date.iso8601, "text": text]
    }

    func tagLinks(_ names: [String]) -> [[String: Any]] {
        names.map { ["name": $0, "href": href(routes.tag(Slug.make($0)))] }
    }

    func corrections(_ corrections: [Correction]) -> [[String: Any]] {
        corrections.sorted { $0.date < $1.date }.map { correction in
            ["date": time(correction.date, text: dates.stamp(correction.date)), "text": correction.text]
        }
    }

    func articleSummary(_ index: Int) -> [String: Any] {
        let article = site.articles[index]
        var value: [String: Any] = [
            "title": article.title, "href": href(routes.article(article.slug)), "summary": article.summary,
            "date": time(article.date, text: dates.stamp(article.date)),
            "tags": tagLinks(article.tags),
        ]
        if let updated = article.updated { value["updated"] = time(updated, text: dates.stamp(updated)) }
        return value
    }

    func article(_ index: Int) -> [String: Any] {
        let article = site.articles[index]
        var value = articleSummary(index)
        value["body"] = bodies.articles[index].html
        value["corrections"] = corrections(article.corrections)
        value["places"] = article.placeIDs.compactMap { site.places[$0.value] }.map { ["name": $0.name, "href": href(routes.mapPlace($0.id))] }
        return value
    }

    func event(_ index: Int, withBody: Bool) -> [String: Any] {
        let event = site.events[index]
        let date = site.localDate(of: event)
        let clock = site.clockName(of: event)
        var value: [String: Any] = [
            "id": event.id, "title": event.title, "href": href(routes.event(event.id)),
            "when": time(date, text: dates.eventWhen(date, placeName: clock)),
            "isNew": site.isNew(event),
            "day": dates.day(date),
            "isKey": event.isKey,
            "status": status(event.status),
            "sources": sources(event.sources),
            "tags": tagLinks(event.tags),
            "corrections": corrections(event.corrections),
        ]
        if let time = dates.eventTime(date, placeName: clock) { value["time"] = time }
        if let end = site.localEnd(of: event) { value["end"] = time(end, text: dates.eventWhen(end, placeName: clock)) }
        if let updated = event.updated { value["updated"] = time(updated, text: dates.stamp(updated)) }
        if let place = site.place(of: event) { value["place"] = self.place(place) }
        if withBody { value["body"] = bodies.events[index].html }
        return value
    }

    /// An event named in passing (previous/next, the sources page): title, link, day, status.
    func eventMention(_ index: Int) -> [String: Any] {
        let event = site.events[index]
        return ["title": event.title, "href": href(routes.event(event.id)), "day": dates.day(site.localDate(of: event)),
                "status": status(event.status)]
    }

    func place(_ place: Place) -> [String: Any] {
        var value: [String: Any] = ["name": place.name, "lat": coordinate(place.latitude), "lon": coordinate(place.longitude),
                                    "coordinates": coordinateText(place)]
        // Every named place is on the map and has a page there; an unnamed inline one has not.
        if !place.id.isEmpty { value["mapHref"] = href(routes.mapPlace(place.id)) }
        return value
    }

    func status(_ status: VerificationStatus) -> [String: Any] {
        ["value": status.rawValue, "label": site.strings["status.\(status.rawValue).label"],
         "explanation": site.strings.text["status.\(status.rawValue).explanation"] ?? ""]
    }

    /// "Zakon via Reuters": each name links to its entry on the sources page.
    func sources(_ sources: [SourceRef]) -> [[String: Any]] {
        sources.map { source in
            var value: [String: Any] = ["name": source.name, "href": href(routes.source(Slug.make(source.name)))]
            value["via"] = source.via.map { ["name": $0, "href": href(routes.source(Slug.make($0)))] }
            if let url = source.url { value["originalURL"] = url.text }
            return value
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
        let latitude = coordinate(abs(place.latitude)).replacingOccurrences(of: ".", with: separator)
        let longitude = coordinate(abs(place.longitude)).replacingOccurrences(of: ".", with: separator)
        return "\(latitude)° \(north), \(longitude)° \(east)"
    }
}

import Foundation
