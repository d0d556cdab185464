/// Sorting words the way the site's language does. Danish puts æ, ø, å after z and
/// ignores case; other accented letters sort with their base letter.
public enum Collation {
    public static func key(_ text: String, language: String) -> [UInt32] {
        let danish = language.hasPrefix("da") || language.hasPrefix("nb") || language.hasPrefix("no")
        return text.lowercased().unicodeScalars.map { scalar in
            if danish {
                switch scalar {
                case "æ", "ä": return 0x7B
                case "ø", "ö": return 0x7C
                case "å": return 0x7D
                default: break
                }
            }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? scalar
            return base.value
        }
    }

    /// The letter a word is filed under in an index: `Æ` for `ærter` in Danish, `E` for `église`.
    public static func initial(_ text: String, language: String) -> String {
        guard let first = text.first else { return "" }
        switch key(String(first), language: language).first {
        case 0x7B: return "Æ"
        case 0x7C: return "Ø"
        case 0x7D: return "Å"
        case let value?: return Unicode.Scalar(value).map { String($0).uppercased() } ?? String(first).uppercased()
        case nil: return String(first).uppercased()
        }
    }

    public static func sorted<T>(_ items: [T], language: String, by text: (T) -> String) -> [T] {
        items.map { (key(text($0), language: language), text($0), $0) }
            .sorted { ($0.0.lexicographicallyPrecedes($1.0)) || ($0.0 == $1.0 && $0.1 < $1.1) }
            .map(\.2)
    }
}

import Foundation
