import Foundation
import SiteGenTestSupport
import Testing

/// The `sitegen` binary as users run it: help text, what a build prints, exit codes.
@Suite("sitegen command line")
struct SitegenCLITests {
    static let siteYAML = """
        title: Uroen i Kasakhstan
        language: da
        baseURL: https://example.org/
        """

    static let goodSite = """
        -- site.yaml --
        \(siteYAML)
        -- content/index.md --
        ---
        title: Uroen i Kasakhstan
        ---
        Tekst.
        -- content/articles/lpg-prisen.md --
        ---
        title: Derfor steg prisen på LPG
        date: 2022-01-05
        ---
        Tekst.
        -- content/articles/udkast.md --
        ---
        title: Et udkast
        date: 2022-01-05
        draft: true
        ---
        Tekst.
        """

    @Test func helpListsTheBuildSubcommand() async throws {
        let result = try await SitegenBinary.run(["--help"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("USAGE: sitegen <subcommand>"), "\(result)")
        #expect(result.stdout.contains("SUBCOMMANDS:"), "\(result)")
        #expect(result.stdout.contains("  build                   Build the site into public/."), "\(result)")
    }

    @Test func buildHelpDocumentsEveryOption() async throws {
        let result = try await SitegenBinary.run(["build", "--help"])
        #expect(result.exitCode == 0, "\(result)")
        let usage = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("USAGE: sitegen build") }, "\(result)")
        for option in ["[--source <dir>]", "[--output <dir>]", "[--base-url <url>]", "[--drafts]", "[--strict]"] {
            #expect(usage.contains(option), "usage line lacks \(option): \(usage)")
        }
        let options = Self.optionHelp(result.stdout)
        #expect(options["--source <dir>"] == "The site folder, holding site.yaml, content/ and Templates/. (default: .)", "\(result)")
        #expect(options["--output <dir>"] == "Where to write the site (default: public/ in the site folder).", "\(result)")
        #expect(options["--base-url <url>"] == "The address the site is published at, overriding site.yaml's baseURL.", "\(result)")
        #expect(options["--drafts"] == "Include pages marked `draft: true`.", "\(result)")
        #expect(options["--strict"] == "Treat warnings as errors.", "\(result)")
    }

    /// The OPTIONS section of ArgumentParser's help as option → its help text, with wrapped lines joined.
    static func optionHelp(_ help: String) -> [String: String] {
        var result: [String: String] = [:]
        var current: String?
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "OPTIONS:" { inOptions = true; continue }
            guard inOptions else { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { current = nil; continue }
            if line.hasPrefix("  -") {
                // "  --source <dir>          The site folder, ..." : the option, then two or more spaces.
                let text = line.dropFirst(2)
                let parts = text.split(separator: "  ", maxSplits: 1)
                let option = String(parts[0])
                current = option
                result[option] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            } else if let option = current {
                result[option, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        return result.mapValues { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func aSuccessfulBuildPrintsOneLineAndExitsZero() async throws {
        let site = try TestSite(Self.goodSite)
        let result = try await SitegenBinary.run(["build", "--source", site.source.path, "--output", site.output.path])

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr == "", "\(result)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 1, "\(result)")
        let line = try #require(lines.first.map(String.init))
        #expect(line.hasPrefix("Built "))
        let pages = try site.outputFiles().filter { $0.hasSuffix(".html") }.count
        // The site's files; sitegen's list of them (`.sitegen-output`) is not one.
        let files = try site.outputFiles().filter { $0 != ".sitegen-output" }.count
        let pattern = #"^Built \#(pages) pages \(\#(files) files\) in [0-9]+\.[0-9]{2} s → \#(NSRegularExpression.escapedPattern(for: site.output.path))$"#
        #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(line) does not match \(pattern)")
        #expect(!site.outputExists("artikler/udkast/"))
    }

    @Test func buildWritesToPublicInTheSiteFolderByDefault() async throws {
        let site = try TestSite(Self.goodSite)
        let result = try await SitegenBinary.run(["build"], in: site.source)

        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.hasSuffix(" → public/\n"), "\(result)")
        #expect(FileManager.default.fileExists(atPath: site.source.appendingPathComponent("public/artikler/lpg-prisen/index.html").path))
    }

    @Test func theOptionsReachTheBuild() async throws {
        let site = try TestSite(Self.goodSite)
        let result = try await SitegenBinary.run([
            "build", "--source", site.source.path, "--output", site.output.path,
            "--base-url", "https://example.org/kasakhstan/", "--drafts",
        ])

        #expect(result.exitCode == 0, "\(result)")
        #expect(site.outputExists("artikler/udkast/"), "--drafts did not include the draft")
        let page = try site.outputText("artikler/lpg-prisen/")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/kasakhstan/artikler/lpg-prisen/\">"), "--base-url was not used")
    }

    @Test func aBrokenSiteExitsOneAndShowsTheOffendingLine() async throws {
        let site = try TestSite(Self.goodSite)
        try site.write("content/articles/lpg-prisen.md", """
            ---
            title: Derfor steg prisen på LPG
            date: 2022-13-05
            ---
            Tekst.
            """)
        let result = try await SitegenBinary.run(["build", "--source", site.source.path, "--output", site.output.path])

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout == "", "\(result)")
        #expect(result.stderr == """
            content/articles/lpg-prisen.md:3:7: error: invalid date `2022-13-05` in `date`: there is no month 13
             1 | ---
             2 | title: Derfor steg prisen på LPG
             3 | date: 2022-13-05
               |       ^
             4 | ---
             5 | Tekst.
            build failed: 1 error

            """, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func strictTurnsAWarningIntoExitCodeOne() async throws {
        let site = try TestSite(Self.goodSite)
        try site.write("content/events/2022-01-05-uden-kilde.md", "---\ntitle: Uden kilde\ndate: 2022-01-05\n---\nTekst.\n")
        let warning = "content/events/2022-01-05-uden-kilde.md:2:1: warning: event `2022-01-05-uden-kilde` has no sources; add `sources: [Reuters]` so readers see who reported it"

        let normal = try await SitegenBinary.run(["build", "--source", site.source.path, "--output", site.output.path])
        #expect(normal.exitCode == 0, "\(normal)")
        #expect(normal.stderr.hasPrefix(warning + "\n"), "\(normal)")

        let strict = try await SitegenBinary.run(["build", "--strict", "--source", site.source.path, "--output", site.output.path])
        #expect(strict.exitCode == 1, "\(strict)")
        #expect(strict.stderr.hasPrefix(warning + "\n"), "\(strict)")
        #expect(strict.stderr.hasSuffix("build failed: 1 warning\n"), "\(strict)")
    }

    @Test func nowSetsTheBuildTimeAndABadOneIsRefused() async throws {
        let site = try TestSite(Self.goodSite)
        let bad = try await SitegenBinary.run(["build", "--now", "i morgen", "--source", site.source.path, "--output", site.output.path])
        #expect(bad.exitCode != 0, "\(bad)")
        #expect(bad.stderr.contains("invalid --now `i morgen`"), "\(bad)")

        let good = try await SitegenBinary.run(["build", "--now", "2022-01-06T08:00:00+01:00", "--source", site.source.path, "--output", site.output.path])
        #expect(good.exitCode == 0, "\(good)")
    }

    /// The good site with `photo` as content/articles/foto.jpg, shown in the first article.
    static func siteShowing(photo: [UInt8]) throws -> TestSite {
        let site = try TestSite(goodSite.replacingOccurrences(of: "date: 2022-01-05\n---\nTekst.\n-- content/articles/udkast.md", with: """
            date: 2022-01-05
            ---
            ![Demonstranter i Almaty](foto.jpg)
            -- content/articles/udkast.md
            """))
        try site.write("content/articles/foto.jpg", bytes: photo)
        return site
    }

    @Test("Without libvips a site builds until a photo needs resizing, and then says what to install")
    func withoutLibvips() async throws {
        let missing = ["SITEGEN_LIBVIPS": "/nonexistent/libvips.so.42"]
        let plain = try TestSite(Self.goodSite)
        let built = try await SitegenBinary.run(["build", "--source", plain.source.path, "--output", plain.output.path], environment: missing)
        #expect(built.exitCode == 0, "\(built)")

        let withPhoto = try Self.siteShowing(photo: try TestPhotos.jpeg(width: 800, height: 600))
        let failed = try await SitegenBinary.run(["build", "--source", withPhoto.source.path, "--output", withPhoto.output.path], environment: missing)
        #expect(failed.exitCode == 1, "\(failed)")
        #expect(failed.stderr.contains("content/articles/foto.jpg"), "\(failed)")
        #expect(failed.stderr.contains("libvips could not be loaded"), "\(failed)")
        #expect(failed.stderr.contains("apt-get install libvips42"), "\(failed)")
    }

    @Test func aSecondBuildResizesNoPhotoAndABrokenLinkFailsWithItsLine() async throws {
        let site = try Self.siteShowing(photo: try TestPhotos.jpegWithGPS(width: 1200, height: 800))
        let arguments = ["build", "--timings", "--source", site.source.path, "--output", site.output.path]
        let first = try await SitegenBinary.run(arguments)
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdout.contains("  images (1 resized, 0 from the cache): "), "\(first)")
        // Into another folder: the same one again would be a build with nothing changed, which resizes nothing either.
        let elsewhere = site.folder.appendingPathComponent("second").path
        let second = try await SitegenBinary.run(["build", "--timings", "--source", site.source.path, "--output", elsewhere])
        #expect(second.stdout.contains("  images (0 resized, 1 from the cache): "), "\(second)")
        let unchanged = try await SitegenBinary.run(arguments)
        #expect(unchanged.stdout.contains("Nothing changed since the last build"), "\(unchanged)")

        try site.write("content/index.md", "---\ntitle: Uroen i Kasakhstan\n---\nSe [artiklen](articles/lpg-prise.md).\n")
        let broken = try await SitegenBinary.run(arguments)
        #expect(broken.exitCode == 1, "\(broken)")
        #expect(broken.stderr.hasPrefix("content/index.md:4:4: error: link `articles/lpg-prise.md` points to content/articles/lpg-prise.md, which is no page of the site (missing, or a draft); did you mean `/content/articles/lpg-prisen.md`?\n"), "\(broken)")
        let allowed = try await SitegenBinary.run(["build", "--allow-broken-links"] + arguments.dropFirst())
        #expect(allowed.exitCode == 0, "\(allowed)")
        #expect(allowed.stderr.hasPrefix("content/index.md:4:4: warning: link `articles/lpg-prise.md`"), "\(allowed)")
    }
}
