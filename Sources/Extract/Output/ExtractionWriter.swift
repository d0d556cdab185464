import Foundation
import SiteGen

/// Writes an extraction into a site's content with content-file safety: a new events file that
/// never replaces an existing one, new places appended as text to places.yaml (existing entries
/// are never rewritten), and, when asked, draft glossary terms that never replace a file.
public struct ExtractionWriter {
    public struct Written: Sendable {
        public var eventsFile: String?
        public var placesAdded: [String] = []
        public var termFiles: [String] = []
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    public var site: URL
    public var language: String

    public init(site: URL, language: String) {
        self.site = site
        self.language = language
    }

    /// The events file a run writes: `--output`, else `content/events/<publication day>-<input>.yaml`.
    public static func defaultEventsPath(inputs: [String], firstDay: CalendarDay?) -> String {
        let stem = inputs.first.map { $0 == "-" ? "extract" : URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "extract"
        let day = firstDay.map { "\($0)-" } ?? ""
        return "content/events/\(day)\(Slug.make(stem).isEmpty ? "extract" : Slug.make(stem)).yaml"
    }

    public func write(_ extraction: Extraction, eventsPath: String, inputs: [String], writeTerms: Bool) throws -> Written {
        var written = Written()
        let eventsFile = url(eventsPath)
        guard !FileManager.default.fileExists(atPath: eventsFile.path) else {
            throw Refusal(description: "\(eventsPath) exists: the events of this text were extracted before. sitegen never overwrites content; remove or rename that file to extract again, or pass --output")
        }
        if !extraction.events.isEmpty {
            try create(eventsFile, text: EventsYAML.file(extraction, inputs: inputs))
            written.eventsFile = eventsPath
        }
        written.placesAdded = try appendPlaces(extraction.places.filter(\.isNew))
        if writeTerms {
            for term in extraction.terms where !term.known {
                let path = "content/glossary/\(Slug.make(term.name)).md"
                guard !FileManager.default.fileExists(atPath: url(path).path) else { continue }
                try create(url(path), text: termText(term))
                written.termFiles.append(path)
            }
        }
        return written
    }

    private func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : site.appendingPathComponent(path)
    }

    private func create(_ file: URL, text: String) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // `withoutOverwriting` closes the gap between the check and the write.
        try Data(text.utf8).write(to: file, options: .withoutOverwriting)
    }

    /// New entries go after the file's text, which stays byte for byte as it was.
    private func appendPlaces(_ places: [Extraction.Place]) throws -> [String] {
        let path = "content/places.yaml"
        let file = url(path)
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let defined = Set(existing.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first != " ", first != "#", let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
        })
        let new = places.filter { !defined.contains($0.id) }
        guard !new.isEmpty else { return [] }
        var text = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        text += language == "da" ? "# Tilføjet af sitegen extract (GeoNames, CC BY 4.0): kontrollér navn og koordinater.\n"
            : "# Added by sitegen extract (GeoNames, CC BY 4.0): check the name and coordinates.\n"
        for place in new {
            text += "\(place.id):\n  name: \(EventsYAML.quoted(place.name))\n  lat: \(EventsYAML.number(place.latitude))\n"
            text += "  lon: \(EventsYAML.number(place.longitude))\n  precision: \(place.precision)\n"
            if let zone = place.timeZone { text += "  timezone: \(zone)\n" }
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = try? FileHandle(forWritingTo: file) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } else {
            try create(file, text: text)
        }
        return new.map(\.id)
    }

    private func termText(_ term: Extraction.Term) -> String {
        let note = language == "da"
            ? "Udkast fra sitegen extract (\(term.input):\(term.line)). Skriv forklaringen, og slå `autolink` til, når den er klar."
            : "Draft from sitegen extract (\(term.input):\(term.line)). Write the entry, then turn `autolink` on when it is ready."
        var text = "---\ntitle: \(EventsYAML.quoted(term.name))\nshort: \(EventsYAML.quoted(String(term.sentence.prefix(240))))\n"
        if let expansion = term.expansion { text += "expansion: \(EventsYAML.quoted(expansion))\n" }
        text += "autolink: false\n---\n\(note)\n"
        return text
    }
}

/// The events file: the data-file format of content/events/*.yaml, every event a draft, each
/// with a comment naming the input line it came from.
enum EventsYAML {
    static func file(_ extraction: Extraction, inputs: [String]) -> String {
        var text = "# Draft events extracted by `sitegen extract` from \(inputs.joined(separator: ", ")).\n"
        text += "# Check each against its input line, then remove `draft: true` to publish it.\n"
        for event in extraction.events {
            text += "\n# \(event.input):\(event.line)\n"
            text += "- id: \(event.id)\n"
            text += "  title: \(quoted(event.title))\n"
            text += "  date: \(event.date)\n"
            if event.places.count == 1 { text += "  place: \(event.places[0])\n" }
            if event.places.count > 1 { text += "  places: [\(event.places.joined(separator: ", "))]\n" }
            text += "  sources:\n"
            for source in event.sources {
                text += source.via.isEmpty ? "    - \(quoted(source.name))\n"
                    : "    - {name: \(quoted(source.name)), via: [\(source.via.map(quoted).joined(separator: ", "))]}\n"
            }
            text += "  status: \(event.status)\n"
            text += "  draft: true\n"
            text += "  body: |\n"
            for line in event.body.split(separator: "\n", omittingEmptySubsequences: false) {
                text += line.isEmpty ? "\n" : "    \(line)\n"
            }
        }
        return text
    }

    /// YAML double-quoted, so a title with `:` or `#` stays one string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Decimal degrees as the gazetteer gives them, without trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(format: "%.1f", rounded) : String(rounded)
    }
}
