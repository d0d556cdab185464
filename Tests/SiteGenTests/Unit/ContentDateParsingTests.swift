import Foundation
import Testing
@testable import SiteGen

private func date(_ text: String, timeZone: String? = nil) throws -> ContentDate {
    try ContentDate.parse(text, timeZone: timeZone).get()
}

private func problem(_ text: String, timeZone: String? = nil) -> String? {
    if case .failure(let problem) = ContentDate.parse(text, timeZone: timeZone) { return problem.message }
    return nil
}

private let hour = 3_600

@Suite("ContentDate parsing")
struct ContentDateParsingTests {
    @Test("A month keeps month precision and has no time or offset")
    func month() throws {
        let month = try date("2022-01")
        #expect((month.year, month.month) == (2022, 1))
        #expect(month.precision == .month)
        #expect(!month.hasTime)
        #expect(month.offset == nil)
    }

    @Test("A day keeps day precision and has no time or offset")
    func day() throws {
        let day = try date("2022-01-05")
        #expect((day.year, day.month, day.day) == (2022, 1, 5))
        #expect(day.precision == .day)
        #expect(!day.hasTime)
        #expect(day.offset == nil)
    }

    @Test("A time to the minute with an offset")
    func minutes() throws {
        let time = try date("2022-01-05T14:30+06:00")
        #expect((time.day, time.hour, time.minute) == (5, 14, 30))
        #expect(time.precision == .minute)
        #expect(time.offset == 6 * hour)
    }

    @Test("A time to the second keeps second precision")
    func seconds() throws {
        let time = try date("2022-01-05T14:30:15+06:00")
        #expect((time.hour, time.minute, time.second) == (14, 30, 15))
        #expect(time.precision == .second)
    }

    @Test("UTC offsets in every written form", arguments: [
        ("2022-01-05T14:00:00Z", 0),
        ("2022-01-05T14:00:00z", 0),
        ("2022-01-05T14:00:00+06:00", 6 * 3_600),
        ("2022-01-05T14:00:00+0600", 6 * 3_600),
        ("2022-01-05T14:00:00-03:30", -(3 * 3_600 + 30 * 60)),
        ("2022-01-05T14:00+05:45", 5 * 3_600 + 45 * 60),
    ])
    func offsets(text: String, expectedOffset: Int) throws {
        #expect(try date(text).offset == expectedOffset)
    }

    @Test("29 February exists in leap years only")
    func leapDay() throws {
        #expect(try date("2024-02-29").day == 29)
        #expect(try date("2000-02-29").day == 29)
        #expect(problem("2022-02-29") != nil)
        #expect(problem("1900-02-29") != nil)
    }

    @Test("Dates that do not exist are refused", arguments: ["2022-02-30", "2022-04-31", "2022-13-01", "2022-00-10", "2022-01-00", "2022-01-32"])
    func impossibleDates(text: String) {
        #expect(problem(text) != nil)
    }

    @Test("The message for an impossible date names the bad part")
    func impossibleDateMessages() {
        #expect(problem("2022-13-01")?.contains("13") == true)
        #expect(problem("2022-02-30")?.contains("30") == true)
    }

    @Test("Times that do not exist are refused", arguments: [
        "2022-01-05T25:00+06:00", "2022-01-05T24:00+06:00", "2022-01-05T14:60+06:00", "2022-01-05T14:00:61+06:00",
    ])
    func impossibleTimes(text: String) {
        #expect(problem(text) != nil)
    }

    @Test("Malformed text is refused", arguments: ["", "5 January 2022", "2022/01/05", "22-01-05", "2022-1-5", "2022-01-05T14", "2022-01-05T14:00+06:00 extra"])
    func malformed(text: String) {
        #expect(problem(text) != nil)
    }

    @Test("A time without an offset is refused when no time zone is given, with a hint")
    func timeWithoutOffsetRefused() {
        let message = problem("2022-01-05T14:00")
        #expect(message != nil)
        #expect(message?.contains("+06:00") == true)
    }

    @Test("A time without an offset takes the offset of the given time zone", arguments: [
        ("2022-01-05T14:00", "Asia/Almaty", 6 * 3_600),
        ("2022-01-05T14:00", "Europe/Copenhagen", 1 * 3_600),
        ("2022-07-05T14:00", "Europe/Copenhagen", 2 * 3_600),
        ("2022-01-05T14:00", "UTC", 0),
    ])
    func timeZoneSuppliesOffset(text: String, zone: String, expectedOffset: Int) throws {
        let parsed = try date(text, timeZone: zone)
        #expect(parsed.offset == expectedOffset)
        #expect(parsed.hour == 14)
    }

