/// A place to mark on a map.
struct MapMarker: Sendable {
    var name: String
    var point: GeoPoint
    var href: String
    /// Regions get an open ring rather than a dot: their point is only a middle.
    var isRegion: Bool
    /// The place a per-place map is about: drawn larger and labelled first.
    var isFocus: Bool
    /// How many events and articles name it: busier places get their labels placed first.
    var weight: Int
}

/// What to draw and with which words.
struct MapRequest: Sendable {
    var box: GeoBox
    var markers: [MapMarker]
    var title: String
    var description: String
    var language: String
    var outlines: CountryOutlines
    var main: Country?
    var home: Country?
    var creditText: String
    var width: Double = 480
}

/// Draws a locator map as inline SVG: water, land, the story's country highlighted,
/// neighbours named, markers with labels that do not collide, an inset, a scale bar and
/// the credit of the outline data. Everything is decided at build time; no script runs.
enum MapDrawing {
    static let placeFont = 15.0
    static let countryFont = 12.0
    static let land = "#e8e4da", mainLand = "#fbf6e6", water = "#cfe2ef", border = "#fff", mainBorder = "#8a7a55"
    static let marker = "#b3261e", ink = "#222", muted = "#6b6b6b"

    static func svg(_ request: MapRequest) -> String {
        let frame = MapFrame(fitting: request.box, width: request.width, aspect: 0.62...0.9)
        let rect = frame.rect
        let markers = request.markers.map { (marker: $0, point: frame.point($0.point), radius: $0.isFocus ? 7.0 : $0.isRegion ? 7 : 5) }
            .filter { rect.contains($0.point) }
        var placer = LabelPlacer(frame: rect.insetBy(3))
        for marker in markers {
            placer.reserve(ScreenRect(minX: marker.point.x - marker.radius - 1, minY: marker.point.y - marker.radius - 1,
                                      maxX: marker.point.x + marker.radius + 1, maxY: marker.point.y + marker.radius + 1))
        }

        // Furniture first, in corners without markers, so labels keep clear of it.
        let credit = "\(request.creditText)"
        let creditBox = LabelPlacer.box(credit, x: rect.maxX - 6, y: rect.maxY - 6, anchor: "end", fontSize: 9)
        placer.reserve(creditBox)
        let scale = ScaleBar(kilometresPerUnit: frame.kilometresPerUnit, origin: ScreenPoint(x: rect.minX + 10, y: rect.maxY - 10))
        placer.reserve(scale.box)
        let inset = Inset.place(in: rect, markers: markers.map(\.point), request: request, mainBox: frame.box)
        if let inset { placer.reserve(inset.frame.rect.insetBy(-4)) }

        var labels: [(LabelPlacer.Label, Int)] = []
        let order = markers.indices.sorted {
            let (a, b) = (markers[$0].marker, markers[$1].marker)
            return (a.isFocus ? 1 : 0, a.weight, b.name) > (b.isFocus ? 1 : 0, b.weight, a.name)
        }
        for index in order {
            let item = markers[index]
            if let label = placer.place(item.marker.name, beside: item.point, radius: item.radius, fontSize: placeFont) {
                labels.append((label, index))
            }
        }

        var svg = "<svg class=\"map\" viewBox=\"\(SVGText.number(rect.minX)) \(SVGText.number(rect.minY)) \(SVGText.number(rect.width)) \(SVGText.number(rect.height))\""
        svg += " role=\"img\" font-family=\"Helvetica,Arial,sans-serif\">"
        svg += "<title>\(SVGText.escape(request.title))</title><desc>\(SVGText.escape(request.description))</desc>"
        svg += "<rect x=\"\(SVGText.number(rect.minX))\" y=\"\(SVGText.number(rect.minY))\" width=\"\(SVGText.number(rect.width))\" height=\"\(SVGText.number(rect.height))\" fill=\"\(water)\"/>"
        let countries = Landmass.visible(request.outlines, frame: frame)
        // A world view has many small coastlines; a coarser step keeps it light.
        let step = frame.box.longitudeSpan > 90 ? 1.5 : 0.8
        svg += Landmass.draw(countries, main: request.main?.id, home: nil, minimumStep: step)
        svg += countryLabels(countries, request: request, placer: &placer)
        svg += "<g fill=\"\(marker)\" stroke=\"#fff\" stroke-width=\"1.5\">"
        for item in markers {
            let (x, y, r) = (SVGText.number(item.point.x), SVGText.number(item.point.y), SVGText.number(item.radius))
            let shape = item.marker.isRegion && !item.marker.isFocus
                ? "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" fill=\"\(marker)\" fill-opacity=\"0.25\" stroke=\"\(marker)\" stroke-dasharray=\"2 2\"/>"
                : "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\"/>"
            svg += "<a href=\"\(SVGText.escape(item.marker.href))\">\(shape)</a>"
        }
        // A white halo under each label keeps it legible over borders; drawn as a copy of the
        // text beneath, since the HTML checker does not know SVG 2's paint-order.
        let sortedLabels = labels.sorted { $0.1 < $1.1 }
        let texts = sortedLabels.map { label, index in
            let weight = markers[index].marker.isFocus ? " font-weight=\"bold\"" : ""
            return "<text x=\"\(SVGText.number(label.x))\" y=\"\(SVGText.number(label.y))\"\(anchor(label.anchor))\(weight)>\(SVGText.escape(label.text))</text>"
        }
        svg += "</g><g font-size=\"\(SVGText.number(placeFont))\" fill=\"#fff\" stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" aria-hidden=\"true\">"
        svg += texts.joined()
        svg += "</g><g font-size=\"\(SVGText.number(placeFont))\" fill=\"\(ink)\">"
        for ((_, index), text) in zip(sortedLabels, texts) {
            svg += "<a href=\"\(SVGText.escape(markers[index].marker.href))\">\(text)</a>"
        }
        svg += "</g>"
        if let inset { svg += inset.draw() }
        svg += scale.draw()
        svg += "<text x=\"\(SVGText.number(rect.maxX - 6))\" y=\"\(SVGText.number(rect.maxY - 6))\" text-anchor=\"end\" font-size=\"9\" fill=\"\(muted)\">\(SVGText.escape(credit))</text>"
        return svg + "</svg>"
    }

