import SiteGen

/// Finds the places a text names: the site's places.yaml first, then the gazetteer. Danish
/// forms are read (a genitive -s, "Mangistau-provinsen", "provinsen Hatay"), spellings are
/// compared across transliterations (`NameFold`), and an ambiguous name goes to the country
/// the text is about. A capitalised word the finder cannot place is never a place.
struct PlaceFinder: Sendable {
    struct Mention: Sendable {
        /// Index into `places`.
        var place: Int
        var text: String
        var range: Range<String.Index>
    }

    let gazetteer: Gazetteer
    let site: SiteContext
    private(set) var places: [Extraction.Place] = []
    /// Countries the text is about, most named first; the site's `map.country` leads.
    private(set) var focus: [String] = []
    /// Countries the text names, most named first.
    private(set) var mentionedCountries: [String] = []
    /// How often each place is named in the text `survey` read, and in which order.
    private var mentionCounts: [(place: Int, count: Int, first: Int)] = []
    private var siteKeys: [String: Int] = [:]
    private var byKey: [String: Int] = [:]

    init(gazetteer: Gazetteer, site: SiteContext, texts: [String]) {
        self.gazetteer = gazetteer
        self.site = site
        for (index, place) in site.places.enumerated() {
            for name in [place.id, place.name, Self.core(place.name)] {
                siteKeys[NameFold.key(name)] = siteKeys[NameFold.key(name)] ?? index
            }
        }
        var counts: [String: Int] = [:]
        var order: [String: Int] = [:]
        for text in texts {
            for run in Self.runs(in: text) {
                for form in Self.forms(of: run.text) {
                    if let hit = gazetteer.lookup(form).first(where: { gazetteer.entries[$0.index].kind == .country }) {
                        let country = gazetteer.entries[hit.index].country
                        counts[country, default: 0] += 1
                        order[country] = order[country] ?? order.count
                        break
                    }
                }
            }
        }
        // Most named first; of equals, the first named.
        mentionedCountries = counts.sorted { ($0.value, order[$1.key]!) > ($1.value, order[$0.key]!) }.map(\.key)
        focus = (site.country.map { [$0] } ?? []) + mentionedCountries.filter { $0 != site.country }
    }

    /// The places a sentence names, in the order it names them.
    mutating func mentions(in sentence: String) -> [Mention] {
        var result: [Mention] = []
        for run in Self.runs(in: sentence) {
            if let mention = resolve(run, in: sentence) { result.append(mention) }
        }
        return result
    }

    /// Counts the places a text's sentences name, for `mainLocality`.
    mutating func survey(_ sentences: [String]) {
        for sentence in sentences {
            for mention in mentions(in: sentence) {
                if let index = mentionCounts.firstIndex(where: { $0.place == mention.place }) {
                    mentionCounts[index].count += 1
                } else {
                    mentionCounts.append((mention.place, 1, mentionCounts.count))
                }
            }
        }
    }

    // MARK: Candidates

    struct Run {
        var text: String
        var range: Range<String.Index>
        var regionHint: String?
        var isSentenceStart: Bool
    }

    static let regionSuffixes = ["-provinsens", "-provinsen", "-provins", "-regionens", "-regionen", "-region", "-oblasten", "-oblast",
                                 "-distriktet", "-delstaten", "-guvernementet", "-præfekturet"]
    static let regionWordsAfter: Set<String> = ["province", "region", "oblast", "governorate", "prefecture", "provinsen", "regionen"]
    static let regionWordsBefore: Set<String> = ["provinsen", "regionen", "province", "region", "delstaten", "oblasten", "guvernementet"]

    /// Runs of capitalised words ("Rio de Janeiro", "Bab al-Hawa"), without the capitalised
    /// words that open sentences ("I Almaty"), each with the region word around it.
    static func runs(in sentence: String) -> [Run] {
        let words = Word.split(sentence)
        var runs: [Run] = []
        var index = 0
        func continues(_ index: Int) -> Bool {
            // Only across spaces: "Hatay. Nobody" and "Almaty, Aktau" are two runs.
            sentence[words[index - 1].range.upperBound..<words[index].range.lowerBound].allSatisfy(\.isWhitespace)
                && (words[index].isCapitalised || nameParticle.contains(words[index].text))
        }
        while index < words.count {
            guard words[index].isCapitalised else { index += 1; continue }
            if CommonWords.contains(words[index].text) { index += 1; continue }
            var end = index + 1
            var particleCount = 0
            // Up to four names, particles not counted: "Jardín Botánico de Viña del Mar".
            while end < words.count, end - index - particleCount < 4 {
                if continues(end) { end += 1; continue }
                if Self.particles.contains(words[end].text), end + 1 < words.count, words[end + 1].isCapitalised {
                    end += 2
                    particleCount += 1
                    continue
                }
                break
            }
            var hint: String?
            if index > 0, regionWordsBefore.contains(words[index - 1].text.lowercased()) { hint = words[index - 1].text }
            if end < words.count, regionWordsAfter.contains(words[end].text.lowercased()) { hint = words[end].text }
            runs.append(Run(text: String(sentence[words[index].range.lowerBound..<words[end - 1].range.upperBound]),
                            range: words[index].range.lowerBound..<words[end - 1].range.upperBound,
                            regionHint: hint, isSentenceStart: index == 0))
            index = end
        }
        return runs
    }

