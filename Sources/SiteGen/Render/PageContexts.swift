/// Renders each page: what every page shares (site, strings, navigation, meta tags) plus
/// what the page's own template shows, as the typed value of its template (`Templates`).
struct PageContexts {
    let models: ViewModels
    let fragments: ListFragments
    /// The fingerprint of the templates and site.yaml, part of every page's key.
    let inputs: Int
    /// What every page's layout shows the same, made once, not for each page.
    private let siteView: Boxed<SiteView>
    private let lastUpdated: TimeView?
    private let menu: [(label: String, href: String, path: String)]

    init(models: ViewModels, fragments: ListFragments, inputs: Int) {
        self.models = models
        self.fragments = fragments
        self.inputs = inputs
        let site = models.site
        let config = site.config
        siteView = Boxed(SiteView(title: config.title, description: config.description, language: config.language, publisher: config.publisher,
                            home: models.href(""), feed: models.href(site.routes.feed), stylesheet: models.href("style.css"),
                            locale: Self.ogLocale(config.language),
                            brand: BrandView(name: config.brand.name, colour: config.brand.colour, logo: config.brand.logo.map { models.href($0.value) })))
        lastUpdated = site.lastUpdated.map { models.time($0, text: models.dates.stamp($0)) }
        let routes = site.routes
        menu = [("nav.home", routes.home), ("nav.articles", routes.articles), ("nav.timeline", routes.timeline),
                ("nav.glossary", routes.glossary), ("nav.sources", routes.sources), ("nav.map", routes.map)].map { key, path in
            (site.strings[key], models.href(path), path)
        }
    }

    private func articleItems(_ indices: some Sequence<Int>) -> [RenderedEntry] {
        indices.map { RenderedEntry(fragment: fragments.articles[$0]) }
    }

    private func eventItems(_ indices: some Sequence<Int>) -> [RenderedEntry] {
        indices.map { RenderedEntry(fragment: fragments.events[$0]) }
    }

    private var site: Site { models.site }

    private struct Meta {
        var title: String
        var description: String
        var type = "website"
    }

    /// A page's key, the fingerprint of its view model (`Template.key`), and its HTML (UTF-8)
    /// unless `isCurrent` accepts the key: the output already holds the page as it would render.
    /// Without `keyed` (a build with no memo before or after it) the key is 0 and every page renders.
    func render(_ job: PageJob, templates: CompiledTemplates, keyed: Bool = true,
                isCurrent: (Int) -> Bool = { _ in false }) -> (key: Int, html: [UInt8]?) {
        func page<Own>(_ meta: Meta, _ own: Own, _ template: Template<PageContext<Own>>) -> (key: Int, html: [UInt8]?) {
            let context = PageContext(shared: layout(job: job, meta: meta), own: own)
            guard keyed else { return (0, templates.renderBytes(context, with: template)) }
            let key = template.key(of: context, inputs: inputs)
            return (key, isCurrent(key) ? nil : templates.renderBytes(context, with: template))
        }
        let strings = site.strings
        switch job {
        case .home:
            let front = site.frontPage
            return page(Meta(title: front.title, description: front.summary), HomePage(
                title: front.title, summary: front.summary, body: models.bodies[.frontPage],
                articles: articleItems(site.articles.indices.prefix(10)),
                keyEvents: eventItems(site.events.indices.filter { site.events[$0].isKey }),
                timelineHref: models.href(site.routes.timeline), head: head(of: front), map: models.overviewFigure()), Templates.home)
        case .page(let index):
            let standalone = site.pages[index]
            return page(Meta(title: standalone.title, description: standalone.summary),
                        StandalonePage(title: standalone.title, summary: standalone.summary, body: models.bodies[.page(index)],
                                       head: head(of: standalone)), Templates.page)
        case .articles:
            return page(Meta(title: strings["articles.title"], description: site.config.description),
                        ArticleListPage(articles: articleItems(site.articles.indices)), Templates.articles)
        case .article(let index):
            let article = site.articles[index]
            return page(Meta(title: article.title, description: article.summary, type: "article"), ArticlePage(article: Boxed(models.article(index))), Templates.article)
        case .event(let index):
            let event = site.events[index]
            let date = site.localDate(of: event)
            let own = EventPage(
                event: Boxed(models.event(index, withBody: true)), timelineHref: models.href(site.routes.timeline),
                jsonLD: EventJSONLD.json(index, site: site),
                previous: index > 0 ? Boxed(models.eventMention(index - 1)) : nil,
                next: index + 1 < site.events.count ? Boxed(models.eventMention(index + 1)) : nil)
            return page(Meta(title: event.title, description: "\(models.dates.day(date)): \(event.title)", type: "article"), own, Templates.event)
        case .timeline, .keyTimeline, .placeTimeline, .tagTimeline:
            let view = TimelineView(job: job, site: site)
            return page(Meta(title: view.title, description: view.intro), view.page(models, entries: fragments.timeline), Templates.timeline)
        case .glossary:
            let (letters, groups) = models.glossaryIndex()
            return page(Meta(title: strings["glossary.title"], description: site.config.description),
                        GlossaryPage(letters: letters, groups: groups, jsonLD: StructuredData.definedTermSet(site)), Templates.glossary)
        case .term(let index):
            let term = site.terms[index]
            return page(Meta(title: term.title, description: term.short), TermPage(
                term: models.term(index, withBody: true, mentions: fragments), glossaryHref: models.href(site.routes.glossary),
                jsonLD: StructuredData.definedTerm(index, site: site)), Templates.term)
        case .sources:
            let text = site.sourcesPage
            let title = text.title.isEmpty ? strings["sources.title"] : text.title
            let summary = text.summary.isEmpty ? strings["sources.intro"] : text.summary
            return page(Meta(title: title, description: summary),
                        SourcesPage(sources: sources(), summary: summary, body: text.body.document.blocks.isEmpty ? nil : models.bodies[.sourcesPage]), Templates.sources)
        case .tags:
            return page(Meta(title: strings["tags.title"], description: site.config.description), TagListPage(tags: site.tags.map { tagSummary($0) }), Templates.tags)
        case .tag(let index):
            let tag = site.tags[index]
            return page(Meta(title: tag.name, description: site.config.description), TagPage(
                tag: tagSummary(tag), articles: articleItems(tag.articleIndices), events: eventItems(tag.eventIndices)), Templates.tag)
        case .notFound:
            return page(Meta(title: strings["notFound.title"], description: site.config.description), NotFoundPage(), Templates.notFound)
        case .map:
            return page(Meta(title: strings["map.title"], description: strings["map.intro"]), models.mapOverview(), Templates.map)
        case .mapPlace(let index):
            let name = site.map!.places[index].place.name
            return page(Meta(title: name, description: "\(strings["map.title"]): \(name)"), models.mapPlacePage(index), Templates.mapPlace)
        }
    }

