/// The words of running text, as the glossary matches them: runs of letters and digits.
/// A hyphen or apostrophe between two letters belongs to the word, so a Danish compound
/// (`LPG-prisen`) or a genitive (`LPG's`) is one word, and a term never matches part of it.
enum TextWords {
    static func ranges(in text: String) -> [Range<String.Index>] {
        let scalars = text.unicodeScalars
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let wordStart = start,
                      !(isJoiner(scalar) && next < scalars.endIndex && isWordScalar(scalars[next])) {
                ranges.append(wordStart..<index)
                start = nil
            }
            index = next
        }
        if let start { ranges.append(start..<scalars.endIndex) }
        return ranges
    }

    /// The words of a name, for looking it up the way text is read.
    static func words(of name: String) -> [Substring] {
        ranges(in: name).map { name[$0] }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return true
        case 0...0x7F: return false
        default: break
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// Whether only spaces separate two words of a phrase (`flydende gas`), not punctuation.
    static func isSpace(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{A0}" || $0 == "\t" }
    }
}
