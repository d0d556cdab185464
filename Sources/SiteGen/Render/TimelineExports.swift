import Markdown

/// The timeline for other tools: Knight Lab's TimelineJS3 (its JSON format and the column
/// layout of its Google spreadsheet template) and, through `AtomFeed`, feed readers.
/// Times are on the event's local clock, as on the pages; TimelineJS has no time zones, so
/// `display_date` names the clock in words.
enum TimelineExports {
    /// The events' text with absolute links, as the exports are shown on other sites: made
    /// with the pages' text (`RenderedBodies`).
    static func bodies(_ models: ViewModels) -> [Fragment] {
        let renderer = BodyRenderer(site: models.site)
        return models.site.events.indices.map { index in
            let event = models.site.events[index]
            return Fragment(models.bodies[.event(index)].export ?? renderer.renderForPagesAndExports(event.body, idPrefix: event.id + "-").export)
        }
    }

    /// Each event's TimelineJS slide and spreadsheet row, made once and kept while the event
    /// and its text stay the same: the exports hold every event, and a save changes one.
    static func entries(
        _ models: ViewModels, bodies: [Fragment], keys: ReuseKeys, memo: RenderMemo, into next: inout [Int: Fragment]
    ) async -> (slides: [Fragment], rows: [Fragment]) {
        let events = models.site.events
        func memoKeys(_ kind: String) -> [Int] {
            events.indices.map { Fingerprint.of(kind, events[$0].body.stamp.meta, bodies[$0].hash, keys.global) }
        }
        let slides = await memo.fragments(memoKeys("slide"), into: &next) { chunk in chunk.map { Fragment(slide($0, models: models, body: bodies[$0]).text) } }
        let rows = await memo.fragments(memoKeys("row"), into: &next) { chunk in chunk.map { Fragment(row($0, models: models, body: bodies[$0])) } }
        return (slides, rows)
    }

    /// TimelineJS3 JSON: `{"title": slide, "events": [slide]}`; see
    /// https://timeline.knightlab.com/docs/json-format.html
    static func timelineJS(_ site: Site, slides: [Fragment]) -> String {
        let title: JSONValue = .object([
            "text": .object(["headline": .string(HTMLEscaping.escape(site.config.title)), "text": .string(HTMLEscaping.escape(site.config.description))]),
        ])
        return JSONValue.object(["title": title, "events": .array(slides.map { .raw($0.html) })]).text + "\n"
    }

    private static func slide(_ index: Int, models: ViewModels, body: Fragment) -> JSONValue {
        let site = models.site
        let event = site.events[index]
        let date = site.localDate(of: event)
        var slide: [String: JSONValue] = [
            "start_date": dateObject(date),
            // TimelineJS inserts these as HTML.
            "display_date": .string(HTMLEscaping.escape(models.dates.eventWhen(date, placeName: site.clockName(of: event)))),
            "text": .object(["headline": .string(HTMLEscaping.escape(event.title)), "text": .string(body.html)]),
            "unique_id": .string(event.id),
        ]
        if let end = site.localEnd(of: event) { slide["end_date"] = dateObject(end) }
        if let group = event.tags.first { slide["group"] = .string(HTMLEscaping.escape(group)) }
        return .object(slide)
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
    static func spreadsheet(_ site: Site, rows: [Fragment]) -> String {
        var title = Array(repeating: "", count: spreadsheetColumns.count)
        // The template's cells are HTML, as in the JSON.
        title[9] = HTMLEscaping.escape(site.config.title)
        title[10] = HTMLEscaping.escape(site.config.description)
        title[15] = "title"
        return ([spreadsheetColumns, title].map(csvLine) + rows.map(\.html)).joined()
    }

    private static func row(_ index: Int, models: ViewModels, body: Fragment) -> String {
        let site = models.site
        let event = site.events[index]
        let date = site.localDate(of: event)
        let end = site.localEnd(of: event)
        return csvLine(dateCells(date) + (end.map(dateCells) ?? ["", "", "", ""]) + [
            HTMLEscaping.escape(models.dates.eventWhen(date, placeName: site.clockName(of: event))),
            HTMLEscaping.escape(event.title), body.html, "", "", "", "", "", HTMLEscaping.escape(event.tags.first ?? ""), "",
        ])
    }

    private static func csvLine(_ cells: [String]) -> String {
        cells.map(csvField).joined(separator: ",") + "\r\n"
    }

    private static func dateCells(_ date: ContentDate) -> [String] {
        [String(date.year), String(date.month), date.precision >= .day ? String(date.day) : "",
         date.hasTime ? "\(date.hour):\(date.minute < 10 ? "0" : "")\(date.minute)" : ""]
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. A
    /// spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (a title
    /// `=HYPERLINK(...)`), so such a cell, and one starting with a tab or a carriage return,
    /// gets a leading `'` as OWASP recommends: the sheet then shows it as text.
    static func csvField(_ text: String) -> String {
        let cell = text.first.map { "=+-@\t\r".contains($0) } == true ? "'" + text : text
        // By bytes: every cell of every row passes here, and Foundation's replacing went through NSString.
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return cell }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(cell.utf8.count + 8)
        for byte in cell.utf8 {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}
