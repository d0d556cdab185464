/// A day in the proleptic Gregorian calendar, with day arithmetic and weekdays; no clock, no zone.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01, by SiteGen's calendar.
    public var dayNumber: Int { contentDate.dayNumber }

    public init(dayNumber: Int) {
        let date = ContentDate(instant: dayNumber * 86_400, offset: 0, precision: .day)
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// The day as the build reads a date-only event.
    var contentDate: ContentDate {
        var date = ContentDate(instant: 0, offset: 0, precision: .day)
        (date.year, date.month, date.day) = (year, month, day)
        date.offset = nil
        return date
    }

    /// 0 Monday … 6 Sunday.
    public var weekday: Int { contentDate.weekday }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return CalendarDay(dayNumber: CalendarDay(year: year, month: month, day: day).dayNumber).day == day
    }

    public var description: String { contentDate.iso8601 }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

import SiteGen
