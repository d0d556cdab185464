/// Template values of the map pages (Templates/map.mustache, map-place.mustache).
extension ViewModels {
    /// A place in the list beside a map: its events and articles, linked.
    func mapPlaceSummary(_ entry: MapPlace) -> [String: Any] {
        var value = place(entry.place)
        value["id"] = entry.place.id
        value["href"] = href(routes.mapPlace(entry.place.id))
        value["events"] = entry.eventIndices.map(eventMention)
        value["articles"] = entry.articleIndices.map { ["title": site.articles[$0].title, "href": href(routes.article(site.articles[$0].slug))] }
        return value
    }

    func mapOverview() -> [String: Any] {
        guard let map = site.map else { return [:] }
        return [
            "svg": MapPages.overviewSVG(site, map: map),
            "places": map.places.map(mapPlaceSummary),
            "geojsonHref": href(routes.geoJSON),
        ]
    }

    func mapPlacePage(_ index: Int) -> [String: Any] {
        guard let map = site.map else { return [:] }
        return [
            "svg": MapPages.placeSVG(index, site: site, map: map),
            "place": mapPlaceSummary(map.places[index]),
            "mapHref": href(routes.map),
        ]
    }
}
