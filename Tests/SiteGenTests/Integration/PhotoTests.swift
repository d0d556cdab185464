import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

/// Photos in texts: published resized and stripped of their metadata, as figures with
/// caption and credit, cached between builds.
@Suite("Photos")
struct PhotoTests {
    static let article = """
        -- content/articles/lpg-prisen.md --
        ---
        title: Prisen på LPG
        date: 2022-01-05T14:00:00+01:00
        ---
        Tekst.

        ![Demonstranter foran borgmesterkontoret](demonstration.jpg "Demonstranter i Almaty. Foto: Pavel Mikheyev/Reuters")

        Mere tekst.
        """

    static func site(photo: [UInt8]) throws -> TestSite {
        let site = try TestSite(Sites.archive(article))
        try site.write("content/articles/demonstration.jpg", bytes: photo)
        return site
    }

    @Test("A photo with a GPS position is published resized, without its metadata, never as uploaded")
    func publishedWithoutMetadata() async throws {
        let site = try Self.site(photo: try TestPhotos.jpegWithGPS(width: 1200, height: 800))
        try await site.build()
        let files = try site.outputFiles()
        #expect(!files.contains("articles/demonstration.jpg"), "the original is never published")
        let images = files.filter { $0.hasPrefix("img/") }
        #expect(images.count == 7, "480, 960 and 1200 wide, in WebP and JPEG, and the share crop: \(images)")
        for image in images {
            let bytes = Array(try Data(contentsOf: site.output.appendingPathComponent(image)))
            #expect(!bytes.contains(Array("Exif".utf8)), "\(image) has EXIF")
        }
    }

    @Test("An image alone in a paragraph is a figure with caption, credit, sizes and its width and height")
    func figure() async throws {
        let site = try Self.site(photo: try TestPhotos.jpeg(width: 1200, height: 800))
        try await site.build()
        let page = try site.outputText("artikler/lpg-prisen/")
        let figure = try #require(page.range(of: "<figure class=\"photo\">").map { String(page[$0.lowerBound...].prefix(1500)) })
        #expect(figure.contains("<source type=\"image/webp\" srcset=\"/img/demonstration-"))
        #expect(figure.contains("-480.webp 480w, /img/demonstration-"))
        #expect(figure.contains(" width=\"1200\" height=\"800\" alt=\"Demonstranter foran borgmesterkontoret\" decoding=\"async\">"))
        #expect(figure.contains("<figcaption>Demonstranter i Almaty. <span class=\"credit\">Foto: Pavel Mikheyev/Reuters</span></figcaption>"))
        #expect(!page.contains("<p><img"))
    }

    @Test("An event's photo is a figure on its pages and a plain image, from the whole base URL, in the exports")
    func eventPhotoInTheExports() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/events/2022-01-05-almaty.md --
            ---
            title: Demonstranter i Almaty
            date: 2022-01-05T14:00:00+06:00
            place: almaty
            sources: [Ritzau]
            ---
            ![Demonstranter foran borgmesterkontoret](demonstration.jpg "Demonstranter i Almaty.")
            """))
        try site.write("content/events/demonstration.jpg", bytes: try TestPhotos.jpeg(width: 1200, height: 800))
        try await site.build()
        #expect(try site.outputText("tidslinje/2022-01-05-almaty/").contains("<figure class=\"photo\">\n<picture>"))
        let csv = try site.outputText("tidslinje.csv")
        #expect(csv.contains("<figure>\n<img src=\"\"https://example.org/img/demonstration-"))
        #expect(!csv.contains("<picture>") && !csv.contains("srcset"))
    }

    @Test("A second build resizes nothing: the photos come from the cache")
    func cached() async throws {
        let site = try Self.site(photo: try TestPhotos.jpeg(width: 1000, height: 600))
        let first = try await site.build()
        #expect(first.timings.map(\.stage).contains("images (1 resized, 0 from the cache)"))
        let second = try await site.build(output: site.folder.appendingPathComponent("second"))
        #expect(second.timings.map(\.stage).contains("images (0 resized, 1 from the cache)"))
        #expect(try site.outputFiles() == site.outputFiles(in: site.folder.appendingPathComponent("second")))
    }

    @Test("A damaged photo and one without alt text are errors at their lines")
    func problems() async throws {
        let whole = try TestPhotos.jpeg(width: 800, height: 600)
        let site = try TestSite(Sites.archive("""
            -- content/articles/fejl.md --
            ---
            title: Fejl
            date: 2022-01-05T14:00:00+01:00
            ---
            ![Et billede](skadet.jpg)

