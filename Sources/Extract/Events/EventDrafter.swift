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
        /// The day comes from the event's own sentence, not from the paragraph or the publication.
        var dayIsOwn = true
        /// The sources come from the event's own sentence, not from the paragraph's earlier ones.
        var sourcesAreOwn = false
        var isHedged: Bool
        var sentences: [String]
        var input: String
        var line: Int
        var column: Int
        var paragraph: Int
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
        // The paragraphs that said something of their own, in order: which one is "the paragraph before".
        var paragraphsRead: [Int] = []
        var previousWasQuote = false
        let introductions = Set(article.posts.compactMap(\.introductionIndex))
        places.survey(article.sentences.filter { !$0.isQuote }.map(\.text))
        for (index, sentence) in article.sentences.enumerated() {
            let opensParagraph = sentence.paragraph != paragraph
            if opensParagraph {
                paragraph = sentence.paragraph
                contextDay = nil
                paragraphSources = []
            }
            defer { previousWasQuote = sentence.isQuote }
            guard !sentence.isQuote, !introductions.contains(index) else { continue }
            let text = sentence.text
            let mentions = places.mentions(in: text).map(\.place)
            let found = attribution.find(in: text)
            for name in found.unknown {
                warn(sentence, "`\(name)` is named as a source but is no known agency and not in content/sources.yaml; check the name and add it there")
            }
            let hedged = SentenceReading.isHedged(text)
            // "Det skriver Reuters." names the source of its paragraph's events, or, standing
            // alone, of the paragraph before (unless that was a quote); it is no event itself.
            if SentenceReading.isAttributionOnly(text) {
                let reported = resolver.resolve(text, context: contextDay)
                let day = reported.hasOwnDay && !reported.isFuture ? reported.time?.day : nil
                if let target = opensParagraph ? (previousWasQuote ? nil : paragraphsRead.last) : paragraph {
                    attribute(sentence, chains: found.chains, day: day, places: mentions, hedged: hedged, paragraph: target)
                }
                if !opensParagraph, !found.chains.isEmpty { paragraphSources = found.chains }
                continue
            }
            if paragraphsRead.last != paragraph { paragraphsRead.append(paragraph) }
            let finding = Self.time(of: text, resolver: resolver, context: contextDay)
            let previous = drafts.indices.last.flatMap { drafts[$0].paragraph == paragraph && !drafts[$0].isPost ? $0 : nil }
            if !found.chains.isEmpty { paragraphSources = found.chains }
            if finding.isVague, finding.time == nil {
                let span = finding.expressions.first.map { "`\($0)`" } ?? "a span of time"
                warn(sentence, "\(span) names no day: no event date, so no event from this sentence; add one by hand if it reports one")
                continue
            }
            // Judged on what the sentence states: the reported clause, else the main clause
            // ("Skovbrande er almindelige ..., men eksperter peger på, at ... har gjort" states no happening).
            let statement = found.report ?? SentenceReading.mainClause(text) ?? text
            let happening = finding.hasOwnDay || hedged || (SentenceReading.reportsHappening(statement) && !SentenceReading.isStatement(statement))
            if let previous, !finding.hasOwnDay, SentenceReading.isElaboration(text) || !happening {
                join(sentence, to: previous, places: mentions, sources: found.chains, hedged: hedged)
                continue
            }
            // "Den blev hurtigt bragt under kontrol." alone in its paragraph goes on about the event of the paragraph before.
            if previous == nil, !finding.hasOwnDay, SentenceReading.isElaboration(text), let last = drafts.indices.last,
               !drafts[last].isPost, paragraphsRead.dropLast().last == drafts[last].paragraph {
                join(sentence, to: last, places: mentions, sources: found.chains, hedged: hedged)
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
            // "meldte Tass, at præsidenten havde accepteret ...": the event is what Tass reported.
            let title = found.report.map(SentenceReading.title(reported:)) ?? SentenceReading.title(text)
            let own = unique(mentions)
            drafts.append(Draft(title: title, time: time,
                                places: own.isEmpty ? contextPlaces(&places, of: text, paragraphsRead: paragraphsRead) : own,
                                sources: sources, dayIsOwn: finding.hasOwnDay, sourcesAreOwn: !found.chains.isEmpty, isHedged: hedged, sentences: [text], input: article.input,
                                line: sentence.line, column: sentence.column, paragraph: paragraph, agency: agency))
        }
        for post in article.posts {
            draftPost(post, resolver: resolver, places: &places)
        }
        for embed in article.missingEmbeds {
            warn(line: embed.line, column: 1, "embedded content\(embed.platform.map { " from \($0)" } ?? "") without the post itself: look at the original and add the post by hand if it reports an event")
        }
    }

    /// What a sentence says of its time. "Mindst 131 er omkommet i brandene, som siden fredag har
    /// raset": the span belongs to the relative clause, so the main clause says it.
    private static func time(of text: String, resolver: DateResolver, context: CalendarDay?) -> DateResolver.Finding {
        let finding = resolver.resolve(text, context: context)
        guard finding.isVague, finding.time == nil, let main = SentenceReading.mainClause(text) else { return finding }
        let mainFinding = resolver.resolve(main, context: context)
        return mainFinding.isVague ? finding : mainFinding
    }

    /// Where an event without a place of its own happened: the country when it says so ("i hele
    /// landet"); else where the event before it did, when that one is in this paragraph or the one
    /// before that says something, in the country the text is about, and more than that country
    /// (news copy names a place once and goes on); else the city or region the text names most;
    /// else that country.
    private func contextPlaces(_ places: inout PlaceFinder, of sentence: String, paragraphsRead: [Int]) -> [Int] {
        if SentenceReading.countryWide.contains(sentence), let country = places.mainCountry() { return [country] }
        if let last = drafts.last(where: { !$0.isPost && !$0.places.isEmpty }), paragraphsRead.suffix(2).contains(last.paragraph),
           last.places.allSatisfy(places.isInMainCountry), last.places.contains(where: { places.places[$0].precision != "country" }) {
            return last.places
        }
        if let main = places.mainLocality() { return [main] }
        return places.mainCountry().map { [$0] } ?? []
    }

    /// An attribution of its own ("Det skriver Reuters.") for the events of a paragraph: who
    /// reported them, or, for those that name a source already, through whom it came
    /// ("Ifølge Zakon ... . Det skriver Reuters." is Zakon via Reuters); and, when it names the
    /// day of the report ("... i en opgørelse tirsdag aften"), the day of those that name none.
    private mutating func attribute(_ sentence: ArticleText.Sentence, chains: [SourceChain], day: CalendarDay?, places: [Int], hedged: Bool, paragraph: Int) {
        let targets = drafts.indices.filter { drafts[$0].paragraph == paragraph && !drafts[$0].isPost }
        guard let last = targets.last else { return }
        for index in targets {
            if !chains.isEmpty {
                drafts[index].sources = drafts[index].sourcesAreOwn ? Self.reached(drafts[index].sources, through: chains) : chains
                drafts[index].sourcesAreOwn = true
            }
            if let day, !drafts[index].dayIsOwn, !drafts[index].time.hasTime {
                drafts[index].time.day = day
                drafts[index].dayIsOwn = true
                let (line, column) = (drafts[index].line, drafts[index].column)
                warnings.removeAll { $0.line == line && $0.column == column && $0.message.hasPrefix("no day in the sentence") }
                warn(line: line, column: column, "no day in the sentence; dated \(day), the day the attribution after it names (line \(sentence.line)); check it")
            }
        }
        drafts[last].sentences.append(sentence.text)
        drafts[last].places = unique(drafts[last].places + places)
        drafts[last].isHedged = drafts[last].isHedged || hedged
    }

    /// Each chain continued by the chains it reached the text through, unless it names them already.
    static func reached(_ chains: [SourceChain], through carriers: [SourceChain]) -> [SourceChain] {
        var result: [SourceChain] = []
        for chain in chains {
            for carrier in carriers {
                let names = [chain.name] + chain.via
                let continued = names.contains(carrier.name) ? chain
                    : ([carrier.name] + carrier.via).contains(chain.name) ? carrier
                    : SourceChain(name: chain.name, via: chain.via + [carrier.name] + carrier.via)
                if !result.contains(continued) { result.append(continued) }
            }
        }
        return result
    }

    private mutating func join(_ sentence: ArticleText.Sentence, to index: Int, places: [Int], sources: [SourceChain], hedged: Bool) {
        drafts[index].sentences.append(sentence.text)
        drafts[index].places = unique(drafts[index].places + places)
        for chain in sources where !drafts[index].sources.contains(chain) {
            drafts[index].sources.append(chain)
        }
        drafts[index].sourcesAreOwn = drafts[index].sourcesAreOwn || !sources.isEmpty
        // "Zakon via Reuters" from "Det skriver Zakon ifølge Reuters" replaces a plain "Reuters".
        drafts[index].sources = AttributionFinder.withoutParts(drafts[index].sources)
        drafts[index].isHedged = drafts[index].isHedged || hedged
    }

    /// A post is an event of its own: its own date, its author as the source, through the
    /// platform and whoever the introducing sentence says passed it on; unverified.
    private mutating func draftPost(_ post: ArticleText.Post, resolver: DateResolver, places: inout PlaceFinder) {
        var time = EventTime(day: published.day)
        if let written = post.dateText, let day = DateResolver.dayWithYear(in: written) ?? resolver.resolve(written).time?.day {
            time.day = day
        } else {
            warn(line: post.line, column: post.column, "the post by \(post.author) shows no date; dated \(published.day), the publication day; check it")
        }
        let danish = article.language == .danish
        let platform = post.platform.map { danish ? " på \($0)" : " on \($0)" } ?? ""
        let firstSentence = SentenceSplitter.split([(post.line, post.text)]).first?.text ?? post.text
        let title = "\(post.author)\(platform)" + (firstSentence.isEmpty ? "" : ": \(SentenceReading.title(firstSentence, maximum: 70))")
        let carriers = post.introduction.map { attribution.find(in: $0).chains.flatMap { [$0.name] + $0.via } } ?? []
        let via = (post.platform.map { [$0] } ?? []) + carriers.filter { $0 != post.author && $0 != post.platform }
        let chain = SourceChain(name: post.author, via: via.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        let quoted = post.text.isEmpty ? [] : ["> " + post.text]
        let body = (post.introduction.map { [$0] } ?? []) + quoted + ["— " + post.author + platform]
        let introduction = post.introduction.map { places.mentions(in: $0).map(\.place) } ?? []
        drafts.append(Draft(title: title, time: time, places: unique(introduction + places.mentions(in: post.text).map(\.place)), sources: [chain],
                            sourcesAreOwn: true, isHedged: true, sentences: [body.joined(separator: "\n\n")], input: article.input, line: post.line,
                            column: post.column, paragraph: post.paragraph, agency: agency, isPost: true))
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
