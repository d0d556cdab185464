import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// The repository's own example site (site.yaml, content/, Templates/), built and compared
/// file by file with `Golden/example-site/`. After an intended change to the output, rerun with
/// `RECORD_GOLDEN=1` and review the recorded files with `git diff` before committing them.
@Suite("Example site")
struct ExampleSiteGoldenTests {
    static let golden = RepositoryPaths.siteGenTests("Golden/example-site")

    @Test func matchesTheGoldenFiles() async throws {
        let site = try TestSite.exampleSite()
        let summary = try await site.build(baseURL: "https://example.org/")
        #expect(summary.warnings.map(\.description) == [])
        // The photos' bytes are libvips' (and its codecs') to decide; their names and sizes are
        // sitegen's, and are checked here rather than kept as golden files.
        let images = site.output.appendingPathComponent("img")
        #expect(try FileTree.files(under: images) == Self.photoFiles)
        try FileManager.default.removeItem(at: images)
        try GoldenFiles.expectMatch(site.output, golden: Self.golden)
    }

    /// content/articles/demonstration-almaty.jpg (2400 x 1600) as published: three widths in
    /// WebP and JPEG, and its 1200 x 630 share image.
    static let photoFiles = ["480.jpg", "480.webp", "960.jpg", "960.webp", "1600.jpg", "1600.webp", "share.jpg"]
        .map { "demonstration-almaty-0f318245-" + $0 }.sorted()

    @Test func twoBuildsAreByteForByteIdentical() async throws {
        let site = try TestSite.exampleSite()
        let first = site.folder.appendingPathComponent("first")
        let second = site.folder.appendingPathComponent("second")
        try await site.build(baseURL: "https://example.org/", output: first)
        try await site.build(baseURL: "https://example.org/", output: second)

        let comparison = try GoldenFiles.compare(second, with: first)
        #expect(comparison.matches, Comment(rawValue: GoldenFiles.report(comparison, actual: second, expected: first)))
        #expect(try FileTree.files(under: first).count > 40)
    }
}
