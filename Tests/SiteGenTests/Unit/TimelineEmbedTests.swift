import Testing
@testable import SiteGen

@Suite("Options of an embedded timeline")
struct TimelineEmbedTests {
    @Test func readsEveryOption() throws {
        let (filter, problems) = TimelineEmbed.parse("tags: [regering]\nplace: almaty\nfrom: 2022-01-04\nto: 2022-01\nkey: true\nlimit: 5\n",
                                                      path: "a.md", firstLine: 8)
        #expect(problems.isEmpty)
        let read = try #require(filter)
        #expect(read.tags == ["regering"] && read.places == ["almaty"] && read.keyOnly && read.limit == 5)
        #expect(read.from?.iso8601 == "2022-01-04" && read.to?.iso8601 == "2022-01")
    }

    @Test func anEmptyBlockShowsEverything() {
        let (filter, problems) = TimelineEmbed.parse("", path: "a.md", firstLine: 8)
        #expect(problems.isEmpty && filter == TimelineFilter())
    }

    @Test func problemsPointAtTheirLineInTheMarkdownFile() {
        let (filter, problems) = TimelineEmbed.parse("limit: 0\nfarve: rød\n", path: "a.md", firstLine: 8)
        #expect(filter == nil)
        #expect(problems.sortedForDisplay().map(\.description) == [
            "a.md:8:8: error: `limit` must be a whole number of events, at least 1, e.g. `limit: 5`",
            "a.md:9:1: error: unknown key `farve`; known keys are `tags`, `place`, `from`, `to`, `key`, `limit`",
        ])
    }

    @Test func aMonthBoundReachesTheEndOfTheMonth() throws {
        #expect(TimelineFilter.isOnOrBefore(try ContentDate.parse("2022-01-31").get(), try ContentDate.parse("2022-01").get()))
        #expect(!TimelineFilter.isOnOrBefore(try ContentDate.parse("2022-02-01").get(), try ContentDate.parse("2022-01").get()))
    }

    @Test func onlyTheTimelineInfoWordCounts() {
        #expect(TimelineEmbed.isTimeline(info: "timeline"))
        #expect(TimelineEmbed.isTimeline(info: "timeline key"))
        #expect(!TimelineEmbed.isTimeline(info: "timelines"))
        #expect(!TimelineEmbed.isTimeline(info: "yaml"))
    }
}

@Suite("JSON and CSV text")
struct ExportTextTests {
    @Test func jsonKeysAreSortedAndScriptEndTagsCannotAppear() {
        let value = JSONValue.object(["b": .string("</script>&\"\n"), "a": .array([.int(1), .number("43.25"), .bool(true)])])
        #expect(value.text == #"{"a":[1,43.25,true],"b":"\u003c/script\u003e\u0026\"\n"}"#)
    }

    @Test func csvQuotesOnlyWhenItMust() {
        #expect(TimelineExports.csvField("Almaty") == "Almaty")
        #expect(TimelineExports.csvField("a, b") == "\"a, b\"")
        #expect(TimelineExports.csvField("sagde \"nej\"") == "\"sagde \"\"nej\"\"\"")
        #expect(TimelineExports.csvField("to\nlinjer") == "\"to\nlinjer\"")
    }

    @Test func coordinatesHaveNoFloatNoise() {
        #expect(JSONValue.coordinate(43.25) == "43.25")
        #expect(JSONValue.coordinate(-0.1) == "-0.1")
        #expect(JSONValue.coordinate(44) == "44")
        #expect(JSONValue.coordinate(76.123456) == "76.12346")
    }
}
