/// Cuts a paragraph into sentences, keeping where each starts. A full stop ends a sentence
/// when a capital, a quotation mark or a dash follows, except after an abbreviation
/// ("kl.", "bl.a.", "Jan.") or an initial.
enum SentenceSplitter {
    struct Piece {
        var text: String
        var line: Int
        var column: Int
    }

    static let abbreviations: Set<String> = [
        "kl", "ca", "bl.a", "f.eks", "dvs", "mv", "pct", "nr", "jf", "mio", "mia", "hhv", "o.l", "inkl", "ekskl", "ds", "evt",
        "st", "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "okt", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m", "no", "vs", "etc", "e.g", "i.e", "fx", "mht", "vedr",
    ]

    static func split(_ lines: [(number: Int, text: String)]) -> [Piece] {
        // Characters with the line and column each came from.
        var characters: [(Character, Int, Int)] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { characters.append((" ", line.number, 0)) }
            for (column, character) in line.text.enumerated() {
                characters.append((character, line.number, column + 1))
            }
        }
        var pieces: [Piece] = []
        var start = 0
        var index = 0
        func flush(upTo end: Int) {
            var slice = characters[start..<end].drop { $0.0 == " " }
            while slice.last?.0 == " " { slice = slice.dropLast() }
            if let first = slice.first {
                pieces.append(Piece(text: String(slice.map(\.0)), line: first.1, column: first.2))
            }
            start = end
        }
        while index < characters.count {
            let character = characters[index].0
            if ".!?…".contains(character) {
                var end = index + 1
                while end < characters.count, "\"”»’)".contains(characters[end].0) { end += 1 }
                guard end < characters.count, characters[end].0 == " " else { index = end; continue }
                var next = end
                while next < characters.count, characters[next].0 == " " { next += 1 }
                guard next < characters.count else { index = end; continue }
                let following = characters[next].0
                let opensSentence = following.isUppercase || "\"“„»«-–—".contains(following)
                if opensSentence, character != "." || !isAbbreviation(before: index, in: characters) {
                    flush(upTo: end)
                }
                index = end
            } else {
                index += 1
            }
        }
        flush(upTo: characters.count)
        return pieces
    }

    /// Whether the word ending at the full stop at `index` is an abbreviation or an initial.
    private static func isAbbreviation(before index: Int, in characters: [(Character, Int, Int)]) -> Bool {
        var first = index
        while first > 0, characters[first - 1].0 != " " { first -= 1 }
        let word = String(characters[first..<index].map(\.0)).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "(\"“„"))
        if word.count == 1, word.first!.isLetter { return true }
        return abbreviations.contains(word)
    }
}

import Foundation
