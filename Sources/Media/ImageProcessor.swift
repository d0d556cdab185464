import Cvips
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public enum ImageFormat: String, Sendable, CaseIterable {
    case webp, jpeg

    public var fileExtension: String { self == .webp ? "webp" : "jpg" }
    public var mediaType: String { self == .webp ? "image/webp" : "image/jpeg" }
}

/// One file made from a photo.
public struct ImageVariant: Sendable, Hashable {
    public var size: ImageSize
    public var format: ImageFormat
    /// The file's name in the folder it was written to.
    public var fileName: String

    public init(size: ImageSize, format: ImageFormat, fileName: String) {
        self.size = size
        self.format = format
        self.fileName = fileName
    }
}

/// What a photo was made into: each width in WebP and in JPEG, and the share image.
public struct ProcessedImage: Sendable, Hashable {
    /// Narrowest first, WebP before JPEG at each width.
    public var variants: [ImageVariant]
    /// `ImageSettings.shareSize`, cropped to the part of the picture that draws the eye; JPEG.
    public var share: ImageVariant

    public init(variants: [ImageVariant], share: ImageVariant) {
        self.variants = variants
        self.share = share
    }

    /// The size of the widest variant: the size to reserve for the image on the page.
    public var size: ImageSize { variants.last?.size ?? share.size }

    public func variants(_ format: ImageFormat) -> [ImageVariant] {
        variants.filter { $0.format == format }
    }
}

/// How photos are made for the web.
public struct ImageSettings: Sendable, Hashable {
    /// The widths to make, in pixels; none wider than the original (which is then made too).
    public var widths: [Int]
    public var webpQuality: Int
    public var jpegQuality: Int
    public var shareSize: ImageSize

    public init(widths: [Int] = [480, 960, 1600], webpQuality: Int = 75, jpegQuality: Int = 80,
                shareSize: ImageSize = ImageSize(width: 1200, height: 630)) {
        self.widths = widths.sorted()
        self.webpQuality = webpQuality
        self.jpegQuality = jpegQuality
        self.shareSize = shareSize
    }

    /// Names the settings where images are cached: other settings make every image again.
    public var key: String {
        "w" + widths.map(String.init).joined(separator: "-") + "-q\(webpQuality)-\(jpegQuality)-s\(shareSize.width)x\(shareSize.height)-v1"
    }

    /// The widths to make of an image `width` pixels wide (upright): never larger than it.
    public func widths(forImageWidth width: Int) -> [Int] {
        let largest = min(width, widths.last ?? width)
        return widths.filter { $0 < largest } + [largest]
    }
}

public struct ImageError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// The only door to libvips. Every file it writes has all metadata stripped: EXIF (a GPS
/// position in a photo from a crisis zone can endanger the person who took it), XMP, IPTC
/// and the colour profile (the pixels are made sRGB first).
public enum ImageProcessor {
    /// Loads and starts libvips, once per process; what went wrong if it could not.
    private static func start() throws(ImageError) {
        guard sitegen_vips_load() == 0 else { throw ImageError(String(cString: sitegen_vips_load_error())) }
    }

    /// Reads the whole image (so a corrupt or truncated file fails here) and writes its
    /// variants and share image into `folder`, upright.
    public static func process(_ path: String, into folder: String, settings: ImageSettings) throws(ImageError) -> ProcessedImage {
        let decoded = try decode(path)
        defer { sitegen_vips_release(decoded) }
        let upright = try shrunk(decoded, to: Int(SITEGEN_VIPS_MAX_COORD))
        let uprightWidth = Int(sitegen_vips_image_get_width(upright))
        sitegen_vips_release(upright)
        var variants: [ImageVariant] = []
        for width in settings.widths(forImageWidth: uprightWidth) {
            let resized = try shrunk(decoded, to: width)
            defer { sitegen_vips_release(resized) }
            let size = ImageSize(width: Int(sitegen_vips_image_get_width(resized)), height: Int(sitegen_vips_image_get_height(resized)))
            let webp = "\(width).webp", jpeg = "\(width).jpg"
            try saveWebP(resized, to: folder + "/" + webp, quality: settings.webpQuality)
            try saveJPEG(resized, to: folder + "/" + jpeg, quality: settings.jpegQuality)
            variants += [ImageVariant(size: size, format: .webp, fileName: webp), ImageVariant(size: size, format: .jpeg, fileName: jpeg)]
        }
        var cropped: OpaquePointer?
        try check(sitegen_vips_crop(decoded, &cropped, Int32(settings.shareSize.width), Int32(settings.shareSize.height)), "cannot crop it")
        guard let cropped else { throw lastError("cannot crop it") }
        defer { sitegen_vips_release(cropped) }
        try saveJPEG(cropped, to: folder + "/share.jpg", quality: settings.jpegQuality)
        return ProcessedImage(variants: variants, share: ImageVariant(size: settings.shareSize, format: .jpeg, fileName: "share.jpg"))
    }

