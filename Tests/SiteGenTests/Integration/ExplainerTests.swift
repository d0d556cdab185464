import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// What a reader meets at the top of a story and around it: the masthead, the byline, the key
/// facts, words instead of slugs, and ids that never collide.
@Suite("Explainer")
struct ExplainerTests {
    static let siteYAML = Sites.siteYAML + """

        brand: {name: Dagbladet Kompas, colour: "#8c1c13", logo: logo.svg}
        authors: [Mette Lind, Jonas Brix]
        """

    static let logo = """
        -- content/logo.svg --
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>
        """

    @Test func anArticleHasAHeadWithBylineDatesKeyFactsAndItsCorrection() async throws {
        let site = try TestSite(Sites.archive(siteYAML: Self.siteYAML, Self.logo + """

            -- content/articles/lpg.md --
            ---
            title: Derfor steg prisen
            date: 2022-01-05T16:00:00+01:00
            updated: 2022-01-05T19:30:00+01:00
            summary: Prisloftet forsvandt.
            authors: [Anna Holm]
            keyFacts:
              - "**Udløseren:** prisloftet blev fjernet."
              - Se [tidslinjen](/tidslinje/).
            corrections:
              - {date: 2022-01-05T19:30:00+01:00, text: Vi har rettet en dato.}
            ---
            Tekst.
            """))
        try await site.build(baseURL: "https://example.org/kasakhstan/")
        let page = try site.outputText("artikler/lpg/")
        // The newsroom in the masthead, in its colour; the story's title once, above the menu.
        #expect(page.contains("<style>:root{--brand:#8c1c13}</style>"))
        #expect(page.contains("<a class=\"brand\" href=\"/kasakhstan/\"><img src=\"/kasakhstan/logo.svg\" alt=\"\" width=\"28\" height=\"28\"><span>Dagbladet Kompas</span></a>"))
        #expect(page.contains("<p class=\"story-title\"><a href=\"/kasakhstan/\">Uroen i Kasakhstan</a></p>"))
        // The article's own author wins over the site's.
        #expect(page.contains("<p class=\"byline\">Af <span class=\"authors\">Anna Holm</span></p>"))
        #expect(page.contains("<span>Udgivet <time datetime=\"2022-01-05T16:00:00+01:00\">onsdag den 5. januar 2022, kl. 16.00</time></span>"))
        #expect(page.contains("<span>Opdateret <time datetime=\"2022-01-05T19:30:00+01:00\">onsdag den 5. januar 2022, kl. 19.30</time></span>"))
        #expect(page.contains("<p class=\"correction-note\"><strong>Rettet</strong> <time datetime=\"2022-01-05T19:30:00+01:00\">"))
        #expect(page.contains("<h2 id=\"corrections\">Rettelser</h2>"), "the notice links to the corrections")
        // Key facts are Markdown: bold words, links under the base path.
        #expect(page.contains("<h2 id=\"key-facts\">Kort fortalt</h2>"))
        #expect(page.contains("<li><strong>Udløseren:</strong> prisloftet blev fjernet.</li>"))
        #expect(page.contains("<li>Se <a href=\"/kasakhstan/tidslinje/\">tidslinjen</a>.</li>"))

        // The front page names no authors, so the site's byline stands; its title is not repeated above it.
        let home = try site.outputText("")
        #expect(home.contains("<p class=\"byline\">Af <span class=\"authors\">Mette Lind og Jonas Brix</span></p>"))
        #expect(!home.contains("class=\"story-title\""))
        let masthead = home.components(separatedBy: "<main")[0]
        #expect(masthead.components(separatedBy: ">Uroen i Kasakhstan<").count == 2, "above the headline, the site's title only in <title>")
        #expect(!home.contains("Kort fortalt"), "no key facts, no box")
    }

