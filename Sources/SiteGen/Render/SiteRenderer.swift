/// A file of the finished site: text sitegen made, or a file copied as it is.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// UTF-8 text as the templates wrote it: a page goes to its file without becoming a `String`.
        case bytes([UInt8])
        /// A site-relative source path to copy.
        case copy(String)
    }

    /// Relative to the output folder, with `/` separators.
    public var path: String
    public var contents: Contents
}

/// What a render made: the path of every file of the site, how many of them it rendered
/// (the rest were unchanged since the build `memo` came from), and the memo for the next one.
struct RenderResult: Sendable {
    var paths: Set<String>
    var pages: Int
    var rendered: Int
    var memo: RenderMemo
    /// The views every page was made from, handed back to be let go of with the site: freed at
    /// the end of the render, their thousands of entries held up the link check on one core.
    var views: ViewModels
}

/// Stage 3: renders every page through the templates, in parallel, plus feeds and sitemap.
/// Each chunk of pages goes to `emit` as soon as it is rendered, so a big site is never
/// held in memory whole. Pages and files whose key is the one `memo` holds for their path
/// are not rendered or emitted: the output already holds them.
enum SiteRenderer {
    static func render(
        _ loaded: LoadedSite, memo: RenderMemo, emit: @escaping @Sendable ([OutputFile]) throws -> Void
    ) async throws -> RenderResult {
        // The articles are most of the text, and only an article's own page shows it.
        let isArticle: @Sendable (BodyOwner) -> Bool = { if case .article = $0 { true } else { false } }
        let (site, templates, inputs) = (loaded.site, loaded.templates.compiled, loaded.inputsKey)
        // Beside the list entries' models: one core's pass over every link and event.
        async let reuseKeys = ReuseKeys(site: site, inputs: inputs)
        var next = RenderMemo()
        if memo.recordsNext { next.fragments.reserveCapacity(memo.fragments.count) }
        // List entries first: embedded timelines in bodies are made of them.
        let entryModels = await ViewModels(site: site, bodies: .none).preparingItems()
        let keys = await reuseKeys
        var listFragments = await ListFragments.render(entryModels, templates: templates, inputs: loaded.inputsKey, memo: memo, into: &next.fragments)
        let embedded = EmbeddedTimeline(models: entryModels, eventFragments: listFragments.events, templates: templates)
        let figures = MapFigures(models: entryModels, templates: templates)
        let maker = RenderedBodies.Maker(site: site, transforms: [TimelineEmbed.transform(embedded.html), MapEmbeds.transform(figures.html)],
                                         templates: templates, reservedIDs: loaded.templates.reservedIDs, keys: keys, withPage: isArticle)
        let bodies = await RenderedBodies.render(site, maker: maker, memo: memo, into: &next.fragments)
        let models = entryModels.with(bodies)
        listFragments.timeline = await ListFragments.renderTimeline(models, templates: templates, inputs: loaded.inputsKey, memo: memo, into: &next.fragments)
        let fragments = listFragments

        // Each page's key is the fingerprint of its view model, so every page's model is built;
        // only a page whose key the output does not hold yet is rendered and emitted.
        let jobs = PageJob.all(for: site)
        let paths = jobs.map { $0.path(in: site).map(Routes.outputFile) ?? "404.html" }
        // Beside the render: made at its end, the set of every page's path held up the link check.
        async let pagePaths = Set(paths)
        let keyed = memo.needsKeys
        // Renders pages one after another in a task, each emitted as soon as it is made: a chunk
        // of list pages (the timeline, every place's and tag's) held together was a large site's
        // peak memory. Gives each page's key and whether it was written; after a failure the rest
        // of the chunk is not written.
        let renderChunk: @Sendable (_ numbers: [Int], _ models: ViewModels) -> [(key: Int, written: Result<Bool, Error>)] = { numbers, models in
            let contexts = PageContexts(models: models, fragments: fragments, inputs: inputs)
            var failed = false
            return numbers.map { number in
                let (key, html) = contexts.render(jobs[number], templates: templates, keyed: keyed) { memo.files[paths[number]] == $0 }
                guard let html, !failed else { return (key, .success(false)) }
                let written = Result { try emit([OutputFile(path: paths[number], contents: .bytes(html))]); return true }
                if case .failure = written { failed = true }
                return (key, written)
            }
        }
        var pageKeys = [Int](repeating: 0, count: jobs.count)
        var rendered = 0
        func record(_ numbers: [Int], _ pages: [(key: Int, written: Result<Bool, Error>)]) throws {
            for (number, page) in zip(numbers, pages) {
                pageKeys[number] = page.key
                if try page.written.get() { rendered += 1 }
            }
        }
        let nonArticles = jobs.indices.filter { !isArticleJob(jobs[$0]) }
        let listsFirst = nonArticles.filter { jobs[$0].listsMany } + nonArticles.filter { !jobs[$0].listsMany }
        // Beside the articles: a few heavy pages (the timeline, the map's places) kept one core
        // busy at their end while the other waited.
        async let otherPages = listsFirst.concurrentChunks { renderChunk(Array($0), models) }
        // The files that need no text, beside the articles too: the GeoJSON alone kept one core
        // busy at the end of the build while the other waited.
        let early = filesWithoutTexts(loaded, keys: keys, jobs: jobs, pagePaths: paths)
        let staleEarly = early.filter { memo.files[$0.path] != $0.key }
        async let earlyWritten = staleEarly.concurrentMap { other in Result { try emit([OutputFile(path: other.path, contents: other.make())]) } }
        // Each article's text and page in one task, its text let go with its page, but for the
        // few the feed shows. The feed's key reads every text's hash.
        let articleJobs = Dictionary(uniqueKeysWithValues: jobs.indices.compactMap { number in
            if case .article(let index) = jobs[number] { (index, number) } else { nil }
        })
        let inFeed = AtomFeed.articlesShown(site)
        let articles = site.owners { owner, _ in isArticle(owner) }
        let articlePages = await RenderedBodies.render(articles, maker: maker, memo: memo, into: &next.fragments) { chunk in
            let numbers = chunk.map { if case .article(let index) = $0.owner { articleJobs[index]! } else { preconditionFailure("not an article") } }
            let pages = renderChunk(numbers, models.setting(chunk))
            return chunk.indices.map { place in
                let (owner, fragment) = chunk[place]
                let shown = if case .article(let index) = owner { inFeed.contains(index) } else { false }
                return (fragment: shown ? fragment : fragment.withoutHTML, number: numbers[place], page: pages[place])
            }
        }
        try record(listsFirst, await otherPages)
        try record(articlePages.map(\.number), articlePages.map(\.page))
        let withArticles = models.setting(Array(zip(articles, articlePages.map(\.fragment))))
        // Kept only for a next build: a plain build's memo is let go of, and filling it was tens
        // of thousands of paths hashed on one core.
        if memo.recordsNext {
            for (number, key) in pageKeys.enumerated() { next.files[paths[number]] = key }
        }

        let exportBodies = await TimelineExports.bodies(withArticles)
        let exports = await TimelineExports.entries(withArticles, bodies: exportBodies, keys: keys, memo: memo, into: &next.fragments)
        let others = filesWithTexts(loaded, models: withArticles, exports: exports, keys: keys)
        let staleOthers = others.filter { memo.files[$0.path] != $0.key }
        // In parallel: the feeds and exports are each a whole pass over the site. Each is
        // written as soon as it is made, not held until all are.
        for written in await staleOthers.concurrentMap({ other in Result { try emit([OutputFile(path: other.path, contents: other.make())]) } }) {
            try written.get()
        }
        for written in await earlyWritten { try written.get() }
        rendered += staleOthers.count + staleEarly.count

        if memo.recordsNext {
            for other in early + others { next.files[other.path] = other.key }
            next.isFilled = true
        }
        return RenderResult(paths: await pagePaths.union((early + others).map(\.path)), pages: jobs.count, rendered: rendered, memo: next, views: withArticles)
    }

