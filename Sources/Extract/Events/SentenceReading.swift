/// What a sentence says about itself: whether it reports something that happened, whether it
/// hedges, whether it only names who said the sentence before; and its title as an event.
enum SentenceReading {
    /// "angiveligt", "skal have", "ifølge meldinger", "reportedly", "allegedly" and kin.
    static let hedge = Pattern(#"\b(angiveligt|efter sigende|skal (?:\p{L}+\s+){0,3}?(?:have|være)|skulle (?:\p{L}+\s+){0,3}?(?:have|være)|ifølge meldinger|ifølge uofficielle|uden at det er bekræftet|ikke (?:uafhængigt )?bekræftet|ubekræftede?|kan ikke bekræftes|kunne ikke (?:uafhængigt )?bekræfte|ikke kunnet (?:uafhængigt )?(?:bekræfte|verificere)|rygter|reportedly|allegedly|purportedly|unconfirmed|could not (?:be )?(?:independently )?(?:verify|verified|confirm|confirmed)|not (?:been )?independently (?:verified|confirmed)|(?:not|un)able to (?:independently )?(?:verify|confirm)|is said to have|are said to have|were said to)\b"#)

    /// "Det skriver Reuters." — names the source of the sentence before.
    private static let attributionOnly = Pattern(#"^(?:det|dette|sådan|så|that|this)\s+(?:\p{L}+\s+){0,2}?(skriver|oplyser|melder|siger|fortæller|rapporterer|bekræfter|erfarer|meddeler|udtaler|viser|reported|said|reports|says|writes|according)\b"#)

    /// "Det betyder ...", "This means ...": the sentence explains the one before.
    private static let elaboration = Pattern(#"^(?:(?:det|dette|dermed|derfor|hermed|this|that|it)\s+(?:betyder|indebærer|medfører|omfatter|gælder|means|includes|meant|involves)|(?:flere|mange|nogle|ingen|alle|en|to|tre)\s+af\s+(?:dem|disse)|(?:many|some|several|none|all|one|two|three)\s+of\s+(?:them|these)|(?:de|han|hun|they|he|she)\s)\b"#)

    static func isAttributionOnly(_ sentence: String) -> Bool {
        attributionOnly.contains(sentence) && Word.split(sentence).count <= 16
    }

    /// "Oplysningerne er ikke uafhængigt bekræftet": a note on the sentence before.
    private static let verificationNote = Pattern(#"^(?:\p{L}+\s+){0,2}?(?:er|kan|kunne|har|could|can|has|have|was|were|is|are)\s+(?:endnu\s+|yet\s+)?(?:ikke|not)\b.*\b(?:bekræft|verif|confirm)"#)

    static func isElaboration(_ sentence: String) -> Bool {
        elaboration.contains(sentence) || verificationNote.contains(sentence)
    }

    static func isHedged(_ sentence: String) -> Bool { hedge.contains(sentence) }

    // MARK: Does it report something that happened?

    private static let danishPast = Pattern(#"\b(?<!\bat\s)(?:\p{Ll}{2,}(?:ede|(?<!s)te)|gik|kom|blev|var|tog|fik|gav|lod|stod|så|slog|brød|døde|faldt|skød|sagde|skrev|satte|lagde|bad|frøs|forsvandt|flygtede|greb|rev|trak|vandt|tabte|sank|brændte|fløj|løb|sprang|steg|sendte|mødtes)\b"#, caseSensitive: true)
    private static let danishPerfect = Pattern(#"\b(?:har|havde|er|var|blev|bliver|er blevet|var blevet)\s+(?:[\p{L}\d.,]+\s+){0,4}?\p{Ll}{3,}(?:et|t|ede|en)\b"#)
    private static let danishHappening = Pattern(#"\b(?:stormer|erklærer|indfører|genindfører|går af|forsøger|skyder|dræber|anholder|demonstrerer|protesterer|brænder|eksploderer|rammer|evakuerer|lukker|strejker|blokerer|rykker|angriber|besætter|indtager|afviser|accepterer|udråber|træder tilbage|flygter|omkommer|dør|oversvømmer|ryster|bryder ud|sætter ind|arresterer|tilbageholder|indsætter|annoncerer|meddeler|beslutter|vedtager|ophæver|suspenderer|aflyser|kollapser|styrter)\b"#)
    private static let englishPast = Pattern(#"\b(?:\p{Ll}{3,}ed|was|were|went|took|said|fled|fell|hit|struck|began|rose|shot|broke|came|gave|led|left|met|ran|saw|sent|set|spread|stood|swept|threw|told|tore|won|burnt|held|killed|seized|stormed|declared|announced|imposed|resigned)\b"#, caseSensitive: true)
    private static let englishPerfect = Pattern(#"\b(?:has|have|had)\s+(?:been\s+)?\p{Ll}{3,}(?:ed|en|t)\b"#)

    /// Past or perfect tense, or a verb of happening in the present news copy uses ("Politiet forsøger ...").
    static func reportsHappening(_ sentence: String) -> Bool {
        [danishPast, danishPerfect, danishHappening, englishPast, englishPerfect].contains { $0.contains(sentence) }
    }

    // MARK: Titles

    private static let trailingAttribution = Pattern(#"(?:,|\s[-–—])\s*(?:(?:skriver|oplyser|melder|siger|fortæller|rapporterer|bekræfter|erfarer|meddeler|udtaler|ifølge|according to|citing|lyder det)\b|\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*\s+(?:reported|said|reports|says|writes|wrote)\b).*$"#, caseSensitive: true)
    private static let leadingAttribution = Pattern(#"^(?i:ifølge|according to)\s+(?:[\p{Ll}-]+\s+){0,4}?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*\s*,\s*"#, caseSensitive: true)
    /// "In the western Tillaberi region, ...": where and when, before the statement itself.
    /// English only: a Danish sentence that opens "I nat gik ..., " keeps its verb there.
    private static let leadingSetting = Pattern(#"^(?:In|On|At|After|Earlier|Later|Meanwhile)\s+(?:[^,\s]+\s+){0,5}[^,\s]+,\s+"#, caseSensitive: true)
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
        for pattern in [leadingAttribution, leadingSetting] {
            if let match = pattern.firstMatch(in: text), text[match.range.upperBound...].count > 20 {
                text = String(text[match.range.upperBound...])
            }
        }
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
}

import Foundation
