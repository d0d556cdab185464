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
        func add(_ chain: SourceChain) {
            if !result.chains.contains(chain) { result.chains.append(chain) }
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
            add(chain)
            if match[7] != nil, let other = name(match, 9, descriptor: 8, publishes: publishes, result: &result) {
                add(SourceChain(name: other))
            }
        }
        for match in Self.before.matches(in: sentence) {
            guard let first = name(match, 2, descriptor: 1, publishes: false, result: &result) else { continue }
            if let cited = match[6].flatMap({ _ in name(match, 7, descriptor: nil, publishes: true, result: &result) }) {
                add(SourceChain(name: cited, via: [first]))
            } else {
                add(SourceChain(name: first))
            }
            if let other = match[3].flatMap({ _ in name(match, 4, descriptor: nil, publishes: false, result: &result) }) {
                add(SourceChain(name: other))
            }
        }
        result.chains = Self.withoutParts(result.chains)
        // "Videoer på Instagram viser ifølge Reuters": the platform is where it started.
        if let platform = Self.platform.firstMatch(in: sentence)?[1], let name = canonical(platform),
           !result.chains.contains(where: { $0.name == name }) {
            result.chains = result.chains.isEmpty ? [SourceChain(name: name)]
                : [SourceChain(name: name, via: [result.chains[0].name] + result.chains[0].via)] + result.chains.dropFirst()
        }
        return result
    }

    /// A known source, a name introduced as a medium ("avisen X"), or, after a verb that
    /// publishes ("skriver", "reported"), any name; the last two are reported as unknown.
    private func name(_ match: Pattern.Match, _ group: Int, descriptor: Int?, publishes: Bool, result: inout Result) -> String? {
        guard let written = match[group] else { return nil }
        var words = written.split(separator: " ").map(String.init)
        // "Både AFP": a capitalised word that opens the sentence is no part of the name.
        while words.count > 1, CommonWords.contains(words[0]) { words.removeFirst() }
        for length in stride(from: words.count, through: 1, by: -1) {
            let candidate = words[..<length].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "'’"))
            if let name = canonical(candidate) { return name }
            let stem = candidate.hasSuffix("s") ? String(candidate.dropLast()) : candidate
            if let name = canonical(stem) { return name }
        }
        guard !CommonWords.contains(words[0]) else { return nil }
        let introduced = descriptor.flatMap { match[$0] }.map { text in
            // Compounds too: "statsbureau", "katastrofeagentur".
            text.lowercased().split(separator: " ").contains { word in Self.mediumWords.contains { word.hasSuffix($0) } }
        } ?? false
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

    // MARK: Patterns

    private static let name = #"((?:\p{Lu}[\p{L}\d&'’-]*|dpa)(?:\s+(?:(?:della|di|de|del|du|des|van|von|al|el)\s+)?\p{Lu}[\p{L}\d&'’-]*)*)"#
    /// Up to four lower-case words before a name ("det kasakhiske medie"), none that starts a clause.
    private static let descriptor = #"((?:(?!(?:at|om|that|i|in|på|on|for|til|to|med|with|han|hun|he|she|it|they|sig|efter|after|about|mens|while|hvor|where|og|and|eller|or|ikke|not|nu|now|dog)\b)[\p{Ll}-]+\s+){0,4}?)"#
    static let speechVerbs: Set<String> = ["siger", "sagde", "fortæller", "fortalte", "udtaler", "udtalte", "bekræfter", "bekræftede",
                                           "meddeler", "meddelte", "said", "says", "told", "confirmed", "oplyser", "oplyste"]
    static let citing = ["citerer", "citing", "cites", "citerede", "quoting", "quotes"]
    private static let after = Pattern(
        #"(?<![\p{L}])(?i:(skriver|oplyser|melder|siger|fortæller|rapporterer|bekræfter|erfarer|meddeler|udtaler|ifølge|according to|reported by|cited by|said|reported|reports|writes|med henvisning til|citing|quoting))\s+(?i:(?:både|both)\s+)?"#
            + descriptor + name
            + #"(?:\s*,?\s+(?i:(ifølge|via|according to|med henvisning til|with reference to|der citerer|som citerer|which cited|who cited|citing|quoting))\s+"# + descriptor + name + ")?"
            + #"(?:\s+(og|and|samt)\s+"# + descriptor + name + ")?",
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
