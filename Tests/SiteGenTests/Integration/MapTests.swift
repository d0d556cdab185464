import Foundation
import SiteGenTestSupport
import Testing
@testable import SiteGen

/// The map page, per-place pages, maps in bodies, the GeoJSON export and the map's checks,
/// on whole sites.
@Suite("Maps")
struct MapTests {
    static let places = """
        -- content/places.yaml --
        almaty:
          name: Almaty
          lat: 43.25
          lon: 76.92
          timezone: Asia/Almaty
        aktau:
          name: Aktau
          lat: 43.65
          lon: 51.17
          timezone: Asia/Aqtau
        """

    static func site(_ files: String, map: String = "map: {country: KZ, home: DK}") -> String {
        """
        -- site.yaml --
        \(Sites.siteYAML)
        \(map)
        -- content/index.md --
        \(Sites.frontPage)
        \(places)
        \(files)
        """
    }

    static let events = """
        -- content/events/2022-01-05-almaty.md --
        ---
        title: Demonstranter i Almaty
        date: 2022-01-05T14:00:00+06:00
        place: almaty
        sources: [Ritzau]
        ---
        Tusinder på gaden.
        -- content/events/2022-01-02-aktau.md --
        ---
        title: Protester i Aktau
        date: 2022-01-02
        place: aktau
        sources: [Reuters]
        ---
        Protesterne breder sig.
        -- content/events/2022-01-06-uden-sted.md --
        ---
        title: Regeringen går af
        date: 2022-01-06
        sources: [Reuters]
        ---
        Uden sted.
        """

    @Test func theExampleSiteMapShowsEveryPlaceLinkedAndAccessible() async throws {
        let site = try TestSite.exampleSite()
        try await site.build()
        let page = try site.outputText("kort/")
        let svg = try #require(page.range(of: "<svg.*?</svg>", options: .regularExpression).map { String(page[$0]) })
        #expect(svg.utf8.count < 40_000, "a regional map stays under 40 KB (it is \(svg.utf8.count) bytes)")
        #expect(svg.hasPrefix("<svg class=\"map\" viewBox=\"0 0 400 "))
        // It holds links, so it is no image (axe: nested-interactive); the title names it.
        #expect(!svg.contains("role=\"img\""))
        #expect(svg.contains("<title>Kort</title><desc>Kort over Kasakhstan og nabolandene. Markerede steder: "))
        #expect(svg.contains(">KASAKHSTAN</text>"))
        #expect(svg.contains(">Usbekistan</text>"), "neighbours are named")
        #expect(svg.contains("Kortdata: Natural Earth"))
        #expect(svg.contains("class=\"map-inset\""))
        #expect(svg.contains(" km</text>"), "a scale bar")
        for id in ["almaty", "aktau", "zhanaozen", "nur-sultan", "mangistau"] {
            #expect(svg.contains("<a href=\"/kort/\(id)/\" aria-label=\""), "a marker links to \(id), named")
            #expect(page.contains("<h3><a href=\"/kort/\(id)/\">"), "the list beside the map names \(id)")
            #expect(site.outputExists("kort/\(id)/"))
        }
        #expect(page.contains("<a href=\"/tidslinje/2022-01-05-akimatet-stormet/\">"), "the list links the events")
        #expect(page.contains("<li><a href=\"/kort/\" aria-current=\"page\">Kort</a></li>"), "the map is in the menu")
        #expect(!page.contains("<script"))
    }

