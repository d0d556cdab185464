import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// A bounded, seeded fuzzing run: files of a small site taken from the example site are
/// mutated (`SiteMutator`) and the site is built in-process. Whatever the input, a build must
/// end either with a site or with diagnostics an editor can act on; a trap would end the
/// test run.
///
/// The run is the same on every machine: case `n` is made from seed `n` alone. To fuzz longer,
/// `SITEGEN_FUZZ_CASES=100000 SITEGEN_FUZZ_FROM=5000 swift test --disable-xctest --filter SiteFuzzTests`.
/// Before each build the case's number and site folder are written to
/// `$TMPDIR/sitegen-fuzz-case.txt`; after a crash that folder (not removed, as the process died)
/// is the input to keep in `Fixtures/fuzz-crashes/<name>/`, which `crashesFoundSoFarStayFixed`
/// builds on every run.
@Suite("Fuzzing", .serialized)
struct SiteFuzzTests {
    /// The example site and the templates most pages go through.
    static let seedFiles: [String] = {
        let content = (try? FileTree.files(under: RepositoryPaths.root.appendingPathComponent("content"))) ?? []
        return ["site.yaml"] + content.map { "content/" + $0 } + [
            "Templates/layout.mustache", "Templates/event.mustache", "Templates/timeline.mustache", "Templates/strings/da.yaml",
            "Templates/partials/tags.mustache", "Templates/partials/sources.mustache", "Templates/partials/timeline-event.mustache",
        ]
    }()

    static func setting(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
    }

    @Test func mutatedSitesBuildOrFailWithDiagnostics() async throws {
        let seed = try Self.seedFiles.map { [UInt8](try Data(contentsOf: RepositoryPaths.root.appendingPathComponent($0))) }
        let site = try TestSite(files: zip(Self.seedFiles, seed).map { ($0, Data($1)) }, templates: .repositoryOverlaid)
        // Cases whose changes break nothing must reach the renderer, so the seed itself builds.
        try await site.build()
        let first = Self.setting("SITEGEN_FUZZ_FROM", 0)
        let cases = Self.setting("SITEGEN_FUZZ_CASES", 120)
        // Bounded in time as well as in count, so a slow machine cannot stall CI.
        let deadline = ContinuousClock.now + .seconds(Self.setting("SITEGEN_FUZZ_SECONDS", 40))
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-fuzz-case.txt")
        var changed: Set<Int> = []
        var built = 0
        for number in first..<(first + cases) where ContinuousClock.now < deadline {
            for index in changed { try site.write(Self.seedFiles[index], bytes: seed[index]) }
            var mutator = SiteMutator(generator: SeededGenerator(seed: 0x5EED_0000 &+ UInt64(number)))
            // Mostly one file: a problem in any file stops the build before rendering.
            let files = [1, 1, 1, 1, 1, 2, 2, 3].randomElement(using: &mutator.generator)!
            changed = Set((0..<files).map { _ in Int.random(in: 0..<seed.count, using: &mutator.generator) })
            for index in changed.sorted() {
                try site.write(Self.seedFiles[index], bytes: mutator.mutate(seed[index], path: Self.seedFiles[index], others: seed))
            }
            try Data("case \(number): \(changed.sorted().map { Self.seedFiles[$0] }.joined(separator: ", "))\nsite: \(site.source.path)\n".utf8).write(to: log)
            if case .failure(let failure) = await site.buildResult() {
                check(failure, number: number, site: site)
            }
            built += 1
        }
        #expect(built > 0)
    }

    /// Every site a fuzzing run ever crashed on.
    static let crashFolder = RepositoryPaths.siteGenTests("Fixtures/fuzz-crashes")
    static let crashes: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: crashFolder.path)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted()

    /// Each is a site folder as the fuzzing run left it, cut down to what the crash needs, with
    /// `expected.txt`: the diagnostics that say what was wrong, which must be among those reported
    /// (other checks may report more about the same broken file).
    @Test(arguments: crashes)
    func crashesFoundSoFarStayFixed(_ name: String) async throws {
        let fixture = Self.crashFolder.appendingPathComponent(name)
        let expected = try String(contentsOf: fixture.appendingPathComponent("expected.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        let site = try TestSite(copying: fixture, excluding: ["expected.txt"])
        guard case .failure(let failure) = await site.buildResult() else {
            Issue.record("\(name) built, but expected.txt lists diagnostics")
            return
        }
        check(failure, number: nil, site: site)
        let reported = Set(failure.diagnostics.map(\.description))
        #expect(!expected.isEmpty && expected.allSatisfy(reported.contains), "\(name): reported \(reported.sorted())")
    }

    /// A failed build names each problem with a place in a file and a message, and the
    /// formatter can show it.
    private func check(_ failure: BuildFailure, number: Int?, site: TestSite) {
        let label = number.map { "case \($0)" } ?? "fixture"
        #expect(!failure.diagnostics.isEmpty, "\(label): a failed build must say why")
        for diagnostic in failure.diagnostics {
            let location = diagnostic.location
            #expect(!location.path.isEmpty && location.line >= 1 && location.column >= 1 && !diagnostic.message.isEmpty,
                    "\(label): \(diagnostic)")
        }
        let sources = Dictionary(failure.diagnostics.map { ($0.location.path, (try? String(contentsOf: site.source.appendingPathComponent($0.location.path), encoding: .utf8)) ?? "") }) { a, _ in a }
        #expect(!DiagnosticFormatter(sources: sources).format(failure.diagnostics).isEmpty)
    }
}
