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
    /// The words of the legend for region markers ("Område (omtrentlig midte)").
    var regionLegend: String
    /// In SVG units; at a phone's 390 px one unit is about one pixel, so the font sizes below
    /// are what a reader gets there (12 px and up).
    var width: Double = 400
}

/// Draws a locator map as inline SVG: water, land, the story's country highlighted,
/// neighbours named, markers with labels that do not collide, an inset, a scale bar and
/// the credit of the outline data. Everything is decided at build time; no script runs.
/// Colours are not written here: every part carries a `map-*` class that the stylesheet
/// paints, so a designer (and dark mode) can change them.
enum MapDrawing {
    static let placeFont = 14.0
    static let countryFont = 13.0
    static let mainCountryFont = 14.0
    static let smallFont = 12.5
    /// Half the side of a marker's tap target: 24 x 24 at the least.
    static let targetRadius = 12.0

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

        // Furniture first, in the bottom corners, so labels keep clear of it.
        let hasRegions = markers.contains { $0.marker.isRegion && !$0.marker.isFocus }
        var furniture = Furniture(credit: request.creditText, legend: hasRegions ? request.regionLegend : nil,
                                  kilometresPerUnit: frame.kilometresPerUnit, inside: rect)
        let countries = Landmass.visible(request.outlines, frame: frame)
        let mainPieces = countries.first { $0.country.id == request.main?.id }?.pieces ?? []
        let inset = Inset.place(in: rect, avoiding: markers.map(\.point), mainPieces: mainPieces, reserved: placer.taken + furniture.boxes,
                                request: request, mainBox: frame.box)
        var drawing = rect
        if let inset, !inset.isInside {
            // No corner is free: the inset stands in a panel below the map, and the furniture
            // beside it, which leaves the whole map to the places' labels.
            furniture = Furniture(credit: request.creditText, legend: furniture.legend?.text, kilometresPerUnit: frame.kilometresPerUnit,
                                  below: rect, leftOf: inset.frame.rect.minX)
            drawing = rect.union(inset.frame.rect.insetBy(-6)).union(furniture.extent)
        } else {
            for box in furniture.boxes { placer.reserve(box) }
            if let inset { placer.reserve(inset.frame.rect.insetBy(-4)) }
        }

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