            ![](uden-alt.svg)
            """))
        try site.write("content/articles/skadet.jpg", bytes: Array(whole.prefix(whole.count / 2)))
        try site.write("content/articles/uden-alt.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let reported = try #require(await site.buildFailure())
        #expect(reported.count == 2)
        #expect(reported[0].hasPrefix("content/articles/fejl.md:5:1: error: image `skadet.jpg` (content/articles/skadet.jpg) cannot be shown: the file is damaged or cut short"))
        #expect(reported[1].hasPrefix("content/articles/fejl.md:7:1: error: image `uden-alt.svg` does not say what it shows; describe it between the brackets"))
    }

    @Test("A ```figure block: decorative alt, a caption in Markdown, a credit and a width")
    func figureBlock() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/figur.md --
            ---
            title: Figur
            date: 2022-01-05T14:00:00+01:00
            ---
            ```figure
            src: /content/articles/foto.jpg
            alt: ""
            caption: Demonstrationen i *Almaty*.
            credit: "Foto: Pavel Mikheyev/Reuters"
            width: 480
            ```
            """))
        try site.write("content/articles/foto.jpg", bytes: try TestPhotos.jpeg(width: 1200, height: 900))
        try await site.build()
        let page = try site.outputText("artikler/figur/")
        #expect(page.contains("sizes=\"(min-width: 480px) 480px, 100vw\""))
        #expect(page.contains(" width=\"480\" height=\"360\" alt=\"\" decoding=\"async\">"))
        #expect(page.contains("<figcaption>Demonstrationen i <em>Almaty</em>. <span class=\"credit\">Foto: Pavel Mikheyev/Reuters</span></figcaption>"))
    }

    @Test("A page is shared with the crop of its first photo; other pages with the site's image, or with none")
    func shareImages() async throws {
        let site = try Self.site(photo: try TestPhotos.jpeg(width: 1200, height: 800))
        try await site.build()
        let article = try site.outputText("artikler/lpg-prisen/")
        let crop = try #require(try site.outputFiles().first { $0.hasSuffix("-share.jpg") })
        #expect(article.contains("<meta property=\"og:image\" content=\"https://example.org/\(crop)\">"))
        #expect(article.contains("<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">"))
        #expect(article.contains("<meta property=\"og:image:alt\" content=\"Demonstranter foran borgmesterkontoret\">"))
        #expect(article.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(try site.outputText("tidslinje/").contains("<meta name=\"twitter:card\" content=\"summary\">"))

        try site.write("site.yaml", Sites.siteYAML + "\nimage: forside.jpg\n")
        try site.write("content/forside.jpg", bytes: try TestPhotos.jpeg(width: 1600, height: 900))
        try await site.build()
        #expect(try site.outputText("tidslinje/").contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(try site.outputText("artikler/lpg-prisen/").contains("content=\"https://example.org/\(crop)\""), "a page's own photo comes first")
    }

    @Test("site.yaml's image must be there")
    func missingShareImage() async throws {
        let site = try TestSite(Sites.archive(siteYAML: Sites.siteYAML + "\nimage: forside.jpg"))
        #expect(await site.buildFailure() == [
            "site.yaml:6:8: error: `image` points to nothing the site has (no content/forside.jpg); it is a photo below content/",
        ])
    }

    @Test("The photo cache is never written or read through a link")
    func cacheThroughALink() async throws {
        let site = try Self.site(photo: try TestPhotos.jpeg(width: 600, height: 400))
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cache-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: site.source.appendingPathComponent(".sitegen-cache").path, withDestinationPath: elsewhere.path)
        #expect(await site.buildFailure() == [
            ".sitegen-cache:1:1: error: this is a link; sitegen keeps its photo cache only in a folder of the site, never through a link. Remove the link (sitegen makes the folder)",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty, "nothing was written through the link")
    }

    @Test("sitegen check reads photos but writes no cache")
    func checkWritesNothing() async throws {
        let site = try Self.site(photo: try TestPhotos.jpeg(width: 600, height: 400))
        let problems = await SiteChecker.check(site.options())
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        #expect(!FileManager.default.fileExists(atPath: site.source.appendingPathComponent(".sitegen-cache").path))
    }
}

extension Array where Element == UInt8 {
    func contains(_ subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}
