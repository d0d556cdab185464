import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// The glossary as readers meet it: links from the text, term pages with who mentions them,
/// the index in the language's order.
@Suite("Glossary")
struct GlossaryTests {
    static let terms = """
        -- content/glossary/lpg.md --
        ---
        title: LPG
        aliases: [autogas]
        short: Flydende gas.
        expansion: liquefied petroleum gas
        related: [udgangsforbud]
        ---
        LPG er flydende gas. Et udgangsforbud er noget andet.
        -- content/glossary/udgangsforbud.md --
        ---
        title: udgangsforbud
        short: Forbud mod at gå ud om natten.
        ---
        Forbud.
        """

    static func site(_ files: String) throws -> TestSite {
        try TestSite(Sites.archive(terms + "\n" + files))
    }

    @Test func theFirstUseInAnArticleLinksToTheEntry() async throws {
        let site = try Self.site("""
            -- content/articles/a.md --
            ---
            title: Artikel
            date: 2022-01-05
            ---
            ## Om LPG

            Prisen på LPG og `LPG` steg, før udgangsforbuddet kom. Siden steg LPG igen.
            """)
        try await site.build()
        let article = try site.outputText("artikler/a/")
        #expect(article.contains("<h2 id=\"om-lpg\">Om LPG</h2>"))
        #expect(article.contains("""
            <p>Prisen på <a href="/ordliste/lpg/"><abbr title="liquefied petroleum gas">LPG</abbr></a> og <code>LPG</code> steg, \
            før <a href="/ordliste/udgangsforbud/">udgangsforbuddet</a> kom. Siden steg LPG igen.</p>
            """))
    }

    @Test func aTermPageListsTheArticlesAndEventsThatMentionIt() async throws {
        let site = try Self.site("""
            -- content/articles/nyere.md --
            ---
            title: Nyere artikel
            date: 2022-01-06T10:00:00+01:00
            ---
            Autogas blev dyrere.
            -- content/articles/aeldre.md --
            ---
            title: Ældre artikel
            date: 2022-01-05T10:00:00+01:00
            ---
            Se [LPG](/ordliste/lpg/).
            -- content/articles/uden.md --
            ---
            title: Uden ordliste
            date: 2022-01-07T10:00:00+01:00
            glossary: false
            ---
            LPG nævnes, men linkes ikke.
            -- content/events/2022-01-02-protester.md --
            ---
            title: Protester
            date: 2022-01-02
            place: almaty
            sources: [Ritzau]
            ---
            Vrede over prisen på LPG.
            """)
        try await site.build()

        #expect(!(try site.outputText("artikler/uden/")).contains("/ordliste/lpg/\""))
        let term = try site.outputText("ordliste/lpg/")
        let section = try #require(term.components(separatedBy: "<section class=\"mentioned-in box\" aria-labelledby=\"mentions\">").last)
        #expect(section.hasPrefix("\n<h2 id=\"mentions\">Nævnt i</h2>\n"))
        // Newest first, articles and events together.
        #expect(section.lines(containing: "<li>").map(\.strippingTags) == [
            "Nyere artikel torsdag den 6. januar 2022",
            "Ældre artikel onsdag den 5. januar 2022",
            "Protester søndag den 2. januar 2022",
        ])
        #expect(term.contains("<h1><dfn>LPG</dfn></h1>"))
        #expect(term.contains("<p class=\"aliases\">Også kaldet: autogas</p>"))
        #expect(term.contains("<p class=\"related\">Se også: <a href=\"/ordliste/udgangsforbud/\">udgangsforbud</a></p>"))
        #expect(term.contains("<p>LPG er flydende gas. Et <a href=\"/ordliste/udgangsforbud/\">udgangsforbud</a> er noget andet.</p>"),
                "an entry links other terms, never itself")
        #expect(!(try site.outputText("ordliste/udgangsforbud/")).contains("Nævnt i"), "a term linked only from another entry lists no page")
    }

    @Test func termPagesAndTheIndexCarrySchemaOrgData() async throws {
        let site = try Self.site("")
        try await site.build()

        let term = try jsonLD(in: site.outputText("ordliste/lpg/"))
        #expect(term["@type"] as? String == "DefinedTerm")
        #expect(term["name"] as? String == "LPG")
        #expect(term["description"] as? String == "Flydende gas.")
        #expect(term["alternateName"] as? [String] == ["autogas"])
        #expect(term["url"] as? String == "https://example.org/ordliste/lpg/")
        let set = try #require(term["inDefinedTermSet"] as? [String: Any])
        #expect(set["@type"] as? String == "DefinedTermSet")
        #expect(set["url"] as? String == "https://example.org/ordliste/")

        let index = try jsonLD(in: site.outputText("ordliste/"))
        #expect(index["@type"] as? String == "DefinedTermSet")
        let members = try #require(index["hasDefinedTerm"] as? [[String: Any]])
        #expect(members.map { $0["name"] as? String } == ["LPG", "udgangsforbud"])
    }

    @Test func jsonLDCannotCloseItsScriptElement() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/glossary/x.md --
            ---
            title: "</script><b>x"
            short: "A & B \\"C\\""
            ---
            """))
        try await site.build()
        let page = try site.outputText("ordliste/x/")
        #expect(page.components(separatedBy: "</script>").count == 2)
        #expect(try jsonLD(in: page)["name"] as? String == "</script><b>x")
    }

    @Test func theIndexIsInDanishOrderWithALetterBar() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/index.md --
            ---
            title: Forside
            ---
            Ord: åbne kilder, Zink, økonomi, akimat, ærter, Bøde.
            -- content/glossary/aabne-kilder.md --
            ---
            title: åbne kilder
            short: Frit tilgængelige oplysninger.
            ---
            -- content/glossary/zink.md --
            ---
            title: Zink
            short: Et metal.
            ---
            -- content/glossary/oekonomi.md --
            ---
            title: økonomi
            short: Husholdning.
            ---
            -- content/glossary/akimat.md --
            ---
            title: akimat
            short: Et kontor.
            ---
            -- content/glossary/aerter.md --
            ---
            title: ærter
            short: Grøntsager.
            ---
            -- content/glossary/boede.md --
            ---
            title: Bøde
            short: En straf.
            ---
            """))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [])

        let index = try site.outputText("ordliste/")
        #expect(index.lines(containing: "<dt id=").map(\.strippingTags) == ["akimat", "Bøde", "Zink", "ærter", "økonomi", "åbne kilder"])
        #expect(index.lines(containing: "<h2 id=\"letter-").map(\.strippingTags) == ["A", "B", "Z", "Æ", "Ø", "Å"])
        // A compact bar: only the letters in use, each linked to its terms.
        #expect(index.lines(containing: "<li><a href=\"#letter-").map(\.strippingTags) == ["A", "B", "Z", "Æ", "Ø", "Å"])
        #expect(!index.contains("<li><span>C</span></li>"), "no dead letters")
        #expect(index.contains("<h2 id=\"letter-aa\" class=\"letter\">Å</h2>"))
        let letters = index.lines(containing: "<li>").map(\.strippingTags).filter { $0.count == 1 }
        #expect(letters.suffix(4) == ["Z", "Æ", "Ø", "Å"])
    }

    @Test func aTermNoPageLinksToIsAWarning() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/glossary/oblys.md --
            ---
            title: oblys
            short: En provins.
            ---
            """))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [
            "content/glossary/oblys.md:2:8: warning: no page links to the term `oblys`; use it in the text of an article, an event or the front page, or add the form the text uses to `aliases` or `forms`",
        ])
        #expect(await site.buildFailure(strict: true) != nil)
    }

    @Test func irregularFormsAndTheGlossarySettingAreAcceptedKeys() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/glossary/akim.md --
            ---
            title: akim
            forms: [akimer, akimerne, akimy]
            short: En borgmester eller guvernør.
            autolink: true
            ---
            -- content/events/data.yaml --
            - id: a
              title: Begivenhed
              date: 2022-01-05
              sources: [Ritzau]
              glossary: false
              body: Akimy.
            - id: b
              title: Begivenhed
              date: 2022-01-05
              sources: [Ritzau]
              body: To akimy.
            """))
        try await site.build()
        #expect(!(try site.outputText("tidslinje/a/")).contains("/ordliste/akim/\""))
        #expect(try site.outputText("tidslinje/b/").contains("<p>To <a href=\"/ordliste/akim/\">akimy</a>.</p>"))
    }

    @Test func anEnglishSiteLinksToItsGlossaryPages() async throws {
        let site = try TestSite("""
            -- site.yaml --
            title: Unrest in Kazakhstan
            language: en
            baseURL: https://example.org/news/
            -- content/index.md --
            ---
            title: Unrest in Kazakhstan
            ---
            The price of LPG doubled.
            -- content/articles/a.md --
            ---
            title: Gas
            date: 2022-01-05
            ---
            LPG again.
            -- content/glossary/lpg.md --
            ---
            title: LPG
            short: Liquefied petroleum gas.
            ---
            """)
        try await site.build()
        #expect(try site.outputText("").contains("<a href=\"/news/glossary/lpg/\"><abbr title=\"Liquefied petroleum gas.\">LPG</abbr></a>"))
        let term = try site.outputText("glossary/lpg/")
        #expect(term.contains("<h2 id=\"mentions\">Mentioned in</h2>"))
        #expect(term.contains("<li><a href=\"/news/articles/a/\">Gas</a>"))
    }

    /// The example site's own glossary, as the issue asks for it.
    @Test func theExampleSiteLinksItsTerms() async throws {
        let site = try TestSite.exampleSite()
        try await site.build(baseURL: "https://example.org/")

        let home = try site.outputText("")
        for link in ["<a href=\"/ordliste/lpg/\"><abbr title=\"liquefied petroleum gas\">LPG</abbr></a>",
                     "<a href=\"/ordliste/undtagelsestilstand/\">undtagelsestilstand</a>",
                     "<a href=\"/ordliste/udgangsforbud/\">udgangsforbud</a>",
                     "<a href=\"/ordliste/akimat/\">borgmesterkontoret</a>"] {
            #expect(home.contains(link), "front page: \(link)")
        }
        #expect(try site.outputText("artikler/undtagelsestilstand/").contains("<a href=\"/ordliste/undtagelsestilstand/\">undtagelsestilstand</a>"))
        #expect(try site.outputText("artikler/akimatet-i-almaty/").contains("<a href=\"/ordliste/udgangsforbud/\">udgangsforbud</a>"))
        #expect(try site.outputText("artikler/lpg-prisen/").contains("<abbr title=\"liquefied petroleum gas\">LPG</abbr>"))
        #expect(try site.outputText("tidslinje/2022-01-05-udgangsforbud-og-forsamlingsforbud/")
            .contains("<a href=\"/ordliste/undtagelsestilstand/\">undtagelsestilstanden</a>"))

        let lpg = try site.outputText("ordliste/lpg/")
        #expect(lpg.contains("<li><a href=\"/artikler/lpg-prisen/\">"))
        #expect(lpg.contains("<li><a href=\"/tidslinje/2022-01-01-prisloftet-fjernes/\">"))

        let index = try site.outputText("ordliste/").lines(containing: "<dt id=").map(\.strippingTags)
        #expect(index.last == "åbne kilder")
        #expect(index.first == "akimat")
    }

    private func jsonLD(in html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = Data(html[start.upperBound..<end.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