    private static func anchor(_ anchor: String) -> String {
        anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
    }

    /// Names on the countries: the story's country in capitals, neighbours in grey italics,
    /// each on the largest visible piece of its land, and only where it fits.
    private static func countryLabels(_ countries: [Landmass.Visible], request: MapRequest, placer: inout LabelPlacer) -> String {
        var svg = ""
        // The main country first, then the biggest neighbours, which have the most room.
        let ordered = countries.sorted {
            ($0.country.id == request.main?.id ? 1 : 0, abs($0.largestArea), $1.country.id)
                > ($1.country.id == request.main?.id ? 1 : 0, abs($1.largestArea), $0.country.id)
        }
        for visible in ordered {
            guard let piece = visible.largestPiece else { continue }
            let isMain = visible.country.id == request.main?.id
            let name = isMain ? visible.country.name(language: request.language).uppercased() : visible.country.name(language: request.language)
            let size = isMain ? 13.0 : countryFont
            let spacing = isMain ? 2.0 : 0
            let width = LabelPlacer.width(of: name, fontSize: size, letterSpacing: spacing)
            guard abs(visible.largestArea) > width * size * 2 else { continue }
            let centre = PolygonMath.centroid(piece)
            guard let label = placer.place(name, around: ScreenPoint(x: centre.x, y: centre.y + size * 0.35), fontSize: size,
                                           letterSpacing: spacing, accepts: { PolygonMath.contains(piece, $0) }) else { continue }
            let style = isMain
                ? " font-size=\"13\" letter-spacing=\"2\" fill=\"\(mainBorder)\""
                : " font-size=\"\(SVGText.number(countryFont))\" font-style=\"italic\" fill=\"\(muted)\""
            svg += "<text x=\"\(SVGText.number(label.x))\" y=\"\(SVGText.number(label.y))\" text-anchor=\"middle\"\(style)>\(SVGText.escape(name))</text>"
        }
        return svg
    }
}

