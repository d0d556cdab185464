import Foundation
import Synchronization

/// A date as an editor wrote it, keeping its precision: a month, a day, or a time with
/// its UTC offset. A date-only event must never grow a clock time on the page.
public struct ContentDate: Sendable, Hashable {
    public enum Precision: Int, Sendable, Comparable {
        case month, day, minute, second
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Seconds east of UTC; nil for a month or a day without a time.
    public var offset: Int?
    public var precision: Precision

    public var hasTime: Bool { precision >= .minute }

    public struct Problem: Error, Sendable {
        public var message: String
    }

    /// Days since 1970-01-01 of the written calendar date (its own local day).
    public var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The instant, in seconds since 1970; a date without a time counts from midnight at `fallbackOffset`.
    public func instant(fallbackOffset: Int = 0) -> Int {
        dayNumber * 86_400 + hour * 3_600 + minute * 60 + second - (offset ?? fallbackOffset)
    }

    /// ISO 8601 with as much as was written: `2022-01`, `2022-01-05` or `2022-01-05T14:00:00+06:00`.
    public var iso8601: String {
        let date = "\(pad(year, 4))-\(pad(month))"
        guard precision >= .day else { return date }
        let fullDate = "\(date)-\(pad(day))"
        guard hasTime else { return fullDate }
        return "\(fullDate)T\(pad(hour)):\(pad(minute)):\(pad(second))\(Self.offsetText(offset ?? 0))"
    }

    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// The same instant seen at another UTC offset, with a time precision.
    public func converted(toOffset newOffset: Int) -> ContentDate {
        ContentDate(instant: instant(), offset: newOffset, precision: max(precision, .minute))
    }


    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }
}

extension ContentDate {
    /// The clock reading at `offset` of an instant in seconds since 1970 (an extension, so
    /// the memberwise initialiser stays).
    public init(instant: Int, offset: Int, precision: Precision = .second) {
        let seconds = instant + offset
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.civil(fromDayNumber: days)
        self.init(year: year, month: month, day: day, hour: rest / 3_600, minute: rest % 3_600 / 60, second: rest % 60,
                  offset: offset, precision: precision)
    }
}

extension ContentDate: Comparable {
    /// Instants first; the written precision breaks ties so sorting is total and stable.
    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        (lhs.instant(), lhs.precision.rawValue) < (rhs.instant(), rhs.precision.rawValue)
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// Proleptic Gregorian arithmetic (Howard Hinnant's days-from-civil), free of time zones and locales.
enum CivilCalendar {
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Offsets of IANA zones, from the system's time zone data.
public enum ZoneOffsets {
    public static func isKnown(_ identifier: String) -> Bool {
        zone(identifier) != nil
    }

    /// Seconds east of UTC in `identifier` at the given instant.
    public static func offset(of identifier: String, atInstant seconds: Int) -> Int? {
        zone(identifier)?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Looking a zone up by name reads the zone database; every event asks, so keep each one.
    private static let cache = Mutex<[String: TimeZone?]>([:])

    private static func zone(_ identifier: String) -> TimeZone? {
        cache.withLock { zones in
            if let known = zones[identifier] { return known }
            let zone = TimeZone(identifier: identifier)
            zones[identifier] = zone
            return zone
        }
    }
}
