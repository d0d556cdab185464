/// `map:` in site.yaml: which country the story is about and where its readers live.
public struct MapSettings: Sendable {
    static let keys = ["country", "home"]

    /// ISO 3166-1 alpha-2 of the story's country (`KZ`): highlighted, and the country whose
    /// outline the swapped-coordinates check uses.
    public var country: Located<String>?
    /// The readers' country (`DK`): the inset shows it together with the story's country.
    public var home: Located<String>?

    public init(country: Located<String>? = nil, home: Located<String>? = nil) {
        self.country = country
        self.home = home
    }

    static func decode(_ fields: inout FieldReader) -> MapSettings {
        guard var group = fields.group("map") else { return MapSettings() }
        defer { fields.absorb(group) }
        group.rejectUnknownKeys(keys)
        func code(_ key: String) -> Located<String>? {
            guard let text = group.string(key), let value = group.value(key) else { return nil }
            return Located(value: text.uppercased(), location: value.location)
        }
        return MapSettings(country: code("country"), home: code("home"))
    }
}

/// A place on the maps: a place some event or article names, with what names it.
public struct MapPlace: Sendable {
    public var place: Place
    /// Indices into `Site.events`, in timeline order.
    public var eventIndices: [Int]
    /// Indices into `Site.articles`, newest first.
    public var articleIndices: [Int]
}

/// Everything the maps need, checked: the outlines, the countries and the places to mark.
public struct SiteMap: Sendable {
    public var outlines: CountryOutlines
    public var country: Country?
    public var home: Country?
    /// Sorted by id, so pages and markers come in the same order every build.
    public var places: [MapPlace]

    public func place(_ id: String) -> MapPlace? {
        places.first { $0.place.id == id }
    }
}

/// Stage 2 for maps: resolves `map.country`, gathers the places to mark, and checks the
/// coordinates and the ```map blocks in every body.
enum MapModelBuilder {
    static func build(_ site: Site, outlines: CountryOutlines) -> (SiteMap, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let codes = outlines.countries.map(\.id)
        func resolve(_ code: Located<String>?, key: String) -> Country? {
            guard let code else { return nil }
            if let country = outlines.country(code.value) { return country }
            // `KAZ` is the three-letter code of `KZ`: point to the two-letter one.
            let hint = outlines.countries.first { !$0.alpha3.isEmpty && $0.alpha3 == code.value }
                .map { "; did you mean `\($0.id)`? (two letters)" } ?? Suggestion.didYouMean(code.value, among: codes)
            diagnostics.append(.error(code.location,
                "unknown country `\(code.value)` in `map.\(key)`\(hint) (use an ISO 3166-1 code such as `KZ` or `DK`, as in \(CountryOutlines.path))"))
            return nil
        }
        let country = resolve(site.config.map.country, key: "country")
        let home = resolve(site.config.map.home, key: "home")
        // Parsed once: the check and the places to mark both need every ```map block.
        let embeds = MapEmbeds.all(in: site)
        let places = mapPlaces(site, embedded: MapEmbeds.placeIDs(in: embeds))
        if let country { diagnostics += swappedCoordinates(places.map(\.place), country: country, outlines: outlines, language: site.config.language) }
        diagnostics += MapEmbeds.check(site, embeds: embeds)
        return (SiteMap(outlines: outlines, country: country, home: home, places: places), diagnostics)
    }

    /// Places named by events (from places.yaml or written inline), by articles and by ```map blocks.
    private static func mapPlaces(_ site: Site, embedded: Set<String>) -> [MapPlace] {
        var byID: [String: MapPlace] = [:]
        // By index: `enumerated()` copied every article and event, each string counted in and out.
        for index in site.events.indices {
            for place in site.places(of: site.events[index]) where !place.id.isEmpty {
                byID[place.id, default: MapPlace(place: place, eventIndices: [], articleIndices: [])].eventIndices.append(index)
            }
        }
        for index in site.articles.indices {
            for id in site.articles[index].placeIDs.firstOccurrences(by: \.value) {
                guard let place = site.places[id.value] else { continue }
                byID[id.value, default: MapPlace(place: place, eventIndices: [], articleIndices: [])].articleIndices.append(index)
            }
        }
        for id in embedded.sorted() where byID[id] == nil {
            if let place = site.places[id] { byID[id] = MapPlace(place: place, eventIndices: [], articleIndices: []) }
        }
        return byID.values.map { entry in
            var sorted = entry
            sorted.articleIndices.sort()
            return sorted
        }.sorted { $0.place.id < $1.place.id }
    }

    /// A place outside the story's country and its neighbours whose coordinates, swapped, fall
    /// inside it: almost always `lat` and `lon` written the wrong way round. A place in a
    /// neighbouring country (Samara, lat 53.2, lon 50.15, whose swap lies in Kazakhstan) is
    /// where it says.
    static func swappedCoordinates(_ places: [Place], country: Country, outlines: CountryOutlines, language: String) -> [Diagnostic] {
        let near = GeoBox(south: country.box.south - 1, west: country.box.west - 1, north: country.box.north + 1, east: country.box.east + 1)
        let neighbours = outlines.countries.filter { $0.id != country.id && $0.box.intersects(near) }
        return places.compactMap { place in
            let point = GeoPoint(latitude: place.latitude, longitude: place.longitude)
            let swapped = GeoPoint(latitude: place.longitude, longitude: place.latitude)
            guard !country.contains(point), country.contains(swapped), !neighbours.contains(where: { $0.contains(point) }) else { return nil }
            return .warning(place.location,
                "`\(place.id)` (lat \(place.latitude), lon \(place.longitude)) lies far outside \(country.name(language: language)) (`map.country`), but (lat \(place.longitude), lon \(place.latitude)) is inside it; are `lat` and `lon` swapped?")
        }
    }
}
