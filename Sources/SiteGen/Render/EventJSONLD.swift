/// schema.org `Event` data for an event page, so search engines and aggregators read the
/// date and place without scraping. Written as `JSONValue`, which escapes `<`, so no
/// title can close the `<script>` element it sits in.
enum EventJSONLD {
    static func json(_ index: Int, site: Site) -> String {
        let event = site.events[index]
        var value: [String: JSONValue] = [
            "@context": .string("https://schema.org"),
            "@type": .string("Event"),
            "name": .string(event.title),
            // On the local clock, as the page shows it; the same instant as written.
            "startDate": .string(site.localDate(of: event).iso8601),
            "url": .string(site.config.absoluteURL(site.routes.event(event.id))),
        ]
        if let end = site.localEnd(of: event) { value["endDate"] = .string(end.iso8601) }
        let locations = site.places(of: event).map { place in
            JSONValue.object([
                "@type": .string("Place"),
                "name": .string(place.name),
                "geo": .object([
                    "@type": .string("GeoCoordinates"),
                    "latitude": .number(JSONValue.coordinate(place.latitude)),
                    "longitude": .number(JSONValue.coordinate(place.longitude)),
                ]),
            ])
        }
        if locations.count == 1 { value["location"] = locations[0] } else if locations.count > 1 { value["location"] = .array(locations) }
        return JSONValue.object(value).text
    }
}
