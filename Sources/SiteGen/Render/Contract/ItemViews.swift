/// The values inside pages: dates, links, articles, events, terms, places. Every text is
/// plain text (templates escape it with `{{name}}`); every HTML value is one sitegen made safe.

struct TimeView: ViewModel {
    var iso: String
    var text: String

    static let about = "A date, for a `<time>` element."
    static let fields: [Field<Self>] = [
        .text("iso", "The date as ISO 8601, for `datetime`.") { $0.iso },
        .text("text", "The date in words of the site's language.") { $0.text },
    ]
}

struct NamedLink: ViewModel {
    var name: String
    var href: String

    static let about = "A link with a name: a tag, a place, a source."
    static let fields: [Field<Self>] = [
        .text("name", "What the link shows.") { $0.name },
        .text("href", "Where it goes, with the site's base path.") { $0.href },
    ]
}

struct TitledLink: ViewModel {
    var title: String
    var href: String

    static let about = "A link to a page, by its title."
    static let fields: [Field<Self>] = [
        .text("title", "The page's title.") { $0.title },
        .text("href", "Its URL, with the site's base path.") { $0.href },
    ]
}

struct LabelledLink: ViewModel {
    var label: String
    var href: String
    var current: Bool

    static let about = "A link in a menu: the site's navigation, the views of the timeline."
    static let fields: [Field<Self>] = [
        .text("label", "What the link shows.") { $0.label },
        .text("href", "Where it goes, with the site's base path.") { $0.href },
        .flag("current", "Whether it is the page shown, for `aria-current`.") { $0.current },
    ]
}

/// A list entry rendered once by its partial and shown by every page that lists it.
struct RenderedEntry: ViewModel {
    var fragment: Fragment

    static let about = "An entry of a list, already rendered by its partial."
    static let fields: [Field<Self>] = [
        .fragment("html", "The entry's HTML.") { $0.fragment },
    ]
}

struct StatusView: ViewModel {
    var value: String
    var label: String
    var explanation: String

    static let about = "How far an event is verified."
    static let fields: [Field<Self>] = [
        .text("value", "`confirmed`, `reported`, `unverified` or `disputed`, for a class name.") { $0.value },
        .text("label", "The status in words (`status.<value>.label` in the strings file).") { $0.label },
        .text("explanation", "What the status means (`status.<value>.explanation`); empty when the strings file has none.") { $0.explanation },
    ]
}

struct SourceCredit: ViewModel {
    var name: String
    var href: String
    var via: [NamedLink]
    var originalURL: String?

    static let about = "A source of an event (\"Zakon via Reuters\")."
    static let fields: [Field<Self>] = [
        .text("name", "The source's name.") { $0.name },
        .text("href", "Its entry on the sources page.") { $0.href },
        .list("via", "Who passed it on, from the source outwards, each linked to the sources page.") { $0.via },
        .optionalText("originalURL", "The source's own report, when the event links it.") { $0.originalURL },
    ]
}

struct CorrectionView: ViewModel {
    var date: TimeView
    var text: String

    static let about = "A correction to a page, dated."
    static let fields: [Field<Self>] = [
        .model("date", "When it was corrected.") { $0.date },
        .text("text", "What changed.") { $0.text },
    ]
}

struct PlaceView: ViewModel {
    var name: String
    var lat: String
    var lon: String
    var coordinates: String
    var mapHref: String?
    var description: String?

    static let about = "A place, with its coordinates."
    static let fields: [Field<Self>] = [
        .text("name", "The place's name.") { $0.name },
        .text("lat", "Latitude in degrees, to five decimals at most.") { $0.lat },
        .text("lon", "Longitude in degrees, to five decimals at most.") { $0.lon },
        .text("coordinates", "Both in words of the site's language (\"43,25° N, 76,92° Ø\").") { $0.coordinates },
        .optionalText("mapHref", "Its page on the map; absent for a place written inline in an event.") { $0.mapHref },
        .optionalText("description", "A sentence about it for readers (`description` in content/places.yaml), if given.") { $0.description },
    ]
}

struct ArticleSummaryView: ViewModel {
    var title: String
    var href: String
    var summary: String
    var date: TimeView
    var tags: [NamedLink]
    var updated: TimeView?

