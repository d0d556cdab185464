import Markdown

/// The timeline for other tools: Knight Lab's TimelineJS3 (its JSON format and the column
/// layout of its Google spreadsheet template) and, through `AtomFeed`, feed readers.
/// Times are on the event's local clock, as on the pages; TimelineJS has no time zones, so
/// `display_date` names the clock in words.
enum TimelineExports {
    /// The events' text with absolute links, as the exports are shown on other sites: made
    /// with the pages' text (`RenderedBodies`).
    /// In parallel: each is copied and hashed, every event's text, between stages that use both cores.
    static func bodies(_ models: ViewModels) async -> [Fragment] {
        let renderer = BodyRenderer(site: models.site)
        let events = models.site.events
        return await Array(events.indices).concurrentMap { index in
            Fragment(models.bodies[.event(index)].export ?? renderer.renderForPagesAndExports(events[index].body, idPrefix: events[index].id + "-").export)
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
        let slides = await memo.fragments(memoKeys("slide"), into: &next) { chunk in chunk.map { Fragment(bytes: slide($0, models: models, body: bodies[$0]).bytes) } }
        let rows = await memo.fragments(memoKeys("row"), into: &next) { chunk in chunk.map { Fragment(bytes: row($0, models: models, body: bodies[$0])) } }
        return (slides, rows)
    }

    /// TimelineJS3 JSON: `{"title": slide, "events": [slide]}`; see
    /// https://timeline.knightlab.com/docs/json-format.html
    static func timelineJS(_ site: Site, slides: [Fragment]) -> [UInt8] {
        let title: JSONValue = .object([
            "text": .object(["headline": .string(HTMLEscaping.escape(site.config.title)), "text": .string(HTMLEscaping.escape(site.config.description))]),
        ])
        var json = JSONValue.object(["title": title, "events": .array(slides.map { .raw($0.bytes) })]).bytes
        json.append(UInt8(ascii: "\n"))
        return json
    }

    private static func slide(_ index: Int, models: ViewModels, body: Fragment) -> JSONValue {
        let site = models.site
        let event = site.events[index]
        let date = site.localDate(of: event)
        var slide: [String: JSONValue] = [
            "start_date": dateObject(date),
            // TimelineJS inserts these as HTML.
            "display_date": .string(HTMLEscaping.escape(models.dates.eventWhen(date, placeName: site.clockName(of: event)))),
            "text": .object(["headline": .string(HTMLEscaping.escape(event.title)), "text": .utf8(body.bytes)]),
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
    static func spreadsheet(_ site: Site, rows: [Fragment]) -> [UInt8] {
        var title = Array(repeating: "", count: spreadsheetColumns.count)
        // The template's cells are HTML, as in the JSON.
        title[9] = HTMLEscaping.escape(site.config.title)
        title[10] = HTMLEscaping.escape(site.config.description)
        title[15] = "title"
        var sheet: [UInt8] = []
        for line in [spreadsheetColumns, title] {
            var row = CSVLine()
            for cell in line { row.add(cell) }
            sheet += row.ended
        }
        for row in rows { sheet += row.bytes }
        return sheet
    }

    private static func row(_ index: Int, models: ViewModels, body: Fragment) -> [UInt8] {
        let site = models.site
        let event = site.events[index]
        let date = site.localDate(of: event)
        let end = site.localEnd(of: event)
        var row = CSVLine()
        for cell in dateCells(date) + (end.map(dateCells) ?? ["", "", "", ""]) + [
            HTMLEscaping.escape(models.dates.eventWhen(date, placeName: site.clockName(of: event))), HTMLEscaping.escape(event.title),
        ] {
            row.add(cell)
        }
        body.bytes.withUnsafeBufferPointer { row.add($0) }
        for cell in ["", "", "", "", "", HTMLEscaping.escape(event.tags.first ?? ""), ""] { row.add(cell) }
        return row.ended
    }

    private static func dateCells(_ date: ContentDate) -> [String] {
        [String(date.year), String(date.month), date.precision >= .day ? String(date.day) : "",
         date.hasTime ? "\(date.hour):\(date.minute < 10 ? "0" : "")\(date.minute)" : ""]
    }

    /// One cell as `CSVLine` writes it, for the tests.
    static func csvField(_ text: String) -> String {
        var line = CSVLine()
        line.add(text)
        return String(decoding: line.bytes, as: UTF8.self)
    }
}

/// A line of a CSV file (RFC 4180), built in UTF-8: the spreadsheet holds every event's text.
struct CSVLine {
    private(set) var bytes: [UInt8] = []
    private var cells = 0

    /// The line with its `\r\n`.
    var ended: [UInt8] { bytes + [0x0D, 0x0A] }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { add($0) }
    }

    /// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled. A
    /// spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (a title
    /// `=HYPERLINK(...)`), so such a cell, and one starting with a tab or a carriage return,
    /// gets a leading `'` as OWASP recommends: the sheet then shows it as text.
    mutating func add(_ cell: UnsafeBufferPointer<UInt8>) {
        if cells > 0 { bytes.append(UInt8(ascii: ",")) }
        cells += 1
        let quoted = cell.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if Self.startsFormula(cell) { bytes.append(UInt8(ascii: "'")) }
        guard quoted else { return bytes += cell }
        var start = 0
        for index in cell.indices where cell[index] == UInt8(ascii: "\"") {
            bytes += cell[start...index]
            start = index
        }
        bytes += cell[start...]
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether the first character is one a spreadsheet starts a formula with; a character,
    /// as the cell shows it: `\r\n` or `=` with an accent is not one.
    private static func startsFormula(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first, "=+-@\t\r".utf8.contains(first) else { return false }
        return String(decoding: cell, as: UTF8.self).first.map { "=+-@\t\r".contains($0) } == true
    }
}
