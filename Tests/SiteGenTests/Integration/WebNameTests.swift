import Foundation
import SiteGenTestSupport
import Testing
@testable import SiteGen

/// Names in Cyrillic get addresses of their own, spelt in a-z, instead of the empty address of
/// their section's index page.
@Suite("Web names")
struct WebNameTests {
    @Test func cyrillicNamesGetTheirOwnPagesAndNeverReplaceAnIndexPage() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/страница.md --
            ---
            title: KYRILLISK SIDE
            ---
            Tekst.
            -- content/events/Алматы.md --
            ---
            title: Uro i Almaty
            date: 2022-01-05
            place: almaty
            sources: [Интерфакс]
            tags: [протест]
            ---
            Tekst.
            -- content/glossary/аким.md --
            ---
            title: akim
            short: Den øverste leder af en region eller by.
            ---
            Tekst.
            -- content/articles/Алматы.md --
            ---
            title: Om Almaty
            date: 2022-01-05
            tags: [протест]
            ---
            Tekst.
            """))
        try await site.build()
        #expect(try site.outputText("").contains("<h1>Uroen i Kasakhstan</h1>"), "the front page is still the front page")
        #expect(try site.outputText("stranitsa/").contains("KYRILLISK SIDE"))
        #expect(try site.outputText("tidslinje/almaty/").contains("Uro i Almaty"))
        #expect(try site.outputText("ordliste/akim/").contains("Den øverste leder"))
        #expect(try site.outputText("artikler/almaty/").contains("Om Almaty"))
        #expect(try site.outputText("emner/protest/").contains("Om Almaty"))
        #expect(try site.outputText("tidslinje/almaty/").contains("<a href=\"/emner/protest/\">протест</a>"))
        #expect(try site.outputText("kilder/").contains("id=\"interfaks\""))
        for path in try site.outputFiles() where path.hasSuffix(".html") {
            #expect(try !site.outputText(path).contains("//\""), "\(path) links to an empty address")
        }
    }

    @Test func aTopLevelPageNamedLikeASectionIsRefused() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/Kort.md --
            ---
            title: Kort
            ---
            Tekst.
            """))
        #expect(await site.buildFailure() == [
            "content/Kort.md:2:1: error: this page would be written to /kort/, which sitegen uses itself; rename the file",
        ])
    }
}
