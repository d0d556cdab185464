import Foundation
import SiteGenTestSupport
import Testing

/// `sitegen check`: the exact report an editor sees, and its exit codes.
@Suite("sitegen check")
struct SitegenCheckTests {
    static let site = """
        -- site.yaml --
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/
        -- content/index.md --
        ---
        title: Uroen i Kasakhstan
        ---
        ## Hvad skete der?

        Se [artiklen](/artikler/lpg-prisen/) og [afsnittet](#hvad-skete-der).
        -- content/places.yaml --
        almaty: {name: Almaty, lat: 43.25, lon: 76.92}
        -- content/articles/lpg-prisen.md --
        ---
        title: Derfor steg prisen på LPG
        date: 2022-01-05
        places: [almaty]
        ---
        Tekst.
        """

    @Test func aCleanSiteReportsNoProblemsAndExitsZero() async throws {
        let site = try TestSite(Self.site)
        let result = try await SitegenBinary.run(["check", "--source", site.source.path])

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "sitegen check: no problems\n", "\(result)")
        #expect(result.stderr == "", "\(result)")
        #expect(!FileManager.default.fileExists(atPath: site.source.appendingPathComponent("public").path), "check must write nothing")
    }

    @Test func brokenLinksFragmentsAndImagesAreReportedAtTheirPlace() async throws {
        let site = try TestSite(Self.site)
        try site.write("content/articles/lpg-prisen.md", """
            ---
            title: Derfor steg prisen på LPG
            date: 2022-01-05
            places: [almaty]
            ---
            Læs også [forsiden](/#hvad-sket-der) og [ordlisten](/ordliste/lgp/).

            Æblet ![kort](/billeder/kort.png) og [en side](/artikler/lpg-prisen/).
            """)
        let result = try await SitegenBinary.run(["check", "--source", site.source.path, "--format", "json"])

        #expect(result.exitCode == 1, "\(result)")
        let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let lines = (entries ?? []).map { "\($0["path"]!):\($0["line"]!):\($0["column"]!): \($0["severity"]!): \($0["message"]!)" }
        #expect(lines == [
            // Columns count characters, as editors do: "Læs også " is nine, whatever its bytes.
            "content/articles/lpg-prisen.md:6:10: error: link `/#hvad-sket-der`: the page has no `#hvad-sket-der`; did you mean `#hvad-skete-der`?",
            "content/articles/lpg-prisen.md:6:41: error: link `/ordliste/lgp/` points to nothing the site has",
            "content/articles/lpg-prisen.md:8:7: error: image `/billeder/kort.png` points to nothing the site has (no content/billeder/kort.png)",
        ], "\(result)")
    }

    @Test func anUnusedPlaceIsAWarningThatStrictTurnsIntoAFailure() async throws {
        let site = try TestSite(Self.site)
        try site.write("content/places.yaml", """
            almaty: {name: Almaty, lat: 43.25, lon: 76.92}
            aktau: {name: Aktau, lat: 43.65, lon: 51.17}
            """)
        let lenient = try await SitegenBinary.run(["check", "--source", site.source.path])
        #expect(lenient.exitCode == 0, "\(lenient)")
        #expect(lenient.stdout == "sitegen check: 1 warning\n", "\(lenient)")
        #expect(lenient.stderr.hasPrefix(
            "content/places.yaml:2:1: warning: place `aktau` is not used by any event or article; remove it or refer to it with `place: aktau`\n"),
            "\(lenient)")

        let strict = try await SitegenBinary.run(["check", "--source", site.source.path, "--strict"])
        #expect(strict.exitCode == 1, "\(strict)")
    }

    @Test func buildErrorsAreReportedToo() async throws {
        let site = try TestSite(Self.site)
        try site.write("content/articles/lpg-prisen.md", """
            ---
            title: Derfor steg prisen på LPG
            date: 2022-01-05
            status: confirmed
            ---
            Tekst.
            """)
        let result = try await SitegenBinary.run(["check", "--source", site.source.path])

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout == "sitegen check: 1 error\n", "\(result)")
        #expect(result.stderr.hasPrefix("content/articles/lpg-prisen.md:4:1: error: unknown key `status`"), "\(result)")
    }
}
