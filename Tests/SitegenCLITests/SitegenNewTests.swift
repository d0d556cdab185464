import Foundation
import SiteGenTestSupport
import Testing

/// `sitegen new`: the file it writes, the path it prints, and that it never overwrites.
@Suite("sitegen new")
struct SitegenNewTests {
    static let site = """
        -- site.yaml --
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/
        -- content/index.md --
        ---
        title: Uroen i Kasakhstan
        ---
        Tekst.
        -- content/places.yaml --
        almaty: {name: Almaty, lat: 43.25, lon: 76.92}
        """

    @Test func anArticleGetsASlugWithDanishLettersSpeltOut() async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(
            ["new", "article", "Hvad så nu: Kasakhstan efter krisen", "--date", "2022-01-07T10:00:00+01:00"], in: site.source)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "content/articles/hvad-saa-nu-kasakhstan-efter-krisen.md\n", "\(result)")
        let text = try String(contentsOf: site.source.appendingPathComponent("content/articles/hvad-saa-nu-kasakhstan-efter-krisen.md"), encoding: .utf8)
        #expect(text == """
            ---
            title: "Hvad så nu: Kasakhstan efter krisen"
            date: 2022-01-07T10:00:00+01:00
            summary: ""
            tags: []
            places: []
            ---
            Skriv artiklen her.

            """)
        // The new file is a valid article: the site still builds, with the page in it.
        try await site.build()
        #expect(site.outputExists("artikler/hvad-saa-nu-kasakhstan-efter-krisen/"))
    }

    @Test func anEventIsNamedByItsDateAndCarriesItsPlace() async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(
            ["new", "event", "Tropper fra CSTO ankommer", "--date", "2022-01-06", "--place", "almaty"], in: site.source)

        #expect(result.stdout == "content/events/2022-01-06-tropper-fra-csto-ankommer.md\n", "\(result)")
        let text = try String(contentsOf: site.source.appendingPathComponent("content/events/2022-01-06-tropper-fra-csto-ankommer.md"), encoding: .utf8)
        #expect(text.contains("\ndate: 2022-01-06\nplace: almaty\n"), "\(text)")
        #expect(text.contains("\nstatus: reported\n"), "\(text)")
    }

    @Test func anExistingFileIsNeverOverwritten() async throws {
        let site = try TestSite(Self.site)
        try site.write("content/glossary/lpg.md", "---\ntitle: LPG\nshort: Flydende gas.\n---\nMin tekst.\n")
        let result = try await SitegenBinary.run(["new", "term", "LPG"], in: site.source)

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout == "", "\(result)")
        #expect(result.stderr == "error: content/glossary/lpg.md already exists; sitegen never overwrites content (pick another title, or edit that file)\n", "\(result)")
        let text = try String(contentsOf: site.source.appendingPathComponent("content/glossary/lpg.md"), encoding: .utf8)
        #expect(text == "---\ntitle: LPG\nshort: Flydende gas.\n---\nMin tekst.\n")
    }

    @Test func aPlaceIsAddedToPlacesYAMLOnce() async throws {
        let site = try TestSite(Self.site)
        let first = try await SitegenBinary.run(
            ["new", "place", "Aktau", "--lat", "43.65", "--lon", "51.17", "--timezone", "Asia/Aqtau"], in: site.source)
        #expect(first.stdout == "content/places.yaml\n", "\(first)")
        let text = try String(contentsOf: site.source.appendingPathComponent("content/places.yaml"), encoding: .utf8)
        #expect(text == """
            almaty: {name: Almaty, lat: 43.25, lon: 76.92}
            aktau:
              name: "Aktau"
              lat: 43.65
              lon: 51.17
              precision: city
              timezone: Asia/Aqtau

            """)

        let again = try await SitegenBinary.run(["new", "place", "Aktau", "--lat", "1", "--lon", "2"], in: site.source)
        #expect(again.exitCode == 1, "\(again)")
        #expect(again.stderr == "error: content/places.yaml already defines `aktau`; edit it there\n", "\(again)")
    }

    @Test func aBadDateIsRefusedBeforeAnythingIsWritten() async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(["new", "event", "Noget skete", "--date", "2022-13-01"], in: site.source)

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr == "error: invalid --date `2022-13-01`: there is no month 13\n", "\(result)")
        #expect(!FileManager.default.fileExists(atPath: site.source.appendingPathComponent("content/events").path))
    }

    /// The checks a build makes of places.yaml, made before the place is written.
    @Test(arguments: [
        (["--lat", "100", "--lon", "51.17"], "error: --lat 100.0 is out of range (-90 to 90); are --lat and --lon swapped?\n"),
        (["--lat", "43.65", "--lon", "251.17"], "error: --lon 251.17 is out of range (-180 to 180)\n"),
        (["--lat", "43.65", "--lon", "51.17", "--timezone", "Asia/Aqtua"],
         "error: unknown time zone `Asia/Aqtua`; did you mean `Asia/Aqtau`? (use an IANA id such as `Asia/Almaty`)\n"),
    ])
    func aPlaceOffTheGlobeOrInAnUnknownZoneIsRefused(options: [String], message: String) async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(["new", "place", "Aktau"] + options, in: site.source)

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr == message, "\(result)")
        let text = try String(contentsOf: site.source.appendingPathComponent("content/places.yaml"), encoding: .utf8)
        #expect(text == "almaty: {name: Almaty, lat: 43.25, lon: 76.92}\n")
    }

    /// Failures are told in words, naming the path, not as "NSCocoaErrorDomain error 516".
    @Test func aFileErrorIsToldInWords() async throws {
        let site = try TestSite(Self.site)
        try site.write("content/articles", "ikke en mappe\n")
        let result = try await SitegenBinary.run(["new", "article", "Ny artikel"], in: site.source)

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr == "error: cannot write content/articles: file exists\n", "\(result)")
    }
}
