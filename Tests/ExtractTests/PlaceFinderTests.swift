import Foundation
import Testing
@testable import Extract

@Suite struct PlaceFinderTests {
    static let gazetteer = try! Gazetteer.bundled()

    func finder(_ texts: [String], site: SiteContext = SiteContext()) -> PlaceFinder {
        PlaceFinder(gazetteer: Self.gazetteer, site: site, texts: texts)
    }

    func places(_ sentence: String, in finder: inout PlaceFinder) -> [Extraction.Place] {
        finder.mentions(in: sentence).map { finder.places[$0.place] }
    }

    @Test func danishFormsAndTransliterations() {
        let text = "Uroen i Kasakhstans største by, Almaty, bredte sig til den vestlige Mangistau-provins og Mangystau-regionen."
        var finder = finder([text])
        let found = places(text, in: &finder)
        #expect(found.map(\.precision) == ["country", "city", "region", "region"])
        // Mangistau and Mangystau are one region.
        #expect(found.map(\.id) == ["kasakhstan", "almaty", "mangistau", "mangistau"])
        let almaty = found[1]
        #expect(Geo.kilometres(almaty.latitude, almaty.longitude, 43.25, 76.92) < 60)
        #expect(almaty.timeZone == "Asia/Almaty")
        let region = found[2]
        #expect(Geo.kilometres(region.latitude, region.longitude, 44.0, 53.0) < 350)
        #expect(region.name == "Mangistau-provinsen")
        var genitive = self.finder(["Almatys borgmester i Kasakhstan"])
        #expect(places("Almatys borgmester i Kasakhstan", in: &genitive).map(\.id) == ["almaty", "kasakhstan"])
    }

    @Test func theSitesOwnPlacesComeFirstAndKeepTheirIDs() {
        var site = SiteContext()
        site.places = [Extraction.Place(id: "nur-sultan", name: "Nur-Sultan (nu Astana)", latitude: 51.17, longitude: 71.45,
                                              precision: "city", timeZone: "Asia/Almaty")]
        var finder = finder(["Præsidenten talte i Astana og i Nur-Sultan."], site: site)
        let found = places("Præsidenten talte i Astana og i Nur-Sultan.", in: &finder)
        #expect(found.map(\.id) == ["nur-sultan", "nur-sultan"])
        #expect(found.allSatisfy { !$0.isNew })
    }

    @Test func anUnknownCapitalisedWordIsNeverAPlace() {
        var finder = finder(["Demonstranten Zorblax Quentyn talte med Reuters i Kasakhstan."])
        #expect(places("Demonstranten Zorblax Quentyn talte med Reuters i Kasakhstan.", in: &finder).map(\.id) == ["kasakhstan"])
    }

    @Test func anAmbiguousNameGoesToTheCountryTheTextIsAbout() {
        // Several cities are called Alexandria; a text about Egypt means Egypt's.
        var finder = finder(["Protesterne i Egypten bredte sig til Alexandria."])
        let found = places("Protesterne i Egypten bredte sig til Alexandria.", in: &finder)
        #expect(found.last?.country == "EG")
    }

    @Test func aSmallCityAbroadNeedsItsCountryNamed() {
        var finder = finder(["Skolerne lukkede, skriver avisen Corriere della Sera."])
        #expect(places("Skolerne lukkede, skriver avisen Corriere della Sera.", in: &finder).isEmpty)
    }

    @Test func aCountryBeatsItsRegionOfTheSameName() {
        var finder = finder(["Argentina, Brasilien og Mexico har tilbudt hjælp til Chile."])
        #expect(places("Argentina, Brasilien og Mexico har tilbudt hjælp til Chile.", in: &finder).map(\.precision) == ["country", "country", "country", "country"])
    }

    @Test func aPlaceAfterAParticleInsideALongerName() {
        let text = "Así quedó el Jardín Botánico de Viña del Mar en Chile."
        var finder = finder([text])
        #expect(places(text, in: &finder).map(\.id) == ["vina-del-mar", "chile"])
    }

    @Test func theMainLocalityIsTheCityOrRegionNamedMostInTheTextsCountry() {
        let sentences = ["Brandene raser i Chile.", "Flammerne nåede Viña del Mar.", "Udgangsforbud i Viña del Mar og Quilpué.", "Hjælp fra Buenos Aires."]
        var finder = finder(sentences)
        finder.survey(sentences)
        #expect(finder.mainLocality().map { finder.places[$0].id } == "vina-del-mar")
    }
}
