/// Resolves the Danish and English time expressions of one sentence against the publication
/// day: weekdays, "i går", "natten til onsdag", "5. januar", "January 4, 2022", "nytår",
/// clock times and the clock they are on. A weekday is the last such day on or before
/// publication unless the text points forward ("på fredag", "next Friday").
public struct DateResolver: Sendable {
    public struct Finding: Sendable, Equatable {
        /// The event's time, when the sentence gives one.
        public var time: EventTime?
        /// The sentence names only a span ("i de seneste dage"): no event date.
        public var isVague = false
        /// The text points past publication ("på fredag", "i morgen", "next week").
        public var isFuture = false
        /// The expressions read, as written, for the editor's summary.
        public var expressions: [String] = []
        /// The sentence names more than one day: the first was taken.
        public var otherDays: [CalendarDay] = []
        /// The day came from the text itself, not from the day the paragraph is about.
        public var hasOwnDay = false
        /// A year other than the publication's stands alone ("siden 1939"): background.
        public var namesOtherYear = false
    }

    public var published: CalendarDay

    public init(published: CalendarDay) {
        self.published = published
    }

    /// `context` is the day the sentences before were about ("tidligere på dagen", "samme dag").
    public func resolve(_ sentence: String, context: CalendarDay? = nil) -> Finding {
        let text = sentence.lowercased()
        var finding = Finding()
        var days: [(day: CalendarDay, at: String.Index, future: Bool, monthOnly: Bool)] = []
        let spans = Self.spanStarts.matches(in: text).map(\.range)
        func inSpan(_ range: Range<String.Index>) -> Bool {
            spans.contains { $0.upperBound <= range.lowerBound && text.distance(from: $0.upperBound, to: range.lowerBound) <= 4 }
        }
        func add(_ day: CalendarDay?, _ match: Pattern.Match, future: Bool = false, monthOnly: Bool = false) {
            guard let day else { return }
            finding.expressions.append(String(text[match.range]))
            if inSpan(match.range) { finding.isVague = true; return }
            days.append((day, match.range.lowerBound, future, monthOnly))
        }
        var covered: [Range<String.Index>] = []
        func fresh(_ match: Pattern.Match) -> Bool {
            guard !covered.contains(where: { $0.overlaps(match.range) }) else { return false }
            covered.append(match.range)
            return true
        }
        for match in Self.isoDate.matches(in: text) where fresh(match) {
            add(Self.day(Int(match[1]!)!, Int(match[2]!)!, Int(match[3]!)!), match)
        }
        for pattern in [Self.danishDate, Self.englishDayMonth] {
            for match in pattern.matches(in: text) where fresh(match) {
                add(absolute(day: Int(match[1]!)!, month: Self.months[match[2]!]!, year: match[3].flatMap { Int($0) }), match)
            }
        }
        for match in Self.englishMonthDay.matches(in: text) where fresh(match) {
            add(absolute(day: Int(match[2]!)!, month: Self.months[match[1]!]!, year: match[3].flatMap { Int($0) }), match)
        }
        for match in Self.night.matches(in: text) where fresh(match) {
            add(weekday(Self.weekdays[match[1]!]!, direction: .onOrBefore), match)
        }
        for match in Self.relative.matches(in: text) where fresh(match) {
            let (offset, future) = Self.relativeDays[Self.squeezed(match[1]!)]!
            add(published.adding(days: offset), match, future: future)
        }
        for match in Self.contextual.matches(in: text) where fresh(match) {
            let offset = Self.contextualDays[Self.squeezed(match[1]!)]!
            add((context ?? published).adding(days: offset), match)
        }
        for match in Self.danishWeekday.matches(in: text) + Self.englishWeekday.matches(in: text) where fresh(match) {
            let prefix = Self.squeezed(match[1] ?? "")
            let suffix = match[3] ?? ""
            let direction: Direction
            if ["på", "næste", "kommende", "om", "next", "this coming", "coming"].contains(prefix) { direction = .after }
            else if ["sidste", "forrige", "last"].contains(prefix) || (prefix == "i" && suffix == "s") { direction = .before }
            else { direction = .onOrBefore }
            add(weekday(Self.weekdays[match[2]!]!, direction: direction), match, future: direction == .after)
        }
        for match in Self.newYear.matches(in: text) where fresh(match) {
            let eve = match[1]!.contains("aften") || match[1]!.contains("eve")
            var day = CalendarDay(year: published.year, month: eve ? 12 : 1, day: eve ? 31 : 1)
            if day > published { day = CalendarDay(year: day.year - 1, month: day.month, day: day.day) }
            add(day, match)
        }
        for match in Self.monthOnly.matches(in: text) where fresh(match) {
            let month = Self.months[match[1]!]!
            var year = match[2].flatMap { Int($0) } ?? published.year
            if match[2] == nil, month > published.month { year -= 1 }
            add(CalendarDay(year: year, month: month, day: 1), match, monthOnly: true)
        }
        if let span = Self.vague.firstMatch(in: text) {
            finding.isVague = true
            finding.expressions.append(String(text[span.range]))
        }
        finding.namesOtherYear = Self.year.matches(in: text).contains { match in
            Int(match[1]!) != published.year && !covered.contains { $0.overlaps(match.range) }
        }
        if Self.futureWords.contains(text) { finding.isFuture = true }

        days.sort { $0.at < $1.at }
        // Several expressions for one day ("onsdag den 5. januar") are one day; a day beats a month.
        let chosen = days.first { !$0.monthOnly } ?? days.first
        if let chosen {
            finding.time = EventTime(day: chosen.day, monthOnly: chosen.monthOnly)
            finding.hasOwnDay = true
            finding.isFuture = finding.isFuture || chosen.future || chosen.day > published
            finding.isVague = false
            var others: [CalendarDay] = []
            for other in days where !other.monthOnly && other.day != chosen.day && !others.contains(other.day) {
                others.append(other.day)
            }
            finding.otherDays = others
        }
        if let clock = clock(in: text, finding: &finding) {
            var time = finding.time ?? EventTime(day: context ?? published)
            if !time.monthOnly {
                time.hour = clock.hour
                time.minute = clock.minute
                time.clock = Self.clock(in: text)
                finding.time = time
                finding.isVague = false
            }
        }
        return finding
    }