        // Not role="img": the map holds links, and an image cannot (axe: nested-interactive).
        // The title names it and the description says in words what it shows.
        var svg = "<svg class=\"map\" viewBox=\"\(SVGText.number(drawing.minX)) \(SVGText.number(drawing.minY)) \(SVGText.number(drawing.width)) \(SVGText.number(drawing.height))\""
        svg += " font-family=\"system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif\">"
        svg += "<title>\(SVGText.escape(request.title))</title><desc>\(SVGText.escape(request.description))</desc>"
        if drawing != rect { svg += "<rect class=\"map-panel\" \(SVGText.box(drawing))/>" }
        svg += "<rect class=\"map-water\" \(SVGText.box(rect))/>"
        // A world view has many small coastlines; a coarser step keeps it light.
        let step = frame.box.longitudeSpan > 90 ? 1.5 : 0.8
        svg += Landmass.draw(countries, main: request.main?.id, home: nil, minimumStep: step)
        svg += countryLabels(countries, request: request, placer: &placer)
        svg += "<g class=\"map-markers\" stroke-width=\"1.5\">"
        for item in markers {
            let (x, y, r) = (SVGText.number(item.point.x), SVGText.number(item.point.y), SVGText.number(item.radius))
            let shape = item.marker.isRegion && !item.marker.isFocus
                ? "<circle class=\"map-region\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" stroke-dasharray=\"2 2\"/>"
                : "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\"/>"
            // An invisible disc around the marker makes a target a finger can hit.
            let target = "<circle class=\"map-target\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(SVGText.number(max(targetRadius, item.radius)))\"/>"
            svg += "<a href=\"\(SVGText.escape(item.marker.href))\" aria-label=\"\(SVGText.escape(item.marker.name))\">\(target)\(shape)</a>"
        }
        // A halo under each label keeps it legible over borders; drawn as a copy of the
        // text beneath, since the HTML checker does not know SVG 2's paint-order.
        let sortedLabels = labels.sorted { $0.1 < $1.1 }
        let texts = sortedLabels.map { label, index in
            let weight = markers[index].marker.isFocus ? " font-weight=\"bold\"" : ""
            return "<text x=\"\(SVGText.number(label.x))\" y=\"\(SVGText.number(label.y))\"\(anchor(label.anchor))\(weight)>\(SVGText.escape(label.text))</text>"
        }
        svg += "</g><g class=\"map-halo\" font-size=\"\(SVGText.number(placeFont))\" stroke-width=\"3\" stroke-linejoin=\"round\" aria-hidden=\"true\">"
        svg += texts.joined()
        // The labels link too, for fingers; the marker's link already names the place, so
        // they are left out of the tab order and of what a screen reader reads.
        svg += "</g><g class=\"map-labels\" font-size=\"\(SVGText.number(placeFont))\" aria-hidden=\"true\">"
        for ((_, index), text) in zip(sortedLabels, texts) {
            svg += "<a href=\"\(SVGText.escape(markers[index].marker.href))\" tabindex=\"-1\">\(text)</a>"
        }
        svg += "</g>"
        if let inset { svg += inset.draw() }
        return svg + furniture.draw() + "</svg>"
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
            let size = isMain ? mainCountryFont : countryFont
            let spacing = isMain ? 2.0 : 0
            let width = LabelPlacer.width(of: name, fontSize: size, letterSpacing: spacing)
            guard abs(visible.largestArea) > width * size * 2 else { continue }
            let centre = PolygonMath.centroid(piece)
            guard let label = placer.place(name, around: ScreenPoint(x: centre.x, y: centre.y + size * 0.35), fontSize: size,
                                           letterSpacing: spacing, accepts: { PolygonMath.contains(piece, $0) }) else { continue }
            let style = isMain
                ? " class=\"map-country-main\" font-size=\"\(SVGText.number(mainCountryFont))\" letter-spacing=\"2\""
                : " class=\"map-country\" font-size=\"\(SVGText.number(countryFont))\" font-style=\"italic\""
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
        var svg = "<g class=\"map-land\" stroke-width=\"\(SVGText.number(strokeWidth))\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">"
        var mainPath = ""
        for visible in countries {
            let d = SVGText.path(visible.pieces, minimumStep: minimumStep)
            guard !d.isEmpty else { continue }
            if visible.country.id == main {
                mainPath = d
            } else if visible.country.id == home {
                svg += "<path class=\"map-home\" d=\"\(d)\"/>"
            } else {
                svg += "<path d=\"\(d)\"/>"
            }
        }
        svg += "</g>"
        if !mainPath.isEmpty {
            svg += "<path class=\"map-main\" d=\"\(mainPath)\" stroke-width=\"\(SVGText.number(strokeWidth * 1.5))\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>"
        }
        return svg
    }
}

/// The legend for region markers, the scale bar and the credit of the outline data: in the
/// map's bottom corners, or stacked in the panel below it, left of the inset.
struct Furniture {
    var legend: RegionLegend?
    var scale: ScaleBar
    var credit: String
    var creditX: Double, creditY: Double, creditAnchor: String

    /// In the bottom corners of `rect`: scale and legend at the left, the credit at the right.
    init(credit: String, legend text: String?, kilometresPerUnit: Double, inside rect: ScreenRect) {
        let scale = ScaleBar(kilometresPerUnit: kilometresPerUnit, origin: ScreenPoint(x: rect.minX + 10, y: rect.maxY - 10))
        self.scale = scale
        legend = text.map { RegionLegend(text: $0, origin: ScreenPoint(x: rect.minX + 10, y: scale.box.minY - 8)) }
        self.credit = credit
        (creditX, creditY, creditAnchor) = (rect.maxX - 6, rect.maxY - 6, "end")
    }