    static let about = "An article as lists show it."
    static let fields: [Field<Self>] = [
        .text("title", "The article's title.") { $0.title },
        .text("href", "Its URL.") { $0.href },
        .text("summary", "Its `summary`; may be empty.") { $0.summary },
        .model("date", "When it was published.") { $0.date },
        .list("tags", "Its tags, each linked to its tag page.") { $0.tags },
        .optionalModel("updated", "When it was last updated, if it was.") { $0.updated },
    ]
}

struct ArticleView: ViewModel {
    var summary: ArticleSummaryView
    var body: Fragment
    var corrections: [CorrectionView]
    var places: [NamedLink]
    /// Its byline and key facts; its dates and corrections are the fields above.
    var head: StoryHeadView

    static let about = "An article on its own page: its list entry's fields and its text."
    static let fields: [Field<Self>] = ArticleSummaryView.fields.map { $0.lifted(\.summary) } + [
        .fragment("body", "The article's text.") { $0.body },
        .list("corrections", "Its corrections, oldest first.") { $0.corrections },
        .list("places", "The places it names in `places`, each linked to its map page.") { $0.places },
    ] + StoryHeadView.fields.filter { ["byline", "authors", "keyFacts"].contains($0.contract.name) }.map { $0.lifted(\.head) }
}

struct EventView: ViewModel {
    var id: String
    var title: String
    var href: String
    var when: TimeView
    var isNew: Bool
    var day: String
    var isKey: Bool
    var status: StatusView
    var sources: [SourceCredit]
    var tags: [NamedLink]
    var corrections: [CorrectionView]
    var time: String?
    var end: TimeView?
    var updated: TimeView?
    var place: [PlaceView]
    var body: Fragment?
    var clock: String?
    var siteClock: String?

    static let about = "An event of the timeline."
    static let fields: [Field<Self>] = [
        .text("id", "The event's id (its file name, or `id` in a data file): the anchor of its timeline entry.") { $0.id },
        .text("title", "Its title.") { $0.title },
        .text("href", "Its page.") { $0.href },
        .model("when", "When it happened, on the local clock, in words (with the readers' time).") { $0.when },
        .flag("isNew", "Whether it was added or updated within `newWindow` (site.yaml; 24 hours) before the build time.") { $0.isNew },
        .text("day", "Its day in words.") { $0.day },
        .flag("isKey", "Whether it is a key moment (`key: true`).") { $0.isKey },
        .model("status", "How far it is verified.") { $0.status },
        .list("sources", "Who reported it.") { $0.sources },
        .list("tags", "Its tags, each linked to its tag page.") { $0.tags },
        .list("corrections", "Its corrections, oldest first.") { $0.corrections },
        .optionalText("time", "Its clock time in words; absent for an event dated by day or month.") { $0.time },
        .optionalModel("end", "When it ended, if `end` is given.") { $0.end },
        .optionalModel("updated", "When it was last updated, if it was.") { $0.updated },
        .list("place", "Where it happened: its place, or each of its `places`; empty when it has none.") { $0.place },
        .optionalFragment("body", "Its text: on its page and in the timeline, not in lists.") { $0.body },
        .optionalText("clock", "Its local clock time alone (\"kl. 14.00\"), for a compact row; absent without a time.") { $0.clock },
        .optionalText("siteClock", "The same moment on the readers' clock (\"kl. 09.00 dansk tid\"), when the zones differ.") { $0.siteClock },
    ]
}

struct EventMentionView: ViewModel {
    var title: String
    var href: String
    var day: String
    var status: StatusView

    static let about = "An event named in passing: the next and previous event, a source's events, a place's."
    static let fields: [Field<Self>] = [
        .text("title", "The event's title.") { $0.title },
        .text("href", "Its page.") { $0.href },
        .text("day", "Its day in words.") { $0.day },
        .model("status", "How far it is verified.") { $0.status },
    ]
}

struct MentionView: ViewModel {
    var title: String
    var href: String
    var date: TimeView

    static let about = "An article or event as a glossary entry's \"Nævnt i\" lists it."
    static let fields: [Field<Self>] = [
        .text("title", "Its title.") { $0.title },
        .text("href", "Its page.") { $0.href },
        .model("date", "Its day.") { $0.date },
    ]
}

