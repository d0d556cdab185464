/// A sentence's words with where each starts, for the finders that look at capitalised names.
struct Word: Sendable {
    var text: String
    var range: Range<String.Index>

    var isCapitalised: Bool { text.first?.isUppercase ?? false }

    /// Letters and digits, with hyphens and apostrophes inside a word ("Nur-Sultan", "Almaty's").
    static func split(_ sentence: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = sentence.startIndex
        func isPart(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        while index < sentence.endIndex {
            let character = sentence[index]
            let next = sentence.index(after: index)
            if isPart(character) {
                if start == nil { start = index }
            } else if start != nil, "-'’".contains(character), next < sentence.endIndex, isPart(sentence[next]) {
                // inside a word
            } else if let first = start {
                words.append(Word(text: String(sentence[first..<index]), range: first..<index))
                start = nil
            }
            index = next
        }
        if let first = start { words.append(Word(text: String(sentence[first...]), range: first..<sentence.endIndex)) }
        return words
    }
}

/// Capitalised words that are no names: sentence openers, pronouns, weekdays and months, and
/// words news copy capitalises. A name the finders cannot place is never a place.
enum CommonWords {
    static let all: Set<String> = [
        "a", "an", "the", "and", "but", "or", "in", "on", "at", "of", "to", "for", "by", "with", "from", "as", "it", "its",
        "he", "she", "they", "we", "i", "you", "his", "her", "their", "this", "that", "these", "those", "there", "here",
        "when", "while", "after", "before", "since", "until", "if", "according", "some", "many", "most", "all", "no", "not",
        "police", "president", "prime", "minister", "government", "army", "state", "city", "people", "protesters",
        "og", "men", "eller", "i", "på", "af", "til", "med", "fra", "for", "om", "ved", "efter", "før", "siden", "under",
        "det", "den", "de", "der", "dem", "han", "hun", "vi", "jeg", "du", "man", "hans", "hendes", "deres", "sin", "sit",
        "en", "et", "som", "da", "når", "hvis", "her", "nu", "også", "ifølge", "flere", "mange", "alle", "ingen", "nogle",
        "politiet", "præsident", "præsidenten", "regeringen", "hæren", "ministeren", "statsminister", "statsministeren",
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
        "september", "oktober", "november", "december", "january", "february", "march", "may", "june", "july", "october",
        "både", "both", "også", "foto", "photo", "vis", "mere", "læs", "se", "opdateret", "updated", "kl", "klokken",
    ]

    static func contains(_ word: String) -> Bool { all.contains(word.lowercased()) }
}
