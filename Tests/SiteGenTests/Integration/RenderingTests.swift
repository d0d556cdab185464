import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// Whole small sites written inline, built, and checked the way a reader or editor would check them.
@Suite("Built pages")
struct RenderingTests {
    @Test func aTitleWithHTMLIsEscapedOnTheArticlePageTheTimelineAndTheFeed() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/skript.md --
            ---
            title: "<script>alert(1)</script>"
            date: 2022-01-05T14:00:00+01:00
            summary: "Tom & Jerry <b>"
            ---
            Tekst.
            -- content/events/2022-01-05-skript.md --
            ---
            title: "<script>alert(1)</script>"
            date: 2022-01-05
            place: almaty
            sources: [Ritzau]
            ---
            Tekst.
            """))
        try await site.build()

        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let article = try site.outputText("artikler/skript/")
        #expect(article.contains("<h1>\(escaped)</h1>"))
        #expect(article.contains("<title>\(escaped) – Uroen i Kasakhstan</title>"))
        #expect(article.contains("<p class=\"standfirst\">Tom &amp; Jerry &lt;b&gt;</p>"))

        let timeline = try site.outputText("tidslinje/")
        #expect(timeline.contains("<h3><a href=\"/tidslinje/2022-01-05-skript/\">\(escaped)</a>"))

        let feed = try site.outputText("feed.xml")
        #expect(feed.lines(containing: "<title>\(escaped)</title>").count == 2)

        for path in try site.outputFiles() where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = try site.outputText(path)
            #expect(!text.contains("<script>alert(1)"), "unescaped title in \(path)")
            #expect(!text.contains("<b>"), "unescaped summary in \(path)")
        }
    }

    @Test func rawHTMLInMarkdownIsDroppedByDefault() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/kasse.md --
            ---
            title: Kasse
            date: 2022-01-05
            ---
            Før.

            <aside class="kasse">Rå HTML-kasse</aside>

            Tekst med <span class="markering">inline HTML</span>.
            """))
        try await site.build()

        let page = try site.outputText("artikler/kasse/")
        #expect(!page.contains("<aside class=\"kasse\">"))
        #expect(!page.contains("Rå HTML-kasse"))
        #expect(!page.contains("<span class=\"markering\">"))
        #expect(page.contains("<p>Før.</p>"))
        #expect(page.contains("inline HTML"), "the text between dropped inline tags stays")
    }

    @Test func rawHTMLInMarkdownIsKeptWithMarkdownUnsafe() async throws {
        let site = try TestSite(Sites.archive(siteYAML: Sites.siteYAML + "\nmarkdown: {unsafe: true}", """
            -- content/articles/kasse.md --
            ---
            title: Kasse
            date: 2022-01-05
            ---
            Før.

            <aside class="kasse">Rå HTML-kasse</aside>

            Tekst med <span class="markering">inline HTML</span>.
            """))
        try await site.build()

        let page = try site.outputText("artikler/kasse/")
        #expect(page.contains("<aside class=\"kasse\">Rå HTML-kasse</aside>"))
        #expect(page.contains("<p>Tekst med <span class=\"markering\">inline HTML</span>.</p>"))
    }

    @Test func draftsAreLeftOutUnlessIncluded() async throws {
        let archive = Sites.archive("""
            -- content/articles/udkast.md --
            ---
            title: Et udkast
            date: 2022-01-05
            draft: true
            ---
            Ikke færdig.
            -- content/articles/faerdig.md --
            ---
            title: En færdig artikel
            date: 2022-01-04
            ---
            Færdig.
            -- content/events/2022-01-05-udkast.md --
            ---
            title: En begivenhed i udkast
            date: 2022-01-05
            sources: [Ritzau]
            draft: true
            ---
            Ikke færdig.
            """)
        let site = try TestSite(archive)
        try await site.build()

        #expect(site.outputExists("artikler/faerdig/"))
        #expect(!site.outputExists("artikler/udkast/"))
        #expect(!site.outputExists("tidslinje/2022-01-05-udkast/"))
        for path in ["", "artikler/", "tidslinje/", "feed.xml", "sitemap.xml"] {
            let text = try site.outputText(path)
            #expect(!text.contains("udkast"), "\(path.isEmpty ? "front page" : path) mentions the draft")
        }

        try await site.build(drafts: true)
        #expect(site.outputExists("artikler/udkast/"))
        #expect(site.outputExists("tidslinje/2022-01-05-udkast/"))
        #expect(try site.outputText("artikler/").contains("Et udkast"))
        #expect(try site.outputText("tidslinje/").contains("En begivenhed i udkast"))
        #expect(try site.outputText("sitemap.xml").contains("<loc>https://example.org/artikler/udkast/</loc>"))
    }

    @Test func anEventShowsItsLocalTimeAndTheDanishTime() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/events/2022-01-05-regeringen-gaar-af.md --
            ---
            title: Regeringen går af
            date: 2022-01-05T14:00:00+06:00
            place: almaty
            sources: [Ritzau]
            status: confirmed
            ---
            Præsidenten accepterer regeringens afgang.
            """))
        try await site.build()

        let page = try site.outputText("tidslinje/2022-01-05-regeringen-gaar-af/")
        #expect(page.contains(
            "<time datetime=\"2022-01-05T14:00:00+06:00\">onsdag den 5. januar 2022, kl. 14.00 i Almaty (kl. 09.00 dansk tid)</time>"))
        #expect(page.contains("<span class=\"badge status-confirmed\">Bekræftet</span>"))
        #expect(page.contains("<dt>Status</dt><dd>Bekræftet: bekræftet af myndighederne eller af flere uafhængige kilder</dd>"))
        #expect(page.contains("<dt>Sted</dt><dd><a href=\"/kort/almaty/\">Almaty</a></dd>"), "the place in words, linked to its map page")

        let timeline = try site.outputText("tidslinje/")
        #expect(timeline.contains("<time datetime=\"2022-01-05\">Onsdag den 5. januar 2022</time>"))
        #expect(timeline.contains(
            "<p class=\"clock\"><time datetime=\"2022-01-05T14:00:00+06:00\">kl. 14.00</time> <span class=\"site-clock\">(kl. 09.00 dansk tid)</span></p>"),
            "the local time, then the Danish time in brackets")
    }

    @Test func aSourceChainReadsZakonViaReuters() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/events/2022-01-05-akimatet-stormet.md --
            ---
            title: Demonstranter skal have stormet akimatet
            date: 2022-01-05
            place: almaty
            sources:
              - name: Zakon
                url: "https://www.zakon.kz/"
                via: Reuters
              - AFP
            status: reported
            ---
            Tekst.
            """))
        try await site.build()

        let page = try site.outputText("tidslinje/2022-01-05-akimatet-stormet/")
        let sources = page.lines(containing: "class=\"sources\"")
        #expect(sources.map(\.strippingTags) == ["Kilder: Zakon via Reuters (originalen); AFP"])
        #expect(sources.first?.contains("<a href=\"/kilder/#zakon\">Zakon</a> via <a href=\"/kilder/#reuters\">Reuters</a>") == true)
        #expect(sources.first?.contains("(<a href=\"https://www.zakon.kz/\">originalen</a>)") == true, "the original's own address is linked")

        let sourcesPage = try site.outputText("kilder/")
        for anchor in ["zakon", "reuters", "afp"] {
            #expect(sourcesPage.contains("<h3 id=\"\(anchor)\">"), "the sources page has no entry #\(anchor)")
        }
    }

    @Test func aFileWithAByteOrderMarkAndWindowsLineEndingsBuilds() async throws {
        let site = try TestSite(Sites.archive())
        let article = "---\r\ntitle: Prisen på LPG\r\ndate: 2022-01-05\r\ntags: [lpg]\r\n---\r\nFørste afsnit.\r\n\r\nAndet afsnit.\r\n"
        try site.write("content/articles/lpg.md", bytes: [0xEF, 0xBB, 0xBF] + Array(article.utf8))
        try site.write("content/places.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(Sites.places.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        try await site.build()

        let page = try site.outputText("artikler/lpg/")
        #expect(page.contains("<h1>Prisen på LPG</h1>"))
        #expect(page.contains("<p>Første afsnit.</p>\n<p>Andet afsnit.</p>"))
        #expect(!page.contains("\r"))
        #expect(!page.contains("\u{FEFF}"))
        #expect(site.outputExists("emner/lpg/"))
    }

    @Test func listsAreInDanishAlphabeticalOrder() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/a.md --
            ---
            title: Artikel
            date: 2022-01-05
            tags: [økonomi, politi, åbenhed, zoner]
            ---
            Tekst.
            -- content/glossary/oekonomi.md --
            ---
            title: økonomi
            short: Husholdning.
            ---
            -- content/glossary/politi.md --
            ---
            title: politi
            short: Ordensmagt.
            ---
            -- content/glossary/zone.md --
            ---
            title: zone
            short: Område.
            ---
            """))
        try await site.build()

        let glossary = try site.outputText("ordliste/").lines(containing: "<dt id=").map(\.strippingTags)
        #expect(glossary == ["politi", "zone", "økonomi"])
        let tags = try site.outputText("emner/").lines(containing: "<li><a href=\"/emner/").map { String($0.strippingTags.prefix { $0 != " " }) }
        #expect(tags == ["politi", "zoner", "økonomi", "åbenhed"], "the tag list sorts by URL slug (oekonomi, aabenhed), not by name")
    }

    @Test func anEnglishSiteUsesEnglishURLsAndWords() async throws {
        let site = try TestSite("""
            -- site.yaml --
            title: Unrest in Kazakhstan
            language: en
            baseURL: https://example.org/
            timezone: Europe/London
            -- content/index.md --
            ---
            title: Unrest in Kazakhstan
            ---
            See the [timeline](/timeline/).
            -- content/articles/lpg.md --
            ---
            title: Why the gas price rose
            date: 2022-01-05
            ---
            Text.
            -- content/events/2022-01-05-government-resigns.md --
            ---
            title: The government resigns
            date: 2022-01-05T14:00:00+06:00
            sources: [Reuters]
            ---
            Text.
            -- content/glossary/lpg.md --
            ---
            title: LPG
            short: Liquefied petroleum gas.
            ---
            Text.
            """)
        try await site.build()

        for page in ["timeline/", "glossary/", "sources/", "articles/", "articles/lpg/", "timeline/2022-01-05-government-resigns/", "glossary/lpg/"] {
            #expect(site.outputExists(page), "no \(page)")
        }
        for danish in ["tidslinje/", "ordliste/", "kilder/", "artikler/"] {
            #expect(!site.outputExists(danish), "\(danish) in an English site")
        }
        let home = try site.outputText("")
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("<li><a href=\"/timeline/\">Timeline</a></li>"))
        #expect(home.contains("<li><a href=\"/glossary/\">Glossary</a></li>"))
        #expect(home.contains("<li><a href=\"/sources/\">Sources</a></li>"))
        let event = try site.outputText("timeline/2022-01-05-government-resigns/")
        #expect(event.contains(">Wednesday 5 January 2022, 14:00 local time (08:00 London time)</time>"))
    }
}
