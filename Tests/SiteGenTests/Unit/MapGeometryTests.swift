import Testing
@testable import SiteGen

/// Projection, fitting, scale and label placement, checked against known geography.
@Suite("Map geometry")
struct MapGeometryTests {
    static let almaty = GeoPoint(latitude: 43.25, longitude: 76.92)
    static let aktau = GeoPoint(latitude: 43.65, longitude: 51.17)
    static let nurSultan = GeoPoint(latitude: 51.17, longitude: 71.45)

    static func kazakhstanFrame() throws -> MapFrame {
        let box = try #require(GeoBox([almaty, aktau, nurSultan])).padded(fraction: 0.15, minimum: 8)
        return MapFrame(fitting: box, width: 480, aspect: 0.62...0.9)
    }

    @Test func almatyLiesEastOfAktauAndNurSultanNorthOfBoth() throws {
        let frame = try Self.kazakhstanFrame()
        let (almaty, aktau, nurSultan) = (frame.point(Self.almaty), frame.point(Self.aktau), frame.point(Self.nurSultan))
        #expect(almaty.x > aktau.x + 200, "Almaty is some 1,900 km east of Aktau")
        // SVG y grows downwards: north is a smaller y.
        #expect(nurSultan.y < almaty.y - 100)
        #expect(nurSultan.y < aktau.y - 100)
        // Aktau and Almaty lie on nearly the same parallel; the cone bends it only a little.
        #expect(abs(almaty.y - aktau.y) < 40)
        for point in [almaty, aktau, nurSultan] {
            #expect(frame.rect.insetBy(10).contains(point), "every place is inside the margin")
        }
    }

    @Test func aRegionalViewIsConicAndTheWorldIsEquirectangular() throws {
        let region = try #require(GeoBox([Self.almaty, Self.aktau, Self.nurSultan]))
        guard case .lambertConformalConic(let n, _, _, _) = Projection.suited(to: region) else {
            Issue.record("a view of Kazakhstan should be conic")
            return
        }
        #expect(n > 0.6 && n < 0.8, "the cone's constant is near sin(47°) for Kazakhstan")
        let world = GeoBox(south: -60, west: -170, north: 75, east: 170)
        guard case .equirectangular = Projection.suited(to: world) else {
            Issue.record("a world view should be equirectangular")
            return
        }
        let acrossTheEquator = GeoBox(south: -10, west: 30, north: 10, east: 45)
        guard case .equirectangular = Projection.suited(to: acrossTheEquator) else {
            Issue.record("a cone fits badly across the equator")
            return
        }
    }

    @Test func distancesOnTheMapMatchTheGlobeWithinAFewPercent() throws {
        let frame = try Self.kazakhstanFrame()
        let (a, b) = (frame.point(Self.almaty), frame.point(Self.aktau))
        let measured = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() * frame.kilometresPerUnit
        let true_ = Self.almaty.kilometres(to: Self.aktau)
        #expect(abs(true_ - 2_090) < 30, "Almaty–Aktau is about 2,090 km")
        #expect(abs(measured - true_) / true_ < 0.03)
    }

    @Test func theScaleBarIsARoundNumberOfKilometres() {
        let bar = ScaleBar(kilometresPerUnit: 5.3, origin: ScreenPoint(x: 10, y: 300))
        #expect(bar.kilometres == 500)
        #expect(abs(bar.length - 500 / 5.3) < 1e-9)
        #expect(ScaleBar(kilometresPerUnit: 0.9, origin: ScreenPoint(x: 0, y: 0)).kilometres == 50)
    }

    @Test func aLabelGoesRightOfItsPointByDefault() throws {
        var placer = LabelPlacer(frame: ScreenRect(minX: 0, minY: 0, maxX: 480, maxY: 320))
        let placed = placer.place("Almaty", beside: ScreenPoint(x: 100, y: 100), radius: 5, fontSize: 15)
        let label = try #require(placed)
        #expect(label.anchor == "start")
        #expect(label.x > 100)
    }

    @Test func aLabelThatWouldLeaveTheFrameFlipsLeft() throws {
        var placer = LabelPlacer(frame: ScreenRect(minX: 0, minY: 0, maxX: 480, maxY: 320))
        let placed = placer.place("Almaty", beside: ScreenPoint(x: 470, y: 100), radius: 5, fontSize: 15)
        let label = try #require(placed)
        #expect(label.anchor == "end")
        #expect(label.box.maxX <= 480)
    }

