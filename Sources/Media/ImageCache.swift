import Foundation

/// Processed images kept between builds, one folder per image and settings
/// (`<sha256 of the file>-<settings key>/`), so that a rebuild, and `sitegen serve`, resize
/// only what is new. An entry is written into a temporary folder and renamed into place,
/// so a build that stops half-way, or two builds at once, never leave half an entry.
public struct ImageCache: Sendable {
    /// Where the entries are, e.g. `<site>/.sitegen-cache/images`.
    public let folder: String
    public let settings: ImageSettings

    public init(folder: String, settings: ImageSettings = ImageSettings()) {
        self.folder = folder
        self.settings = settings
    }

    /// The entry's folder name for an image's bytes.
    public func entryName(forBytes bytes: [UInt8]) -> String {
        String(ImageProcessor.sha256(bytes).prefix(32)) + "-" + settings.key
    }

    /// The image as the cache holds it, or nil when it is not there yet.
    public func cached(_ entry: String) -> ProcessedImage? {
        guard let text = try? String(contentsOfFile: folder + "/" + entry + "/" + Self.manifestName, encoding: .utf8) else { return nil }
        return Self.decode(text)
    }

    /// Processes the image at `path` into the entry, unless it is there already.
    /// Returns the image and whether it was made now.
    public func image(at path: String, entry: String) throws(ImageError) -> (image: ProcessedImage, made: Bool) {
        if let image = cached(entry) { return (image, false) }
        let target = folder + "/" + entry
        let temporary = target + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        } catch {
            throw ImageError("cannot create \(temporary): \(error.localizedDescription)")
        }
        do {
            let image = try ImageProcessor.process(path, into: temporary, settings: settings)
            try Data(Self.encode(image).utf8).write(to: URL(fileURLWithPath: temporary + "/" + Self.manifestName))
            if rename(temporary, target) != 0 {
                // Another build finished the same entry first: keep its copy.
                try? FileManager.default.removeItem(atPath: temporary)
            }
            return (image, true)
        } catch let error as ImageError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ImageError("cannot write into \(folder): \(error.localizedDescription)")
        }
    }

    private static let manifestName = "image.txt"

    /// One line per file: `format width height name`; the share image first.
    static func encode(_ image: ProcessedImage) -> String {
        ([image.share] + image.variants).map { "\($0.format.rawValue) \($0.size.width) \($0.size.height) \($0.fileName)\n" }.joined()
    }

    static func decode(_ text: String) -> ProcessedImage? {
        let variants = text.split(separator: "\n").compactMap { line -> ImageVariant? in
            let fields = line.split(separator: " ")
            guard fields.count == 4, let format = ImageFormat(rawValue: String(fields[0])),
                  let width = Int(fields[1]), let height = Int(fields[2]) else { return nil }
            return ImageVariant(size: ImageSize(width: width, height: height), format: format, fileName: String(fields[3]))
        }
        guard variants.count >= 3 else { return nil }
        return ProcessedImage(variants: Array(variants.dropFirst()), share: variants[0])
    }
}
