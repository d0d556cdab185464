/// `sitegen extract`: agency copy in; draft events, places, sources and glossary candidates
/// out. Reads text and the few content files `SiteContext` names; never the site model.
public enum Extractor {
    public struct Options: Sendable {
        /// ISO 8601, e.g. `2022-01-05T11:42:00+01:00`: what "onsdag" and "i går" count from.
        public var published: String?
        /// The agency that delivered the text: the end of every source chain.
        public var source: String?

        public init(published: String? = nil, source: String? = nil) {
            self.published = published
            self.source = source
        }
    }

    public struct Input: Sendable {
        /// As the editor named it (`-` for standard input); warnings and provenance use it.
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    public static func extract(_ inputs: [Input], options: Options, site: SiteContext, gazetteer: Gazetteer) throws -> Extraction {
        let articles = inputs.map { ArticleText(input: $0.name, text: $0.text) }
        var places = PlaceFinder(gazetteer: gazetteer, site: site,
                                 texts: articles.flatMap { $0.sentences.map(\.text) + $0.posts.map(\.text) })
        let attribution = AttributionFinder(siteSources: site.sourceNames)
        var terms = TermFinder(known: site.terms) { name in
            attribution.isKnown(name) || gazetteer.lookup(name).contains { gazetteer.entries[$0.index].kind == .country }
        }
        var result = Extraction()
        var drafts: [EventDrafter.Draft] = []
        for article in articles {
            let published = try publication(of: article, options: options, siteZone: site.timeZone)
            result.published = result.published ?? published.day
            var drafter = EventDrafter(article: article, published: published, agency: options.source ?? article.datelineAgency,
                                       attribution: attribution, siteZone: site.timeZone)
            for sentence in article.sentences {
                terms.read(sentence.text, line: sentence.line, column: sentence.column)
            }
            drafter.draft(places: &places)
            drafts += drafter.drafts
            result.warnings += drafter.warnings
            for term in terms.terms where !result.terms.contains(where: { $0.name == term.name }) {
                result.terms.append(Extraction.Term(name: term.name, known: term.knownSlug != nil, slug: term.knownSlug,
                                                    expansion: term.expansion, sentence: term.sentence, input: article.input, line: term.line))
            }
        }
        result.places = places.places
        result.events = EventDrafter.finish(drafts, places: places.places, taken: site.eventIDs, siteZone: site.timeZone)
        // Only the places some event names are written; the others were only mentioned.
        let used = Set(result.events.flatMap(\.places))
        result.places = result.places.filter { !$0.isNew || used.contains($0.id) }
        result.sources = Array(Set(result.events.flatMap { $0.sources.flatMap { [$0.name] + $0.via } })).sorted()
        result.warnings.sort { ($0.input, $0.line, $0.column) < ($1.input, $1.line, $1.column) }
        return result
    }

    /// The publication time: `--published`, else the text's dateline or "Publiceret ..." line.
    static func publication(of article: ArticleText, options: Options, siteZone: String) throws -> Publication {
        if let written = options.published {
            guard let publication = Publication(iso8601: written) else {
                throw ExtractionError(description: "--published `\(written)` is not ISO 8601; write it like 2022-01-05T11:42:00+01:00")
            }
            return publication
        }
        if let dateline = article.datelineDate, let day = DateResolver.dayWithYear(in: dateline.text) {
            return Publication(day: day, minuteOfDay: nil)
        }
        throw ExtractionError(description: "\(article.input): no publication date: pass --published with the time the text was published, e.g. --published 2022-01-05T11:42:00+01:00 (ISO 8601 with offset), so that \"onsdag\" and \"i går\" can be resolved")
    }
}

/// When a text was published: the day its "i dag" is, and the time when it says so.
struct Publication: Sendable {
    var day: CalendarDay
    var minuteOfDay: Int?

    private static let iso = Pattern(#"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$"#)

    init(day: CalendarDay, minuteOfDay: Int?) {
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    /// The day and clock are read as written: the offset says which clock that is.
    init?(iso8601 text: String) {
        guard let match = Self.iso.firstMatch(in: text.trimmingCharacters(in: .whitespaces)),
              let year = Int(match[1]!), let month = Int(match[2]!), let day = Int(match[3]!),
              CalendarDay.isValid(year: year, month: month, day: day) else { return nil }
        self.day = CalendarDay(year: year, month: month, day: day)
        minuteOfDay = match[4].flatMap { hour in match[5].flatMap { minute in Int(hour).flatMap { h in Int(minute).map { h * 60 + $0 } } } }
    }
}

import Foundation