    /// Reads the whole image, as `process` does, without writing anything: its upright size.
    public static func inspect(_ path: String) throws(ImageError) -> ImageSize {
        let decoded = try decode(path)
        defer { sitegen_vips_release(decoded) }
        let upright = try shrunk(decoded, to: Int(SITEGEN_VIPS_MAX_COORD))
        defer { sitegen_vips_release(upright) }
        return ImageSize(width: Int(sitegen_vips_image_get_width(upright)), height: Int(sitegen_vips_image_get_height(upright)))
    }

    /// Every metadata field libvips reads from the file (`exif-ifd3-GPSLatitude`, `orientation`, ...)
    /// with its value as text.
    public static func metadata(of path: String) throws(ImageError) -> [String: String] {
        try start()
        guard let image = sitegen_vips_open(path) else { throw lastError("cannot read it") }
        defer { sitegen_vips_release(image) }
        var result: [String: String] = [:]
        guard let fields = sitegen_vips_image_get_fields(image) else { return result }
        defer { sitegen_g_strfreev(fields) }
        var index = 0
        while let name = fields[index] {
            var value: UnsafeMutablePointer<CChar>?
            if sitegen_vips_image_get_as_string(image, name, &value) == 0, let value {
                result[String(cString: name)] = String(cString: value)
                sitegen_g_free(value)
            }
            index += 1
        }
        return result
    }

    /// The SHA-256 of some bytes, in hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hex(bytes)
    }

    /// The image with every pixel read into memory.
    private static func decode(_ path: String) throws(ImageError) -> OpaquePointer {
        try start()
        guard let opened = sitegen_vips_open(path) else { throw lastError("not an image sitegen can read (JPEG, PNG, WebP, TIFF, GIF)") }
        defer { sitegen_vips_release(opened) }
        guard let decoded = sitegen_vips_image_copy_memory(opened) else { throw lastError("the file is damaged or cut short") }
        return decoded
    }

    private static func shrunk(_ image: OpaquePointer, to width: Int) throws(ImageError) -> OpaquePointer {
        var resized: OpaquePointer?
        try check(sitegen_vips_shrink(image, &resized, Int32(width)), "cannot resize it")
        guard let resized else { throw lastError("cannot resize it") }
        return resized
    }

    private static func saveWebP(_ image: OpaquePointer, to path: String, quality: Int) throws(ImageError) {
        let bare = try withoutMetadata(image)
        defer { sitegen_vips_release(bare) }
        try check(sitegen_vips_save_webp(bare, path, Int32(quality)), "cannot write \(path)")
        guard let written = readFile(path), let stripped = WebPContainer.removingMetadata(written), writeFile(path, stripped) else {
            throw ImageError("cannot strip the metadata from \(path)")
        }
    }

    private static func saveJPEG(_ image: OpaquePointer, to path: String, quality: Int) throws(ImageError) {
        var source = image
        var flattened: OpaquePointer?
        if sitegen_vips_image_hasalpha(image) != 0 {
            try check(sitegen_vips_flatten(image, &flattened), "cannot flatten it for JPEG")
            if let flattened { source = flattened }
        }
        defer { if let flattened { sitegen_vips_release(flattened) } }
        let bare = try withoutMetadata(source)
        defer { sitegen_vips_release(bare) }
        try check(sitegen_vips_save_jpeg(bare, path, Int32(quality)), "cannot write \(path)")
    }

    private static func withoutMetadata(_ image: OpaquePointer) throws(ImageError) -> OpaquePointer {
        var bare: OpaquePointer?
        try check(sitegen_vips_without_metadata(image, &bare), "cannot copy it")
        guard let bare else { throw lastError("cannot copy it") }
        return bare
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count == 0 { return ferror(file) == 0 ? bytes : nil }
            bytes += buffer[..<count]
        }
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        return fwrite(bytes, 1, bytes.count, file) == bytes.count
    }

    private static func check(_ status: Int32, _ what: String) throws(ImageError) {
        if status != 0 { throw lastError(what) }
    }

    /// libvips' own words for what went wrong, first line only.
    private static func lastError(_ what: String) -> ImageError {
        let buffer = sitegen_vips_error_buffer().map { String(cString: $0) } ?? ""
        sitegen_vips_error_clear()
        let detail = buffer.split(separator: "\n").first.map { ": " + $0 } ?? ""
        return ImageError(what + detail)
    }
}
