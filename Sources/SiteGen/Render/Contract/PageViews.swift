/// The value of each page template: what every page shares (`LayoutView`, which
/// `layout.mustache` reads) and what the page's own template shows.

struct SiteView: ViewModel {
    var title: String
    var description: String
    var language: String
    var publisher: String
    var home: String
    var feed: String
    var stylesheet: String
    var locale: String
    var brand: BrandView

    static let about = "The site, from site.yaml."
    static let fields: [Field<Self>] = [
        .text("title", "`title`.") { $0.title },
        .text("description", "`description`.") { $0.description },
        .text("language", "`language` (BCP 47), for `lang`.") { $0.language },
        .text("publisher", "`publisher`; may be empty.") { $0.publisher },
        .text("home", "The front page's URL.") { $0.home },
        .text("feed", "The Atom feed's URL.") { $0.feed },
        .text("stylesheet", "The stylesheet's URL.") { $0.stylesheet },
        .text("locale", "The language as Open Graph wants it (`da_DK`).") { $0.locale },
        .model("brand", "Who publishes it, for the masthead (`brand`).") { $0.brand },
    ]
}

struct BrandView: ViewModel {
    var name: String
    var colour: String?
    var logo: String?

    static let about = "The newsroom, from `brand` in site.yaml."
    static let fields: [Field<Self>] = [
        .text("name", "Its name (`brand.name`, else `publisher`, else the site's title).") { $0.name },
        .optionalText("colour", "Its colour as `#rrggbb` (`brand.colour`), if given: the masthead's background.") { $0.colour },
        .optionalText("logo", "The URL of its logo (`brand.logo`), if given.") { $0.logo },
    ]
}

struct PageMetaView: ViewModel {
    var title: String
    var description: String
    var fullTitle: String
    var ogType: String
    var isHome: Bool
    var canonical: String?
    var image: ShareImageView?

    static let about = "The page shown, for the head and the header."
    static let fields: [Field<Self>] = [
        .text("title", "The page's title.") { $0.title },
        .text("description", "Its description: its summary, else the site's.") { $0.description },
        .text("fullTitle", "The title for `<title>`: the page's, then the site's.") { $0.fullTitle },
        .text("ogType", "`website` or `article`, for Open Graph.") { $0.ogType },
        .flag("isHome", "Whether it is the front page.") { $0.isHome },
        .optionalText("canonical", "Its absolute URL; absent on the not-found page.") { $0.canonical },
        .optionalModel("image", "The picture it is shared with (`og:image`); absent when neither its text nor site.yaml has one.") { $0.image },
    ]
}

struct LayoutView: ViewModel {
    var site: Boxed<SiteView>
    var t: TemplateStrings
    var page: Boxed<PageMetaView>
    var nav: [LabelledLink]
    var lastUpdated: TimeView?
    var contentLanguage: String?

    static let about = "What every page has: the site, the interface words, the page and the navigation."
    static let fields: [Field<Self>] = [
        .model("site", "The site.") { $0.site },
        .strings("t", "The interface words of `Templates/strings/<language>.yaml`, by dotted key: `{{t.nav.home}}`.") { $0.t },
        .model("page", "The page shown.") { $0.page },
        .list("nav", "The site's navigation.") { $0.nav },
        .optionalModel("lastUpdated", "The newest date in the content, if any.") { $0.lastUpdated },
        .optionalText("contentLanguage", "The language the content is written in (`contentLanguage` in site.yaml), if it is not the "
                      + "site's `language`: for `lang` on what editors wrote, so an English build of Danish content keeps it marked Danish.") {
            $0.contentLanguage
        },
    ]
}

/// What a list entry's partial has besides its item.
struct EntryStrings: ViewModel {
    var t: TemplateStrings
    var contentLanguage: String?

    static let about = "What every list entry has."
    static let fields: [Field<Self>] = [
        .strings("t", "The interface words, as on pages.") { $0.t },
        .optionalText("contentLanguage", "The language the content is written in, if not the site's, as on pages.") { $0.contentLanguage },
    ]
}

typealias PageContext<Own: ViewModel> = TemplateContext<LayoutView, Own>
typealias EntryContext<Item: ViewModel> = TemplateContext<EntryStrings, Item>

struct HomePage: ViewModel {
    var title: String
    var summary: String
    var body: Fragment
    var articles: [RenderedEntry]
    var keyEvents: [RenderedEntry]
    var timelineHref: String
    var head: StoryHeadView
    var map: MapFigureView?