    /// One above the other below `rect`, from its left edge towards `limit`.
    init(credit: String, legend text: String?, kilometresPerUnit: Double, below rect: ScreenRect, leftOf limit: Double) {
        let left = rect.minX + 10
        var y = rect.maxY + 8 + MapDrawing.smallFont
        let legend = text.map { RegionLegend(text: $0, origin: ScreenPoint(x: left, y: y)) }
        if legend != nil { y += MapDrawing.smallFont + 10 }
        self.legend = legend
        scale = ScaleBar(kilometresPerUnit: kilometresPerUnit, origin: ScreenPoint(x: left, y: y + 8), maximumLength: min(110, limit - left - 12))
        self.credit = credit
        (creditX, creditY, creditAnchor) = (left, scale.origin.y + 8 + MapDrawing.smallFont, "start")
    }

    var creditBox: ScreenRect {
        LabelPlacer.box(credit, x: creditX, y: creditY, anchor: creditAnchor, fontSize: MapDrawing.smallFont)
    }

    var boxes: [ScreenRect] { [creditBox, scale.box] + (legend.map { [$0.box] } ?? []) }

    /// What it covers, margins included.
    var extent: ScreenRect { boxes.dropFirst().reduce(creditBox, { $0.union($1) }).insetBy(-6) }

    func draw() -> String {
        var svg = legend?.draw() ?? ""
        svg += scale.draw()
        let anchor = creditAnchor == "start" ? "" : " text-anchor=\"\(creditAnchor)\""
        svg += "<text class=\"map-credit\" x=\"\(SVGText.number(creditX))\" y=\"\(SVGText.number(creditY))\"\(anchor) font-size=\"\(SVGText.number(MapDrawing.smallFont))\">\(SVGText.escape(credit))</text>"
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
        ScreenRect(minX: origin.x - 2, minY: origin.y - 8 - MapDrawing.smallFont, maxX: origin.x + max(length, LabelPlacer.width(of: text, fontSize: MapDrawing.smallFont)) + 2, maxY: origin.y + 2)
    }

