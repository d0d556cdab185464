/// Glossary candidates in a text: acronyms (LPG), the legal and emergency terms news copy
/// turns on (undtagelsestilstand, state of emergency), and terms the text explains ("såkaldt
/// X", "X (Y)"). Terms the glossary has are reported as found; the others as candidates, with
/// the sentence that explains them best.
struct TermFinder: Sendable {
    struct Term: Sendable {
        var name: String
        /// The glossary entry's file name when the glossary has the term.
        var knownSlug: String?
        var expansion: String?
        var sentence: String
        var line: Int
        var column: Int
        /// The sentence explains the term, rather than only using it.
        var isExplained: Bool
    }

    private let known: [SiteContext.KnownTerm]
    private let excluded: @Sendable (String) -> Bool
    private(set) var terms: [Term] = []

    /// `excluded` names what is no term: sources and places.
    init(known: [SiteContext.KnownTerm], excluded: @escaping @Sendable (String) -> Bool) {
        self.known = known
        self.excluded = excluded
    }

    mutating func read(_ sentence: String, line: Int, column: Int) {
        let words = Word.split(sentence)
        let lowered = words.map { $0.text.lowercased() }
        for term in known {
            for name in term.names where Self.uses(name, words: words, lowered: lowered) {
                note(Term(name: term.title, knownSlug: term.slug, sentence: sentence, line: line, column: column, isExplained: false))
                break
            }
        }
        for word in words {
            guard let acronym = Self.acronym(word.text), !excluded(acronym), !isKnown(acronym) else { continue }
            note(Term(name: acronym, expansion: Self.expansion(of: acronym, in: sentence), sentence: sentence, line: line, column: column,
                      isExplained: sentence.contains("(\(acronym))") || sentence.contains("\(acronym) (")))
        }
        for word in lowered {
            guard let base = Self.legalTerm(word), !isKnown(base) else { continue }
            note(Term(name: base, sentence: sentence, line: line, column: column, isExplained: false))
        }
        let text = sentence.lowercased()
        for phrase in Self.englishLegal where text.contains(phrase) && !isKnown(phrase) {
            note(Term(name: phrase, sentence: sentence, line: line, column: column, isExplained: false))
        }
        for pattern in [Self.soCalled, Self.explained] {
            for match in pattern.matches(in: sentence) {
                guard let name = match[1], name.count >= 4, !excluded(name), !isKnown(name), !CommonWords.contains(name) else { continue }
                note(Term(name: name, sentence: sentence, line: line, column: column, isExplained: true))
            }
        }
    }

    private func isKnown(_ name: String) -> Bool {
        known.contains { term in term.names.contains { $0.lowercased() == name.lowercased() } }
    }

    /// The first use names a term; a later sentence that explains it replaces the sentence.
    private mutating func note(_ term: Term) {
        if let index = terms.firstIndex(where: { $0.name.lowercased() == term.name.lowercased() }) {
            if term.isExplained, !terms[index].isExplained {
                terms[index].sentence = term.sentence
                terms[index].line = term.line
                terms[index].column = term.column
                terms[index].isExplained = true
                terms[index].expansion = terms[index].expansion ?? term.expansion
            }
            return
        }
        terms.append(term)
    }

    // MARK: Known terms

    static let danishEndings: Set<String> = ["", "s", "en", "et", "ens", "ets", "e", "er", "erne", "ene", "ernes", "enes", "n", "t", "ns", "ts"]

