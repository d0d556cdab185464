/// The written forms a glossary name matches in running text.
///
/// Danish nouns inflect at the end, so a name also matches its common inflected forms, made
/// from its last word with a handful of rules rather than a dictionary:
///
/// - after a consonant: -en, -et (definite), -e, -er, -erne, -ene (plural);
///   after -e: -n, -t, -r, -rne, -ne (`tenge` → `tengen`);
/// - a final consonant after a single vowel is also doubled before those endings
///   (`udgangsforbud` → `udgangsforbuddet`, `priskontrol` → `priskontrollen`);
/// - every form also has a genitive -s, unless it already ends in s, x or z.
///
/// The rules overshoot (`chokgranat` also gives `chokgranatten`), which only costs a few
/// dictionary entries: a form nobody writes never matches. Irregular forms go in the term's
/// `forms:` list. An acronym (`LPG`) is not inflected that way: it matches as written and
/// with a genitive `'s` (`LPG's`), and only in capitals.
enum TermForms {
    /// Two or more letters, all capitals: `LPG`, `CSTO`, `LPG 2`.
    static func isAcronym(_ name: String) -> Bool {
        let letters = name.unicodeScalars.filter(\.properties.isAlphabetic)
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// Each form with the ending it adds to `name`, the name itself first (ending "").
    static func forms(of name: String) -> [(form: String, ending: String)] {
        [(name, "")] + endings(of: name).map { (name + $0, $0) }
    }

    /// What each inflected form adds to `name`.
    static func endings(of name: String) -> [String] {
        isAcronym(name) ? ["'s", "’s"] : inflectedEndings(of: name)
    }

    private static let vowels = Set("aeiouyæøåéáíóú")

    private static func inflectedEndings(of name: String) -> [String] {
        let word = Array(name.lowercased())
        guard let last = word.last, last.isLetter else { return [] }
        var stems = [""]
        let endings: [String]
        if last == "e" {
            endings = ["n", "t", "r", "rne", "ne"]
        } else {
            endings = vowels.contains(last) ? ["en", "et", "er", "erne", "ene", "n", "r", "rne"] : ["en", "et", "e", "er", "erne", "ene"]
            if doublesFinalConsonant(word) { stems.append(String(last)) }
        }
        let plain = stems.flatMap { stem in endings.map { stem + $0 } }
        let genitives = ([""] + plain).filter { !endsInSibilant(word, plus: $0) }.map { $0 + "s" }
        return plain + genitives
    }

    /// A single consonant after a single vowel (`-bud`, `-trol`, `-gas`): the pattern whose
    /// consonant Danish doubles before a vowel ending. Not j, v, w, x, which never double.
    private static func doublesFinalConsonant(_ word: [Character]) -> Bool {
        guard word.count >= 3 else { return false }
        let (before, vowel, consonant) = (word[word.count - 3], word[word.count - 2], word[word.count - 1])
        return consonant.isLetter && !vowels.contains(consonant) && !"jvwx".contains(consonant)
            && vowels.contains(vowel) && !vowels.contains(before)
    }

    private static func endsInSibilant(_ word: [Character], plus ending: String) -> Bool {
        let last = ending.last ?? word.last
        return last.map { "sxz".contains($0) } ?? false
    }
}