struct TermView: ViewModel {
    var slug: String
    var title: String
    var href: String
    var short: String
    var aliases: [String]
    var related: [TitledLink]
    var expansion: String?
    var body: Fragment?
    var mentions: [RenderedEntry]?

    static let about = "A glossary term."
    static let fields: [Field<Self>] = [
        .text("slug", "The term's file name: its anchor in the glossary.") { $0.slug },
        .text("title", "The term.") { $0.title },
        .text("href", "Its page.") { $0.href },
        .text("short", "Its short explanation (`short`).") { $0.short },
        .texts("aliases", "Its other names (`aliases`), each as `{{.}}`.") { $0.aliases },
        .list("related", "Its `related` terms, linked.") { $0.related },
        .optionalText("expansion", "What an acronym stands for (`expansion`), if given.") { $0.expansion },
        .optionalFragment("body", "Its full entry: on its own page only.") { $0.body },
        .optionalList("mentions", "The articles and events that link to it (`partials/mention`): on its own page only.") { $0.mentions },
    ]
}

struct LetterLink: ViewModel {
    var letter: String
    var href: String
    var inUse: Bool

    static let about = "A letter of the glossary's alphabet bar."
    static let fields: [Field<Self>] = [
        .text("letter", "The letter.") { $0.letter },
        .text("href", "The anchor of its group of terms.") { $0.href },
        .flag("inUse", "Whether any term starts with it.") { $0.inUse },
    ]
}

struct LetterGroup: ViewModel {
    var letter: String
    var anchor: String
    var terms: [TermView]

    static let about = "The terms of the glossary that start with one letter."
    static let fields: [Field<Self>] = [
        .text("letter", "The letter.") { $0.letter },
        .text("anchor", "The group's id.") { $0.anchor },
        .list("terms", "Its terms in the language's order, without `body` and `mentions`.") { $0.terms },
    ]
}

struct SourceSection: ViewModel {
    var name: String
    var anchor: String
    var events: [EventMentionView]
    var description: String?
    var url: String?
    var urlLabel: String?

    static let about = "A source on the sources page."
    static let fields: [Field<Self>] = [
        .text("name", "The source's name.") { $0.name },
        .text("anchor", "Its id, which events link to.") { $0.anchor },
        .list("events", "The events that cite it, in timeline order.") { $0.events },
        .optionalText("description", "Its description in content/sources.yaml, if it has one.") { $0.description },
        .optionalText("url", "Its homepage there, if given.") { $0.url },
        .optionalText("urlLabel", "Words for the link to its homepage that name it (`sources.homepage`), with `url`.") { $0.urlLabel },
    ]
}

struct TagSummaryView: ViewModel {
    var name: String
    var href: String
    var count: Int

    static let about = "A tag."
    static let fields: [Field<Self>] = [
        .text("name", "The tag's name for readers (content/tags.yaml), else the tag as written.") { $0.name },
        .text("href", "Its page.") { $0.href },
        .number("count", "How many articles and events have it.") { $0.count },
    ]
}

struct TimelineDay: ViewModel {
    var heading: String
    var iso: String
    var anchor: String
    var events: [RenderedEntry]

    static let about = "A day of the timeline (a month, for events dated by month)."
    static let fields: [Field<Self>] = [
        .text("heading", "The day in words, capitalised.") { $0.heading },
        .text("iso", "The day (or month) as ISO 8601.") { $0.iso },
        .text("anchor", "The day's id.") { $0.anchor },
        .list("events", "Its events, each rendered by `partials/timeline-event`.") { $0.events },
    ]
}

struct MapPlaceView: ViewModel {
    var place: PlaceView
    var id: String
    var href: String
    var events: [EventMentionView]
    var articles: [TitledLink]
    var summary: String

    static let about = "A place on the map, with what happened there: a place's fields and these."
    static let fields: [Field<Self>] = PlaceView.fields.map { $0.lifted(\.place) } + [
        .text("id", "The place's id in content/places.yaml.") { $0.id },
        .text("href", "Its page on the map.") { $0.href },
        .list("events", "The events there, in timeline order.") { $0.events },
        .list("articles", "The articles that name it, newest first.") { $0.articles },
        .text("summary", "Its `description`, else a sentence saying what its page lists (`map.placeSummary`).") { $0.summary },
    ]
}

