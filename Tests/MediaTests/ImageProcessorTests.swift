import Foundation
import Media
import SiteGenTestSupport
import Testing

@Suite("Image processing")
struct ImageProcessorTests {
    @Test("A photo with a GPS position in its EXIF comes out without any metadata")
    func gpsStripped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let photo = try folder.write(TestPhotos.withEXIF(try TestPhotos.jpeg(width: 800, height: 600)), to: "gps.jpg")
        let before = try ImageProcessor.metadata(of: photo)
        #expect(before["exif-ifd3-GPSLatitude"] != nil, "the test photo must carry a GPS position: \(before.keys.sorted())")

        let output = folder.path + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let image = try ImageProcessor.process(photo, into: output, settings: ImageSettings())
        for variant in image.variants + [image.share] {
            let file = output + "/" + variant.fileName
            let fields = try ImageProcessor.metadata(of: file)
            #expect(fields.keys.filter { $0.hasPrefix("exif-") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") }.isEmpty,
                    "\(variant.fileName) keeps \(fields.keys.sorted())")
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(!bytes.contains(subsequence: Array("Exif".utf8)), "\(variant.fileName) has an EXIF block")
        }
    }

    @Test("Widths are never larger than the original, which is made too; WebP and JPEG at each")
    func neverUpscaled() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let photo = try folder.write(TestPhotos.ppm(width: 1200, height: 900), to: "wide.ppm")
        let image = try ImageProcessor.process(photo, into: folder.path, settings: ImageSettings())
        #expect(image.variants.map(\.size.width) == [480, 480, 960, 960, 1200, 1200])
        #expect(image.variants.map(\.format) == [.webp, .jpeg, .webp, .jpeg, .webp, .jpeg])
        #expect(image.size == ImageSize(width: 1200, height: 900))
        #expect(image.share.size == ImageSize(width: 1200, height: 630))
        let small = try folder.write(TestPhotos.ppm(width: 300, height: 200), to: "small.ppm")
        #expect(try ImageProcessor.process(small, into: folder.path, settings: ImageSettings()).variants.map(\.size.width) == [300, 300])
    }

    @Test("The EXIF orientation is applied: a photo taken sideways comes out upright")
    func orientationApplied() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let photo = try folder.write(TestPhotos.withEXIF(try TestPhotos.jpeg(width: 800, height: 600), orientation: 6), to: "sideways.jpg")
        #expect(try ImageProcessor.inspect(photo) == ImageSize(width: 600, height: 800))
        let image = try ImageProcessor.process(photo, into: folder.path, settings: ImageSettings())
        #expect(image.size == ImageSize(width: 600, height: 800))
    }

    @Test("A damaged or cut-short file, or one that is no image, is an error")
    func corrupt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let whole = try TestPhotos.jpeg(width: 800, height: 600)
        let cut = try folder.write(Array(whole.prefix(whole.count / 2)), to: "cut.jpg")
        #expect(throws: ImageError.self) { try ImageProcessor.process(cut, into: folder.path, settings: ImageSettings()) }
        let text = try folder.write(Array("not a photo".utf8), to: "text.jpg")
        #expect(throws: ImageError.self) { try ImageProcessor.inspect(text) }
    }

    @Test("The cache makes an image once; the second time it reads the entry")
    func cached() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bytes = TestPhotos.ppm(width: 600, height: 400)
        let photo = try folder.write(bytes, to: "photo.ppm")
        let cache = ImageCache(folder: folder.path + "/cache")
        let entry = cache.entryName(forBytes: bytes)
        let first = try cache.image(at: photo, entry: entry)
        let second = try cache.image(at: photo, entry: entry)
        #expect(first.made && !second.made)
        #expect(first.image == second.image)
        let otherSettings = ImageCache(folder: folder.path + "/cache", settings: ImageSettings(widths: [300]))
        #expect(otherSettings.cached(otherSettings.entryName(forBytes: bytes)) == nil)
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}

import Cvips

@Suite("The libvips declarations in Cvips/include/shim.h")
struct VipsDeclarationTests {
    @Test("The enum values the shim spells out are the installed libvips' own")
    func enumValues() throws {
        try #require(sitegen_vips_load() == 0, Comment(rawValue: String(cString: sitegen_vips_load_error())))
        #expect(String(cString: sitegen_vips_enum_nick(sitegen_vips_size_get_type(), Int32(SITEGEN_VIPS_SIZE_DOWN))) == "down")
        #expect(String(cString: sitegen_vips_enum_nick(sitegen_vips_size_get_type(), Int32(SITEGEN_VIPS_SIZE_BOTH))) == "both")
        #expect(String(cString: sitegen_vips_enum_nick(sitegen_vips_interesting_get_type(), Int32(SITEGEN_VIPS_INTERESTING_ATTENTION))) == "attention")
        #expect(String(cString: sitegen_vips_enum_nick(sitegen_vips_fail_on_get_type(), Int32(SITEGEN_VIPS_FAIL_ON_ERROR))) == "error")
    }
}

@Suite("SHA-256 of the image cache's keys")
struct SHA256Tests {
    @Test("The FIPS 180-2 examples")
    func standardExamples() {
        #expect(ImageProcessor.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ImageProcessor.sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ImageProcessor.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ImageProcessor.sha256([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("The same as GLib's for every length around the block and padding edges")
    func sameAsGLib() throws {
        try #require(sitegen_vips_load() == 0, Comment(rawValue: String(cString: sitegen_vips_load_error())))
        var generator = SystemRandomNumberGenerator()
        for length in 0...300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let digest = bytes.withUnsafeBufferPointer { sitegen_g_compute_checksum_for_data(Int32(SITEGEN_G_CHECKSUM_SHA256), $0.baseAddress, $0.count) }
            defer { sitegen_g_free(digest) }
            #expect(ImageProcessor.sha256(bytes) == digest.map { String(cString: $0) }, "length \(length)")
        }
    }
}