    @Test("A clock time the zone skipped when clocks went forward is refused, not moved an hour")
    func springForwardGap() {
        #expect(problem("2022-03-27T02:30", timeZone: "Europe/Copenhagen")
            == "there was no 02:30 in Europe/Copenhagen on 2022-03-27: the clocks were put forward past it; write the time the clocks showed, or give the offset, e.g. `2022-03-27T02:30+01:00`")
        #expect(problem("2022-03-27T02:00", timeZone: "Europe/Copenhagen") != nil)
    }

    @Test("Times next to a clock change, and the repeated hour when clocks go back, keep their clock time", arguments: [
        // 02:30 on 30 October came twice; either reading keeps the clock time.
        ("2022-03-27T01:59", 1 * 3_600), ("2022-03-27T03:00", 2 * 3_600), ("2022-10-30T02:30", nil), ("2022-10-30T03:30", 1 * 3_600),
    ])
    func aroundClockChanges(text: String, expectedOffset: Int?) throws {
        let parsed = try date(text, timeZone: "Europe/Copenhagen")
        if let expectedOffset { #expect(parsed.offset == expectedOffset) }
        #expect(parsed.iso8601.dropFirst(11).prefix(5) == text.dropFirst(11).prefix(5))
    }

    @Test("Year 0 is refused")
    func yearZero() {
        #expect(problem("0000-01-05") == "there is no year 0 (1 BC is followed by AD 1); check the year")
        #expect(problem("0000-01") != nil)
    }

    @Test("A written offset wins over the time zone")
    func writtenOffsetWins() throws {
        #expect(try date("2022-01-05T14:00+06:00", timeZone: "Europe/Copenhagen").offset == 6 * hour)
    }

    @Test("An unknown time zone is refused rather than guessed")
    func unknownTimeZone() {
        #expect(problem("2022-01-05T14:00", timeZone: "Mars/Olympus_Mons") != nil)
    }

    @Test("ISO 8601 text written in full round-trips unchanged", arguments: [
        "2022-01", "2022-01-05", "2022-01-05T14:30:15+06:00", "2022-01-05T14:00:00-03:30", "2021-12-31T23:59:59+00:00",
    ])
    func iso8601RoundTrip(text: String) throws {
        #expect(try date(text).iso8601 == text)
    }

    @Test("Shorter forms come back as full ISO 8601 that parses to the same date", arguments: [
        ("2022-01-05T14:00Z", "2022-01-05T14:00:00+00:00"),
        ("2022-01-05T14:00+0600", "2022-01-05T14:00:00+06:00"),
        ("2022-01-05 14:00:00+06:00", "2022-01-05T14:00:00+06:00"),
    ])
    func iso8601Canonical(text: String, canonical: String) throws {
        let parsed = try date(text)
        #expect(parsed.iso8601 == canonical)
        #expect(try date(parsed.iso8601) == parsed)
    }

    @Test("The same instant written at different offsets is the same instant")
    func instantAcrossOffsets() throws {
        let almaty = try date("2022-01-05T14:00+06:00")
        let copenhagen = try date("2022-01-05T09:00+01:00")
        let utc = try date("2022-01-05T08:00Z")
        #expect(almaty.instant() == copenhagen.instant())
        #expect(almaty.instant() == utc.instant())
    }

    @Test("The instant agrees with Foundation's reading of the same text")
    func instantMatchesFoundation() throws {
        let text = "2022-01-05T14:00:00+06:00"
        let reference = try #require(ISO8601DateFormatter().date(from: text))
        #expect(try date(text).instant() == Int(reference.timeIntervalSince1970))
        #expect(try date("1970-01-01T00:00Z").instant() == 0)
    }

    @Test("Sorting orders by instant, not by the clock time written")
    func orderingAcrossOffsets() throws {
        let earlyInUTC = try date("2022-01-05T10:00+06:00") // 04:00 UTC
        let laterInUTC = try date("2022-01-05T05:00Z")
        #expect(earlyInUTC < laterInUTC)
        #expect([laterInUTC, earlyInUTC].sorted() == [earlyInUTC, laterInUTC])
    }

    @Test("Weekdays count from Monday = 0", arguments: [
        ("2022-01-05", 2), // Wednesday
        ("2022-01-03", 0), // Monday
        ("2022-01-09", 6), // Sunday
        ("1970-01-01", 3), // Thursday
        ("1969-12-31", 2), // Wednesday, before the epoch
        ("2000-02-29", 1), // Tuesday
    ])
    func weekday(text: String, expected: Int) throws {
        #expect(try date(text).weekday == expected)
    }

    @Test("Converting to an earlier offset can move the date back across midnight")
    func convertedBackAcrossMidnight() throws {
        let converted = try date("2022-01-05T03:00+06:00").converted(toOffset: 1 * hour)
        #expect(converted.iso8601 == "2022-01-04T22:00:00+01:00")
    }

    @Test("Converting to a later offset can move the date forward across midnight")
    func convertedForwardAcrossMidnight() throws {
        let converted = try date("2022-01-05T23:30Z").converted(toOffset: 6 * hour)
        #expect(converted.iso8601 == "2022-01-06T05:30:00+06:00")
    }

    @Test("Converting across midnight on New Year's Eve changes the year")
    func convertedAcrossYear() throws {
        let converted = try date("2022-01-01T02:00+06:00").converted(toOffset: -5 * hour)
        #expect(converted.iso8601 == "2021-12-31T15:00:00-05:00")
        #expect(converted.instant() == (try date("2022-01-01T02:00+06:00")).instant())
    }
}