    func draw() -> String {
        let x = SVGText.number(origin.x)
        let y = SVGText.number(origin.y)
        let top = SVGText.number(origin.y - 5)
        let textY = SVGText.number(origin.y - 8)
        let bar = "<path class=\"map-scale\" d=\"M\(x) \(top)V\(y)h\(SVGText.number(length))v-5\" fill=\"none\" stroke-width=\"1.5\"/>"
        let label = "<text class=\"map-ink\" x=\"\(x)\" y=\"\(textY)\" font-size=\"\(SVGText.number(MapDrawing.smallFont))\">\(text)</text>"
        return "<g class=\"map-furniture\">" + bar + label + "</g>"
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
    /// In a corner of the map; false when every corner would cover the story's country, a
    /// marker or the furniture, and the inset stands below the map instead.
    var isInside: Bool

    static func place(in rect: ScreenRect, avoiding markers: [ScreenPoint], mainPieces: [[ScreenPoint]],
                      reserved: [ScreenRect], request: MapRequest, mainBox: GeoBox) -> Inset? {
        // A map of half the world is its own overview.
        guard mainBox.longitudeSpan <= 90 else { return nil }
        var region = request.main?.box ?? mainBox
        if let home = request.home { region = region.union(home.box) }
        region = region.union(mainBox).padded(fraction: 0.08, minimum: mainBox.latitudeSpan * 3)
        let width = (rect.width * 0.27).rounded()
        let top = rect.minY + 6, left = rect.minX + 6
        let corners = [
            ScreenPoint(x: rect.maxX - width - 6, y: top), ScreenPoint(x: left, y: top),
        ]
        let frames = corners.map { MapFrame(fitting: region, width: width, aspect: 0.55...0.85, origin: $0) }
        // Bottom corners too, measured once the inset's height is known.
        let bottoms = frames.map { frame in
            MapFrame(fitting: region, width: width, aspect: 0.55...0.85,
                     origin: ScreenPoint(x: frame.rect.minX, y: rect.maxY - frame.rect.height - 6))
        }
        let free = (frames + bottoms).first { frame in
            let area = frame.rect.insetBy(-8)
            return !markers.contains { area.contains($0) }
                && !reserved.contains { $0.intersects(area) }
                && !Self.covers(area, mainPieces)
        }
        let chosen = free ?? MapFrame(fitting: region, width: width, aspect: 0.55...0.85,
                                      origin: ScreenPoint(x: rect.maxX - width - 6, y: rect.maxY + 8))
        return Inset(frame: chosen, countries: Landmass.visible(request.outlines, frame: chosen, margin: 0, minimumArea: 1.5),
                     area: chosen.pieces(of: mainBox.ring).map { PolygonMath.clip($0, to: chosen.rect) }, main: request.main?.id,
                     home: request.home?.id, homeName: request.home?.name(language: request.language), isInside: free != nil)
    }

    /// Whether any of a grid of points over `rect` falls on the story's country.
    private static func covers(_ rect: ScreenRect, _ pieces: [[ScreenPoint]]) -> Bool {
        guard !pieces.isEmpty else { return false }
        let steps = 8
        for i in 0...steps {
            for j in 0...steps {
                let point = ScreenPoint(x: rect.minX + rect.width * Double(i) / Double(steps),
                                        y: rect.minY + rect.height * Double(j) / Double(steps))
                if pieces.contains(where: { PolygonMath.contains($0, point) }) { return true }
            }
        }
        return false
    }

    func draw() -> String {
        let rect = frame.rect
        let box = SVGText.box(rect)
        var svg = "<g class=\"map-inset\"><rect class=\"map-water\" \(box)/>"
        svg += Landmass.draw(countries, main: main, home: home, strokeWidth: 0.4, minimumStep: 1.5)
        svg += "<path class=\"map-area\" d=\"\(SVGText.path(area, minimumStep: 0.5))\" fill=\"none\" stroke-width=\"1.5\"/>"
        // The readers' own country, named, so the inset says "this far from home".
        if let home = countries.first(where: { $0.country.id == self.home }), let piece = home.largestPiece, let homeName {
            let centre = PolygonMath.centroid(piece)
            let size = MapDrawing.smallFont
            let box = LabelPlacer.box(homeName, x: centre.x + 4, y: centre.y + 4, anchor: "start", fontSize: size)
            let anchor = rect.insetBy(2).contains(box) ? "start" : "end"
            let x = anchor == "start" ? centre.x + 4 : centre.x - 4
            let text = "x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(centre.y + 4))\"\(anchor == "end" ? " text-anchor=\"end\"" : "") font-size=\"\(SVGText.number(size))\""
            svg += "<text class=\"map-halo\" \(text) stroke-width=\"3\" aria-hidden=\"true\">\(SVGText.escape(homeName))</text>"
            svg += "<text class=\"map-ink\" \(text)>\(SVGText.escape(homeName))</text>"
            svg += "<circle class=\"map-dot\" cx=\"\(SVGText.number(centre.x))\" cy=\"\(SVGText.number(centre.y))\" r=\"2\"/>"
        }
        svg += "<rect class=\"map-inset-frame\" \(box) fill=\"none\" stroke-width=\"1\"/></g>"
        return svg
    }
}

/// Says what the open, dashed ring means: a region, marked at an approximate middle.
struct RegionLegend {
    var text: String
    var origin: ScreenPoint

    private var radius: Double { 6 }

    var box: ScreenRect {
        ScreenRect(minX: origin.x - 2, minY: origin.y - MapDrawing.smallFont, maxX: origin.x + radius * 2 + 6
                   + LabelPlacer.width(of: text, fontSize: MapDrawing.smallFont) + 2, maxY: origin.y + 4)
    }

    func draw() -> String {
        let cx = SVGText.number(origin.x + radius), cy = SVGText.number(origin.y - MapDrawing.smallFont * 0.35)
        let ring = "<circle class=\"map-region\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(SVGText.number(radius))\" stroke-width=\"1.5\" stroke-dasharray=\"2 2\"/>"
        let label = "<text class=\"map-ink\" x=\"\(SVGText.number(origin.x + radius * 2 + 6))\" y=\"\(SVGText.number(origin.y))\" font-size=\"\(SVGText.number(MapDrawing.smallFont))\">\(SVGText.escape(text))</text>"
        return "<g class=\"map-legend\">" + ring + label + "</g>"
    }
}