    private static func isArticleJob(_ job: PageJob) -> Bool {
        if case .article = job { true } else { false }
    }

    /// The feeds and the timeline's exports, which show the texts as rendered, each with its
    /// key and a way to make it that runs only when the key changed.
    private static func filesWithTexts(_ loaded: LoadedSite, models: ViewModels, exports: (slides: [Fragment], rows: [Fragment]), keys: ReuseKeys) -> [OtherFile] {
        let site = loaded.site
        let global = keys.global
        return [
            (site.routes.feed, feedKey(models, keys: keys, eventsOnly: false), { .text(AtomFeed.render(site, models: models)) }),
            (site.routes.timelineFeed, feedKey(models, keys: keys, eventsOnly: true), { .text(AtomFeed.render(site, models: models, eventsOnly: true)) }),
            (site.routes.timelineJSON, Fingerprint.of(global, exports.slides.map(\.hash)), { .bytes(TimelineExports.timelineJS(site, slides: exports.slides)) }),
            (site.routes.timelineCSV, Fingerprint.of(global, exports.rows.map(\.hash)), { .bytes(TimelineExports.spreadsheet(site, rows: exports.rows)) }),
        ]
    }

    /// The map's GeoJSON, sitemap, robots.txt and the copied files, as `filesWithTexts` gives its files.
    private static func filesWithoutTexts(_ loaded: LoadedSite, keys: ReuseKeys, jobs: [PageJob], pagePaths: [String]) -> [OtherFile] {
        let site = loaded.site
        let global = keys.global
        let made: [OtherFile] = [
            (site.routes.geoJSON, Fingerprint.of(global, "geojson", keys.events, keys.markers), { .bytes(GeoJSONExport.render(site)) }),
            ("sitemap.xml", Fingerprint.of(global, pagePaths), { .text(Sitemap.render(site, jobs: jobs)) }),
            ("robots.txt", global, { .text("User-agent: *\nAllow: /\n\nSitemap: \(site.config.absoluteURL("sitemap.xml"))\n") }),
        ]
        let staticFiles: [OtherFile] = loaded.templates.staticFiles.map { path in
            (String(path.dropFirst("Templates/static/".count)), Fingerprint.of(global, path), { .copy(path) })
        }
        let assets: [OtherFile] = loaded.assets.map { path in
            (String(path.dropFirst("content/".count)), Fingerprint.of(path, loaded.assetVersions[path]), { .copy(path) })
        }
        let images: [OtherFile] = site.images.files.map { file in
            (file.sitePath, Fingerprint.of("image", file.cachePath), { .copy(file.cachePath) })
        }
        return made + staticFiles + assets + images
    }

    /// A file that is not a page: its path, its key, and how to make it.
    private typealias OtherFile = (path: String, key: Int, make: @Sendable () -> OutputFile.Contents)

    /// A feed shows every item's front matter (which picks and orders the entries) and text.
    private static func feedKey(_ models: ViewModels, keys: ReuseKeys, eventsOnly: Bool) -> Int {
        let site = models.site
        var key = Fingerprint()
        key.add(keys.global)
        key.add(eventsOnly)
        if !eventsOnly {
            for index in site.articles.indices {
                key.add(site.articles[index].body.stamp.meta)
                key.add(models.bodies[.article(index)].hash)
            }
        }
        for index in site.events.indices {
            key.add(site.events[index].body.stamp.meta)
            key.add(models.bodies[.event(index)].hash)
        }
        return key.value
    }
}
