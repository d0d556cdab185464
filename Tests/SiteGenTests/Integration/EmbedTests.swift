import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// Posts from social media and videos as static cards; raw HTML reported.
@Suite("Embedded posts and videos")
struct EmbedTests {
    static func article(_ body: String) -> String {
        Sites.archive("""
            -- content/articles/opslag.md --
            ---
            title: Opslag
            date: 2022-01-05T14:00:00+01:00
            ---
            \(body)
            """)
    }

    @Test("A post is a card with its text, author, date and a link to the original, and nothing from the platform")
    func post() async throws {
        let site = try TestSite(Self.article("""
            ```embed
            url: https://twitter.com/HannaLiubakova/status/1478426468398702592
            author: Hanna Liubakova
            handle: "@HannaLiubakova"
            date: 2022-01-04
            text: |
              Kazakhstan: protesters in Almaty.
              The government must go, they say.
            ```
            """))
        try await site.build()
        let page = try site.outputText("artikler/opslag/")
        let card = try #require(page.range(of: "<figure class=\"embed embed-post\">").map { String(page[$0.lowerBound...].prefix(800)) })
        #expect(card.contains("<blockquote cite=\"https://twitter.com/HannaLiubakova/status/1478426468398702592\">\n<p>Kazakhstan: protesters in Almaty.</p>\n<p>The government must go, they say.</p>\n</blockquote>"))
        #expect(card.contains("<figcaption><span class=\"author\">Hanna Liubakova</span> <span class=\"handle\">@HannaLiubakova</span> · X · <time datetime=\"2022-01-04\">"))
        #expect(card.contains("<a href=\"https://twitter.com/HannaLiubakova/status/1478426468398702592\">Se det oprindelige opslag</a></figcaption>"))
        #expect(!page.contains("<iframe") && !page.contains("<script") && !page.contains("src=\"https://twitter.com"))
    }

    @Test("A video shows its poster, a photo beside the text, linked to the video")
    func video() async throws {
        let site = try TestSite(Self.article("""
            ```embed
            url: https://www.youtube.com/watch?v=abc
            text: Demonstrationen i Almaty.
            image: plakat.jpg
            ```
            """))
        try site.write("content/articles/plakat.jpg", bytes: try TestPhotos.jpeg(width: 960, height: 540))
        try await site.build()
        let page = try site.outputText("artikler/opslag/")
        #expect(page.contains("<figure class=\"embed embed-video\">\n<a class=\"poster\" href=\"https://www.youtube.com/watch?v=abc\">\n<picture>"))
        #expect(page.contains("<span class=\"play\">Se videoen på YouTube</span>"))
        #expect(!page.contains("youtube.com/embed"))
    }

    @Test("A card without what it needs, or with an address that is none, is an error at its line")
    func problems() async throws {
        let site = try TestSite(Self.article("""
            ```embed
            url: javascript:alert(1)
            author: X
            text: Y
            ```

            ```embed
            url: https://vimeo.com/1
            ```

            ```embed
            url: https://t.me/x/1
            colour: red
            ```
            """))
        let reported = try #require(await site.buildFailure())
        #expect(reported == [
            "content/articles/opslag.md:6:6: error: `url` must be a full address starting with https://, not a `javascript:` link",
            "content/articles/opslag.md:12:1: error: an embedded video needs a poster, a photo beside the text: `image: almaty-video.jpg`",
            "content/articles/opslag.md:16:1: error: an embedded post needs its text, copied from the original: `text: ...`",
            "content/articles/opslag.md:16:1: error: an embedded post needs who wrote it: `author: Hanna Liubakova` and/or `handle: \"@HannaLiubakova\"`",
            "content/articles/opslag.md:17:1: error: unknown key `colour`; known keys are `url`, `author`, `handle`, `date`, `text`, `image`, `platform`, `kind`",
        ])
    }

    @Test("Raw HTML: left out in safe mode with a warning at its line; let through, a warning when it loads from another site")
    func rawHTML() async throws {
        let body = "Tekst.\n\n<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>\n\nEt <b>fedt</b> ord.\n"
        let safe = try TestSite(Self.article(body))
        let summary = try await safe.build()
        #expect(summary.warnings.map(\.description) == [
            "content/articles/opslag.md:7:1: warning: raw HTML `<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>` is left out of the page (the site is in safe mode); for a post or a video use an ```embed block",
            "content/articles/opslag.md:9:4: warning: raw HTML `<b>` is left out of the page (the site is in safe mode); for a post or a video use an ```embed block",
        ])
        let unsafe = try TestSite(Self.article(body).replacingOccurrences(of: "publisher: Testredaktionen", with: "publisher: Testredaktionen\nmarkdown: {unsafe: true}"))
        #expect(try await unsafe.build().warnings.map(\.description) == [
            "content/articles/opslag.md:7:1: warning: raw HTML `<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>` makes readers' browsers load from another site; for a post or a video use an ```embed block",
        ])
    }
}