    @Test func theExampleMapsAreReadableOnAPhoneAndPaintedByTheStylesheet() async throws {
        let site = try TestSite.exampleSite()
        try await site.build()
        for path in ["kort/", "kort/almaty/", "kort/mangistau/", "artikler/lpg-prisen/"] {
            let page = try site.outputText(path)
            let svg = try #require(page.range(of: "<svg.*?</svg>", options: .regularExpression).map { String(page[$0]) })
            let width = try #require(svg.firstMatch(of: #/viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) /#).flatMap { Double($0.output.1) })
            // On a 390 px phone the map spans the screen: every text at least 12 px there.
            for match in svg.matches(of: #/font-size="([0-9.]+)"/#) {
                let pixels = Double(match.output.1)! * 390 / width
                #expect(pixels >= 12, "\(path): text of \(pixels) px at 390 px")
            }
            #expect(svg.firstMatch(of: #/(fill|stroke)="#/#) == nil, "\(path): colours come from the stylesheet, for dark mode")
            // The inset stands where the story's country is not: no corner of Kazakhstan's outline under it.
            let inset = try #require(svg.firstMatch(of: #/<g class="map-inset"><rect class="map-water" x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"/#))
            let box = ScreenRect(minX: Double(inset.output.1)!, minY: Double(inset.output.2)!,
                                 maxX: Double(inset.output.1)! + Double(inset.output.3)!, maxY: Double(inset.output.2)! + Double(inset.output.4)!)
            let main = try #require(svg.firstMatch(of: #/class="map-main" d="([^"]+)"/#)).output.1
            var covered = 0, points = 0
            var point = ScreenPoint(x: 0, y: 0)
            // Paths are written as absolute moves and relative steps (SVGText.path): follow them.
            for command in main.matches(of: #/([Ml])([-0-9. ]+)/#) {
                let values = command.output.2.matches(of: #/-?[0-9]+(\.[0-9]+)?/#).map { Double($0.output.0)! }
                for pair in stride(from: 0, to: values.count - 1, by: 2) {
                    point = command.output.1 == "M" ? ScreenPoint(x: values[pair], y: values[pair + 1])
                        : ScreenPoint(x: point.x + values[pair], y: point.y + values[pair + 1])
                    points += 1
                    if box.contains(point) { covered += 1 }
                }
            }
            #expect(points > 10, "\(path): the story's country is drawn")
            #expect(covered == 0, "\(path): the inset covers \(covered) points of the story's country")
        }
        let overview = try site.outputText("kort/")
        #expect(overview.contains("<g class=\"map-legend\">"), "Mangistau is a region: the dashed ring is explained")
        #expect(overview.contains(">Område (omtrentlig midte)</text>"))
        #expect(overview.contains("class=\"map-target\""), "markers have targets a finger can hit")
    }

    /// Label boxes as the placer estimates them, read back from the drawn SVG.
    @Test func noTwoLabelsOnTheExampleMapOverlap() async throws {
        let site = try TestSite.exampleSite()
        try await site.build()
        for path in ["kort/", "kort/almaty/", "kort/zhanaozen/", "artikler/lpg-prisen/"] {
            let page = try site.outputText(path)
            var boxes: [(String, ScreenRect)] = []
            let pattern = try Regex(#"<text(?: class="[^"]*")? x="([-0-9.]+)" y="([-0-9.]+)"( text-anchor="(\w+)")?([^>]*)>([^<]+)</text>"#)
            for match in page.matches(of: pattern) {
                let attributes = String(match.output[5].substring ?? "")
                let text = String(match.output[6].substring ?? "")
                let size = attributes.firstMatch(of: #/font-size="([0-9.]+)"/#).flatMap { Double($0.output.1) } ?? MapDrawing.placeFont
                let spacing = attributes.contains("letter-spacing=\"2\"") ? 2.0 : 0
                let box = LabelPlacer.box(text, x: Double(match.output[1].substring!)!, y: Double(match.output[2].substring!)!,
                                          anchor: String(match.output[4].substring ?? "start"), fontSize: size, letterSpacing: spacing)
                // Each place label is drawn twice, its white halo beneath it.
                if !boxes.contains(where: { $0.0 == text && $0.1 == box }) { boxes.append((text, box)) }
            }
            #expect(boxes.count >= 4, "\(path) has labels")
            for (i, a) in boxes.enumerated() {
                for b in boxes[(i + 1)...] {
                    #expect(!a.1.intersects(b.1), "\(path): \(a.0) overlaps \(b.0)")
                }
            }
        }
    }

    @Test func theGeoJSONIsAFeatureCollectionWithLongitudeFirst() async throws {
        let site = try TestSite(Self.site(Self.events))
        try await site.build()
        let data = Data(try site.outputText("kort.geojson").utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 5, "three events and two places")
        let almaty = try #require(features.first { ($0["properties"] as? [String: Any])?["title"] as? String == "Demonstranter i Almaty" })
        let geometry = try #require(almaty["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        #expect(geometry["coordinates"] as? [Double] == [76.92, 43.25], "RFC 7946: [longitude, latitude]")
        let properties = try #require(almaty["properties"] as? [String: Any])
        #expect(properties["start"] as? String == "2022-01-05T14:00:00+06:00")
        #expect(properties["place"] as? String == "almaty")
        #expect(properties["name"] as? String == "Almaty")
        #expect(properties["precision"] as? String == "city")
        #expect(properties["status"] as? String == "reported")
        #expect(properties["description"] as? String == "Tusinder på gaden.")
        #expect(properties["url"] as? String == "https://example.org/tidslinje/2022-01-05-almaty/")

        let aktau = try #require(features.first { ($0["properties"] as? [String: Any])?["title"] as? String == "Protester i Aktau" })
        #expect((aktau["properties"] as? [String: Any])?["start"] as? String == "2022-01-02T00:00:00+05:00",
                "a day without a time is midnight on the place's clock, with its offset")
        let placeless = try #require(features.first { ($0["properties"] as? [String: Any])?["title"] as? String == "Regeringen går af" })
        #expect(placeless["geometry"] is NSNull, "an event without a place has a null geometry")
        #expect((placeless["properties"] as? [String: Any])?["place"] is NSNull)
        let placeFeature = try #require(features.first { ($0["properties"] as? [String: Any])?["kind"] as? String == "place" })
        #expect((placeFeature["properties"] as? [String: Any])?["url"] as? String == "https://example.org/kort/aktau/")
    }

    @Test func aMapBlockInAnArticleBecomesAFigureWithItsPlacesLinked() async throws {
        let site = try TestSite(Self.site(Self.events + """

            -- content/articles/uro.md --
            ---
            title: Uro
            date: 2022-01-05
            ---
            Før kortet.

            ```map
            places: [almaty, aktau]
            caption: Fra Aktau til Almaty.
            ```

            Efter kortet.
            """))
        try await site.build()
        let page = try site.outputText("artikler/uro/")
        #expect(page.contains("<figure class=\"map-figure\">\n<svg class=\"map\""))
        #expect(page.contains("<title>Fra Aktau til Almaty.</title>"))
        #expect(page.contains("<ul class=\"map-places\"><li><a href=\"/kort/almaty/\">Almaty</a></li><li><a href=\"/kort/aktau/\">Aktau</a></li></ul>"))
        #expect(page.contains("<figcaption><p>Fra Aktau til Almaty.</p><p class=\"map-more\"><a href=\"/kort/\">Se det store kort</a></p></figcaption>"))
        #expect(!page.contains("<code class=\"language-map\">"))
        #expect(page.contains("<p>Efter kortet.</p>"))
    }

    @Test func unknownPlacesAndOptionsInAMapBlockAreReportedAtTheirLine() async throws {
        let site = try TestSite(Self.site("""
            -- content/articles/uro.md --
            ---
            title: Uro
            date: 2022-01-05
            ---
            Tekst.

            ```map
            places: [almaty, aktua]
            caption: Kort.
            zoom: 5
            ```
            """))
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "content/articles/uro.md:8:18: error: unknown place `aktua` in a ```map block; did you mean `aktau`? Places are defined in content/places.yaml.",
            "content/articles/uro.md:10:1: error: unknown key `zoom`; known keys are `places`, `caption`",
        ])
    }

