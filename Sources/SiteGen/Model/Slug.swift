/// URL-safe names from titles and file names. Danish letters are spelt out the way Danes
/// write them without æøå (æ→ae, ø→oe, å→aa) rather than dropped.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for character in text.lowercased() {
            let folded = fold(character)
            guard !folded.isEmpty else {
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result += "-" }
            pendingDash = false
            result += folded
        }
        return result
    }

    /// The common case, plain ASCII, byte by byte: slugs are made for every tag and heading.
    private static func makeASCII(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lowered = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lowered) || (0x30...0x39).contains(lowered) {
                if pendingDash { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lowered)
            } else {
                pendingDash = !bytes.isEmpty
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func fold(_ character: Character) -> String {
        switch character {
        case "æ": return "ae"
        case "ø": return "oe"
        case "å": return "aa"
        case "ß": return "ss"
        case "a"..."z", "0"..."9": return String(character)
        default:
            // Other accented letters lose their accents (é→e, ö→o); everything else separates words.
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first
            guard let base, base.isASCII, base.properties.isAlphabetic || ("0"..."9").contains(Character(base)) else { return "" }
            return String(Character(base))
        }
    }
}

import Foundation
