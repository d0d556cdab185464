import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// Links to content files become the URLs of their pages, and `build` publishes nothing broken.
@Suite("Links in texts")
struct LinkResolutionTests {
    static let articles = """
        -- content/articles/lpg-prisen.md --
        ---
        title: Prisen på LPG
        date: 2022-01-05T14:00:00+01:00
        ---
        ## Prisloftet

        Se [regeringen](../articles/regeringen.md), [afsnittet](regeringen.md#hvad-skete-der),
        [begivenheden](/content/events/2022-01-05-almaty.md) og [rapporten](rapport.pdf).
        -- content/articles/rapport.pdf --
        PDF
        -- content/articles/regeringen.md --
        ---
        title: Regeringen går af
        date: 2022-01-05T15:00:00+01:00
        ---
        ## Hvad skete der

        Se [prisloftet](lpg-prisen.md#prisloftet).
        -- content/events/2022-01-05-almaty.md --
        ---
        title: Demonstranter i Almaty
        date: 2022-01-05T14:00:00+06:00
        place: almaty
        sources: [Ritzau]
        ---
        Tekst.
        """

    @Test("A link to a Markdown file, with or without a #fragment, is its page's URL; other files beside a text are where they are published")
    func contentLinks() async throws {
        let site = try TestSite(Sites.archive(Self.articles))
        try await site.build()
        let page = try site.outputText("artikler/lpg-prisen/")
        #expect(page.contains("<a href=\"/artikler/regeringen/\">regeringen</a>"))
        #expect(page.contains("<a href=\"/artikler/regeringen/#hvad-skete-der\">afsnittet</a>"))
        #expect(page.contains("<a href=\"/tidslinje/2022-01-05-almaty/\">begivenheden</a>"))
        #expect(page.contains("<a href=\"/articles/rapport.pdf\">rapporten</a>"))
        #expect(try site.outputText("artikler/regeringen/").contains("<a href=\"/artikler/lpg-prisen/#prisloftet\">prisloftet</a>"))
    }

    @Test("Under a subpath the resolved links carry it")
    func subpath() async throws {
        let site = try TestSite(Sites.archive(Self.articles))
        try await site.build(baseURL: "https://example.org/kasakhstan/")
        #expect(try site.outputText("artikler/lpg-prisen/").contains("<a href=\"/kasakhstan/artikler/regeringen/#hvad-skete-der\">"))
    }

    @Test("An event's text, rendered once for its page and the exports, has its links to files resolved in both")
    func eventLinksInTheExports() async throws {
        let site = try TestSite(Sites.archive(Self.articles + """

            -- content/events/2022-01-06-regeringen.md --
            ---
            title: Ny regering
            date: 2022-01-06T10:00:00+06:00
            place: almaty
            sources: [Ritzau]
            ---
            Se [regeringen](../articles/regeringen.md#hvad-skete-der) og [tidslinjen](/tidslinje/).
            """))
        try await site.build(baseURL: "https://example.org/kasakhstan/")
        let page = try site.outputText("tidslinje/2022-01-06-regeringen/")
        #expect(page.contains("<a href=\"/kasakhstan/artikler/regeringen/#hvad-skete-der\">regeringen</a> og <a href=\"/kasakhstan/tidslinje/\">tidslinjen</a>"))
        let csv = try site.outputText("tidslinje.csv")
        #expect(csv.contains("<a href=\"\"https://example.org/kasakhstan/artikler/regeringen/#hvad-skete-der\"\">regeringen</a>"))
        #expect(csv.contains("<a href=\"\"https://example.org/kasakhstan/tidslinje/\"\">tidslinjen</a>"))
    }

    @Test("A path written percent-encoded is decoded before it is looked up")
    func percentEncoded() async throws {
        let site = try TestSite(Sites.archive(Self.articles + """

            -- content/articles/kort.md --
            ---
            title: Kort
            date: 2022-01-05T16:00:00+01:00
            ---
            Se [regeringen](regering%65n.md#hvad-skete-der) og [rapporten](rapport%2Epdf).
            """))
        try await site.build()
        let page = try site.outputText("artikler/kort/")
        #expect(page.contains("<a href=\"/artikler/regeringen/#hvad-skete-der\">regeringen</a> og <a href=\"/articles/rapport.pdf\">rapporten</a>"))
    }

    static let broken = """
        -- content/articles/brudt.md --
        ---
        title: Brudte links
        date: 2022-01-05T14:00:00+01:00
        ---
        En [fil](../articles/findes-ikke.md), en [side](/artikler/findes-ikke/),
        et [afsnit](/tidslinje/#intet-her) og [en ukendt](x.md#y).
        """

    @Test("A broken link, page or #fragment fails the build at its line and column")
    func brokenLinksFailTheBuild() async throws {
        let site = try TestSite(Sites.archive(Self.broken))
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "content/articles/brudt.md:5:4: error: link `../articles/findes-ikke.md` points to content/articles/findes-ikke.md, which is no page of the site (missing, or a draft)",
            "content/articles/brudt.md:5:42: error: link `/artikler/findes-ikke/` points to nothing the site has",
            "content/articles/brudt.md:6:4: error: link `/tidslinje/#intet-her`: the page has no `#intet-her`",
            "content/articles/brudt.md:6:39: error: link `x.md#y` points to content/articles/x.md, which is no page of the site (missing, or a draft)",
        ])
        #expect(!site.outputExists("artikler/brudt/"), "nothing is published")
    }

    @Test("--allow-broken-links publishes with warnings; --strict fails on them")
    func allowBrokenLinks() async throws {
        let site = try TestSite(Sites.archive(Self.broken))
        let summary = try await site.build(allowsBrokenLinks: true)
        #expect(summary.warnings.count == 4)
        #expect(summary.warnings.allSatisfy { $0.severity == .warning })
        #expect(site.outputExists("artikler/brudt/"))
        let strict = site.options(strict: true, output: site.folder.appendingPathComponent("strict"), allowsBrokenLinks: true)
        await #expect(throws: BuildFailure.self, "--strict fails on broken links reported as warnings") {
            try await SiteBuilder.build(strict)
        }
    }

    @Test("A build with nothing changed repeats the last build's broken links, and checks them again without --allow-broken-links")
    func brokenLinksAndTheUnchangedBuild() async throws {
        let site = try TestSite(Sites.archive(Self.broken))
        _ = try await site.build(allowsBrokenLinks: true)
        let unchanged = try await site.build(allowsBrokenLinks: true)
        #expect(unchanged.rendered == 0, "nothing changed: nothing rendered")
        #expect(unchanged.warnings.count == 4, "the last build's warnings, broken links' included")
        let reported = try #require(await site.buildFailure())
        #expect(reported.count == 4, "without --allow-broken-links the links are checked again and fail the build")
        #expect(site.outputExists("artikler/brudt/"), "a failed build leaves the output as it was")
    }

    @Test("A footnote without a note is an error at its line; a note nobody refers to, a warning")
    func footnotes() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/noter.md --
            ---
            title: Noter
            date: 2022-01-05T14:00:00+01:00
            ---
            Tekst[^1] og mere[^2].

            [^1]: https://www.reuters.com/
            [^3]: Ubrugt.
            """))
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "content/articles/noter.md:5:18: error: footnote `[^2]` has no note; write the note on a line of its own: `[^2]: ...`",
            "content/articles/noter.md:8:1: warning: note `[^3]` is not referred to anywhere, so it is not shown; refer to it in the text with `[^3]`",
        ])
    }
}