    private func head(of page: Page) -> StoryHeadView {
        models.storyHead(page.story, from: page.body.sourcePath, date: page.date, updated: page.updated, corrections: page.corrections)
    }

    private func layout(job: PageJob, meta: Meta) -> LayoutView {
        let path = job.path(in: site)
        return LayoutView(site: siteView, t: models.strings, page: Boxed(pageValues(job: job, path: path, meta: meta)),
                          nav: menu.map { LabelledLink(label: $0.label, href: $0.href, current: path == $0.path) },
                          lastUpdated: lastUpdated, contentLanguage: site.config.contentLanguageIfOther)
    }

    private func pageValues(job: PageJob, path: String?, meta: Meta) -> PageMetaView {
        let isHome = path == ""
        return PageMetaView(title: meta.title, description: meta.description.isEmpty ? site.config.description : meta.description,
                            fullTitle: isHome ? meta.title : "\(meta.title) – \(site.config.title)", ogType: meta.type, isHome: isHome,
                            canonical: path.map(site.config.absoluteURL), image: shareImage(job))
    }

    /// The picture the page is shared with: the first photo of its text, else the site's.
    private func shareImage(_ job: PageJob) -> ShareImageView? {
        guard let choice = ShareImages.choice(for: owner(of: job), in: site), let share = site.images.published[choice.contentPath]?.share else { return nil }
        return ShareImageView(url: site.config.absoluteURL(share.sitePath), width: share.variant.size.width, height: share.variant.size.height,
                              alt: choice.alt.isEmpty ? nil : choice.alt)
    }

    /// Whose text a page shows, whose first photo it is shared with.
    private func owner(of job: PageJob) -> BodyOwner? {
        switch job {
        case .home: .frontPage
        case .page(let index): .page(index)
        case .article(let index): .article(index)
        case .event(let index): .event(index)
        case .term(let index): .term(index)
        default: nil
        }
    }

    private func sources() -> [SourceSection] {
        site.sources.map { entry in
            let url = entry.description?.url?.text
            return SourceSection(name: entry.name, anchor: entry.anchor, events: entry.eventIndices.map { models.eventMention($0) },
                                 description: entry.description?.description, url: url,
                                 urlLabel: url.map { _ in site.strings["sources.homepage"].replacingOccurrences(of: "{name}", with: entry.name) })
        }
    }

    private func tagSummary(_ tag: Tag) -> TagSummaryView {
        TagSummaryView(name: tag.name, href: models.href(site.routes.tag(tag.slug)), count: tag.articleIndices.count + tag.eventIndices.count)
    }

    /// Open Graph wants `da_DK`, not BCP 47's `da`.
    private static func ogLocale(_ language: String) -> String {
        let known = ["da": "da_DK", "en": "en_GB", "sv": "sv_SE", "nb": "nb_NO", "de": "de_DE"]
        return known[language] ?? language.replacingOccurrences(of: "-", with: "_")
    }
}

/// The timeline's day headings, each with its events in order.
enum TimelineDays {
    static func group(_ models: ViewModels, indices: [Int]? = nil, entries: [Fragment]) -> [TimelineDay] {
        var days: [TimelineDay] = []
        var currentKey = ""
        for index in indices ?? Array(models.site.events.indices) {
            let event = models.site.events[index]
            let date = models.site.localDate(of: event)
            let key = date.precision >= .day ? String(date.iso8601.prefix(10)) : String(date.iso8601.prefix(7))
            if key != currentKey {
                currentKey = key
                days.append(TimelineDay(heading: models.dates.dayHeading(date), iso: key, anchor: "d" + key, events: []))
            }
            days[days.count - 1].events.append(RenderedEntry(fragment: entries[index]))
        }
        return days
    }
}

import Foundation
