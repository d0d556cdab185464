import Foundation
import Markdown
import Media

/// A photo as the site publishes it: its variants and share image under `img/`, each
/// copied from where the image cache keeps it.
struct PublishedImage: Sendable {
    struct File: Sendable {
        /// Below the site root: `img/demonstration-3f2a9c1b-960.webp`.
        var sitePath: String
        /// Relative to the site folder: `.sitegen-cache/images/<entry>/960.webp`.
        var cachePath: String
        var variant: ImageVariant
    }

    var variants: [File]
    var share: File
    /// The size to reserve on the page: the widest variant's.
    var size: ImageSize

    func variants(_ format: ImageFormat) -> [File] {
        variants.filter { $0.variant.format == format }
    }
}

/// Every photo the site's texts show, made for the web (`Media`), by content path.
struct SiteImages: Sendable {
    var published: [String: PublishedImage] = [:]
    /// How many images this build resized, and how many it found in the cache.
    var made = 0
    var reused = 0
    /// The photos some page is shared with (`ShareImages`): only their crops are published.
    var shared: Set<String> = []
    /// The photo each text's page is shared with, for the texts that show one.
    var firstPhotos: [BodyOwner: ShareImages.Choice] = [:]

    static let none = SiteImages()

    /// Changes when any published file changes: every page that shows an image depends on it.
    var fingerprint: Int {
        var fingerprint = Fingerprint()
        for (path, image) in published.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(path)
            for file in image.variants { fingerprint.add(file.sitePath) }
        }
        for path in shared.sorted() { fingerprint.add(path) }
        return fingerprint.value
    }

    /// Every published file: what to copy where.
    var files: [PublishedImage.File] {
        published.keys.sorted().flatMap { path in
            published[path]!.variants + (shared.contains(path) ? [published[path]!.share] : [])
        }
    }
}

/// The image step, between the model and rendering: finds every photo the texts show (an
/// image, a figure, an embedded post's picture, the site's share image), reads each file
/// once and makes its variants with libvips, or takes them from the cache
/// (`.sitegen-cache/images/` in the site folder). A damaged or unsupported photo is an error
/// at every line that shows it; a missing one is left to the link check.
enum SiteImagesBuilder {
    static let cacheFolder = ".sitegen-cache/images"
    static let settings = ImageSettings()

    /// A photo a text (or site.yaml) shows, and where.
    struct Reference: Sendable {
        var contentPath: String
        var written: String
        var location: SourceLocation
    }

    /// `writesCache: false` (for `sitegen check`) reads every image to check it, writes
    /// nothing, and takes only what the cache already holds.
    static func build(_ references: [Reference], files: SiteFiles, writesCache: Bool) async -> (SiteImages, [Diagnostic]) {
        if !references.isEmpty, let problem = cacheProblem(files) { return (SiteImages(), [problem]) }
        var diagnostics: [Diagnostic] = []
        var byPath: [String: [Reference]] = [:]
        for reference in references { byPath[reference.contentPath, default: []].append(reference) }
        let paths = byPath.keys.sorted()
        let cache = ImageCache(folder: files.path(cacheFolder), settings: settings)
        let outcomes = await paths.concurrentMap { path -> Result<(PublishedImage, made: Bool), ImageError>? in
            // A photo that is not there is a broken link, which the link check reports with the rest.
            guard let bytes = files.read(path) else { return nil }
            let entry = cache.entryName(forBytes: bytes)
            do throws(ImageError) {
                let processed: ProcessedImage, made: Bool
                if writesCache {
                    (processed, made) = try cache.image(at: files.path(path), entry: entry)
                } else if let cached = cache.cached(entry) {
                    (processed, made) = (cached, false)
                } else {
                    (processed, made) = (planned(size: try ImageProcessor.inspect(files.path(path))), true)
                }
                return .success((published(processed, path: path, entry: entry), made))
            } catch {
                return .failure(error)
            }
        }
        var images = SiteImages()
        for (path, outcome) in zip(paths, outcomes) {
            guard let outcome else { continue }
            switch outcome {
            case .success(let (image, made)):
                images.published[path] = image
                if made { images.made += 1 } else { images.reused += 1 }
            case .failure(let error):
                for reference in byPath[path] ?? [] {
                    diagnostics.append(.error(reference.location, "image `\(reference.written)` (\(path)) cannot be shown: \(error.message)"))
                }
            }
        }
        return (images, diagnostics)
    }

    /// Why the cache cannot be used, or nil: it is read and written only in folders of the site
    /// itself, never through a link (which could point anywhere) and never over a file.
    static func cacheProblem(_ files: SiteFiles) -> Diagnostic? {
        var path = ""
        for name in cacheFolder.split(separator: "/") {
            path += (path.isEmpty ? "" : "/") + name
            var info = stat()
            // Not there yet: the cache makes it as a folder.
            guard lstat(files.path(path), &info) == 0 else { return nil }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK: return .error(SourceLocation(path: path), "this is a link; sitegen keeps its photo cache only in a folder of the site, never through a link. Remove the link (sitegen makes the folder)")
            default: return .error(SourceLocation(path: path), "this is not a folder; sitegen keeps its photo cache in \(cacheFolder)/. Remove or rename it")
            }
        }
        return nil
    }

    /// `content/articles/Demonstration i Almaty.jpg` made into `img/demonstration-i-almaty-<hash>-960.webp`, ...
    private static func published(_ image: ProcessedImage, path: String, entry: String) -> PublishedImage {
        let stem = Slug.make(path.fileStem).isEmpty ? "billede" : Slug.make(path.fileStem)
        let name = "img/\(stem)-\(entry.prefix(8))-"
        let file = { (variant: ImageVariant) in
            PublishedImage.File(sitePath: name + variant.fileName, cachePath: cacheFolder + "/" + entry + "/" + variant.fileName, variant: variant)
        }
        return PublishedImage(variants: image.variants.map(file), share: file(image.share), size: image.size)
    }

    /// What `process` would make of an image this size, for a check that makes nothing.
    private static func planned(size: ImageSize) -> ProcessedImage {
        let variants = settings.widths(forImageWidth: size.width).flatMap { width -> [ImageVariant] in
            let scaled = ImageSize(width: width, height: max(1, (size.height * width + size.width / 2) / size.width))
            return [ImageVariant(size: scaled, format: .webp, fileName: "\(width).webp"), ImageVariant(size: scaled, format: .jpeg, fileName: "\(width).jpg")]
        }
        return ProcessedImage(variants: variants, share: ImageVariant(size: settings.shareSize, format: .jpeg, fileName: "share.jpg"))
    }

    /// Every photo the site's texts show (a link to one too), and its share image.
    static func references(in links: TextLinks, config: SiteConfig) -> [Reference] {
        links.byBody.flatMap { links in
            links.compactMap { link in
                guard case .content(let contentPath) = link.target else { return nil }
                return Reference(contentPath: contentPath, written: link.destination, location: link.location)
            }
        } + [ShareImages.defaultReference(config)].compactMap { $0 }
    }
}
