/// A template the renderer asks for, by name, with the value it is rendered with: the
/// type binds the name to its view model, so a page cannot be rendered with another's.
struct Template<Model: TemplateModel>: Sendable {
    let name: String
    let renders: String

    var described: TemplateDescription { TemplateDescription(name: name, renders: renders, model: Model.self) }

    /// The reuse key of what this template makes of `model`: everything the template can show
    /// is in its value, and `inputs` covers the templates themselves (and site.yaml).
    func key(of model: Model, inputs: Int) -> Int {
        var fingerprint = Fingerprint()
        fingerprint.add(inputs)
        fingerprint.add(name)
        model.addFingerprint(to: &fingerprint)
        return fingerprint.value
    }
}

/// A template of the contract, for the load-time check and Templates/README.md.
struct TemplateDescription: Sendable {
    let name: String
    let renders: String
    let model: any TemplateModel.Type
}

/// Every template sitegen renders. A site must have each of them (`TemplateLoader`), and each
/// may use only the fields of its value (`TemplateCheck`).
enum Templates {
    static let layout = Template<LayoutView>(name: "layout", renders: "the frame of every page")
    static let home = Template<PageContext<HomePage>>(name: "index", renders: "the front page")
    static let page = Template<PageContext<StandalonePage>>(name: "page", renders: "standalone pages")
    static let articles = Template<PageContext<ArticleListPage>>(name: "articles", renders: "the list of articles")
    static let article = Template<PageContext<ArticlePage>>(name: "article", renders: "articles")
    static let event = Template<PageContext<EventPage>>(name: "event", renders: "event pages")
    static let timeline = Template<PageContext<TimelinePage>>(name: "timeline", renders: "the timeline")
    static let glossary = Template<PageContext<GlossaryPage>>(name: "glossary", renders: "the glossary index")
    static let term = Template<PageContext<TermPage>>(name: "term", renders: "glossary term pages")
    static let sources = Template<PageContext<SourcesPage>>(name: "sources", renders: "the sources page")
    static let tags = Template<PageContext<TagListPage>>(name: "tags", renders: "the list of tags")
    static let tag = Template<PageContext<TagPage>>(name: "tag", renders: "tag pages")
    static let notFound = Template<PageContext<NotFoundPage>>(name: "404", renders: "the not-found page")
    static let map = Template<PageContext<MapPage>>(name: "map", renders: "the map page")
    static let mapPlace = Template<PageContext<MapPlacePage>>(name: "map-place", renders: "the map page of each place")
    static let articleSummary = Template<EntryContext<ArticleSummaryView>>(name: "partials/article-summary", renders: "an article in lists")
    static let eventSummary = Template<EntryContext<EventView>>(name: "partials/event-summary", renders: "an event in lists")
    static let timelineEvent = Template<EntryContext<EventView>>(name: "partials/timeline-event", renders: "an event in the timeline")
    static let mention = Template<EntryContext<MentionView>>(name: "partials/mention", renders: "a page in a glossary entry's list of mentions")
    static let picture = Template<PictureView>(name: "partials/picture", renders: "an image in a text")
    static let figure = Template<FigureView>(name: "partials/figure", renders: "a photo with its caption and credit")
    static let embed = Template<EntryContext<EmbedView>>(name: "partials/embed", renders: "an embedded post or video")
    static let mapFigure = Template<EntryContext<MapFigureView>>(name: "partials/map-figure", renders: "a ```map block in a text")
    static let embeddedTimeline = Template<EntryContext<EmbeddedTimelineView>>(name: "partials/embedded-timeline",
                                                                                renders: "a ```timeline block in a text")

    static let all: [TemplateDescription] = [
        layout.described, home.described, page.described, article.described, event.described, timeline.described,
        glossary.described, term.described, sources.described, tags.described, tag.described, notFound.described,
        articles.described, map.described, mapPlace.described,
        articleSummary.described, eventSummary.described, timelineEvent.described, mention.described,
        mapFigure.described, embeddedTimeline.described, picture.described, figure.described, embed.described,
    ]
}
