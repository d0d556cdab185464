import Foundation

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
    /// the text names, else of `placeZone`, else of `siteZone`.
    public func iso8601(placeZone: String?, siteZone: String) -> String {
        if monthOnly { return String(format: "%04d-%02d", day.year, day.month) }
        guard let hour else { return day.description }
        let zoneID: String
        switch clock {
        case .danish: zoneID = "Europe/Copenhagen"
        case .utc: zoneID = "UTC"
        case .zone(let id): zoneID = id
        case .local, .unspecified: zoneID = placeZone ?? siteZone
        }
        let offset = Self.offset(of: zoneID, day: day, hour: hour, minute: minute ?? 0)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset) / 60
        return String(format: "%@T%02d:%02d:00%@%02d:%02d", day.description, hour, minute ?? 0, sign, magnitude / 60, magnitude % 60)
    }

    /// The zone's offset in seconds at that local time (IANA rules through Foundation).
    static func offset(of zoneID: String, day: CalendarDay, hour: Int, minute: Int) -> Int {
        guard let zone = TimeZone(identifier: zoneID) else { return 0 }
        let naive = Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + hour * 3600 + minute * 60))
        // The offset a moment before is the offset at that local time except right at a change.
        let guess = zone.secondsFromGMT(for: naive)
        return zone.secondsFromGMT(for: naive.addingTimeInterval(TimeInterval(-guess)))
    }
}