    static let about = "The front page (content/index.md)."
    static let fields: [Field<Self>] = [
        .text("title", "Its title.") { $0.title },
        .text("summary", "Its summary; may be empty.") { $0.summary },
        .fragment("body", "Its text.") { $0.body },
        .list("articles", "The ten newest articles (`partials/article-summary`).") { $0.articles },
        .list("keyEvents", "The key moments (`partials/event-summary`).") { $0.keyEvents },
        .text("timelineHref", "The timeline's URL.") { $0.timelineHref },
    ] + StoryHeadView.fields.map { $0.lifted(\.head) } + [
        .optionalModel("map", "The overview map (`partials/map-figure`), if the site has places.") { $0.map },
    ]
}

struct StandalonePage: ViewModel {
    var title: String
    var summary: String
    var body: Fragment
    var head: StoryHeadView

    static let about = "A page of its own (content/om.md)."
    static let fields: [Field<Self>] = [
        .text("title", "Its title.") { $0.title },
        .text("summary", "Its summary; may be empty.") { $0.summary },
        .fragment("body", "Its text.") { $0.body },
    ] + StoryHeadView.fields.map { $0.lifted(\.head) }
}

/// The head of a story besides its title and summary (`partials/story-head`): the front page
/// and pages list these fields as their own; articles have the same names.
struct StoryHeadView: ViewModel {
    var byline: String
    var authors: [String]
    var keyFacts: [RenderedEntry]
    var corrections: [CorrectionView]
    var date: TimeView?
    var updated: TimeView?

    static let about = "Who wrote a story, when, its key facts and corrections."
    static let fields: [Field<Self>] = [
        .text("byline", "Its `authors` (else the site's) joined in words (\"Anna Holm og Jonas Brix\"); may be empty.") { $0.byline },
        .texts("authors", "The same names, each as `{{.}}`.") { $0.authors },
        .list("keyFacts", "Its `keyFacts`, each a line of Markdown made HTML (\"Kort fortalt\").") { $0.keyFacts },
        .list("corrections", "Its corrections, oldest first.") { $0.corrections },
        .optionalModel("date", "When it was published (`date`), if given.") { $0.date },
        .optionalModel("updated", "When it was last updated, if it was.") { $0.updated },
    ]
}

struct ArticleListPage: ViewModel {
    var articles: [RenderedEntry]

    static let about = "The list of articles."
    static let fields: [Field<Self>] = [
        .list("articles", "Every article, newest first (`partials/article-summary`).") { $0.articles },
    ]
}

struct ArticlePage: ViewModel {
    var article: Boxed<ArticleView>

    static let about = "An article."
    static let fields: [Field<Self>] = [
        .model("article", "The article.") { $0.article },
    ]
}

struct EventPage: ViewModel {
    var event: Boxed<EventView>
    var timelineHref: String
    var jsonLD: String
    var previous: Boxed<EventMentionView>?
    var next: Boxed<EventMentionView>?

    static let about = "An event's page."
    static let fields: [Field<Self>] = [
        .model("event", "The event, with its text.") { $0.event },
        .text("timelineHref", "The timeline's URL.") { $0.timelineHref },
        .html("jsonLD", "Its schema.org `Event` as JSON-LD, for a `<script>` element.") { $0.jsonLD },
        .optionalModel("previous", "The event before it in the timeline, if any.") { $0.previous },
        .optionalModel("next", "The event after it, if any.") { $0.next },
    ]
}

struct TimelinePage: ViewModel {
    var intro: String
    var days: [TimelineDay]
    var views: [LabelledLink]
    var places: [LabelledLink]
    var tags: [LabelledLink]
    var exports: [LabelledLink]
    var timelineFeed: String
    var statuses: [StatusView]
    var newNote: String
    var count: Int

    static let about = "The timeline and each view of it: the key moments, a place's events, a tag's."
    static let fields: [Field<Self>] = [
        .text("intro", "What the view shows.") { $0.intro },
        .list("days", "Its events by day.") { $0.days },
        .list("views", "Links to the whole timeline and the key moments.") { $0.views },
        .list("places", "Links to the view of each place that has events.") { $0.places },
        .list("tags", "Links to the view of each tag that events have.") { $0.tags },
        .list("exports", "Links to the TimelineJS JSON, the CSV and the events' feed.") { $0.exports },
        .text("timelineFeed", "The events' Atom feed.") { $0.timelineFeed },
        .list("statuses", "Every status with its label and explanation, for a legend.") { $0.statuses },
        .text("newNote", "What \"new\" means here, with the site's `newWindow` (`timeline.newExplanation`).") { $0.newNote },
        .number("count", "How many events the view shows.") { $0.count },
    ]
}

