/// Who reported something, and through whom it reached the text: "Zakon via Reuters".
public struct SourceChain: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    /// From the original source outwards, ending with the agency that delivered the text.
    public var via: [String]

    public init(name: String, via: [String] = []) {
        self.name = name
        self.via = via
    }

    public var description: String { ([name] + via).joined(separator: " via ") }

    /// The chain ended by the agency that delivered the text (`--source`), once.
    func delivered(by agency: String?) -> SourceChain {
        guard let agency, name != agency, via.last != agency else { return self }
        return SourceChain(name: name, via: via + [agency])
    }
}

/// Reads attributions in Danish and English: "skriver X", "ifølge X", "oplyser X", "melder X",
/// "X har meldinger om", "according to X", "X reported", with chains ("det kasakhiske medie
/// Zakon ifølge nyhedsbureauet Reuters" is Zakon via Reuters; "Reuters, citing Zakon" too).
struct AttributionFinder: Sendable {
    struct Result: Sendable, Equatable {
        var chains: [SourceChain] = []
        /// Names read as sources that are neither known agencies nor in sources.yaml.
        var unknown: [String] = []
        /// What a source reported, when the sentence is only "X meldte, at ..." / "X reported that ...":
        /// the clause after "at", which is the event rather than the report.
        var report: String?
    }

    /// Folded name → the name events use.
    private let known: [String: String]

    init(siteSources: [String]) {
        var known: [String: String] = [:]
        for (name, aliases) in Self.agencies {
            for alias in [name] + aliases { known[alias.lowercased()] = name }
        }
        // The site's own spelling wins: events must name sources as sources.yaml does.
        for name in siteSources {
            let canonical = known[name.lowercased()]
            known[name.lowercased()] = name
            if let canonical {
                for (alias, value) in known where value == canonical { known[alias] = name }
            }
        }
        self.known = known
    }

    func canonical(_ name: String) -> String? { known[name.lowercased()] }

    func isKnown(_ name: String) -> Bool { known[name.lowercased()] != nil }

    func find(in sentence: String) -> Result {
        var result = Result()
        var found: [(chain: SourceChain, at: String.Index)] = []
        func add(_ chain: SourceChain, at position: String.Index) {
            if !found.contains(where: { $0.chain == chain }) { found.append((chain, position)) }
        }
        for match in Self.after.matches(in: sentence) {
            let verb = match[1]!.lowercased()
            let publishes = !Self.speechVerbs.contains(verb)
            guard let first = name(match, 3, descriptor: 2, publishes: publishes, result: &result) else { continue }
            var chain = SourceChain(name: first)
            if let link = match[4]?.lowercased(), let second = name(match, 6, descriptor: 5, publishes: true, result: &result) {
                let cites = Self.citing.contains { link.hasSuffix($0) } || link.contains("henvisning")
                chain = cites ? SourceChain(name: second, via: [first]) : SourceChain(name: first, via: [second])
            }
            add(chain, at: match.range.lowerBound)
            if !Self.plainAttributions.contains(verb), Self.isSetting(sentence[..<match.range.lowerBound]),
               let clause = Self.clauseAfterName.firstMatch(in: String(sentence[match.range.upperBound...]))?[1] {
                result.report = result.report ?? Self.clause(clause, by: first)
            }
            if match[7] != nil, let other = name(match, 9, descriptor: 8, publishes: publishes, result: &result) {
                add(SourceChain(name: other), at: match.range.lowerBound)
            }
        }
        // "oplyser Chiles retsmedicinske institut, SML, ...": the name after the comma.
        for match in Self.appositive.matches(in: sentence) {
            if let named = name(match, 2, descriptor: 1, publishes: false, result: &result) {
                add(SourceChain(name: named), at: match.range.lowerBound)
            }
        }
        // "siger hun til tv-stationen CNN Chile", "told Reuters": the medium carried the words.
        for match in Self.toMedium.matches(in: sentence) {
            if let medium = name(match, 2, descriptor: 1, publishes: false, result: &result) {
                add(SourceChain(name: medium), at: match.range.lowerBound)
            }
        }
        for match in Self.before.matches(in: sentence) {
            guard let first = name(match, 2, descriptor: 1, publishes: false, result: &result) else { continue }
            if let cited = match[6].flatMap({ _ in name(match, 7, descriptor: nil, publishes: true, result: &result) }) {
                add(SourceChain(name: cited, via: [first]), at: match.range.lowerBound)
            } else {
                add(SourceChain(name: first), at: match.range.lowerBound)
            }
            if let other = match[3].flatMap({ _ in name(match, 4, descriptor: nil, publishes: false, result: &result) }) {
                add(SourceChain(name: other), at: match.range.lowerBound)
            }
            if match[6] == nil, Self.isSetting(sentence[..<match.range.lowerBound]),
               let clause = Self.clauseAfterVerb.firstMatch(in: String(sentence[match.range.upperBound...]))?[1] {
                result.report = result.report ?? Self.clause(clause, by: first)
            }
        }
        result.chains = Self.withoutParts(Self.bodiesThroughPublishers(found.sorted { $0.at < $1.at }.map(\.chain)))
        // "Videoer på Instagram viser ifølge Reuters": the platform is where it started.
        if let platform = Self.platform.firstMatch(in: sentence)?[1], let name = canonical(platform),
           !result.chains.contains(where: { $0.name == name }) {
            result.chains = result.chains.isEmpty ? [SourceChain(name: name)]
                : [SourceChain(name: name, via: [result.chains[0].name] + result.chains[0].via)] + result.chains.dropFirst()
        }
        return result
    }

