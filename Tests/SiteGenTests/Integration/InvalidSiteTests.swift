import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// Broken sites paired with the diagnostics they must produce, as Zola's `test_sites_invalid/`.
///
/// Each folder in `Fixtures/invalid/` is a small site (site.yaml, content/, and any Templates/
/// files it changes; the repository's Templates/ are copied in underneath) plus `expected.txt`:
/// the exact diagnostic lines, `path:line:col: severity: message`, in the order `BuildFailure`
/// sorts them. An optional `removed.txt` lists site files to delete after copying, such as a template;
/// an optional `strict.txt` builds with `--strict`.
@Suite("Invalid sites")
struct InvalidSiteTests {
    static let folder = RepositoryPaths.siteGenTests("Fixtures/invalid")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The cases the project asked for; the parameterised test would pass on an empty folder.
    @Test func everyRequiredCaseHasAFixture() {
        let required = [
            "missing-front-matter", "unterminated-front-matter", "yaml-syntax-error", "wrong-type", "unknown-key",
            "invalid-date", "latitude-out-of-range", "unknown-place", "unknown-place-no-suggestion", "unknown-status",
            "same-output-path", "missing-template", "template-unclosed-section", "template-unknown-field", "not-utf8", "time-without-offset", "end-before-date",
            "via-without-name", "several-problems", "duplicate-event-id", "event-without-sources",
            "timeline-embed-unknown-option", "timeline-embed-bad-value",
        ]
        #expect(Set(required).subtracting(Self.cases).sorted() == [])
    }

    @Test(arguments: cases)
    func reportsTheExpectedDiagnostics(_ name: String) async throws {
        let fixture = Self.folder.appendingPathComponent(name)
        let expected = try lines(of: fixture.appendingPathComponent("expected.txt"))
        try #require(!expected.isEmpty, "\(name)/expected.txt lists no diagnostics")

        let site = try TestSite(copying: fixture, excluding: ["expected.txt", "removed.txt", "strict.txt"])
        let removedList = fixture.appendingPathComponent("removed.txt")
        if FileManager.default.fileExists(atPath: removedList.path) {
            for path in try lines(of: removedList) { try site.remove(path) }
        }

        // A `strict.txt` asks for `--strict`, for fixtures whose diagnostics are warnings.
        let strict = FileManager.default.fileExists(atPath: fixture.appendingPathComponent("strict.txt").path)
        let reported = try #require(await site.buildFailure(strict: strict))
        #expect(reported == expected, """
            diagnostics of \(name) differ from expected.txt:
            \(LineDiff.unified(expected: expected.joined(separator: "\n"), actual: reported.joined(separator: "\n"), expectedName: "expected.txt", actualName: "reported"))
            """)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build must not create the output folder")
    }

    private func lines(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
