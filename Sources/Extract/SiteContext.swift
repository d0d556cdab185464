import Foundation
import Yams

/// What extraction needs to know of the site it writes into: its places, sources and glossary
/// names, its zone and country, and the event ids already taken. Read leniently from the files
/// themselves (a build reports their problems), never through the site model.
public struct SiteContext: Sendable {
    public struct KnownTerm: Sendable {
        public var slug: String
        public var title: String
        /// The title, aliases and forms.
        public var names: [String]
    }

    public var places: [Extraction.Place] = []
    public var sourceNames: [String] = []
    public var terms: [KnownTerm] = []
    public var timeZone = "Europe/Copenhagen"
    public var language = "da"
    /// `map.country` of site.yaml: the country the site is about.
    public var country: String?
    public var eventIDs: Set<String> = []
    public var termSlugs: Set<String> = []

    public init() {}

    public static func read(_ root: URL) -> SiteContext {
        var content = SiteContext()
        let manager = FileManager.default
        if let site = yaml(root.appendingPathComponent("site.yaml")) as? [String: Any] {
            content.timeZone = site["timezone"] as? String ?? content.timeZone
            content.language = site["language"] as? String ?? content.language
            content.country = ((site["map"] as? [String: Any])?["country"] as? String)?.uppercased()
        }
        if let places = yaml(root.appendingPathComponent("content/places.yaml")) as? [String: Any] {
            for (id, value) in places.sorted(by: { $0.key < $1.key }) {
                guard let fields = value as? [String: Any], let latitude = number(fields["lat"]), let longitude = number(fields["lon"]) else { continue }
                content.places.append(Extraction.Place(id: id, name: fields["name"] as? String ?? id, latitude: latitude, longitude: longitude,
                                                 precision: fields["precision"] as? String ?? "city", timeZone: fields["timezone"] as? String))
            }
        }
        if let sources = yaml(root.appendingPathComponent("content/sources.yaml")) as? [String: Any] {
            content.sourceNames = sources.values.compactMap { ($0 as? [String: Any])?["name"] as? String }.sorted()
        }
        let glossary = root.appendingPathComponent("content/glossary")
        for file in ((try? manager.contentsOfDirectory(atPath: glossary.path)) ?? []).sorted() where file.hasSuffix(".md") {
            let slug = String(file.dropLast(3))
            content.termSlugs.insert(slug)
            guard let text = try? String(contentsOf: glossary.appendingPathComponent(file), encoding: .utf8),
                  let fields = frontMatter(text), let title = fields["title"] as? String else { continue }
            let names = [title] + (fields["aliases"] as? [Any] ?? []).compactMap { $0 as? String } + (fields["forms"] as? [Any] ?? []).compactMap { $0 as? String }
            content.terms.append(KnownTerm(slug: slug, title: title, names: names))
        }
        let events = root.appendingPathComponent("content/events")
        for file in ((try? manager.contentsOfDirectory(atPath: events.path)) ?? []).sorted() {
            if file.hasSuffix(".md") { content.eventIDs.insert(String(file.dropLast(3))) }
            guard file.hasSuffix(".yaml") || file.hasSuffix(".yml"),
                  let items = yaml(events.appendingPathComponent(file)) as? [Any] else { continue }
            for case let item as [String: Any] in items {
                if let id = item["id"] as? String { content.eventIDs.insert(id) }
            }
        }
        return content
    }

    private static func yaml(_ url: URL) -> Any? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return try? Yams.load(yaml: text)
    }

    private static func frontMatter(_ text: String) -> [String: Any]? {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return nil }
        return (try? Yams.load(yaml: lines[1..<end].joined(separator: "\n"))) as? [String: Any]
    }

    private static func number(_ value: Any?) -> Double? {
        if let value = value as? Double { return value }
        if let value = value as? Int { return Double(value) }
        return nil
    }
}
