import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// What a build does to the output folder: all or nothing, and never to the editors' own files.
@Suite("Output folder")
struct OutputFolderTests {
    static let goodArchive = Sites.archive("""
        -- content/articles/lpg.md --
        ---
        title: Prisen på LPG
        date: 2022-01-05
        ---
        Tekst.
        """)

    @Test func aFailedBuildLeavesTheOutputAsItWas() async throws {
        let site = try TestSite(Self.goodArchive)
        try await site.build()
        let before = try FileTree.contents(of: site.output)
        #expect(before["artikler/lpg/index.html"] != nil)
        let siblingsBefore = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted()

        try site.write("content/articles/lpg.md", """
            ---
            title: Prisen på LPG
            date: 2022-13-05
            ---
            Ændret tekst.
            """)
        try site.write("content/articles/ny.md", "---\ntitle: Ny\ndate: 2022-01-06\n---\nNy.\n")
        let diagnostics = await site.buildFailure()
        #expect(diagnostics == ["content/articles/lpg.md:3:7: error: invalid date `2022-13-05` in `date`: there is no month 13"])

        let after = try FileTree.contents(of: site.output)
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after == before, "the output changed after a failed build")
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).sorted() == siblingsBefore,
                "the failed build left files next to the output")
    }

    /// Files sitegen leaves next to the output besides the output itself. The previous output is
    /// kept on purpose as `.public.sitegen-spare` (reused as the next staging folder); half-done
    /// `-new-` and `-old-` folders must never stay behind.
    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.contains(".sitegen-") && !$0.hasSuffix(".sitegen-spare") && !$0.hasSuffix(".sitegen-manifest") }.sorted()
    }

    @Test func aGoodBuildReplacesTheOutputWhole() async throws {
        let site = try TestSite(Self.goodArchive)
        try await site.build()
        try site.remove("content/articles/lpg.md")
        try site.write("content/articles/ny.md", "---\ntitle: En ny artikel\ndate: 2022-01-06\n---\nNy.\n")

        try await site.build()

        var files = try site.outputFiles()
        #expect(!files.contains("artikler/lpg/index.html"), "the page of a deleted article is still there")
        #expect(files.contains("artikler/ny/index.html"))
        #expect(try site.outputText("artikler/").contains("En ny artikel"))
        #expect(try Self.leftovers(in: site.folder) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { !$0.hasPrefix(".") }.sorted() == ["public", "site"])

        // Once more: now the previous output is reused as the staging folder and must be pruned.
        try site.remove("content/articles/ny.md")
        try site.write("content/articles/nyere.md", "---\ntitle: En nyere artikel\ndate: 2022-01-07\n---\nNyere.\n")
        try await site.build()

        files = try site.outputFiles()
        #expect(!files.contains("artikler/ny/index.html"), "the page of a deleted article is still there")
        #expect(try site.outputText("artikler/nyere/").contains("<h1>En nyere artikel</h1>"))
        #expect(!(try site.outputText("artikler/").contains("En ny artikel")))
        #expect(try Self.leftovers(in: site.folder) == [])
        let fresh = try TestSite(Sites.archive("""
            -- content/articles/nyere.md --
            ---
            title: En nyere artikel
            date: 2022-01-07
            ---
            Nyere.
            """))
        try await fresh.build()
        #expect(try FileTree.contents(of: site.output) == FileTree.contents(of: fresh.output),
                "a rebuild differs from a build of the same site from scratch")
    }

    /// An asset that turns from a file into a folder (or back) between builds: every build
    /// of a valid site must succeed, including the ones that reuse the previous output.
    @Test(arguments: [true, false])
    func aPathThatChangesBetweenFileAndFolderBuilds(startsAsFile: Bool) async throws {
        let site = try TestSite(Self.goodArchive)
        func useFile(_ asFile: Bool) throws {
            try? site.remove("content/filer/data")
            if asFile {
                try site.write("content/filer/data", "a,b\n")
            } else {
                try site.write("content/filer/data/x.csv", "x\n")
            }
        }
        try useFile(startsAsFile)
        try await site.build()
        try await site.build()
        try useFile(!startsAsFile)
        try await site.build()

        let expected = startsAsFile ? "filer/data/x.csv" : "filer/data"
        #expect(try site.outputFiles().contains(expected))
    }

    @Test func theBuildRefusesToWriteOverTheSiteFolder() async throws {
        let site = try TestSite(Self.goodArchive)
        let diagnostics = await site.buildFailure(output: site.source)
        #expect(diagnostics == [
            "\(site.source.path):1:1: error: refusing to write the site to \(site.source.path): it is the site folder or one of its parents; use a folder such as public/"
        ])
        #expect(FileManager.default.fileExists(atPath: site.source.appendingPathComponent("content/articles/lpg.md").path))
    }

    @Test func theBuildRefusesToWriteOverAParentOfTheSiteFolder() async throws {
        let site = try TestSite(Self.goodArchive)
        let diagnostics = await site.buildFailure(output: site.folder)
        #expect(diagnostics == [
            "\(site.folder.path):1:1: error: refusing to write the site to \(site.folder.path): it is the site folder or one of its parents; use a folder such as public/"
        ])
        #expect(FileManager.default.fileExists(atPath: site.source.appendingPathComponent("content/articles/lpg.md").path))
    }

    @Test func theBuildRefusesAnOutputThatHoldsAContentFolder() async throws {
        let site = try TestSite(Self.goodArchive)
        let other = site.folder.appendingPathComponent("anden-side")
        try FileManager.default.createDirectory(at: other.appendingPathComponent("content"), withIntermediateDirectories: true)
        try "vigtig".write(to: other.appendingPathComponent("content/index.md"), atomically: true, encoding: .utf8)

        let diagnostics = await site.buildFailure(output: other)
        #expect(diagnostics == [
            "\(other.path):1:1: error: refusing to replace \(other.path): it holds a content/ folder or a site.yaml, so it looks like a site, not a build"
        ])
        #expect(try String(contentsOf: other.appendingPathComponent("content/index.md"), encoding: .utf8) == "vigtig")
    }

    @Test func theBuildRefusesAnOutputInsideContent() async throws {
        let site = try TestSite(Self.goodArchive)
        let inside = site.source.appendingPathComponent("content/public")
        let diagnostics = await site.buildFailure(output: inside)
        #expect(diagnostics == [
            "content/public:1:1: error: refusing to write the site to \(inside.path): it holds or lies inside the site's content or templates"
        ])
        #expect(!FileManager.default.fileExists(atPath: inside.path))
    }
}

