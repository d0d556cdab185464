import Foundation
import Testing
@testable import SiteGen

/// The real strings files in Templates/strings, so the tests see the words readers see.
private func strings(_ language: String) throws -> Strings {
    // <root>/Tests/SiteGenTests/Unit/DateTextTests.swift
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let (strings, diagnostics) = StringsLoader.load(SiteFiles(root: root), language: language)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return try #require(strings)
}

private func date(_ text: String) throws -> ContentDate {
    try ContentDate.parse(text).get()
}

@Suite("Dates in Danish words")
struct DanishDateTextTests {
    private func danish() throws -> DateText {
        DateText(strings: try strings("da"), siteZone: "Europe/Copenhagen")
    }

    @Test("A day reads 'onsdag den 5. januar 2022'")
    func day() throws {
        #expect(try danish().day(date("2022-01-05")) == "onsdag den 5. januar 2022")
    }

    @Test("A day as a heading starts with a capital")
    func dayHeading() throws {
        #expect(try danish().dayHeading(date("2022-01-05")) == "Onsdag den 5. januar 2022")
    }

    @Test("Danish weekday and month names across the year", arguments: [
        ("2022-02-28", "mandag den 28. februar 2022"),
        ("2022-12-31", "lørdag den 31. december 2022"),
        ("2022-05-01", "søndag den 1. maj 2022"),
    ])
    func otherDays(text: String, expected: String) throws {
        #expect(try danish().day(date(text)) == expected)
    }

    @Test("A time reads 'kl. 14.00', with two-digit hours and minutes")
    func time() throws {
        #expect(try danish().time(date("2022-01-05T14:00+06:00")) == "kl. 14.00")
        #expect(try danish().time(date("2022-01-05T09:05+06:00")) == "kl. 09.05")
    }

    @Test("An event elsewhere shows local time and Danish time")
    func eventTimeInTwoZones() throws {
        #expect(try danish().eventTime(date("2022-01-05T14:00:00+06:00")) == "kl. 14.00 lokal tid (kl. 09.00 dansk tid)")
    }

    @Test("An event already in Danish time shows one time only", arguments: [
        "2022-01-05T14:00+01:00", // winter time
        "2022-07-05T14:00+02:00", // summer time
    ])
    func eventTimeInDanishTime(text: String) throws {
        #expect(try danish().eventTime(date(text)) == "kl. 14.00")
    }

    @Test("An event whose Danish time falls on the previous day says which day")
    func eventTimePreviousDay() throws {
        let text = try #require(try danish().eventTime(date("2022-01-05T03:00:00+06:00")))
        #expect(text.contains("den 4. januar"))
        #expect(text == "kl. 03.00 lokal tid (kl. 22.00 dansk tid den 4. januar)")
    }

    @Test("An event in summer is compared with Danish summer time")
    func eventTimeSummer() throws {
        #expect(try danish().eventTime(date("2022-07-05T14:00:00+06:00")) == "kl. 14.00 lokal tid (kl. 10.00 dansk tid)")
    }

    @Test("A date without a time has no event time")
    func noEventTimeForDay() throws {
        #expect(try danish().eventTime(date("2022-01-05")) == nil)
        #expect(try danish().eventWhen(date("2022-01-05")) == "onsdag den 5. januar 2022")
    }

    @Test("A month-precision date shows only month and year")
    func monthPrecision() throws {
        #expect(try danish().day(date("2022-01")) == "januar 2022")
        #expect(try danish().dayHeading(date("2022-01")) == "Januar 2022")
    }
}

@Suite("Dates in English words")
struct EnglishDateTextTests {
    private func english() throws -> DateText {
        DateText(strings: try strings("en"), siteZone: "Europe/Copenhagen")
    }

    @Test("A day reads 'Wednesday 5 January 2022'")
    func day() throws {
        #expect(try english().day(date("2022-01-05")) == "Wednesday 5 January 2022")
    }

    @Test("A time reads '14:00'")
    func time() throws {
        #expect(try english().time(date("2022-01-05T14:00+06:00")) == "14:00")
    }

    @Test("An event elsewhere names the site's zone")
    func eventTime() throws {
        #expect(try english().eventTime(date("2022-01-05T14:00+06:00")) == "14:00 local time (09:00 Copenhagen time)")
    }

    @Test("A month reads 'January 2022'")
    func month() throws {
        #expect(try english().day(date("2022-01")) == "January 2022")
    }
}

@Suite("An event's clock named by its place")
struct PlaceClockTests {
    @Test("Almaty was UTC+6 and Denmark UTC+1 in January 2022")
    func danishWithPlace() throws {
        let text = DateText(strings: try strings("da"), siteZone: "Europe/Copenhagen")
        #expect(text.eventTime(try date("2022-01-05T14:00:00+06:00"), placeName: "Almaty") == "kl. 14.00 i Almaty (kl. 09.00 dansk tid)")
        #expect(text.eventTime(try date("2022-01-05T14:00:00+06:00")) == "kl. 14.00 lokal tid (kl. 09.00 dansk tid)")
        #expect(text.eventTime(try date("2022-01-05T14:00:00+01:00"), placeName: "København") == "kl. 14.00")
        #expect(text.eventTime(try date("2022-01-05"), placeName: "Almaty") == nil)
    }

    @Test("English names the readers' zone")
    func english() throws {
        let text = DateText(strings: try strings("en"), siteZone: "Europe/London")
        #expect(text.eventTime(try date("2022-01-05T14:00:00+06:00"), placeName: "Almaty") == "14:00 in Almaty (08:00 London time)")
    }
}
