import Foundation
import Media

/// Photos the tests make themselves: a PPM drawn byte by byte, made a JPEG by sitegen's own
/// image step, and an EXIF block with a GPS position (and an orientation) spliced into a
/// JPEG, as a phone camera writes it.
public enum TestPhotos {
    /// A `width` x `height` colour gradient in binary PPM, which libvips reads.
    public static func ppm(width: Int, height: Int) -> [UInt8] {
        var bytes = Array("P6\n\(width) \(height)\n255\n".utf8)
        bytes.reserveCapacity(bytes.count + width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                bytes += [UInt8(x * 255 / max(width - 1, 1)), UInt8(y * 255 / max(height - 1, 1)), 128]
            }
        }
        return bytes
    }

    /// A plain JPEG of a gradient, without metadata.
    public static func jpeg(width: Int, height: Int) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-photo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.ppm")
        try Data(ppm(width: width, height: height)).write(to: source)
        let image = try ImageProcessor.process(source.path, into: folder.path, settings: ImageSettings(widths: [width]))
        return Array(try Data(contentsOf: folder.appendingPathComponent(image.variants(.jpeg).last!.fileName)))
    }

    /// A JPEG with a GPS position in its EXIF, as a phone writes it.
    public static func jpegWithGPS(width: Int, height: Int, orientation: UInt16? = nil) throws -> [UInt8] {
        withEXIF(try jpeg(width: width, height: height), orientation: orientation)
    }

    /// The JPEG with an APP1 EXIF segment holding GPS latitude and longitude (Almaty) and,
    /// when given, an orientation, placed after the JFIF segment.
    public static func withEXIF(_ jpeg: [UInt8], orientation: UInt16? = nil) -> [UInt8] {
        var entries: [[UInt8]] = []
        if let orientation { entries.append(entry(tag: 0x0112, type: 3, count: 1, value: be16(orientation) + [0, 0])) }
        let ifd0Size = 2 + 12 * (entries.count + 1) + 4
        let gpsOffset = 8 + ifd0Size
        entries.append(entry(tag: 0x8825, type: 4, count: 1, value: be32(UInt32(gpsOffset))))
        var tiff = Array("MM".utf8) + be16(42) + be32(8)
        tiff += be16(UInt16(entries.count)) + entries.flatMap { $0 } + be32(0)
        let dataOffset = UInt32(gpsOffset + 2 + 12 * 4 + 4)
        tiff += be16(4)
        tiff += entry(tag: 0x0001, type: 2, count: 2, value: Array("N".utf8) + [0, 0, 0])
        tiff += entry(tag: 0x0002, type: 5, count: 3, value: be32(dataOffset))
        tiff += entry(tag: 0x0003, type: 2, count: 2, value: Array("E".utf8) + [0, 0, 0])
        tiff += entry(tag: 0x0004, type: 5, count: 3, value: be32(dataOffset + 24))
        tiff += be32(0)
        for value: UInt32 in [43, 1, 15, 1, 0, 1, 76, 1, 55, 1, 0, 1] { tiff += be32(value) }
        let segment = [0xFF, 0xE1] + be16(UInt16(2 + 6 + tiff.count)) + Array("Exif".utf8) + [0, 0] + tiff
        var insertAt = 2
        if jpeg.count > 6, jpeg[2] == 0xFF, jpeg[3] == 0xE0 {
            insertAt = 4 + Int(jpeg[4]) << 8 + Int(jpeg[5])
        }
        return Array(jpeg[..<insertAt]) + segment + Array(jpeg[insertAt...])
    }

    private static func entry(tag: UInt16, type: UInt16, count: UInt32, value: [UInt8]) -> [UInt8] {
        be16(tag) + be16(type) + be32(count) + value
    }

    private static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    private static func be32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (24 - 8 * $0)) & 0xFF) } }
}

