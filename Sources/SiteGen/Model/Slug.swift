/// URL-safe names from titles and file names. Danish letters are spelt out the way Danes
/// write them without æøå (æ→ae, ø→oe, å→aa) rather than dropped.
public enum Slug {
    public static func make(_ text: String) -> String {
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
