/// Template values of the map pages (Templates/map.mustache, map-place.mustache) and of the
/// overview map on the front page.
extension ViewModels {
    /// A place in the list beside a map: its events and articles, linked.
    func mapPlaceSummary(_ entry: MapPlace) -> MapPlaceView {
        let place = entry.place
        return MapPlaceView(
            place: self.place(place), id: place.id, href: href(routes.mapPlace(place.id)),
            events: entry.eventIndices.map(eventMention),
            articles: entry.articleIndices.map { TitledLink(title: site.articles[$0].title, href: href(routes.article(site.articles[$0].slug))) },
            summary: place.description ?? site.strings["map.placeSummary"].replacingOccurrences(of: "{name}", with: place.name))
    }

    func mapOverview() -> MapPage {
        let map = site.map
        let svg = map.map(overviewSVG) ?? ""
        return MapPage(svg: svg, places: map?.places.map(mapPlaceSummary) ?? [], geojsonHref: href(routes.geoJSON),
                       figure: MapFigureView(svg: svg, places: [], caption: nil, href: nil))
    }

    func mapPlacePage(_ index: Int) -> MapPlacePage {
        let map = site.map!
        let svg = MapPages.placeSVG(index, site: site, map: map)
        return MapPlacePage(svg: svg, place: mapPlaceSummary(map.places[index]), mapHref: href(routes.map),
                            figure: MapFigureView(svg: svg, places: [], caption: nil, href: nil))
    }

    /// The overview map for the front page, linking to the map page; nil without places.
    func overviewFigure() -> MapFigureView? {
        guard let map = site.map, !map.places.isEmpty else { return nil }
        return MapFigureView(svg: overviewSVG(map), places: [], caption: nil, href: href(routes.map))
    }
}
