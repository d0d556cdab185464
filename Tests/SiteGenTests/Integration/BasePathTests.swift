import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// A site published under a subpath: every link must carry the subpath, or it breaks on the live site.
@Suite("Site under a subpath")
struct BasePathTests {
    static let archive = Sites.archive(siteYAML: """
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/kasakhstan/
        """, """
        -- content/articles/lpg.md --
        ---
        title: Prisen på LPG
        date: 2022-01-05T14:00:00+01:00
        tags: [lpg]
        places: [almaty]
        ---
        Se [tidslinjen](/tidslinje/), [ordet LPG](/ordliste/lpg/#betydning), [kilderne](/kilder/#ritzau)
        og [Reuters](https://www.reuters.com/). ![Kort](/kort.svg)
        -- content/kort.svg --
        <svg xmlns="http://www.w3.org/2000/svg"/>
        -- content/events/2022-01-05-protester.md --
        ---
        title: Protester i Almaty
        date: 2022-01-05T14:00:00+06:00
        place: almaty
        sources: [Ritzau]
        tags: [lpg]
        ---
        Læs [artiklen](/artikler/lpg/).
        -- content/glossary/lpg.md --
        ---
        title: LPG
        short: Flydende gas.
        ---
        ## Betydning

        Autogas.
        """)

    /// Every `href="..."` and `src="..."` in the file.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    @Test func everyInternalLinkStartsWithTheSubpathAndLeadsToAFile() async throws {
        let site = try TestSite(Self.archive)
        try await site.build()

        var checked = 0
        for path in try site.outputFiles() where path.hasSuffix(".html") {
            let html = try site.outputText(path)
            for link in Self.links(in: html) {
                if link.hasPrefix("https://") || link.hasPrefix("#") { continue }
                checked += 1
                #expect(link.hasPrefix("/kasakhstan/"), "\(path) links to \(link)")
                guard link.hasPrefix("/kasakhstan/") else { continue }
                let target = String(link.dropFirst("/kasakhstan/".count).prefix { $0 != "#" })
                #expect(site.outputExists(target), "\(path) links to \(link), which is not in the output")
            }
        }
        #expect(checked > 50, "too few links checked (\(checked)); is the link pattern right?")

        let article = try site.outputText("artikler/lpg/")
        #expect(article.contains("<a href=\"/kasakhstan/tidslinje/\">tidslinjen</a>"))
        #expect(article.contains("<a href=\"/kasakhstan/ordliste/lpg/#betydning\">ordet LPG</a>"))
        #expect(article.contains("<a href=\"https://www.reuters.com/\">Reuters</a>"))
        #expect(article.contains("<img src=\"/kasakhstan/kort.svg\" alt=\"Kort\" decoding=\"async\">"))
        #expect(article.contains("<link rel=\"stylesheet\" href=\"/kasakhstan/style.css\">"))
    }

    @Test func canonicalAndFeedURLsAreAbsolute() async throws {
        let site = try TestSite(Self.archive)
        try await site.build()

        #expect(try site.outputText("artikler/lpg/").contains("<link rel=\"canonical\" href=\"https://example.org/kasakhstan/artikler/lpg/\">"))
        #expect(try site.outputText("").contains("<link rel=\"canonical\" href=\"https://example.org/kasakhstan/\">"))
        for path in try site.outputFiles() where path.hasSuffix(".html") && path != "404.html" {
            let canonical = try site.outputText(path).lines(containing: "rel=\"canonical\"")
            let expected = "https://example.org/kasakhstan/" + path.dropLast("index.html".count)
            #expect(canonical == ["<link rel=\"canonical\" href=\"\(expected)\">"], "\(path)")
        }

        let feed = try site.outputText("feed.xml")
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/kasakhstan/feed.xml\"/>"))
        #expect(feed.contains("<id>https://example.org/kasakhstan/artikler/lpg/</id>"))
        let sitemap = try site.outputText("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/kasakhstan/tidslinje/2022-01-05-protester/</loc>"))
        #expect(try site.outputText("robots.txt").contains("Sitemap: https://example.org/kasakhstan/sitemap.xml"))
    }

    @Test func theBaseURLOptionOverridesSiteYAML() async throws {
        let site = try TestSite(Sites.archive())
        try await site.build(baseURL: "https://example.org/kasakhstan/")

        let home = try site.outputText("")
        #expect(home.contains("<link rel=\"canonical\" href=\"https://example.org/kasakhstan/\">"))
        #expect(home.contains("<a href=\"/kasakhstan/tidslinje/\">tidslinjen</a>"))
    }
}