    @Test func theBrandIsChecked() async throws {
        let dark = try TestSite(Sites.archive(siteYAML: Sites.siteYAML + "\nbrand: {name: Avisen, colour: \"#ffcc00\"}"))
        let summary = try await dark.build()
        #expect(summary.warnings.map(\.description) == [
            "site.yaml:6:31: warning: white text on `#ffcc00` has a contrast of 1.5:1, below the 4.5:1 readers need; choose a darker colour",
        ])

        let broken = try TestSite(Sites.archive(siteYAML: Sites.siteYAML + "\nbrand: {name: Avisen, colour: red, logo: mangler.svg}"))
        let reported = try #require(await broken.buildFailure())
        #expect(reported.contains { $0.hasPrefix("site.yaml:6:31: error: `colour` must be a hex colour such as `#8c1c13`") })
        #expect(reported.contains { $0.hasPrefix("site.yaml:6:42: error: no file `mangler.svg` for the logo; put it in content/") })
    }

    @Test func headingIdsAreUniqueOnThePageAndNeverTheTemplatesOwn() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/status.md --
            ---
            title: Status
            date: 2022-01-05
            ---
            ## Status

            ## Status

            ## Status 2

            ## Main

            ## Kort fortalt {#fakta}

            ## *Igen* {#main}

            ## Pris {#}
            -- content/events/2022-01-05-a.md --
            ---
            title: En begivenhed
            date: 2022-01-05
            sources: [Reuters]
            ---
            ## Baggrund
            -- content/events/2022-01-05-b.md --
            ---
            title: En anden
            date: 2022-01-05
            sources: [Reuters]
            ---
            ## Baggrund
            -- content/sources.md --
            ---
            title: Kilder
            summary: Sådan vurderer vi dem.
            ---
            ## Reuters
            """))
        try await site.build()
        let article = try site.outputText("artikler/status/")
        let ids = article.matches(of: #/<h2 id="([^"]+)">/#).map { String($0.output.1) }
        #expect(ids == ["status", "status-2", "status-2-2", "main-2", "fakta", "main-3", "pris"], "`main` is the layout's <main>")
        #expect(article.contains("<h2 id=\"pris\">Pris {#}</h2>"), "an empty `{#}` is text")
        #expect(article.contains("<h2 id=\"fakta\">Kort fortalt</h2>"), "`{#id}` is taken off the heading's text")
        #expect(article.contains("<h2 id=\"main-3\"><em>Igen</em></h2>"))
        #expect(article.components(separatedBy: "id=\"main\"").count == 2)

        // The timeline shows both events' texts: each event's ids start with its own.
        let timeline = try site.outputText("tidslinje/")
        #expect(timeline.contains("<h2 id=\"2022-01-05-a-baggrund\">Baggrund</h2>"))
        #expect(timeline.contains("<h2 id=\"2022-01-05-b-baggrund\">Baggrund</h2>"))
        // The sources page's text keeps clear of the sources' anchors.
        let sources = try site.outputText("kilder/")
        #expect(sources.contains("<h2 id=\"reuters-2\">Reuters</h2>"))
        #expect(sources.contains("<h3 id=\"reuters\">Reuters</h3>"))
        #expect(sources.contains("<p class=\"standfirst\">Sådan vurderer vi dem.</p>"))
    }

    @Test func notesTakeTheirIdsLikeHeadingsUniqueOnThePage() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/noter.md --
            ---
            title: Noter
            date: 2022-01-05
            ---
            ## Første note {#fn-1}

            Tekst[^a] og igen[^a].

            [^a]: Kilden.
            -- content/events/2022-01-05-a.md --
            ---
            title: En begivenhed
            date: 2022-01-05
            sources: [Reuters]
            ---
            Tekst[^1].

            [^1]: Reuters.
            -- content/events/2022-01-05-b.md --
            ---
            title: En anden
            date: 2022-01-05
            sources: [Reuters]
            ---
            Tekst[^1].

            [^1]: AFP.
            """))
        try await site.build()
        // A heading that took the note's id first: the note and its references take the next free ones.
        let article = try site.outputText("artikler/noter/")
        #expect(article.contains("<h2 id=\"fn-1\">Første note</h2>"))
        #expect(article.contains("<a href=\"#fn-1-2\" id=\"fnref-1\">1</a>"))
        #expect(article.contains("<a href=\"#fn-1-2\" id=\"fnref-1-2\">1</a>"))
        #expect(article.contains("<li id=\"fn-1-2\">"))
        // The timeline shows both events' texts: each event's note ids start with its own, and no id repeats.
        let timeline = try site.outputText("tidslinje/")
        #expect(timeline.contains("<a href=\"#fn-2022-01-05-a-1\" id=\"fnref-2022-01-05-a-1\">1</a>"))
        #expect(timeline.contains("<li id=\"fn-2022-01-05-b-1\">"))
        let ids = timeline.matches(of: #/ id="([^"]+)"/#).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "repeated: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        // The exports show an event's text with the same ids.
        #expect(try site.outputText("tidslinje.json").contains("id=\\\"fn-2022-01-05-a-1\\\""))
    }

    @Test func tagsHaveNamesForReaders() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/tags.yaml --
            sociale-medier: Sociale medier
            økonomi: Økonomi
            glemt: Et emne ingen bruger
            -- content/events/2022-01-05-video.md --
            ---
            title: Video deles
            date: 2022-01-05
            sources: [Twitter]
            tags: [sociale-medier, økonomi]
            ---
            Tekst.
            """))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [
            "content/tags.yaml:3:1: warning: no article or event has the tag `glemt`; check its spelling in `tags:`",
        ])
        let event = try site.outputText("tidslinje/2022-01-05-video/")
        #expect(event.contains("<a href=\"/emner/sociale-medier/\">Sociale medier</a>, <a href=\"/emner/oekonomi/\">Økonomi</a>"))
        #expect(try site.outputText("emner/sociale-medier/").contains("<h1>Sociale medier</h1>"))
        #expect(try site.outputText("tidslinje/").contains(">Sociale medier</a></li>"), "the timeline's filters use the names")
        #expect(try site.outputText("tidslinje/emne/sociale-medier/").contains("<h1>Tidslinje: Sociale medier</h1>"))
    }

    @Test func placesAreDescribedInWordsNotCoordinates() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/places.yaml --
            almaty:
              name: Almaty
              lat: 43.25
              lon: 76.92
              timezone: Asia/Almaty
              description: Kasakhstans største by.
            aktau:
              name: Aktau
              lat: 43.65
              lon: 51.17
            -- content/events/2022-01-05-a.md --
            ---
            title: I Almaty
            date: 2022-01-05
            place: almaty
            sources: [Ritzau]
            ---
            -- content/events/2022-01-05-b.md --
            ---
            title: I Aktau
            date: 2022-01-05
            place: aktau
            sources: [Ritzau]
            ---
            """))
        try await site.build()
        #expect(try site.outputText("kort/almaty/").contains("<p class=\"standfirst\">Kasakhstans største by.</p>"))
        #expect(try site.outputText("kort/aktau/").contains(
            "<p class=\"standfirst\">Det, der er sket i Aktau, og de artikler, der handler om stedet.</p>"))
        let map = try site.outputText("kort/")
        #expect(map.contains("<h2 id=\"data\">Data</h2>"))
        #expect(map.contains(">Stederne og begivenhederne som kortdata (GeoJSON-fil)</a>"), "the export in words, the format in brackets")
    }

    @Test func newLastsTheWindowSiteYAMLGives() async throws {
        let site = try TestSite(Sites.archive(siteYAML: Sites.siteYAML + "\nnewWindow: 3h", """
            -- content/events/2022-01-05-tidlig.md --
            ---
            title: Tidligt
            date: 2022-01-05T09:00:00+01:00
            sources: [Ritzau]
            ---
            -- content/events/2022-01-05-sen.md --
            ---
            title: Sent
            date: 2022-01-05T10:00:00+01:00
            updated: 2022-01-05T19:00:00+01:00
            sources: [Ritzau]
            ---
            -- content/events/2022-01-05-seneste.md --
            ---
            title: Senest
            date: 2022-01-05T18:00:00+01:00
            sources: [Ritzau]
            ---
            """))
        try await site.build()
        // The build time is the newest date in the content, the `updated` of 19:00: three hours back is 16:00.
        let timeline = try site.outputText("tidslinje/")
        #expect(timeline.contains("<li class=\"event\" id=\"2022-01-05-tidlig\">"))
        #expect(timeline.contains("<li class=\"event new\" id=\"2022-01-05-sen\">"))
        #expect(timeline.contains("<li class=\"event new\" id=\"2022-01-05-seneste\">"))
        #expect(timeline.contains("<dd>tilføjet eller ændret inden for 3 timer før seneste opdatering</dd>"))

        let wrong = try TestSite(Sites.archive(siteYAML: Sites.siteYAML + "\nnewWindow: snart"))
        #expect(await wrong.buildFailure() == ["site.yaml:6:12: error: `newWindow` must be a length of time such as `6h`, `90m` or `2d`"])
    }

    @Test func anEnglishBuildOfDanishContentKeepsItMarkedDanishWithNeutralIds() async throws {
        let site = try TestSite(Sites.archive(siteYAML: Sites.siteYAML.replacingOccurrences(of: "language: da", with: "language: en\ncontentLanguage: da"), """
            -- content/articles/lpg.md --
            ---
            title: Derfor steg prisen
            date: 2022-01-05
            keyFacts: ['Prisen blev "fordoblet".']
            ---
            Tekst. Han sagde "nej".
            """))
        // The Danish front page links /tidslinje/, which an English build calls /timeline/.
        let summary = try await site.build(allowsBrokenLinks: true)
        #expect(summary.warnings.map(\.description) == [
            "content/index.md:5:18: warning: link `/tidslinje/` points to nothing the site has; did you mean `/timeline/`?",
        ])
        let home = try site.outputText("")
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("<h1 lang=\"da\">Uroen i Kasakhstan</h1>"))
        #expect(home.contains("<div class=\"story-body\" lang=\"da\">"))
        #expect(home.contains("<h2 id=\"latest-articles\">Read more</h2>"))
        let article = try site.outputText("articles/lpg/")
        #expect(article.contains("<h2 id=\"key-facts\">Key facts</h2>\n<ul lang=\"da\">"), "the label is English, the facts Danish")
        #expect(article.contains("<p>Tekst. Han sagde »nej«.</p>"), "Danish text keeps Danish quotes")
        #expect(article.contains("Prisen blev »fordoblet«."), "key facts are set like the text")
        for page in [home, article, try site.outputText("timeline/")] {
            #expect(page.contains("<main id=\"main\""))
            for danish in ["indhold", "artikler", "vigtigste", "rettelser", "stederne", "begivenheder"] {
                #expect(!page.contains("id=\"\(danish)\""), "no Danish id in an English build: \(danish)")
            }
        }
        // A Danish build of Danish content marks nothing extra.
        let danish = try TestSite(Sites.archive())
        try await danish.build()
        #expect((try danish.outputText("")).components(separatedBy: "lang=\"da\"").count == 2, "only <html lang=\"da\">")
    }
}