    @Test func timelineAndMapBlocksInOneBodyAreBothDrawn() async throws {
        let site = try TestSite(Self.site(Self.events + """

            -- content/articles/uro.md --
            ---
            title: Uro
            date: 2022-01-05
            ---
            ```timeline
            place: almaty
            ```

            > ```map
            > places: [almaty, aktau]
            > caption: Fra Aktau til Almaty.
            > ```
            """))
        try await site.build()
        let page = try site.outputText("artikler/uro/")
        let timeline = try #require(page.components(separatedBy: "<section class=\"embedded-timeline\"").dropFirst().first)
        #expect(timeline.contains("Demonstranter i Almaty") && !timeline.contains("Protester i Aktau"))
        #expect(page.contains("<blockquote>\n<figure class=\"map-figure\">"))
        #expect(!page.contains("language-timeline") && !page.contains("language-map"))
    }

    @Test func problemsInTimelineAndMapBlocksOfOneBodyAreEachReportedAtTheirLine() async throws {
        let site = try TestSite(Self.site("""
            -- content/articles/uro.md --
            ---
            title: Uro
            date: 2022-01-05
            ---
            ```timeline
            place: almaty
            limit: 0
            ```

            ```map
            places: [almaty, aktua]
            ```
            """))
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "content/articles/uro.md:7:8: error: `limit` must be a whole number of events, at least 1, e.g. `limit: 5`",
            "content/articles/uro.md:11:18: error: unknown place `aktua` in a ```map block; did you mean `aktau`? Places are defined in content/places.yaml.",
        ])
    }

    @Test func aPlaceOnlyAMapBlockMarksIsNotReportedAsUnused() async throws {
        let site = try TestSite(Self.site(Self.events + """

            -- content/places.yaml --
            almaty: {name: Almaty, lat: 43.25, lon: 76.92, timezone: Asia/Almaty}
            aktau: {name: Aktau, lat: 43.65, lon: 51.17, timezone: Asia/Aqtau}
            zhanaozen: {name: Zhanaozen, lat: 43.34, lon: 52.86}
            mangistau: {name: Mangistau, lat: 44.0, lon: 54.0}
            -- content/articles/uro.md --
            ---
            title: Uro
            date: 2022-01-05
            ---
            ```map
            places: [zhanaozen]
            ```
            """))
        let reported = await SiteChecker.check(site.options()).map(\.description)
        #expect(reported.count == 1, "\(reported)")
        #expect(reported.first?.contains("place `mangistau` is not used") == true, "\(reported)")
    }

    @Test func anUnknownCountryCodeIsReportedInSiteYAML() async throws {
        let site = try TestSite(Self.site("", map: "map: {country: KX}"))
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "site.yaml:6:16: error: unknown country `KX` in `map.country`; did you mean `KE`? (use an ISO 3166-1 code such as `KZ` or `DK`, as in Templates/data/countries.json)",
        ])
    }

    @Test func swappedCoordinatesGiveAWarning() async throws {
        let site = try TestSite(Self.site("""
            -- content/places.yaml --
            almaty:
              name: Almaty
              lat: 76.92
              lon: 43.25
            -- content/events/2022-01-05-almaty.md --
            ---
            title: Demonstranter i Almaty
            date: 2022-01-05
            place: almaty
            sources: [Ritzau]
            ---
            Tekst.
            """))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [
            "content/places.yaml:1:1: warning: `almaty` (lat 76.92, lon 43.25) lies far outside Kasakhstan (`map.country`), but (lat 43.25, lon 76.92) is inside it; are `lat` and `lon` swapped?",
        ])
    }

    @Test func aPlaceInANeighbouringCountryIsNotTakenForASwap() async throws {
        // Samara lies in Russia; (lat 50.15, lon 53.2), its coordinates swapped, lies in Kazakhstan.
        let site = try TestSite(Self.site("""
            -- content/places.yaml --
            samara:
              name: Samara
              lat: 53.2
              lon: 50.15
            -- content/events/2022-01-05-samara.md --
            ---
            title: Solidaritet i Samara
            date: 2022-01-05
            place: samara
            sources: [Ritzau]
            ---
            Tekst.
            """))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [])
    }

    @Test func aMissingOutlineFileIsReported() async throws {
        let site = try TestSite(Self.site(""))
        try site.remove("Templates/data/countries.json")
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "Templates/data/countries.json:1:1: error: missing Templates/data/countries.json, the country outlines maps are drawn from; copy it from sitegen's default Templates/",
        ])
    }

    @Test func anEnglishSiteHasItsMapAtSlashMap() async throws {
        // The front page's link to the timeline in English words, too.
        let site = try TestSite(Self.site(Self.events).replacingOccurrences(of: "language: da", with: "language: en")
            .replacingOccurrences(of: "(/tidslinje/)", with: "(/timeline/)"))
        try await site.build()
        #expect(site.outputExists("map/"))
        #expect(site.outputExists("map/almaty/"))
        #expect(site.outputExists("map.geojson"))
        let page = try site.outputText("map/")
        #expect(page.contains(">KAZAKHSTAN</text>"))
        #expect(page.contains("Map data: Natural Earth"))
    }

    @Test func aPlacePageZoomsToItsPlaceAndListsItsEvents() async throws {
        let site = try TestSite(Self.site(Self.events))
        try await site.build()
        let page = try site.outputText("kort/almaty/")
        #expect(page.contains("<h1>Almaty</h1>"))
        #expect(page.contains("<text x=") && page.contains("font-weight=\"bold\">Almaty</text>"), "the place is the map's focus")
        #expect(!page.contains(">Aktau</text>"), "Aktau is 2,000 km away, outside the zoomed map")
        #expect(page.contains("<li><a href=\"/tidslinje/2022-01-05-almaty/\">Demonstranter i Almaty</a>"))
    }
}

