import Foundation
import SiteGenTestSupport
import Testing

/// The golden comparison itself: if it saw no difference, the golden test could never fail.
@Suite("Golden file comparison")
struct GoldenFilesTests {
    @Test func reportsMissingExtraAndDifferentFilesWithALineDiff() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("golden-self-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = root.appendingPathComponent("expected")
        let actual = root.appendingPathComponent("actual")
        func write(_ folder: URL, _ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let page = (1...12).map { "linje \($0)" }
        try write(expected, "same.txt", "ens\n")
        try write(actual, "same.txt", "ens\n")
        try write(expected, "tidslinje/index.html", page.joined(separator: "\n") + "\n")
        var changed = page
        changed[5] = "linje 6, ændret"
        try write(actual, "tidslinje/index.html", changed.joined(separator: "\n") + "\n")
        try write(expected, "only-expected.xml", "x\n")
        try write(actual, "only-built.css", "y\n")

        let comparison = try GoldenFiles.compare(actual, with: expected)
        #expect(comparison.missing == ["only-expected.xml"])
        #expect(comparison.extra == ["only-built.css"])
        #expect(comparison.different == ["tidslinje/index.html"])
        #expect(!comparison.matches)

        let report = GoldenFiles.report(comparison, actual: actual, expected: expected)
        #expect(report.contains("""
            --- expected/tidslinje/index.html
            +++ actual/tidslinje/index.html
            @@ -3,7 +3,7 @@
             linje 3
             linje 4
             linje 5
            -linje 6
            +linje 6, ændret
             linje 7
             linje 8
             linje 9
            """), "\(report)")
        #expect(report.contains("missing from the output (1):\n  only-expected.xml"), "\(report)")
        #expect(report.contains("not expected in the output (1):\n  only-built.css"), "\(report)")

        #expect(try GoldenFiles.compare(expected, with: expected).matches)
    }

    @Test func theArchiveFormatSplitsFilesAtMarkerLines() {
        let files = TxtArchive.parse("""
            comment before the first file
            -- site.yaml --
            title: T
            -- content/index.md --
            ---
            title: Forside
            ---

            Tekst.
            """)
        #expect(files == [
            TxtArchive.File(path: "site.yaml", contents: "title: T\n"),
            TxtArchive.File(path: "content/index.md", contents: "---\ntitle: Forside\n---\n\nTekst.\n"),
        ])
    }
}
