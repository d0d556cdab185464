import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// sitegen replaces only folders it made: a mistyped `--output` must never cost a file
/// (issue 14, item 1). Each test puts something that is not sitegen's where a build looks,
/// builds, and checks the build said so and the thing is still there, byte for byte.
@Suite("Output folders sitegen did not make")
struct OutputOwnershipTests {
    static let manager = FileManager.default

    /// A folder of someone's files, passed as the output twice: the first build used to move
    /// it aside as the spare, and the second pruned it as its staging folder.
    @Test func aFolderOfOtherFilesIsRefusedAndKept() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        let output = site.folder.appendingPathComponent("X")
        try Self.write("important\n", to: output.appendingPathComponent("docs/thesis.txt"))

        for _ in 1...2 {
            let diagnostics = await site.buildFailure(output: output)
            #expect(diagnostics == [
                "\(output.path):1:1: error: refusing to write the site to \(output.path): it is not empty (docs), and sitegen did not make it "
                    + "(it has no .sitegen-output file), so replacing it would delete what is in it; give --output a new or empty folder "
                    + "(a folder an older sitegen made has no .sitegen-output either: delete it once)"
            ])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("docs/thesis.txt"), encoding: .utf8) == "important\n")
        #expect(try FileTree.files(under: output) == ["docs/thesis.txt"])
        #expect(try Self.manager.contentsOfDirectory(atPath: site.folder.path).sorted() == ["X", "site"], "something was made or moved beside it")
    }

    @Test func aFileIsRefusedAndKept() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        let output = site.folder.appendingPathComponent("notes.txt")
        try Self.write("mine\n", to: output)

        let diagnostics = await site.buildFailure(output: output)
        #expect(diagnostics == [
            "\(output.path):1:1: error: refusing to write the site to \(output.path): it is a file, not a folder; "
                + "give --output a folder (sitegen creates it when it does not exist)"
        ])
        #expect(try String(contentsOf: output, encoding: .utf8) == "mine\n")
        #expect(try Self.manager.contentsOfDirectory(atPath: site.folder.path).sorted() == ["notes.txt", "site"])
    }

    /// Even a link to a folder sitegen built: the build must not write through it.
    @Test(arguments: [false, true])
    func aLinkIsRefusedAndItsTargetKept(targetIsAnOutput: Bool) async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        let target = site.folder.appendingPathComponent("target")
        if targetIsAnOutput {
            try await site.build(output: target)
        } else {
            try Self.write("mine\n", to: target.appendingPathComponent("notes.txt"))
        }
        let before = try FileTree.contents(of: target)
        let link = site.folder.appendingPathComponent("link")
        try Self.manager.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)

        let diagnostics = await site.buildFailure(output: link)
        #expect(diagnostics == [
            "\(link.path):1:1: error: refusing to write the site to \(link.path): it is a symbolic link (to \(target.path)), "
                + "and sitegen never writes through links; give --output the folder itself"
        ])
        #expect(try FileTree.contents(of: target) == before)
        #expect(try Self.manager.destinationOfSymbolicLink(atPath: link.path) == target.path)
    }

    /// A file put into sitegen's own output by hand: a build would replace the folder and
    /// lose it, so the build stops, names it, and leaves the output as it was.
    @Test func aFileAddedToTheOutputStopsTheBuildAndStays() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        try await site.build()
        try Self.write("kladde\n", to: site.output.appendingPathComponent("artikler/kladde.txt"))
        try Self.write("x\n", to: site.output.appendingPathComponent("egne/a.txt"))
        try Self.write("y\n", to: site.output.appendingPathComponent("egne/b.txt"))
        let before = try FileTree.contents(of: site.output)
        try site.write("content/articles/ny.md", "---\ntitle: Ny\ndate: 2022-01-06\n---\nNy.\n")

        for _ in 1...2 {
            let diagnostics = await site.buildFailure()
            let hint = "sitegen did not write this, and a build replaces \(site.output.path)/ whole; "
                + "move it out of \(site.output.path)/ (files to publish belong in content/), then build again"
            #expect(diagnostics == [
                "\(site.output.path)/artikler/kladde.txt:1:1: error: \(hint)",
                "\(site.output.path)/egne:1:1: error: \(hint)",
            ])
            #expect(try FileTree.contents(of: site.output) == before)
        }

        try Self.manager.removeItem(at: site.output.appendingPathComponent("artikler/kladde.txt"))
        try Self.manager.removeItem(at: site.output.appendingPathComponent("egne"))
        try await site.build()
        #expect(site.outputExists("artikler/ny/"))
    }

    @Test func anEmptyFolderBecomesTheOutput() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        try Self.manager.createDirectory(at: site.output, withIntermediateDirectories: true)
        try await site.build()
        #expect(site.outputExists("artikler/lpg/"))
        #expect(site.outputExists(".sitegen-output"))
    }

    /// The manifest lists exactly what the build wrote, so the next build knows what is its own.
    @Test func theOutputListsTheFilesSitegenWrote() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        try await site.build()
        let lines = try site.outputText(".sitegen-output").split(separator: "\n").map(String.init)
        #expect(lines.first == "sitegen output: sitegen made this folder and replaces it on every build. The files it wrote:")
        #expect(Array(lines.dropFirst()) == (try site.outputFiles()).filter { $0 != ".sitegen-output" })
    }

    /// A folder named like sitegen's spare that sitegen did not make is never adopted as a
    /// staging folder (and pruned), nor replaced by the old output.
    @Test func aSpareSitegenDidNotMakeIsLeftAlone() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        let spare = site.folder.appendingPathComponent(".public.sitegen-spare")
        try Self.write("important\n", to: spare.appendingPathComponent("thesis.txt"))

        for _ in 1...3 { try await site.build() }

        #expect(try FileTree.files(under: spare) == ["thesis.txt"])
        #expect(try String(contentsOf: spare.appendingPathComponent("thesis.txt"), encoding: .utf8) == "important\n")
        #expect(!site.outputExists("thesis.txt"))
        #expect(site.outputExists("artikler/lpg/"))
    }

    /// What a killed build leaves (its staging folder, or the old site in the middle of the
    /// swap) is cleared by the next build; a folder with such a name that sitegen did not
    /// make stays.
    @Test func foldersLeftByAKilledBuildAreClearedUp() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        try await site.build()
        let gone = try await Self.finishedProcessID()
        let staging = site.folder.appendingPathComponent(".public.sitegen-new-\(gone)")
        let old = site.folder.appendingPathComponent(".public.sitegen-old-\(gone)")
        let foreign = site.folder.appendingPathComponent(".public.sitegen-new-\(gone + 1)")
        try Self.manager.copyItem(at: site.output, to: staging)
        try Self.write("half\n", to: staging.appendingPathComponent("halvt.html"))
        try Self.manager.copyItem(at: site.output, to: old)
        try Self.write("important\n", to: foreign.appendingPathComponent("thesis.txt"))

        try await site.build()

        #expect(!Self.manager.fileExists(atPath: staging.path))
        #expect(!Self.manager.fileExists(atPath: old.path))
        #expect(try String(contentsOf: foreign.appendingPathComponent("thesis.txt"), encoding: .utf8) == "important\n")
    }

    /// The old site of a killed swap, when neither the output nor the spare's place is free:
    /// it was an output, so only the files it lists go, and a file put there by hand stays.
    @Test func anOldSiteLeftByAKilledBuildLosesOnlyWhatSitegenWrote() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        try await site.build()
        let gone = try await Self.finishedProcessID()
        let old = site.folder.appendingPathComponent(".public.sitegen-old-\(gone)")
        try Self.manager.copyItem(at: site.output, to: old)
        try Self.write("mine\n", to: old.appendingPathComponent("artikler/noter.txt"))
        let spare = site.folder.appendingPathComponent(".public.sitegen-spare")
        try Self.write("important\n", to: spare.appendingPathComponent("thesis.txt"))

        try await site.build()

        #expect(try FileTree.files(under: old) == ["artikler/noter.txt"])
        #expect(try FileTree.files(under: spare) == ["thesis.txt"])
    }

    /// A link planted in the spare, which the next build writes into: sitegen stops at the link.
    @Test(arguments: ["index.html", "artikler"])
    func aLinkInTheSpareIsNotWrittenThrough(planted: String) async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        try await site.build()
        // An edit each time, so that each build writes (a build with nothing changed writes nothing).
        try site.write("content/articles/lpg.md", "---\ntitle: Prisen på LPG\ndate: 2022-01-05\n---\nTekst, rettet.\n")
        try await site.build()
        let spare = site.folder.appendingPathComponent(".public.sitegen-spare")
        let elsewhere = site.folder.appendingPathComponent("elsewhere")
        try Self.write("mine\n", to: elsewhere.appendingPathComponent("index.html"))
        try Self.write("mine\n", to: elsewhere.appendingPathComponent("lpg/index.html"))
        let before = try FileTree.contents(of: elsewhere)
        try Self.manager.removeItem(at: spare.appendingPathComponent(planted))
        let target = planted == "index.html" ? elsewhere.appendingPathComponent("index.html") : elsewhere
        try Self.manager.createSymbolicLink(atPath: spare.appendingPathComponent(planted).path, withDestinationPath: target.path)
        let output = try FileTree.contents(of: site.output)
        try site.write("content/articles/lpg.md", "---\ntitle: Prisen på LPG\ndate: 2022-01-05\n---\nTekst, rettet igen.\n")

        let diagnostics = await site.buildFailure()
        let expected = planted == "index.html"
            ? "\(site.output.path)/index.html:1:1: error: cannot write this file: it is a symbolic link, and sitegen never writes through links"
            : "\(site.output.path)/artikler:1:1: error: cannot write into this folder: it is a symbolic link, and sitegen never writes through links"
        #expect(diagnostics == [expected])
        #expect(try FileTree.contents(of: elsewhere) == before)
        #expect(try FileTree.contents(of: site.output) == output, "a failed build changed the output")
    }

    /// `sitegen serve` writes into its output in place: a link planted there (its scratch
    /// folder used to have a name anyone could guess) must not be written through or emptied.
    @Test func aServedOutputThatIsALinkIsRefused() async throws {
        let site = try TestSite(OutputFolderTests.goodArchive)
        let target = site.folder.appendingPathComponent("target")
        try Self.write("mine\n", to: target.appendingPathComponent("notes.txt"))
        try Self.manager.createSymbolicLink(atPath: site.output.path, withDestinationPath: target.path)

        let (result, _) = await SiteBuilder.rebuild(site.options(), reusing: BuildMemo())
        #expect(result.failureDescriptions == [
            "\(site.output.path):1:1: error: refusing to write the site to \(site.output.path): it is a symbolic link (to \(target.path)), "
                + "and sitegen never writes through links; give --output the folder itself"
        ])
        #expect(try FileTree.files(under: target) == ["notes.txt"])
    }

    static func write(_ text: String, to file: URL) throws {
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// The id of a process that has ended, as a killed build's would be.
    static func finishedProcessID() async throws -> Int32 {
        let process = try Process.run(URL(fileURLWithPath: "/bin/true"), arguments: [])
        process.waitUntilExit()
        return process.processIdentifier
    }
}

extension Result where Failure == BuildFailure {
    /// The diagnostics of a failed build as users read them; empty for a success.
    var failureDescriptions: [String] {
        guard case .failure(let failure) = self else { return [] }
        return failure.diagnostics.map(\.description)
    }
}
