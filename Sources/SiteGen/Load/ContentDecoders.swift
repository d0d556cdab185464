import Markdown

/// Turns the front matter and body of each kind of content file into model values.
/// Each decoder returns nil when a required value is missing; its reader holds why.
enum ContentDecoders {
    static let pageKeys = ["title", "summary", "date", "updated", "authors", "keyFacts", "corrections", "glossary"]
    static let articleKeys = ["title", "date", "updated", "summary", "authors", "keyFacts", "tags", "places", "draft", "corrections",
                              "glossary"]
    static let eventKeys = ["title", "date", "end", "timezone", "place", "places", "lat", "lon", "sources", "status", "key", "tags",
                            "draft", "updated", "corrections", "glossary"]
    /// Events in a YAML data file name themselves and carry their text.
    static let eventDataKeys = eventKeys + ["id", "body"]
    static let termKeys = ["title", "aliases", "short", "expansion", "related", "autolink", "forms"]

    static func page(_ fields: inout FieldReader, slug: String, body: Body) -> Page? {
        fields.rejectUnknownKeys(pageKeys)
        let title = fields.requiredString("title", example: "Uroen i Kasakhstan")
        let summary = fields.string("summary") ?? ""
        let date = fields.date("date")
        let updated = fields.date("updated")
        let body = glossarySetting(&fields, body)
        let story = storyHead(&fields)
        let corrections = corrections(&fields)
        guard let title else { return nil }
        return Page(slug: slug, title: title, summary: summary, date: date, updated: updated, body: body, location: fields.location,
                    story: story, corrections: corrections)
    }

    static func article(_ fields: inout FieldReader, slug: String, body: Body) -> Article? {
        fields.rejectUnknownKeys(articleKeys)
        let title = fields.requiredString("title", example: "Derfor steg prisen på LPG")
        let date = required(fields.date("date"), "date", example: "2022-01-05T16:00:00+01:00", in: &fields)
        let places = fields.locatedStrings("places")
        let body = glossarySetting(&fields, body)
        let article = Article(
            slug: slug, title: title ?? "", date: date ?? placeholderDate, updated: fields.date("updated"),
            summary: fields.string("summary") ?? "", tags: fields.tags(), placeIDs: places,
            draft: fields.bool("draft") ?? false, corrections: corrections(&fields), body: body, location: fields.location,
            story: storyHead(&fields))
        return title == nil || date == nil ? nil : article
    }

    static func event(_ fields: inout FieldReader, id: String, body: Body, keys: [String] = eventKeys) -> Event? {
        fields.rejectUnknownKeys(keys)
        let title = fields.requiredString("title", example: "Regeringen går af")
        let timeZone = self.timeZone(&fields)
        let date = required(fields.date("date", timeZone: timeZone), "date", example: "2022-01-05T14:00:00+06:00", in: &fields)
        let body = glossarySetting(&fields, body)
        let places = placeList(&fields)
        let event = Event(
            id: id, title: title ?? "", date: date ?? placeholderDate, end: fields.date("end", timeZone: timeZone).map { Located(value: $0, location: fields.value("end")!.location) },
            timeZone: timeZone, placeReference: places.first.map { .id($0) } ?? placeReference(&fields), sources: sources(&fields),
            status: status(&fields), isKey: fields.bool("key") ?? false, tags: fields.tags(),
            draft: fields.bool("draft") ?? false, updated: fields.date("updated", timeZone: timeZone),
            corrections: corrections(&fields), body: body, location: fields.location, morePlaceIDs: Array(places.dropFirst()))
        return title == nil || date == nil ? nil : event
    }

    static func term(_ fields: inout FieldReader, slug: String, body: Body) -> GlossaryTerm? {
        fields.rejectUnknownKeys(termKeys)
        let title = fields.requiredString("title", example: "undtagelsestilstand")
        let short = fields.requiredString("short", example: "En midlertidig tilstand, hvor myndighederne får ekstra beføjelser.")
        let related = fields.locatedStrings("related")
        let term = GlossaryTerm(
            slug: slug, title: title ?? "", titleLocation: fields.value("title")?.location ?? fields.location,
            aliases: fields.locatedStrings("aliases"), forms: fields.locatedStrings("forms"), short: short ?? "",
            expansion: fields.string("expansion"), related: related, autolink: fields.bool("autolink") ?? true,
            body: body, location: fields.location)
        return title == nil || short == nil ? nil : term
    }

    // MARK: Shared fields

    /// `authors:` and `keyFacts:` of a page or an article.
    private static func storyHead(_ fields: inout FieldReader) -> StoryHead {
        StoryHead(authors: fields.strings("authors"), keyFacts: fields.strings("keyFacts"))
    }

    /// `glossary: false` keeps glossary terms in this page's text from linking to their entries.
    private static func glossarySetting(_ fields: inout FieldReader, _ body: Body) -> Body {
        var body = body
        body.linksTerms = fields.bool("glossary") ?? true
        return body
    }

    private static let placeholderDate = ContentDate(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, offset: nil, precision: .day)

    private static func required<T>(_ value: T?, _ key: String, example: String, in fields: inout FieldReader) -> T? {
        if value == nil, fields.value(key) == nil {
            fields.report(.error(fields.location, "missing `\(key)`; add a line like `\(key): \(example)`"))
        }
        return value
    }

