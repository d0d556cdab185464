import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// `sitegen serve` rebuilds by reusing what the last build made (`SiteBuilder.rebuild`).
/// Whatever an editor changes, the served site must then be exactly the site a fresh
/// `sitegen build` makes: each test here edits the example site, rebuilds in place, and
/// compares every file with a clean build of the same files.
@Suite("Incremental rebuilds")
struct IncrementalRebuildTests {
    /// One serve session: the site, its memo, and the folder it serves.
    final class Session {
        let site: TestSite
        var memo = BuildMemo()
        var served: URL { site.folder.appendingPathComponent("served") }
        var fresh: URL { site.folder.appendingPathComponent("fresh") }

        init() async throws {
            site = try TestSite.exampleSite()
            let summary = try await rebuild()
            #expect(summary.rendered == summary.files, "the first build renders everything")
        }

        /// Rebuilds in place, as `sitegen serve` does (a link broken while editing is a
        /// warning), and checks the result against a fresh full build.
        @discardableResult
        func rebuild(sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> BuildSummary {
            let (result, next) = await SiteBuilder.rebuild(site.options(output: served, allowsBrokenLinks: true), reusing: memo)
            memo = next
            let summary = try result.get()
            try? FileManager.default.removeItem(at: fresh)
            try await site.build(output: fresh, allowsBrokenLinks: true)
            try expectSameFiles(served, fresh, sourceLocation: sourceLocation)
            return summary
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOf: site.source.appendingPathComponent(path), encoding: .utf8)
            let changed = change(text)
            precondition(changed != text, "the edit of \(path) changed nothing")
            try site.write(path, changed)
        }

        /// The inode of a served file: a file written again gets a new one (it is renamed into place).
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(atPath: served.appendingPathComponent(path).path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
    }

