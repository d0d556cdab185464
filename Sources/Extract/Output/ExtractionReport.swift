import Foundation

/// What `sitegen extract` prints: a summary for the editor, or one JSON object for tools.
public enum ExtractionReport {
    public static func text(_ extraction: Extraction, written: ExtractionWriter.Written?, dryRun: Bool) -> String {
        var lines: [String] = []
        lines.append("Events (\(extraction.events.count), all drafts)")
        var day = ""
        for event in extraction.events {
            let eventDay = event.time.monthOnly ? String(event.date.prefix(7)) : event.time.day.description
            if eventDay != day {
                day = eventDay
                lines.append("  \(day)")
            }
            let time = event.time.hasTime ? " \(event.date.dropFirst(11).prefix(5))" : ""
            let places = event.places.isEmpty ? "" : " · " + event.places.joined(separator: ", ")
            lines.append("   \(time.isEmpty ? "" : time + " ")\(event.title)\(places) · \(event.sources.map(\.description).joined(separator: "; ")) · \(event.status)  (\(event.input):\(event.line))")
        }
        lines.append("")
        lines.append("Places (\(extraction.places.count))")
        for place in extraction.places {
            lines.append("  \(place.id): \(place.name), \(EventsYAML.number(place.latitude)), \(EventsYAML.number(place.longitude)), \(place.precision)\(place.timeZone.map { ", \($0)" } ?? "") (\(place.isNew ? "new" : "known"))")
        }
        lines.append("")
        lines.append("Sources: \(extraction.sources.joined(separator: ", "))")
        lines.append("")
        lines.append("Terms (\(extraction.terms.count))")
        for term in extraction.terms {
            let expansion = term.expansion.map { " (\($0))" } ?? ""
            lines.append(term.known ? "  \(term.name): in the glossary" : "  \(term.name)\(expansion): candidate, \(term.input):\(term.line): \(term.sentence)")
        }
        lines.append("")
        if dryRun {
            lines.append("Dry run: nothing written.")
        } else if let written {
            if let file = written.eventsFile { lines.append("Wrote \(file) (\(extraction.events.count) draft events).") }
            if !written.placesAdded.isEmpty { lines.append("Added to content/places.yaml: \(written.placesAdded.joined(separator: ", ")).") }
            for file in written.termFiles { lines.append("Wrote \(file) (a draft term, not linked until `autolink` is on).") }
            lines.append("Next: review each event against its input line, remove `draft: true` from those to publish, and preview with `sitegen serve` or `sitegen build --drafts`.")
        }
        lines += extraction.warnings.map(\.description)
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ extraction: Extraction) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(Document(extraction))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var events: [EventValue]
        var places: [PlaceValue]
        var sources: [String]
        var terms: [TermValue]
        var warnings: [WarningValue]

        init(_ extraction: Extraction) {
            events = extraction.events.map(EventValue.init)
            places = extraction.places.map {
                PlaceValue(id: $0.id, name: $0.name, lat: $0.latitude, lon: $0.longitude, precision: $0.precision, timezone: $0.timeZone, new: $0.isNew)
            }
            sources = extraction.sources
            terms = extraction.terms.map { TermValue(name: $0.name, known: $0.known, expansion: $0.expansion, sentence: $0.sentence, line: $0.line) }
            warnings = extraction.warnings.map { WarningValue(input: $0.input, line: $0.line, column: $0.column, message: $0.message) }
        }
    }

    private struct EventValue: Encodable {
        var event: Extraction.Event

        enum Keys: String, CodingKey { case id, title, date, place, places, sources, status, body, line, input }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(event.id, forKey: .id)
            try container.encode(event.title, forKey: .title)
            try container.encode(event.date, forKey: .date)
            if event.places.count == 1 { try container.encode(event.places[0], forKey: .place) }
            if event.places.count > 1 { try container.encode(event.places, forKey: .places) }
            try container.encode(event.sources.map(SourceValue.init), forKey: .sources)
            try container.encode(event.status, forKey: .status)
            try container.encode(event.body, forKey: .body)
            try container.encode(event.line, forKey: .line)
            try container.encode(event.input, forKey: .input)
        }
    }

    /// A name, or `{"name": ..., "via": [...]}` for a chain.
    private struct SourceValue: Encodable {
        var chain: SourceChain

        enum Keys: String, CodingKey { case name, via }

        func encode(to encoder: Encoder) throws {
            if chain.via.isEmpty {
                var container = encoder.singleValueContainer()
                try container.encode(chain.name)
            } else {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(chain.name, forKey: .name)
                try container.encode(chain.via, forKey: .via)
            }
        }
    }

    private struct PlaceValue: Encodable {
        var id: String
        var name: String
        var lat: Double
        var lon: Double
        var precision: String
        var timezone: String?
        var new: Bool
    }

    private struct TermValue: Encodable {
        var name: String
        var known: Bool
        var expansion: String?
        var sentence: String
        var line: Int
    }

    private struct WarningValue: Encodable {
        var input: String
        var line: Int
        var column: Int
        var message: String
    }
}