@Suite("Place checks")
struct PlaceCheckTests {
    @Test func aPlaceDefinedTwiceIsReportedAtTheSecond() async throws {
        let site = try TestSite(MapTests.site("""
            -- content/places.yaml --
            almaty:
              name: Almaty
              lat: 43.25
              lon: 76.92
            almaty:
              name: Almaty igen
              lat: 43.25
              lon: 76.92
            """))
        let reported = try #require(await site.buildFailure())
        #expect(reported.count == 1)
        #expect(reported.first?.hasPrefix("content/places.yaml:") == true)
        #expect(reported.first?.contains("`almaty`") == true)
        #expect(reported.first?.contains("twice") == true)
    }
}

@Suite("Place links")
struct PlaceLinkTests {
    @Test func anEventAtUnnamedInlineCoordinatesLinksNowhere() async throws {
        let site = try TestSite(MapTests.site("""
            -- content/events/2022-01-05-vej.md --
            ---
            title: Vejspærring
            date: 2022-01-05
            lat: 43.3
            lon: 76.9
            sources: [Ritzau]
            ---
            Tekst.
            """))
        try await site.build()
        let page = try site.outputText("tidslinje/2022-01-05-vej/")
        #expect(page.contains("<dt>Sted</dt><dd><span class=\"coordinates\">(43,3° N, 76,9° Ø)</span></dd>"), "no name, no map page: the coordinates")
        #expect(!page.contains("/kort//"))
        let geojson = try site.outputText("kort.geojson")
        #expect(geojson.contains("\"coordinates\":[76.9,43.3]"))
    }

