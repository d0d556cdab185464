extension ContentDate {
    /// Parses `2022-01`, `2022-01-05`, `2022-01-05T14:00`, `...:30`, with `Z` or `+06:00`.
    /// A time without an offset takes it from `timeZone` (an IANA id) or is refused:
    /// guessing would put the event hours off.
    public static func parse(_ raw: String, timeZone: String? = nil) -> Result<ContentDate, Problem> {
        let text = raw.trimmingHorizontalSpace()
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2) else {
            return .failure(Problem(message: "write it as `2022-01-05` or `2022-01-05T14:00:00+06:00`"))
        }
        guard year > 0 else { return .failure(Problem(message: "there is no year 0 (1 BC is followed by AD 1); check the year")) }
        guard (1...12).contains(month) else { return .failure(Problem(message: "there is no month \(month)")) }
        var date = ContentDate(year: year, month: month, day: 1, hour: 0, minute: 0, second: 0, offset: nil, precision: .month)
        if scanner.atEnd { return .success(date) }
        guard scanner.skip("-"), let day = scanner.number(digits: 2) else {
            return .failure(Problem(message: "write it as `2022-01-05` or `2022-01-05T14:00:00+06:00`"))
        }
        guard (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day) else {
            return .failure(Problem(message: "there is no day \(day) in \(year)-\(month < 10 ? "0" : "")\(month)"))
        }
        date.day = day
        date.precision = .day
        if scanner.atEnd { return .success(date) }
        return parseTime(&scanner, into: date, timeZone: timeZone)
    }

    private static func parseTime(_ scanner: inout DigitScanner, into date: ContentDate, timeZone: String?) -> Result<ContentDate, Problem> {
        var date = date
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2) else {
            return .failure(Problem(message: "write the time as `2022-01-05T14:00:00+06:00`"))
        }
        guard hour < 24, minute < 60 else { return .failure(Problem(message: "\(hour):\(minute) is not a time of day")) }
        (date.hour, date.minute, date.precision) = (hour, minute, .minute)
        if scanner.skip(":") {
            guard let second = scanner.number(digits: 2), second < 60 else {
                return .failure(Problem(message: "the seconds must be two digits, 00 to 59"))
            }
            date.second = second
            date.precision = second == 0 ? .minute : .second
            if scanner.skip(".") { _ = scanner.digitRun() }
        }
        if scanner.atEnd {
            guard let timeZone, let offset = ZoneOffsets.offset(of: timeZone, atInstant: date.instant()) else {
                return .failure(Problem(message: "a time needs a UTC offset, e.g. `+06:00` at the end, or a `timezone` such as `Asia/Almaty`"))
            }
            // The zone's offset at the naive time is right except within an hour of a DST change.
            date.offset = ZoneOffsets.offset(of: timeZone, atInstant: date.instant(fallbackOffset: offset)) ?? offset
            // A clock time the zone skipped (02:30 on the night clocks go forward) has no offset
            // that reads as itself: any choice would show another time, so ask which was meant.
            if let written = date.offset, ZoneOffsets.offset(of: timeZone, atInstant: date.instant()) != written {
                let clock = "\(date.hour < 10 ? "0" : "")\(date.hour):\(date.minute < 10 ? "0" : "")\(date.minute)"
                let day = String(date.iso8601.prefix(10))
                return .failure(Problem(message: "there was no \(clock) in \(timeZone) on \(day): the clocks were put forward past it; "
                    + "write the time the clocks showed, or give the offset, e.g. `\(day)T\(clock)\(ContentDate.offsetText(written))`"))
            }
            return .success(date)
        }
        if scanner.skip("Z") || scanner.skip("z") {
            date.offset = 0
        } else if let sign = scanner.sign(), let hours = scanner.number(digits: 2) {
            _ = scanner.skip(":")
            let minutes = scanner.number(digits: 2) ?? 0
            guard hours <= 14, minutes < 60 else { return .failure(Problem(message: "the UTC offset is out of range")) }
            date.offset = sign * (hours * 3_600 + minutes * 60)
        } else {
            return .failure(Problem(message: "end the time with a UTC offset such as `+06:00` or `Z`"))
        }
        guard scanner.atEnd else { return .failure(Problem(message: "unexpected text after the date")) }
        return .success(date)
    }
}

/// A tiny cursor over ASCII bytes; Foundation's ISO 8601 parsing would lose the written precision.
private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    mutating func digitRun() -> Int {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index - start
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

import Foundation
