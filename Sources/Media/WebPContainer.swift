/// The RIFF container of a WebP file. libvips 8.14's WebP saver writes an EXIF chunk even when
/// told to strip metadata (a fresh one, without the photo's fields, but EXIF all the same);
/// this takes out every metadata chunk after saving, so nothing but pixels is published.
enum WebPContainer {
    /// The file without its `EXIF`, `XMP ` and `ICCP` chunks (and their flags in `VP8X`), or
    /// nil when the bytes are no WebP file.
    static func removingMetadata(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return nil }
        var chunks: [UInt8] = []
        var position = 12
        while position + 8 <= bytes.count {
            let name = String(decoding: bytes[position..<(position + 4)], as: UTF8.self)
            let size = Int(bytes[position + 4]) | Int(bytes[position + 5]) << 8 | Int(bytes[position + 6]) << 16 | Int(bytes[position + 7]) << 24
            let end = min(bytes.count, position + 8 + size + size % 2)
            var chunk = Array(bytes[position..<end])
            if name == "VP8X", chunk.count > 8 {
                // Flags: ICC profile 0x20, EXIF 0x08, XMP 0x04.
                chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04)
            }
            if !["EXIF", "XMP ", "ICCP"].contains(name) { chunks += chunk }
            position = end
        }
        let size = UInt32(4 + chunks.count)
        return Array("RIFF".utf8) + (0..<4).map { UInt8((size >> (8 * $0)) & 0xFF) } + Array("WEBP".utf8) + chunks
    }
}
