/// Decoders for the YAML files that are all data: site.yaml, places.yaml, sources.yaml.
enum DataFileDecoders {
    static let siteKeys = ["title", "description", "language", "contentLanguage", "baseURL", "timezone", "publisher", "brand",
                           "authors", "newWindow", "markdown", "map", "image"]
    static let placeKeys = ["name", "lat", "lon", "precision", "timezone", "description"]
    static let sourceKeys = ["name", "url", "description"]

    static func site(_ fields: inout FieldReader, baseURLOverride: String?) -> SiteConfig? {
        fields.rejectUnknownKeys(siteKeys)
        let title = fields.requiredString("title", example: "Uroen i Kasakhstan")
        let language = self.language(&fields)
        let zone = ContentDecoders.timeZone(&fields) ?? "Europe/Copenhagen"
        var unsafe = false
        var typography = true
        if var markdown = fields.group("markdown") {
            markdown.rejectUnknownKeys(["unsafe", "typography"])
            unsafe = markdown.bool("unsafe") ?? false
            typography = markdown.bool("typography") ?? true
            fields.absorb(markdown)
        }
        // The share image of pages without a photo: a photo in content/.
        let shareImage = fields.string("image").map { Located(value: $0, location: fields.value("image")!.location) }
        let map = MapSettings.decode(&fields)
        let baseURL: SafeURL?
        if let override = baseURLOverride {
            switch SafeURL.check(override, key: "--base-url", kind: .siteAddress) {
            case .success(let url): baseURL = url
            case .failure(let problem):
                fields.report(.error(fields.location, problem.message))
                baseURL = nil
            }
        } else {
            baseURL = fields.url("baseURL", kind: .siteAddress)
            if fields.value("baseURL") == nil {
                fields.report(.error(fields.location, "missing `baseURL`; add the address the site is published at, e.g. `baseURL: https://example.org/kasakhstan/`"))
            }
        }
        let publisher = fields.string("publisher") ?? ""
        let brand = Brand.decode(&fields, publisher: publisher, title: title ?? "")
        let authors = fields.strings("authors")
        let contentLanguage = fields.string("contentLanguage") ?? language
        let newWindow = NewWindow.decode(&fields)
        guard let baseURL = baseURL?.text else { return nil }
        guard let title else { return nil }
        var config = SiteConfig(
            title: title, description: fields.string("description") ?? "", language: language,
            languageLocation: fields.value("language")?.location ?? fields.location,
            baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/", timeZone: zone,
            publisher: publisher, allowsRawHTML: unsafe, typography: typography, map: map, shareImage: shareImage)
        config.brand = brand
        config.authors = authors
        config.contentLanguage = contentLanguage
        config.newWindow = newWindow
        return config
    }

    /// A BCP 47 tag (`da`, `en-GB`): it names a file in Templates/strings/ and stands in `<html lang>`.
    private static func language(_ fields: inout FieldReader) -> String {
        guard let tag = fields.string("language") else { return "da" }
        guard tag.wholeMatch(of: /[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*/) != nil else {
            fields.report(.error(fields.value("language")!.location, "`language` must be a language tag such as `da` or `en-GB`, not `\(tag)`"))
            return "da"
        }
        return tag
    }

    static func places(_ fields: inout FieldReader) -> [Place] {
        var seen: [String: SourceLocation] = [:]
        return fields.allEntries.compactMap { entry in
            if let first = seen[entry.key] {
                fields.report(.error(entry.keyLocation, "place `\(entry.key)` is defined twice; the first is at line \(first.line)"))
                return nil
            }
            seen[entry.key] = entry.keyLocation
            if !WebNames.isPlaceID(entry.key) { fields.report(.error(entry.keyLocation, WebNames.placeIDMessage(entry.key))) }
            var place = FieldReader(entry.value, fallback: entry.keyLocation, what: "place `\(entry.key)`")
            defer { fields.absorb(place) }
            place.rejectUnknownKeys(placeKeys)
            let name = place.requiredString("name", example: entry.key.capitalized)
            let latitude = place.number("lat")
            let longitude = place.number("lon")
            let precision = self.precision(&place)
            let zone = ContentDecoders.timeZone(&place)
            if place.value("lat") == nil || place.value("lon") == nil {
                place.report(.error(place.location, "place `\(entry.key)` needs `lat` and `lon` (decimal degrees, e.g. `lat: 43.25`)"))
            }
            guard let name, let latitude, let longitude,
                  ContentDecoders.checkCoordinates(latitude: latitude, longitude: longitude, fields: &place) else { return nil }
            return Place(id: entry.key, name: name, latitude: latitude, longitude: longitude, precision: precision,
                         timeZone: zone, location: entry.keyLocation, description: place.string("description"))
        }
    }

    private static func precision(_ fields: inout FieldReader) -> Place.Precision {
        guard let text = fields.string("precision") else { return .city }
        if let precision = Place.Precision(rawValue: text) { return precision }
        let names = Place.Precision.allCases.map(\.rawValue)
        fields.report(.error(fields.value("precision")!.location,
            "unknown precision `\(text)`\(Suggestion.didYouMean(text, among: names)) (use \(names.map { "`\($0)`" }.joined(separator: ", ")))"))
        return .city
    }

    static func sources(_ fields: inout FieldReader) -> [SourceDescription] {
        fields.allEntries.compactMap { entry in
            var source = FieldReader(entry.value, fallback: entry.keyLocation, what: "source `\(entry.key)`")
            defer { fields.absorb(source) }
            source.rejectUnknownKeys(sourceKeys)
            guard let name = source.requiredString("name", example: "Reuters") else { return nil }
            return SourceDescription(id: entry.key, name: name, url: source.url("url"),
                                     description: source.string("description") ?? "", location: entry.keyLocation)
        }
    }

    /// tags.yaml: `tag as written: Name for readers`.
    static func tagNames(_ fields: inout FieldReader) -> [Located<TagName>] {
        fields.allEntries.compactMap { entry in
            guard case .scalar(let name, _) = entry.value.kind, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                fields.report(.error(entry.value.location, "the name of tag `\(entry.key)` must be text, e.g. `\(entry.key): \(entry.key.capitalized)`"))
                return nil
            }
            return Located(value: TagName(tag: entry.key, name: name), location: entry.keyLocation)
        }
    }
}

import Foundation