// MARK: Photos and embedded posts in texts

struct ImageSizeView: ViewModel {
    var width: Int
    var height: Int

    static let about = "The size a photo is shown at, in CSS pixels, so the page does not jump while it loads."
    static let fields: [Field<Self>] = [
        .number("width", "Its width: the photo's own, or the figure's `width` if smaller.") { $0.width },
        .number("height", "Its height, in the photo's proportions.") { $0.height },
    ]
}

struct PictureView: ViewModel {
    var src: String
    var alt: String
    var lazy: Bool
    var webp: String?
    var srcset: String?
    var size: ImageSizeView?
    var displayWidth: Int?

    static let about = "An image in a text (`partials/picture`): a photo sitegen made in several sizes, or any other image as it is."
    static let fields: [Field<Self>] = [
        .html("src", "The image's URL, escaped; for a photo sitegen made, a JPEG size for browsers that read no `srcset`.") { $0.src },
        .text("alt", "Its `alt` text; may be empty.") { $0.alt },
        .flag("lazy", "Whether it may load lazily: every image after the text's first.") { $0.lazy },
        .optionalHTML("webp", "The WebP sizes as a `srcset`, escaped; absent for an image sitegen did not make.") { $0.webp },
        .optionalHTML("srcset", "The JPEG sizes as a `srcset`, escaped; absent for an image sitegen did not make.") { $0.srcset },
        .optionalModel("size", "The size it is shown at; absent for an image sitegen did not make.") { $0.size },
        .optionalNumber("displayWidth", "The figure's `width` in pixels, if it gives one.") { $0.displayWidth },
    ]
}

struct FigureView: ViewModel {
    var picture: PictureView
    var caption: String?
    var credit: String?

    static let about = "A photo with its caption and credit (`partials/figure`): an image alone in a paragraph, or a ```figure block."
    static let fields: [Field<Self>] = [
        .model("picture", "The photo (`partials/picture`).") { $0.picture },
        .optionalHTML("caption", "The caption as HTML (the image's title, or `caption`), if there is one.") { $0.caption },
        .optionalText("credit", "Who made the photo (`credit`), if given.") { $0.credit },
        .flag("hasCaption", "Whether there is a caption or a credit.") { $0.caption != nil || $0.credit != nil },
    ]
}

struct EmbedView: ViewModel {
    var isVideo: Bool
    var url: String
    var platform: String
    var paragraphs: [String]
    var author: String?
    var handle: String?
    var date: TimeView?
    var picture: PictureView?

    static let about = "A post from social media or a video, shown as a card (`partials/embed`, from an ```embed block)."
    static let fields: [Field<Self>] = [
        .flag("post", "Whether it is a post (`kind: post`).") { !$0.isVideo },
        .flag("video", "Whether it is a video (`kind: video`, or a video site's `url`).") { $0.isVideo },
        .html("url", "The original's address, escaped.") { $0.url },
        .text("platform", "Where it was posted (`platform`, else known from the address: \"X\", \"YouTube\").") { $0.platform },
        .texts("paragraphs", "Its `text`, a paragraph per line, each as `{{.}}`.") { $0.paragraphs },
        .optionalText("author", "Who posted it (`author`), if given.") { $0.author },
        .optionalText("handle", "Their handle (`handle`), if given.") { $0.handle },
        .optionalModel("date", "When it was posted (`date`), if given.") { $0.date },
        .optionalModel("picture", "Its `image` (`partials/picture`): a video's poster, a post's photo; absent without one.") { $0.picture },
    ]
}

struct ShareImageView: ViewModel {
    var url: String
    var width: Int
    var height: Int
    var alt: String?

    static let about = "The picture a page is shared with (`og:image`): the 1200x630 crop of the first photo of its text, else site.yaml's `image`."
    static let fields: [Field<Self>] = [
        .text("url", "Its absolute URL.") { $0.url },
        .number("width", "Its width in pixels.") { $0.width },
        .number("height", "Its height in pixels.") { $0.height },
        .optionalText("alt", "The photo's `alt` text; absent for site.yaml's `image` and for a photo without one.") { $0.alt },
    ]
}
