import Markdown

/// The timeline for other tools: Knight Lab's TimelineJS3 (its JSON format and the column
/// layout of its Google spreadsheet template) and, through `AtomFeed`, feed readers.
/// Times are on the event's local clock, as on the pages; TimelineJS has no time zones, so
/// `display_date` names the clock in words.
enum TimelineExports {
    /// The events' text with absolute links: the exports are shown on other sites.
    static func bodies(_ site: Site) async -> [String] {
        let renderer = BodyRenderer(config: site.config, absoluteLinks: true)
        return await site.events.concurrentMap { renderer.render($0.body) }
    }

    /// TimelineJS3 JSON: `{"title": slide, "events": [slide]}`; see
    /// https://timeline.knightlab.com/docs/json-format.html
    static func timelineJS(_ site: Site, models: ViewModels, bodies: [String]) -> String {
        let events: [JSONValue] = site.events.indices.map { index in
            let event = site.events[index]
            let date = site.localDate(of: event)
            var slide: [String: JSONValue] = [
                "start_date": dateObject(date),
                // TimelineJS inserts these as HTML.
                "display_date": .string(HTMLEscaping.escape(models.dates.eventWhen(date, placeName: site.clockName(of: event)))),
                "text": .object(["headline": .string(HTMLEscaping.escape(event.title)), "text": .string(bodies[index])]),
                "unique_id": .string(event.id),
            ]
            if let end = site.localEnd(of: event) { slide["end_date"] = dateObject(end) }
            if let group = event.tags.first { slide["group"] = .string(group) }
            return .object(slide)
        }
        let title: JSONValue = .object([
            "text": .object(["headline": .string(HTMLEscaping.escape(site.config.title)), "text": .string(HTMLEscaping.escape(site.config.description))]),
        ])
        return JSONValue.object(["title": title, "events": .array(events)]).text + "\n"
    }

    /// Year, month, day, hour and minute as far as the date was written: a date-only event
    /// must not grow a midnight.
    private static func dateObject(_ date: ContentDate) -> JSONValue {
        var fields: [String: JSONValue] = ["year": .int(date.year), "month": .int(date.month)]
        if date.precision >= .day { fields["day"] = .int(date.day) }
        if date.hasTime {
            fields["hour"] = .int(date.hour)
            fields["minute"] = .int(date.minute)
        }
        return .object(fields)
    }

    /// The columns of TimelineJS's Google spreadsheet template, in its order.
    static let spreadsheetColumns = [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
        "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
    ]

    /// A CSV (RFC 4180) in the spreadsheet template's layout: a title row, then one row per event.
    static func spreadsheet(_ site: Site, models: ViewModels, bodies: [String]) -> String {
        var rows = [spreadsheetColumns]
        var title = Array(repeating: "", count: spreadsheetColumns.count)
        // The template's cells are HTML, as in the JSON.
        title[9] = HTMLEscaping.escape(site.config.title)
        title[10] = HTMLEscaping.escape(site.config.description)
        title[15] = "title"
        rows.append(title)
        for index in site.events.indices {
            let event = site.events[index]
            let date = site.localDate(of: event)
            let end = site.localEnd(of: event)
            rows.append(dateCells(date) + (end.map(dateCells) ?? ["", "", "", ""]) + [
                HTMLEscaping.escape(models.dates.eventWhen(date, placeName: site.clockName(of: event))),
                HTMLEscaping.escape(event.title), bodies[index], "", "", "", "", "", event.tags.first ?? "", "",
            ])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func dateCells(_ date: ContentDate) -> [String] {
        [String(date.year), String(date.month), date.precision >= .day ? String(date.day) : "",
         date.hasTime ? "\(date.hour):\(date.minute < 10 ? "0" : "")\(date.minute)" : ""]
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