    /// Whether the sentence uses a glossary name in one of its Danish forms; an acronym only
    /// in capitals, with a genitive or an ending after an apostrophe (LPG's, LPG'en).
    static func uses(_ name: String, words: [Word], lowered: [String]) -> Bool {
        let parts = name.split(separator: " ").map(String.init)
        guard !parts.isEmpty, parts.count <= words.count else { return false }
        let isAcronym = acronym(name) == name
        for start in 0...(words.count - parts.count) {
            var matches = true
            for (offset, part) in parts.enumerated() {
                let word = isAcronym ? words[start + offset].text : lowered[start + offset]
                let target = isAcronym ? part : part.lowercased()
                if offset < parts.count - 1 {
                    if word != target { matches = false; break }
                } else if isAcronym {
                    matches = word == target || word.hasPrefix(target + "'") || word.hasPrefix(target + "’")
                } else if word.hasPrefix(target) {
                    var rest = word.dropFirst(target.count)
                    // A doubled final consonant before the ending: forbud → forbuddet.
                    if let last = target.last, rest.first == last, !"aeiouyæøå".contains(last) { rest = rest.dropFirst() }
                    matches = danishEndings.contains(String(rest))
                } else {
                    matches = false
                }
            }
            if matches { return true }
        }
        return false
    }

    // MARK: Acronyms

    private static let romanNumerals: Set<String> = ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX"]

    /// `LPG` in "LPG", "LPG'en", "LPG's"; nil for words that are not two to six capitals.
    static func acronym(_ word: String) -> String? {
        let base = word.split(whereSeparator: { $0 == "'" || $0 == "’" }).first.map(String.init) ?? word
        guard (2...6).contains(base.count), base.allSatisfy({ $0.isUppercase || $0.isNumber }), base.first!.isLetter,
              base.contains(where: \.isLetter), !romanNumerals.contains(base) else { return nil }
        return base
    }

    /// "liquefied petroleum gas (LPG)" or "LPG (liquefied petroleum gas)".
    static func expansion(of acronym: String, in sentence: String) -> String? {
        if let after = sentence.range(of: "\(acronym) ("), let close = sentence[after.upperBound...].firstIndex(of: ")") {
            return String(sentence[after.upperBound..<close])
        }
        guard let open = sentence.range(of: " (\(acronym))") else { return nil }
        let before = sentence[..<open.lowerBound].split(whereSeparator: { ",;:".contains($0) }).last ?? ""
        let words = before.split(separator: " ").suffix(max(acronym.count, 2))
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    // MARK: Legal and emergency terms

    static let legalHeads = [
        "undtagelsestilstand", "nødtilstand", "krigstilstand", "belejringstilstand", "undtagelseslov", "nødlov", "beredskabslov",
        "krigsret", "nødret", "standret", "forbud", "dekret", "priskontrol", "prisloft", "karantæne", "nedlukning",
        "mobilisering", "sanktion", "embargo", "blokade", "amnesti", "generalstrejke", "lockdown",
    ]
    static let englishLegal = ["state of emergency", "martial law", "curfew", "emergency decree", "price cap", "price controls",
                               "state of siege", "general strike", "mobilisation", "mobilization", "amnesty", "embargo", "blockade"]

    /// The base form of a Danish legal term in a word: "udgangsforbuddet" → "udgangsforbud".
    static func legalTerm(_ word: String) -> String? {
        for head in legalHeads {
            guard let range = word.range(of: head) else { continue }
            let base = String(word[..<range.upperBound])
            // "forbud" alone is too general to propose; a compound ("udgangsforbud") is a term.
            if head == "forbud", base == head { return nil }
            var rest = word[range.upperBound...]
            if let last = head.last, rest.first == last { rest = rest.dropFirst() }
            guard danishEndings.contains(String(rest)) else { continue }
            return base
        }
        return nil
    }

    private static let soCalled = Pattern(#"\b(?:såkaldt|såkaldte|so-called)\s+["“„»]?([\p{L}-]+(?:\s[\p{L}-]+)?)["”«]?"#)
    private static let explained = Pattern(#"\b([\p{Ll}][\p{L}-]{3,}),?\s+(?:det vil sige|dvs\.|altså|også kaldet|also known as|known as|which means|hvilket betyder|som betyder)\b"#, caseSensitive: true)
}

import Foundation
