/// The whole site after checking: every reference resolved, everything in reading order.
/// Rendering needs nothing else, so pages can render in parallel without locks.
public struct Site: Sendable {
    public var config: SiteConfig
    public var strings: Strings
    public var routes: Routes
    public var frontPage: Page
    /// `content/sources.md`, shown on the sources page; an empty page when there is none.
    public var sourcesPage: Page
    public var pages: [Page]
    /// Newest first.
    public var articles: [Article]
    /// Oldest first, as a chronology reads.
    public var events: [Event]
    /// In the order of the site's language (Danish: æ, ø, å after z).
    public var terms: [GlossaryTerm]
    public var places: [String: Place]
    public var sources: [SourceEntry]
    public var tags: [Tag]
    /// content/tags.yaml, by the slug of each tag: every tag's name for readers.
    public var tagNames: [String: String] = [:]
    /// The newest date in the content: the "last updated" of the site and its feeds,
    /// taken from the content rather than the clock so builds are reproducible.
    public var lastUpdated: ContentDate?
    /// Who links to each glossary term, and its related terms (filled by `GlossaryLinking`).
    public var glossary = GlossaryReferences()
    /// The outlines and places the maps draw; set after the model is built (Map/MapModel.swift).
    public var map: SiteMap? = nil
    /// The build's "now" for the "new since" marker: `--now`, else `lastUpdated`.
    public var buildTime: ContentDate? = nil
    /// Where links to content files land (set after the model is built).
    var contentLinks = ContentLinks.none
    /// The photos the texts show, made for the web (set by the image step, Images/).
    var images = SiteImages.none

    /// An event's date on the clock of where it happened: its `timezone`, else its place's.
    public func localDate(of event: Event) -> ContentDate {
        EventOrder.localDate(event, places: places)
    }

    /// An event's place, resolved from places.yaml or written inline.
    public func place(of event: Event) -> Place? {
        switch event.placeReference {
        case .id(let id): places[id.value]
        case .inline(let place): place
        case nil: nil
        }
    }

    /// Every place of an event: its one place, or all those `places` names.
    public func places(of event: Event) -> [Place] {
        (place(of: event).map { [$0] } ?? []) + event.morePlaceIDs.compactMap { places[$0.value] }
    }
}

/// A source as the sources page lists it: its description, if any, and the events that cite it.
public struct SourceEntry: Sendable {
    public var name: String
    public var anchor: String
    public var description: SourceDescription?
    /// Indices into `Site.events`.
    public var eventIndices: [Int]
}

/// A tag's name for readers, from content/tags.yaml (`sociale-medier: Sociale medier`).
public struct TagName: Sendable, Hashable {
    /// The tag as articles and events write it.
    public var tag: String
    public var name: String
}

public struct Tag: Sendable {
    /// What readers see: its name in content/tags.yaml, else the tag as written.
    public var name: String
    public var slug: String
    /// Indices into `Site.articles` and `Site.events`.
    public var articleIndices: [Int]
    public var eventIndices: [Int]
}

/// Where each page lives. Site-relative paths (`artikler/lpg/`) with the URL words of the
/// site's language; `href` adds the base path so links work under a subpath too.
public struct Routes: Sendable {
    public var basePath: String
    var words: [String: String]

    init(basePath: String, strings: Strings) {
        self.basePath = basePath
        words = Dictionary(uniqueKeysWithValues: ["articles", "timeline", "glossary", "sources", "tags", "map", "timelineKey", "timelinePlace", "timelineTag"].map { ($0, strings["paths.\($0)"]) })
    }

    public var home: String { "" }
    public var articles: String { words["articles"]! + "/" }
    public var timeline: String { words["timeline"]! + "/" }
    public var glossary: String { words["glossary"]! + "/" }
    public var sources: String { words["sources"]! + "/" }
    public var tags: String { words["tags"]! + "/" }
    public var feed: String { "feed.xml" }
    public var map: String { words["map"]! + "/" }
    public func mapPlace(_ id: String) -> String { map + id + "/" }
    /// Beside the map page: `kort.geojson`.
    public var geoJSON: String { words["map"]! + ".geojson" }
    public func page(_ slug: String) -> String { slug.isEmpty ? "" : slug + "/" }
    public func article(_ slug: String) -> String { articles + slug + "/" }
    public func event(_ id: String) -> String { timeline + id + "/" }
    public func term(_ slug: String) -> String { glossary + slug + "/" }
    public func tag(_ slug: String) -> String { tags + slug + "/" }
    public func source(_ anchor: String) -> String { sources + "#" + anchor }
    public var timelineKey: String { timeline + words["timelineKey"]! + "/" }
    public func timelinePlace(_ id: String) -> String { timeline + words["timelinePlace"]! + "/" + id + "/" }
    public func timelineTag(_ slug: String) -> String { timeline + words["timelineTag"]! + "/" + slug + "/" }
    /// Folders under the timeline that sitegen writes itself; an event id must not claim them.
    public var timelineReserved: [String] {
        [timelineKey, timeline + words["timelinePlace"]! + "/", timeline + words["timelineTag"]! + "/", timelineFeed + "/"]
    }
    public var timelineFeed: String { timeline + "feed.xml" }
    /// The exports sit beside the timeline folder: `/tidslinje.json`, `/tidslinje.csv`.
    public var timelineJSON: String { words["timeline"]! + ".json" }
    public var timelineCSV: String { words["timeline"]! + ".csv" }

    /// The link to a site path, from the domain root.
    public func href(_ path: String) -> String { basePath + path }

    /// The file a page path is written to: pretty URLs, a folder with index.html.
    public static func outputFile(_ path: String) -> String { path + "index.html" }
}
