import Foundation
import SiteGenTestSupport
import Testing

/// `sitegen init`: a new site that builds and checks clean at once, and never over existing files.
@Suite("sitegen init")
struct SitegenInitTests {
    @Test func createsASiteThatBuildsAndChecksClean() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let created = try await SitegenBinary.run(["init", "krise", "--title", "Krisen: overblik"], in: scratch)
        #expect(created.exitCode == 0, "\(created)")
        #expect(created.stdout == "Created krise/ with site.yaml, content/ and Templates/.\nNext: cd krise && sitegen serve\n", "\(created)")

        let site = scratch.appendingPathComponent("krise")
        let contents = try FileManager.default.subpathsOfDirectory(atPath: site.appendingPathComponent("content").path).sorted()
        #expect(contents == [
            "articles", "articles/baggrund.md", "events", "events/2022-01-04-foerste-melding.md",
            "events/2022-01-05-bekraeftelse.md", "glossary", "glossary/undtagelsestilstand.md", "index.md", "places.yaml",
        ])

        let check = try await SitegenBinary.run(["check"], in: site)
        #expect(check.exitCode == 0, "\(check)")
        #expect(check.stdout == "sitegen check: no problems\n", "\(check)")
        let build = try await SitegenBinary.run(["build"], in: site)
        #expect(build.exitCode == 0, "\(build)")
        let home = try String(contentsOf: site.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("<title>Krisen: overblik</title>"))
    }

    @Test func refusesAFolderThatIsNotEmpty() async throws {
        let site = try TestSite("""
            -- notes.txt --
            Mine noter.
            """)
        let result = try await SitegenBinary.run(["init", site.source.path])

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr == "error: \(site.source.path) already exists and is not empty; sitegen init only creates new sites\n", "\(result)")
        #expect(try String(contentsOf: site.source.appendingPathComponent("notes.txt"), encoding: .utf8) == "Mine noter.\n")
    }

    /// Failures are told in words, naming the path, not as "NSCocoaErrorDomain error 512".
    @Test func aFileWhereTheFolderGoesIsRefusedInWords() async throws {
        let site = try TestSite("""
            -- notes.txt --
            Mine noter.
            """)
        let file = site.source.appendingPathComponent("notes.txt").path

        let onTheFile = try await SitegenBinary.run(["init", file])
        #expect(onTheFile.exitCode == 1, "\(onTheFile)")
        #expect(onTheFile.stderr == "error: \(file) already exists and is not a folder; sitegen init only creates new sites\n", "\(onTheFile)")

        let inTheFile = try await SitegenBinary.run(["init", file + "/ny-side"])
        #expect(inTheFile.exitCode == 1, "\(inTheFile)")
        #expect(inTheFile.stderr == "error: cannot write \(file)/ny-side: not a directory\n", "\(inTheFile)")
        #expect(try String(contentsOf: site.source.appendingPathComponent("notes.txt"), encoding: .utf8) == "Mine noter.\n")
    }
}
