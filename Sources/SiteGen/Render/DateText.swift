/// Dates and times in words of the site's language, from the patterns in its strings
/// file ("onsdag den 5. januar 2022", "kl. 14.00"), and in the readers' time zone where it matters.
struct DateText: Sendable {
    let strings: Strings
    let siteZone: String
    /// The date patterns, months, weekdays and zone name, read once: dates are written for
    /// every event on every page that lists it.
    private let patterns: DatePatterns
    private let months: [String]
    private let weekdays: [String]
    /// "Copenhagen" for `Europe/Copenhagen`: how English names a zone's time.
    private let zoneName: String

    init(strings: Strings, siteZone: String) {
        self.strings = strings
        self.siteZone = siteZone
        patterns = DatePatterns(strings)
        months = strings.lists["months"] ?? []
        weekdays = strings.lists["weekdays"] ?? []
        zoneName = (siteZone.split(separator: "/").last.map(String.init) ?? siteZone).replacingOccurrences(of: "_", with: " ")
    }

    /// "onsdag den 5. januar 2022", or "januar 2022" for a month.
    func day(_ date: ContentDate) -> String {
        guard date.precision >= .day else { return fill(patterns.month, date) }
        return fill(patterns.day, date)
    }

    /// "Onsdag den 5. januar 2022": a day as a heading.
    func dayHeading(_ date: ContentDate) -> String {
        let text = day(date)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "kl. 14.00".
    func time(_ date: ContentDate) -> String {
        fill(patterns.time, date)
    }

    /// The same instant on the readers' clock.
    func inSiteZone(_ date: ContentDate) -> ContentDate {
        guard date.hasTime, let offset = ZoneOffsets.offset(of: siteZone, atInstant: date.instant()) else { return date }
        return date.converted(toOffset: offset)
    }

    /// An event's time: local time, with the readers' time beside it when the zones differ
    /// ("kl. 14.00 i Almaty (kl. 09.00 dansk tid)", or "lokal tid" without a place);
    /// nothing for a date without a time.
    func eventTime(_ date: ContentDate, placeName: String? = nil) -> String? {
        guard date.hasTime else { return nil }
        guard var siteText = siteClock(date) else { return time(date) }
        let site = inSiteZone(date)
        if site.dayNumber != date.dayNumber {
            siteText += " " + fill(patterns.short, site)
        }
        let localText = placeName.map { fill(patterns.placeTime, date, extra: ["time": time(date), "place": $0]) }
            ?? localTime(date)
        return fill(patterns.bothTimes, date, extra: ["local": localText, "site": siteText])
    }

    /// An event's local clock time alone, for a row that names its place beside it ("kl. 14.00");
    /// "kl. 14.00 lokal tid" for an event without a place. Nothing for a date without a time.
    func clock(_ date: ContentDate, hasPlace: Bool) -> String? {
        guard date.hasTime else { return nil }
        return hasPlace ? time(date) : localTime(date)
    }

    /// "kl. 14.00 lokal tid".
    private func localTime(_ date: ContentDate) -> String {
        fill(patterns.localTime, date, extra: ["time": time(date)])
    }

    /// A time on the readers' clock alone ("kl. 09.00 dansk tid"), when its zone is not theirs.
    func siteClock(_ date: ContentDate) -> String? {
        guard date.hasTime else { return nil }
        let site = inSiteZone(date)
        guard site.offset != date.offset else { return nil }
        return fill(patterns.siteTime, site, extra: ["time": time(site)])
    }

    /// A full line for an event: "onsdag den 5. januar 2022, kl. 14.00 lokal tid (kl. 09.00 dansk tid)".
    func eventWhen(_ date: ContentDate, placeName: String? = nil) -> String {
        guard let time = eventTime(date, placeName: placeName) else { return day(date) }
        return day(date) + ", " + time
    }

    /// A publication stamp in the readers' zone: "onsdag den 5. januar 2022, kl. 16.00".
    func stamp(_ date: ContentDate) -> String {
        let site = inSiteZone(date)
        guard site.hasTime else { return day(site) }
        return day(site) + ", " + time(site)
    }

    /// A machine-readable form for `<time datetime>`, with as much precision as was written.
    func iso(_ date: ContentDate) -> String { date.iso8601 }

    /// Fills `pattern` with the date's `{weekday}`, `{day}`, `{month}`, `{year}`,
    /// `{hour}`, `{minute}`, `{zone}` and `extra`.
    private func fill(_ pattern: DatePattern, _ date: ContentDate, extra: [String: String] = [:]) -> String {
        var result = ""
        result.reserveCapacity(pattern.length + 16)
        for piece in pattern.pieces {
            switch piece {
            case .text(let text): result += text
            case .weekday: result += weekdays.indices.contains(date.weekday) ? weekdays[date.weekday] : ""
            case .day: result += String(date.day)
            case .month: result += months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
            case .year: result += String(date.year)
            case .hour: result += twoDigits(date.hour)
            case .minute: result += twoDigits(date.minute)
            case .zone: result += zoneName
            case .extra(let name, let written): result += extra[name] ?? written
            }
        }
        return result
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

import Foundation

/// The patterns of the strings file that `DateText` fills.
private struct DatePatterns: Sendable {
    let month, day, time, short, placeTime, bothTimes, localTime, siteTime: DatePattern

    init(_ strings: Strings) {
        month = DatePattern(strings["date.month"])
        day = DatePattern(strings["date.day"])
        time = DatePattern(strings["date.time"])
        short = DatePattern(strings["date.short"])
        placeTime = DatePattern(strings["date.placeTime"])
        bothTimes = DatePattern(strings["date.bothTimes"])
        localTime = DatePattern(strings["date.localTime"])
        siteTime = DatePattern(strings["date.siteTime"])
    }
}

/// A date pattern of the strings file ("{weekday} den {day}. {month} {year}") cut into its
/// text and placeholders once.
private struct DatePattern: Sendable {
    enum Piece: Sendable {
        case text(String)
        case weekday, day, month, year, hour, minute, zone
        /// A name the caller fills (`{time}`), else the placeholder as written.
        case extra(name: String, written: String)
    }

    let pieces: [Piece]
    let length: Int

    init(_ pattern: String) {
        var pieces: [Piece] = []
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            pieces.append(.text(String(rest[..<open])))
            guard let close = rest[open...].firstIndex(of: "}") else {
                // As the patterns were always read: the text before an unclosed `{` is written
                // again with the rest.
                break
            }
            let name = rest[rest.index(after: open)..<close]
            pieces.append(Self.placeholder(String(name), written: String(rest[open...close])))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces.filter { if case .text(let text) = $0 { !text.isEmpty } else { true } }
        length = pattern.utf8.count
    }

    private static func placeholder(_ name: String, written: String) -> Piece {
        switch name {
        case "weekday": .weekday
        case "day": .day
        case "month": .month
        case "year": .year
        case "hour": .hour
        case "minute": .minute
        case "zone": .zone
        default: .extra(name: name, written: written)
        }
    }
}