    /// "The army said ..., Reuters reported": the body spoke, the medium after it carried its words.
    private static func bodiesThroughPublishers(_ chains: [SourceChain]) -> [SourceChain] {
        guard chains.count == 2, chains[0].via.isEmpty, isBody(chains[0].name), !isBody(chains[1].name) else { return chains }
        return [SourceChain(name: chains[0].name, via: [chains[1].name] + chains[1].via)]
    }

    /// "meddelte FN, at organisationen sender nødhjælp": the clause names its speaker again.
    private static func clause(_ clause: String, by speaker: String) -> String {
        for anaphor in ["organisationen", "gruppen", "bevægelsen", "selskabet", "the organisation", "the organization", "the group", "it"]
        where clause.lowercased().hasPrefix(anaphor + " ") {
            return speaker + clause.dropFirst(anaphor.count)
        }
        return clause
    }

    /// A known source, a name introduced as a medium ("avisen X"), or, after a verb that
    /// publishes ("skriver", "reported"), any name; the last two are reported as unknown.
    private func name(_ match: Pattern.Match, _ group: Int, descriptor: Int?, publishes: Bool, result: inout Result) -> String? {
        guard let written = match[group] else { return nil }
        var words = written.split(separator: " ").map(String.init)
        // "Både AFP": a capitalised word that opens the sentence is no part of the name.
        while words.count > 1, CommonWords.contains(words[0]) { words.removeFirst() }
        let described = (descriptor.flatMap { match[$0] } ?? "").split(separator: " ").map(String.init)
        // "avisen X", "det tyrkiske katastrofeagentur AFAD", "skovvæsenet Conaf" (compounds too).
        let introduced = described.contains { word in Self.mediumWords.contains { word.lowercased().hasSuffix($0) } || Self.isBody(word) }
        // A medium introduced by name is named whole ("tv-stationen CNN Chile"), else by its longest known part ("Reuters' oversigt").
        for length in stride(from: words.count, through: introduced ? words.count : 1, by: -1) {
            let candidate = words[..<length].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
            if let name = canonical(candidate) { return name }
            let stem = candidate.hasSuffix("s") ? String(candidate.dropLast()) : candidate
            if let name = canonical(stem) { return name }
        }
        // "oplyser politiet", "ifølge Almatys politi", "the interior ministry said": a named body
        // speaks as a source; a person does not.
        if let last = words.last, Self.isBody(last) {
            // "the interior ministry": the words after the article say which ministry.
            let article = described.lastIndex { ["the", "its", "their", "a", "an"].contains($0.lowercased()) }
            let qualifiers = Self.englishBodyWords.contains(last.lowercased()) && words.count == 1 ? Array(described[(article.map { $0 + 1 } ?? described.endIndex)...]) : []
            let body = (qualifiers + words).joined(separator: " ")
            let name = body.prefix(1).uppercased() + body.dropFirst()
            if !result.unknown.contains(name) { result.unknown.append(name) }
            return name
        }
        guard !CommonWords.contains(words[0]) else { return nil }
        // An acronym after an attribution is an organisation (AFAD, USGS), not a person.
        let isAcronym = words.count == 1 && words[0].count >= 2 && words[0].allSatisfy { $0.isUppercase || $0.isNumber }
        guard introduced || publishes || isAcronym else { return nil }
        let name = words.prefix(3).joined(separator: " ")
        if !result.unknown.contains(name) { result.unknown.append(name) }
        return name
    }

    /// "Zakon via Reuters" makes a plain "Reuters" or "Zakon" from the same sentence redundant.
    static func withoutParts(_ chains: [SourceChain]) -> [SourceChain] {
        chains.filter { chain in
            !(chain.via.isEmpty && chains.contains { $0 != chain && ($0.via.contains(chain.name) || $0.name == chain.name) })
        }
    }

