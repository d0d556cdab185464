/// An event's title from its sentence: the statement itself, short, in the text's own words,
/// without the attribution, the words that tie it to the sentence before ("Men", "Samtidig")
/// or a Danish main clause's inverted order once its opening is gone.
extension SentenceReading {
    private static let trailingAttribution = Pattern(#"(?:,|\s[-–—])\s*(?:(?:skriver|oplyser|melder|siger|fortæller|rapporterer|bekræfter|erfarer|meddeler|udtaler|ifølge|according to|citing|lyder det)\b|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*\s+(?:reported|said|reports|says|writes|wrote)\b).*$"#, caseSensitive: true)
    /// "Ifølge AFP, ..." and "According to Reuters, ...".
    private static let leadingAttribution = Pattern(#"^(?i:ifølge|according to)\s+(?:[\p{Ll}-]+\s+){0,4}?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*\s*,\s*"#, caseSensitive: true)
    /// "Ifølge det kasakhiske medie Zakon skal demonstranter ...": no comma, the verb comes next.
    /// A named source or body only: "Ifølge meldinger" is a hedge, and stays.
    private static let leadingDanishAttribution = Pattern(#"^(?i:ifølge)\s+(?:[\p{Ll}-]+\s+){0,4}?(?:\p{Lu}[\p{L}\d'’-]*(?:\s+\p{Lu}[\p{L}\d'’-]*)*|"# + AttributionFinder.body + #")\s+(?=\p{Ll})"#, caseSensitive: true)
    /// "In the western Tillaberi region, ...": where and when, before the statement itself.
    /// English only: a Danish sentence that opens "I nat gik ..., " keeps its verb there.
    private static let leadingSetting = Pattern(#"^(?:In|On|At|After|Earlier|Later|Meanwhile)\s+(?:[^,\s]+\s+){0,5}[^,\s]+,\s+"#, caseSensitive: true)
    /// Words that only join a sentence to the one before. Conjunctions leave the order as it is;
    /// after a Danish adverb the verb comes before the subject and must go back after it.
    private static let leadingConjunction = Pattern(#"^(?:men|og|but|and|yet|so|however|meanwhile|moreover|furthermore|also|in addition|at the same time)\b,?\s+"#)
    private static let leadingAdverb = Pattern(#"^(?:samtidig|derudover|desuden|endvidere|imens|imidlertid|også|ligeledes|herudover|dertil|sideløbende|dog|i mellemtiden|samtidig hermed)\b,?\s+"#)
    private static let danglingWords: Set<String> = ["og", "i", "på", "af", "til", "med", "for", "at", "som", "der", "de", "den", "det", "en", "et",
                                                    "and", "in", "on", "of", "to", "with", "for", "that", "the", "a", "an", "at", "by", "from", "om", "mod"]

    /// The sentence's main statement, short: attribution and anything past ~80 characters cut
    /// at a word, so the editor starts from the text's own words.
    static func title(_ sentence: String, maximum: Int = 80) -> String {
        var text = sentence.trimmingCharacters(in: .whitespaces)
        while let last = text.last, ".!?:;".contains(last) { text.removeLast() }
        if let match = trailingAttribution.firstMatch(in: text), text.distance(from: text.startIndex, to: match.range.lowerBound) > 20 {
            text = String(text[..<match.range.lowerBound])
        }
        text = withoutOpening(text)
        let truncated = text.count > maximum
        if truncated {
            let limit = text.index(text.startIndex, offsetBy: maximum)
            let head = text[..<limit]
            if let comma = head.range(of: ", ", options: .backwards), text.distance(from: text.startIndex, to: comma.lowerBound) > 30 {
                text = String(text[..<comma.lowerBound])
            } else if let space = head.lastIndex(of: " ") {
                text = String(text[..<space])
            }
        }
        var words = text.split(separator: " ").map(String.init)
        while truncated, words.count > 3, let last = words.last, danglingWords.contains(last.lowercased()) { words.removeLast() }
        text = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ,;–—-"))
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The title of what a source reported ("meldte Tass, at præsidenten ikke havde accepteret ..."):
    /// the clause, in the order of a main clause ("Præsidenten havde ikke accepteret ...").
    static func title(reported clause: String) -> String {
        var words = clause.split(separator: " ").map(String.init)
        if let adverb = words.prefix(5).firstIndex(where: { clauseAdverbs.contains($0.lowercased()) }), adverb > 0,
           adverb + 1 < words.count, isFiniteVerb(words[adverb + 1]) {
            words.swapAt(adverb, adverb + 1)
        }
        return title(words.joined(separator: " "))
    }

    /// The sentence without what opens it and is no part of the statement: an attribution,
    /// an English setting, a conjunction or a joining adverb (again and again: "Men samtidig ...").
    private static func withoutOpening(_ sentence: String) -> String {
        var text = sentence
        while true {
            let before = text
            for pattern in [leadingAttribution, leadingSetting, leadingConjunction] {
                if let match = pattern.firstMatch(in: text), text[match.range.upperBound...].count > 20 {
                    text = String(text[match.range.upperBound...])
                }
            }
            for pattern in [leadingDanishAttribution, leadingAdverb] {
                // "Ifølge vidner skød politiet ...": a verb before the name, so no attribution.
                if let match = pattern.firstMatch(in: text), text[match.range.upperBound...].count > 20, !reportsHappening(String(text[match.range])),
                   let reordered = subjectFirst(text[match.range.upperBound...].split(separator: " ").map(String.init)) {
                    text = reordered.joined(separator: " ")
                }
            }
            if text == before { return text }
            text = text.prefix(1).uppercased() + text.dropFirst()
        }
    }

    // MARK: Danish word order

    /// "skal demonstranter onsdag have stormet ..." → "demonstranter skal onsdag have stormet ...":
    /// a Danish main clause whose opening was dropped, with its subject before its verb again;
    /// nil unless the subject is plain enough to be sure of (then the opening stays).
    static func subjectFirst(_ words: [String]) -> [String]? {
        guard words.count >= 2, isFiniteVerb(words[0]), let length = subjectLength(words.dropFirst()) else { return nil }
        var subject = Array(words[1...length])
        var verb = words[0]
        subject[0] = subject[0].prefix(1).uppercased() + subject[0].dropFirst()
        // "meddelte regeringen, at ..." → "Regeringen meddelte, at ...": the comma stays where the clause ends.
        while let last = subject.last?.last, ",;:".contains(last) {
            subject[subject.count - 1].removeLast()
            verb.append(last)
        }
        return subject + [verb] + words[(length + 1)...]
    }

    /// The words of a plain subject at the start: a pronoun, a name, or a noun with its
    /// determiner, number or quantifier and the name it introduces ("præsident Tokajev").
    private static func subjectLength(_ words: ArraySlice<String>) -> Int? {
        var index = words.startIndex
        func word(_ i: Int) -> String? { i < words.endIndex ? words[i].trimmingCharacters(in: .punctuationCharacters) : nil }
        func isName(_ i: Int) -> Bool { word(i)?.first?.isUppercase ?? false }
        guard let first = word(index) else { return nil }
        if subjectPronouns.contains(first.lowercased()), !(word(index + 1).map(isAdjective) ?? false) { return 1 }
        if isName(index) {
            while isName(index) { index += 1 }
            // "Kasakhstans præsident Tokajev": a genitive owns the noun after it.
            guard word(index - 1)!.hasSuffix("s"), let noun = word(index), isNoun(noun) else { return index - words.startIndex }
        }
        var determined = false
        while let current = word(index)?.lowercased(),
              determiners.contains(current) || quantifiers.contains(current) || current.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) {
            determined = determined || determiners.contains(current)
            index += 1
            // "tusindvis af demonstranter", "mere end 13.000 mennesker", "lige så mange", "op til 20".
            if let next = word(index), ["af", "end", "så", "til"].contains(next) { index += 1 }
        }
        while determined, let current = word(index), isAdjective(current), word(index + 1).map(isNoun) ?? false { index += 1 }
        guard let noun = word(index), isNoun(noun) else { return nil }
        index += 1
        while isName(index) { index += 1 }
        return index - words.startIndex
    }

    private static func isFiniteVerb(_ word: String) -> Bool {
        let lowered = word.lowercased()
        guard word.first?.isLowercase == true, !notVerbs.contains(lowered) else { return false }
        return auxiliaries.contains(lowered) || lowered.hasSuffix("ede") || lowered.hasSuffix("te") || lowered.hasSuffix("er")
            || danishPast.contains(lowered)
    }

    private static func isNoun(_ word: String) -> Bool {
        word.first?.isLowercase == true && word.count >= 2 && word.allSatisfy { $0.isLetter || $0 == "-" } && !notNouns.contains(word.lowercased())
    }

    private static func isAdjective(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return word.first?.isLowercase == true && (lowered.hasSuffix("e") || lowered.hasSuffix("ske"))
    }

    private static let auxiliaries: Set<String> = ["er", "var", "har", "havde", "blev", "bliver", "skal", "skulle", "vil", "ville", "kan", "kunne",
                                                   "må", "måtte", "bør", "burde", "får", "fik", "gik", "kom", "tog", "lod", "stod", "gav", "døde", "så"]
    private static let subjectPronouns: Set<String> = ["han", "hun", "de", "den", "det", "vi", "man", "jeg", "du", "der"]
    private static let determiners: Set<String> = ["den", "det", "de", "en", "et", "denne", "dette", "disse"]
    private static let quantifiers: Set<String> = [
        "mange", "flere", "få", "nogle", "alle", "ingen", "begge", "mindst", "over", "omkring", "cirka", "ca.", "næsten", "knap", "godt",
        "mere", "lige", "op",
        "tusindvis", "hundredvis", "titusindvis", "større", "mindre", "yderligere", "to", "tre", "fire", "fem", "seks", "syv", "otte",
        "ni", "ti", "elleve", "tolv", "tyve", "tredive", "fyrre", "halvtreds", "hundrede", "tusind",
    ]
    /// Adverbs a Danish subordinate clause puts before its verb ("at præsidenten ikke havde").
    private static let clauseAdverbs: Set<String> = ["ikke", "aldrig", "også", "allerede", "nu", "endnu", "stadig", "snart", "netop", "derfor"]
    private static let notVerbs: Set<String> = ["med", "at", "som", "i", "på", "til", "for", "fra", "af", "om", "under", "efter", "ved", "da",
                                                "når", "mens", "hvor", "og", "men", "eller", "ikke", "også", "her", "der", "hermed", "dermed"]
    private static let notNouns: Set<String> = notVerbs.union(clauseAdverbs).union(auxiliaries).union(DateResolver.weekdays.keys)
        .union(["have", "være", "blevet", "været", "haft", "sig", "dem", "ham", "hende", "os"])
}

import Foundation
