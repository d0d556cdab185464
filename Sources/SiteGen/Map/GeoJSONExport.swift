import Markdown

/// `/kort.geojson`: the events and places as an RFC 7946 FeatureCollection, for newsroom
/// GIS tools and other maps. Coordinates are `[lon, lat]` with at most five decimals (about a
/// metre); an event without a place has `"geometry": null`. Keys are written in a fixed order.
enum GeoJSONExport {
    /// In UTF-8, built as bytes: a large timeline's file is megabytes of small strings.
    static func render(_ site: Site) -> [UInt8] {
        var out = Array("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8)
        var count = 0
        // `nil` is JSON's null.
        func feature(at place: Place?, _ properties: KeyValuePairs<String, String?>) {
            if count > 0 { out += ",\n".utf8 }
            count += 1
            out += "{\"type\":\"Feature\",\"geometry\":".utf8
            if let place {
                out += "{\"type\":\"Point\",\"coordinates\":[\(JSONValue.coordinate(place.longitude)),\(JSONValue.coordinate(place.latitude))]}".utf8
            } else {
                out += "null".utf8
            }
            out += ",\"properties\":{".utf8
            for (index, (key, value)) in properties.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if let value { JSONValue.writeString(value, into: &out) } else { out += "null".utf8 }
            }
            out += "}}".utf8
        }
        for event in site.events {
            let firstParagraph = event.body.document.blocks.lazy.compactMap { block -> String? in
                if case .paragraph(let inlines) = block { return inlines.plainText }
                return nil
            }.first ?? ""
            // A Point for each place, so an event in two provinces shows in both.
            let places = site.places(of: event)
            for place in places.isEmpty ? [nil] : places.map(Optional.some) {
                feature(at: place, [
                    "kind": "event",
                    "name": place?.name ?? event.title,
                    "title": event.title,
                    "description": firstParagraph,
                    "start": timestamp(site.localDate(of: event), event: event, site: site),
                    "place": place?.id,
                    "precision": place?.precision.rawValue,
                    "status": event.status.rawValue,
                    "url": site.config.absoluteURL(site.routes.event(event.id)),
                ])
            }
        }
        for entry in site.map?.places ?? [] {
            let place = entry.place
            feature(at: place, [
                "kind": "place",
                "name": place.name,
                "title": place.name,
                "description": "",
                "start": nil,
                "place": place.id,
                "precision": place.precision.rawValue,
                "status": nil,
                "url": site.config.absoluteURL(site.routes.mapPlace(place.id)),
            ])
        }
        out += "\n]}\n".utf8
        return out
    }

    /// ISO 8601 with an offset, as RFC 3339 wants: a day without a clock time is midnight on
    /// the local clock of the event's place (or the site's zone when it has none).
    private static func timestamp(_ date: ContentDate, event: Event, site: Site) -> String {
        guard !date.hasTime else { return date.iso8601 }
        let zone = event.timeZone ?? site.place(of: event)?.timeZone ?? site.config.timeZone
        return AtomFeed.timestamp(date) { ZoneOffsets.offset(of: zone, atInstant: $0.instant()) ?? 0 }
    }
}
