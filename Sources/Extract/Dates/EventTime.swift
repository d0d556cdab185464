import SiteGen

/// When an extracted event happened, as precisely as its text says: a month, a day, or a day
/// and a clock time on a named clock.
public struct EventTime: Sendable, Equatable {
    /// Whose clock a time is on: the text says "dansk tid", "lokal tid" or "GMT", or nothing.
    public enum Clock: Sendable, Equatable {
        case danish, local, utc, zone(String), unspecified
    }

    public var day: CalendarDay
    public var monthOnly = false
    public var hour: Int?
    public var minute: Int?
    public var clock: Clock = .unspecified

    public init(day: CalendarDay, monthOnly: Bool = false, hour: Int? = nil, minute: Int? = nil, clock: Clock = .unspecified) {
        self.day = day
        self.monthOnly = monthOnly
        self.hour = hour
        self.minute = minute
        self.clock = clock
    }

    public var hasTime: Bool { hour != nil }

    /// `2022-01`, `2022-01-05`, or `2022-01-05T14:00:00+06:00` with the offset of the clock
    /// the text names, else of `placeZone`, else of `siteZone`: as a build reads it (`ContentDate`).
    public func iso8601(placeZone: String?, siteZone: String) -> String {
        var date = day.contentDate
        guard !monthOnly else {
            date.precision = .month
            return date.iso8601
        }
        guard let hour else { return date.iso8601 }
        let zone: String
        switch clock {
        case .danish: zone = "Europe/Copenhagen"
        case .utc: zone = "UTC"
        case .zone(let id): zone = id
        case .local, .unspecified: zone = placeZone ?? siteZone
        }
        let local = day.dayNumber * 86_400 + hour * 3_600 + (minute ?? 0) * 60
        // The offset a moment before is the offset at that local time, except right at a change.
        let guess = ZoneOffsets.offset(of: zone, atInstant: local) ?? 0
        let offset = ZoneOffsets.offset(of: zone, atInstant: local - guess) ?? 0
        return ContentDate(instant: local - offset, offset: offset, precision: .minute).iso8601
    }
}
