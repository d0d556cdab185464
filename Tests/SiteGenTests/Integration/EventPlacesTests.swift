import Foundation
import SiteGenTestSupport
import Testing

/// `places: [a, b]`: an event that happened in several places (a state of emergency in two
/// provinces) shows wherever each of them is used.
@Suite struct EventPlacesTests {
    static let site = """
        -- site.yaml --
        title: Test
        baseURL: https://example.org/
        language: da
        -- content/index.md --
        ---
        title: Forside
        ---
        Tekst.
        -- content/places.yaml --
        almaty: {name: Almaty, lat: 43.25, lon: 76.92, precision: city, timezone: Asia/Almaty}
        mangistau: {name: Mangistau-provinsen, lat: 44.0, lon: 53.0, precision: region, timezone: Asia/Aqtau}
        -- content/events/data.yaml --
        - id: undtagelsestilstand
          title: Undtagelsestilstand i Almaty og Mangistau
          date: 2022-01-05
          places: [almaty, mangistau]
          sources: [Ritzau]
          body: |
            Præsidenten erklærer undtagelsestilstand.
        """

    @Test func everyPlaceShowsTheEvent() async throws {
        let site = try TestSite(Self.site)
        try await site.build()
        let page = try site.outputText("tidslinje/undtagelsestilstand/")
        #expect(page.contains("<a href=\"/kort/almaty/\">Almaty</a>"))
        #expect(page.contains("<a href=\"/kort/mangistau/\">Mangistau-provinsen</a>"))
        for place in ["almaty", "mangistau"] {
            #expect(try site.outputText("tidslinje/sted/\(place)/").contains("/tidslinje/undtagelsestilstand/"), "\(place)")
            #expect(try site.outputText("kort/\(place)/").contains("/tidslinje/undtagelsestilstand/"), "\(place)")
        }
        let geoJSON = try site.outputText("kort.geojson")
        #expect(geoJSON.components(separatedBy: "\"kind\":\"event\"").count == 3, "a Point for each place")
        #expect(geoJSON.contains("\"coordinates\":[53,44]"))
        // The first place gives the clock: Almaty's.
        #expect(page.contains("\"location\":["))
    }

    @Test func placeAndPlacesTogetherIsAnError() async throws {
        let site = try TestSite(Self.site.replacingOccurrences(of: "  places: [almaty, mangistau]", with: "  place: almaty\n  places: [almaty, mangistau]"))
        let diagnostics = await site.buildFailure()
        #expect(diagnostics == ["content/events/data.yaml:5:3: error: an event has `place` (one place, or `lat`/`lon`) or `places` (several), not both"])
    }

    @Test func anUnknownPlaceInTheListIsReportedAtItsLine() async throws {
        let site = try TestSite(Self.site.replacingOccurrences(of: "[almaty, mangistau]", with: "[almaty, mangystau]"))
        let diagnostics = await site.buildFailure()
        #expect(diagnostics?.first?.hasPrefix("content/events/data.yaml:4:20: error: unknown place `mangystau`; did you mean `mangistau`?") == true, "\(diagnostics ?? [])")
    }
}
