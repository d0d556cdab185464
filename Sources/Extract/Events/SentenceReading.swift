/// What a sentence says about itself: whether it reports something that happened, whether it
/// hedges, whether it only names who said the sentence before; and its title as an event.
enum SentenceReading {
    /// "angiveligt", "skal have", "ifølge meldinger", "reportedly", "allegedly" and kin.
    static let hedge = Pattern(#"\b(angiveligt|efter sigende|skal (?:\p{L}+\s+){0,3}?(?:have|være)|skulle (?:\p{L}+\s+){0,3}?(?:have|være)|ifølge meldinger|ifølge uofficielle|uden at det er bekræftet|ikke (?:uafhængigt )?bekræftet|ubekræftede?|kan ikke bekræftes|kunne ikke (?:uafhængigt )?bekræfte|ikke kunnet (?:uafhængigt )?(?:bekræfte|verificere)|rygter|reportedly|allegedly|purportedly|unconfirmed|could not (?:be )?(?:independently )?(?:verify|verified|confirm|confirmed)|not (?:been )?independently (?:verified|confirmed)|(?:not|un)able to (?:independently )?(?:verify|confirm)|is said to have|are said to have|were said to)\b"#)

    /// "Det skriver Reuters.", "Det fremgår af X", "Reuters reported.", "According to Reuters.":
    /// names the source of what came before, and says nothing itself.
    private static let attributionOnly = [
        Pattern(#"^(?:og\s+)?(?:det|dette|sådan|så|that|this)\s+(?:\p{L}+\s+){0,2}?(?:skriver|oplyser|melder|siger|fortæller|rapporterer|bekræfter|erfarer|meddeler|udtaler|viser|skrev|oplyste|meldte|sagde|fortalte|rapporterede|bekræftede|meddelte|fremgår|fremgik|ifølge|reported|said|reports|says|writes|wrote|confirmed|according)\b"#),
        Pattern(#"^(?:(?:that|this)\s+(?:is|was)\s+)?(?i:ifølge|according to)\s+(?:[\p{Ll}-]+\s+){0,4}?(?:\p{Lu}[\p{L}\d'’&-]*(?:\s+\p{Lu}[\p{L}\d'’&-]*)*|"# + AttributionFinder.body + #")\W*$"#, caseSensitive: true),
        Pattern(#"^(?i:the\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:\p{Lu}[\p{L}\d'’&-]*(?:\s+\p{Lu}[\p{L}\d'’&-]*)*|"# + AttributionFinder.body + #")\s+(?i:reported|said|reports|says|wrote|writes|confirmed)(?:,?\s+(?i:citing|quoting)\s+[^,.]+)?\W*$"#, caseSensitive: true),
    ]

    /// "Det betyder ...", "This means ...": the sentence explains the one before.
    private static let elaboration = Pattern(#"^(?:(?:det|dette|dermed|derfor|hermed|this|that|it)\s+(?:betyder|indebærer|medfører|omfatter|gælder|means|includes|meant|involves)|(?:flere|mange|nogle|ingen|alle|en|to|tre)\s+af\s+(?:dem|disse)|(?:many|some|several|none|all|one|two|three)\s+of\s+(?:them|these)|(?:de|han|hun|they|he|she)\s|den\s+(?:blev|er|var|har|havde|skal|skulle|kan|kunne|bliver|må|fik)\s)\b"#)

    static func isAttributionOnly(_ sentence: String) -> Bool {
        attributionOnly.contains { $0.contains(sentence) } && Word.split(sentence).count <= 16
    }

    /// "Oplysningerne er ikke uafhængigt bekræftet": a note on the sentence before.
    private static let verificationNote = Pattern(#"^(?:\p{L}+\s+){0,2}?(?:er|kan|kunne|har|could|can|has|have|was|were|is|are)\s+(?:endnu\s+|yet\s+)?(?:ikke|not)\b.*\b(?:bekræft|verif|confirm)"#)

    static func isElaboration(_ sentence: String) -> Bool {
        elaboration.contains(sentence) || verificationNote.contains(sentence)
    }

    static func isHedged(_ sentence: String) -> Bool { hedge.contains(sentence) }

    private static let clauseBoundary = Pattern(#",\s+(?:som|der|hvor|hvis|which|who|where|whose)\s|,?\s+(?:(?:efter|før|fordi|mens|så|uden|after|before|because)\s+)?(?:at|that)\s"#)

    /// "i store dele af landet", "nationwide": the event is the country's, not a city's.
    static let countryWide = Pattern(#"\b(?:landet|hele landet|landets|landsdækkende|the country|nationwide|across the country)\b"#)

    /// The sentence up to its first relative or "at" clause: what it states itself, not what it
    /// says of something or someone; nil when it has no such clause.
    static func mainClause(_ sentence: String) -> String? {
        guard let boundary = clauseBoundary.firstMatch(in: sentence), boundary.range.lowerBound > sentence.startIndex else { return nil }
        return String(sentence[..<boundary.range.lowerBound])
    }

    // MARK: Does it report something that happened?

    static let danishPast = Pattern(#"\b(?<!\bat\s)(?:\p{Ll}{2,}(?:ede|(?<!s)te)|gik|kom|blev|tog|fik|gav|lod|stod|så|slog|brød|døde|faldt|skød|sagde|skrev|satte|lagde|bad|frøs|forsvandt|flygtede|greb|rev|trak|vandt|tabte|sank|brændte|fløj|løb|sprang|steg|sendte|mødtes)\b"#, caseSensitive: true)
    private static let danishPerfect = Pattern(#"\b(?:har|havde|er|var|blev|bliver|er blevet|var blevet)\s+(?:[\p{L}\d.,]+\s+){0,4}?\p{Ll}{3,}(?:et|t|ede|en)\b"#)
    private static let danishHappening = Pattern(#"\b(?:stormer|erklærer|indfører|genindfører|går af|forsøger|skyder|dræber|anholder|demonstrerer|protesterer|brænder|eksploderer|rammer|evakuerer|lukker|strejker|blokerer|rykker|angriber|besætter|indtager|afviser|accepterer|udråber|træder tilbage|flygter|omkommer|dør|oversvømmer|ryster|bryder ud|sætter ind|arresterer|tilbageholder|indsætter|annoncerer|meddeler|beslutter|vedtager|ophæver|suspenderer|aflyser|kollapser|styrter)\b"#)
    private static let englishPast = Pattern(#"\b(?:\p{Ll}{3,}ed|was|were|went|took|said|fled|fell|hit|struck|began|rose|shot|broke|came|gave|led|left|met|ran|saw|sent|set|spread|stood|swept|threw|told|tore|won|burnt|held|killed|seized|stormed|declared|announced|imposed|resigned)\b"#, caseSensitive: true)
    private static let englishPerfect = Pattern(#"\b(?:has|have|had)\s+(?:been\s+)?\p{Ll}{3,}(?:ed|en|t)\b"#)

    /// "har kaldt brandene en tragedie", "opfordrede beboerne til ...", "har lovet hjælp": what
    /// someone said or thinks, which is news on the day it was said, and no event without that day.
    private static let statement = Pattern(#"\b(?:kalder|kaldte|kaldt|lover|lovede|lovet|opfordrer|opfordrede|opfordret|advarer|advarede|advaret|understreger|understregede|understreget|mener|mente|ment|vurderer|vurderede|vurderet|peger på|pegede på|peget på|kritiserer|kritiserede|kritiseret|siger|sagde|sagt|udtaler|udtalte|udtalt|called|calls|promised|promises|urged|urges|warned|warns|believes|believed)\b"#)

    static func isStatement(_ clause: String) -> Bool { statement.contains(clause) }

    /// Past or perfect tense, or a verb of happening in the present news copy uses ("Politiet forsøger ...").
    static func reportsHappening(_ sentence: String) -> Bool {
        [danishPast, danishPerfect, danishHappening, englishPast, englishPerfect].contains { $0.contains(sentence) }
    }
}

import Foundation
