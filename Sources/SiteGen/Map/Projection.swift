import Foundation

/// A map projection onto a plane, in units of the Earth's radius, y pointing north.
enum Projection: Sendable {
    /// Lambert conformal conic: shapes stay true, which suits a country-sized or regional view
    /// away from the equator. Standard parallels at 1/6 and 5/6 of the view's latitudes.
    case lambertConformalConic(n: Double, f: Double, rho0: Double, centralMeridian: Double)
    /// Plate carrée scaled at the centre latitude: for world views and areas across the equator,
    /// where a cone fits badly.
    case equirectangular(centralMeridian: Double, centralParallel: Double)

    /// The projection suited to a box: conic for a regional view, equirectangular for the world
    /// or for views near or across the equator.
    static func suited(to box: GeoBox) -> Projection {
        let centralMeridian = (box.west + box.east) / 2
        let centre = (box.south + box.north) / 2
        let first = box.south + box.latitudeSpan / 6
        let second = box.north - box.latitudeSpan / 6
        guard box.longitudeSpan <= 120, box.latitudeSpan <= 60, first * second > 0, abs(centre) >= 10 else {
            return .equirectangular(centralMeridian: centralMeridian, centralParallel: centre)
        }
        let radians = Double.pi / 180
        let (phi1, phi2, phi0) = (first * radians, second * radians, centre * radians)
        func t(_ phi: Double) -> Double { tan(Double.pi / 4 + phi / 2) }
        let n = abs(phi1 - phi2) < 1e-6
            ? sin(phi1)
            : log(cos(phi1) / cos(phi2)) / log(t(phi2) / t(phi1))
        let f = cos(phi1) * pow(t(phi1), n) / n
        let rho0 = f / pow(t(phi0), n)
        return .lambertConformalConic(n: n, f: f, rho0: rho0, centralMeridian: centralMeridian)
    }

    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        let radians = Double.pi / 180
        switch self {
        case .lambertConformalConic(let n, let f, let rho0, let centralMeridian):
            // Latitudes are kept off the poles, where the cone's radius runs off to infinity.
            let phi = min(max(point.latitude, -89.5), 89.5) * radians
            let rho = f / pow(tan(Double.pi / 4 + phi / 2), n)
            let theta = n * (point.longitude - centralMeridian) * radians
            return (rho * sin(theta), rho0 - rho * cos(theta))
        case .equirectangular(let centralMeridian, let centralParallel):
            return ((point.longitude - centralMeridian) * radians * cos(centralParallel * radians), point.latitude * radians)
        }
    }
}

/// A projection fitted to a box on a drawing of a given width: degrees in, SVG units out.
struct MapFrame: Sendable {
    let projection: Projection
    let box: GeoBox
    /// The drawing: x from `rect.minX` to `rect.maxX`, y down.
    let rect: ScreenRect
    private let scale: Double
    private let centreX: Double
    private let centreY: Double

    /// Fits `box` into a drawing `width` wide whose height follows the box's shape within
    /// `aspect` (height / width), so a wide country does not make a thin strip on a phone.
    init(fitting box: GeoBox, width: Double, aspect: ClosedRange<Double>, origin: ScreenPoint = ScreenPoint(x: 0, y: 0)) {
        let projection = Projection.suited(to: box)
        let projected = box.outline.map(projection.project)
        let minX = projected.map(\.x).min()!, maxX = projected.map(\.x).max()!
        let minY = projected.map(\.y).min()!, maxY = projected.map(\.y).max()!
        let (spanX, spanY) = (max(maxX - minX, 1e-6), max(maxY - minY, 1e-6))
        let height = (width * min(max(spanY / spanX, aspect.lowerBound), aspect.upperBound)).rounded()
        self.projection = projection
        self.box = box
        rect = ScreenRect(minX: origin.x, minY: origin.y, maxX: origin.x + width, maxY: origin.y + height)
        scale = min(width / spanX, height / spanY)
        centreX = (minX + maxX) / 2
        centreY = (minY + maxY) / 2
    }

    /// A point, taken a whole turn round when that brings it nearer the middle of the view: a
    /// view across the date line runs past 180°, where Nome's -165.4° is 194.6°.
    func point(_ geo: GeoPoint) -> ScreenPoint {
        var near = geo
        near.longitude += turn(nearMiddle: geo.longitude)
        return projected(near)
    }

    /// A closed outline as the view can show it: moved as a whole by the turns that bring it
    /// within half a world of the middle, so land on both sides of the date line is drawn in
    /// one piece each (outlines never run past ±180°, a view may), and land on the far side of
    /// the world is left out rather than wrapped round the cone of a conic projection.
    func pieces(of ring: [GeoPoint]) -> [[ScreenPoint]] {
        guard let box = GeoBox(ring) else { return [] }
        let middle = (self.box.west + self.box.east) / 2
        return [0.0, 360, -360].filter { box.west + $0 <= middle + 180 && box.east + $0 >= middle - 180 }.map { turn in
            ring.map { projected(GeoPoint(latitude: $0.latitude, longitude: $0.longitude + turn)) }
        }
    }

    private func turn(nearMiddle longitude: Double) -> Double {
        let middle = (box.west + box.east) / 2
        return ((middle - longitude) / 360).rounded() * 360
    }

    private func projected(_ geo: GeoPoint) -> ScreenPoint {
        let (x, y) = projection.project(geo)
        return ScreenPoint(x: (rect.minX + rect.maxX) / 2 + (x - centreX) * scale,
                           y: (rect.minY + rect.maxY) / 2 - (y - centreY) * scale)
    }

    /// Kilometres per drawing unit across the middle of the map, for the scale bar.
    var kilometresPerUnit: Double {
        let middle = GeoPoint(latitude: (box.south + box.north) / 2, longitude: (box.west + box.east) / 2)
        let east = GeoPoint(latitude: middle.latitude, longitude: middle.longitude + 1)
        let (a, b) = (point(middle), point(east))
        return middle.kilometres(to: east) / hypot(b.x - a.x, b.y - a.y)
    }
}