/// The countries as they fall on a frame: projected, clipped, with their largest piece.
enum Landmass {
    struct Visible: Sendable {
        var country: Country
        var pieces: [[ScreenPoint]]
        var largestPiece: [ScreenPoint]? { pieces.max { abs(PolygonMath.area($0)) < abs(PolygonMath.area($1)) } }
        var largestArea: Double { largestPiece.map(PolygonMath.area) ?? 0 }
    }

    /// `margin` extends the clip past the frame so borders along its edge do not show.
    static func visible(_ outlines: CountryOutlines, frame: MapFrame, margin: Double = 3, minimumArea: Double = 1) -> [Visible] {
        let reach = frame.box.padded(fraction: 0.5, minimum: 0)
        let clip = frame.rect.insetBy(-margin)
        return outlines.countries.compactMap { country in
            guard country.box.intersects(reach) else { return nil }
            let pieces = country.rings.flatMap(frame.pieces).map { PolygonMath.clip($0, to: clip) }
                .filter { abs(PolygonMath.area($0)) >= minimumArea }
            return pieces.isEmpty ? nil : Visible(country: country, pieces: pieces)
        }
    }

    static func draw(_ countries: [Visible], main: String?, home: String?, strokeWidth: Double = 0.8, minimumStep: Double = 0.8) -> String {
        var svg = "<g fill=\"\(MapDrawing.land)\" stroke=\"\(MapDrawing.border)\" stroke-width=\"\(SVGText.number(strokeWidth))\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
        var mainPath = ""
        for visible in countries {
            let d = SVGText.path(visible.pieces, minimumStep: minimumStep)
            guard !d.isEmpty else { continue }
            if visible.country.id == main {
                mainPath = d
            } else if visible.country.id == home {
                svg += "<path d=\"\(d)\" fill=\"\(MapDrawing.muted)\"/>"
            } else {
                svg += "<path d=\"\(d)\"/>"
            }
        }
        svg += "</g>"
        if !mainPath.isEmpty {
            svg += "<path d=\"\(mainPath)\" fill=\"\(MapDrawing.mainLand)\" stroke=\"\(MapDrawing.mainBorder)\" stroke-width=\"\(SVGText.number(strokeWidth * 1.5))\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>"
        }
        return svg
    }
}

/// A bar of a round number of kilometres, about a fifth of the map wide.
struct ScaleBar {
    var kilometres: Int
    var length: Double
    var origin: ScreenPoint

    init(kilometresPerUnit: Double, origin: ScreenPoint, maximumLength: Double = 110) {
        let most = kilometresPerUnit * maximumLength
        var nice = 1
        for magnitude in [1, 10, 100, 1000, 10000] {
            for step in [1, 2, 5] where Double(step * magnitude) <= most { nice = step * magnitude }
        }
        kilometres = nice
        length = Double(nice) / kilometresPerUnit
        self.origin = origin
    }

    var text: String { "\(kilometres) km" }

    var box: ScreenRect {
        ScreenRect(minX: origin.x - 2, minY: origin.y - 18, maxX: origin.x + max(length, LabelPlacer.width(of: text, fontSize: 11)) + 2, maxY: origin.y + 2)
    }

    func draw() -> String {
        let x = SVGText.number(origin.x)
        let y = SVGText.number(origin.y)
        let top = SVGText.number(origin.y - 5)
        let textY = SVGText.number(origin.y - 8)
        let bar = "<path d=\"M\(x) \(top)V\(y)h\(SVGText.number(length))v-5\" fill=\"none\" stroke=\"\(MapDrawing.ink)\" stroke-width=\"1.5\"/>"
        let label = "<text x=\"\(x)\" y=\"\(textY)\" font-size=\"11\" fill=\"\(MapDrawing.ink)\">\(text)</text>"
        return bar + label
    }
}

