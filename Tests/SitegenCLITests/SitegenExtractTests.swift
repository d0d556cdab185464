import Foundation
import SiteGenTestSupport
import Testing

/// `sitegen extract` as an editor runs it: the files it writes, what it prints, and that a
/// second run writes nothing.
@Suite("sitegen extract")
struct SitegenExtractTests {
    static let site = """
        -- site.yaml --
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/
        map: {country: KZ}
        -- content/index.md --
        ---
        title: Uroen i Kasakhstan
        ---
        Tekst.
        -- content/places.yaml --
        almaty: {name: Almaty, lat: 43.25, lon: 76.92, precision: city, timezone: Asia/Almaty}
        -- agency.txt --
        Uro i Kasakhstan

        Præsident Tokajev har erklæret undtagelsestilstand i Almaty og den vestlige Mangistau-provins.

        Onsdag har demonstranter angiveligt stormet borgmesterkontoret i Almaty. Det skriver det kasakhiske medie Zakon ifølge nyhedsbureauet Reuters.

        Foto: Pavel Mikheyev/Reuters
        """

    @Test func writesDraftEventsAndAppendsNewPlaces() async throws {
        let site = try TestSite(Self.site)
        let placesBefore = try String(contentsOf: site.source.appendingPathComponent("content/places.yaml"), encoding: .utf8)
        let result = try await SitegenBinary.run(
            ["extract", "agency.txt", "--published", "2022-01-05T13:30:00+01:00", "--source", "Ritzau"], in: site.source)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("Wrote content/events/2022-01-05-agency.yaml (2 draft events)."), "\(result)")
        #expect(result.stdout.contains("agency.txt:3:1: warning: no day in the sentence"), "\(result)")
        let events = try String(contentsOf: site.source.appendingPathComponent("content/events/2022-01-05-agency.yaml"), encoding: .utf8)
        #expect(events.contains("  places: [almaty, mangistau]\n"))
        #expect(events.contains("    - {name: \"Zakon\", via: [\"Reuters\", \"Ritzau\"]}\n"))
        #expect(events.contains("  status: unverified\n"))
        #expect(!events.contains("confirmed"))
        #expect(events.components(separatedBy: "  draft: true\n").count == 3)
        let places = try String(contentsOf: site.source.appendingPathComponent("content/places.yaml"), encoding: .utf8)
        #expect(places.hasPrefix(placesBefore), "existing entries stay byte for byte")
        #expect(places.contains("mangistau:\n  name: \"Mangistau-provinsen\"\n"))
        // The drafts build at once.
        try await site.build(drafts: true)

        let again = try await SitegenBinary.run(
            ["extract", "agency.txt", "--published", "2022-01-05T13:30:00+01:00", "--source", "Ritzau"], in: site.source)
        #expect(again.exitCode != 0)
        #expect(again.stderr.contains("content/events/2022-01-05-agency.yaml exists: the events of this text were extracted before"), "\(again)")
        #expect(try String(contentsOf: site.source.appendingPathComponent("content/places.yaml"), encoding: .utf8) == places)
    }

    @Test func dryRunWritesNothingAndJSONIsOneObject() async throws {
        let site = try TestSite(Self.site)
        // `-` reads standard input.
        let command = "\"$0\" extract - --published 2022-01-05T13:30:00+01:00 --format json --dry-run < agency.txt"
        let result = try await SitegenBinary.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command, try SitegenBinary.url().path], in: site.source)
        #expect(result.exitCode == 0, "\(result)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["events", "places", "sources", "terms", "warnings"])
        let events = json?["events"] as? [[String: Any]] ?? []
        #expect(events.count == 2)
        #expect(events.first?["places"] as? [String] == ["almaty", "mangistau"])
        #expect(!FileManager.default.fileExists(atPath: site.source.appendingPathComponent("content/events").path))
    }

    @Test func withoutAPublicationDateItSaysToPassOne() async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(["extract", "agency.txt", "--dry-run"], in: site.source)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("agency.txt: no publication date: pass --published"), "\(result)")
    }

    @Test func helpShowsAnExample() async throws {
        let result = try await SitegenBinary.run(["extract", "--help"])
        #expect(result.stdout.contains("sitegen extract ritzau-uro.txt --published 2022-01-05T11:42:00+01:00"), "\(result)")
        #expect(result.stdout.contains("--dry-run"))
    }
}
