import Markdown

/// `/kort.geojson`: the events and places as an RFC 7946 FeatureCollection, for newsroom
/// GIS tools and other maps. Coordinates are `[lon, lat]` with at most five decimals (about a
/// metre); an event without a place has `"geometry": null`. Keys are written in a fixed order.
enum GeoJSONExport {
    static func render(_ site: Site) -> String {
        var features: [String] = []
        for event in site.events {
            let firstParagraph = event.body.document.blocks.lazy.compactMap { block -> String? in
                if case .paragraph(let inlines) = block { return inlines.plainText }
                return nil
            }.first ?? ""
            // A Point for each place, so an event in two provinces shows in both.
            let places = site.places(of: event)
            for place in places.isEmpty ? [nil] : places.map(Optional.some) {
                features.append(feature(geometry: place.map(point), properties: [
                    ("kind", string("event")),
                    ("name", string(place?.name ?? event.title)),
                    ("title", string(event.title)),
                    ("description", string(firstParagraph)),
                    ("start", string(timestamp(site.localDate(of: event), event: event, site: site))),
                    ("place", place.map { string($0.id) } ?? "null"),
                    ("precision", place.map { string($0.precision.rawValue) } ?? "null"),
                    ("status", string(event.status.rawValue)),
                    ("url", string(site.config.absoluteURL(site.routes.event(event.id)))),
                ]))
            }
        }
        for entry in site.map?.places ?? [] {
            let place = entry.place
            features.append(feature(geometry: point(place), properties: [
                ("kind", string("place")),
                ("name", string(place.name)),
                ("title", string(place.name)),
                ("description", string("")),
                ("start", "null"),
                ("place", string(place.id)),
                ("precision", string(place.precision.rawValue)),
                ("status", "null"),
                ("url", string(site.config.absoluteURL(site.routes.mapPlace(place.id)))),
            ]))
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    private static func feature(geometry: String?, properties: [(String, String)]) -> String {
        let props = properties.map { "\(string($0.0)):\($0.1)" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"geometry\":\(geometry ?? "null"),\"properties\":{\(props)}}"
    }

    private static func point(_ place: Place) -> String {
        "{\"type\":\"Point\",\"coordinates\":[\(coordinate(place.longitude)),\(coordinate(place.latitude))]}"
    }

    /// ISO 8601 with an offset, as RFC 3339 wants: a day without a clock time is midnight on
    /// the local clock of the event's place (or the site's zone when it has none).
    private static func timestamp(_ date: ContentDate, event: Event, site: Site) -> String {
        guard !date.hasTime else { return date.iso8601 }
        let zone = event.timeZone ?? site.place(of: event)?.timeZone ?? site.config.timeZone
        return AtomFeed.timestamp(date) { ZoneOffsets.offset(of: zone, atInstant: $0.instant()) ?? 0 }
    }

    private static func string(_ text: String) -> String { JSONValue.quoted(text) }

    private static func coordinate(_ value: Double) -> String { JSONValue.coordinate(value) }
}