/// `strict` turns warnings into a failed build, for CI.
@Suite("Strict builds")
struct StrictBuildTests {
    static let archive = Sites.archive("""
        -- content/events/2022-01-05-uden-kilde.md --
        ---
        title: En begivenhed uden kilde
        date: 2022-01-05
        ---
        Tekst.
        """)

    static let warning = "content/events/2022-01-05-uden-kilde.md:2:1: warning: event `2022-01-05-uden-kilde` has no sources; add `sources: [Reuters]` so readers see who reported it"

    @Test func aWarningDoesNotStopANormalBuild() async throws {
        let site = try TestSite(Self.archive)
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [Self.warning])
        #expect(try site.outputText("tidslinje/2022-01-05-uden-kilde/").contains("<p class=\"sources\">Ingen kilde angivet.</p>"))
    }

    @Test func aWarningFailsAStrictBuild() async throws {
        let site = try TestSite(Self.archive)
        let diagnostics = await site.buildFailure(strict: true)
        #expect(diagnostics == [Self.warning])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}

/// A plain build records what it read and wrote beside the output; the next build with
/// nothing changed does nothing, and any change makes it build again.
@Suite("Unchanged builds")
struct UnchangedBuildTests {
    @Test func aBuildWithNothingChangedRendersNothingAndAnyChangeBuildsAgain() async throws {
        let site = try TestSite.exampleSite()
        let first = try await site.build(baseURL: "https://example.org/")
        #expect(first.rendered == first.files)
        let before = try FileTree.contents(of: site.output)

        let unchanged = try await site.build(baseURL: "https://example.org/")
        #expect(unchanged.rendered == 0)
        #expect(unchanged.files == first.files && unchanged.pages == first.pages)
        #expect(try FileTree.contents(of: site.output) == before)

        // Another option, an edited file, a touched output file: each builds again.
        #expect(try await site.build(baseURL: "https://example.org/sub/").rendered > 0)
        #expect(try await site.build(baseURL: "https://example.org/").rendered > 0)
        try site.write("content/index.md", try String(contentsOf: site.source.appendingPathComponent("content/index.md"), encoding: .utf8) + "\nMere tekst.\n")
        #expect(try await site.build(baseURL: "https://example.org/").rendered > 0)
        #expect(try site.outputText("").contains("Mere tekst."))
        try "x".write(to: site.output.appendingPathComponent("robots.txt"), atomically: true, encoding: .utf8)
        #expect(try await site.build(baseURL: "https://example.org/").rendered > 0)
        #expect(try site.outputText("robots.txt") != "x")
        #expect(try await site.build(baseURL: "https://example.org/").rendered == 0)
    }
}
