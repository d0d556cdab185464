import Foundation

/// A point on the globe in degrees (WGS 84).
public struct GeoPoint: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres (haversine on a sphere of the mean Earth radius).
    public func kilometres(to other: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(other.latitude * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371.0 * asin(min(1, a.squareRoot()))
    }
}

/// A latitude/longitude box. A box drawn across the date line runs past 180° (Anadyr at 177.5
/// and Nome at -165.4 make 177.5...194.6, not -165.4...177.5 the other way round the world), so
/// its longitudes are compared a whole turn apart as well.
public struct GeoBox: Sendable, Hashable {
    public var south: Double, west: Double, north: Double, east: Double

    public init(south: Double, west: Double, north: Double, east: Double) {
        (self.south, self.west, self.north, self.east) = (south, west, north, east)
    }

    /// The box of `points` as written, never across the date line: a country's outline.
    public init?(_ points: some Sequence<GeoPoint>) {
        var box: GeoBox?
        for point in points { box = box?.including(point) ?? GeoBox(south: point.latitude, west: point.longitude, north: point.latitude, east: point.longitude) }
        guard let box else { return nil }
        self = box
    }

    /// The box to show `points` in: across the date line when that is the shorter way and the
    /// view stays regional (under 180°); a world view keeps Greenwich in the middle.
    public init?(around points: [GeoPoint]) {
        guard let plain = GeoBox(points) else { return nil }
        self = plain
        // The widest gap between neighbouring longitudes is what the view leaves out.
        let longitudes = Set(points.map(\.longitude)).sorted()
        guard longitudes.count > 1, let gap = zip(longitudes, longitudes.dropFirst()).max(by: { $0.1 - $0.0 < $1.1 - $1.0 }) else { return }
        let across = 360 - (gap.1 - gap.0)
        if across < plain.longitudeSpan, across < 180 { (west, east) = (gap.1, gap.0 + 360) }
    }

    public func including(_ point: GeoPoint) -> GeoBox {
        GeoBox(south: min(south, point.latitude), west: min(west, point.longitude),
               north: max(north, point.latitude), east: max(east, point.longitude))
    }

    /// The smaller box holding both, going round the world whichever way is shorter.
    public func union(_ other: GeoBox) -> GeoBox {
        turns.map { turn in
            GeoBox(south: min(south, other.south), west: min(west, other.west + turn), north: max(north, other.north), east: max(east, other.east + turn))
        }.min { $0.longitudeSpan < $1.longitudeSpan }!
    }

    public func intersects(_ other: GeoBox) -> Bool {
        south <= other.north && other.south <= north && turns.contains { west <= other.east + $0 && other.west + $0 <= east }
    }

    public func contains(_ point: GeoPoint) -> Bool {
        (south...north).contains(point.latitude) && turns.contains { (west...east).contains(point.longitude + $0) }
    }

    /// Longitudes a whole turn apart are the same meridian.
    private var turns: [Double] { [0, 360, -360] }

    public var latitudeSpan: Double { north - south }
    public var longitudeSpan: Double { east - west }

    /// Grown by `fraction` of its size on each side, and to at least `minimum` degrees each way,
    /// so a single place or two close ones still show their surroundings. A regional view may
    /// grow across the date line (a place at 177.5° gets its surroundings on both sides); a
    /// world view stops at ±180°, as it always did, and every view at the poles.
    public func padded(fraction: Double, minimum: Double) -> GeoBox {
        let latPad = max(latitudeSpan * fraction, (minimum - latitudeSpan) / 2, 0)
        let lonPad = max(longitudeSpan * fraction, (minimum - longitudeSpan) / 2, 0)
        var box = GeoBox(south: max(-90, south - latPad), west: west - lonPad, north: min(90, north + latPad), east: east + lonPad)
        if box.longitudeSpan >= 360 {
            (box.west, box.east) = (-180, 180)
        } else if box.longitudeSpan >= 180, west >= -180, east <= 180 {
            (box.west, box.east) = (max(-180, box.west), min(180, box.east))
        } else if box.west < -180 {
            (box.west, box.east) = (box.west + 360, box.east + 360)
        }
        return box
    }

    /// The box as a closed ring, its edges walked in order (south, east, north, west): the
    /// outline of an area on another projection, where it is curved.
    var ring: [GeoPoint] {
        let steps = 12
        let fractions = (0..<steps).map { Double($0) / Double(steps) }
        let southEdge = fractions.map { GeoPoint(latitude: south, longitude: west + longitudeSpan * $0) }
        let eastEdge = fractions.map { GeoPoint(latitude: south + latitudeSpan * $0, longitude: east) }
        let northEdge = fractions.map { GeoPoint(latitude: north, longitude: east - longitudeSpan * $0) }
        let westEdge = fractions.map { GeoPoint(latitude: north - latitudeSpan * $0, longitude: west) }
        return southEdge + eastEdge + northEdge + westEdge
    }

