import SiteGen

/// Turns one text's sentences into draft events: a sentence that reports something that
/// happened starts an event; the sentences after it in its paragraph that only explain it or
/// name its source join it. Dates come from `DateResolver`, places from `PlaceFinder`, sources
/// from `AttributionFinder`; an embedded post becomes an event of its own, with its own date and author.
struct EventDrafter {
    struct Draft {
        var title: String
        var time: EventTime
        /// Indices into the place finder's places.
        var places: [Int]
        var sources: [SourceChain]
        var isHedged: Bool
        var sentences: [String]
        var input: String
        var line: Int
        var column: Int
        var paragraph: Int
        /// The places are the text's own, not taken from the events before.
        var placesAreOwn = true
        /// The agency that delivered the text, which ends every chain.
        var agency: String?
        var isPost = false
    }

    let article: ArticleText
    let published: Publication
    let agency: String?
    let attribution: AttributionFinder
    let siteZone: String
    private(set) var drafts: [Draft] = []
    private(set) var warnings: [Extraction.Warning] = []

    init(article: ArticleText, published: Publication, agency: String?, attribution: AttributionFinder, siteZone: String) {
        self.article = article
        self.published = published
        self.agency = agency
        self.attribution = attribution
        self.siteZone = siteZone
    }

    mutating func draft(places: inout PlaceFinder) {
        let resolver = DateResolver(published: published.day)
        var paragraph = -1
        var contextDay: CalendarDay?
        var paragraphSources: [SourceChain] = []
        for sentence in article.sentences {
            if sentence.paragraph != paragraph {
                paragraph = sentence.paragraph
                contextDay = nil
                paragraphSources = []
            }
            guard !sentence.isQuote else { continue }
            let text = sentence.text
            let mentions = places.mentions(in: text).map(\.place)
            let found = attribution.find(in: text)
            for name in found.unknown {
                warn(sentence, "`\(name)` is named as a source but is no known agency and not in content/sources.yaml; check the name and add it there")
            }
            let finding = resolver.resolve(text, context: contextDay)
            let hedged = SentenceReading.isHedged(text)
            let previous = drafts.indices.last.flatMap { drafts[$0].paragraph == paragraph && !drafts[$0].isPost ? $0 : nil }
            if let previous, SentenceReading.isAttributionOnly(text) {
                join(sentence, to: previous, places: mentions, sources: found.chains, hedged: hedged)
                paragraphSources = found.chains.isEmpty ? paragraphSources : found.chains
                continue
            }
            if !found.chains.isEmpty { paragraphSources = found.chains }
            if finding.isVague, finding.time == nil {
                let span = finding.expressions.first.map { "`\($0)`" } ?? "a span of time"
                warn(sentence, "\(span) names no day: no event date, so no event from this sentence; add one by hand if it reports one")
                continue
            }
            let happening = finding.hasOwnDay || hedged || SentenceReading.reportsHappening(text)
            if let previous, !finding.hasOwnDay, SentenceReading.isElaboration(text) || !happening {
                join(sentence, to: previous, places: mentions, sources: found.chains, hedged: hedged)
                continue
            }
            // A question, or a line that introduces what follows ("... delte en video på Twitter:"), reports nothing itself.
            guard happening, Word.split(text).count >= 5, !text.hasSuffix("?"), !text.hasSuffix(":") else { continue }
            // "siden 1939, da ..." is history the article recalls, not news.
            if finding.namesOtherYear, !finding.hasOwnDay { continue }
            var time = finding.time ?? EventTime(day: contextDay ?? published.day)
            if finding.hasOwnDay {
                contextDay = time.day
            } else if finding.time?.hasTime != true || finding.time?.day == nil {
                time.day = contextDay ?? published.day
                warn(sentence, "no day in the sentence; dated \(time.day) (\(contextDay == nil ? "the publication day" : "the day the paragraph is about")); check it")
            }
            if !finding.otherDays.isEmpty {
                warn(sentence, "the sentence names more than one day (\(([time.day] + finding.otherDays).map(\.description).joined(separator: ", "))); the event has the first: split it by hand if it reports two")
            }
            if time.day > published.day {
                warn(sentence, "dated \(time.day), after publication (\(published.day)): an announcement rather than an event?")
            }
            let sources = found.chains.isEmpty ? paragraphSources : found.chains
            drafts.append(Draft(title: SentenceReading.title(text), time: time,
                                places: mentions.isEmpty ? contextPlaces(&places, paragraph: paragraph) : unique(mentions),
                                sources: sources, isHedged: hedged, sentences: [text], input: article.input,
                                line: sentence.line, column: sentence.column, paragraph: paragraph, placesAreOwn: !mentions.isEmpty, agency: agency))
        }
        for post in article.posts {
            draftPost(post, resolver: resolver, places: &places)
        }
    }

    /// Where an event without a place of its own happened: where the event before it did
    /// (news copy names a place once and goes on), else the country the text names most.
    private func contextPlaces(_ places: inout PlaceFinder, paragraph: Int) -> [Int] {
        if let last = drafts.last(where: { !$0.isPost && $0.placesAreOwn && !$0.places.isEmpty }), last.paragraph >= paragraph - 1 {
            return last.places
        }
        return places.mainCountry().map { [$0] } ?? []
    }

