/// Dates and times in words of the site's language, from the patterns in its strings
/// file ("onsdag den 5. januar 2022", "kl. 14.00"), and in the readers' time zone where it matters.
struct DateText: Sendable {
    let strings: Strings
    let siteZone: String

    /// "onsdag den 5. januar 2022", or "januar 2022" for a month.
    func day(_ date: ContentDate) -> String {
        guard date.precision >= .day else { return fill(strings["date.month"], date) }
        return fill(strings["date.day"], date)
    }

    /// "Onsdag den 5. januar 2022": a day as a heading.
    func dayHeading(_ date: ContentDate) -> String {
        let text = day(date)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "kl. 14.00".
    func time(_ date: ContentDate) -> String {
        fill(strings["date.time"], date)
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
            siteText += " " + fill(strings["date.short"], site)
        }
        let localText = placeName.map { fill(strings["date.placeTime"], date, extra: ["time": time(date), "place": $0]) }
            ?? localTime(date)
        return fill(strings["date.bothTimes"], date, extra: ["local": localText, "site": siteText])
    }

    /// An event's local clock time alone, for a row that names its place beside it ("kl. 14.00");
    /// "kl. 14.00 lokal tid" for an event without a place. Nothing for a date without a time.
    func clock(_ date: ContentDate, hasPlace: Bool) -> String? {
        guard date.hasTime else { return nil }
        return hasPlace ? time(date) : localTime(date)
    }

    /// "kl. 14.00 lokal tid".
    private func localTime(_ date: ContentDate) -> String {
        fill(strings["date.localTime"], date, extra: ["time": time(date)])
    }

    /// A time on the readers' clock alone ("kl. 09.00 dansk tid"), when its zone is not theirs.
    func siteClock(_ date: ContentDate) -> String? {
        guard date.hasTime else { return nil }
        let site = inSiteZone(date)
        guard site.offset != date.offset else { return nil }
        return fill(strings["date.siteTime"], site, extra: ["time": time(site)])
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

    /// Fills `{weekday}`, `{day}`, `{month}`, `{year}`, `{hour}`, `{minute}`, `{zone}` and `extra` in one pass:
    /// dates are formatted for every event on every page that lists it, so this is hot.
    private func fill(_ pattern: String, _ date: ContentDate, extra: [String: String] = [:]) -> String {
        var result = ""
        result.reserveCapacity(pattern.utf8.count + 16)
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            result += value(of: name, date) ?? extra[String(name)] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    private func value(of placeholder: Substring, _ date: ContentDate) -> String? {
        switch placeholder {
        case "weekday": weekdays.indices.contains(date.weekday) ? weekdays[date.weekday] : ""
        case "day": String(date.day)
        case "month": months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
        case "year": String(date.year)
        case "hour": twoDigits(date.hour)
        case "minute": twoDigits(date.minute)
        case "zone": zoneName
        default: nil
        }
    }

    private var months: [String] { strings.lists["months"] ?? [] }
    private var weekdays: [String] { strings.lists["weekdays"] ?? [] }

    /// "Copenhagen" for `Europe/Copenhagen`: how English names a zone's time.
    private var zoneName: String {
        (siteZone.split(separator: "/").last.map(String.init) ?? siteZone).replacingOccurrences(of: "_", with: " ")
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

import Foundation
