import Foundation

/// Names compared the way a reader compares them across transliterations: Mangistau, Mangystau
/// and Mangghystaū are one name, and so are Kasakhstan and Kazakhstan, Tokajev and Tokayev.
enum NameFold {
    /// Lower case, no accents or punctuation, and the letters transliterations disagree on merged
    /// (kh/h, gh/g, zh/z, q/k, y/i/j, w/v, z/s, doubled letters). One pass over the scalars: the
    /// gazetteer folds some 150,000 names when it loads.
    static func key(_ name: String) -> String {
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(name.unicodeScalars.count)
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "æ": letters += ["a", "e"]
            case "ø": letters.append("o")
            case "ß": letters += ["s", "s"]
            case "ı": letters.append("i")
            case "ł": letters.append("l")
            case "đ": letters.append("d")
            default:
                let properties = scalar.properties
                if (properties.isAlphabetic && properties.generalCategory != .nonspacingMark) || ("0"..."9").contains(scalar) {
                    letters.append(scalar)
                }
            }
        }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < letters.count {
            var letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            index += 1
            if letter == "s", next == "c", index + 1 < letters.count, letters[index + 1] == "h" {
                index += 1  // sch → sh
            } else if next == "h", ["k", "g", "z", "p"].contains(letter) {
                index += 1
                letter = letter == "k" ? "h" : letter == "p" ? "f" : letter
            }
            switch letter {
            case "q": letter = "k"
            case "y", "j": letter = "i"
            case "w": letter = "v"
            case "z": letter = "s"
            default: break
            }
            if result.last != letter { result.append(letter) }
        }
        return String(result)
    }
}