    private mutating func join(_ sentence: ArticleText.Sentence, to index: Int, places: [Int], sources: [SourceChain], hedged: Bool) {
        drafts[index].sentences.append(sentence.text)
        drafts[index].places = unique(drafts[index].places + places)
        for chain in sources where !drafts[index].sources.contains(chain) {
            drafts[index].sources.append(chain)
        }
        // "Zakon via Reuters" from "Det skriver Zakon ifølge Reuters" replaces a plain "Reuters".
        drafts[index].sources = AttributionFinder.withoutParts(drafts[index].sources)
        drafts[index].isHedged = drafts[index].isHedged || hedged
    }

    private mutating func draftPost(_ post: ArticleText.Post, resolver: DateResolver, places: inout PlaceFinder) {
        var time = EventTime(day: published.day)
        if let written = post.dateText, let day = resolver.resolve(written).time?.day {
            time.day = day
        } else {
            warn(line: post.line, column: post.column, "the post by \(post.author) shows no date; dated \(published.day), the publication day; check it")
        }
        let danish = article.language == .danish
        let platform = post.platform.map { danish ? " på \($0)" : " on \($0)" } ?? ""
        let firstSentence = SentenceSplitter.split([(post.line, post.text)]).first?.text ?? post.text
        let title = "\(post.author)\(platform): \(SentenceReading.title(firstSentence, maximum: 70))"
        let chain = SourceChain(name: post.author, via: post.platform.map { [$0] } ?? [])
        let body = "> " + post.text + "\n\n— " + post.author + platform
        let introduction = post.introduction.map { places.mentions(in: $0).map(\.place) } ?? []
        drafts.append(Draft(title: title, time: time, places: unique(introduction + places.mentions(in: post.text).map(\.place)), sources: [chain],
                            isHedged: true, sentences: [body], input: article.input, line: post.line, column: post.column,
                            paragraph: post.paragraph, agency: agency, isPost: true))
    }

    private func unique(_ indices: [Int]) -> [Int] {
        var seen = Set<Int>()
        return indices.filter { seen.insert($0).inserted }
    }

    private mutating func warn(_ sentence: ArticleText.Sentence, _ message: String) {
        warn(line: sentence.line, column: sentence.column, message)
    }

    private mutating func warn(line: Int, column: Int, _ message: String) {
        warnings.append(Extraction.Warning(input: article.input, line: line, column: column, message: message))
    }

    // MARK: Finishing

    /// Ids, ISO dates and the places each event keeps, in timeline order.
    static func finish(_ drafts: [Draft], places: [Extraction.Place], taken: Set<String>, siteZone: String) -> [Extraction.Event] {
        var used = taken
        let ordered = drafts.sorted {
            ($0.time.day, $0.time.hour ?? -1, $0.time.minute ?? -1, $0.input, $0.line) < ($1.time.day, $1.time.hour ?? -1, $1.time.minute ?? -1, $1.input, $1.line)
        }
        return ordered.map { draft in
            let kept = keptPlaces(draft.places, places: places)
            let zone = kept.first.flatMap { places[$0].timeZone }
            var id = Slug.make("\(draft.time.day) " + draft.title.split(separator: " ").prefix(6).joined(separator: " "))
            if id.count > 70 { id = String(id.prefix(70)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) }
            if used.contains(id) {
                var number = 2
                while used.contains("\(id)-\(number)") { number += 1 }
                id = "\(id)-\(number)"
            }
            used.insert(id)
            var sources: [SourceChain] = []
            for chain in draft.sources.map({ $0.delivered(by: draft.agency) }) where !sources.contains(chain) {
                sources.append(chain)
            }
            if sources.isEmpty, let agency = draft.agency { sources = [SourceChain(name: agency)] }
            return Extraction.Event(id: id, title: draft.title, time: draft.time, date: draft.time.iso8601(placeZone: zone, siteZone: siteZone),
                                    places: kept.map { places[$0].id }, sources: sources, status: draft.isHedged || sources.contains { AttributionFinder.socialPlatforms.contains($0.name) } ? "unverified" : "reported",
                                    body: draft.sentences.joined(separator: draft.isPost ? "\n\n" : " "), input: draft.input,
                                    line: draft.line, column: draft.column)
        }
    }

    /// The most precise places: a country goes when a city or region is named, a region when
    /// a city near it is ("Zhanaozen i Mangistau-provinsen" is Zhanaozen).
    static func keptPlaces(_ indices: [Int], places: [Extraction.Place]) -> [Int] {
        let cities = indices.filter { places[$0].precision == "city" || places[$0].precision == "point" }
        return indices.filter { index in
            let place = places[index]
            switch place.precision {
            case "country": return indices.allSatisfy { places[$0].precision == "country" }
            case "region":
                return !cities.contains { Geo.kilometres(places[$0].latitude, places[$0].longitude, place.latitude, place.longitude) < 300 }
            default: return true
            }
        }
    }
}

import Foundation
