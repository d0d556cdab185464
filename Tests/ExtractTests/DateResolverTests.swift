import Testing
@testable import Extract

/// Each date expression alone, against a text published on Wednesday 5 January 2022.
@Suite struct DateResolverTests {
    static let wednesday = CalendarDay(year: 2022, month: 1, day: 5)
    let resolver = DateResolver(published: wednesday)

    static let days: [(String, String)] = [
        ("Onsdag stormede demonstranter borgmesterkontoret", "2022-01-05"),
        ("Tirsdag afviste præsidenten kravet", "2022-01-04"),
        ("Optagelser fra tirsdagens demonstration", "2022-01-04"),
        ("Mandag aften samledes tusinder", "2022-01-03"),
        ("Torsdag var der stille", "2021-12-30"),
        ("Regeringen mødes på fredag", "2022-01-07"),
        ("Næste fredag holdes valget", "2022-01-07"),
        ("I fredags begyndte protesterne", "2021-12-31"),
        ("Sidste onsdag var byen rolig", "2021-12-29"),
        ("I går blev ti anholdt", "2022-01-04"),
        ("I forgårs begyndte det", "2022-01-03"),
        ("I dag er regeringen gået af", "2022-01-05"),
        ("I nat brændte bygningen", "2022-01-05"),
        ("I aftes lød der skud", "2022-01-04"),
        ("Natten til onsdag blev der skudt", "2022-01-05"),
        ("Natten til tirsdag var der uro", "2022-01-04"),
        ("Tidligere på dagen talte præsidenten", "2022-01-05"),
        ("Det skete den 5. januar", "2022-01-05"),
        ("Protesterne begyndte den 2. januar", "2022-01-02"),
        ("Den 28. december steg prisen", "2021-12-28"),
        ("Prisen steg 1. januar 2022", "2022-01-01"),
        ("Prisloftet blev fjernet ved nytår", "2022-01-01"),
        ("Nytårsaften var der fest", "2021-12-31"),
        ("The post was published on January 4, 2022", "2022-01-04"),
        ("Protests began on 2 January", "2022-01-02"),
        ("On Tuesday the president refused", "2022-01-04"),
        ("Wednesday's protest was the largest", "2022-01-05"),
        ("Last Wednesday the city was calm", "2021-12-29"),
        ("Yesterday police fired tear gas", "2022-01-04"),
        ("Earlier today the government resigned", "2022-01-05"),
        ("Onsdag den 5. januar gik regeringen af", "2022-01-05"),
    ]

    @Test(arguments: days)
    func resolvesTheDay(_ sentence: String, _ expected: String) {
        let finding = resolver.resolve(sentence)
        #expect(finding.time?.day.description == expected, "\(sentence)")
        #expect(finding.time?.hasTime == false, "\(sentence): no clock time, so day precision")
    }

    @Test func neverADayAfterPublicationWithoutAWordThatPointsForward() {
        for weekday in ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "Monday", "Friday", "Sunday"] {
            let day = resolver.resolve("\(weekday) skete det").time!.day
            #expect(day <= Self.wednesday && day > Self.wednesday.adding(days: -7), "\(weekday) → \(day)")
        }
        #expect(resolver.resolve("Ministrene mødes på fredag").isFuture)
        #expect(resolver.resolve("The talks resume next week").isFuture)
    }

    @Test func contextDayForSameDayAndEarlierToday() {
        let tuesday = CalendarDay(year: 2022, month: 1, day: 4)
        #expect(resolver.resolve("Samme dag gik regeringen af", context: tuesday).time?.day == tuesday)
        #expect(resolver.resolve("Tidligere på dagen talte han", context: tuesday).time?.day == tuesday)
        #expect(resolver.resolve("Dagen før var der ro", context: tuesday).time?.day == tuesday.adding(days: -1))
    }

    static let clocks: [(String, Int, Int, EventTime.Clock)] = [
        ("Onsdag kl. 14 blev bygningen stormet", 14, 0, .unspecified),
        ("Klokken 14.30 lød der skud", 14, 30, .unspecified),
        ("Onsdag klokken 9 dansk tid meldte AFP om flammer", 9, 0, .danish),
        ("Skælvet ramte klokken 04.17 lokal tid", 4, 17, .local),
        ("The statement came at 2 p.m. local time", 14, 0, .local),
        ("The blast was heard at 0900 GMT", 9, 0, .utc),
        ("At 11:45 soldiers entered the building", 11, 45, .unspecified),
    ]

    @Test(arguments: clocks)
    func readsClockTimesAndWhoseClock(_ sentence: String, _ hour: Int, _ minute: Int, _ clock: EventTime.Clock) {
        let time = resolver.resolve(sentence).time
        #expect(time?.hour == hour, "\(sentence)")
        #expect(time?.minute == minute, "\(sentence)")
        #expect(time?.clock == clock, "\(sentence)")
    }

    @Test func partOfDayIsNoClockTime() {
        let time = resolver.resolve("Onsdag formiddag dansk tid meldte AFP om flammer").time
        #expect(time?.day == Self.wednesday)
        #expect(time?.hasTime == false)
    }

    @Test func aCurfewsHoursAreNoEventTime() {
        #expect(resolver.resolve("Det indebærer udgangsforbud fra klokken 23 til klokken 07").time == nil)
        #expect(resolver.resolve("A curfew from 10 p.m. to 5 a.m. was announced on Tuesday").time?.hasTime == false)
    }

    @Test func vagueSpansGiveNoDate() {
        for sentence in ["I de seneste dage har der været store demonstrationer", "Der har i flere dage været uro",
                         "Over the past few days tension had been rising", "Siden nytår er prisen steget"] {
            let finding = resolver.resolve(sentence)
            #expect(finding.time == nil, "\(sentence)")
            #expect(finding.isVague, "\(sentence)")
        }
    }

    @Test func aMonthIsKeptAsAMonth() {
        let time = resolver.resolve("I december steg prisen på gas").time
        #expect(time?.monthOnly == true)
        #expect(time?.iso8601(placeZone: nil, siteZone: "Europe/Copenhagen") == "2021-12")
    }

    @Test func writesTheOffsetOfTheClockTheTextMeans() {
        let day = Self.wednesday
        #expect(EventTime(day: day, hour: 14, minute: 0).iso8601(placeZone: "Asia/Almaty", siteZone: "Europe/Copenhagen") == "2022-01-05T14:00:00+06:00")
        #expect(EventTime(day: day, hour: 9, minute: 0, clock: .danish).iso8601(placeZone: "Asia/Almaty", siteZone: "UTC") == "2022-01-05T09:00:00+01:00")
        #expect(EventTime(day: day, hour: 9, minute: 0).iso8601(placeZone: nil, siteZone: "Europe/Copenhagen") == "2022-01-05T09:00:00+01:00")
        #expect(EventTime(day: CalendarDay(year: 2023, month: 7, day: 1), hour: 9, minute: 0).iso8601(placeZone: nil, siteZone: "Europe/Copenhagen") == "2023-07-01T09:00:00+02:00")
        #expect(EventTime(day: day).iso8601(placeZone: "Asia/Almaty", siteZone: "UTC") == "2022-01-05")
    }

    @Test func weekdaysOfTheCalendar() {
        #expect(Self.wednesday.weekday == 2)
        #expect(CalendarDay(year: 2000, month: 2, day: 29).adding(days: 1).description == "2000-03-01")
        #expect(CalendarDay(dayNumber: CalendarDay(year: 1969, month: 12, day: 31).dayNumber).description == "1969-12-31")
    }
}