    static let particles: Set<String> = ["de", "del", "della", "di", "dei", "la", "al", "el", "es", "da", "do", "dos", "am", "an", "sur", "van", "von"]

    /// "al-Hawa", "el-Arish": lower-case Arabic articles that belong to the name.
    private static let nameParticle = Pattern(#"^(?:al|el|ad|ar|as|at|an|az|ash|ul|ibn|bin)-\p{Lu}"#, caseSensitive: true)

    /// Words that may follow a place's name without making another name: "Almaty Airport".
    static let genericWords: Set<String> = ["airport", "lufthavn", "lufthavnen", "city", "centrum", "square", "plads", "pladsen",
                                            "havn", "havnen", "port", "bay", "university", "universitet", "station", "stationen"]

    /// The forms a written name may stand for: itself, without a genitive, without a region suffix.
    static func forms(of written: String) -> [String] {
        var text = written
        for suffix in regionSuffixes where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
            break
        }
        var forms = [text]
        if text.hasSuffix("'s") || text.hasSuffix("’s") { forms.append(String(text.dropLast(2))) }
        else if text.hasSuffix("'") || text.hasSuffix("’") { forms.append(String(text.dropLast())) }
        else if text.hasSuffix("s"), text.count > 4 { forms.append(String(text.dropLast())) }
        return forms
    }

