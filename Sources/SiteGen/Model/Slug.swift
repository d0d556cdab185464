/// URL-safe names from titles and file names. Letters are spelt out in a-z rather than dropped:
/// Danish the way Danes write without æøå (æ→ae, ø→oe, å→aa), Russian and Kazakh Cyrillic and
/// Greek by `spelledOut` (a site about Kazakhstan names files `Алматы.md`), other accented
/// letters without their accents (é→e). Anything else separates words. The table is shown in
/// the README's content model; `SlugTests` checks the two agree.
public enum Slug {
    public static func make(_ text: String) -> String {
        if let ascii = makeASCII(text) { return ascii }
        if let latin1 = makeLatin1(text) { return latin1 }
        var writer = Writer(capacity: text.utf8.count)
        for character in text.lowercased() { writer.append(fold(character)) }
        return writer.result
    }

    /// Joins folded letters into words with one `-` between them: nil separates words, `""`
    /// (a dropped sign) neither separates nor adds anything.
    private struct Writer {
        var result = ""
        private var pendingDash = false

        init(capacity: Int) { result.reserveCapacity(capacity) }

        mutating func append(_ folded: String?) {
            guard let folded else {
                pendingDash = !result.isEmpty
                return
            }
            guard !folded.isEmpty else { return }
            if pendingDash { result += "-" }
            pendingDash = false
            result += folded
        }
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

    /// Text within Latin-1 (Danish headings and tags), scalar by scalar through a table, as
    /// `make` would fold it character by character: each such scalar is a character of its own
    /// (a CR LF pair is one, but folds as the two separators it holds), and lowercases within Latin-1.
    private static func makeLatin1(_ text: String) -> String? {
        var writer = Writer(capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x100 else { return nil }
            let value = Int(scalar.value)
            let isCapital = (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7)
            writer.append(latin1Folds[isCapital ? value + 0x20 : value])
        }
        return writer.result
    }

    /// `fold` of each Latin-1 character, made once.
    private static let latin1Folds: [String?] = (0..<256).map { fold(Character(Unicode.Scalar(UInt8($0)))) }

    /// A lowercase letter or digit in a-z and 0-9 (`""` for the hard and soft signs, which are
    /// dropped within a word), or nil for anything that separates words.
    private static func fold(_ character: Character) -> String? {
        if let spelled = spelledOut[character] { return spelled }
        if let ascii = character.asciiValue {
            return (0x61...0x7A).contains(ascii) || (0x30...0x39).contains(ascii) ? String(character) : nil
        }
        // Accented letters lose their accents (é→e, ö→o, ά→α→a, ї is in the table).
        guard let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first,
              base.properties.isAlphabetic || base.properties.numericType == .decimal else { return nil }
        if let spelled = spelledOut[Character(base)] { return spelled }
        return base.isASCII ? String(Character(base)) : nil
    }

    /// Letters spelt out in a-z, lowercase (text is lowercased first). Cyrillic after the
    /// common English romanisation, Kazakh letters by their nearest Russian sound (Ақтау→aktau,
    /// Жаңаөзен→zhanaozen), Greek letter by letter after ELOT 743.
    static let spelledOut: [Character: String] = [
        // Latin letters that do not decompose into a letter and an accent
        "æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h",
        // Russian
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        // Kazakh
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
        // Ukrainian and Belarusian letters Russian lacks
        "є": "ye", "ї": "yi", "ґ": "g", "ў": "u",
        // Greek
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k", "λ": "l",
        "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f",
        "χ": "ch", "ψ": "ps", "ω": "o",
    ]
}

import Foundation