    /// Points along the edges, for fitting a projection whose parallels are curves.
    var outline: [GeoPoint] {
        let steps = 12
        var points: [GeoPoint] = []
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let lat = south + (north - south) * t
            let lon = west + (east - west) * t
            points += [GeoPoint(latitude: south, longitude: lon), GeoPoint(latitude: north, longitude: lon),
                       GeoPoint(latitude: lat, longitude: west), GeoPoint(latitude: lat, longitude: east)]
        }
        return points
    }
}

/// A point on the drawing, in SVG units: x to the right, y down.
struct ScreenPoint: Sendable, Hashable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle on the drawing, for frames and label boxes.
struct ScreenRect: Sendable, Hashable {
    var minX: Double, minY: Double, maxX: Double, maxY: Double

    var width: Double { maxX - minX }
    var height: Double { maxY - minY }

    func intersects(_ other: ScreenRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func contains(_ other: ScreenRect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    func contains(_ point: ScreenPoint) -> Bool {
        (minX...maxX).contains(point.x) && (minY...maxY).contains(point.y)
    }

    func union(_ other: ScreenRect) -> ScreenRect {
        ScreenRect(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    func insetBy(_ amount: Double) -> ScreenRect {
        ScreenRect(minX: minX + amount, minY: minY + amount, maxX: maxX - amount, maxY: maxY - amount)
    }
}

enum PolygonMath {
    /// Sutherland–Hodgman: the part of a closed ring inside a rectangle. Concave rings can leave
    /// zero-width slivers along the edge; they fall on or outside the frame, where nothing shows.
    static func clip(_ ring: [ScreenPoint], to rect: ScreenRect) -> [ScreenPoint] {
        var output = ring
        let edges: [(inside: (ScreenPoint) -> Bool, cross: (ScreenPoint, ScreenPoint) -> ScreenPoint)] = [
            ({ $0.x >= rect.minX }, { a, b in intersect(a, b, x: rect.minX) }),
            ({ $0.x <= rect.maxX }, { a, b in intersect(a, b, x: rect.maxX) }),
            ({ $0.y >= rect.minY }, { a, b in intersect(a, b, y: rect.minY) }),
            ({ $0.y <= rect.maxY }, { a, b in intersect(a, b, y: rect.maxY) }),
        ]
        for edge in edges {
            guard let last = output.last else { return [] }
            let input = output
            output = []
            var previous = last
            for point in input {
                switch (edge.inside(point), edge.inside(previous)) {
                case (true, true): output.append(point)
                case (true, false): output += [edge.cross(previous, point), point]
                case (false, true): output.append(edge.cross(previous, point))
                case (false, false): break
                }
                previous = point
            }
        }
        return output
    }

    private static func intersect(_ a: ScreenPoint, _ b: ScreenPoint, x: Double) -> ScreenPoint {
        let t = (x - a.x) / (b.x - a.x)
        return ScreenPoint(x: x, y: a.y + (b.y - a.y) * t)
    }

    private static func intersect(_ a: ScreenPoint, _ b: ScreenPoint, y: Double) -> ScreenPoint {
        let t = (y - a.y) / (b.y - a.y)
        return ScreenPoint(x: a.x + (b.x - a.x) * t, y: y)
    }

    /// Signed area (shoelace); its size says whether a piece of a country is worth a label.
    static func area(_ ring: [ScreenPoint]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for (i, a) in ring.enumerated() {
            let b = ring[(i + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    static func centroid(_ ring: [ScreenPoint]) -> ScreenPoint {
        let a = area(ring)
        guard abs(a) > 1e-9 else {
            let n = Double(max(ring.count, 1))
            return ScreenPoint(x: ring.map(\.x).reduce(0, +) / n, y: ring.map(\.y).reduce(0, +) / n)
        }
        var cx = 0.0, cy = 0.0
        for (i, p) in ring.enumerated() {
            let q = ring[(i + 1) % ring.count]
            let cross = p.x * q.y - q.x * p.y
            cx += (p.x + q.x) * cross
            cy += (p.y + q.y) * cross
        }
        return ScreenPoint(x: cx / (6 * a), y: cy / (6 * a))
    }

    /// Even-odd rule, for "is this label's centre on its country?".
    static func contains(_ ring: [ScreenPoint], _ point: ScreenPoint) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let (a, b) = (ring[i], ring[j])
            if (a.y > point.y) != (b.y > point.y), point.x < (b.x - a.x) * (point.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    static func contains(_ ring: [GeoPoint], _ point: GeoPoint) -> Bool {
        contains(ring.map { ScreenPoint(x: $0.longitude, y: $0.latitude) }, ScreenPoint(x: point.longitude, y: point.latitude))
    }
}