    // MARK: Days

    enum Direction { case onOrBefore, before, after }

    /// The weekday (0 Monday … 6 Sunday) nearest publication in the given direction.
    func weekday(_ weekday: Int, direction: Direction) -> CalendarDay {
        let back = (published.weekday - weekday + 7) % 7
        switch direction {
        case .onOrBefore: return published.adding(days: -back)
        case .before: return published.adding(days: back == 0 ? -7 : -back)
        case .after:
            let forward = (weekday - published.weekday + 7) % 7
            return published.adding(days: forward == 0 ? 7 : forward)
        }
    }

    /// A day and month, in the year that puts it nearest publication.
    func absolute(day: Int, month: Int, year: Int?) -> CalendarDay? {
        if let year { return Self.day(year, month, day) }
        let candidates = [published.year - 1, published.year, published.year + 1].compactMap { Self.day($0, month, day) }
        return candidates.min { abs($0.dayNumber - published.dayNumber) < abs($1.dayNumber - published.dayNumber) }
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay? {
        CalendarDay.isValid(year: year, month: month, day: day) ? CalendarDay(year: year, month: month, day: day) : nil
    }

    // MARK: Clock times

    private func clock(in text: String, finding: inout Finding) -> (hour: Int, minute: Int)? {
        let ranges = Self.clockRange.matches(in: text).map(\.range)
        for pattern in [Self.danishClock, Self.englishClock, Self.militaryClock, Self.colonClock] {
            for match in pattern.matches(in: text) where !ranges.contains(where: { $0.overlaps(match.range) }) {
                guard var hour = Int(match[1]!), hour < 24 else { continue }
                let minute = match[2].flatMap { Int($0) } ?? 0
                guard minute < 60 else { continue }
                if let meridiem = match.groups.count > 3 ? match[3] : nil {
                    let pm = meridiem.hasPrefix("p")
                    if hour == 12 { hour = pm ? 12 : 0 } else if pm { hour += 12 }
                }
                finding.expressions.append(String(text[match.range]))
                return (hour, minute)
            }
        }
        return nil
    }

    private static func clock(in text: String) -> EventTime.Clock {
        if danishTime.contains(text) { return .danish }
        if utcTime.contains(text) { return .utc }
        if moscowTime.contains(text) { return .zone("Europe/Moscow") }
        if localTime.contains(text) { return .local }
        return .unspecified
    }

    // MARK: Words

    static let weekdays: [String: Int] = [
        "mandag": 0, "tirsdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lørdag": 5, "søndag": 6,
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]
    static let months: [String: Int] = [
        "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "august": 8, "september": 9,
        "oktober": 10, "november": 11, "december": 12, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6,
        "july": 7, "october": 10, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
    ]
    private static let monthNames = months.keys.sorted { $0.count > $1.count }.joined(separator: "|")
    private static let fullMonthNames = months.keys.filter { $0.count > 4 || ["maj", "may", "juni", "juli", "june", "july"].contains($0) }
        .sorted { $0.count > $1.count }.joined(separator: "|")
    private static let danishDays = "mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
    private static let englishDays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

    private static let year = Pattern(#"\b(1[5-9]\d\d|20\d\d)\b"#)
    private static let isoDate = Pattern(#"\b(\d{4})-(\d{2})-(\d{2})\b"#)
    private static let danishDate = Pattern(#"(?<![\d.])(\d{1,2})\.\s*("# + monthNames + #")\b\.?(?:\s+(\d{4})\b)?"#)
    private static let englishDayMonth = Pattern(#"(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?("# + monthNames + #")\b\.?(?:,?\s+(\d{4})\b)?"#)
    private static let englishMonthDay = Pattern(#"\b("# + monthNames + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\.\d|:)(?:,?\s+(\d{4})\b)?"#)
    private static let night = Pattern(#"\b(?:natten\s+(?:til|mellem\s+\w+\s+og)|overnight\s+(?:into|to|on)|the\s+night\s+(?:to|before))\s+("# + danishDays + "|" + englishDays + #")\b"#)
    private static let danishWeekday = Pattern(#"\b(i|på|sidste|forrige|næste|kommende|om)?\s*\b("# + danishDays + #")(s|ens|en|ene)?\b"#)
    private static let englishWeekday = Pattern(#"\b(last|next|this\s+coming|coming|on)?\s*\b("# + englishDays + #")('s)?\b"#)
    private static let newYear = Pattern(#"\b(nytårsaftensdag|nytårsaften|nytårsdag|nytåret|nytår|årsskiftet|new year's eve|new year's day|new year)\b"#)
    private static let monthOnly = Pattern(#"\b(?:i|in|i begyndelsen af|i slutningen af|early|late|in early|in late)\s+("# + fullMonthNames + #")\b(?:\s+(\d{4}))?"#)

    private static let relative = Pattern(#"\b(i\s*forgårs|i\s*går|i\s*dag|i\s*morgen|i\s*nat|i\s*aftes|i\s*morges|i\s*formiddags?|i\s*eftermiddags?|i\s*aften|the day before yesterday|yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening|overnight)\b"#)
    private static let relativeDays: [String: (Int, Bool)] = [
        "iforgårs": (-2, false), "igår": (-1, false), "idag": (0, false), "imorgen": (1, true), "inat": (0, false),
        "iaftes": (-1, false), "imorges": (0, false), "iformiddag": (0, false), "iformiddags": (0, false),
        "ieftermiddag": (0, false), "ieftermiddags": (0, false), "iaften": (0, false), "thedaybeforeyesterday": (-2, false),
        "yesterday": (-1, false), "today": (0, false), "tomorrow": (1, true), "tonight": (0, false), "lastnight": (-1, false),
        "thismorning": (0, false), "thisafternoon": (0, false), "thisevening": (0, false), "overnight": (0, false),
    ]
    private static let contextual = Pattern(#"\b(tidligere på dagen|tidligere i dag|senere på dagen|samme dag|dagen før|dagen forinden|dagen inden|dagen efter|næste dag|earlier in the day|earlier today|later in the day|later that day|the same day|the day before|the previous day|the next day|the following day)\b"#)
    private static let contextualDays: [String: Int] = [
        "tidligerepådagen": 0, "tidligereidag": 0, "senerepådagen": 0, "sammedag": 0, "dagenfør": -1, "dagenforinden": -1,
        "dageninden": -1, "dagenefter": 1, "næstedag": 1, "earlierintheday": 0, "earliertoday": 0, "laterintheday": 0,
        "laterthatday": 0, "thesameday": 0, "thedaybefore": -1, "thepreviousday": -1, "thenextday": 1, "thefollowingday": 1,
    ]

    private static let spanStarts = Pattern(#"\b(siden|since|fra og med|indtil|until|frem til|helt fra)\b"#)
    private static let vague = Pattern(#"\b(i de seneste|de seneste|i de sidste|de sidste|i flere|gennem flere|i en række|flere dage|over the past|in recent|for several|for days|for weeks|in the past few|over the last|i denne uge|i sidste uge|i weekenden|sidste weekend|this week|last week|over the weekend|last weekend|næste uge|next week|i løbet af ugen|earlier this week|tidligere på ugen|tidligere i ugen|senere på ugen|later this week|i ugens løb)\b"#)
    private static let futureWords = Pattern(#"\b(næste uge|next week|i morgen|tomorrow|på (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag))\b"#)

    private static let danishClock = Pattern(#"\b(?:kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2}))?\b"#)
    private static let englishClock = Pattern(#"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)"#)
    private static let militaryClock = Pattern(#"\b([01]\d|2[0-3])([0-5]\d)\s*(?:gmt|utc)\b"#)
    private static let colonClock = Pattern(#"\b([01]?\d|2[0-3]):([0-5]\d)\b"#)
    private static let clockRange = Pattern(#"\b(?:fra|mellem|from|between)\s+(?:kl\.?|klokken)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:til|og|to|and|-|–)\s*(?:kl\.?|klokken)?\s*\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|(?:kl\.?|klokken)\s*\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?"#)
    private static let danishTime = Pattern(#"\b(dansk tid|danish time|cet|cest)\b"#)
    private static let utcTime = Pattern(#"\b(gmt|utc)\b"#)
    private static let moscowTime = Pattern(#"\b(moskva-tid|moskvatid|moscow time)\b"#)
    private static let localTime = Pattern(#"\b(lokal tid|local time)\b"#)

    private static func squeezed(_ text: String) -> String {
        text.lowercased().filter { !$0.isWhitespace }
    }
}

extension DateResolver {
    /// A day written with its year ("5. januar 2022", "January 5, 2022", "2022-01-05"), as a
    /// dateline gives it; nil without a year, since nothing else could say which year.
    static func dayWithYear(in text: String) -> CalendarDay? {
        guard let year = Pattern(#"\b(19|20)\d{2}\b"#).firstMatch(in: text).flatMap({ Int($0[0]!) }) else { return nil }
        let resolver = DateResolver(published: CalendarDay(year: year, month: 12, day: 31))
        let finding = resolver.resolve(text)
        return finding.hasOwnDay && finding.time?.day.year == year ? finding.time?.day : nil
    }
}
