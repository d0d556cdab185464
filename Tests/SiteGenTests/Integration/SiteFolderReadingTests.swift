import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// What the build reads of the site folder: everything in it, or an error naming what it
/// could not read; and nothing outside it (issue 14, items 6, 7 and 11).
@Suite("Reading the site folder")
struct SiteFolderReadingTests {
    static let manager = FileManager.default

    static let archive = Sites.archive("""
        -- content/articles/lpg.md --
        ---
        title: Prisen på LPG
        date: 2022-01-05
        ---
        Prisen på LPG steg.
        -- content/glossary/lpg.md --
        ---
        title: LPG
        short: Flydende gas.
        ---
        Gas.
        """)

    /// `ln -s /etc/passwd content/passwd.txt` used to put the file into public/.
    @Test func aLinkOutOfTheSiteIsRefusedAtItsPath() async throws {
        let site = try TestSite(Self.archive)
        let secret = site.folder.appendingPathComponent("hemmelig.txt")
        try Data("hemmelig\n".utf8).write(to: secret)
        try Self.link(site, "content/passwd.txt", to: secret.path)
        try Self.link(site, "content/articles/ude.md", to: secret.path)

        let diagnostics = await site.buildFailure()
        let problem = "this link points to \(secret.path), outside the site folder; sitegen does not publish files from outside the site: copy the file into the site instead"
        #expect(diagnostics == [
            "content/articles/ude.md:1:1: error: \(problem)",
            "content/passwd.txt:1:1: error: \(problem)",
        ])
        #expect(!Self.manager.fileExists(atPath: site.output.path))
    }

    /// These used to end in "site.yaml:1:1: cannot write the site".
    @Test func linksToAFolderInACircleOrToNothingAreNamed() async throws {
        let site = try TestSite(Self.archive)
        try Self.link(site, "content/billeder", to: site.source.appendingPathComponent("content/articles").path)
        try Self.link(site, "content/rundt.png", to: "rundt.png")
        try Self.link(site, "content/væk.png", to: site.source.appendingPathComponent("content/findes-ikke.png").path)

        let diagnostics = await site.buildFailure()
        #expect(diagnostics == [
            "content/billeder:1:1: error: this link points to a folder (\(site.source.resolvingSymlinksInPath().path)/content/articles); "
                + "sitegen does not follow links to folders: move or copy the folder here instead",
            "content/rundt.png:1:1: error: this link leads in a circle; replace it with the file it should point to",
            "content/væk.png:1:1: error: this link points to \(site.source.path)/content/findes-ikke.png, which does not exist; remove the link or restore the file",
        ])
    }

    @Test func aLinkToAFileInTheSiteIsFollowed() async throws {
        let site = try TestSite(Self.archive)
        try site.write("content/filer/data.csv", "a,b\n")
        try Self.link(site, "content/data.csv", to: "filer/data.csv")
        try await site.build()
        #expect(try site.outputText("data.csv") == "a,b\n")
    }

    /// `chmod 000 content/articles` used to build a site without its articles, and exit 0.
    @Test(arguments: ["content/articles", "content/glossary", "content", "Templates"])
    func anUnreadableFolderIsAnError(folder: String) async throws {
        let site = try TestSite(Self.archive)
        let diagnostics = await Self.buildFailure(site, denying: [folder])
        #expect(diagnostics.contains(
            "\(folder):1:1: error: cannot read this folder (permission denied), so its files would be missing from the site; make it readable (chmod -R a+rX \(folder))"),
            "\(diagnostics)")
        #expect(!Self.manager.fileExists(atPath: site.output.path))
    }

    @Test func anUnreadableFileIsAnError() async throws {
        let site = try TestSite(Self.archive)
        let diagnostics = await Self.buildFailure(site, denying: ["content/glossary/lpg.md"])
        #expect(diagnostics == [
            "content/glossary/lpg.md:1:1: error: cannot read this file (permission denied); make it readable (chmod a+r content/glossary/lpg.md)"
        ])
    }

    /// A file that cannot be read when it is copied: the write stage names it (it used to say
    /// "site.yaml:1:1: cannot write the site"), and the last site stays as it was.
    @Test func aFileThatCannotBeCopiedIsNamed() async throws {
        let site = try TestSite(Self.archive)
        try await site.build()
        let before = try FileTree.contents(of: site.output)
        try site.write("content/billeder/kort.png", "png\n")

        let diagnostics = await Self.buildFailure(site, denying: ["content/billeder/kort.png"])
        #expect(diagnostics == ["content/billeder/kort.png:1:1: error: cannot copy this file into the site: permission denied"])
        #expect(try FileTree.contents(of: site.output) == before)
    }

    /// An image whose name was written in Latin-1 (`ø` as the single byte F8).
    @Test func aFileNameThatIsNotUTF8IsNamed() async throws {
        let site = try TestSite(Self.archive)
        let name = Array(site.source.appendingPathComponent("content/k").path.utf8) + [0xF8] + Array("benhavn.png".utf8)
        let descriptor = (name + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)

        let diagnostics = await site.buildFailure()
        #expect(diagnostics == [
            "content/k\\xF8benhavn.png:1:1: error: this name is not UTF-8 (the odd bytes are shown as \\xNN), so sitegen cannot make an address from it; rename it"
        ])
    }

    static func link(_ site: TestSite, _ path: String, to destination: String) throws {
        let link = site.source.appendingPathComponent(path)
        try manager.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: link.path, withDestinationPath: destination)
    }

    /// Builds with the named site paths unreadable (see `FileAccess.denying`).
    static func buildFailure(_ site: TestSite, denying paths: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> [String] {
        var options = site.options()
        options.fileAccess = .denying(paths.map { site.source.appendingPathComponent($0) })
        do {
            let summary = try await SiteBuilder.build(options)
            Issue.record("the build succeeded (\(summary.pages) pages) but should have failed", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
