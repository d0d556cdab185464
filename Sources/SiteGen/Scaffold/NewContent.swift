import Foundation

/// `sitegen new`: a new content file with the right front matter, never over an existing one.
public enum NewContent {
    public enum Kind: String, Sendable, CaseIterable {
        case article, event, term, place
    }

    public struct Request: Sendable {
        public var kind: Kind
        public var title: String
        /// ISO 8601 as written by the editor; nil means now.
        public var date: String?
        public var place: String?
        public var latitude: Double?
        public var longitude: Double?
        public var timeZone: String?

        public init(kind: Kind, title: String, date: String? = nil, place: String? = nil,
                    latitude: Double? = nil, longitude: Double? = nil, timeZone: String? = nil) {
            self.kind = kind
            self.title = title
            self.date = date
            self.place = place
            self.latitude = latitude
            self.longitude = longitude
            self.timeZone = timeZone
        }
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the file and returns its path relative to the site folder.
    public static func create(_ request: Request, in site: URL, now: Date = Date()) throws -> String {
        let slug = Slug.make(request.title)
        guard !slug.isEmpty else { throw Refusal(description: "the title `\(request.title)` has no letters or digits to make a file name from") }
        let date = try request.date.map(validated) ?? timestamp(now, zone: siteTimeZone(site))
        switch request.kind {
        case .place:
            return try appendPlace(request, id: slug, in: site)
        case .article:
            return try write(articleText(request, date: date), to: "content/articles/\(slug).md", in: site)
        case .event:
            return try write(eventText(request, date: date), to: "content/events/\(date.prefix(10))-\(slug).md", in: site)
        case .term:
            return try write(termText(request), to: "content/glossary/\(slug).md", in: site)
        }
    }

    /// A file error in words (not "NSCocoaErrorDomain error 513"), naming the file inside the
    /// site as the editor knows it.
    static func refusal(_ error: any Error, in site: URL) -> Refusal {
        var failure = FileError(error, path: site.path, "cannot write")
        let base = site.standardizedFileURL.path + "/"
        if failure.path.hasPrefix(base) { failure.path.removeFirst(base.count) }
        return Refusal(description: failure.description)
    }

    static func articleText(_ request: Request, date: String) -> String {
        """
        ---
        title: \(quoted(request.title))
        date: \(date)
        summary: ""
        tags: []
        places: []
        ---
        Skriv artiklen her.

        """
    }

    static func eventText(_ request: Request, date: String) -> String {
        """
        ---
        title: \(quoted(request.title))
        date: \(date)
        \(request.place.map { "place: \($0)" } ?? "# place: almaty")
        sources: []
        status: reported
        key: false
        tags: []
        ---
        Hvad skete der, og hvem siger det?

        """
    }

    static func termText(_ request: Request) -> String {
        """
        ---
        title: \(quoted(request.title))
        aliases: []
        short: ""
        ---
        Den fulde forklaring.

        """
    }

    private static func appendPlace(_ request: Request, id: String, in site: URL) throws -> String {
        let path = "content/places.yaml"
        let file = site.appendingPathComponent(path)
        let existing = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if existing.split(separator: "\n").contains(where: { $0.hasPrefix("\(id):") }) {
            throw Refusal(description: "\(path) already defines `\(id)`; edit it there")
        }
        guard let latitude = request.latitude, let longitude = request.longitude else {
            throw Refusal(description: "a place needs its coordinates: add --lat and --lon (decimal degrees)")
        }
        // The checks a build makes of places.yaml, so the new place never breaks the next build.
        guard (-90...90).contains(latitude) else {
            throw Refusal(description: "--lat \(latitude) is out of range (-90 to 90); are --lat and --lon swapped?")
        }
        guard (-180...180).contains(longitude) else {
            throw Refusal(description: "--lon \(longitude) is out of range (-180 to 180)")
        }
        if let zone = request.timeZone, !ZoneOffsets.isKnown(zone) {
            let hint = Suggestion.didYouMean(zone, among: TimeZone.knownTimeZoneIdentifiers)
            throw Refusal(description: "unknown time zone `\(zone)`\(hint) (use an IANA id such as `Asia/Almaty`)")
        }
        var entry = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        entry += "\(id):\n  name: \(quoted(request.title))\n  lat: \(latitude)\n  lon: \(longitude)\n  precision: city\n"
        if let zone = request.timeZone { entry += "  timezone: \(zone)\n" }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (existing + entry).write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw refusal(error, in: site)
        }
        return path
    }

    private static func write(_ text: String, to path: String, in site: URL) throws -> String {
        let file = site.appendingPathComponent(path)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw Refusal(description: "\(path) already exists; sitegen never overwrites content (pick another title, or edit that file)")
        }
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // `withoutOverwriting` closes the gap between the check above and the write.
            try Data(text.utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw refusal(error, in: site)
        }
        return path
    }

    private static func validated(_ date: String) throws -> String {
        switch ContentDate.parse(date) {
        case .success: return date
        case .failure(let problem): throw Refusal(description: "invalid --date `\(date)`: \(problem.message)")
        }
    }

    /// The zone site.yaml names, read as a build reads it; Copenhagen when it cannot be read.
    private static func siteTimeZone(_ site: URL) -> String {
        SiteConfigLoader.load(SiteFiles(root: site), baseURLOverride: nil).0?.timeZone ?? "Europe/Copenhagen"
    }

    /// Now, to the minute, at the site's offset: what an editor would type.
    static func timestamp(_ now: Date, zone: String) -> String {
        let seconds = Int(now.timeIntervalSince1970) / 60 * 60
        let offset = ZoneOffsets.offset(of: zone, atInstant: seconds) ?? 0
        return ContentDate(instant: seconds, offset: offset, precision: .minute).iso8601
    }

    /// YAML double-quoted text, so titles with `:` or quotes stay one value.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
