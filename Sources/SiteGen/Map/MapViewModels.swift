/// Template values of the map pages (Templates/map.mustache, map-place.mustache).
extension ViewModels {
    /// A place in the list beside a map: its events and articles, linked.
    func mapPlaceSummary(_ entry: MapPlace) -> MapPlaceView {
        MapPlaceView(
            place: place(entry.place), id: entry.place.id, href: href(routes.mapPlace(entry.place.id)),
            events: entry.eventIndices.map(eventMention),
            articles: entry.articleIndices.map { TitledLink(title: site.articles[$0].title, href: href(routes.article(site.articles[$0].slug))) })
    }

    func mapOverview() -> MapPage {
        let map = site.map
        return MapPage(svg: map.map { MapPages.overviewSVG(site, map: $0) } ?? "", places: map?.places.map(mapPlaceSummary) ?? [],
                       geojsonHref: href(routes.geoJSON))
    }

    func mapPlacePage(_ index: Int) -> MapPlacePage {
        let map = site.map!
        return MapPlacePage(svg: MapPages.placeSVG(index, site: site, map: map), place: mapPlaceSummary(map.places[index]),
                            mapHref: href(routes.map))
    }
}