    @Test func anArticleLinksItsPlacesToTheirMapPages() async throws {
        let site = try TestSite(MapTests.site("""
            -- content/articles/uro.md --
            ---
            title: Uro
            date: 2022-01-05
            places: [almaty, aktau]
            ---
            Tekst.
            """))
        try await site.build()
        let page = try site.outputText("artikler/uro/")
        #expect(page.contains("<p class=\"places\">Steder: <a href=\"/kort/almaty/\">Almaty</a>, <a href=\"/kort/aktau/\">Aktau</a></p>"))
        #expect(site.outputExists("kort/aktau/"), "a place only an article names still gets its page")
    }
}

@Suite("World maps")
struct WorldMapTests {
    @Test func placesOnSeveralContinentsGetAWorldViewWithoutAnInset() async throws {
        let site = try TestSite("""
            -- site.yaml --
            title: Verden
            language: en
            baseURL: https://example.org/
            map: {country: DK}
            -- content/index.md --
            ---
            title: Front
            ---
            Text.
            -- content/places.yaml --
            copenhagen: {name: Copenhagen, lat: 55.68, lon: 12.57}
            sydney: {name: Sydney, lat: -33.87, lon: 151.21}
            lima: {name: Lima, lat: -12.05, lon: -77.04}
            -- content/articles/world.md --
            ---
            title: World
            date: 2022-01-05
            places: [copenhagen, sydney, lima]
            ---
            Text.
            """)
        try await site.build()
        let page = try site.outputText("map/")
        let svg = try #require(page.range(of: "<svg.*?</svg>", options: .regularExpression).map { String(page[$0]) })
        #expect(!svg.contains("map-inset"))
        for name in ["Copenhagen", "Sydney", "Lima"] { #expect(svg.contains(">\(name)</text></a>"), "\(name) is labelled") }
        #expect(svg.utf8.count < 80_000, "a world map is \(svg.utf8.count) bytes")
    }
}

@Suite("Edges of the map")
struct MapEdgeTests {
    static func site(places: String, names: String) -> String {
        """
        -- site.yaml --
        title: Kort
        language: da
        baseURL: https://example.org/
        map: {country: RU, home: DK}
        -- content/index.md --
        ---
        title: Forside
        ---
        Tekst.
        -- content/places.yaml --
        \(places)
        -- content/articles/steder.md --
        ---
        title: Steder
        date: 2022-01-05
        places: [\(names)]
        ---
        Tekst.
        """
    }