struct GlossaryPage: ViewModel {
    var letters: [LetterLink]
    var groups: [LetterGroup]
    var jsonLD: String

    static let about = "The glossary."
    static let fields: [Field<Self>] = [
        .list("letters", "The alphabet bar (`glossary.alphabet` in the strings file, and every initial in use).") { $0.letters },
        .list("groups", "The terms by initial.") { $0.groups },
        .html("jsonLD", "The schema.org `DefinedTermSet` as JSON-LD.") { $0.jsonLD },
    ]
}

struct TermPage: ViewModel {
    var term: TermView
    var glossaryHref: String
    var jsonLD: String

    static let about = "A glossary term's page."
    static let fields: [Field<Self>] = [
        .model("term", "The term, with its entry and mentions.") { $0.term },
        .text("glossaryHref", "The glossary's URL.") { $0.glossaryHref },
        .html("jsonLD", "The schema.org `DefinedTerm` as JSON-LD.") { $0.jsonLD },
    ]
}

struct SourcesPage: ViewModel {
    var sources: [SourceSection]
    var summary: String
    var body: Fragment?

    static let about = "The sources page."
    static let fields: [Field<Self>] = [
        .list("sources", "Every source events cite, in the language's order.") { $0.sources },
        .text("summary", "The `summary` of content/sources.md, else `sources.intro` in the strings file.") { $0.summary },
        .optionalFragment("body", "The text of content/sources.md, e.g. how sources are assessed, if there is one.") { $0.body },
    ]
}

struct TagListPage: ViewModel {
    var tags: [TagSummaryView]

    static let about = "The list of tags."
    static let fields: [Field<Self>] = [
        .list("tags", "Every tag, in the language's order.") { $0.tags },
    ]
}

struct TagPage: ViewModel {
    var tag: TagSummaryView
    var articles: [RenderedEntry]
    var events: [RenderedEntry]

    static let about = "A tag's page."
    static let fields: [Field<Self>] = [
        .model("tag", "The tag.") { $0.tag },
        .list("articles", "Its articles, newest first (`partials/article-summary`).") { $0.articles },
        .list("events", "Its events, in timeline order (`partials/event-summary`).") { $0.events },
    ]
}

struct NotFoundPage: ViewModel {
    static let about = "The not-found page: only what every page has."
    static let fields: [Field<Self>] = []
}

struct MapPage: ViewModel {
    var svg: String
    var places: [MapPlaceView]
    var geojsonHref: String
    var figure: MapFigureView

    static let about = "The map."
    static let fields: [Field<Self>] = [
        .html("svg", "The map as inline SVG.") { $0.svg },
        .list("places", "Every place on it, by id.") { $0.places },
        .text("geojsonHref", "The GeoJSON export's URL.") { $0.geojsonHref },
        .model("figure", "The map as `partials/map-figure` shows it (without a list of places).") { $0.figure },
    ]
}

struct MapPlacePage: ViewModel {
    var svg: String
    var place: MapPlaceView
    var mapHref: String
    var figure: MapFigureView

    static let about = "A place's page on the map."
    static let fields: [Field<Self>] = [
        .html("svg", "The map around the place as inline SVG.") { $0.svg },
        .model("place", "The place.") { $0.place },
        .text("mapHref", "The whole map's URL. Inside `{{#place}}`, `{{mapHref}}` is the place's own.") { $0.mapHref },
        .model("figure", "The map as `partials/map-figure` shows it.") { $0.figure },
    ]
}

/// A map with its caption (`partials/map-figure`): on the map pages, the front page and for
/// each ```map block in a text.
struct MapFigureView: ViewModel {
    var svg: String
    var places: [NamedLink]
    var caption: String?
    var href: String?

    static let about = "A map as a figure."
    static let fields: [Field<Self>] = [
        .html("svg", "The map as inline SVG.") { $0.svg },
        .list("places", "The places it marks, each linked to its page; empty where the page lists them itself.") { $0.places },
        .optionalText("caption", "Its caption (`caption` in a ```map block), if any.") { $0.caption },
        .optionalText("href", "The whole map's URL, where the figure is not on the map page.") { $0.href },
    ]
}

/// A ```timeline block in a text (`partials/embedded-timeline`).
struct EmbeddedTimelineView: ViewModel {
    var events: [RenderedEntry]
    var timelineHref: String

    static let about = "A timeline inside a text."
    static let fields: [Field<Self>] = [
        .list("events", "The matching events, oldest first (`partials/event-summary`).") { $0.events },
        .text("timelineHref", "The whole timeline's URL.") { $0.timelineHref },
    ]
}