    static func expectSameFiles(_ served: URL, _ fresh: URL, sourceLocation: Testing.SourceLocation) throws {
        let servedFiles = try FileTree.files(under: served)
        let freshFiles = try FileTree.files(under: fresh)
        #expect(servedFiles == freshFiles, "files only served: \(Set(servedFiles).subtracting(freshFiles).sorted()); only built: \(Set(freshFiles).subtracting(servedFiles).sorted())",
                sourceLocation: sourceLocation)
        let differing = Set(servedFiles).intersection(freshFiles).sorted().filter { path in
            FileManager.default.contents(atPath: served.appendingPathComponent(path).path)
                != FileManager.default.contents(atPath: fresh.appendingPathComponent(path).path)
        }
        #expect(differing.isEmpty, "served files that differ from a fresh build: \(differing)", sourceLocation: sourceLocation)
        // Folders too: a page that is gone must not leave an empty folder behind.
        let folders = { (root: URL) in
            (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) && isFolder.boolValue
            }.sorted()
        }
        #expect(folders(served) == folders(fresh), sourceLocation: sourceLocation)
    }

    static let event = "content/events/2022-01-05-akimatet-stormet.md"

    @Test func anEditToAnEventsTextRendersItsPageAndTheTimelinesNotTheWholeSite() async throws {
        let session = try await Session()
        let articleList = try session.inode("artikler/index.html")
        let eventPage = try session.inode("tidslinje/2022-01-05-akimatet-stormet/index.html")
        try session.edit(Self.event) { text in text + "\nEn ny oplysning om stormen på akimatet.\n" }
        let summary = try await session.rebuild()
        #expect(summary.rendered < summary.files / 4, "rendered \(summary.rendered) of \(summary.files) files")
        #expect(try session.inode("artikler/index.html") == articleList, "the article list does not show event texts")
        #expect(try session.inode("tidslinje/2022-01-05-akimatet-stormet/index.html") != eventPage)
        #expect(try session.site.outputText("tidslinje/2022-01-05-akimatet-stormet/", in: session.served).contains("En ny oplysning om stormen"))
        #expect(try session.site.outputText("tidslinje/", in: session.served).contains("En ny oplysning om stormen"))
    }

    @Test func replacingAPhotoPublishesTheNewOneAndRemovesTheOld() async throws {
        let session = try await Session()
        let photo = "content/articles/demonstration-almaty.jpg"
        let before = try session.site.outputFiles(in: session.served).filter { $0.hasPrefix("img/") }
        try session.site.write(photo, bytes: try TestPhotos.jpeg(width: 800, height: 500))
        let summary = try await session.rebuild()
        #expect(summary.timings.map(\.stage).contains("images (1 resized, 0 from the cache)"))
        let after = try session.site.outputFiles(in: session.served).filter { $0.hasPrefix("img/") }
        #expect(Set(before).isDisjoint(with: after), "a new photo, new names")
        #expect(after.count == 5, "480 and 800 wide, WebP and JPEG, and the share image: \(after)")
        try session.site.remove(photo)
        try await session.rebuild()
    }

    @Test func aRebuildWithNothingChangedRendersNothing() async throws {
        let session = try await Session()
        let summary = try await session.rebuild()
        #expect(summary.rendered == 0)
    }

    @Test func frontMatterEditsReachEveryListThatShowsTheEvent() async throws {
        let session = try await Session()
        try session.edit(Self.event) { $0.replacingOccurrences(of: "title: ", with: "title: Ny overskrift - ") }
        try await session.rebuild()
        try session.edit(Self.event) { $0.replacingOccurrences(of: "date: 2022-01-05", with: "date: 2022-01-03") }
        try await session.rebuild()
        try session.edit(Self.event) { $0.replacingOccurrences(of: "status: reported", with: "status: disputed") }
        try await session.rebuild()
        try session.edit(Self.event) { $0.replacingOccurrences(of: "key: true", with: "key: false") }
        try await session.rebuild()
        try session.edit(Self.event) { $0.replacingOccurrences(of: "place: almaty", with: "place: aktau") }
        try await session.rebuild()
    }

    @Test func addingRenamingAndRemovingFiles() async throws {
        let session = try await Session()
        try session.site.write("content/events/2022-01-06-ny-begivenhed.md", """
            ---
            title: En ny begivenhed om LPG
            date: 2022-01-06T10:00:00+06:00
            place: almaty
            sources: [Reuters]
            status: reported
            tags: [protester, nyt-emne]
            ---
            Priskontrol og undtagelsestilstand nævnes her.
            """)
        try await session.rebuild()
        try FileManager.default.moveItem(at: session.site.source.appendingPathComponent("content/articles/lpg-prisen.md"),
                                         to: session.site.source.appendingPathComponent("content/articles/prisen-paa-lpg.md"))
        try await session.rebuild()
        try session.site.remove("content/events/2022-01-06-ny-begivenhed.md")
        try await session.rebuild()
        try session.site.write("content/billeder/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        try await session.rebuild()
        try session.site.write("content/billeder/kort.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\"/>\n")
        try await session.rebuild()
    }

    @Test func glossaryEditsRelinkEveryBody() async throws {
        let session = try await Session()
        // A new alias makes "flydende gas" in other bodies a link; the term's own text is just text.
        try session.edit("content/glossary/lpg.md") { $0.replacingOccurrences(of: "aliases: [autogas, flydende gas]", with: "aliases: [autogas, flydende gas, gnisten]") }
        try await session.rebuild()
        try session.edit("content/glossary/lpg.md") { $0.replacingOccurrences(of: "short: Flydende gas", with: "short: Gas på flydende form") }
        try await session.rebuild()
        try session.edit("content/glossary/lpg.md") { $0 + "\nEt nyt afsnit.\n" }
        try await session.rebuild()
        // An article that starts to use a term shows up on the term's page.
        try session.edit("content/articles/akimatet-i-almaty.md") { $0 + "\nOgså chokgranater blev brugt.\n" }
        try await session.rebuild()
    }

    @Test func dataFilesPlacesSourcesAndTemplates() async throws {
        let session = try await Session()
        try session.edit("content/events/agenturdata.yaml") { $0.replacingOccurrences(of: "title: Tusinder demonstrerer i Almaty", with: "title: Titusinder demonstrerer i Almaty") }
        try await session.rebuild()
        try session.edit("content/places.yaml") { $0.replacingOccurrences(of: "lat: 43.25", with: "lat: 43.26") }
        try await session.rebuild()
        try session.edit("content/sources.yaml") { $0 + "ny-kilde:\n  name: Ny kilde\n  description: En kilde, der kun står her.\n" }
        try await session.rebuild()
        // What readers read beside the content: a place's sentence, a tag's name, the sources page's text.
        try session.edit("content/places.yaml") { $0.replacingOccurrences(of: "Hovedstaden i Mangistau-provinsen", with: "Provinshovedstaden i Mangistau") }
        try await session.rebuild()
        try session.edit("content/tags.yaml") { $0.replacingOccurrences(of: "politi: Politiet", with: "politi: Politi og sikkerhed") }
        try await session.rebuild()
        try session.edit("content/sources.md") { $0 + "\nEt nyt afsnit om kilderne.\n" }
        try await session.rebuild()
        try session.edit("content/index.md") { $0.replacingOccurrences(of: "**Udløseren:**", with: "**Årsagen:**") }
        try await session.rebuild()
        try session.edit("Templates/partials/event-summary.mustache") { $0 + "\n" }
        try await session.rebuild()
        try session.edit("Templates/strings/da.yaml") { $0.replacingOccurrences(of: "Tidslinje", with: "Tidslinjen") }
        try await session.rebuild()
        try session.edit("site.yaml") { $0.replacingOccurrences(of: "title: ", with: "title: Nyt - ") }
        try await session.rebuild()
        try session.edit("site.yaml") { $0.replacingOccurrences(of: "newWindow: 3h", with: "newWindow: 1d") }
        try await session.rebuild()
    }

    @Test func embeddedTimelinesAndMapsFollowTheEventsAndPlacesTheyShow() async throws {
        let session = try await Session()
        // regeringen-gaar-af.md embeds a timeline; lpg-prisen.md a map.
        try session.edit("content/events/2022-01-05-regeringen-gaar-af.md") { $0.replacingOccurrences(of: "title: ", with: "title: Nu - ") }
        try await session.rebuild()
        try session.edit("content/articles/akimatet-i-almaty.md") { $0.replacingOccurrences(of: "places: [", with: "places: [zhanaozen, ") }
        try await session.rebuild()
    }

    @Test func aBrokenFileFailsAndTheFixRebuilds() async throws {
        let session = try await Session()
        let original = try String(contentsOf: session.site.source.appendingPathComponent(Self.event), encoding: .utf8)
        try session.edit(Self.event) { $0.replacingOccurrences(of: "date: 2022-01-05", with: "date: 2022-13-05") }
        let (result, next) = await SiteBuilder.rebuild(session.site.options(output: session.served), reusing: session.memo)
        session.memo = next
        #expect(throws: BuildFailure.self) { try result.get() }
        try session.site.write(Self.event, original + "\nRettet.\n")
        let summary = try await session.rebuild()
        #expect(summary.rendered < summary.files / 4, "the fix re-renders what it changed, not the site")
    }
}