    /// The clause after "at"/"that" that follows an attribution: right after the name ("meldte
    /// Tass, at præsidenten havde accepteret"), or after a few words past the verb ("Tass meldte onsdag, at").
    private static let clauseAfterName = Pattern(#"^\s*,?\s+(?:at|that)\s+(\p{Ll}.{10,})$"#, caseSensitive: true)
    private static let clauseAfterVerb = Pattern(#"^(?:\s+[\p{L}\d.]+){0,4}?\s*,?\s+(?:at|that)\s+(\p{Ll}.{10,})$"#, caseSensitive: true)

    /// Only when and where before the attribution ("Men onsdag formiddag dansk tid meldte Tass, at ..."):
    /// no comma, no clause of its own, so the report is all the sentence says.
    private static func isSetting(_ prefix: Substring) -> Bool {
        !prefix.contains(",") && Word.split(String(prefix)).count <= 6 && !SentenceReading.reportsHappening(String(prefix))
    }

    /// Verbs that only attribute, never introduce a clause of what was reported.
    private static let plainAttributions: Set<String> = ["ifølge", "according to", "reported by", "cited by", "med henvisning til", "citing", "quoting", "fremgår af"]

    /// A body that speaks as a source when a report is attributed to it: the police, a ministry,
    /// the authorities ("indenrigsministeriet", "brandvæsenet", "the interior ministry").
    static func isBody(_ word: String) -> Bool {
        let lowered = word.lowercased()
        return bodyWords.contains { lowered.hasSuffix($0) }
    }

    private static let englishBodyWords = ["police", "ministry", "authorities", "army", "military", "government", "coastguard", "brigade", "embassy", "prefecture"]
    private static let bodyWords = [
        "politi", "politiet", "ministerium", "ministeriet", "myndighed", "myndigheden", "myndigheder", "myndighederne", "styrelse",
        "styrelsen", "væsen", "væsenet", "beredskab", "beredskabet", "redningstjeneste", "redningstjenesten", "efterretningstjeneste",
        "efterretningstjenesten", "hær", "hæren", "militær", "militæret", "forsvar", "forsvaret", "kystvagt", "kystvagten",
        "regering", "regeringen", "domstol", "domstolen", "kommune", "kommunen", "ambassade", "ambassaden", "akimat", "akimatet",
        "præfektur", "præfekturet", "guvernement", "guvernementet",
    ] + englishBodyWords

    // MARK: Patterns

    /// A body word with a name after it describes that name ("skovvæsen Conaf"), so it is no name itself then.
    static let body = #"[\p{Ll}-]*(?:"# + bodyWords.sorted { $0.count > $1.count }.joined(separator: "|") + #")(?![\p{L}-])(?!\s+\p{Lu})"#
    /// A capitalised name, perhaps followed by the body it owns ("Almatys politi"), or a body alone ("politiet").
    private static let name = #"((?:\p{Lu}[\p{L}\d&'’-]*|dpa)(?:\s+(?:(?:della|di|de|del|du|des|van|von|al|el)\s+)?\p{Lu}[\p{L}\d&'’-]*)*(?:\s+"# + body + ")?|" + body + ")"
    /// Up to four lower-case words before a name ("det kasakhiske medie"), none that starts a clause.
    private static let descriptor = #"((?:(?!(?:at|om|that|ifølge|via|according|citing|i|in|på|on|for|til|to|med|with|han|hun|he|she|it|they|sig|efter|after|about|mens|while|hvor|where|og|and|eller|or|ikke|not|nu|now|dog)\b)[\p{Ll}-]+\s+){0,4}?)"#
    static let speechVerbs: Set<String> = ["siger", "sagde", "fortæller", "fortalte", "udtaler", "udtalte", "bekræfter", "bekræftede",
                                           "meddeler", "meddelte", "said", "says", "told", "confirmed", "oplyser", "oplyste", "fremgår af"]
    static let citing = ["citerer", "citing", "cites", "citerede", "quoting", "quotes"]
    /// The words that attribute what follows them to a source: "skriver X", "ifølge X", "reported by X".
    private static let attributionVerbs = "skriver|oplyser|melder|siger|fortæller|rapporterer|bekræfter|erfarer|meddeler|udtaler|skrev|oplyste|meldte|sagde|fortalte|rapporterede|bekræftede|erfarede|meddelte|udtalte|fremgår af|ifølge|according to|reported by|cited by|said|reported|reports|writes|med henvisning til|citing|quoting"
    private static let after = Pattern(
        #"(?<![\p{L}])(?i:("# + attributionVerbs + #"))\s+(?i:(?:både|both)\s+)?"#
            + descriptor + name
            + #"(?:\s*,?\s+(?i:(ifølge|via|according to|med henvisning til|with reference to|der citerer|som citerer|which cited|who cited|citing|quoting))\s+"# + descriptor + name + ")?"
            + #"(?:\s+(og|and|samt)\s+"# + descriptor + name + ")?",
        caseSensitive: true)
    private static let appositive = Pattern(
        #"(?<![\p{L}])(?i:"# + attributionVerbs + #")\s+"#
            + #"((?:\p{Lu}[\p{L}-]*s\s+)?(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+),\s+"# + name + #"(?=[,.;]|\s|$)"#,
        caseSensitive: true)
    private static let toMedium = Pattern(
        #"(?<![\p{L}])(?:(?i:siger|sagde|fortæller|fortalte|udtaler|udtalte|bekræfter|bekræftede|oplyser|oplyste)\s+(?:[\p{L}\d-]+\s+){0,4}?(?i:til|over for)|(?i:told|tells))\s+"#
            + descriptor + name,
        caseSensitive: true)
    private static let before = Pattern(
        #"(?<![\p{L}])"# + descriptor + name + #"(?:\s+(og|and)\s+"# + name + ")?"
            + #"\s+(skriver|melder|oplyser|rapporterer|har meldinger om|har oplysninger om|reported|reports|said|says|writes|wrote|skrev|meldte|oplyste|rapporterede)\b"#
            + #"(?:,?\s+(citing|quoting|med henvisning til)\s+"# + name + ")?",
        caseSensitive: true)

    private static let platform = Pattern(#"\b(?:videoer|video|billeder|optagelser|opslag|videos?|footage|images|posts?|pictures|skrev|skriver|delte|deler|wrote|writes|posted|shared)[\s,]+(?:\p{Ll}+[\s,]+){0,4}?(?:på|on)\s+(Instagram|Twitter|Facebook|Telegram|TikTok|YouTube)\b"#)

    /// Social media: a chain that starts there is unverified.
    static let socialPlatforms: Set<String> = ["Twitter", "X", "Instagram", "Facebook", "Telegram", "TikTok", "YouTube"]

    /// Words that introduce a medium: "det kasakhiske medie Zakon", "the news agency Tass".
    static let mediumWords: Set<String> = [
        "medie", "mediet", "medier", "avis", "avisen", "dagblad", "dagbladet", "nyhedsbureau", "nyhedsbureauet", "bureau",
        "bureauet", "statsbureau", "statsbureauet", "nyhedssite", "nyhedssitet", "netmedie", "netmediet", "netavis", "netavisen",
        "tv-station", "tv-stationen", "tv-kanal", "tv-kanalen", "kanal", "kanalen", "radio", "radioen", "site", "sitet",
        "agency", "newspaper", "outlet", "broadcaster", "channel", "website", "daily", "paper", "network", "tv", "media",
        "news", "wire", "service", "tabloid", "magazine", "ugeavis", "magasin", "magasinet", "statsmedie", "statsmedier",
        "agentur", "agenturet", "katastrofeagentur", "myndighed", "myndighederne", "ministerium", "ministeriet", "institut",
        "instituttet", "organisation", "organisationen", "pressetjeneste", "pressetjenesten", "styrelse", "styrelsen",
        "ministry", "authority", "office", "institute", "organisation", "organization", "department", "observatory",
        "gruppe", "gruppen", "group", "monitor", "kontor", "kontoret", "tjeneste", "tjenesten", "observatorium", "center", "centret",
        "centre", "ngo",
    ]

    /// Agencies and media a text may name, with the other spellings they go by.
    static let agencies: [(String, [String])] = [
        ("Reuters", ["Thomson Reuters"]), ("AFP", ["Agence France-Presse", "France-Presse", "Agence France Presse"]),
        ("AP", ["Associated Press", "The Associated Press"]), ("Ritzau", ["Ritzaus Bureau", "ritzau"]),
        ("Tass", ["TASS", "Itar-Tass"]), ("Interfax", []), ("dpa", ["DPA", "Deutsche Presse-Agentur"]),
        ("RIA Novosti", ["RIA", "Ria Novosti"]), ("Xinhua", []), ("Anadolu", ["Anadolu Agency", "Anadolu Ajansı", "AA"]),
        ("Bloomberg", []), ("EFE", []), ("ANSA", []), ("Kyodo", []), ("Yonhap", []), ("NTB", []), ("TT", []),
        ("BBC", []), ("CNN", []), ("Al Jazeera", []), ("DR", []), ("TV 2", ["TV2"]), ("Politiken", []), ("Berlingske", []),
        ("Jyllands-Posten", []), ("The Guardian", ["Guardian"]), ("New York Times", ["The New York Times"]),
        ("Washington Post", ["The Washington Post"]), ("Financial Times", []), ("Wall Street Journal", ["The Wall Street Journal"]),
        ("Twitter", []), ("X", []), ("Instagram", []), ("Facebook", []), ("Telegram", []), ("TikTok", []), ("YouTube", []),
    ]
}

import Foundation
