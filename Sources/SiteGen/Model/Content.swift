import Markdown

/// Every confirmed, reported or doubted claim in the timeline carries one of these.
public enum VerificationStatus: String, Sendable, CaseIterable {
    case confirmed, reported, unverified, disputed
}

/// Who reported something, and through whom it reached us ("Zakon via Reuters").
public struct SourceRef: Sendable, Hashable {
    public var name: String
    public var url: SafeURL?
    /// The chain from the original source outwards: `["Reuters"]` in "Zakon via Reuters".
    public var via: [String]
}

/// A dated note on what changed in a page after it was published.
public struct Correction: Sendable {
    public var date: ContentDate
    public var text: String
}

/// A Markdown body with the file line it starts on, for diagnostics inside it.
public struct Body: Sendable {
    public var document: MarkdownDocument
    public var firstLine: Int
    /// The file it was read from (`content/articles/x.md`): relative links and images are
    /// read from its folder.
    public var sourcePath: String
    /// Whether glossary terms in the text link to their entries; `glossary: false` in the
    /// front matter turns it off for one page.
    public var linksTerms = true
    /// The version of the file this body and its item came from.
    public var stamp = SourceStamp()
    /// Which ```timeline, ```map and ```embed blocks the text holds, found once when it is
    /// read: the checks and the renderer look only at the few bodies that have any.
    var embeds: EmbedKinds
    /// The figures, links and images the editor wrote, found in the same walk as `embeds`,
    /// while the tree just parsed is in the cache: a walk of every tree for them later, when
    /// the links are checked and the photos made, read every node of the site from memory again.
    let written: [WrittenLink]

    public init(document: MarkdownDocument, firstLine: Int, sourcePath: String = "", linksTerms: Bool = true, stamp: SourceStamp = SourceStamp()) {
        self.document = document
        self.firstLine = firstLine
        self.sourcePath = sourcePath
        self.linksTerms = linksTerms
        self.stamp = stamp
        (embeds, written) = WrittenLink.survey(document)
    }

    /// What `Site.takeBodies` leaves in a body's place until it is put back.
    static let taken = Body(document: MarkdownDocument(blocks: []), firstLine: 0)
}

public struct Place: Sendable {
    public enum Precision: String, Sendable, CaseIterable {
        case point, city, region, country
    }

    public var id: String
    public var name: String
    public var latitude: Double
    public var longitude: Double
    public var precision: Precision
    public var timeZone: String?
    public var location: SourceLocation
    /// A sentence about the place for readers (`description` in places.yaml), shown on its map page.
    public var description: String? = nil
}

/// The front page (`content/index.md`, slug "") or a standalone page such as `content/om.md`.
public struct Page: Sendable {
    public var slug: String
    public var title: String
    public var summary: String
    public var date: ContentDate?
    public var updated: ContentDate?
    public var body: Body
    public var location: SourceLocation
    public var story = StoryHead()
    public var corrections: [Correction] = []
}

/// What the head of an explainer shows besides its title, dates and corrections: who wrote
/// it and the key facts an editor lists. Pages and articles have one.
public struct StoryHead: Sendable {
    /// `authors:`; empty means the site's `authors`.
    public var authors: [String] = []
    /// `keyFacts:`, each a line of Markdown ("Kort fortalt").
    public var keyFacts: [String] = []

    public init(authors: [String] = [], keyFacts: [String] = []) {
        self.authors = authors
        self.keyFacts = keyFacts
    }
}

public struct Article: Sendable {
    public var slug: String
    public var title: String
    public var date: ContentDate
    public var updated: ContentDate?
    public var summary: String
    public var tags: [String]
    public var placeIDs: [Located<String>]
    public var draft: Bool
    public var corrections: [Correction]
    public var body: Body
    public var location: SourceLocation
    /// `authors:` and `keyFacts:`.
    public var story = StoryHead()
}

public struct Event: Sendable {
    /// Where the event's place comes from: an id in places.yaml, or coordinates written inline.
    public enum PlaceReference: Sendable {
        case id(Located<String>)
        case inline(Place)
    }

    public var id: String
    public var title: String
    public var date: ContentDate
    public var end: Located<ContentDate>?
    public var timeZone: String?
    public var placeReference: PlaceReference?
    public var sources: [SourceRef]
    public var status: VerificationStatus
    public var isKey: Bool
    public var tags: [String]
    public var draft: Bool
    public var updated: ContentDate?
    public var corrections: [Correction]
    public var body: Body
    public var location: SourceLocation
    /// `places: [a, b]` names the places after the first; the first is `placeReference`, so
    /// whatever reads an event's one place (its clock, its JSON-LD) reads the first.
    public var morePlaceIDs: [Located<String>] = []

    /// Every place id the event names, `place` or `places`, in the order written.
    public var placeIDs: [Located<String>] {
        guard case .id(let first) = placeReference else { return [] }
        return [first] + morePlaceIDs
    }

    /// Whether `placeIDs` holds `id`, without making the list: each place's timeline asks it of every event.
    func names(place id: String) -> Bool {
        guard case .id(let first) = placeReference else { return false }
        return first.value == id || morePlaceIDs.contains { $0.value == id }
    }
}

public struct GlossaryTerm: Sendable {
    public var slug: String
    public var title: String
    public var titleLocation: SourceLocation
    public var aliases: [Located<String>]
    /// Irregular forms an editor adds to the ones sitegen makes (`TermForms`).
    public var forms: [Located<String>]
    public var short: String
    public var expansion: String?
    public var related: [Located<String>]
    public var autolink: Bool
    public var body: Body
    public var location: SourceLocation
}

/// A source described once in `content/sources.yaml`.
public struct SourceDescription: Sendable {
    public var id: String
    public var name: String
    public var url: SafeURL?
    public var description: String
    public var location: SourceLocation
}

/// A value with the place it was written, for checks made after loading.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
}
