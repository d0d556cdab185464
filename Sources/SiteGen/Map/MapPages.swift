import Markdown

/// The map page (`/kort/`), a page per place (`/kort/almaty/`) and maps embedded in bodies:
/// their SVG and the list of places beside it, which says in words what the map shows.
enum MapPages {
    /// Degrees of view around a single place, so its surroundings show at the outlines' scale.
    static let placeExtent = 10.0
    static let overviewExtent = 8.0

    static func markers(_ places: [MapPlace], site: Site, focus: String? = nil) -> [MapMarker] {
        places.map { entry in
            MapMarker(name: entry.place.name, point: GeoPoint(latitude: entry.place.latitude, longitude: entry.place.longitude),
                      href: site.routes.href(site.routes.mapPlace(entry.place.id)),
                      isRegion: entry.place.precision == .region || entry.place.precision == .country,
                      isFocus: entry.place.id == focus, weight: entry.eventIndices.count + entry.articleIndices.count)
        }
    }

    static func request(_ site: Site, map: SiteMap, box: GeoBox, markers: [MapMarker], title: String) -> MapRequest {
        let strings = site.strings
        let names = markers.map(\.name)
        let area = map.country?.name(language: site.config.language)
        var description = strings["map.description"].replacingOccurrences(of: "{places}", with: ListText.join(names, strings: strings))
        if let area { description = strings["map.descriptionArea"].replacingOccurrences(of: "{area}", with: area) + " " + description }
        return MapRequest(box: box, markers: markers, title: title, description: description, language: site.config.language,
                          outlines: map.outlines, main: map.country, home: map.home,
                          creditText: strings["map.credit"].replacingOccurrences(of: "{credit}", with: map.outlines.credit),
                          regionLegend: strings["map.regionLegend"])
    }

    static func box(_ places: [Place], extent: Double) -> GeoBox {
        let points = places.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) }
        return (GeoBox(around: points) ?? GeoBox(south: 0, west: 0, north: 0, east: 0)).padded(fraction: 0.15, minimum: extent)
    }

    static func overviewSVG(_ site: Site, map: SiteMap) -> String {
        let markers = markers(map.places, site: site)
        var box = box(map.places.map(\.place), extent: overviewExtent)
        // When the story stays inside its country, the overview shows all of the country.
        if let country = map.country, markers.allSatisfy({ country.box.contains($0.point) }) {
            box = box.union(country.box.padded(fraction: 0.03, minimum: 0))
        }
        return MapDrawing.svg(request(site, map: map, box: box, markers: markers, title: site.strings["map.title"]))
    }

    static func placeSVG(_ index: Int, site: Site, map: SiteMap) -> String {
        let focus = map.places[index].place
        let box = box([focus], extent: placeExtent)
        let nearby = map.places.filter { box.contains(GeoPoint(latitude: $0.place.latitude, longitude: $0.place.longitude)) }
        return MapDrawing.svg(request(site, map: map, box: box, markers: markers(nearby, site: site, focus: focus.id),
                                      title: "\(site.strings["map.title"]): \(focus.name)"))
    }

    /// A map in a body: its SVG, its caption and the places, linked; nil when it marks nothing.
    static func figure(_ embed: MapEmbed, site: Site) -> MapFigureView? {
        guard let map = site.map else { return nil }
        let places = embed.places.compactMap { map.place($0.value) }
        guard !places.isEmpty else { return nil }
        let title = embed.caption ?? site.strings["map.title"]
        let svg = MapDrawing.svg(request(site, map: map, box: box(places.map(\.place), extent: overviewExtent),
                                         markers: markers(places, site: site), title: title))
        return MapFigureView(svg: svg, places: places.map { NamedLink(name: $0.place.name, href: site.routes.href(site.routes.mapPlace($0.place.id))) },
                             caption: embed.caption, href: site.routes.href(site.routes.map))
    }
}

/// Draws the ```map blocks of bodies through `partials/map-figure`.
struct MapFigures: Sendable {
    let models: ViewModels
    let templates: CompiledTemplates

    func html(_ embed: MapEmbed) -> String {
        guard let figure = MapPages.figure(embed, site: models.site) else { return "" }
        return templates.render(EntryContext(shared: models.entryStrings, own: figure), with: Templates.mapFigure)
    }
}

/// "Aktau, Almaty og Zhanaozen", with the language's word for "and".
enum ListText {
    static func join(_ items: [String], strings: Strings) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(strings["map.and"]) " + items.last!
    }
}