/// A small overview map in a corner: the story's country within a wider region that takes
/// in the readers' own country (`map.home`), with the main map's area outlined.
struct Inset {
    var frame: MapFrame
    var countries: [Landmass.Visible]
    /// The main map's area; in two pieces when it crosses the inset's edge at the date line.
    var area: [[ScreenPoint]]
    var main: String?
    var home: String?
    var homeName: String?

    static func place(in rect: ScreenRect, markers: [ScreenPoint], request: MapRequest, mainBox: GeoBox) -> Inset? {
        // A map of half the world is its own overview.
        guard mainBox.longitudeSpan <= 90 else { return nil }
        var region = request.main?.box ?? mainBox
        if let home = request.home { region = region.union(home.box) }
        region = region.union(mainBox).padded(fraction: 0.08, minimum: mainBox.latitudeSpan * 3)
        let width = (rect.width * 0.27).rounded()
        // Top right, else top left: the corner with fewer markers under it.
        let corners = [ScreenPoint(x: rect.maxX - width - 6, y: rect.minY + 6), ScreenPoint(x: rect.minX + 6, y: rect.minY + 6)]
        let frames = corners.map { MapFrame(fitting: region, width: width, aspect: 0.55...0.85, origin: $0) }
        guard let frame = frames.min(by: { a, b in
            markers.filter { a.rect.insetBy(-10).contains($0) }.count < markers.filter { b.rect.insetBy(-10).contains($0) }.count
        }) else { return nil }
        let ring = mainBox.ring
        return Inset(frame: frame, countries: Landmass.visible(request.outlines, frame: frame, margin: 0, minimumArea: 1.5),
                     area: frame.pieces(of: ring).map { PolygonMath.clip($0, to: frame.rect) }, main: request.main?.id, home: request.home?.id,
                     homeName: request.home?.name(language: request.language))
    }

    func draw() -> String {
        let rect = frame.rect
        let box = "x=\"\(SVGText.number(rect.minX))\" y=\"\(SVGText.number(rect.minY))\" width=\"\(SVGText.number(rect.width))\" height=\"\(SVGText.number(rect.height))\""
        var svg = "<g class=\"map-inset\"><rect \(box) fill=\"\(MapDrawing.water)\"/>"
        svg += Landmass.draw(countries, main: main, home: home, strokeWidth: 0.4, minimumStep: 1.5)
        svg += "<path d=\"\(SVGText.path(area, minimumStep: 0.5))\" fill=\"none\" stroke=\"\(MapDrawing.marker)\" stroke-width=\"1.5\"/>"
        // The readers' own country, named, so the inset says "this far from home".
        if let home = countries.first(where: { $0.country.id == self.home }), let piece = home.largestPiece, let homeName {
            let centre = PolygonMath.centroid(piece)
            let box = LabelPlacer.box(homeName, x: centre.x + 4, y: centre.y + 3, anchor: "start", fontSize: 9)
            let anchor = rect.insetBy(2).contains(box) ? "start" : "end"
            let x = anchor == "start" ? centre.x + 4 : centre.x - 4
            let text = "x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(centre.y + 3))\"\(anchor == "end" ? " text-anchor=\"end\"" : "")"
            svg += "<text \(text) font-size=\"9\" fill=\"#fff\" stroke=\"#fff\" stroke-width=\"2.5\" aria-hidden=\"true\">\(SVGText.escape(homeName))</text>"
            svg += "<text \(text) font-size=\"9\" fill=\"\(MapDrawing.ink)\">\(SVGText.escape(homeName))</text>"
            svg += "<circle cx=\"\(SVGText.number(centre.x))\" cy=\"\(SVGText.number(centre.y))\" r=\"2\" fill=\"\(MapDrawing.ink)\"/>"
        }
        svg += "<rect \(box) fill=\"none\" stroke=\"\(MapDrawing.ink)\" stroke-width=\"1\"/></g>"
        return svg
    }
}
