import Synchronization
import Foundation

/// A country as the map draws it: outlines in degrees and its name in each language.
public struct Country: Sendable {
    /// ISO 3166-1 alpha-2 (`KZ`), or Natural Earth's own code for places without one.
    public var id: String
    /// ISO 3166-1 alpha-3 (`KAZ`), for a hint when an editor writes that instead of `id`.
    public var alpha3: String
    public var names: [String: String]
    /// Closed rings, outer rings and holes alike (drawn with the even-odd rule).
    public var rings: [[GeoPoint]]
    public var box: GeoBox

    public func name(language: String) -> String {
        names[language] ?? names[String(language.prefix(while: { $0 != "-" }))] ?? names["en"] ?? id
    }

    public func contains(_ point: GeoPoint) -> Bool {
        guard box.contains(point) else { return false }
        return rings.reduce(false) { inside, ring in PolygonMath.contains(ring, point) != inside }
    }
}

/// The country outlines every map is drawn from (`Templates/data/countries.json`).
public struct CountryOutlines: Sendable {
    public static let path = "Templates/data/countries.json"

    /// Sorted by id, so drawing order never depends on the file's order.
    public var countries: [Country]
    /// Who made the outlines, shown on every map.
    public var credit: String

    public func country(_ id: String) -> Country? {
        countries.first { $0.id == id }
    }
}

/// Stage 1: reads the outline file. It is data of the templates, so a newsroom can replace it
/// with finer outlines of its own region.
enum CountryOutlinesLoader {
    /// The last outlines read and the bytes they came from: `sitegen serve` rebuilds on every
    /// save, and parsing the outline file again each time was a third of a rebuild.
    private static let lastRead = Mutex<(bytes: [UInt8], outlines: CountryOutlines)?>(nil)

    static func load(_ files: SiteFiles) -> (CountryOutlines?, [Diagnostic]) {
        let path = CountryOutlines.path
        let location = SourceLocation(path: path)
        guard let bytes = files.read(path) else {
            return (nil, [.error(location, "missing \(path), the country outlines maps are drawn from; copy it from sitegen's default Templates/")])
        }
        if let cached = lastRead.withLock({ $0 }), cached.bytes == bytes { return (cached.outlines, []) }
        let (outlines, diagnostics) = parse(bytes, path: path, location: location)
        if let outlines { lastRead.withLock { $0 = (bytes, outlines) } }
        return (outlines, diagnostics)
    }

    private static func parse(_ bytes: [UInt8], path: String, location: SourceLocation) -> (CountryOutlines?, [Diagnostic]) {
        guard let root = JSONReader.parse(bytes), let items = root["countries"]?.array else {
            return (nil, [.error(location, "\(path) is not valid outline data: expected a JSON object with a `countries` list; regenerate it with scripts/data/make-countries.py")])
        }
        var countries: [Country] = []
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.string, let names = item["name"]?.stringValues,
                  let rings = item["rings"]?.array?.allMapped({ $0.array?.allMapped(\.number) }) else {
                return (nil, [.error(location, "\(path): country \(index + 1) needs `id`, `name` and `rings` (lists of lon, lat numbers)")])
            }
            let points = rings.map { ring in
                stride(from: 0, to: ring.count - 1, by: 2).map {
                    GeoPoint(latitude: ring[$0 + 1], longitude: ring[$0])
                }
            }.filter { $0.count >= 3 }
            // Russia, Fiji and the United States reach across the date line: their box goes the short way.
            guard let box = GeoBox(around: Array(points.joined())) else { continue }
            countries.append(Country(id: id, alpha3: item["iso3"]?.string ?? "", names: names, rings: points, box: box))
        }
        countries.sort { $0.id < $1.id }
        return (CountryOutlines(countries: countries, credit: root["credit"]?.string ?? "Natural Earth"), [])
    }
}