    static func timeZone(_ fields: inout FieldReader) -> String? {
        guard let zone = fields.string("timezone") else { return nil }
        guard ZoneOffsets.isKnown(zone) else {
            let hint = Suggestion.didYouMean(zone, among: TimeZone.knownTimeZoneIdentifiers)
            fields.report(.error(fields.value("timezone")!.location, "unknown time zone `\(zone)`\(hint) (use an IANA id such as `Asia/Almaty`)"))
            return nil
        }
        return zone
    }

    private static func status(_ fields: inout FieldReader) -> VerificationStatus {
        guard let text = fields.string("status") else { return .reported }
        if let status = VerificationStatus(rawValue: text) { return status }
        let names = VerificationStatus.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, among: names).map { "; did you mean `\($0)`?" }
            ?? "; use one of \(names.map { "`\($0)`" }.joined(separator: ", "))"
        fields.report(.error(fields.value("status")!.location, "unknown status `\(text)`\(hint)"))
        return .reported
    }

    /// `places: [almaty, mangistau]`, for an event that happened in several places; never with `place`.
    private static func placeList(_ fields: inout FieldReader) -> [Located<String>] {
        guard let value = fields.value("places") else { return [] }
        if fields.value("place") != nil || fields.value("lat") != nil {
            fields.report(.error(fields.keyLocation("places"), "an event has `place` (one place, or `lat`/`lon`) or `places` (several), not both"))
            return []
        }
        let places = fields.locatedStrings("places")
        if places.isEmpty, case .sequence = value.kind {
            fields.report(.error(value.location, "`places` is empty; name at least one place id from content/places.yaml"))
        }
        return places
    }

    private static func placeReference(_ fields: inout FieldReader) -> Event.PlaceReference? {
        let name = fields.string("place")
        let latitude = fields.number("lat")
        let longitude = fields.number("lon")
        if fields.value("lat") == nil, fields.value("lon") == nil {
            guard let name, let value = fields.value("place") else { return nil }
            return .id(Located(value: name, location: value.location))
        }
        guard let latitude, let longitude else {
            if fields.value("lat") == nil || fields.value("lon") == nil {
                fields.report(.error(fields.keyLocation(fields.value("lat") == nil ? "lon" : "lat"),
                    "coordinates need both `lat` and `lon`"))
            }
            return nil
        }
        guard checkCoordinates(latitude: latitude, longitude: longitude, fields: &fields) else { return nil }
        let place = Place(id: Slug.make(name ?? ""), name: name ?? "", latitude: latitude, longitude: longitude,
                          precision: .point, timeZone: nil, location: fields.keyLocation("lat"))
        return .inline(place)
    }

    /// Reports coordinates off the globe at the offending value; true when both are fine.
    static func checkCoordinates(latitude: Double, longitude: Double, fields: inout FieldReader) -> Bool {
        var fine = true
        if !(-90...90).contains(latitude) {
            fields.report(.error(fields.value("lat")!.location,
                "latitude \(latitude) is out of range (-90 to 90); are `lat` and `lon` swapped?"))
            fine = false
        }
        if !(-180...180).contains(longitude) {
            fields.report(.error(fields.value("lon")!.location, "longitude \(longitude) is out of range (-180 to 180)"))
            fine = false
        }
        return fine
    }

    private static func sources(_ fields: inout FieldReader) -> [SourceRef] {
        guard let value = fields.value("sources") else { return [] }
        let items: [YAMLValue]
        if case .sequence(let list) = value.kind { items = list } else { items = [value] }
        return items.compactMap { item in
            switch item.kind {
            case .scalar(let name, _):
                guard fields.slug(of: name, at: item.location, what: "the source", fix: sourceFix) != nil else { return nil }
                return SourceRef(name: name, url: nil, via: [])
            case .mapping:
                var source = FieldReader(item, fallback: item.location, what: "a source")
                source.rejectUnknownKeys(["name", "url", "via"])
                let name = source.string("name")
                let via = source.locatedStrings("via").filter { source.slug(of: $0.value, at: $0.location, what: "the source", fix: sourceFix) != nil }.map(\.value)
                let url = source.url("url")
                if name == nil, source.value("name") == nil {
                    let hint = via.isEmpty ? "" : "; the original source goes in `name` and `via: \(via.joined(separator: ", "))` names who passed it on"
                    source.report(.error(item.location, "a source needs a `name`\(hint)"))
                }
                let named = name.flatMap { source.slug(of: $0, at: source.value("name")!.location, what: "the source", fix: sourceFix) == nil ? nil : $0 }
                fields.absorb(source)
                return named.map { SourceRef(name: $0, url: url, via: via) }
            case .sequence:
                fields.report(.error(item.location, "a source is a name, or `{name: ..., url: ..., via: ...}`, not a list"))
                return nil
            }
        }
    }

    /// Each source has an entry on the sources page, found by its name's slug.
    private static let sourceFix = "write its name with letters, e.g. `Reuters`"

    private static func corrections(_ fields: inout FieldReader) -> [Correction] {
        fields.items("corrections").compactMap { item in
            var correction = FieldReader(item, fallback: item.location, what: "a correction")
            correction.rejectUnknownKeys(["date", "text"])
            let date = correction.date("date")
            let text = correction.requiredString("text", example: "Vi har rettet stavningen af ...")
            if date == nil, correction.value("date") == nil {
                correction.report(.error(item.location, "a correction needs its `date`, e.g. `date: 2022-01-05T19:30:00+01:00`"))
            }
            fields.absorb(correction)
            guard let date, let text else { return nil }
            return Correction(date: date, text: text)
        }
    }
}

import Foundation