    @Test func crowdedLabelsNeitherOverlapEachOtherNorTheMarkers() {
        let frame = ScreenRect(minX: 0, minY: 0, maxX: 480, maxY: 320)
        let points = (0..<6).map { ScreenPoint(x: 200 + Double($0 % 3) * 12, y: 150 + Double($0 / 3) * 10) }
        var placer = LabelPlacer(frame: frame)
        let markers = points.map { ScreenRect(minX: $0.x - 6, minY: $0.y - 6, maxX: $0.x + 6, maxY: $0.y + 6) }
        markers.forEach { placer.reserve($0) }
        let labels = points.enumerated().compactMap { index, point in
            placer.place("Sted nummer \(index)", beside: point, radius: 5, fontSize: 15)
        }
        #expect(labels.count == points.count, "there is room for all six around the cluster")
        for (i, a) in labels.enumerated() {
            #expect(frame.contains(a.box))
            for b in labels[(i + 1)...] { #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)") }
            for marker in markers { #expect(!a.box.intersects(marker), "\(a.text) covers a marker") }
        }
    }

    @Test func clippingKeepsOnlyThePartInsideTheFrame() {
        let square = [ScreenPoint(x: -10, y: -10), ScreenPoint(x: 10, y: -10), ScreenPoint(x: 10, y: 10), ScreenPoint(x: -10, y: 10)]
        let clipped = PolygonMath.clip(square, to: ScreenRect(minX: 0, minY: 0, maxX: 100, maxY: 100))
        #expect(abs(abs(PolygonMath.area(clipped)) - 100) < 1e-9)
        #expect(PolygonMath.clip(square, to: ScreenRect(minX: 50, minY: 50, maxX: 100, maxY: 100)).isEmpty)
    }

    @Test(arguments: [(1.25, "1.3"), (-0.04, "0"), (12, "12"), (-3.46, "-3.5"), (0.05, "0.1")])
    func svgNumbersHaveOneDecimalAtMost(_ value: Double, _ text: String) {
        #expect(SVGText.number(value) == text)
    }

    @Test func pathsAreRelativeAndDropPointsTooCloseToShow() {
        let ring = [ScreenPoint(x: 0, y: 0), ScreenPoint(x: 10, y: 0), ScreenPoint(x: 10.2, y: 0.1), ScreenPoint(x: 10, y: 10)]
        #expect(SVGText.path([ring]) == "M0 0l10 0 0 10z")
    }

    @Test(arguments: [(76.92, "76.92"), (43.123456, "43.12346"), (-0.000001, "0"), (-122.5, "-122.5"), (51, "51")])
    func geoJSONCoordinatesHaveFiveDecimalsAtMost(_ value: Double, _ text: String) {
        #expect(JSONValue.coordinate(value) == text)
    }
}

@Suite("Boxes across the date line")
struct GeoBoxDateLineTests {
    @Test func aBoxAroundPlacesOnBothSidesOfTheDateLineCrossesIt() throws {
        let box = try #require(GeoBox(around: [GeoPoint(latitude: 64.73, longitude: 177.5), GeoPoint(latitude: 64.5, longitude: -165.4)]))
        #expect(box.west == 177.5)
        #expect((box.east * 10).rounded() / 10 == 194.6)
        #expect(box.contains(GeoPoint(latitude: 64.6, longitude: -170)))
        #expect(!box.contains(GeoPoint(latitude: 64.6, longitude: 0)))
    }

    @Test func placesFarApartStillGetAViewWithGreenwichInTheMiddle() throws {
        // Across the Pacific would be 221° instead of 228°, but a world view stays as it was.
        let box = try #require(GeoBox(around: [GeoPoint(latitude: 55.68, longitude: 12.57), GeoPoint(latitude: -33.87, longitude: 151.21),
                                               GeoPoint(latitude: -12.05, longitude: -77.04)]))
        #expect(box.west == -77.04 && box.east == 151.21)
    }

    @Test func paddingARegionalViewMayCrossTheDateLineAWorldViewMayNot() {
        let anadyr = GeoBox(south: 64.73, west: 177.5, north: 64.73, east: 177.5).padded(fraction: 0.15, minimum: 10)
        #expect(anadyr.west == 172.5 && anadyr.east == 182.5)
        let westOfIt = GeoBox(south: 64.5, west: -177, north: 64.5, east: -177).padded(fraction: 0.15, minimum: 10)
        #expect(westOfIt.west == 178 && westOfIt.east == 188)
        let world = GeoBox(south: -40, west: -170, north: 60, east: 170).padded(fraction: 0.15, minimum: 10)
        #expect(world.west == -180 && world.east == 180)
        let pole = GeoBox(south: 90, west: 0, north: 90, east: 0).padded(fraction: 0.15, minimum: 10)
        #expect(pole.north == 90 && pole.south == 85)
    }

    @Test func aUnionGoesRoundTheShorterWay() {
        let chukotka = GeoBox(south: 62, west: 170, north: 70, east: 180)
        let alaska = GeoBox(south: 55, west: -170, north: 70, east: -140)
        let union = chukotka.union(alaska)
        #expect(union.west == 170 && union.east == 220)
    }
}