    /// The centre of the marker that links to `id`'s map page.
    static func marker(_ id: String, in page: String) throws -> (x: Double, y: Double) {
        let match = try #require(page.firstMatch(of: try Regex("<a href=\"/kort/\(id)/\"[^>]*><circle[^>]* cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"")))
        return (Double(match.output[1].substring!)!, Double(match.output[2].substring!)!)
    }

    static func width(of page: String) throws -> Double {
        let match = try #require(page.firstMatch(of: try Regex("<svg class=\"map\" viewBox=\"0 0 ([0-9.]+) ")))
        return Double(match.output[1].substring!)!
    }

    @Test func placesAcrossTheDateLineGetASmallMapAcrossIt() async throws {
        let site = try TestSite(Self.site(places: """
            anadyr: {name: Anadyr, lat: 64.73, lon: 177.5}
            nome: {name: Nome, lat: 64.5, lon: -165.4}
            """, names: "anadyr, nome"))
        try await site.build()
        let page = try site.outputText("kort/")
        let (anadyr, nome) = (try Self.marker("anadyr", in: page), try Self.marker("nome", in: page))
        // 17° of longitude apart, not 343° the other way round the world.
        #expect(nome.x > anadyr.x, "Nome lies east of Anadyr, across the Bering Strait")
        let width = try Self.width(of: page)
        #expect(nome.x - anadyr.x > width / 2, "the two places fill the map")
        #expect(page.contains(">200 km</text>"))
        let placePage = try site.outputText("kort/anadyr/")
        let placeWidth = try Self.width(of: placePage)
        #expect(try Self.marker("anadyr", in: placePage).x == placeWidth / 2, "a place near the date line is in the middle of its own map")
    }

    @Test func aPlaceAtThePoleGetsAMarker() async throws {
        let site = try TestSite(Self.site(places: "pol: {name: Nordpolen, lat: 90, lon: 0}", names: "pol"))
        try await site.build()
        for path in ["kort/", "kort/pol/"] {
            let page = try site.outputText(path)
            #expect(try Self.marker("pol", in: page).y >= 0, "\(path) marks the pole")
            #expect(page.contains(">Nordpolen</text></a>"))
        }
    }
}

