import Markdown

/// Which events a ```timeline block in a Markdown body shows. The block's body is YAML:
///
///     ```timeline
///     tags: [regering]
///     from: 2022-01-04
///     to: 2022-01-05
///     key: true
///     limit: 5
///     ```
public struct TimelineFilter: Sendable, Equatable {
    /// Events with any of these tags (compared by slug); empty means any.
    public var tags: [String] = []
    /// Events at any of these place ids; empty means anywhere.
    public var places: [String] = []
    /// First and last day, on the event's local clock; a month means all of it.
    public var from: ContentDate?
    public var to: ContentDate?
    public var keyOnly = false
    /// The latest `limit` matching events, still shown oldest first.
    public var limit: Int?

    public init() {}

    /// Indices into `site.events`, in timeline order.
    public func eventIndices(in site: Site) -> [Int] {
        let tagSlugs = Set(tags.map(Slug.make))
        let matching = site.events.indices.filter { index in
            let event = site.events[index]
            if keyOnly, !event.isKey { return false }
            if !tagSlugs.isEmpty, tagSlugs.isDisjoint(with: event.tags.map(Slug.make)) { return false }
            if !places.isEmpty {
                guard event.placeIDs.contains(where: { places.contains($0.value) }) else { return false }
            }
            let local = site.localDate(of: event)
            if let from, !Self.isOnOrAfter(local, from) { return false }
            if let to, !Self.isOnOrBefore(local, to) { return false }
            return true
        }
        guard let limit else { return matching }
        return Array(matching.suffix(limit))
    }

    /// By instant when both carry a clock time, else by calendar day.
    private static func isOnOrAfter(_ date: ContentDate, _ bound: ContentDate) -> Bool {
        date.hasTime && bound.hasTime ? date.instant() >= bound.instant() : date.dayNumber >= bound.dayNumber
    }

    static func isOnOrBefore(_ date: ContentDate, _ bound: ContentDate) -> Bool {
        if date.hasTime && bound.hasTime { return date.instant() <= bound.instant() }
        let lastDay = bound.precision == .month
            ? CivilCalendar.dayNumber(year: bound.year, month: bound.month, day: CivilCalendar.daysInMonth(year: bound.year, month: bound.month))
            : bound.dayNumber
        return date.dayNumber <= lastDay
    }
}

/// Finds, checks and reads the ```timeline blocks of Markdown bodies.
enum TimelineEmbed {
    static let infoWord = "timeline"
    static let options = ["tags", "place", "from", "to", "key", "limit"]

    static func isTimeline(info: String) -> Bool {
        info.split(separator: " ").first.map(String.init) == infoWord
    }

    /// Reads a block's options. `firstLine` is the file line of the block's first option line,
    /// so problems point into the Markdown file.
    static func parse(_ code: String, path: String, firstLine: Int) -> (TimelineFilter?, [Diagnostic]) {
        let yaml: YAMLValue?
        switch YAMLParser.parse(code, path: path, firstLine: firstLine) {
        case .success(let value): yaml = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var fields = FieldReader(yaml, fallback: SourceLocation(path: path, line: max(firstLine - 1, 1)), what: "the options of a ```timeline block")
        fields.rejectUnknownKeys(options)
        var filter = TimelineFilter()
        filter.tags = fields.strings("tags")
        filter.places = fields.strings("place")
        filter.from = fields.date("from")
        filter.to = fields.date("to")
        filter.keyOnly = fields.bool("key") ?? false
        if let value = fields.value("limit") {
            if case .scalar(let text, false) = value.kind, let number = Int(text), number >= 1 {
                filter.limit = number
            } else {
                fields.report(.error(value.location, "`limit` must be a whole number of events, at least 1, e.g. `limit: 5`"))
            }
        }
        if let from = filter.from, let to = filter.to, !TimelineFilter.isOnOrBefore(from, to) {
            fields.report(.error(fields.value("to")!.location, "`to` (\(to.iso8601)) is before `from` (\(from.iso8601)); the timeline would be empty"))
        }
        return (fields.diagnostics.hasErrors ? nil : filter, fields.diagnostics)
    }

    /// Every ```timeline block in a body, with the file line its options start on.
    static func blocks(in body: Body) -> [(code: String, firstLine: Int)] {
        blocks(in: body.document.blocks, firstLine: body.firstLine)
    }

    static func blocks(in blocks: [BlockNode], firstLine: Int) -> [(code: String, firstLine: Int)] {
        var found: [(String, Int)] = []
        blocks.forEachBlock { block in
            if case .codeBlock(let info, let code, let position) = block, isTimeline(info: info) {
                found.append((code, firstLine + position.line))
            }
        }
        return found
    }

    /// Checks every block in the site's bodies; places and tags are checked against the site.
    static func check(_ bodies: [SiteBody], events: [Event], places: [String: Place]) -> [Diagnostic] {
        let bodies = bodies.filter { $0.body.embeds.contains(.timeline) }
        guard !bodies.isEmpty else { return [] }
        let knownTags = Set(events.flatMap(\.tags).map(Slug.make))
        let allTags = Set(events.flatMap(\.tags)).sorted()
        var diagnostics: [Diagnostic] = []
        for entry in bodies {
            let path = entry.location.path
            for block in blocks(in: entry.body) {
                let (_, problems) = parse(block.code, path: path, firstLine: block.firstLine)
                diagnostics += problems
                guard case .success(let yaml?) = YAMLParser.parse(block.code, path: path, firstLine: block.firstLine) else { continue }
                var fields = FieldReader(yaml, fallback: SourceLocation(path: path, line: block.firstLine), what: "")
                for place in fields.locatedStrings("place") where places[place.value] == nil {
                    diagnostics.append(.error(place.location,
                        "unknown place `\(place.value)`\(Suggestion.didYouMean(place.value, among: places.keys.sorted())) (places are defined in content/places.yaml)"))
                }
                for tag in fields.locatedStrings("tags") where !knownTags.contains(Slug.make(tag.value)) {
                    diagnostics.append(.warning(tag.location,
                        "no event has the tag `\(tag.value)`, so this timeline shows nothing for it\(Suggestion.didYouMean(tag.value, among: allTags))"))
                }
            }
        }
        return diagnostics
    }

    /// The tree transform the body renderer applies: each ```timeline block becomes `render`'s HTML.
    static func transform(_ render: @escaping @Sendable (TimelineFilter) -> String) -> BodyTransform {
        { blocks in replace(blocks, render: render) }
    }

    /// Replaces each ```timeline block with the HTML `render` makes for its filter.
    static func replace(_ blocks: [BlockNode], render: (TimelineFilter) -> String) -> [BlockNode] {
        blocks.rewritingBlocks { block in
            guard case .codeBlock(let info, let code, _) = block, isTimeline(info: info) else { return nil }
            // Checked in the model stage; a block that failed never gets this far.
            let filter = parse(code, path: "", firstLine: 1).0 ?? TimelineFilter()
            return [.trustedHTML(render(filter))]
        }
    }
}