    /// A site place's name without a Danish region suffix or a parenthesis: "Nur-Sultan (nu Astana)".
    static func core(_ name: String) -> String {
        var text = name
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]).trimmingCharacters(in: .whitespaces) }
        return forms(of: text)[0]
    }

    // MARK: Resolving

    /// The whole run, or a name followed by a generic word ("Almaty Airport"), or the name after
    /// a particle ("Jardín Botánico de Viña del Mar"); a person's name that holds a place's
    /// ("Jordan Peterson") or a place the gazetteer lacks ("Bab al-Hawa") is no place.
    private mutating func resolve(_ run: Run, in sentence: String) -> Mention? {
        var candidates = [run.text]
        let words = run.text.split(separator: " ").map(String.init)
        if words.count > 1, words.dropFirst().allSatisfy({ Self.genericWords.contains($0.lowercased()) }) { candidates.append(words[0]) }
        for (index, word) in words.enumerated().dropLast() where index > 0 && Self.particles.contains(word) {
            candidates.append(words[(index + 1)...].joined(separator: " "))
        }
        for text in candidates {
            if CommonWords.contains(text) { continue }
            let hint = run.regionHint != nil || Self.regionSuffixes.contains { text.lowercased().hasSuffix($0) }
            for form in Self.forms(of: text) where !CommonWords.contains(form) {
                if let index = place(for: form, regionHint: hint, sentenceStart: run.isSentenceStart, written: text) {
                    return Mention(place: index, text: text, range: run.range)
                }
            }
        }
        return nil
    }

    /// The city or region in the text's country that its sentences name most (the first named
    /// of equals): where the story is when an event says nothing else.
    func mainLocality() -> Int? {
        let local = mentionCounts.filter { places[$0.place].precision != "country" && isInMainCountry($0.place) }
        return local.max { ($0.count, -$0.first) < ($1.count, -$1.first) }?.place
    }

    /// Whether a place lies in the country the text is about (the site's, else the one it names
    /// most); the site's own places, which do not say, are taken to.
    func isInMainCountry(_ index: Int) -> Bool {
        guard let country = places[index].country, let main = focus.first else { return true }
        return country == main
    }

    /// The country the text names most, as a place: where an event without a place of its own happened.
    mutating func mainCountry() -> Int? {
        guard let code = mentionedCountries.first, let entry = gazetteer.country(code) else { return nil }
        return add(entry, form: entry.englishName, written: entry.englishName)
    }

    private mutating func place(for form: String, regionHint: Bool, sentenceStart: Bool, written: String) -> Int? {
        let key = NameFold.key(form)
        guard key.count >= 3 else { return nil }
        if let index = siteKeys[key] { return add(site: index) }
        var hits = gazetteer.lookup(form).filter { allowed($0, regionHint: regionHint, sentenceStart: sentenceStart) }
        // "Mexico" is the country, not its state of the same name, unless the text says region.
        let countries = Set(hits.map { gazetteer.entries[$0.index] }.filter { $0.kind == .country }.map(\.country))
        if !regionHint { hits.removeAll { gazetteer.entries[$0.index].kind == .region && countries.contains(gazetteer.entries[$0.index].country) } }
        guard let best = hits.min(by: { rank($0, regionHint: regionHint) < rank($1, regionHint: regionHint) }) else { return nil }
        return add(gazetteer.entries[best.index], form: form, written: written)
    }

    private func allowed(_ hit: Gazetteer.Hit, regionHint: Bool, sentenceStart: Bool) -> Bool {
        let entry = gazetteer.entries[hit.index]
        let inFocus = focus.contains(entry.country)
        switch entry.kind {
        case .country:
            return true
        case .region:
            return inFocus || (regionHint && hit.isMainName)
        case .city:
            if inFocus { return true }
            // Abroad, only a city big enough to be news under its own name ("Moskva", "Paris");
            // a smaller one only in a country the text names.
            if sentenceStart { return entry.population >= 1_000_000 && hit.isMainName }
            return mentionedCountries.contains(entry.country) ? entry.population >= 100_000 : entry.population >= 1_000_000
        }
    }

    private func rank(_ hit: Gazetteer.Hit, regionHint: Bool) -> (Int, Int, Int, Int, Int) {
        let entry = gazetteer.entries[hit.index]
        let hinted = regionHint ? (entry.kind == .region ? 0 : 1) : 0
        let focusRank = focus.firstIndex(of: entry.country) ?? focus.count
        return (hinted, focusRank, hit.isMainName ? 0 : 1, entry.kind == .city ? 0 : entry.kind == .region ? 1 : 2, -entry.population)
    }

    private mutating func add(site index: Int) -> Int {
        let place = site.places[index]
        let key = "site:" + place.id
        if let existing = byKey[key] { return existing }
        places.append(place)
        byKey[key] = places.count - 1
        return places.count - 1
    }

    private mutating func add(_ entry: Gazetteer.Entry, form: String, written: String) -> Int {
        // The site's own entry for the same place wins: same kind of place, close by.
        let reach = entry.kind == .city ? 30.0 : entry.kind == .region ? 150 : 400
        if let near = site.places.firstIndex(where: {
            $0.precision == entry.kind.rawValue && Geo.kilometres($0.latitude, $0.longitude, entry.latitude, entry.longitude) <= reach
        }) {
            return add(site: near)
        }
        // "Bologna-provinsen" where the gazetteer has the city only: the city marks the region.
        let region = entry.kind == .city && Self.regionSuffixes.contains { written.lowercased().hasSuffix($0) }
        let key = "gazetteer:" + entry.code + (region ? ":region" : "")
        if let existing = byKey[key] { return existing }
        let name = displayName(entry, form: form, written: written)
        var id = Slug.make(region ? name : Self.core(name))
        let taken = Set(site.places.map(\.id) + places.map(\.id))
        if taken.contains(id) {
            var number = 2
            while taken.contains("\(id)-\(number)") { number += 1 }
            id = "\(id)-\(number)"
        }
        places.append(Extraction.Place(id: id, name: name, latitude: entry.latitude, longitude: entry.longitude, precision: region ? "region" : entry.kind.rawValue,
                            timeZone: entry.timeZone.isEmpty ? nil : entry.timeZone, country: entry.country, isNew: true))
        byKey[key] = places.count - 1
        return places.count - 1
    }

    /// The name as the text writes it, without a genitive, so a Danish text gets "Moskva" and
    /// "Mangistau-provinsen"; a country gets its name in the site's language.
    private func displayName(_ entry: Gazetteer.Entry, form: String, written: String) -> String {
        if entry.kind == .country {
            return site.language == "da" && !entry.danishName.isEmpty ? entry.danishName : entry.englishName
        }
        let lowered = written.lowercased()
        for (stem, suffix) in [("-provins", "-provinsen"), ("-region", "-regionen"), ("-oblast", "-oblast")] where lowered.contains(stem) {
            return form + suffix
        }
        return form
    }
}

/// Distances on the sphere, for "is this the site's place" and the tests' "within 60 km".
public enum Geo {
    public static func kilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}

import Foundation
