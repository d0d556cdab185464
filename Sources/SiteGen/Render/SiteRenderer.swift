/// A file of the finished site: text sitegen made, or a file copied as it is.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// A site-relative source path to copy.
        case copy(String)
    }

    /// Relative to the output folder, with `/` separators.
    public var path: String
    public var contents: Contents
}

/// Stage 3: renders every page through the templates, in parallel, plus feeds and sitemap.
/// Each chunk of pages goes to `emit` as soon as it is rendered, so a big site is never
/// held in memory whole. Returns the paths of every file it emitted.
enum SiteRenderer {
    static func render(
        _ site: Site, templates: TemplateSet, assets: [String],
        emit: @escaping @Sendable ([OutputFile]) throws -> Void
    ) async throws -> Set<String> {
        let library = templates.library
        // List entries first: embedded timelines in bodies are made of them.
        var listFragments = await ListFragments.render(ViewModels(site: site, bodies: .none), library: library)
        let embedded = EmbeddedTimeline(site: site, eventFragments: listFragments.events)
        let bodies = await RenderedBodies.render(site, transforms: [TimelineEmbed.transform(embedded.html), MapEmbeds.transform(site)])
        let models = ViewModels(site: site, bodies: bodies)
        listFragments.timeline = await ListFragments.renderTimeline(models, library: library)
        let fragments = listFragments
        let jobs = PageJob.all(for: site)
        let results = await jobs.concurrentChunks { chunk -> [Result<[String], Error>] in
            let contexts = PageContexts(models: models, fragments: fragments)
            let files = chunk.map { job in
                let html = library.render(contexts.context(for: job), withTemplate: job.template) ?? ""
                return OutputFile(path: job.path(in: site).map(Routes.outputFile) ?? "404.html", contents: .text(html))
            }
            return [Result { try emit(files); return files.map(\.path) }]
        }
        let exportBodies = await TimelineExports.bodies(site)
        var written = Set<String>()
        for result in results { written.formUnion(try result.get()) }
        let others = [
            OutputFile(path: site.routes.feed, contents: .text(AtomFeed.render(site, models: models))),
            OutputFile(path: site.routes.timelineFeed, contents: .text(AtomFeed.render(site, models: models, eventsOnly: true))),
            OutputFile(path: site.routes.timelineJSON, contents: .text(TimelineExports.timelineJS(site, models: models, bodies: exportBodies))),
            OutputFile(path: site.routes.timelineCSV, contents: .text(TimelineExports.spreadsheet(site, models: models, bodies: exportBodies))),
            OutputFile(path: site.routes.geoJSON, contents: .text(GeoJSONExport.render(site, models: models))),
            OutputFile(path: "sitemap.xml", contents: .text(Sitemap.render(site, jobs: jobs))),
            OutputFile(path: "robots.txt", contents: .text("User-agent: *\nAllow: /\n\nSitemap: \(site.config.absoluteURL("sitemap.xml"))\n")),
        ]
        + templates.staticFiles.map { OutputFile(path: String($0.dropFirst("Templates/static/".count)), contents: .copy($0)) }
        + assets.map { OutputFile(path: String($0.dropFirst("content/".count)), contents: .copy($0)) }
        try emit(others)
        return written.union(others.map(\.path))
    }
}
